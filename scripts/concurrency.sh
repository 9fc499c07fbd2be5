#!/usr/bin/env bash
# Several dvk processes saving into one file at once (issue 9 §4): runs
# `dvk bench writers` (4 processes × 100 audited saves by default) on a fresh
# database, takes a `dvk backup` while they write, and checks that every save
# was stored, that the file and the backup pass `dvk check`, and that the
# backup restores.
#
#   scripts/concurrency.sh .build/debug/dvk [--processes N] [--saves M]
#
# One line per check, then "N passed, M failed"; exits non-zero when any
# failed. Needs sqlite3 (apt-get install sqlite3) to count rows on its own.
set -euo pipefail

if [[ $# -lt 1 ]]; then
    echo "usage: $0 PATH-TO-dvk [--processes N] [--saves M]" >&2
    exit 2
fi
dvk=$1; shift
if [[ $dvk != /* ]]; then dvk="$PWD/$dvk"; fi
if [[ ! -x $dvk ]]; then
    echo "$0: $dvk is not an executable" >&2
    exit 2
fi
processes=4
saves=100
while (($#)); do
    case $1 in
        --processes) processes=$2; shift 2 ;;
        --saves) saves=$2; shift 2 ;;
        *) echo "$0: unknown option $1" >&2; exit 2 ;;
    esac
done
if ! command -v sqlite3 >/dev/null; then
    echo "$0: needs sqlite3 (apt-get install sqlite3)" >&2
    exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/dvk-concurrency.XXXXXX")
bench_pid=""
cleanup() {
    if [[ -n $bench_pid ]] && kill -0 "$bench_pid" 2>/dev/null; then
        kill "$bench_pid" 2>/dev/null || true
        wait "$bench_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

export DVK_LANG=vi
unset DVK_DB

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS  $1"; }
fail() {
    failed=$((failed + 1)); echo "FAIL  $1"
    if [[ -n ${2:-} ]]; then printf '%s\n' "$2" | sed 's/^/      | /'; fi
}
models() { sqlite3 "$1" "SELECT count(*) FROM model"; }

db="$work/dvk.sqlite"
if ! "$dvk" import --db "$db" "$root/seeds" >"$work/import.out" 2>&1; then
    fail "dvk import seeds makes the database" "$(cat "$work/import.out")"
    echo "$passed passed, $failed failed"
    exit 1
fi
base=$(models "$db")
want=$((base + processes * saves))

# The writers, in the background, so a backup can be taken while they run.
"$dvk" bench writers --processes "$processes" --saves "$saves" --db "$db" >"$work/bench.out" 2>"$work/bench.err" &
bench_pid=$!
during="$work/during.sqlite"
backup_rc=""
taken_at=""
while kill -0 "$bench_pid" 2>/dev/null; do
    n=$(models "$db" 2>/dev/null || echo 0)
    if ((n > base)); then
        backup_rc=0
        "$dvk" backup --db "$db" "$during" >"$work/backup.out" 2>"$work/backup.err" || backup_rc=$?
        taken_at=$n
        break
    fi
    sleep 0.02
done
bench_rc=0
wait "$bench_pid" || bench_rc=$?
bench_pid=""
cat "$work/bench.out"

if [[ $bench_rc -eq 0 ]]; then pass "bench writers: exit 0"; else fail "bench writers: exit 0 (got $bench_rc)" "$(cat "$work/bench.err")"; fi
if grep -q "failures=0 crashed=0" "$work/bench.out"; then pass "bench writers: no save failed, no writer crashed"; else fail "bench writers: no save failed, no writer crashed" "$(cat "$work/bench.err")"; fi
got=$(models "$db")
if [[ $got -eq $want ]]; then pass "exactly $((processes * saves)) new models stored ($base → $got)"; else fail "exactly $((processes * saves)) new models stored ($base → $got, want $want)"; fi
named=$(sqlite3 "$db" "SELECT count(DISTINCT title) FROM model WHERE title LIKE 'Mô hình đo ghi đồng thời %'")
if [[ $named -eq $((processes * saves)) ]]; then pass "each save stored once (distinct titles: $named)"; else fail "each save stored once (distinct titles: $named)"; fi
audits=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE entity = 'model' AND action = 'add' AND after_json LIKE '%Mô hình đo ghi đồng thời%'")
if [[ $audits -eq $((processes * saves)) ]]; then pass "one audit row per save ($audits)"; else fail "one audit row per save ($audits)"; fi
if "$dvk" check --db "$db" >"$work/check.out" 2>&1; then pass "dvk check on the file: clean"; else fail "dvk check on the file: clean" "$(cat "$work/check.out")"; fi

# The backup taken while they wrote.
if [[ -z $backup_rc ]]; then
    fail "dvk backup while the writers run (the writers finished before the first save was seen)"
elif [[ $backup_rc -ne 0 ]]; then
    fail "dvk backup while the writers run: exit 0 (got $backup_rc)" "$(cat "$work/backup.err")"
else
    copied=$(models "$during")
    pass "dvk backup while the writers run: exit 0 ($copied models; $taken_at stored when it began)"
    if grep -q "không có lỗi" "$work/backup.out"; then pass "dvk backup: reports its check of the copy"; else fail "dvk backup: reports its check of the copy" "$(cat "$work/backup.out")"; fi
    if ((copied >= taken_at && copied <= want)); then pass "the backup holds a moment of the run ($base ≤ $copied ≤ $want)"; else fail "the backup holds a moment of the run ($copied)"; fi
    if "$dvk" check --db "$during" >"$work/check-during.out" 2>&1; then pass "dvk check on the backup: clean"; else fail "dvk check on the backup: clean" "$(cat "$work/check-during.out")"; fi
    if "$dvk" status --db "$during" >/dev/null 2>"$work/status-during.err"; then pass "dvk status reads the backup"; else fail "dvk status reads the backup" "$(cat "$work/status-during.err")"; fi
    rc=0
    "$dvk" backup --db "$db" "$during" >/dev/null 2>"$work/again.err" || rc=$?
    if [[ $rc -eq 7 ]] && grep -q "không ghi đè" "$work/again.err"; then pass "dvk backup onto an existing file: exit 7, not overwritten"; else fail "dvk backup onto an existing file: exit 7 (got $rc)" "$(cat "$work/again.err")"; fi

    # Put it back: the file gets the backup's rows, and what it held is kept as .bak.
    if "$dvk" restore --db "$db" "$during" >"$work/restore.out" 2>&1; then pass "dvk restore of the backup: exit 0"; else fail "dvk restore of the backup: exit 0" "$(cat "$work/restore.out")"; fi
    if [[ $(models "$db") -eq $copied ]]; then pass "restored: the file holds the backup's $copied models"; else fail "restored: the file holds the backup's $copied models (got $(models "$db"))"; fi
    if [[ -f $db.bak && $(models "$db.bak") -eq $want ]]; then pass "restored: the previous $want models are kept in .bak"; else fail "restored: the previous $want models are kept in .bak"; fi
    if "$dvk" check --db "$db" >/dev/null 2>&1 && "$dvk" check --db "$db.bak" >/dev/null 2>&1; then pass "dvk check on the restored file and the .bak: clean"; else fail "dvk check on the restored file and the .bak: clean"; fi
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
