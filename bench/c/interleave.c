/* Times whole processes, interleaved: each round runs every command once, starting at a
 * different command each round, so a drift in the machine's load touches them all alike.
 *
 *   interleave ROUNDS WARMUP 'cmd1 arg…' 'cmd2 arg…' …
 *
 * Prints one line per command, in the order given: the microseconds of each timed run, from
 * spawn to exit, space-separated. Arguments are split on spaces (no quoting). What the
 * commands print goes to /dev/null, what they say on stderr to this program's stderr; a
 * command that exits non-zero stops the run (exit 1), naming the command and its status.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static char **split(const char *text) {
    char *copy = strdup(text);
    size_t count = 0, capacity = 8;
    char **argv = malloc(capacity * sizeof *argv);
    for (char *word = strtok(copy, " "); word; word = strtok(NULL, " ")) {
        if (count + 2 > capacity) argv = realloc(argv, (capacity *= 2) * sizeof *argv);
        argv[count++] = word;
    }
    argv[count] = NULL;
    return argv;
}

static double run(char **argv, posix_spawn_file_actions_t *actions) {
    struct timespec start, end;
    pid_t pid;
    int status;
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (posix_spawnp(&pid, argv[0], actions, NULL, argv, environ) != 0) {
        fprintf(stderr, "interleave: cannot start %s\n", argv[0]);
        exit(1);
    }
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "interleave: '");
        for (char **word = argv; *word; word++) fprintf(stderr, word == argv ? "%s" : " %s", *word);
        if (WIFEXITED(status)) fprintf(stderr, "' exited with %d\n", WEXITSTATUS(status));
        else fprintf(stderr, "' ended with wait status %d\n", status);
        exit(1);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    return (end.tv_sec - start.tv_sec) * 1e6 + (end.tv_nsec - start.tv_nsec) / 1e3;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: interleave ROUNDS WARMUP 'command …' …\n");
        return 2;
    }
    int rounds = atoi(argv[1]), warmup = atoi(argv[2]), n = argc - 3;
    char ***commands = malloc(n * sizeof *commands);
    double *times = malloc((size_t)n * rounds * sizeof *times);
    for (int c = 0; c < n; c++) commands[c] = split(argv[c + 3]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    for (int r = -warmup; r < rounds; r++) {
        for (int k = 0; k < n; k++) {
            int c = ((r % n) + n + k) % n;
            double t = run(commands[c], &actions);
            if (r >= 0) times[c * rounds + r] = t;
        }
    }
    for (int c = 0; c < n; c++) {
        for (int r = 0; r < rounds; r++) printf(r ? " %.1f" : "%.1f", times[c * rounds + r]);
        printf("\n");
    }
    return 0;
}
