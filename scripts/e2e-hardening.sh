#!/usr/bin/env bash
# End-to-end checks of the terminal's hard edges (issue 7, sections 1.5,
# 4.1 and 4.2), with the real `dvk` binary in tmux:
#
#   scripts/e2e-hardening.sh .build/release/dvk
#
#   crash runs  SIGABRT, SIGILL, SIGSEGV, SIGQUIT sent to a running dashboard
#               (a Swift runtime trap is SIGILL or SIGTRAP): the terminal
#               modes are restored (stty -g unchanged), the pane says in one
#               line where the report is, the report exists in the data
#               folder (the database's folder), the shell is back at once
#               (no backtrace drawn, no 30 s wait for a key)
#   Ctrl-S      reaches the program (no XON/XOFF freeze) and saves a form
#   paste       100 KB pasted (bracketed, as tmux paste-buffer -p sends it)
#               into a form field settles as one edit, cut at the field's
#               limit with a message, on one line (line breaks do not move
#               the focus) and with no pasted control character reaching
#               the screen; the same paste into the search prompt settles
#               as one search on one line. The time from the paste to the
#               settled screen is printed and must stay under E2E_PASTE_MS
#               (default 1000 ms: the goal for a release build; a debug
#               build on a busy machine may need more)
#
# One line per check (PASS name / FAIL name), then "N passed, M failed";
# exits non-zero when any failed. Needs tmux and sqlite3. E2E_TIMEOUT
# (seconds, default 5) scales the waits on a slow machine.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 PATH-TO-dvk" >&2
    exit 2
fi
BIN=$1
if [[ $BIN != /* ]]; then BIN="$PWD/$BIN"; fi
if [[ ! -x $BIN ]]; then
    echo "$0: $BIN is not an executable" >&2
    exit 2
fi
for tool in tmux sqlite3 pgrep; do
    if ! command -v "$tool" >/dev/null; then
        echo "$0: needs $tool (apt-get install $tool)" >&2
        exit 2
    fi
done
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DVK_LANG DVK_DB NO_COLOR DVK_SEEDS TMUX SWIFT_BACKTRACE

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dvk-e2e-hard.XXXXXX")
E2E_SOCK="dvk-e2e-hard-$$"
# shellcheck source=scripts/e2e-lib.sh
source "$ROOT/scripts/e2e-lib.sh"

TMP=$E2E_TMP
DB="$TMP/demo.sqlite"
SNAPS="$TMP/snaps"
OFFICER="Kiểm thử"
FIRST_FRAME=$((E2E_TIMEOUT * 2))
PASTE_MS=${E2E_PASTE_MS:-1000}
mkdir -p "$TMP/home"

dvk_pids() { pgrep -f -- "--db $DB" || true; }

SOCKET_PATH="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$E2E_SOCK"

cleanup() {
    tm kill-server 2>/dev/null || true
    rm -f "$SOCKET_PATH"
    local pid
    for pid in $(dvk_pids); do kill "$pid" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

e2e_now
T_START=$E2E_NOW
TIMINGS=()

# ---------------------------------------------------------------- helpers

# write_runner N: the commands typed at the shell for run N (as in e2e.sh).
write_runner() {
    local n=$1
    {
        printf 'stty -g > %q\n' "$TMP/stty-before-$n"
        printf '%q --db %q --snapshots %q --officer %q\n' "$BIN" "$DB" "$SNAPS" "$OFFICER"
        printf 'echo "EXIT=$?"\n'
        printf 'stty -g > %q.part && mv %q.part %q\n' "$TMP/stty-after-$n" "$TMP/stty-after-$n" "$TMP/stty-after-$n"
    } >"$TMP/run$n.sh"
}

launch() {
    typed "bash $TMP/run$1.sh"
    keys Enter
}

no_dashboard_left() {
    local pids
    pids=$(dvk_pids)
    echo "still running: $pids" >"$TMP/detail"
    [[ -z $pids ]]
}

back_at_shell() { match lacks "q Thoát" lacks "1 Tổng quan" re '^e2e\$ ?$'; }

end_run() {
    local name=$1 started=$2
    tm kill-session -t "$name" 2>/dev/null || true
    local pid
    for pid in $(dvk_pids); do kill "$pid" 2>/dev/null || true; done
    e2e_now
    TIMINGS+=("$name $(((E2E_NOW - started) / 100))")
}

sq() { sqlite3 "$DB" "$1"; }

# The pane with wrapped lines joined, so a long path reads as one line.
joined_pane() { tm capture-pane -p -J -t "$E2E_TARGET" >"$TMP/joined.txt" 2>/dev/null; }

# ---------------------------------------------------------------- demo

demo_db() {
    local seeds=()
    if [[ -f $ROOT/seeds/units.csv ]]; then seeds=(--seeds "$ROOT/seeds"); fi
    if ! { "$BIN" demo --no-tui --db "$DB" "${seeds[@]}" && "$BIN" officer add "$OFFICER" --account e2e-officer --role admin --db "$DB"; } >"$TMP/demo.out" 2>&1; then
        cat "$TMP/demo.out" >"$TMP/detail"
        return 1
    fi
    [[ $(sq 'PRAGMA integrity_check;') == ok ]]
}

E2E_RUN_OK=1
check "demo: builds $DB" demo_db
if ((!E2E_RUN_OK)) || [[ ! -s $DB ]]; then
    echo "$E2E_PASSED passed, $E2E_FAILED failed"
    exit 1
fi

# ---------------------------------------------------------------- crash runs

NOTICE='dvk gặp lỗi nghiêm trọng và đã dừng; màn hình đã được khôi phục. Báo cáo lỗi: '

# one_notice: the notice is in the pane exactly once, naming a report in
# the database's folder; its path goes to $REPORT.
one_notice() {
    joined_pane
    local lines
    lines=$(grep -cF -- "$NOTICE" "$TMP/joined.txt" || true)
    REPORT=$(grep -F -- "$NOTICE" "$TMP/joined.txt" | head -1 | sed "s|^.*$NOTICE||; s/[[:space:]]*$//")
    { echo "notice lines: $lines; report: '$REPORT'"; cat "$TMP/joined.txt"; } >"$TMP/detail"
    [[ $lines -eq 1 && $REPORT == "$TMP"/crash-*.txt ]]
}

# report_ok SIGNAME: the report exists, is the user's only (0600), and names the signal.
report_ok() {
    local sig=$1
    {
        echo "report: '$REPORT'"
        ls -l "$REPORT" 2>&1 || true
        head -5 "$REPORT" 2>&1 || true
    } >"$TMP/detail"
    [[ -f $REPORT ]] && [[ $(stat -c %a "$REPORT") == 600 ]] && grep -q "^Signal: [0-9]* SIG$sig" "$REPORT" \
        && grep -q '^Backtrace' "$REPORT"
}

# nothing_drawn_over: no backtrace, no prompt for a key, no escape
# sequence left as text between the command and the shell's prompt.
nothing_drawn_over() {
    joined_pane
    cp "$TMP/joined.txt" "$TMP/detail"
    ! grep -qE 'Backtracing|Fatal error|Press|Thread 0|\[\?1049|\[0m' "$TMP/joined.txt"
}

# crash_run N SIGNAL STATUS
crash_run() {
    local n=$1 sig=$2 status=$3 name="c$1"
    e2e_now
    local started=$E2E_NOW
    start_shell "$name" 100 30
    write_runner "$n"
    launch "$n"
    expect "$name: overview" -t "$FIRST_FRAME" has "Chỉ tiêu năm 2025" row -1 'q Thoát'
    local pids
    pids=$(dvk_pids)
    check "$name: one dvk process to signal" test "$(printf '%s\n' "$pids" | grep -c .)" -eq 1
    e2e_now
    local sent=$E2E_NOW
    if ((E2E_RUN_OK)) && [[ -n $pids ]]; then kill "-$sig" $pids; fi
    # Well under the backtracer's 30 s wait for a key.
    expect "$name: SIG$sig: EXIT=$status within 3 s" -t 3 re "^EXIT=$status\$"
    e2e_now
    echo "# $name: SIG$sig to the shell prompt in $((E2E_NOW - sent)) ms"
    check "$name: stty -g unchanged after SIG$sig" same_stty "$n"
    expect "$name: the shell is back, no key bar" call back_at_shell x
    check "$name: one line names the report in the data folder" one_notice
    check "$name: the report exists (0600) and names SIG$sig" report_ok "$sig"
    check "$name: no backtrace or key prompt drawn on the terminal" nothing_drawn_over
    check "$name: no dvk process left" no_dashboard_left
    end_run "$name" "$started"
}

# ---------------------------------------------------------------- forms

count_models() { sq 'SELECT count(*) FROM model;'; }
form_open() { match re '┌ Thêm mô hình' row -1 '^F2 Lưu'; }

# Ctrl-S in the add form saves (flow control would have frozen the screen).
ctrl_s_run() {
    local n=10 name=f1
    e2e_now
    local started=$E2E_NOW
    start_shell "$name" 100 30
    write_runner "$n"
    launch "$n"
    expect "$name: overview" -t "$FIRST_FRAME" has "Chỉ tiêu năm 2025" row -1 'q Thoát'
    local before
    before=$(count_models)
    keys 3
    expect "$name: 3 shows the models" row 4 '^Tên mô hình'
    typed a
    expect "$name: a opens the add form" call form_open x
    typed "Mô hình lưu bằng Ctrl-S"
    expect "$name: the title is typed" has "Mô hình lưu bằng Ctrl-S"
    # 2025 on screen, typed in a later year: the launch date is asked for (Tab ×5 reaches it).
    keys Tab Tab Tab Tab Tab
    typed "15/03/2025"
    keys C-s
    # A model of that title may exist: the form then asks, and c answers yes.
    if capture && match has "┌ Xác nhận"; then typed c; fi
    expect "$name: Ctrl-S saves: Đã lưu, the form closes" has "Đã lưu" nore '┌ Thêm mô hình'
    check "$name: sqlite3: one model more" test "$(count_models)" -eq $((before + 1))
    check "$name: sqlite3: it is the one typed" test \
        "$(sq "SELECT count(*) FROM model WHERE title = 'Mô hình lưu bằng Ctrl-S';")" -ge 1
    # Ctrl-Q (XON) must not resume anything or reach the screen either.
    keys C-q
    expect "$name: the dashboard still answers after Ctrl-Q" row -1 'q Thoát'
    typed q
    expect "$name: q quits: EXIT=0" re '^EXIT=0$'
    check "$name: stty -g unchanged after q" same_stty "$n"
    end_run "$name" "$started"
}

# ---------------------------------------------------------------- paste

# 100 KB of one-line-hostile text: Vietnamese, line breaks, tabs and
# escape sequences that would clear the screen or colour it if they
# reached the terminal.
make_paste() {
    local line=$'Mô hình Dân vận khéo xã Suối Giàng\t2025\u001b[2J\u001b[31m\a\r\n'
    : >"$TMP/paste.txt"
    local chunk="" i
    for ((i = 0; i < 64; i++)); do chunk+=$line; done
    while (($(stat -c %s "$TMP/paste.txt") < 100000)); do printf '%s' "$chunk" >>"$TMP/paste.txt"; done
    tm load-buffer -b big "$TMP/paste.txt"
}

# paste_settles NAME REGEX…: pastes the buffer (bracketed), then waits for
# the screen to match; prints and checks the time it took.
paste_settles() {
    local name=$1
    shift
    e2e_now
    local sent=$E2E_NOW
    tm paste-buffer -p -b big -t "$E2E_TARGET"
    expect "$name" -t "$((E2E_TIMEOUT * 4))" "$@"
    e2e_now
    local took=$((E2E_NOW - sent))
    echo "# $name: 100 KB paste settled in $took ms"
    check "$name: settled within $PASTE_MS ms (took $took ms)" test "$took" -le "$PASTE_MS"
}

# The pasted ESC[2J and ESC[31m show as the text "[2J[31m" (their ESC was
# dropped), never as sequences, and the screen was not cleared.
no_escape_effects() {
    tm capture-pane -p -e -t "$E2E_TARGET" >"$TMP/escaped.txt"
    cp "$TMP/escaped.txt" "$TMP/detail"
    grep -qF '[2J[31m' "$TMP/escaped.txt" && ! grep -qF $'\e[2J' "$TMP/escaped.txt" \
        && grep -qF '1 Tổng quan' "$TMP/escaped.txt"
}

paste_run() {
    local n=20 name=p1
    e2e_now
    local started=$E2E_NOW
    start_shell "$name" 100 30
    write_runner "$n"
    make_paste
    launch "$n"
    expect "$name: overview" -t "$FIRST_FRAME" has "Chỉ tiêu năm 2025" row -1 'q Thoát'
    local before
    before=$(count_models)
    keys 3
    expect "$name: 3 shows the models" row 4 '^Tên mô hình'
    typed a
    expect "$name: a opens the add form" call form_open x
    paste_settles "$name: paste into Tên mô hình: cut at 2.000 with a message" \
        has "Chỉ dán được 2.000 ký tự" re 'Tên mô hình \* +\[ .*2025\[2J\[31m +Mô hình' call form_open x
    check "$name: no pasted escape sequence took effect" no_escape_effects
    expect "$name: still on the title field (line breaks did not move the focus)" re '▶ Tên mô hình'
    keys Escape
    expect "$name: Esc asks before dropping the typed form" has "┌ Xác nhận"
    typed c
    expect "$name: the form is gone" nore '┌ Thêm mô hình' row -1 'q Thoát'
    check "$name: sqlite3: nothing saved by the paste" test "$(count_models)" -eq "$before"
    typed /
    expect "$name: / opens the search line" row -2 '^ Tìm: '
    paste_settles "$name: paste into the search: on one line, no control reaching the screen" \
        row -2 '^ Tìm: Mô hình Dân vận khéo xã Suối Giàng 2025\[2J\[31m +Mô hình'
    check "$name: the search: no pasted escape sequence took effect" no_escape_effects
    keys Escape
    expect "$name: Esc clears the search" nore '^ Tìm:' row -1 'q Thoát'
    typed q
    expect "$name: q quits: EXIT=0" re '^EXIT=0$'
    check "$name: stty -g unchanged after q" same_stty "$n"
    end_run "$name" "$started"
}

# ---------------------------------------------------------------- runs

# E2E_ONLY=paste runs only the paste run (a quick look while tuning).
if [[ ${E2E_ONLY:-} != paste ]]; then
    crash_run 1 ABRT 134
    crash_run 2 ILL 132
    crash_run 3 SEGV 139
    crash_run 4 QUIT 131
    ctrl_s_run
fi
paste_run

report_and_exit
