#!/usr/bin/env bash
# End-to-end test of data entry in the real `dvk` binary, in tmux: keys in,
# the screen read back, and the database read with sqlite3.
#
#   scripts/e2e-entry.sh .build/debug/dvk
#
# Builds the demo database in a temporary folder, then (100×30, UTF-8,
# officer "Kiểm thử", opened on Xã Suối Giàng):
#   run 1  Models: add a model (Vietnamese title, field by ←/→ and by the
#          filtered pick list), add one typed in Telex, edit it (search,
#          Enter, Ctrl-U), undo and redo, a form refused by validation and
#          discarded (k keeps it, c discards), q; exit 0, tty modes kept
#   run 2  reopened on the same file: the saved models are found by search
#   run 3  kill -9 right after a save (title typed decomposed, NFD): the row
#          is there, stored NFC, and the file passes integrity_check
#   run 4  kill -9 with an unsaved form open: nothing of it is stored
#   run 5  --read-only: entry keys say "chỉ đọc" and open no form
#   run 6  a 0444 copy opens read-only by itself, the same
#   run 7  move and merge a unit through the confirmation, undo both
#   run 8  the grid: 10 models for three communes, keys counted
#          (runs 7 and 8: scripts/e2e-entry-units.sh)
# One line per check (PASS name / FAIL name), then "N passed, M failed";
# exits non-zero when any failed. Needs tmux, sqlite3 (with JSON) and pgrep.
# E2E_TIMEOUT (seconds, default 10) scales the waits on a slow machine.
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
for tool in tmux sqlite3 pgrep od; do
    if ! command -v "$tool" >/dev/null; then
        echo "$0: needs $tool (apt-get install $tool)" >&2
        exit 2
    fi
done
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The script's own tools (grep, sed, awk, tmux) read UTF-8 too.
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset DVK_LANG DVK_DB NO_COLOR DVK_SEEDS TMUX

E2E_TIMEOUT=${E2E_TIMEOUT:-10}
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dvk-e2e-entry.XXXXXX")
E2E_SOCK="dvk-e2e-entry-$$"
# shellcheck source=scripts/e2e-lib.sh
source "$ROOT/scripts/e2e-lib.sh"

TMP=$E2E_TMP
DB="$TMP/demo.sqlite"
RO_DIR="$TMP/ro"
RO_DB="$RO_DIR/copy.sqlite"
SNAPS="$TMP/snaps"
OFFICER="Kiểm thử"
UNIT_ARG="suoi giang"
UNIT_NAME="Xã Suối Giàng"
FIRST_FRAME=$((E2E_TIMEOUT * 2))   # the first frame of a debug build on a busy machine
mkdir -p "$TMP/home" "$RO_DIR"

# The titles typed. This file is NFC; T7_NFD is T7 decomposed (base letters
# and combining marks U+0300 grave, U+0301 acute, U+0302 circumflex, U+0303
# tilde, U+0306 breve, written as UTF-8 bytes so no locale is needed).
T1="Tổ tự quản đường làng"
T2="Chi hội phụ nữ tiết kiệm"
T2_TELEX="Chi hooij phuj nuwx tieets kieemj"
T3="Tổ phụ nữ tiết kiệm bản Giàng A"
T7="Bếp ăn nghĩa tình thôn Giàng B"
T7_NFD=$'Be\xcc\x82\xcc\x81p a\xcc\x86n nghi\xcc\x83a ti\xcc\x80nh tho\xcc\x82n Gia\xcc\x80ng B'
T8="Bản nháp không lưu Nậm Búng"
BAD_TITLE="Thử ngày ra mắt"

# ---------------------------------------------------------------- processes

# Each run's dashboard writes its own pid (bash -c '… exec dvk'), so the
# kill -9 goes to exactly that process.
PIDFILE=""

# Our dashboards still running (an aborted run): any process given a
# database under $TMP (a zombie has no command line, so is not listed).
dvk_pids() { pgrep -f -- "--db $TMP/" || true; }

# A process that runs (a zombie, killed but not reaped by a container's
# init, does not count).
alive() {
    local stat
    stat=$(ps -o stat= -p "$1" 2>/dev/null || true)
    [[ -n $stat && $stat != Z* ]]
}

SOCKET_PATH="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$E2E_SOCK"

cleanup() {
    tm kill-server 2>/dev/null || true
    rm -f "$SOCKET_PATH"
    local pid
    for pid in $(dvk_pids | sort -u); do kill -9 "$pid" 2>/dev/null || true; done
    chmod -R u+w "$TMP" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

e2e_now
T_START=$E2E_NOW
TIMINGS=()

# ---------------------------------------------------------------- sqlite3

sq() { sqlite3 -cmd '.timeout 5000' "${SQ_DB:-$DB}" "$@"; }
# A text as an SQL literal.
lit() { printf "'%s'" "${1//\'/\'\'}"; }

# sql_is SQL WANT: sqlite3 prints exactly WANT (checked once, no polling).
sql_is() {
    local got
    got=$(sq "$1" 2>&1) || true
    printf 'query: %s\nwanted: %s\ngot:    %s\n' "$1" "$2" "$got" >"$TMP/detail"
    [[ $got == "$2" ]]
}

count_models() { sq "SELECT count(*) FROM model;"; }
count_audit() { sq "SELECT count(*) FROM audit_log;"; }
max_model_id() { sq "SELECT coalesce(max(id), 0) FROM model;"; }
max_audit_id() { sq "SELECT coalesce(max(id), 0) FROM audit_log;"; }

# counts_are MODELS AUDIT: nothing was added or taken away.
counts_are() {
    local m a
    m=$(count_models)
    a=$(count_audit)
    printf 'models: %s (wanted %s), audit_log rows: %s (wanted %s)\nlast audit rows:\n%s\n' "$m" "$1" "$a" "$2" \
        "$(sq "SELECT id, officer, action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 3;")" >"$TMP/detail"
    [[ $m == "$1" && $a == "$2" ]]
}

db_intact() {
    local ok
    ok=$(sq 'PRAGMA integrity_check;' 2>&1)
    if ! sq 'BEGIN IMMEDIATE; ROLLBACK;' >"$TMP/detail" 2>&1; then return 1; fi
    echo "integrity_check: $ok" >"$TMP/detail"
    [[ $ok == ok ]]
}

hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }

# ---------------------------------------------------------------- tmux runs


# write_runner N DB [ARG…]: the commands typed at the shell for run N: the
# tty modes before, the dashboard (its pid in $TMP/pid-N), the tty modes
# after; when it did not exit cleanly (kill -9) the terminal is put back
# (stty sane, main screen, cursor) before EXIT=status is printed.
write_runner() {
    local n=$1 db=$2
    shift 2
    PIDFILE="$TMP/pid-$n"
    {
        printf 'stty -g > %q\n' "$TMP/stty-before-$n"
        printf 'bash -c %q %q %q --db %q --snapshots %q --officer %q --unit %q' \
            'echo $$ > "$0"; exec "$@"' "$PIDFILE" "$BIN" "$db" "$SNAPS" "$OFFICER" "$UNIT_ARG"
        if (($#)); then printf ' %q' "$@"; fi
        printf '\n'
        printf 'rc=$?\n'
        printf 'stty -g > %q.part && mv %q.part %q\n' "$TMP/stty-after-$n" "$TMP/stty-after-$n" "$TMP/stty-after-$n"
        printf 'if [ "$rc" -ne 0 ]; then stty sane; printf %q; fi\n' '\033[?1049l\033[?25h\033[0m'
        printf 'echo "EXIT=$rc"\n'
    } >"$TMP/run$n.sh"
}

launch() {
    typed "bash $TMP/run$1.sh"
    keys Enter
}


# The dashboard of this run: alive, and the program named by $BIN.
the_dvk() {
    local pid
    if ! wait_until "$E2E_TIMEOUT" file_nonempty "$PIDFILE"; then
        echo "no pid in $PIDFILE" >"$TMP/detail"
        return 1
    fi
    pid=$(cat "$PIDFILE")
    {
        echo "pid $pid: $(ps -o args= -p "$pid" 2>&1)"
        echo "all dashboards on $TMP: $(dvk_pids | sort -u | tr '\n' ' ')"
    } >"$TMP/detail"
    alive "$pid" && ps -o args= -p "$pid" | grep -qF -- "$BIN --db"
}

kill9() {
    local pid
    pid=$(cat "$PIDFILE" 2>/dev/null || true)
    if [[ -n $pid ]]; then kill -9 "$pid" 2>/dev/null || true; fi
}


no_dashboard_left() {
    local pids
    pids=$(dvk_pids | sort -u)
    echo "still running: $pids" >"$TMP/detail"
    [[ -z $pids ]]
}

# After a kill -9 (the runner ran stty sane and left the alternate screen):
# the shell is back and a command typed there runs.
shell_usable() {
    expect "$1: the shell is back, no key bar" call back_at_shell x
    typed "echo alive-$1"
    keys Enter
    expect "$1: the terminal works again (echo alive-$1)" re "^alive-$1\$"
}

back_at_shell() { match lacks "q Thoát" lacks "1 Tổng quan" re '^e2e\$ ?$'; }

end_run() {
    local name=$1 started=$2
    tm kill-session -t "$name" 2>/dev/null || true
    local pid
    for pid in $(dvk_pids | sort -u); do kill -9 "$pid" 2>/dev/null || true; done
    wait_until "$E2E_TIMEOUT" no_dashboard_left || true
    e2e_now
    TIMINGS+=("$name $(((E2E_NOW - started) / 100))")
}

# ---------------------------------------------------------------- the pane

# The models table: its rows under the header, down to the detail panel.
table_rows() { awk '/^Tên mô hình/ { on = 1; next } on && (/^┌/ || /^$/) { exit } on' "$E2E_PANE"; }
# The detail panel's text lines.
detail_rows() { awk '/^┌ Chi tiết/ { on = 1; next } on && /^└/ { exit } on { sub(/^│ /, ""); sub(/ *│$/, ""); print }' "$E2E_PANE"; }

# The number of models in the summary line ("21 mô hình, điển hình …").
models_total() { pane_row 3 | sed -nE 's/^ ([0-9.]+) mô hình.*/\1/p' | tr -d .; }
models_total_is() { [[ $(models_total) == "$1" ]]; }

# A table row for TITLE (at the start of the row) in Xã Suối Giàng.
table_has() { table_rows | grep -qE "^$1 +$UNIT_NAME "; }
# TITLE is the only row of the table.
table_only() {
    local rows
    rows=$(table_rows | grep -c . || true)
    ((rows == 1)) && table_has "$1"
}
# The detail panel shows a model titled TITLE.
detail_is() { [[ $(detail_rows | head -1) == "$1" ]]; }

# The row after the first row matching REGEX (the note under a form field).
row_after() { grep -E -A1 -m1 -- "$1" "$E2E_PANE" | sed -n 2p; }
title_required_note() { row_after '▶ Tên mô hình \*' | grep -qF "⚠ Chưa nhập: trường này là bắt buộc."; }
launch_order_note() { row_after '▶ Ngày ra mắt' | grep -qF "trước ngày đăng ký"; }

# No entry form, dialog or pick list on screen, and the normal key bar.
no_form() {
    match nore '┌ (Thêm|Sửa) mô hình' lacks "┌ Xác nhận" lacks "Lọc:" lacks "F2 Lưu" row -1 'q Thoát'
}
form_open() { match has "┌ Thêm mô hình, điển hình" row -1 '^F2 Lưu'; }

# The form's field LABEL (focused or not) shows VALUE in its box.
field_re() { printf '%s' "$1 +\\[ $2 +(▾ )?\\]"; }

# save NAME: F2, then a yes to the "same title in this unit and year"
# question should it come (a demo model may share the title); then the
# form closes and the status line says Đã lưu.
save() {
    local name=$1
    keys F2
    if ((E2E_RUN_OK)); then
        wait_until "$E2E_TIMEOUT" saved_or_asked || true
        if match has "Vẫn thêm?"; then
            echo "    (note: dvk asked about a model of the same title; answered c)"
            typed c
        fi
    fi
    expect "$name" row -2 '^ Đã lưu' call no_form x
}
saved_or_asked() { capture && { match has "Vẫn thêm?" || match row -2 '^ Đã lưu'; }; }

# ---------------------------------------------------------------- demo

demo_db() {
    local seeds=()
    if [[ -f $ROOT/seeds/units.csv ]]; then seeds=(--seeds "$ROOT/seeds"); fi
    if ! { "$BIN" demo --no-tui --db "$DB" "${seeds[@]}" && "$BIN" officer add "$OFFICER" --account e2e-officer --role admin --db "$DB"; } >"$TMP/demo.out" 2>&1; then
        cat "$TMP/demo.out" >"$TMP/detail"
        return 1
    fi
    local ok
    ok=$(sq 'PRAGMA integrity_check;')
    UNIT_ID=$(sq "SELECT id FROM unit WHERE name = $(lit "$UNIT_NAME");")
    echo "integrity_check: $ok; $UNIT_NAME: id ${UNIT_ID:-none}" >"$TMP/detail"
    [[ $ok == ok && -n $UNIT_ID ]]
}

# This file's own spelling: the titles are NFC and T7_NFD is not.
titles_nfc() {
    {
        echo "T1 $(hex "$T1")"
        echo "T7 $(hex "$T7")"
        echo "T7 NFD $(hex "$T7_NFD")"
    } >"$TMP/detail"
    [[ $(hex "$T1") == 54E1BB952074E1BBB1207175E1BAA36E20C491C6B0E1BB9D6E67206CC3A06E67 ]] &&
        [[ $(hex "$T7") == *42E1BABF70* && $(hex "$T7_NFD") == 4265CC82CC8170* && $T7 != "$T7_NFD" ]]
}

E2E_RUN_OK=1
check "demo: builds $DB (sqlite3 sees $UNIT_NAME)" demo_db
check "the titles of this test are NFC (and the NFD one is not)" titles_nfc
if ((!E2E_RUN_OK)) || [[ ! -s $DB ]]; then
    echo "$E2E_PASSED passed, $E2E_FAILED failed"
    exit 1
fi

# ---------------------------------------------------------------- run 1

# Step 1 ---------------------------------------------------------------

t1_in_db() {
    local rows unit kind field h
    rows=$(sq "SELECT id, unit_id, kind, field_code, hex(title) FROM model WHERE title = $(lit "$T1");")
    {
        echo "rows titled '$T1' (byte for byte, NFC): $rows"
        echo "wanted: one, unit $UNIT_ID, collective, politicalSystem, $(hex "$T1")"
        echo "any spelling: $(sq "SELECT id, hex(title) FROM model WHERE search_key LIKE '%duong lang%';")"
    } >>"$TMP/detail"
    [[ $(printf '%s\n' "$rows" | grep -c .) -eq 1 ]] || return 1
    IFS='|' read -r ID1 unit kind field h <<<"$rows"
    [[ $unit == "$UNIT_ID" && $kind == collective && $field == politicalSystem && $h == "$(hex "$T1")" ]]
}

t1_audited() {
    sql_is "SELECT officer, action, entity, json_extract(after_json, '\$.title') FROM audit_log
            WHERE entity_id = '${ID1:-?}' AND entity = 'model' ORDER BY id;" "$OFFICER|add|model|$T1"
}

step1() {
    N0=$(count_models)
    A0=$(count_audit)
    keys 3
    expect "r1: 3 shows the models of $UNIT_NAME" row 4 '^Tên mô hình' call table_has "Bảo tồn và phát triển vùng chè Shan tuyết cổ thụ"
    TOTAL0=$(models_total)
    check "r1: the summary line counts the models" test -n "$TOTAL0"
    typed a
    expect "r1: a opens the add form, focus on Tên mô hình" call form_open x re '▶ Tên mô hình \*' has "Ngày ra mắt"
    typed "$T1"
    expect "r1: the title typed in UTF-8 shows in the field" re "▶ $(field_re 'Tên mô hình \*' "$T1")"
    keys Tab Tab Tab
    expect "r1: Tab ×3 reaches Lĩnh vực (Phát triển kinh tế)" re "▶ $(field_re 'Lĩnh vực \*' 'Phát triển kinh tế')"
    keys Right
    expect "r1: → Văn hóa – xã hội" re "▶ $(field_re 'Lĩnh vực \*' 'Văn hóa – xã hội')"
    keys Right
    expect "r1: → Quốc phòng – an ninh" re "▶ $(field_re 'Lĩnh vực \*' 'Quốc phòng – an ninh')"
    keys Left
    expect "r1: ← Văn hóa – xã hội again" re "▶ $(field_re 'Lĩnh vực \*' 'Văn hóa – xã hội')"
    keys Enter
    expect "r1: Enter opens the pick list (Lọc:)" re '┌ Lĩnh vực' re '│ Lọc: +│' re '│ +Xây dựng hệ thống chính trị +│'
    typed "xay dung"
    expect "r1: the filter (no tone marks) leaves Xây dựng hệ thống chính trị" \
        re '│ Lọc: xay dung +│' re '│ ▶ Xây dựng hệ thống chính trị +│' nore '│ +(Phát triển kinh tế|Văn hóa – xã hội|Quốc phòng – an ninh) +│'
    keys Enter
    expect "r1: Enter picks it" re "▶ $(field_re 'Lĩnh vực \*' 'Xây dựng hệ thống chính trị')" lacks "Lọc:" \
        re "$(field_re 'Tên mô hình \*' "$T1")"
    # 2025 on screen in a later year: the launch date is asked for, not guessed.
    keys Tab Tab
    expect "r1: Tab ×2: Ngày ra mắt, blank and required (another year on screen)" re "▶ $(field_re 'Ngày ra mắt \*' '')"
    typed "15/03/2025"
    save "r1: F2 saves: Đã lưu, the form closes"
    expect "r1: the models count is one more" call models_total_is $((TOTAL0 + 1))
    check "r1: sqlite3: one model '$T1' (NFC), $UNIT_NAME, Xây dựng hệ thống chính trị" t1_in_db
    check "r1: sqlite3: audit_log add by '$OFFICER' with the title" t1_audited
    check "r1: sqlite3: one model and one audit row more" counts_are $((N0 + 1)) $((A0 + 1))
    typed /
    expect "r1: / opens the search line" row -2 '^ Tìm: ▏'
    typed "duong lang"
    expect "r1: the list has the new model (search 'duong lang')" row -2 '^ Tìm: duong lang▏' \
        call table_has "$T1" re "^$T1 +$UNIT_NAME +HTCT "
    keys Enter
    expect "r1: Enter keeps the search; the detail is the new model" call table_only "$T1" call detail_is "$T1" \
        has "Xây dựng hệ thống chính trị · $UNIT_NAME"
    typed /
    expect "r1: / again" row -2 '^ Tìm: duong lang▏'
    keys Escape
    expect "r1: Esc clears the search" row -2 '^$' call models_total_is $((TOTAL0 + 1)) nore '^ Tìm:'
}

# Step 2 ---------------------------------------------------------------

t2_in_db() {
    local rows unit
    rows=$(sq "SELECT id, unit_id FROM model WHERE title = $(lit "$T2") AND id > $MAX1;")
    echo "new rows titled '$T2': $rows (wanted one, unit $UNIT_ID)" >"$TMP/detail"
    [[ $(printf '%s\n' "$rows" | grep -c .) -eq 1 ]] || return 1
    IFS='|' read -r ID2 unit <<<"$rows"
    [[ $unit == "$UNIT_ID" ]]
}

step2() {
    MAX1=$(max_model_id)
    typed a
    expect "r1: a opens the add form again" call form_open x re "▶ $(field_re 'Tên mô hình \*' '')"
    keys F6
    expect "r1: F6: Gõ Telex: BẬT" row -2 '^ Gõ Telex: BẬT' call form_open x
    typed "$T2_TELEX"
    expect "r1: '$T2_TELEX' shows as '$T2'" re "▶ $(field_re 'Tên mô hình \*' "$T2")"
    keys Tab Tab Tab Tab Tab
    typed "20/03/2025"
    save "r1: F2 saves the Telex title: Đã lưu"
    check "r1: sqlite3: the model '$T2' (new, $UNIT_NAME)" t2_in_db
    check "r1: sqlite3: audit_log add by '$OFFICER'" sql_is \
        "SELECT officer, action, json_extract(after_json, '\$.title') FROM audit_log WHERE entity = 'model' AND entity_id = '${ID2:-?}';" \
        "$OFFICER|add|$T2"
}

# Step 3 ---------------------------------------------------------------

# The 0-based table row of the model saved in step 2: titled T2, not removed.
fresh_t2_row() { table_rows | awk -v t="$T2" 'index($0, t) == 1 && !/Loại bỏ/ { print NR - 1; exit }'; }
has_fresh_t2() { [[ -n $(fresh_t2_row) ]]; }
detail_is_fresh_t2() { detail_is "$T2" && ! detail_rows | grep -qE '^(Đã loại bỏ|Loại bỏ )'; }

t3_update_audited() {
    local row officer before after
    row=$(sq "SELECT id, officer, json_extract(before_json, '\$.title'), json_extract(after_json, '\$.title') FROM audit_log
              WHERE action = 'update' AND entity = 'model' AND entity_id = '${ID2:-?}' ORDER BY id DESC LIMIT 1;")
    echo "update row: $row; wanted officer '$OFFICER', before '$T2', after '$T3'" >"$TMP/detail"
    IFS='|' read -r UPDATE_ID officer before after <<<"$row"
    [[ -n $UPDATE_ID && $officer == "$OFFICER" && $before == "$T2" && $after == "$T3" ]]
}

step3() {
    typed /
    expect "r1: / on the models" row -2 '^ Tìm: ▏'
    typed "chi hoi phu nu"
    expect "r1: 'chi hoi phu nu' finds the new '$T2'" row -2 '^ Tìm: chi hoi phu nu▏' call has_fresh_t2 x
    keys Enter
    expect "r1: Enter keeps the search" nore '^ Tìm:' call has_fresh_t2 x
    local i n=0
    if ((E2E_RUN_OK)); then n=$(fresh_t2_row); fi
    for ((i = 0; i < n; i++)); do keys Down; done
    expect "r1: the new '$T2' is selected (its detail: not removed)" call detail_is_fresh_t2 x
    keys Enter
    expect "r1: Enter opens the edit form with its title" has "┌ Sửa mô hình: $T2" \
        re "▶ $(field_re 'Tên mô hình \*' "$T2")" row -1 '^F2 Lưu'
    keys C-u
    expect "r1: Ctrl-U clears the title" re "▶ $(field_re 'Tên mô hình \*' '')"
    typed "$T3"
    expect "r1: the new title shows" re "▶ $(field_re 'Tên mô hình \*' "$T3")"
    save "r1: F2 saves the change: Đã lưu"
    check "r1: sqlite3: the model now has the new title" sql_is "SELECT title FROM model WHERE id = ${ID2:-0};" "$T3"
    check "r1: sqlite3: an 'update' audit row with before/after JSON" t3_update_audited
}

# Step 4 ---------------------------------------------------------------

last_audit_is() {
    sql_is "SELECT officer, action, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1;" "$1"
}

step4() {
    typed u
    expect "r1: u: Đã hoàn tác" row -2 '^ Đã hoàn tác' call no_form x
    check "r1: sqlite3: the old title is back" sql_is "SELECT title FROM model WHERE id = ${ID2:-0};" "$T2"
    check "r1: sqlite3: an audit row undo:${UPDATE_ID:-?}" last_audit_is "$OFFICER|undo:${UPDATE_ID:-?}|model|${ID2:-?}"
    keys C-r
    expect "r1: Ctrl-R: Đã làm lại" row -2 '^ Đã làm lại' call no_form x
    check "r1: sqlite3: the new title again" sql_is "SELECT title FROM model WHERE id = ${ID2:-0};" "$T3"
    check "r1: sqlite3: an audit row redo:${UPDATE_ID:-?}" last_audit_is "$OFFICER|redo:${UPDATE_ID:-?}|model|${ID2:-?}"
}

# Step 5 ---------------------------------------------------------------

step5() {
    local n a
    n=$(count_models)
    a=$(count_audit)
    typed a
    expect "r1: a: the add form, the title empty" call form_open x re "▶ $(field_re 'Tên mô hình \*' '')"
    keys Tab Tab Tab Tab
    expect "r1: Tab ×4 reaches Ngày đăng ký" re "▶ $(field_re 'Ngày đăng ký' '')"
    typed "10/01/2024"
    expect "r1: Ngày đăng ký 10/01/2024" re "▶ $(field_re 'Ngày đăng ký' '10/01/2024')"
    keys Tab
    expect "r1: Tab: Ngày ra mắt, blank (2025 on screen, not this year)" re "▶ $(field_re 'Ngày ra mắt \*' '')"
    typed "01/01/2024"
    expect "r1: Ngày ra mắt 01/01/2024 (before the registration)" re "▶ $(field_re 'Ngày ra mắt \*' '01/01/2024')"
    keys F2
    expect "r1: F2 refused: the form stays, ▶ on Tên mô hình, 'Chưa nhập…' under it" \
        call form_open x re "▶ $(field_re 'Tên mô hình \*' '')" call title_required_note x row -2 '^ ⚠ Chưa lưu'
    check "r1: sqlite3: nothing new" counts_are "$n" "$a"
    typed "$BAD_TITLE"
    expect "r1: a title typed; the error goes" re "▶ $(field_re 'Tên mô hình \*' "$BAD_TITLE")" lacks "Chưa nhập"
    keys F2
    expect "r1: F2 refused again: ▶ on Ngày ra mắt, 'trước ngày đăng ký' under it" \
        call form_open x call launch_order_note x row -2 '^ ⚠ Chưa lưu'
    check "r1: sqlite3: still nothing new" counts_are "$n" "$a"
    keys Escape
    expect "r1: Esc asks 'Bỏ các thay đổi chưa lưu?'" has "Bỏ các thay đổi chưa lưu?" has "c: Có" has "k: Không"
    typed k
    expect "r1: k keeps the form as it was" call form_open x lacks "Bỏ các thay đổi chưa lưu?" \
        re "$(field_re 'Tên mô hình \*' "$BAD_TITLE")" re "$(field_re 'Ngày ra mắt \*' '01/01/2024')"
    keys Escape
    expect "r1: Esc asks again" has "Bỏ các thay đổi chưa lưu?"
    typed c
    expect "r1: c closes the form" call no_form x row 4 '^Tên mô hình'
    check "r1: sqlite3: nothing of the discarded form" counts_are "$n" "$a"
    check "r1: sqlite3: no model '$BAD_TITLE'" sql_is "SELECT count(*) FROM model WHERE title = $(lit "$BAD_TITLE");" 0
}

run1() {
    e2e_now
    local started=$E2E_NOW
    start_shell r1 100 30
    write_runner 1 "$DB"
    launch 1
    expect "r1: the dashboard opens on $UNIT_NAME" -t "$FIRST_FRAME" \
        row 2 "› $UNIT_NAME( {2,}|$)" row -1 'q Thoát'
    check "r1: its pid is a dvk on $DB" the_dvk
    step1
    step2
    step3
    step4
    step5
    # Step 6 (first half): q.
    typed q
    expect "r1: q quits: EXIT=0" re '^EXIT=0$'
    check "r1: stty -g unchanged after q" same_stty 1
    expect "r1: the shell is back, no key bar" call back_at_shell x
    check "r1: no dvk process left" no_dashboard_left
    end_run r1 "$started"
}

# ---------------------------------------------------------------- run 2

run2() {
    e2e_now
    local started=$E2E_NOW
    start_shell r2 100 30
    write_runner 2 "$DB"
    launch 2
    expect "r2: reopened on the same file, $UNIT_NAME" -t "$FIRST_FRAME" row 2 "› $UNIT_NAME( {2,}|$)" row -1 'q Thoát'
    keys 3
    expect "r2: 3: the models, two more than at first" row 4 '^Tên mô hình' call models_total_is $((TOTAL0 + 2))
    typed /
    expect "r2: / opens the search line" row -2 '^ Tìm: ▏'
    typed "duong lang"
    expect "r2: 'duong lang' finds '$T1'" call table_only "$T1"
    keys Enter
    expect "r2: its detail: Xây dựng hệ thống chính trị" nore '^ Tìm:' call detail_is "$T1" \
        has "Xây dựng hệ thống chính trị · $UNIT_NAME"
    typed /
    expect "r2: / again" row -2 '^ Tìm: duong lang▏'
    keys Escape
    expect "r2: Esc clears the search" nore '^ Tìm:' call models_total_is $((TOTAL0 + 2))
    typed /
    typed "ban giang a"
    expect "r2: 'ban giang a' finds '$T3' (edited, undone, redone)" call table_only "$T3"
    keys Enter
    expect "r2: its detail" nore '^ Tìm:' call detail_is "$T3"
    typed q
    expect "r2: q quits: EXIT=0" re '^EXIT=0$'
    check "r2: stty -g unchanged after q" same_stty 2
    check "r2: no dvk process left" no_dashboard_left
    end_run r2 "$started"
}

# ---------------------------------------------------------------- run 3

t7_kept() {
    local rows
    rows=$(sq "SELECT m.id, hex(m.title), a.officer, a.action FROM model m JOIN audit_log a
               ON a.entity = 'model' AND a.entity_id = CAST(m.id AS TEXT) WHERE m.title = $(lit "$T7");")
    {
        echo "model '$T7' (NFC, byte for byte) with its audit row: $rows"
        echo "wanted one row: $(hex "$T7")|$OFFICER|add"
        echo "any spelling: $(sq "SELECT id, hex(title) FROM model WHERE search_key LIKE '%giang b%';")"
    } >"$TMP/detail"
    [[ $(printf '%s\n' "$rows" | grep -c .) -eq 1 && ${rows#*|} == "$(hex "$T7")|$OFFICER|add" ]]
}

run3() {
    e2e_now
    local started=$E2E_NOW
    start_shell r3 100 30
    write_runner 3 "$DB"
    launch 3
    expect "r3: opened" -t "$FIRST_FRAME" row 2 "› $UNIT_NAME( {2,}|$)" row -1 'q Thoát'
    keys 3
    expect "r3: 3: the models" row 4 '^Tên mô hình' call models_total_is $((TOTAL0 + 2))
    typed a
    expect "r3: a: the add form" call form_open x
    typed "$T7_NFD"
    expect "r3: the title typed decomposed (NFD) shows" re "▶ $(field_re 'Tên mô hình \*' "$T7")"
    keys Tab Tab Tab Tab Tab
    typed "01/04/2025"
    save "r3: F2: Đã lưu"
    check "r3: the dvk to kill" the_dvk
    if ((E2E_RUN_OK)); then kill9; fi
    expect "r3: kill -9: EXIT=137" re '^EXIT=137$'
    shell_usable r3
    check "r3: no dvk process left" no_dashboard_left
    check "r3: sqlite3: the model saved just before is there, NFC, audited" t7_kept
    check "r3: sqlite3: integrity_check ok, not locked" db_intact
    end_run r3 "$started"
}

# ---------------------------------------------------------------- run 4

run4() {
    e2e_now
    local started=$E2E_NOW n a
    n=$(count_models)
    a=$(count_audit)
    start_shell r4 100 30
    write_runner 4 "$DB"
    launch 4
    expect "r4: opened" -t "$FIRST_FRAME" row 2 "› $UNIT_NAME( {2,}|$)" row -1 'q Thoát'
    keys 3
    expect "r4: 3: the models" row 4 '^Tên mô hình' call models_total_is $((TOTAL0 + 3))
    typed a
    expect "r4: a: the add form" call form_open x
    typed "$T8"
    expect "r4: the title shows (not saved)" re "▶ $(field_re 'Tên mô hình \*' "$T8")"
    keys Tab Tab Tab Right
    expect "r4: a field changed too" re "▶ $(field_re 'Lĩnh vực \*' 'Văn hóa – xã hội')"
    check "r4: the dvk to kill" the_dvk
    if ((E2E_RUN_OK)); then kill9; fi
    expect "r4: kill -9 with the form open: EXIT=137" re '^EXIT=137$'
    shell_usable r4
    check "r4: no dvk process left" no_dashboard_left
    check "r4: sqlite3: no model '$T8'" sql_is "SELECT count(*) FROM model WHERE search_key LIKE '%nam bung%' OR title = $(lit "$T8");" 0
    check "r4: sqlite3: models and audit_log unchanged" counts_are "$n" "$a"
    check "r4: sqlite3: integrity_check ok, not locked" db_intact
    end_run r4 "$started"
}

# ---------------------------------------------------------------- runs 5, 6

# readonly_run N NAME DB [ARG…]: entry keys on the models are refused.
readonly_run() {
    local n=$1 name=$2 db=$3
    shift 3
    e2e_now
    local started=$E2E_NOW a
    a=$(SQ_DB=$db count_audit)
    start_shell "$name" 100 30
    write_runner "$n" "$db" "$@"
    launch "$n"
    expect "$name: opens read-only: 'Chế độ chỉ đọc' in the status line" -t "$FIRST_FRAME" \
        row 2 "› $UNIT_NAME( {2,}|$)" row -2 '^ Chế độ chỉ đọc' row -1 'q Thoát'
    keys 3
    expect "$name: 3: the models; no 'a Thêm' in the key bar" row 4 '^Tên mô hình' row -2 '^$' \
        row -1 'q Thoát' nore 'a Thêm'
    typed a
    expect "$name: a: the status line says 'chỉ đọc', no form" row -2 'chỉ đọc' call no_form x
    keys 3
    expect "$name: 3 again clears the status line" row -2 '^$'
    keys Enter
    expect "$name: Enter (edit) says 'chỉ đọc', no form" row -2 'chỉ đọc' call no_form x
    keys 3
    expect "$name: 3 again clears the status line" row -2 '^$'
    typed b
    expect "$name: b (grid) says 'chỉ đọc', no grid" row -2 'chỉ đọc' call no_form x lacks "┌ Nhập nhanh"
    typed q
    expect "$name: q quits: EXIT=0" re '^EXIT=0$'
    check "$name: stty -g unchanged after q" same_stty "$n"
    check "$name: no dvk process left" no_dashboard_left
    check "$name: sqlite3: audit_log unchanged" sql_is_on "$db" "SELECT count(*) FROM audit_log;" "$a"
    end_run "$name" "$started"
}
sql_is_on() { SQ_DB=$1 sql_is "$2" "$3"; }

make_ro_copy() {
    sq ".backup $(lit "$RO_DB")" >"$TMP/detail" 2>&1 || return 1
    chmod 0444 "$RO_DB"
    cp "$RO_DB" "$TMP/ro-before.sqlite"
    echo "mode: $(stat -c %a "$RO_DB")" >"$TMP/detail"
    [[ $(stat -c %a "$RO_DB") == 444 ]]
}

ro_copy_untouched() {
    echo "mode: $(stat -c %a "$RO_DB"); cmp: $(cmp "$RO_DB" "$TMP/ro-before.sqlite" 2>&1)" >"$TMP/detail"
    [[ $(stat -c %a "$RO_DB") == 444 ]] && cmp -s "$RO_DB" "$TMP/ro-before.sqlite"
}

# shellcheck source=scripts/e2e-entry-units.sh
source "$ROOT/scripts/e2e-entry-units.sh"

# ---------------------------------------------------------------- all runs

run1
run2
run3
run4
readonly_run 5 r5 "$DB" --read-only
E2E_RUN_OK=1
check "r6: a 0444 copy of the database (sqlite3 .backup, chmod 0444)" make_ro_copy
readonly_run 6 r6 "$RO_DB"
E2E_RUN_OK=1
check "r6: the 0444 copy is byte for byte unchanged" ro_copy_untouched
E2E_RUN_OK=1
run7
E2E_RUN_OK=1
run8
check "after all runs: the database is intact and not locked (sqlite3)" db_intact

report_and_exit
