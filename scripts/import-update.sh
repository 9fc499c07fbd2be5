#!/usr/bin/env bash
# Re-importing a corrected copy of seeds/ with the real binary (issue 9 §3):
# `dvk import --dry-run` lists exactly the corrections and writes nothing,
# `dvk import` applies exactly them as one change, `dvk undo` takes that
# change back whole. The database is checked with sqlite3 at each step.
#
#   scripts/import-update.sh .build/debug/dvk
#
# One line per check, then "N passed, M failed"; exits non-zero when any failed.
# Needs sqlite3 (apt-get install sqlite3) and python3.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 PATH-TO-dvk" >&2
    exit 2
fi
dvk=$1
if [[ $dvk != /* ]]; then dvk="$PWD/$dvk"; fi
if [[ ! -x $dvk ]]; then
    echo "$0: $dvk is not an executable" >&2
    exit 2
fi
command -v sqlite3 >/dev/null || { echo "$0: needs sqlite3" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/dvk-import-update.XXXXXX")
trap 'rm -rf "$work"' EXIT
export DVK_LANG=vi
unset DVK_DB

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS  $1"; }
fail() {
    failed=$((failed + 1)); echo "FAIL  $1"
    if [[ -n ${2:-} ]]; then printf '%s\n' "$2" | sed 's/^/      | /'; fi
}

# run NAME CMD...: runs CMD with stdout/stderr in $work/NAME.out/.err and the exit code in $rc.
rc=0
run() {
    local name=$1; shift
    rc=0
    "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
}
# expect_rc NAME CODE
expect_rc() {
    if [[ $rc -eq $2 ]]; then pass "$1: exit $2"; else fail "$1: exit $2 (got $rc)" "$(cat "$work/$1.out" "$work/$1.err")"; fi
}
# expect_line NAME FILE TEXT: FILE (out or err) has a line that is exactly TEXT.
expect_line() {
    if grep -qxF -- "$3" "$work/$1.$2"; then pass "$1 says: $3"; else fail "$1 says: $3" "$(cat "$work/$1.$2")"; fi
}
# expect_sql NAME SQL WANT
expect_sql() {
    local got
    got=$(sqlite3 "$db" "$2")
    if [[ $got == "$3" ]]; then pass "$1"; else fail "$1" "sql: $2"$'\n'"want: $3"$'\n'"got:  $got"; fi
}
# state: what the database holds, to compare before and after (the audit log apart).
state() {
    sqlite3 "$db" "SELECT 'unit', ref, name, parent_id, valid_to, merged_into_id FROM unit ORDER BY id;
                   SELECT 'model', ref, title, unit_id, launched_on, removed_on FROM model ORDER BY id;
                   SELECT 'survey', * FROM survey ORDER BY unit_id, year;
                   SELECT 'evaluation', * FROM evaluation ORDER BY model_id, year;
                   SELECT 'count', * FROM unit_year_count ORDER BY year, unit_id, field_code, kind;"
}

db="$work/db/dvk.sqlite"
run first "$dvk" import --db "$db" "$root/seeds"
# The officer the later steps act for (--officer is an admin's, for a registered officer).
"$dvk" officer add "Cán bộ Kiểm thử" --account kiem-thu --role admin --db "$db" >/dev/null
expect_rc first 0

# The corrected copy: one model renamed, one survey percent changed, one
# model added, and a removed model renamed (which is refused row by row).
fixed="$work/fixed"
cp -r "$root/seeds" "$fixed"
python3 - "$fixed" <<'EOF'
import os, sys
d = sys.argv[1]
def edit(name, old, new):
    p = os.path.join(d, name)
    s = open(p, encoding="utf-8").read()
    assert s.count(old) == 1, (name, old)
    open(p, "w", encoding="utf-8").write(s.replace(old, new))
edit("models.csv", "M-1001,YB-VC-LS,collective,Dân vận khéo trong chuyển đổi số,", "M-1001,YB-VC-LS,collective,Dân vận khéo trong chuyển đổi số ở thôn bản,")
edit("models.csv", "M-1017,YB-VC-TP,collective,Tổ hòa giải ở cơ sở giỏi,", "M-1017,YB-VC-TP,collective,Tổ hòa giải ở cơ sở giỏi (tên mới),")
edit("surveys.csv", "\nYB,2021,90.2,", "\nYB,2021,91.5,")
with open(os.path.join(d, "models.csv"), "a", encoding="utf-8") as f:
    f.write("M-9001,YB-VC-LS,collective,Bếp ăn bán trú do dân góp,economy,,,,,,01/02/2025,01/03/2025,,,0,kiểm thử\n")
EOF

before=$(state)
audit_before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
files_before=$(ls -A "$work/db")

# 1. The dry run lists exactly the corrections, and changes nothing.
run dry "$dvk" import --dry-run --db "$db" "$fixed"
expect_rc dry 0
expect_line dry out "models.csv: thêm 1, sửa 1, giữ nguyên 363, bỏ qua 1"
expect_line dry out "  ~ M-1001 (dòng 13) sửa: tên: “Dân vận khéo trong chuyển đổi số” → “Dân vận khéo trong chuyển đổi số ở thôn bản”"
expect_line dry out "  ! M-1017 (dòng 29) bỏ qua: mô hình đã bị loại bỏ ngày 19/02/2023 (tên: “Tổ hòa giải ở cơ sở giỏi” → “Tổ hòa giải ở cơ sở giỏi (tên mới)”)"
expect_line dry out "  + M-9001 (dòng 367) thêm: “Bếp ăn bán trú do dân góp”"
expect_line dry out "  ~ YB, 2021 (dòng 2) sửa: tỷ lệ hài lòng: 90,2% → 91,5%"
expect_line dry out "Sẽ thêm 1, sửa 2, giữ nguyên 2.147, bỏ qua 1."
listed=$(grep -c '^  [~!+] ' "$work/dry.out" || true)
if [[ $listed -eq 4 ]]; then pass "dry run lists 4 rows"; else fail "dry run lists 4 rows (got $listed)" "$(cat "$work/dry.out")"; fi
if [[ $(state) == "$before" && $(sqlite3 "$db" "SELECT count(*) FROM audit_log") == "$audit_before" ]]; then
    pass "dry run: the database is unchanged"
else
    fail "dry run: the database is unchanged"
fi
if [[ $(ls -A "$work/db") == "$files_before" ]]; then pass "dry run: no file created beside the database"; else fail "dry run: no file created beside the database" "$(ls -A "$work/db")"; fi
run dry_en "$dvk" import --dry-run --lang en --db "$db" "$fixed"
expect_line dry_en out "  ~ YB, 2021 (line 2) change: satisfaction: 90.2% → 91.5%"
expect_line dry_en out "Would add 1, change 2, leave 2,147 unchanged, skip 1."

# A dry run with no database creates none.
run dry_new "$dvk" import --dry-run --db "$work/none/dvk.sqlite" "$fixed"
expect_rc dry_new 0
expect_line dry_new out "Chưa có cơ sở dữ liệu: đây là lần nạp đầu, mọi dòng sẽ được thêm."
if [[ ! -e $work/none ]]; then pass "dry run with no database: nothing created"; else fail "dry run with no database: nothing created" "$(find "$work/none")"; fi

# 2. The import applies exactly that, as one change.
run apply "$dvk" import --db "$db" --officer "Cán bộ Kiểm thử" "$fixed"
expect_rc apply 0
expect_line apply out "  ~ M-1001 (dòng 13) đã sửa: tên: “Dân vận khéo trong chuyển đổi số” → “Dân vận khéo trong chuyển đổi số ở thôn bản”"
expect_line apply out "Đã thêm 1, sửa 2, giữ nguyên 2.147, bỏ qua 1."
change=$(sed -n 's/^Mã thay đổi: \([0-9]*\)\. Hoàn tác cả lần nạp này: dvk undo \1$/\1/p' "$work/apply.out")
if [[ -n $change ]]; then pass "import prints its change id and dvk undo $change"; else fail "import prints its change id" "$(cat "$work/apply.out")"; fi
change=${change:-0}
expect_sql "M-1001 renamed" "SELECT title FROM model WHERE ref = 'M-1001'" "Dân vận khéo trong chuyển đổi số ở thôn bản"
expect_sql "M-1017 (removed) left alone" "SELECT title FROM model WHERE ref = 'M-1017'" "Tổ hòa giải ở cơ sở giỏi"
expect_sql "M-9001 added in YB-VC-LS" "SELECT u.ref FROM model m JOIN unit u ON u.id = m.unit_id WHERE m.ref = 'M-9001'" "YB-VC-LS"
expect_sql "YB 2021 survey 91.5%" "SELECT permille FROM survey s JOIN unit u ON u.id = s.unit_id WHERE u.ref = 'YB' AND s.year = 2021" "915"
expect_sql "one change of three audited rows" "SELECT count(*), group_concat(DISTINCT entity), group_concat(DISTINCT officer) FROM audit_log WHERE change_id = $change" "3|model,survey|Cán bộ Kiểm thử"
expect_sql "nothing else written" "SELECT count(*) FROM audit_log" "$((audit_before + 3))"
expect_sql "the new model counts in 2025" \
    "SELECT in_force FROM unit_year_count c JOIN unit u ON u.id = c.unit_id WHERE u.ref = 'YB-VC-LS' AND c.year = 2025 AND c.field_code = 'economy' AND c.kind = 'collective'" \
    "$(( $(sqlite3 "$db" "SELECT count(*) FROM model m JOIN unit u ON u.id = m.unit_id WHERE u.ref = 'YB-VC-LS' AND m.field_code = 'economy' AND m.kind = 'collective' AND m.launched_on <= '2025-12-31' AND (m.removed_on IS NULL OR m.removed_on > '2025-12-31')") ))"
run check1 "$dvk" check --db "$db"
expect_rc check1 0
applied=$(state)

# 3. Again: nothing to change, nothing written.
run dry2 "$dvk" import --dry-run --db "$db" "$fixed"
expect_line dry2 out "Không có gì để thay đổi: cơ sở dữ liệu đã khớp với các tệp."
run apply2 "$dvk" import --db "$db" "$fixed"
expect_rc apply2 0
expect_line apply2 out "Không có gì thay đổi: cơ sở dữ liệu đã khớp với các tệp, không ghi gì."
expect_sql "second import writes no audit row" "SELECT count(*) FROM audit_log" "$((audit_before + 3))"

# 4. Undo takes the whole import back: values and counts as before.
run undo "$dvk" undo --db "$db" "$change"
expect_rc undo 0
if grep -q "^Đã hoàn tác thay đổi #$change (lúc .*, cán bộ Cán bộ Kiểm thử): 2 mô hình, 1 khảo sát hài lòng\.$" "$work/undo.out"; then
    pass "undo says what it undid"
else
    fail "undo says what it undid" "$(cat "$work/undo.out")"
fi
if [[ $(state) == "$before" ]]; then pass "undo: units, models, surveys, evaluations and counts as before the import"; else fail "undo: state as before" "$(diff <(echo "$before") <(state) | head -20)"; fi
run check2 "$dvk" check --db "$db"
expect_rc check2 0
run dry3 "$dvk" import --dry-run --db "$db" "$fixed"
if diff -q "$work/dry.out" "$work/dry3.out" >/dev/null; then pass "after undo the dry run lists the same corrections"; else fail "after undo the same dry run" "$(diff "$work/dry.out" "$work/dry3.out")"; fi

# Refusals: undone twice, no such change, not a number; nothing written.
rows=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
run undo2 "$dvk" undo --db "$db" "$change"
expect_rc undo2 5
expect_line undo2 err "dvk: Không hoàn tác được: thay đổi #$change đã được hoàn tác rồi (làm lại: dvk undo --redo $change)."
run undo_missing "$dvk" undo --db "$db" 999999
expect_rc undo_missing 5
expect_line undo_missing err "dvk: Không hoàn tác được: không có thay đổi #999999 trong nhật ký."
undo_change=$(sed -n 's/^Mã của lần hoàn tác này: \([0-9]*\);.*/\1/p' "$work/undo.out")
run undo_undo "$dvk" undo --db "$db" "${undo_change:-0}"
expect_rc undo_undo 5
expect_line undo_undo err "dvk: Không hoàn tác được: thay đổi #${undo_change:-0} là lần hoàn tác thay đổi #$change; muốn làm lại, dùng dvk undo --redo $change."
run undo_first "$dvk" undo --db "$db" 1
expect_rc undo_first 5
run undo_word "$dvk" undo --db "$db" abc
expect_rc undo_word 2
expect_sql "refused undos write nothing" "SELECT count(*) FROM audit_log" "$rows"

# Redo puts it back.
run redo "$dvk" undo --redo --db "$db" "$change"
expect_rc redo 0
if [[ $(state) == "$applied" ]]; then pass "redo: state as after the import"; else fail "redo: state as after the import" "$(diff <(echo "$applied") <(state) | head -20)"; fi
run check3 "$dvk" check --db "$db"
expect_rc check3 0

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
