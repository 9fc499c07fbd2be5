# Runs 7 and 8 of scripts/e2e-entry.sh (sourced by it, after its helpers):
#   run 7  on Huyện Văn Chấn: move Thị trấn Nông trường Liên Sơn under the
#          province and merge Xã Nậm Lành into Xã Nậm Búng, each through the
#          confirmation that shows its consequence; then u, u undoes both.
#          The district's figures on the overview are checked against the
#          confirmation's "before → after" at every step, and the rows in
#          sqlite3.
#   run 8  the grid on Huyện Văn Chấn: 10 models for three communes, the
#          unit a column that carries over; every key press counted, the
#          rows checked in sqlite3, and one u takes back the last row
#          (its model and its verdict).

# "EFFECTIVE MEETING/JUDGED" from the overview on screen: "Mô hình: 228
# hiệu quả" and the "(13/20)" of the models-per-commune target.
overview_figures() {
    local eff share
    eff=$(grep -oE 'Mô hình: [0-9.]+ hiệu quả' "$E2E_PANE" | grep -oE '[0-9.]+' | tr -d .)
    share=$(grep -E '≥ 10 mô hình HQ/xã' "$E2E_PANE" | grep -oE '\([0-9]+/[0-9]+\)' | tr -d '()')
    echo "$eff $share"
}
figures_are() { [[ $(overview_figures) == "$1" ]]; }

# From the confirmation: the district's 2025 line, as "EFFECTIVE MEETING/JUDGED"
# after the change (either part kept from $2 when that figure does not move).
# The dialog's lines are cut out by column (the form shows around it) and
# joined, since a long line wraps.
confirmed_after() {
    python3 - "$E2E_PANE" "$2" <<'PY'
import re, sys
rows = open(sys.argv[1], encoding="utf-8").read().split("\n")
top = next((i for i, r in enumerate(rows) if "┌ Lưu thay đổi này?" in r), None)
if top is None:
    print(sys.argv[2])
    sys.exit(0)
left = rows[top].index("┌ Lưu thay đổi này?")
right = rows[top].rindex("┐")
inner = []
for r in rows[top + 1:]:
    if r[left:left + 1] == "└":
        break
    inner.append(r[left + 1:right].strip())
text = re.sub(r"\s+", " ", " ".join(inner))
year = text.split("Số liệu năm 2025 thay đổi:", 1)[1].split("Số liệu năm", 1)[0] if "Số liệu năm 2025 thay đổi:" in text else ""
item = next((part for part in year.split("•") if part.strip().startswith("Huyện Văn Chấn:")), "")
eff, share = sys.argv[2].split(" ")
m = re.search(r"hiệu quả ([0-9.]+) → ([0-9.]+)", item)
if m: eff = m.group(2).replace(".", "")
m = re.search(r"HQ/xã \(≥ 2/LV\) ([0-9]+/[0-9]+) → ([0-9]+/[0-9]+)", item)
if m: share = m.group(2)
print(eff, share)
PY
}

unit_id_of() { sq "SELECT id FROM unit WHERE name = $(lit "$1");"; }

run7() {
    e2e_now
    local started=$E2E_NOW name=r7
    local ls vc yb nl nb
    ls=$(unit_id_of "Thị trấn Nông trường Liên Sơn")
    vc=$(unit_id_of "Huyện Văn Chấn")
    yb=$(unit_id_of "Tỉnh Yên Bái")
    nl=$(unit_id_of "Xã Nậm Lành")
    nb=$(unit_id_of "Xã Nậm Búng")
    local saved_unit=$UNIT_ARG
    UNIT_ARG="van chan"
    start_shell "$name" 100 30
    write_runner 7 "$DB"
    UNIT_ARG=$saved_unit
    launch 7
    expect "r7: opens on Huyện Văn Chấn" -t "$FIRST_FRAME" row 2 '› Huyện Văn Chấn( {2,}|$)' re 'Mô hình: [0-9.]+ hiệu quả'
    # Ctrl-C is a key here, not SIGINT: with text typed in a form it asks as Esc does.
    typed a
    expect "r7: a: the add form" has "┌ Thêm mô hình, điển hình"
    typed "Gõ dở"
    keys C-c
    expect "r7: Ctrl-C with text typed asks 'Bỏ các thay đổi chưa lưu?'" has "Bỏ các thay đổi chưa lưu?"
    typed c
    expect "r7: c discards: the overview again" lacks "┌ Thêm mô hình" row -1 'q Thoát'
    local f0 f1 f2
    f0=$(overview_figures)
    check "r7: the overview shows the district's figures ($f0)" test -n "${f0% *}" -a -n "${f0#* }"

    # The move: no parent chosen at first, only allowed parents offered.
    keys 2
    expect "r7: 2: the district's units" row 4 '^Đơn vị'
    typed /
    typed "lien son"
    keys Enter
    expect "r7: search finds Liên Sơn" re '^Thị trấn Nông trường Liên Sơn '
    typed m
    expect "r7: m: the move form, no parent chosen" has "┌ Chuyển cấp trên: Thị trấn Nông trường Liên Sơn" \
        re "▶ $(field_re 'Cấp trên mới \*' '— chưa chọn —')"
    keys F2
    expect "r7: F2 with none chosen: 'bắt buộc', nothing asked" has "bắt buộc" lacks "┌ Lưu thay đổi này?"
    keys Enter
    expect "r7: the pick list: the province, no hospital, no Party cell" re '│ ▶ Tỉnh Yên Bái \(tỉnh\)' lacks "Bệnh viện" lacks "Chi bộ"
    keys Enter
    expect "r7: Tỉnh Yên Bái chosen" re "▶ $(field_re 'Cấp trên mới \*' 'Tỉnh Yên Bái \(tỉnh\)')"
    keys F2
    expect "r7: F2: the confirmation names the move and what follows it" has "┌ Lưu thay đổi này?" \
        re 'Chuyển “Thị trấn Nông trường Liên Sơn” từ Huyện' re 'Đi theo: [0-9.]+ mô hình' \
        has "Số liệu năm 2025 thay đổi:" re 'Huyện Văn Chấn: mô hình hiệu quả [0-9.]+ → [0-9.]+'
    f1=$(confirmed_after x "$f0")
    check "r7: the confirmation says the district goes from $f0 to $f1" test "$f1" != "$f0"
    check "r7: nothing stored before the answer (sqlite3: parent still the district)" sql_is "SELECT parent_id FROM unit WHERE id = $ls;" "$vc"
    typed c
    expect "r7: c saves" row -2 '^ Đã lưu' lacks "┌ Lưu thay đổi này?"
    check "r7: sqlite3: Liên Sơn is under the province" sql_is "SELECT parent_id FROM unit WHERE id = $ls;" "$yb"
    keys 1
    expect "r7: the overview shows what the confirmation said ($f1)" call figures_are "$f1"

    # The merge: same level only, nearest first, dated inside both units' validity.
    keys 2
    typed /
    keys Escape
    expect "r7: 2, / and Esc: the units screen, its search cleared" row 4 '^Đơn vị' nore 'tìm: “'
    typed /
    typed "nam lanh"
    keys Enter
    expect "r7: search finds Nậm Lành" re '^Xã Nậm Lành '
    typed n
    expect "r7: n: the merge form, nothing chosen" has "┌ Sáp nhập: Xã Nậm Lành" re "▶ $(field_re 'Sáp nhập vào \*' '— chưa chọn —')"
    keys Enter
    expect "r7: the pick list holds communes only" re '│ ▶ .*\(xã, thuộc Huyện Văn Chấn\)' lacks "(huyện" lacks "(tỉnh)"
    typed "nam bung"
    expect "r7: filtered to Nậm Búng" re '│ ▶ Xã Nậm Búng \(xã'
    keys Enter Tab C-u
    typed "30/06/2025"
    keys F2
    expect "r7: F2: the confirmation of the merge" has "┌ Lưu thay đổi này?" has "Sáp nhập “Xã Nậm Lành” vào Xã Nậm Búng: còn hiệu lực đến 30/06/2025" \
        has "Số liệu năm 2025 thay đổi:"
    f2=$(confirmed_after x "$f1")
    typed c
    expect "r7: c saves the merge" row -2 '^ Đã lưu' lacks "┌ Lưu thay đổi này?"
    check "r7: sqlite3: Nậm Lành merged into Nậm Búng on 30/06/2025" \
        sql_is "SELECT merged_into_id, valid_to FROM unit WHERE id = $nl;" "$nb|2025-06-30"
    keys 1
    expect "r7: the overview shows the merge's figures ($f2)" call figures_are "$f2"

    # Undo both, newest first: the figures come back step by step.
    typed u
    expect "r7: u: 'Đã hoàn tác: sáp nhập đơn vị …'" row -2 '^ Đã hoàn tác: sáp nhập đơn vị “Xã Nậm Lành”' call figures_are "$f1"
    check "r7: sqlite3: Nậm Lành stands alone again" sql_is "SELECT merged_into_id IS NULL AND valid_to IS NULL FROM unit WHERE id = $nl;" "1"
    typed u
    expect "r7: u again: 'Đã hoàn tác: chuyển đơn vị …', the first figures ($f0)" \
        row -2 '^ Đã hoàn tác: chuyển đơn vị “Thị trấn Nông trường Liên Sơn”' call figures_are "$f0"
    check "r7: sqlite3: Liên Sơn is under the district again" sql_is "SELECT parent_id FROM unit WHERE id = $ls;" "$vc"
    keys 5
    expect "r7: the history marks both as undone" re 'sáp nhập .*\[đã hoàn tác\]' re ' chuyển .*\[đã hoàn tác\]'
    typed q
    expect "r7: q quits: EXIT=0" re '^EXIT=0$'
    end_run "$name" "$started"
}

# Run 8 ------------------------------------------------------------------

# Every key sent is counted: kk for named keys, tt for text (a character a key).
GRID_KEYS=0
kk() { GRID_KEYS=$((GRID_KEYS + $#)); keys "$@"; }
tt() { GRID_KEYS=$((GRID_KEYS + ${#1})); typed "$1"; }

# The grid's lines, as a report lists them: commune (1–3, → steps from the
# first), field (1–4), title.
GRID_LINES=(
    "1|1|Tổ hòa giải thôn Pang Cáng" "1|1|Camera an ninh bản Giàng A" "1|2|Chi hội nông dân chè sạch" "1|2|Đường hoa thanh niên"
    "2|1|Tủ sách cộng đồng" "2|3|Hộ nghèo vươn lên" "2|3|Câu lạc bộ dân ca"
    "3|4|Tổ tuần tra bản" "3|4|Nhà văn hóa sạch đẹp" "3|4|Dân vận khéo chuyển đổi số"
)
GRID_COMMUNES=("Thị trấn Nông trường Liên Sơn" "Thị trấn Nông trường Trần Phú" "Thị trấn Sơn Thịnh")

# sqlite3: each line's model in its commune and field, launched 15/03/2025, effective in 2025.
grid_rows_stored() {
    local line c f title fields got
    mapfile -t fields < <(sq "SELECT code FROM field ORDER BY sort_order;")
    for line in "${GRID_LINES[@]}"; do
        IFS='|' read -r c f title <<<"$line"
        got=$(sq "SELECT u.name, m.field_code, m.launched_on, e.effective FROM model m JOIN unit u ON u.id = m.unit_id
                  LEFT JOIN evaluation e ON e.model_id = m.id AND e.year = 2025 WHERE m.title = $(lit "$title");")
        echo "$title: $got" >>"$TMP/detail"
        [[ $got == "${GRID_COMMUNES[c - 1]}|${fields[f - 1]}|2025-03-15|1" ]] || return 1
    done
}

run8() {
    e2e_now
    local started=$E2E_NOW name=r8 n0 e0
    n0=$(count_models)
    e0=$(sq "SELECT count(*) FROM evaluation;")
    local saved_unit=$UNIT_ARG
    UNIT_ARG="van chan"
    start_shell "$name" 100 30
    write_runner 8 "$DB"
    UNIT_ARG=$saved_unit
    launch 8
    expect "r8: opens on Huyện Văn Chấn" -t "$FIRST_FRAME" row 2 '› Huyện Văn Chấn( {2,}|$)'
    GRID_KEYS=0
    kk b
    expect "r8: b: the grid for the district, 2025" has "┌ Nhập nhanh: Huyện Văn Chấn · năm 2025" re '│ +1 +— chọn —'
    # 2025 typed in 2026: the launch date is asked once (15/3 is read as 2025) and carries over.
    tt "15/3"
    kk Tab
    local line c f title commune=0 field=1
    for line in "${GRID_LINES[@]}"; do
        IFS='|' read -r c f title <<<"$line"
        if ((c != commune)); then
            if ((commune > 0)); then kk BTab BTab; fi
            kk Right Tab
            if ((f == field && commune > 0)); then kk Tab; else tt "$f"; fi
        elif ((f != field)); then
            kk BTab
            tt "$f"
        fi
        commune=$c
        field=$f
        tt "$title"
        kk Tab
        tt c
    done
    expect "r8: the tenth line saved: 'Đã lưu'" row -2 '^ Đã lưu' re '│ 10 +15/03/2025 +Thị trấn Sơn Thịnh +Hệ thống ch… +Dân vận khéo chuyển đổi'
    kk Escape
    expect "r8: Esc closes the grid" lacks "┌ Nhập nhanh" row -1 'q Thoát'
    echo "    (r8: 10 models for three communes in $GRID_KEYS key presses)"
    check "r8: $GRID_KEYS key presses for 10 models in three communes (docs/DATA-ENTRY.md: 253)" test "$GRID_KEYS" -eq 253
    check "r8: sqlite3: 10 models and 10 verdicts more" counts_eval_are $((n0 + 10)) $((e0 + 10))
    check "r8: sqlite3: each in its commune and field, launched 15/03/2025, effective" grid_rows_stored
    typed u
    expect "r8: one u takes back the last line, model and verdict" \
        row -2 '^ Đã hoàn tác: thêm mô hình “Dân vận khéo chuyển đổi số” ở Thị trấn Sơn Thịnh, kèm 1 đánh giá'
    check "r8: sqlite3: 9 models and 9 verdicts more" counts_eval_are $((n0 + 9)) $((e0 + 9))
    typed q
    expect "r8: q quits: EXIT=0" re '^EXIT=0$'
    end_run "$name" "$started"
}
counts_eval_are() {
    local n e
    n=$(count_models)
    e=$(sq "SELECT count(*) FROM evaluation;")
    echo "models $n (wanted $1), evaluations $e (wanted $2)" >"$TMP/detail"
    [[ $n == "$1" && $e == "$2" ]]
}
