/* Runs a command and prints its wall time and peak memory as JSON: {"seconds": S, "maxrss_kb": K}.
 *
 * The measured process is forked from this small program, not from the benchmark runner: Linux
 * counts the memory a process had before exec in its peak (ru_maxrss), so a child forked or spawned
 * straight from a large runner would report the runner's size as its own floor. Standard output and
 * error of the command are discarded. Exits 1 if the command cannot run. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: peak COMMAND [ARGUMENT...]\n");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execv(argv[1], argv + 1);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) return 1;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    printf("{\"seconds\": %.6f, \"maxrss_kb\": %ld, \"status\": %d}\n", seconds, usage.ru_maxrss,
           WIFEXITED(status) ? WEXITSTATUS(status) : 128);
    return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? 1 : 0;
}
