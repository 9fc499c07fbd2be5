#!/usr/bin/env bash
# Checks how `dvk` reports unusable databases, and that the demo status prints.
#
#   scripts/cli-errors.sh .build-store/debug/dvk
#
# One line per check, then "N passed, M failed"; exits non-zero when any failed.
# Needs sqlite3 (apt-get install sqlite3) for the lock check.
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
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seeds="$root/seeds"

work=$(mktemp -d "${TMPDIR:-/tmp}/dvk-cli-errors.XXXXXX")
lock_pid=""
cleanup() {
    if [[ -n $lock_pid ]] && kill -0 "$lock_pid" 2>/dev/null; then
        kill "$lock_pid" 2>/dev/null || true
        wait "$lock_pid" 2>/dev/null || true
    fi
    chmod -R u+w "$work" 2>/dev/null || true
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

# run OUT-PREFIX CMD...: runs CMD, keeping stdout/stderr in files and the exit code in $rc.
rc=0
run() {
    local out=$1; shift
    rc=0
    "$@" >"$out.stdout" 2>"$out.stderr" || rc=$?
}

# expect_error NAME WANT-CODE WANT-TEXT: checks $rc and that one stderr line has WANT-TEXT.
expect_error() {
    local name=$1 want_rc=$2 want_text=$3 out=$4
    local detail="exit $rc; stderr: $(cat "$out.stderr")"
    if [[ $rc -ne $want_rc ]]; then
        fail "$name: exit code $want_rc (got $rc)" "$detail"
    else
        pass "$name: exit code $want_rc"
    fi
    if grep -q -- "$want_text" "$out.stderr"; then
        pass "$name: stderr says “$want_text”"
    else
        fail "$name: stderr says “$want_text”" "$detail"
    fi
}

# A demo database to copy from.
demo="$work/demo.sqlite"
run "$work/build" "$dvk" demo --no-tui --seeds "$seeds" --db "$demo"
if [[ $rc -ne 0 || ! -f $demo ]]; then
    fail "dvk demo --no-tui builds a demo database (exit $rc)" "$(cat "$work/build.stderr")"
    echo "$passed passed, $failed failed"
    exit 1
fi

# 1. Not a database.
notdb="$work/hostname.sqlite"
cp /etc/hostname "$notdb"
before=$(md5sum <"$notdb")
run "$work/notdb" "$dvk" status --db "$notdb"
expect_error "not a database" 3 "không phải cơ sở dữ liệu" "$work/notdb"
if [[ $(md5sum <"$notdb") == "$before" ]]; then pass "not a database: file unchanged"; else fail "not a database: file unchanged"; fi

# 2. Read-only copy (the check is on the permission bits, so it holds for root too).
ro="$work/readonly.sqlite"
cp "$demo" "$ro"
chmod 0444 "$ro"
before=$(md5sum <"$ro")
# Reading is allowed (status opens read-only); writing is refused.
run "$work/ro-status" "$dvk" status --db "$ro"
if [[ $rc -eq 0 ]] && grep -q "Tỉnh Yên Bái" "$work/ro-status.stdout"; then pass "read-only: status reads it (exit 0)"; else fail "read-only: status reads it (exit $rc)" "$(cat "$work/ro-status.stderr")"; fi
run "$work/ro" "$dvk" import --db "$ro" "$seeds"
expect_error "read-only: import" 3 "chỉ cho phép đọc" "$work/ro"
if [[ $(md5sum <"$ro") == "$before" ]]; then pass "read-only: file unchanged"; else fail "read-only: file unchanged"; fi

# 3. Locked by another process: sqlite3 holds BEGIN EXCLUSIVE, fed through a coprocess.
if command -v sqlite3 >/dev/null; then
    locked="$work/locked.sqlite"
    cp "$demo" "$locked"
    coproc LOCKER { exec sqlite3 "$locked" 2>&1; }
    lock_pid=$LOCKER_PID
    locker_in=${LOCKER[1]}
    locker_out=${LOCKER[0]}
    printf "BEGIN EXCLUSIVE;\nINSERT INTO meta VALUES('lock','1');\nSELECT 'ready';\n" >&"$locker_in"
    ready=no
    while IFS= read -r -t 15 line <&"$locker_out"; do
        if [[ $line == ready ]]; then ready=yes; break; fi
    done
    if [[ $ready == yes ]]; then
        start=$(date +%s)
        # A write needs the lock: import gives up after its busy timeout.
        run "$work/locked" "$dvk" import --db "$locked" "$seeds"
        elapsed=$(( $(date +%s) - start ))
        expect_error "locked" 4 "đang bị một tiến trình khác khóa" "$work/locked"
        if [[ $elapsed -le 10 ]]; then pass "locked: gave up within ${elapsed}s"; else fail "locked: gave up within 10s (took ${elapsed}s)"; fi
    else
        fail "locked: sqlite3 took the lock (it never said ready)"
    fi
    # Closing its stdin ends sqlite3; the uncommitted insert rolls back.
    exec {locker_in}>&-
    wait "$lock_pid" 2>/dev/null || true
    lock_pid=""
    if [[ $(sqlite3 "$locked" "SELECT count(*) FROM meta WHERE key = 'lock'") == 0 ]]; then
        pass "locked: the other process's write was rolled back, nothing else written"
    else
        fail "locked: the other process's write was rolled back, nothing else written"
    fi
else
    fail "locked: sqlite3 is not installed"
fi

# 4. The demo prints its status, with the mismatch of the Yên Bái agencies committee.
t="$work/T.sqlite"
run "$work/demo2" "$dvk" demo --no-tui --seeds "$seeds" --db "$t"
if [[ $rc -eq 0 ]]; then pass "dvk demo --no-tui --db T: exit 0"; else fail "dvk demo --no-tui --db T: exit 0 (got $rc)" "$(cat "$work/demo2.stderr")"; fi
run "$work/status" "$dvk" status --db "$t" --year 2023
if [[ $rc -eq 0 ]]; then pass "dvk status --db T --year 2023: exit 0"; else fail "dvk status --db T --year 2023: exit 0 (got $rc)" "$(cat "$work/status.stderr")"; fi
for want in "Tỉnh Yên Bái" "101" "98"; do
    if grep -q -- "$want" "$work/status.stdout"; then
        pass "status 2023: stdout contains “$want”"
    else
        fail "status 2023: stdout contains “$want”" "$(head -20 "$work/status.stdout")"
    fi
done
run "$work/status-en" "$dvk" status --db "$t" --year 2023 --lang en
if [[ $rc -eq 0 ]] && grep -q "Figures do not add up" "$work/status-en.stdout"; then
    pass "status 2023 --lang en: “Figures do not add up”"
else
    fail "status 2023 --lang en: “Figures do not add up” (exit $rc)" "$(tail -5 "$work/status-en.stdout"; cat "$work/status-en.stderr")"
fi
# The alert list is complete (issue 8): every unit behind or at risk, each with its reason.
run "$work/status2025" "$dvk" status --db "$t" --year 2025
for want in "Cần chú ý (12):" "– Xã Nậm Lành: chưa báo cáo đánh giá (14 mô hình chờ đánh giá)" \
    "▲ Xã Suối Quyền: lĩnh vực Xây dựng hệ thống chính trị 1/2 mô hình (tối thiểu)" \
    "✗ Thị trấn Nông trường Liên Sơn: kế hoạch năm 2025 chưa được phổ biến" \
    "✗ Hội Nông dân huyện Văn Chấn: chưa có kế hoạch năm 2025"; do
    if [[ $rc -eq 0 ]] && grep -qF -- "$want" "$work/status2025.stdout"; then
        pass "status 2025: stdout contains “$want”"
    else
        fail "status 2025: stdout contains “$want” (exit $rc)" "$(sed -n '/Cần chú ý/,$p' "$work/status2025.stdout")"
    fi
done
if ! grep -q ' $' "$work/status2025.stdout"; then pass "status 2025: no trailing blanks"; else fail "status 2025: no trailing blanks"; fi

# 5. Files that are not ours, and paths that are not files (issue 7, section 3).
foreign="$work/contacts.sqlite"
sqlite3 "$foreign" "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Nguyễn Văn A');"
before=$(sha256sum <"$foreign")
for cmd in status snapshot open check; do
    args=("$cmd" --db "$foreign"); [[ $cmd == snapshot ]] && args=(snapshot units --db "$foreign")
    run "$work/foreign-$cmd" "$dvk" "${args[@]}"
    expect_error "foreign SQLite file ($cmd)" 3 "của chương trình khác" "$work/foreign-$cmd"
done
if [[ $(sha256sum <"$foreign") == "$before" ]]; then pass "foreign: sha256 unchanged"; else fail "foreign: sha256 unchanged"; fi
if [[ $(sqlite3 "$foreign" "SELECT count(*) FROM sqlite_master WHERE name = 'grdb_migrations'") == 0 ]]; then
    pass "foreign: no grdb_migrations table"; else fail "foreign: no grdb_migrations table"; fi

mkfifo "$work/pipe.sqlite"
run "$work/fifo" timeout 10 "$dvk" status --db "$work/pipe.sqlite"
expect_error "FIFO as --db (no hang)" 3 "không phải tệp thường" "$work/fifo"
run "$work/dir" "$dvk" status --db "$work"
expect_error "directory as --db" 3 "là một thư mục" "$work/dir"
ln -s "$work/loop.sqlite" "$work/loop.sqlite"
run "$work/loop" "$dvk" status --db "$work/loop.sqlite"
expect_error "symlink loop as --db" 3 "trỏ vòng tròn" "$work/loop"
run "$work/missing" "$dvk" status --db "$work/no/such/folder/dvk.sqlite"
expect_error "missing folder" 3 "Chưa có cơ sở dữ liệu" "$work/missing"
if [[ ! -e $work/no ]]; then pass "missing folder: not created by status"; else fail "missing folder: not created by status"; fi
run "$work/bigunit" "$dvk" status --db "$demo" --unit "$(head -c 50000 /dev/zero | tr '\0' x)"
expect_error "50 KB --unit" 5 "không tìm thấy đơn vị" "$work/bigunit"
if [[ $(wc -c <"$work/bigunit.stderr") -lt 400 ]]; then pass "50 KB --unit: message is one short line"; else fail "50 KB --unit: message is one short line"; fi

# 6. A first run on a new home: status says how to start, demo then builds the default database.
home="$work/home"
mkdir -p "$home"
run "$work/newhome" env -u XDG_DATA_HOME HOME="$home" "$dvk" status
expect_error "status on a new home" 3 "dvk demo" "$work/newhome"
if [[ ! -e $home/.local/share/dvk/dvk.sqlite ]]; then pass "status on a new home: no database created"; else fail "status on a new home: no database created"; fi
run "$work/newdemo" env -u XDG_DATA_HOME HOME="$home" "$dvk" demo --no-tui --seeds "$seeds"
if [[ $rc -eq 0 && -f $home/.local/share/dvk/dvk.sqlite ]]; then pass "demo on a new home builds \$HOME/.local/share/dvk/dvk.sqlite"; else fail "demo on a new home (exit $rc)" "$(cat "$work/newdemo.stderr")"; fi
mode=$(stat -c %a "$home/.local/share/dvk/dvk.sqlite" 2>/dev/null || echo none)
dmode=$(stat -c %a "$home/.local/share/dvk" 2>/dev/null || echo none)
if [[ $mode == 600 && $dmode == 700 ]]; then pass "new database 0600 in a 0700 folder"; else fail "new database 0600 in a 0700 folder (got $mode, $dmode)"; fi
run "$work/initdemo" env XDG_DATA_HOME="$work/xdg" "$dvk" init
run "$work/initdemo2" env XDG_DATA_HOME="$work/xdg" "$dvk" demo --no-tui --seeds "$seeds"
if [[ $rc -eq 0 ]] && ! grep -q "demo.sqlite" "$work/initdemo2.stderr"; then pass "demo replaces a database with no units (after dvk init)"; else fail "demo replaces a database with no units" "$(cat "$work/initdemo2.stderr")"; fi
ln -s "$t" "$work/link.sqlite"
chmod 0640 "$t"
run "$work/relink" "$dvk" demo --no-tui --seeds "$seeds" --db "$work/link.sqlite"
if [[ -L $work/link.sqlite && $(stat -c %a "$t") == 640 ]]; then pass "demo rebuild through a symlink keeps the link and the mode"; else fail "demo rebuild through a symlink keeps the link and the mode ($(stat -c %a "$t"))"; fi

# 7. dvk check, exit codes, --version.
run "$work/check" "$dvk" check --db "$demo"
if [[ $rc -eq 0 ]] && grep -q "không có lỗi" "$work/check.stdout"; then pass "check on the demo: exit 0"; else fail "check on the demo: exit 0 (got $rc)" "$(cat "$work/check.stderr")"; fi
tampered="$work/tampered.sqlite"
cp "$demo" "$tampered"
sqlite3 "$tampered" "DELETE FROM unit_year_count WHERE (unit_id, year, field_code, kind) = (SELECT unit_id, year, field_code, kind FROM unit_year_count WHERE effective > 0 LIMIT 1)"
run "$work/check2" "$dvk" check --db "$tampered"
expect_error "check on a tampered count" 6 "không khớp khi đếm lại" "$work/check2"
run "$work/badopt" "$dvk" status --no-such-option
if [[ $rc -eq 2 ]]; then pass "a bad option exits 2"; else fail "a bad option exits 2 (got $rc)"; fi
run "$work/badyear" "$dvk" status --db "$demo" --year 1800
expect_error "--year 1800" 2 "Năm 1800 không hợp lệ" "$work/badyear"
run "$work/version" "$dvk" --version
if [[ $rc -eq 0 ]] && grep -qE '^[0-9]+\.[0-9]+\.[0-9]+$' "$work/version.stdout"; then pass "dvk --version"; else fail "dvk --version (exit $rc)" "$(cat "$work/version.stdout")"; fi

# 8. A refused import on a new home or a new --db leaves nothing behind.
home3="$work/home3"
mkdir -p "$home3"
run "$work/nofolder" env -u XDG_DATA_HOME HOME="$home3" "$dvk" import "$work/no/such/folder"
expect_error "import of a missing folder" 5 "thư mục không tồn tại" "$work/nofolder"
if [[ -z $(ls -A "$home3") ]]; then pass "import of a missing folder: no database created"; else fail "import of a missing folder: no database created" "$(find "$home3")"; fi
broken="$work/broken-seeds"
cp -r "$seeds" "$broken"
sed -i '2s/^\([^,]*,[^,]*,\)[^,]*/\1120/' "$broken/surveys.csv"
run "$work/refused" "$dvk" import --db "$work/fresh/dvk.sqlite" "$broken"
expect_error "refused first import" 5 "surveys.csv, dòng 2" "$work/refused"
if [[ ! -e $work/fresh ]]; then pass "refused first import: no dvk.sqlite, -wal, -shm or folder left"; else fail "refused first import: nothing left" "$(find "$work/fresh")"; fi

# 9. Found by the fresh-eyes review: outputs that destroyed files, crashes on a full stdout, hangs on stored values.
snapdb="$work/snap.sqlite"
cp "$demo" "$snapdb"
before=$(sha256sum <"$snapdb")
run "$work/snap-over-db" "$dvk" snapshot overview --db "$snapdb" -o "$snapdb"
expect_error "snapshot -o onto the database" 7 "là tệp cơ sở dữ liệu" "$work/snap-over-db"
if [[ $(sha256sum <"$snapdb") == "$before" ]]; then pass "snapshot -o onto the database: database unchanged"; else fail "snapshot -o onto the database: database unchanged"; fi
touch "$work/target.txt"; ln -s "$work/target.txt" "$work/out-link.txt"
run "$work/snap-link" "$dvk" snapshot overview --db "$snapdb" -o "$work/out-link.txt"
if [[ $rc -eq 0 && -L $work/out-link.txt && -s $work/target.txt ]]; then pass "snapshot -o through a symlink writes the target, keeps the link"; else fail "snapshot -o through a symlink (exit $rc)" "$(cat "$work/snap-link.stderr")"; fi
run "$work/snap-missing" "$dvk" snapshot overview --db "$snapdb" -o "$work/no/such/dir/x.txt"
expect_error "snapshot -o into a missing folder" 7 "thư mục chứa tệp không tồn tại" "$work/snap-missing"
if [[ -w /dev/full ]]; then
    rc=0; "$dvk" status --db "$snapdb" >/dev/full 2>"$work/full.stderr" || rc=$?
    expect_error "status >/dev/full (no crash)" 7 "không ghi được ra đầu ra chuẩn" "$work/full"
fi
walforeign="$work/wal-foreign.sqlite"
sqlite3 "$walforeign" "PRAGMA journal_mode=wal; CREATE TABLE t (x); INSERT INTO t VALUES (1);" >/dev/null
run "$work/walforeign" "$dvk" status --db "$walforeign"
if [[ $rc -eq 3 && ! -e $walforeign-wal && ! -e $walforeign-shm ]]; then pass "foreign WAL file: refused, no -wal/-shm left"; else fail "foreign WAL file: refused, no -wal/-shm left (exit $rc)" "$(ls "$work" | grep wal-foreign)"; fi
rodemo="$work/ro-demo.sqlite"
cp "$demo" "$rodemo"; chmod 0444 "$rodemo"
before=$(sha256sum <"$rodemo")
run "$work/rodemo" "$dvk" demo --no-tui --seeds "$seeds" --db "$rodemo"
expect_error "demo over a read-only demo file" 3 "chỉ cho phép đọc" "$work/rodemo"
if [[ $(sha256sum <"$rodemo") == "$before" ]]; then pass "demo over a read-only file: unchanged"; else fail "demo over a read-only file: unchanged"; fi
run "$work/langfr" "$dvk" status --db "$demo" --lang fr
if [[ $rc -eq 2 ]]; then pass "--lang fr exits 2"; else fail "--lang fr exits 2 (got $rc)"; fi
run "$work/escopt" "$dvk" $'--\e[2J\e]52;c;aGk='
if [[ $rc -eq 2 ]] && ! grep -q $'\e' "$work/escopt.stderr"; then pass "an option with escapes: exit 2, no raw ESC on stderr"; else fail "an option with escapes: exit 2, no raw ESC on stderr (exit $rc)"; fi
phase="$work/phase.sqlite"
cp "$demo" "$phase"
sqlite3 "$phase" "UPDATE target SET phase_start = -5, phase_end = 99999999 WHERE code = 'plan'; UPDATE target SET threshold = 'abc' WHERE code = 'models';"
for cmd in status snapshot; do
    args=("$cmd" --db "$phase"); [[ $cmd == snapshot ]] && args=(snapshot overview --db "$phase")
    run "$work/phase-$cmd" timeout 20 "$dvk" "${args[@]}"
    expect_error "stored phase -5–99999999 and threshold 'abc' ($cmd): no hang, no crash" 3 "Dữ liệu đã lưu không hợp lệ" "$work/phase-$cmd"
done
run "$work/phase-check" timeout 20 "$dvk" check --db "$phase"
expect_error "check on stored nonsense" 6 "Giá trị đã lưu không hợp lệ" "$work/phase-check"
notty="$work/notty.sqlite"
cp "$demo" "$notty"
before=$(sha256sum <"$notty")
run "$work/notty" "$dvk" --db "$notty"
if [[ $rc -eq 0 && $(sha256sum <"$notty") == "$before" ]] && grep -q "Tỉnh Yên Bái" "$work/notty.stdout"; then pass "dvk without a terminal prints the table and leaves the file as it was"; else fail "dvk without a terminal (exit $rc)" "$(cat "$work/notty.stderr")"; fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
