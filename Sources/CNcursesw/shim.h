#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* The wide-character API (get_wch, setcchar, cchar_t) is hidden unless
   these are defined before curses.h is included. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Swift does not import macros built from NCURSES_BITS or taking
   arguments, nor (in Swift 6) the mutable globals stdscr, LINES, COLS,
   COLORS, stdout, stdin: these wrappers expose them as functions. */

static inline attr_t shim_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t shim_A_BOLD(void) { return A_BOLD; }
static inline attr_t shim_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t shim_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t shim_A_DIM(void) { return A_DIM; }
static inline int shim_COLOR_PAIR(int n) { return (int)COLOR_PAIR(n); }
static inline int shim_KEY_F(int n) { return KEY_F(n); }

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_LINES(void) { return LINES; }
static inline int shim_COLS(void) { return COLS; }
static inline int shim_COLORS(void) { return COLORS; }
static inline int shim_COLOR_PAIRS(void) { return COLOR_PAIRS; }

static inline void shim_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy, xx;
    getmaxyx(win, yy, xx);
    *y = yy;
    *x = xx;
}

/* A terminal on the process's own stdin/stdout; NULL when the terminal
   can't be set up (newterm, unlike initscr, doesn't exit the process). */
static inline SCREEN *shim_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline FILE *shim_stdout(void) { return stdout; }

/* Fills a cchar_t from a NUL-terminated wchar_t string: one spacing
   character followed by up to CCHARW_MAX - 1 combining characters. */
static inline int shim_setcchar(cchar_t *out, const wchar_t *wch, attr_t attrs, short pair) {
    return setcchar(out, wch, attrs, pair, NULL);
}
static inline int shim_CCHARW_MAX(void) { return CCHARW_MAX; }

/* Mouse: left clicks and the wheel (buttons 4 and 5). */
static inline mmask_t shim_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

/* Installs a plain handler *without* SA_RESTART, so a blocking read in
   get_wch is interrupted and the program loop sees the signal at once.
   The handler's own signal is blocked while it runs. */
static inline int shim_install_signal_handler(int signo, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(signo, &action, NULL);
}

static inline int shim_default_signal_handler(int signo) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(signo, &action, NULL);
}

/* Columns the C library (and so ncurses) gives a character; -1 when it
   is not printable in the current locale. */
int wcwidth(wchar_t);
static inline int shim_wcwidth(wchar_t c) { return wcwidth(c); }

/* The locale's character set, e.g. "UTF-8". */
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

/* ---------------------------------------------------------------------
   Crash reports.

   A crashed process may have a corrupt heap or hold the Swift runtime's
   locks, so the crash path is written here in C and calls only
   async-signal-safe functions (write, open, tcsetattr, lseek, read,
   readlink, sigaction, raise; backtrace is primed at install so it no
   longer loads libgcc_s). Everything it prints is prepared beforehand
   in the state, which Swift allocates and fills. */

#define SHIM_CRASH_TEXT_MAX 4096
#define SHIM_CRASH_SIGNALS 65

typedef struct {
    /* The handler does nothing until this is set. */
    volatile sig_atomic_t ready;
    /* A fault inside the handler itself goes straight to the default. */
    volatile sig_atomic_t entered;
    int terminal_fd;
    int input_fd;
    int have_modes;
    struct termios modes;
    char reset[256];
    size_t reset_len;
    /* The session's real stderr while fd 2 goes to the capture file. */
    int notice_fd;
    /* What the program wrote to stderr during the session (an unlinked
       file, so it never outlives the process); -1 if none. */
    int capture_fd;
    /* Empty: no report file, only the notice. */
    char folder[SHIM_CRASH_TEXT_MAX];
    /* Printed before the report's file name, e.g. "... Báo cáo lỗi: /dir/". */
    char notice[SHIM_CRASH_TEXT_MAX];
    /* Printed, with a newline, when no report could be written. */
    char notice_unwritten[SHIM_CRASH_TEXT_MAX];
    /* Seconds east of UTC, read at install (localtime is not signal-safe). */
    long utc_offset;
    /* Pass the signal on to the handler installed before ours (the Swift
       runtime's backtracer, when SWIFT_BACKTRACE asked for it). */
    int chain;
    struct sigaction previous[SHIM_CRASH_SIGNALS];
    int installed[SHIM_CRASH_SIGNALS];
} shim_crash_state;

static inline void shim_crash_write(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, text, length);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        text += n;
        length -= (size_t)n;
    }
}

static inline void shim_crash_puts(int fd, const char *text) { shim_crash_write(fd, text, strlen(text)); }

/* Appends the decimal `value`, zero-padded to `width`, at *at (bounded by end). */
static inline void shim_crash_number(char **at, char *end, long long value, int width) {
    char digits[24];
    int n = 0;
    int negative = value < 0;
    unsigned long long v = negative ? (unsigned long long)(-(value + 1)) + 1 : (unsigned long long)value;
    do { digits[n++] = (char)('0' + v % 10); v /= 10; } while (v > 0 && n < 23);
    while (n < width && n < 23) digits[n++] = '0';
    if (negative && *at < end) *(*at)++ = '-';
    while (n > 0 && *at < end) *(*at)++ = digits[--n];
}

static inline void shim_crash_append(char **at, char *end, const char *text) {
    while (*text && *at < end) *(*at)++ = *text++;
}

/* Local date and time of `now` as "2026-12-01T17-30-00" (file names take
   no colons) or "2026-12-01 17:30:00"; days from civil per H. Hinnant. */
static inline void shim_crash_time(char **at, char *end, time_t now, long offset, int for_file) {
    long long t = (long long)now + offset;
    long long days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    long long secs = t - days * 86400;
    long long z = days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    long long day = doy - (153 * mp + 2) / 5 + 1;
    long long month = mp < 10 ? mp + 3 : mp - 9;
    long long year = yoe + era * 400 + (month <= 2);
    shim_crash_number(at, end, year, 4);
    shim_crash_append(at, end, "-");
    shim_crash_number(at, end, month, 2);
    shim_crash_append(at, end, "-");
    shim_crash_number(at, end, day, 2);
    shim_crash_append(at, end, for_file ? "T" : " ");
    shim_crash_number(at, end, secs / 3600, 2);
    shim_crash_append(at, end, for_file ? "-" : ":");
    shim_crash_number(at, end, secs / 60 % 60, 2);
    shim_crash_append(at, end, for_file ? "-" : ":");
    shim_crash_number(at, end, secs % 60, 2);
}

static inline const char *shim_crash_signal_name(int signo) {
    switch (signo) {
    case SIGABRT: return "SIGABRT";
    case SIGILL: return "SIGILL";
    case SIGTRAP: return "SIGTRAP";
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGQUIT: return "SIGQUIT";
    default: return "?";
    }
}

/* Creates the report file; its name (not the folder) goes to `name`. */
static inline int shim_crash_open_report(shim_crash_state *s, time_t now, char *name, size_t name_size) {
    if (s->folder[0] == 0) return -1;
    for (int attempt = 0; attempt < 10; attempt++) {
        char path[SHIM_CRASH_TEXT_MAX + 64];
        char *at = path, *end = path + sizeof path - 1;
        shim_crash_append(&at, end, s->folder);
        shim_crash_append(&at, end, "/");
        char *file = at;
        shim_crash_append(&at, end, "crash-");
        shim_crash_time(&at, end, now, s->utc_offset, 1);
        if (attempt > 0) {
            shim_crash_append(&at, end, "-");
            shim_crash_number(&at, end, attempt + 1, 1);
        }
        shim_crash_append(&at, end, ".txt");
        *at = 0;
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0) {
            size_t n = (size_t)(at - file);
            if (n >= name_size) n = name_size - 1;
            memcpy(name, file, n);
            name[n] = 0;
            return fd;
        }
        if (errno != EEXIST) return -1;
    }
    return -1;
}

static inline void shim_crash_write_report(shim_crash_state *s, int fd, int signo, siginfo_t *info, time_t now) {
    char line[512];
    char *at = line, *end = line + sizeof line - 1;
    shim_crash_append(&at, end, "dvk crash report\nTime: ");
    shim_crash_time(&at, end, now, s->utc_offset, 0);
    shim_crash_append(&at, end, " (UTC");
    long offset = s->utc_offset;
    shim_crash_append(&at, end, offset < 0 ? "-" : "+");
    if (offset < 0) offset = -offset;
    shim_crash_number(&at, end, offset / 3600, 2);
    shim_crash_append(&at, end, ":");
    shim_crash_number(&at, end, offset / 60 % 60, 2);
    shim_crash_append(&at, end, ")\nSignal: ");
    shim_crash_number(&at, end, signo, 1);
    shim_crash_append(&at, end, " ");
    shim_crash_append(&at, end, shim_crash_signal_name(signo));
    if (info && info->si_code > 0) {
        shim_crash_append(&at, end, " (a fault in the program)");
    } else if (info && info->si_pid == getpid()) {
        shim_crash_append(&at, end, " (raised by the program, e.g. abort or a runtime check)");
    } else if (info) {
        shim_crash_append(&at, end, " (sent by process ");
        shim_crash_number(&at, end, (long long)info->si_pid, 1);
        shim_crash_append(&at, end, ")");
    }
    shim_crash_append(&at, end, "\nProcess: ");
    shim_crash_number(&at, end, (long long)getpid(), 1);
    shim_crash_append(&at, end, "\nExecutable: ");
    shim_crash_write(fd, line, (size_t)(at - line));

    char exe[SHIM_CRASH_TEXT_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) shim_crash_write(fd, exe, (size_t)n);
    shim_crash_puts(fd, "\n\nBacktrace (offsets: addr2line -f -e EXECUTABLE OFFSET | swift demangle):\n");
    void *frames[128];
    int count = backtrace(frames, 128);
    backtrace_symbols_fd(frames, count, fd);

    if (s->capture_fd >= 0) {
        shim_crash_puts(fd, "\nStandard error of the session (the runtime's message, if any, is here):\n");
        off_t size = lseek(s->capture_fd, 0, SEEK_END);
        off_t keep = 256 * 1024;
        if (size > 0) {
            lseek(s->capture_fd, size > keep ? size - keep : 0, SEEK_SET);
            char buffer[4096];
            ssize_t got;
            while ((got = read(s->capture_fd, buffer, sizeof buffer)) > 0) shim_crash_write(fd, buffer, (size_t)got);
        }
    }
}

/* The whole crash path: the terminal first, then the report, then one
   line on the real stderr, then the signal's own (or the previous)
   disposition so the process still dies of it (exit status, core). */
static inline void shim_crash_handle(shim_crash_state *s, int signo, siginfo_t *info, void *context) {
    if (s && s->ready && !s->entered && signo > 0 && signo < SHIM_CRASH_SIGNALS) {
        s->entered = 1;
        if (s->reset_len > 0) shim_crash_write(s->terminal_fd, s->reset, s->reset_len);
        if (s->have_modes) tcsetattr(s->input_fd, TCSANOW, &s->modes);

        time_t now = time(NULL);
        char name[256];
        int fd = shim_crash_open_report(s, now, name, sizeof name);
        if (fd >= 0) {
            shim_crash_write_report(s, fd, signo, info, now);
            close(fd);
            shim_crash_puts(s->notice_fd, s->notice);
            shim_crash_puts(s->notice_fd, name);
            shim_crash_puts(s->notice_fd, "\n");
        } else {
            shim_crash_puts(s->notice_fd, s->notice_unwritten);
            shim_crash_puts(s->notice_fd, "\n");
        }
        /* Whatever follows (the runtime's backtracer, a shell's "Aborted")
           goes to the real stderr, not the capture file. */
        if (s->capture_fd >= 0 && s->notice_fd != STDERR_FILENO) dup2(s->notice_fd, STDERR_FILENO);

        if (s->chain && s->installed[signo]) {
            struct sigaction previous = s->previous[signo];
            sigaction(signo, &previous, NULL);
            if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
                previous.sa_sigaction(signo, info, context);
            } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
                previous.sa_handler(signo);
            }
        }
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signo, &fallback, NULL);
    /* Blocked until the handler returns. A fault (SIGSEGV, SIGILL from a
       Swift trap) would also recur on return; a kill from outside would
       not, hence the raise. */
    raise(signo);
}

/* Installs `handler` for `signo` on the alternate stack (a stack overflow
   is a SIGSEGV with no stack left), remembering the handler it replaces. */
static inline int shim_crash_install(shim_crash_state *s, int signo, void (*handler)(int, siginfo_t *, void *)) {
    if (signo <= 0 || signo >= SHIM_CRASH_SIGNALS) return -1;
    /* Twice would make ours the "previous" one and chain to itself. */
    if (s->installed[signo]) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    if (sigaction(signo, &action, &s->previous[signo]) != 0) return -1;
    s->installed[signo] = 1;
    return 0;
}

/* Gives `signo` back the handler that was there before ours. */
static inline void shim_crash_uninstall(shim_crash_state *s, int signo) {
    if (signo <= 0 || signo >= SHIM_CRASH_SIGNALS || !s->installed[signo]) return;
    sigaction(signo, &s->previous[signo], NULL);
    s->installed[signo] = 0;
}

/* Work the handler must not do itself: load libgcc_s for backtrace, give
   the main thread an alternate signal stack if the runtime did not, and
   read the UTC offset. */
static inline void shim_crash_prepare(shim_crash_state *s) {
    void *frame[1];
    (void)backtrace(frame, 1);
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        size_t size = 64 * 1024;
        void *memory = malloc(size);
        if (memory) {
            stack_t stack;
            stack.ss_sp = memory;
            stack.ss_size = size;
            stack.ss_flags = 0;
            if (sigaltstack(&stack, NULL) != 0) free(memory);
        }
    }
    time_t now = time(NULL);
    struct tm local;
    s->utc_offset = localtime_r(&now, &local) ? local.tm_gmtoff : 0;
}

/* Sends fd 2 to an unlinked file in `folder`, keeping the real stderr as
   s->notice_fd. Returns 0, or -1 with stderr untouched. */
static inline int shim_crash_capture_stderr(shim_crash_state *s, const char *folder) {
    char path[SHIM_CRASH_TEXT_MAX + 32];
    char *at = path, *end = path + sizeof path - 1;
    shim_crash_append(&at, end, folder);
    shim_crash_append(&at, end, "/.dvk-stderr-XXXXXX");
    *at = 0;
    int capture = mkstemp(path);
    if (capture < 0) return -1;
    fcntl(capture, F_SETFD, FD_CLOEXEC);
    unlink(path);
    int saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (saved < 0 || dup2(capture, STDERR_FILENO) < 0) {
        if (saved >= 0) close(saved);
        close(capture);
        return -1;
    }
    s->notice_fd = saved;
    s->capture_fd = capture;
    return 0;
}

/* Gives fd 2 back and copies what was captured to it, so messages written
   during the session are seen after it. */
static inline void shim_crash_release_stderr(shim_crash_state *s) {
    if (s->capture_fd < 0) return;
    int capture = s->capture_fd;
    s->capture_fd = -1;
    dup2(s->notice_fd, STDERR_FILENO);
    close(s->notice_fd);
    s->notice_fd = STDERR_FILENO;
    if (lseek(capture, 0, SEEK_SET) == 0) {
        char buffer[4096];
        ssize_t got;
        while ((got = read(capture, buffer, sizeof buffer)) > 0) shim_crash_write(STDERR_FILENO, buffer, (size_t)got);
    }
    close(capture);
}

/* Copies a NUL-terminated string into a fixed field of the state. */
static inline void shim_crash_set_text(char *field, const char *text) {
    size_t n = strlen(text);
    if (n >= SHIM_CRASH_TEXT_MAX) n = SHIM_CRASH_TEXT_MAX - 1;
    memcpy(field, text, n);
    field[n] = 0;
}

#endif
