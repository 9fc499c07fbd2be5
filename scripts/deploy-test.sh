#!/usr/bin/env bash
# The deployment of docs/DEPLOY.md, tried with real OS accounts: the binary
# setgid `dvk`, the database 0660 root:dvk in a 2770 root:dvk folder, three
# officers (admin, editor, viewer) who are not in the group.
#
#   sudo scripts/deploy-test.sh .build/release/dvk
#
# Builds nothing. BIN's resource bundles (dvk_DVKStore.resources…) must sit
# beside it. As root it creates the group `dvk` if missing and the accounts
# dvktest-adm, dvktest-a, dvktest-b (removed again at the end, also on a
# failure), installs BIN into a temporary prefix, and checks as each account:
# sqlite3 and cat cannot open the file, dvk works within the account's role,
# exports belong to the officer (the group was dropped), a running dvk's
# /proc/PID/fd is closed to its own user, a root backup (as cron makes it)
# passes dvk check. One `ok N - …` / `not ok N - …` line per check; exits
# non-zero when any failed. Not root, or no useradd: `# skip: …`, exit 0.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 PATH-TO-dvk" >&2
    exit 2
fi
if [[ $(id -u) -ne 0 ]]; then
    echo "# skip: needs root (it creates the group dvk and test accounts with useradd)"
    exit 0
fi
for tool in useradd userdel groupadd runuser sqlite3; do
    if ! command -v "$tool" >/dev/null; then
        echo "# skip: $tool is missing (useradd/userdel/groupadd: passwd, runuser: util-linux, sqlite3: sqlite3)"
        exit 0
    fi
done
bin=$1
if [[ $bin != /* ]]; then bin="$PWD/$bin"; fi
if [[ ! -x $bin || ! -f $bin ]]; then
    echo "$0: $bin is not an executable" >&2
    exit 2
fi
bindir=$(dirname "$bin")
if [[ ! -d $bindir/dvk_DVKStore.resources ]]; then
    echo "$0: no dvk_DVKStore.resources beside $bin (copy the bundle the build made)" >&2
    exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

GROUP=dvk
ADMIN=dvktest-adm    # creates the database: officer with role admin
EDITOR=dvktest-a
VIEWER=dvktest-b
MARK="dvk deploy-test"   # the accounts' comment: only accounts with it are ever removed
users=("$ADMIN" "$EDITOR" "$VIEWER")

prefix=""
created_group=no
created_users=()
started=()    # pids this script started in the background
cleanup() {
    local pid u
    for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
    for u in "${created_users[@]}"; do userdel "$u" >/dev/null 2>&1 || true; done
    if [[ $created_group == yes ]]; then groupdel "$GROUP" >/dev/null 2>&1 || true; fi
    if [[ -n $prefix && -d $prefix ]]; then rm -rf "$prefix"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
    if [[ -n ${2:-} ]]; then printf '%s\n' "$2" | sed 's/^/#   /'; fi
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check DESCRIPTION CONDITION-STATUS [DETAIL]: ok when the status is 0.
check() { if [[ $2 -eq 0 ]]; then ok "$1"; else not_ok "$1" "${3:-}"; fi; }
# holds CMD…: 0 when CMD succeeds, else 1 (for check's status).
holds() { if "$@"; then echo 0; else echo 1; fi; }
# A fatal setup step: report it and stop (the trap cleans up).
die() { not_ok "$1" "${2:-}"; echo "1..$n"; echo "# $((n - failed)) passed, $failed failed"; exit 1; }

# --- The group and the accounts ---------------------------------------------
if ! getent group "$GROUP" >/dev/null; then
    groupadd --system "$GROUP" || die "groupadd $GROUP"
    created_group=yes
fi
for u in "${users[@]}"; do
    if getent passwd "$u" >/dev/null; then
        # Left over by a run that was killed (the trap did not run): ours only.
        if [[ $(getent passwd "$u" | cut -d: -f5) == "$MARK" ]]; then
            userdel "$u" >/dev/null 2>&1 || die "remove the leftover account $u"
        else
            die "account $u exists and is not this test's (comment is not '$MARK'): not touched"
        fi
    fi
    useradd -M -N -s /bin/bash -c "$MARK" "$u" || die "useradd $u"
    created_users+=("$u")
done
for u in "${users[@]}"; do
    if id -nG "$u" | tr ' ' '\n' | grep -qx "$GROUP"; then die "$u must not be in group $GROUP (it is)"; fi
done
gid_of() { id -gn "$1"; }

# --- Install, as docs/DEPLOY.md says ----------------------------------------
# A setgid bit is ignored on a nosuid mount (a hardened /tmp often is): use the first base without it.
nosuid() { command -v findmnt >/dev/null && findmnt -no OPTIONS -T "$1" | tr ',' '\n' | grep -qx nosuid; }
base=""
for b in ${DVK_DEPLOY_TMP:-} /tmp /var/tmp; do
    if [[ -d $b ]] && ! nosuid "$b"; then base=$b; break; fi
done
if [[ -z $base ]]; then die "a folder for the install that is not mounted nosuid" "/tmp and /var/tmp are nosuid: set DVK_DEPLOY_TMP"; fi
prefix=$(mktemp -d "$base/dvk-deploy.XXXXXX")
chmod 0755 "$prefix"
# Every folder above the prefix must let the accounts through.
for d in $(p=$prefix; while [[ $p != / ]]; do p=$(dirname "$p"); echo "$p"; done); do
    if [[ $(stat -c %A "$d") != d????????[xt] ]]; then die "$d must be traversable by everyone (the accounts must reach the binary)" "$(ls -ld "$d")"; fi
done
install -d -m 0755 "$prefix/bin"
install -m 2755 -o root -g "$GROUP" "$bin" "$prefix/bin/dvk"
for b in "$bindir"/*.resources; do
    cp -R "$b" "$prefix/bin/"
done
chown -R root:root "$prefix/bin/"*.resources
chmod -R u=rwX,go=rX "$prefix/bin/"*.resources
data="$prefix/data"
install -d -m 2770 -o root -g "$GROUP" "$data"
db="$data/dvk.sqlite"
# The seeds and each officer's own folder (exports go there), reachable by the accounts.
cp -R "$root/seeds" "$prefix/seeds"
chmod -R u=rwX,go=rX "$prefix/seeds"
install -d -m 0755 "$prefix/home"
for u in "${users[@]}"; do install -d -m 0700 -o "$u" -g "$(gid_of "$u")" "$prefix/home/$u"; done
dvk="$prefix/bin/dvk"
echo "# installed $dvk ($(stat -c '%A %U:%G' "$dvk")), data $data ($(stat -c '%A %U:%G' "$data"))"

# as USER CMD…: CMD as the account, in a clean environment (no root variables, no DVK_DB).
as() {
    local u=$1; shift
    runuser -u "$u" -- env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 DVK_LANG=en \
        HOME="$prefix/home/$u" XDG_DATA_HOME="$prefix/home/$u/.local/share" USER="$u" LOGNAME="$u" "$@"
}
rc=0
out="$prefix/out"
# run NAME USER CMD…: stdout and stderr in $out.NAME.{stdout,stderr}, the exit code in $rc.
run() {
    local name=$1 u=$2; shift 2
    rc=0
    if [[ $u == root ]]; then
        env -u DVK_DB DVK_LANG=en "$@" >"$out.$name.stdout" 2>"$out.$name.stderr" || rc=$?
    else
        as "$u" "$@" >"$out.$name.stdout" 2>"$out.$name.stderr" || rc=$?
    fi
    echo "$rc" >"$out.$name.rc"
}
said() { echo "exit $rc; stdout: $(head -c 600 "$out.$1.stdout"); stderr: $(head -c 600 "$out.$1.stderr")"; }

# --- 1. The setgid binary starts for each account ---------------------------
for u in "${users[@]}"; do
    run "version-$u" "$u" "$dvk" --version
    check "$u: the setgid binary starts (dvk --version; the Swift runtime loads in secure mode)" \
        $((rc != 0)) "$(said "version-$u")"
done

# --- 2. The admin creates the database; root gives it to root:dvk ------------
run init "$ADMIN" "$dvk" init --db "$db"
if [[ $rc -ne 0 || ! -f $db ]]; then die "$ADMIN: dvk init --db $db" "$(said init)"; fi
ok "$ADMIN: dvk init --db DATA/dvk.sqlite"
perm=$(stat -c '%a %G' "$db")
check "dvk init made the file 0660, group $GROUP (got $perm)" "$(holds test "$perm" = "660 $GROUP")"
# As docs/DEPLOY.md: the file (and its -wal, -shm) belongs to root:dvk, not to the admin.
for f in "$db" "$db-wal" "$db-shm"; do
    if [[ -e $f ]]; then chown root:"$GROUP" "$f"; chmod 0660 "$f"; fi
done

run officer-add-a "$ADMIN" "$dvk" officer add "Editor A" --account "$EDITOR" --role editor --db "$db"
check "$ADMIN: officer add Editor A --account $EDITOR --role editor" "$rc" "$(said officer-add-a)"
run officer-add-b "$ADMIN" "$dvk" officer add "Viewer B" --account "$VIEWER" --role viewer --db "$db"
check "$ADMIN: officer add Viewer B --account $VIEWER --role viewer" "$rc" "$(said officer-add-b)"
run officer-list "$ADMIN" "$dvk" officer list --db "$db"
listed=1
if [[ $rc -eq 0 ]] && grep -q "Editor A" "$out.officer-list.stdout" && grep -q "Viewer B" "$out.officer-list.stdout" \
    && grep -q "$ADMIN" "$out.officer-list.stdout"; then listed=0; fi
check "$ADMIN: officer list shows the admin, Editor A and Viewer B" "$listed" "$(said officer-list)"
run import "$ADMIN" "$dvk" import "$prefix/seeds" --db "$db"
check "$ADMIN: dvk import seeds" "$rc" "$(said import)"

# --- 3. Nobody reaches the file behind dvk's back ---------------------------
for u in "$EDITOR" "$VIEWER" "$ADMIN"; do
    run "sqlite3-$u" "$u" sqlite3 "$db" 'select count(*) from unit'
    check "$u: sqlite3 DB 'select count(*) from unit' fails" $((rc == 0)) "$(said "sqlite3-$u")"
    run "sqlite3rw-$u" "$u" sqlite3 "$db" "insert into officer default values"
    check "$u: sqlite3 DB 'insert …' fails" $((rc == 0)) "$(said "sqlite3rw-$u")"
    run "cat-$u" "$u" cat "$db"
    check "$u: cat DB fails" $((rc == 0 || $(stat -c %s "$out.cat-$u.stdout") > 0)) "$(said "cat-$u")"
    run "ls-$u" "$u" ls "$data"
    check "$u: ls DATA fails (the folder is closed to officers)" $((rc == 0)) "$(said "ls-$u")"
done

# --- 4. Each within its role --------------------------------------------------
run status-a "$EDITOR" "$dvk" status --db "$db"
good=1; if [[ $rc -eq 0 ]] && grep -q "Tỉnh Yên Bái" "$out.status-a.stdout"; then good=0; fi
check "$EDITOR (editor): dvk status reads the targets" "$good" "$(said status-a)"
csv="$prefix/home/$EDITOR/units.csv"
run export-a "$EDITOR" "$dvk" export units -o "$csv" --db "$db"
check "$EDITOR (editor): dvk export units -o ~/units.csv" "$rc" "$(said export-a)"
owner=$(stat -c '%U:%G' "$csv" 2>/dev/null || echo none)
want="$EDITOR:$(gid_of "$EDITOR")"
check "the export is owned by $want, not group $GROUP (got $owner)" "$(holds test "$owner" = "$want")"
rows=$(wc -l <"$csv" 2>/dev/null || echo 0)
check "the export has rows ($rows lines)" $((rows < 2))
run export-into-data "$EDITOR" "$dvk" export units -o "$data/units.csv" --db "$db"
check "$EDITOR: an export into the data folder is refused (the group is dropped before writing)" \
    "$(holds test "$rc" -ne 0 -a ! -e "$data/units.csv")" "$(said export-into-data)"

run status-b "$VIEWER" "$dvk" status --db "$db"
good=1; if [[ $rc -eq 0 ]] && grep -q "Tỉnh Yên Bái" "$out.status-b.stdout"; then good=0; fi
check "$VIEWER (viewer): dvk status reads the targets" "$good" "$(said status-b)"
before=$(sqlite3 -readonly "$db" "select count(*) from audit_log; select * from meta order by 1" 2>&1 | md5sum)
refused() { [[ $rc -ne 0 ]] && grep -qi "viewer" "$out.$1.stderr"; }
run viewer-settings "$VIEWER" "$dvk" settings --place "Hà Nội" --db "$db"
check "$VIEWER (viewer): dvk settings --place is refused, the message names the role" \
    "$(holds refused viewer-settings)" "$(said viewer-settings)"
run viewer-import "$VIEWER" "$dvk" import "$prefix/seeds" --db "$db"
check "$VIEWER (viewer): dvk import is refused, the message names the role" \
    "$(holds refused viewer-import)" "$(said viewer-import)"
run viewer-escalate "$VIEWER" "$dvk" officer add "Viewer B2" --account "$VIEWER" --role admin --db "$db"
check "$VIEWER (viewer): officer add … --role admin is refused" $((rc == 0)) "$(said viewer-escalate)"
# The officer is the real uid: neither $USER nor --officer make the viewer the admin.
rc=0
runuser -u "$VIEWER" -- env -i PATH=/usr/bin:/bin LANG=C.UTF-8 DVK_LANG=en HOME="$prefix/home/$VIEWER" \
    USER="$ADMIN" LOGNAME="$ADMIN" "$dvk" settings --place "Hà Nội" --db "$db" \
    >"$out.viewer-env.stdout" 2>"$out.viewer-env.stderr" || rc=$?
check "$VIEWER with USER=$ADMIN in the environment: the write is still refused" $((rc == 0)) "$(said viewer-env)"
run viewer-officer "$VIEWER" "$dvk" settings --place "Hà Nội" --officer "$ADMIN" --db "$db"
check "$VIEWER with --officer $ADMIN: the write is still refused" $((rc == 0)) "$(said viewer-officer)"
after=$(sqlite3 -readonly "$db" "select count(*) from audit_log; select * from meta order by 1" 2>&1 | md5sum)
check "the refused writes left no audit row and no setting changed" "$(holds test "$before" = "$after")"

run unknown "nobody" "$dvk" status --db "$db"
check "an account that is no officer (nobody) is refused" $((rc == 0)) "$(said unknown)"

# Several officers at once on the open file (after each one's group drop).
pids=()
for i in 1 2 3; do
    run "par-a$i" "$EDITOR" "$dvk" export units -o "$prefix/home/$EDITOR/units-$i.csv" --db "$db" & pids+=($!)
    run "par-b$i" "$VIEWER" "$dvk" status --db "$db" & pids+=($!)
    run "par-adm$i" "$ADMIN" "$dvk" settings --place "Yên Bái $i" --db "$db" & pids+=($!)
done
started+=("${pids[@]}")
for p in "${pids[@]}"; do wait "$p" || true; done
started=()
bad=""
for i in 1 2 3; do
    for name in "par-a$i" "par-b$i" "par-adm$i"; do
        if [[ $(cat "$out.$name.rc") != 0 ]]; then bad+="$name: $(said "$name")"$'\n'; fi
    done
    [[ -s $prefix/home/$EDITOR/units-$i.csv ]] || bad+="units-$i.csv missing"$'\n'
done
check "3 exports, 3 status and 3 admin writes at once all succeed" "$(holds test -z "$bad")" "$bad"

# --- 5. A running dvk is closed to its own user --------------------------------
# A pipe filled to its capacity holds `dvk status` in its first write to stdout,
# long after it opened the database and dropped the group.
fifo="$prefix/hold.fifo"
mkfifo -m 0666 "$fifo"
exec {hold}<>"$fifo"
head -c 65536 /dev/zero >&"$hold"
as "$EDITOR" "$dvk" status --db "$db" >"$fifo" 2>"$out.held.stderr" {hold}>&- &
holder=$!
started+=("$holder")
dvkpid=""
for _ in $(seq 100); do
    dvkpid=$(pgrep -u "$EDITOR" -f "^$dvk status" | head -1 || true)
    if [[ -n $dvkpid ]] && grep -q pipe_write "/proc/$dvkpid/wchan" 2>/dev/null; then break; fi
    sleep 0.1
done
if [[ -n $dvkpid ]] && grep -q pipe_write "/proc/$dvkpid/wchan" 2>/dev/null; then
    fds=$(ls -l "/proc/$dvkpid/fd" 2>/dev/null | grep -c "$db" || true)
    echo "# held dvk pid $dvkpid: $(grep -E '^(Uid|Gid)' "/proc/$dvkpid/status" | tr '\t\n' '  '), $fds fds on the database"
    run procfd "$EDITOR" ls "/proc/$dvkpid/fd"
    check "$EDITOR: ls /proc/PID/fd of its own running dvk fails" $((rc == 0)) "$(said procfd)"
    run procfd3 "$EDITOR" cat "/proc/$dvkpid/fd/3"
    check "$EDITOR: cat /proc/PID/fd/3 fails" $((rc == 0 || $(stat -c %s "$out.procfd3.stdout") > 0)) "$(said procfd3)"
    run procmem "$EDITOR" head -c 1 "/proc/$dvkpid/mem"
    check "$EDITOR: /proc/PID/mem is closed (the process is not dumpable, so not ptrace-able)" $((rc == 0)) "$(said procmem)"
else
    skip "$EDITOR: /proc/PID/fd of its own running dvk" "could not hold a dvk process in a full pipe"
fi
# The read end is opened here, while our own write end keeps the open from blocking.
exec {drainfd}<"$fifo"
cat <&"$drainfd" >/dev/null {hold}>&- &
drain=$!
started+=("$drain")
exec {hold}>&- {drainfd}<&-
rc=0; wait "$holder" || rc=$?
wait "$drain" 2>/dev/null || true
started=()
check "the held dvk status then finished (exit $rc)" "$rc" "$(head -c 300 "$out.held.stderr")"

# --- 6. The data folder, then cron's backup and the final check ---------------
loose=$(find "$data" -mindepth 1 \( ! -group "$GROUP" -o -perm /007 \) -printf '%M %u:%g %p\n')
check "every file in the data folder is group $GROUP with no access for others" "$(holds test -z "$loose")" "$loose"
echo "# data folder: $(find "$data" -mindepth 1 -printf '%f %M %u:%g; ' )"

install -d -m 0700 "$prefix/backups"
backup="$prefix/backups/dvk-$(date +%F).sqlite"
# cron's account is an officer too (a viewer): every account that uses the store is one.
run reg-root "$ADMIN" "$dvk" officer add "Sao lưu tự động" --account root --role viewer --db "$db"
check "$ADMIN: officer add … --account root --role viewer (for cron's backup)" "$rc" "$(said reg-root)"
run backup root "$dvk" backup "$backup" --db "$db"
check "root (as cron): dvk backup FILE --db DB" "$rc" "$(said backup)"
run backup-check root "$dvk" check --db "$backup"
check "dvk check accepts the backup" "$rc" "$(said backup-check)"
run final-check "$ADMIN" "$dvk" check --db "$db"
check "$ADMIN: dvk check on the database is clean at the end" "$rc" "$(said final-check)"
run final-status "$EDITOR" "$dvk" status --db "$db"
check "$EDITOR: status still works after root's backup (-wal/-shm as root left them)" "$rc" "$(said final-status)"

echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[[ $failed -eq 0 ]]
