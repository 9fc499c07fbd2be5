#!/usr/bin/env bash
# End-to-end test of the real `dvk` binary in tmux, used the way a person
# uses it: keys in, the screen read back.
#
#   scripts/e2e.sh .build/debug/dvk
#
# Builds the demo database in a temporary folder, then:
#   run 1  100×30: screens, drilling, search, years, resizes, help, printing,
#          `dvk snapshot` against the live screen, q; exit 0, tty modes kept
#   run 2  SIGHUP to the dashboard: exit 129, tty modes kept
#   run 3  SIGTERM: exit 143, tty modes kept
#   run 4  NO_COLOR=1: no colours drawn, q quits cleanly
#   run 5  closing the window (a real hangup) ends the dashboard
# One line per check (PASS name / FAIL name), then "N passed, M failed";
# exits non-zero when any failed. Needs tmux and sqlite3.
# E2E_TIMEOUT (seconds, default 5) scales the waits on a slow machine.
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

# The script's own tools (grep, sed, wc -L, tmux) read UTF-8 too.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DVK_LANG DVK_DB NO_COLOR DVK_SEEDS TMUX

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dvk-e2e.XXXXXX")
E2E_SOCK="dvk-e2e-$$"
# shellcheck source=scripts/e2e-lib.sh
source "$ROOT/scripts/e2e-lib.sh"

TMP=$E2E_TMP
DB="$TMP/demo.sqlite"
SNAPS="$TMP/snaps"
OFFICER="Kiểm thử"
FIRST_FRAME=$((E2E_TIMEOUT * 2))   # the first frame of a debug build on a busy machine
mkdir -p "$TMP/home"

# Our dashboards still running (an aborted run), by pid.
dvk_pids() { pgrep -f -- "--db $DB" || true; }

# The server's socket file, removed at the end (kill-server leaves it behind).
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


# write_runner N [ENV]: the commands typed at the shell for run N: the tty
# modes before, the dashboard, its exit status, the tty modes after.
write_runner() {
    local n=$1 env=${2:-}
    {
        printf 'stty -g > %q\n' "$TMP/stty-before-$n"
        printf '%s%q --db %q --snapshots %q --officer %q\n' "$env" "$BIN" "$DB" "$SNAPS" "$OFFICER"
        printf 'echo "EXIT=$?"\n'
        printf 'stty -g > %q.part && mv %q.part %q\n' "$TMP/stty-after-$n" "$TMP/stty-after-$n" "$TMP/stty-after-$n"
    } >"$TMP/run$n.sh"
}

launch() {
    typed "bash $TMP/run$1.sh"
    keys Enter
}

# Row widths, in terminal cells.
row_width() { pane_row "$1" | sed 's/[[:space:]]*$//' | wc -L; }

# fits WxH: the pane is W×H, nothing is wider, and the year box ends one
# column before the right edge (drawn for this width, not left over).
fits() {
    local w=${1%x*} h=${1#*x}
    [[ $(tm display -p -t "$E2E_TARGET" '#{pane_width}x#{pane_height}') == "${w}x${h}" ]] || return 1
    (($(wc -l <"$E2E_PANE") == h)) || return 1
    (($(wc -L <"$E2E_PANE") <= w)) || return 1
    (($(row_width 1) == w - 1)) || return 1
    # At 80 columns the six tabs leave the year without its word.
    pane_row 1 | grep -qE '(Năm )?[0-9]{4} \]▸$'
}

# units_only NAME: the units table (rows under its header, down to the
# status line) holds exactly one row, and it is NAME.
units_only() {
    local rows
    rows=$(awk '/^Đơn vị ▲/ { on = 1; next } on' "$E2E_PANE" | head -n -2 | grep -v '^$' || true)
    [[ $(printf '%s\n' "$rows" | grep -c .) -eq 1 && $rows == "$1"* ]]
}

# units_at_least N: the units table shows at least N rows.
units_at_least() {
    local n
    n=$(awk '/^Đơn vị ▲/ { on = 1; next } on' "$E2E_PANE" | head -n -2 | grep -c . || true)
    ((n >= $1))
}

# models_all_in UNIT: every row of the models table (down to the detail
# panel) names UNIT, and there is at least one.
models_all_in() {
    local rows
    rows=$(awk '/^Tên mô hình/ { on = 1; next } on && (/^┌/ || /^$/) { exit } on' "$E2E_PANE")
    [[ -n $rows ]] && ! printf '%s\n' "$rows" | grep -qvF -- "$1"
}

# Colour SGR parameters (30–37, 38, 40–47, 48, 90–97, 100–107) in the pane
# captured with its attributes; 39/49 (default colours) do not count.
colour_sgr_count() {
    tm capture-pane -p -e -t "$E2E_TARGET" \
        | grep -oE $'\e\\[[0-9;]*m' | sed -E $'s/^\e\\[//; s/m$//' | tr ';' '\n' \
        | grep -cE '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$' || true
}
has_colours() { (($(colour_sgr_count) > 0)); }
no_colours() {
    local n
    n=$(colour_sgr_count)
    echo "$n colour attributes in the pane" >"$TMP/detail"
    ((n == 0))
}

# The screen part of a printed .txt: the rows after the ──── rule.
screen_part() { awk 'on { print } /^(─)+$/ && !on { on = 1 }' "$1"; }



no_dashboard_left() {
    local pids
    pids=$(dvk_pids)
    echo "still running: $pids" >"$TMP/detail"
    [[ -z $pids ]]
}

# The pane is back at the shell: the dashboard's key bar and tabs are gone.
back_at_shell() { match lacks "q Thoát" lacks "1 Tổng quan" re '^e2e\$ ?$'; }

end_run() {
    local name=$1 started=$2
    tm kill-session -t "$name" 2>/dev/null || true
    local pid
    for pid in $(dvk_pids); do kill "$pid" 2>/dev/null || true; done
    e2e_now
    TIMINGS+=("$name $(((E2E_NOW - started) / 100))")
}

# ---------------------------------------------------------------- demo

demo_db() {
    local seeds=()
    if [[ -f $ROOT/seeds/units.csv ]]; then seeds=(--seeds "$ROOT/seeds"); fi
    if ! { "$BIN" demo --no-tui --db "$DB" "${seeds[@]}" && "$BIN" officer add "$OFFICER" --account e2e-officer --role admin --db "$DB"; } >"$TMP/demo.out" 2>&1; then
        cat "$TMP/demo.out" >"$TMP/detail"
        return 1
    fi
    local ok units
    ok=$(sqlite3 "$DB" 'PRAGMA integrity_check;')
    units=$(sqlite3 "$DB" "SELECT count(*) FROM unit WHERE name IN ('Tỉnh Yên Bái', 'Huyện Văn Chấn', 'Xã Suối Giàng');")
    echo "integrity_check: $ok; units found: $units of 3" >"$TMP/detail"
    [[ $ok == ok && $units == 3 ]]
}

E2E_RUN_OK=1
check "demo: builds $DB (sqlite3 sees Yên Bái, Văn Chấn, Suối Giàng)" demo_db
if ((!E2E_RUN_OK)) || [[ ! -s $DB ]]; then
    echo "$E2E_PASSED passed, $E2E_FAILED failed"
    exit 1
fi

# ---------------------------------------------------------------- run 1

snapshot_matches_pane() {
    "$BIN" snapshot units --db "$DB" --unit "Huyện Văn Chấn" --year 2025 --width 100 --height 30 \
        >"$TMP/snapshot.txt" 2>"$TMP/snapshot.err" || {
        { echo "dvk snapshot failed:"; cat "$TMP/snapshot.err"; } >"$TMP/detail"
        return 1
    }
    screen_part "$TMP/snapshot.txt" >"$TMP/snapshot.screen"
    same_text "dvk snapshot units (screen part)" "$TMP/snapshot.screen" "pane at Văn Chấn/2025/units" "$TMP/pane-vanchan.txt"
}

printed_files() {
    local txt html
    txt=$(find "$SNAPS" -maxdepth 1 -name '*.txt' | wc -l)
    html=$(find "$SNAPS" -maxdepth 1 -name '*.html' | wc -l)
    {
        echo "$SNAPS holds $txt .txt and $html .html:"
        ls -la "$SNAPS" 2>&1
    } >"$TMP/detail"
    [[ $txt -eq 1 && $html -eq 1 && $(find "$SNAPS" -mindepth 1 | wc -l) -eq 2 ]]
}

printed_header() {
    local txt
    txt=$(find "$SNAPS" -maxdepth 1 -name '*.txt' | head -1)
    { echo "header of $txt:"; sed '/^─*$/q' "$txt"; } >"$TMP/detail"
    grep -qx "Cán bộ: $OFFICER" "$txt" &&
        grep -qx "Đơn vị: Tỉnh Yên Bái › Huyện Văn Chấn" "$txt" &&
        grep -qx "Năm: 2025" "$txt" &&
        grep -q "^In lúc: " "$txt" &&
        grep -qE '^(─){100}$' "$txt"
}

printed_screen_matches() {
    local txt
    txt=$(find "$SNAPS" -maxdepth 1 -name '*.txt' | head -1)
    screen_part "$txt" >"$TMP/printed.screen"
    same_text "printed .txt (screen part)" "$TMP/printed.screen" "pane before p" "$TMP/pane-before-p.txt"
}

printed_html() {
    local html
    html=$(find "$SNAPS" -maxdepth 1 -name '*.html' | head -1)
    echo "$html does not look like the printed screen" >"$TMP/detail"
    grep -qi '<html' "$html" && grep -qF "$OFFICER" "$html" && grep -qF "Huyện Văn Chấn" "$html"
}

nothing_in_home() {
    find "$TMP/home" -mindepth 1 >"$TMP/detail"
    [[ ! -s $TMP/detail ]]
}

run1() {
    e2e_now
    local started=$E2E_NOW
    start_shell r1 100 30
    write_runner 1
    launch 1
    expect "r1: overview: Tổng quan, Tỉnh Yên Bái, Chỉ tiêu năm 2025" -t "$FIRST_FRAME" \
        has "Tổng quan" row 2 '^ Tỉnh Yên Bái( {2,}|$)' has "Chỉ tiêu năm 2025" row -1 'q Thoát'
    check "r1: the dashboard draws in colour" has_colours

    keys 2
    expect "r1: 2 shows Units (Đơn vị ▲)" row 4 '^Đơn vị ▲' row 5 '^Huyện Văn Chấn '
    keys 3
    expect "r1: 3 shows Models (Tên mô hình)" row 4 '^Tên mô hình' lacks "Đơn vị ▲"
    keys 4
    expect "r1: 4 shows Satisfaction (Đường mục tiêu)" has "Đường mục tiêu" lacks "Tên mô hình"
    keys 1
    expect "r1: 1 shows Overview again" has "Chỉ tiêu năm 2025" lacks "Đường mục tiêu"

    keys 2
    expect "r1: back on Units, Huyện Văn Chấn first" row 4 '^Đơn vị ▲' row 5 '^Huyện Văn Chấn '
    keys Enter
    expect "r1: Enter drills into Huyện Văn Chấn" \
        row 2 '^ Tỉnh Yên Bái › Huyện Văn Chấn( {2,}|$)' row 4 '^Đơn vị ▲' call units_at_least 2

    typed /
    expect "r1: / opens the search line" row -2 '^ Tìm: ▏'
    typed "suoi giang"
    expect "r1: typing filters as you type" row -2 '^ Tìm: suoi giang▏' call units_only "Xã Suối Giàng"
    keys Enter
    expect "r1: Enter keeps the search: only Xã Suối Giàng" \
        call units_only "Xã Suối Giàng" row -1 'q Thoát' nore '^ Tìm:'
    keys Enter
    expect "r1: Enter drills into the commune (its overview)" \
        row 2 '^ Tỉnh Yên Bái › Huyện Văn Chấn › Xã Suối Giàng( {2,}|$)' has "Chỉ tiêu năm 2025"
    keys 3
    expect "r1: 3 shows the commune's models, Shan tuyết among them" \
        row 4 '^Tên mô hình' re 'Shan tuyết.*Xã Suối Giàng' call models_all_in "Xã Suối Giàng"
    keys BSpace
    # Back restores the screen exactly as it was: the search too (issue 8).
    expect "r1: Backspace goes back up to Văn Chấn as it was (units, search kept)" \
        row 2 '^ Tỉnh Yên Bái › Huyện Văn Chấn( {2,}|$)' row 4 '^Đơn vị ▲' call units_only "Xã Suối Giàng" has "suoi giang"
    keys /
    keys Escape
    expect "r1: / then Esc clears the search" \
        row 4 '^Đơn vị ▲' call units_at_least 2 lacks "suoi giang"

    typed ']'
    expect "r1: ] past the last year is refused" row 1 'Năm 2025 \]▸$' row -2 'Không có năm 2026'
    typed '['
    expect "r1: [ shows Năm 2024" row 1 'Năm 2024 \]▸$' row 4 '^Đơn vị ▲'
    typed ']'
    expect "r1: ] shows Năm 2025 again" row 1 'Năm 2025 \]▸$' row 4 '^Đơn vị ▲' row -2 '^$'
    settle "$TMP/pane-vanchan.txt"
    check "r1: dvk snapshot units --unit 'Huyện Văn Chấn' --year 2025 = the live pane" snapshot_matches_pane

    tm resize-window -t r1 -x 80 -y 24
    expect "r1: 80×24: tabs, key bar, fits" call fits 80x24 \
        row 1 '1 Tổng quan.*4 Hài lòng' row -1 'q Thoát' row 4 '^Đơn vị ▲'
    tm resize-window -t r1 -x 200 -y 60
    expect "r1: 200×60: tabs, key bar, fits" call fits 200x60 \
        row 1 '1 Tổng quan.*4 Hài lòng' row -1 'q Thoát' row 4 '^Đơn vị ▲'
    tm resize-window -t r1 -x 60 -y 20
    expect "r1: 60×20: the too-small message" has "quá nhỏ" has "60×20" lacks "q Thoát"
    tm resize-window -t r1 -x 100 -y 30
    expect "r1: back to 100×30" call fits 100x30 row -1 'q Thoát' row 4 '^Đơn vị ▲'
    settle "$TMP/pane-after-resizes.txt"
    check "r1: the 100×30 screen is the same after the resizes" \
        same_text "before the resizes" "$TMP/pane-vanchan.txt" "after" "$TMP/pane-after-resizes.txt"

    typed '?'
    expect "r1: ? opens the help (Trợ giúp)" re '┌ Trợ giúp' lacks "q Thoát"
    keys Escape
    expect "r1: Esc closes the help" nore '┌ Trợ giúp' row -1 'q Thoát' row 4 '^Đơn vị ▲'

    settle "$TMP/pane-before-p.txt"
    typed p
    expect "r1: p prints (Đã in:)" row -2 '^ Đã in: '
    check "r1: $SNAPS holds exactly one .txt and one .html" printed_files
    check "r1: the .txt header (Cán bộ: $OFFICER, unit, year, rule)" printed_header
    check "r1: the .txt screen = the pane captured before p" printed_screen_matches
    check "r1: the .html is the printed screen" printed_html

    typed q
    expect "r1: q quits: EXIT=0" re '^EXIT=0$'
    check "r1: stty -g unchanged after q" same_stty 1
    expect "r1: the shell is back, no key bar" call back_at_shell x
    check "r1: no dvk process left" no_dashboard_left
    check "r1: nothing written to HOME (snapshots went to --snapshots)" nothing_in_home
    end_run r1 "$started"
}

# ---------------------------------------------------------------- runs 2, 3

# signal_run N SIGNAL STATUS
signal_run() {
    local n=$1 sig=$2 status=$3 name="r$1"
    e2e_now
    local started=$E2E_NOW
    start_shell "$name" 100 30
    write_runner "$n"
    launch "$n"
    expect "$name: overview" -t "$FIRST_FRAME" has "Chỉ tiêu năm 2025" row -1 'q Thoát'
    local pids
    pids=$(dvk_pids)
    check "$name: one dvk process to signal (pgrep -f on the db path)" test "$(printf '%s\n' "$pids" | grep -c .)" -eq 1
    if ((E2E_RUN_OK)) && [[ -n $pids ]]; then kill "-$sig" $pids; fi
    expect "$name: SIG$sig: EXIT=$status" re "^EXIT=$status\$"
    check "$name: stty -g unchanged after SIG$sig" same_stty "$n"
    expect "$name: the shell is back, no key bar" call back_at_shell x
    check "$name: no dvk process left" no_dashboard_left
    end_run "$name" "$started"
}

# ---------------------------------------------------------------- run 4

run4() {
    e2e_now
    local started=$E2E_NOW
    start_shell r4 100 30
    write_runner 4 "NO_COLOR=1 "
    launch 4
    expect "r4: NO_COLOR=1: overview" -t "$FIRST_FRAME" has "Chỉ tiêu năm 2025" row -1 'q Thoát'
    check "r4: NO_COLOR=1: no colours in the pane" no_colours
    keys 2
    expect "r4: NO_COLOR=1: units" row 4 '^Đơn vị ▲'
    typed q
    expect "r4: q quits: EXIT=0" re '^EXIT=0$'
    check "r4: stty -g unchanged after q" same_stty 4
    expect "r4: the shell is back, no key bar" call back_at_shell x
    check "r4: no dvk process left" no_dashboard_left
    end_run r4 "$started"
}

# ---------------------------------------------------------------- run 5

# Closing the window is a real hangup (the terminal goes away, not just a
# signal): the dashboard must end rather than linger on a dead terminal.
run5() {
    e2e_now
    local started=$E2E_NOW
    tm new-session -d -s r5 -x 100 -y 30 \
        "exec env -u LC_ALL -u LC_CTYPE -u LANGUAGE LANG=C.UTF-8 TERM=xterm-256color HOME='$TMP/home' \
         $(printf '%q --db %q --snapshots %q --officer %q' "$BIN" "$DB" "$SNAPS" "$OFFICER")"
    E2E_TARGET=r5
    E2E_RUN_OK=1
    expect "r5: overview (dvk as the window's program)" -t "$FIRST_FRAME" has "Chỉ tiêu năm 2025" row -1 'q Thoát'
    if ((E2E_RUN_OK)); then tm kill-session -t r5; fi
    check "r5: closing the window ends dvk" wait_until "$E2E_TIMEOUT" no_dashboard_left
    end_run r5 "$started"
}

db_intact() {
    local ok
    ok=$(sqlite3 "$DB" 'PRAGMA integrity_check;' 2>&1)
    if ! sqlite3 "$DB" 'BEGIN IMMEDIATE; ROLLBACK;' >"$TMP/detail" 2>&1; then return 1; fi
    echo "integrity_check: $ok" >"$TMP/detail"
    [[ $ok == ok ]]
}

run1
signal_run 2 HUP 129
signal_run 3 TERM 143
run4
run5
E2E_RUN_OK=1
check "after all runs: the database is intact and not locked (sqlite3)" db_intact

report_and_exit
