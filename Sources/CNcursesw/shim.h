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

#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
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

#endif
