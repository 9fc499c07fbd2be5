#!/usr/bin/env bash
# The real map of Vietnam with the real binary (issue 10): `dvk init
# --province` / `--country` from the official list shipped with dvk, and
# history that reads the same in `dvk status` and `dvk snapshot` on both
# maps (today's, and the map of that time).
#
#   scripts/real-map.sh .build/debug/dvk
#
# One line per check, then "N passed, M failed"; exits non-zero when any failed.
# Needs sqlite3 (apt-get install sqlite3).
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 PATH-TO-dvk" >&2
    exit 2
fi
dvk=$1
if [[ $dvk != /* ]]; then dvk="$PWD/$dvk"; fi
[[ -x $dvk ]] || { echo "$0: $dvk is not an executable" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "$0: needs sqlite3" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/dvk-real-map.XXXXXX")
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
rc=0
run() {
    local name=$1; shift
    rc=0
    "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
}
expect_rc() {
    if [[ $rc -eq $2 ]]; then pass "$1: exit $2"; else fail "$1: exit $2 (got $rc)" "$(cat "$work/$1.out" "$work/$1.err")"; fi
}
# expect_text NAME FILE TEXT: FILE (out or err) contains TEXT.
expect_text() {
    if grep -qF -- "$3" "$work/$1.$2"; then pass "$1 says: $3"; else fail "$1 says: $3" "$(cat "$work/$1.$2")"; fi
}
expect_sql() {
    local got
    got=$(sqlite3 "$db" "$2")
    if [[ $got == "$3" ]]; then pass "$1"; else fail "$1" "sql: $2"$'\n'"want: $3"$'\n'"got:  $got"; fi
}

db="$work/lao-cai.sqlite"
run init "$dvk" init --province "Lào Cai" --db "$db"
expect_rc init 0
expect_text init err "Tỉnh Lào Cai, 99 xã, phường, đặc khu hiện nay"
expect_sql "99 communes of today under Tỉnh Lào Cai (from 01/07/2025)" \
    "SELECT count(*) FROM unit c JOIN unit p ON p.id = c.parent_id WHERE p.ref = 'new:15' AND c.kind = 'commune' AND c.valid_from = '2025-07-01'" 99
expect_sql "every old unit ends on 30/06/2025 and names its successor" \
    "SELECT count(*) FROM unit WHERE ref LIKE 'old:%' AND (valid_to <> '2025-06-30' OR merged_into_id IS NULL)" 0
expect_sql "the home unit is today's province" \
    "SELECT u.ref FROM meta m JOIN unit u ON u.id = m.value WHERE m.key = 'home_unit'" "new:15"
run again "$dvk" init --province "Lào Cai" --db "$db"
expect_rc again 5
expect_text again err "không nạp danh mục chồng lên"
run nowhere "$dvk" init --province "Atlantis" --db "$work/x.sqlite"
expect_rc nowhere 2
expect_text nowhere err "Tỉnh Lào Cai (15)"

run home "$dvk" status --db "$db" --year 2026
expect_rc home 0
expect_text home out "Gồm Tỉnh Lào Cai, Tỉnh Yên Bái (đến 30/06/2025)"
if grep -qE '^Phường Lào Cai +phường ' "$work/home.out"; then pass "a phường is listed as phường"; else fail "a phường is listed as phường" "$(grep 'Phường Lào Cai' "$work/home.out")"; fi

run today "$dvk" status --db "$db" --year 2024 --unit "Xã Văn Chấn"
expect_rc today 0
expect_text today out "Xã Văn Chấn · Địa giới hiện nay"
expect_text today out "Gồm Thị trấn Sơn Thịnh, Xã Đồng Khê, Xã Suối Bu, Xã Suối Giàng (đến 30/06/2025)"
run then "$dvk" status --db "$db" --year 2024 --unit "Xã Văn Chấn" --map then
expect_rc then 0
expect_text then out "Địa giới thời đó"
expect_text then out "Thành lập từ 01/07/2025: năm 2024 là số liệu của các đơn vị cũ dưới đây"
expect_text then out "Đơn vị trực thuộc (4)"
run old "$dvk" status --db "$db" --year 2024 --unit "Xã Suối Giàng" --map then
expect_rc old 0
expect_text old out "Sáp nhập vào Xã Văn Chấn từ 01/07/2025"
run snap "$dvk" snapshot overview --db "$db" --year 2024 --unit "Xã Văn Chấn" --map then --width 100 --height 30
expect_rc snap 0
expect_text snap out "Địa giới thời đó"
expect_text snap out "Gồm Thị trấn Sơn Thịnh, Xã Đồng Khê, Xã Suối Bu, Xã Suối Giàng (đến 30/06/2025)"
run ambiguous "$dvk" status --db "$db" --year 2026 --unit "Lào Cai"
expect_rc ambiguous 5
expect_text ambiguous err "02647"

db="$work/country.sqlite"
start=$(date +%s%N)
run country "$dvk" init --country --db "$db"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
expect_rc country 0
echo "      (dvk init --country: $ms ms)"
expect_sql "34 provinces and 3,321 communes of today" \
    "SELECT sum(kind = 'province'), sum(kind = 'commune') FROM unit WHERE ref LIKE 'new:%'" "34|3321"
expect_sql "63 old provinces" "SELECT count(*) FROM unit WHERE ref LIKE 'old:%' AND kind = 'province'" 63
run countrycheck "$dvk" check --db "$db"
expect_rc countrycheck 0

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
