/* Clients that hang up the moment they have their answer, as fast as one client can.
 *
 *   hangup_hammer SOCKET SECONDS PID
 *
 * One thread connects, sends a Status call, reads the reply and closes, again and again, until
 * SECONDS pass or the process PID is gone. Meanwhile four threads per CPU, pinned there, sleep
 * 1 µs at a time in a loop: the stream of wake-ups preempts the daemon's threads at random
 * points, which is what turns a race of nanoseconds into one that shows within seconds.
 *
 * Prints "connections=N failed=F daemon=alive|gone": F calls got no whole reply.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static const char call[] = "{\"method\":\"io.salesd.Control.Status\",\"parameters\":{}}";
static atomic_int done;

static void *sleeper(void *cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET((int)(size_t)cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
    struct timespec microsecond = {0, 1000};
    while (!atomic_load(&done)) nanosleep(&microsecond, NULL);
    return NULL;
}

/* Gone: no such process, or a zombie its parent has not reaped yet. */
static int gone(pid_t pid) {
    char path[64], stat[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *file = fopen(path, "r");
    if (!file) return 1;
    size_t length = fread(stat, 1, sizeof stat - 1, file);
    fclose(file);
    stat[length] = 0;
    char *end = strrchr(stat, ')');
    return !end || end[2] == 'Z' || end[2] == 'X';
}

/* One call on a new connection; 0 when the whole reply came back. */
static int one_call(const struct sockaddr_un *address) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    struct timeval timeout = {5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    int failed = connect(fd, (const struct sockaddr *)address, sizeof *address) < 0
        || send(fd, call, sizeof call, MSG_NOSIGNAL) != (ssize_t)sizeof call;
    char reply[4096];
    for (int whole = 0; !failed && !whole;) {
        ssize_t got = read(fd, reply, sizeof reply);
        if (got <= 0) failed = 1;
        else whole = memchr(reply, 0, (size_t)got) != NULL;
    }
    close(fd);
    return failed ? -1 : 0;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: hangup_hammer SOCKET SECONDS PID\n");
        return 2;
    }
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    strncpy(address.sun_path, argv[1], sizeof address.sun_path - 1);
    double seconds = atof(argv[2]);
    pid_t pid = (pid_t)atoi(argv[3]);

    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    pthread_t sleepers[64];
    int count = cpus < 1 ? 1 : cpus > 16 ? 16 : (int)cpus;
    for (int i = 0; i < 4 * count; i++) pthread_create(&sleepers[i], NULL, sleeper, (void *)(size_t)(i % count));

    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    long connections = 0, failures = 0;
    int alive = 1;
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - start.tv_sec + (now.tv_nsec - start.tv_nsec) / 1e9 >= seconds) break;
        connections++;
        if (one_call(&address) != 0) {
            if (gone(pid)) {
                alive = 0;
                break;
            }
            failures++;
        }
    }
    atomic_store(&done, 1);
    for (int i = 0; i < 4 * count; i++) pthread_join(sleepers[i], NULL);
    printf("connections=%ld failed=%ld daemon=%s\n", connections, failures, alive ? "alive" : "gone");
    return 0;
}
