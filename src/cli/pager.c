/* The pager (pager.h). */
#include "pager.h"

#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static pid_t pager_pid = -1;
static int terminal_fd = -1; /* the terminal stdout was, while paging */

/* The pager the user asked for, or NULL for none. */
static const char *pager_command(void)
{
    const char *p = getenv("WARRANTCHECK_PAGER");
    if (p == NULL)
        p = getenv("PAGER");
    if (p == NULL)
        p = "less";
    if (p[strspn(p, " \t")] == '\0' || strcmp(p, "cat") == 0)
        return NULL;
    return p;
}

/* git's test for a command the shell must read (run-command.c). */
#define SHELL_SYNTAX "|&;<>()$`\\\"'*?[#~=%\n"
#define MAX_PAGER_WORDS 32

/* Splits a command without shell syntax into words, in `buf`; returns
 * false when it has shell syntax or too many words. */
static bool split_words(const char *cmd, char *buf, size_t size, char **argv)
{
    if (cmd[strcspn(cmd, SHELL_SYNTAX)] != '\0' || strlen(cmd) >= size)
        return false;
    strcpy(buf, cmd);
    size_t n = 0;
    for (char *s = buf; *s != '\0';) {
        s += strspn(s, " \t");
        if (*s == '\0')
            break;
        if (n + 1 >= MAX_PAGER_WORDS)
            return false;
        argv[n++] = s;
        s += strcspn(s, " \t");
        if (*s != '\0')
            *s++ = '\0';
    }
    argv[n] = NULL;
    return n > 0;
}

bool pager_start(void)
{
    const char *cmd = pager_command();
    if (cmd == NULL || pager_pid > 0 || !isatty(STDOUT_FILENO))
        return false;
    char buf[4096];
    char *argv[MAX_PAGER_WORDS];
    bool direct = split_words(cmd, buf, sizeof buf, argv);
    if (!direct) {
        argv[0] = "sh", argv[1] = "-c", argv[2] = (char *)cmd, argv[3] = NULL;
    }
    /* As git: less quits on one screen (F), passes colours (R) and does
     * not clear the screen (X); lv passes colours too (-c). */
    setenv("LESS", "FRX", 0);
    setenv("LV", "-c", 0);

    int fds[2];
    if (pipe(fds) != 0) {
        cli_warning("cannot run the pager: %s", strerror(errno));
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE); /* ignored here (main.c), not in the pager */
    int err = posix_spawn_file_actions_init(&actions);
    if (err == 0 && (err = posix_spawnattr_init(&attr)) != 0)
        posix_spawn_file_actions_destroy(&actions);
    if (err == 0) {
        if (fds[0] != STDIN_FILENO) {
            err = posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
            if (err == 0)
                err = posix_spawn_file_actions_addclose(&actions, fds[0]);
        }
        if (err == 0)
            err = posix_spawn_file_actions_addclose(&actions, fds[1]);
        if (err == 0)
            err = posix_spawnattr_setsigdefault(&attr, &defaults);
        if (err == 0)
            err = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
        if (err == 0)
            err = direct ? posix_spawnp(&pager_pid, argv[0], &actions, &attr, argv, environ)
                         : posix_spawn(&pager_pid, "/bin/sh", &actions, &attr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
    }
    if (err != 0) {
        pager_pid = -1;
        close(fds[0]);
        close(fds[1]);
        cli_warning("cannot run the pager '%s': %s; writing directly", direct ? argv[0] : cmd,
                    strerror(err));
        return false;
    }
    terminal_fd = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
    fflush(stdout);
    dup2(fds[1], STDOUT_FILENO);
    close(fds[1]);
    /* Even as fd 0 (stdin was closed): a reader left here would make
     * writes block, not fail, once the pager quits. */
    close(fds[0]);
    /* Ctrl-C and Ctrl-\ are the pager's (less uses them): were they to end
     * this program, the shell would take the terminal back from under the
     * pager. Quitting the pager ends the output (EPIPE, not an error). */
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    return true;
}

int pager_terminal_fd(void)
{
    return terminal_fd >= 0 ? terminal_fd : STDOUT_FILENO;
}

void pager_wait(void)
{
    if (pager_pid <= 0)
        return;
    int status;
    while (waitpid(pager_pid, &status, 0) < 0 && errno == EINTR)
        continue;
    pager_pid = -1;
    if (terminal_fd >= 0)
        close(terminal_fd);
    terminal_fd = -1;
}
