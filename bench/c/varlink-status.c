/* The floor of a Status call: a C client on the daemon's control socket.
 *
 *   varlink-status SOCKET        one call; prints the reply (the whole process is the floor
 *                                of `salesd ctl status`)
 *   varlink-status SOCKET N      N calls on one connection; prints each round trip in µs
 *
 * The call is the bytes salesd's own client sends: NUL-framed JSON, no "more".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static const char call[] = "{\"method\":\"io.salesd.Control.Status\",\"parameters\":{}}";
static char buffer[1 << 20];

/* Sends the call and reads up to the reply's NUL; returns the reply's length. */
static size_t roundtrip(int fd) {
    if (write(fd, call, sizeof call) != (ssize_t)sizeof call) { perror("varlink-status: write"); exit(1); }
    size_t used = 0;
    for (;;) {
        ssize_t got = read(fd, buffer + used, sizeof buffer - used);
        if (got <= 0) { fprintf(stderr, "varlink-status: the daemon closed the connection\n"); exit(1); }
        void *end = memchr(buffer + used, 0, (size_t)got);
        used += (size_t)got;
        if (end) return (size_t)((char *)end - buffer);
        if (used == sizeof buffer) { fprintf(stderr, "varlink-status: reply too large\n"); exit(1); }
    }
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: varlink-status SOCKET [N]\n"); return 2; }
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    strncpy(address.sun_path, argv[1], sizeof address.sun_path - 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&address, sizeof address) < 0) {
        perror("varlink-status: connect");
        return 3;
    }
    if (argc < 3) {
        size_t length = roundtrip(fd);
        fwrite(buffer, 1, length, stdout);
        putchar('\n');
        return strstr(buffer, "\"error\"") ? 1 : 0;
    }
    int count = atoi(argv[2]);
    for (int i = 0; i < count; i++) {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        roundtrip(fd);
        clock_gettime(CLOCK_MONOTONIC, &end);
        printf("%.1f\n", (end.tv_sec - start.tv_sec) * 1e6 + (end.tv_nsec - start.tv_nsec) / 1e3);
    }
    return 0;
}
