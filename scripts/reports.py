#!/usr/bin/python3
"""Reports, exports and full-length printing with the real binary (issue 11),
checked by real consumers: python-docx reads the report back, LibreOffice
converts it to PDF (pdfinfo, pdftotext), openpyxl reads the spreadsheet,
LibreOffice Calc opens the CSV; and the dashboard's P, E and R keys in tmux.

    /usr/bin/python3 scripts/reports.py .build/debug/dvk

One line per check, then "N passed, M failed"; exits 1 when any failed.
Needs python3-docx, python3-openpyxl, libreoffice-writer-nogui,
libreoffice-calc-nogui, poppler-utils and tmux (.ci/run installs them).
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import docx  # python3-docx
    import openpyxl  # python3-openpyxl
except ImportError as e:
    sys.exit(f"{sys.argv[0]}: needs python3-docx and python3-openpyxl ({e})")

if len(sys.argv) != 2:
    sys.exit(f"usage: {sys.argv[0]} PATH-TO-dvk")
DVK = os.path.abspath(sys.argv[1])
for tool in ("soffice", "pdfinfo", "pdftotext", "tmux"):
    if shutil.which(tool) is None:
        sys.exit(f"{sys.argv[0]}: needs {tool}")

WORK = tempfile.mkdtemp(prefix="dvk-reports.")
ENV = dict(os.environ, DVK_LANG="vi", HOME=WORK, LC_ALL="C.UTF-8")
ENV.pop("DVK_DB", None)
DB = os.path.join(WORK, "demo.sqlite")
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS  {name}")
    else:
        failed += 1
        print(f"FAIL  {name}")
        for line in str(detail).splitlines()[:30]:
            print(f"      | {line}")


def dvk(*args, env=None):
    p = subprocess.run([DVK, *args, "--db", DB], capture_output=True, text=True, env=env or ENV, cwd=WORK)
    return p.returncode, p.stdout, p.stderr


def path(name):
    return os.path.join(WORK, name)


def soffice(*args):
    profile = "file://" + path("lo-profile")
    return subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", *args],
                          capture_output=True, text=True, cwd=WORK, timeout=180, env=ENV)


rc, out, err = dvk("demo", "--no-tui")
check("the demo database is built", rc == 0, err)

# 1. The report: .docx read back by python-docx.
rc, out, err = dvk("report", "--unit", "Tỉnh Yên Bái", "--year", "2023", "-o", "r.docx")
check("dvk report writes r.docx", rc == 0 and os.path.exists(path("r.docx")), err)
d = docx.Document(path("r.docx"))
paras = [p.text for p in d.paragraphs]
tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
masthead = tables[0] if tables else [[""]]
flat_masthead = "\n".join("\n".join(r) for r in masthead)
check("the issuer is top-left over the board, with the * under it",
      masthead[0][0].split("\n")[:3] == ["TỈNH ỦY LÀO CAI", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "*"], masthead)
check("the party line is top-right", masthead[0][-1].strip() == "ĐẢNG CỘNG SẢN VIỆT NAM", masthead)
check("the number is under the issuer: Số …-BC/BTGDVTU", re.fullmatch(r"Số\s+-BC/BTGDVTU", masthead[1][0].strip()) is not None, masthead)
check("place and date top-right", masthead[1][-1].strip() == "Lào Cai, ngày 15 tháng 12 năm 2025", masthead)


def run_props(text):
    for t in d.tables[:1]:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text.strip() == text:
                        return p.runs[0]
    return None


party = run_props("ĐẢNG CỘNG SẢN VIỆT NAM")
check("the party line is bold and underlined", party is not None and party.bold and party.underline)
date = run_props("Lào Cai, ngày 15 tháng 12 năm 2025")
check("the date is in italics", date is not None and date.italic)
title_at = paras.index("BÁO CÁO") if "BÁO CÁO" in paras else -1
check("BÁO CÁO, then its subject, centred",
      title_at >= 0 and paras[title_at + 1].startswith("Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2023")
      and d.paragraphs[title_at].alignment == 1, paras[:6])
section = d.sections[0]
check("A4 portrait with the guide's margins (left 30 mm, right 15 mm, top and bottom 20 mm)",
      abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1
      and abs(section.left_margin.mm - 30) < 1 and abs(section.right_margin.mm - 15) < 1
      and abs(section.top_margin.mm - 20) < 1 and abs(section.bottom_margin.mm - 20) < 1,
      (section.page_width.mm, section.left_margin.mm, section.right_margin.mm))
normal = d.styles["Normal"].font
check("Times New Roman, 14 pt body", normal.name == "Times New Roman" and normal.size.pt == 14, (normal.name, normal.size))
body = "\n".join(paras)
check("the directive is cited by number and date", "Đề án số 13 ngày 16/03/2023 của Ban Thường vụ Tỉnh ủy Yên Bái" in body, body[:600])
for heading in ["I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "II. ĐƠN VỊ CHƯA ĐẠT, GẦN ĐẠT CHỈ TIÊU NĂM 2023",
                "III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ NĂM 2023", "IV. CÔNG NHẬN, KHEN THƯỞNG TRONG KỲ"]:
    check(f"section “{heading}”", heading in paras)
targets = next((t for t in tables if t and t[0][:2] == ["Chỉ tiêu", "Mục tiêu"]), None)
check("the targets table: threshold, result and status of each target",
      targets is not None and len(targets) == 5 and any(r[0].startswith("Hài lòng") and r[2] == "88,6%" and "Gần đạt" in r[3] for r in targets), targets)
fields = next((t for t in tables if t and t[0][0] == "Lĩnh vực"), None)
check("effective models by field, with the total",
      fields is not None and ["Tổng số mô hình tập thể hiệu quả", "219"] in [r[:2] for r in fields], fields)
figures = next((t for t in tables if t and t[0][:4] == ["Đơn vị", "Số liệu", "Công bố", "Sổ theo dõi"]), None)
check("published figures beside counted ones, the 101 ≠ 98 flagged",
      figures is not None and any(r[2] == "101" and "101 ≠ cộng các lĩnh vực 98" in r[4] for r in figures), figures)
behind = next((t for t in tables if t and t[0][:3] == ["Đơn vị", "Đánh giá", "Lý do"]), None)
check("units behind or at risk with their reasons",
      behind is not None and any(r[0] == "Xã Chấn Thịnh" and "5/10 mô hình hiệu quả" in r[2] for r in behind), behind)
honours = next((t for t in tables if t and t[0][0] == "Hình thức"), None)
check("recognitions and awards of the period, one row per decision",
      honours is not None and any(r[0] == "Bằng khen" and r[1] == "595/QĐ-UBND ngày 22/03/2023" and r[3] == "2" for r in honours)
      and not any("(xã Tú Lệ)" in r[4] and "Xã Tú Lệ (" in r[4] for r in honours), honours)
check("demo rows carry DỮ LIỆU MẪU", behind is not None and behind[0][-1] == "Ghi chú" and all(r[-1] in ("DỮ LIỆU MẪU", "") for r in behind[1:]))
closing = tables[-1] if tables else [[""]]
check("Nơi nhận bottom-left, the signer's block bottom-right",
      closing[0][0].startswith("Nơi nhận:") and closing[0][-1].split("\n")[:2] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], closing)
header_text = " ".join(p.text for p in section.header.paragraphs)
check("every page says DỮ LIỆU MẪU (page header)", "DỮ LIỆU MẪU" in header_text, header_text)

# 2. The same report through LibreOffice: a PDF whose first page has the layout.
r = soffice("--convert-to", "pdf", "--outdir", WORK, path("r.docx"))
check("LibreOffice converts the .docx to PDF", r.returncode == 0 and os.path.exists(path("r.pdf")), r.stderr)
info = subprocess.run(["pdfinfo", path("r.pdf")], capture_output=True, text=True).stdout
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1)) if "Pages:" in info else 0
check("the PDF is A4, several pages", "(A4)" in info and 3 <= pages <= 15, info)
first = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", path("r.pdf"), "-"], capture_output=True, text=True).stdout
order = ["DỮ LIỆU MẪU", "TỈNH ỦY LÀO CAI", "ĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Lào Cai, ngày 15 tháng 12 năm 2025", "BÁO CÁO",
         "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"]
at = [first.find(s) for s in order]
check("page 1 reads: demo mark, issuer and party line, date, BÁO CÁO, section I", all(a >= 0 for a in at) and at == sorted(at), first[:1500])
last = subprocess.run(["pdftotext", "-layout", "-f", str(pages), "-l", str(pages), path("r.pdf"), "-"], capture_output=True, text=True).stdout
check("the last page ends with Nơi nhận and the signature block", "Nơi nhận:" in last and "PHÓ TRƯỞNG BAN" in last, last[-800:])

rc, out, err = dvk("report", "--unit", "Tỉnh Yên Bái", "--year", "2023", "-o", "direct.pdf")
check("dvk report -o r.pdf converts by itself", rc == 0 and open(path("direct.pdf"), "rb").read(5) == b"%PDF-", err)
rc, out, err = dvk("report", "--unit", "Huyện Văn Chấn", "--year", "2025", "--half-year", "-o", "h.docx")
hp = [p.text for p in docx.Document(path("h.docx")).paragraphs]
check("a half-year report says which half and what its figures mean",
      rc == 0 and any("6 tháng đầu năm 2025" in p for p in hp) and any("01/01 đến 30/06/2025" in p for p in hp), err + "\n".join(hp[:8]))
rc, out, err = dvk("report", "--unit", "Huyện Văn Chấn", "--phase", "2023-2025", "-o", "p.docx")
pt = [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(path("p.docx")).tables]
check("a phase report has one column per year", rc == 0 and any(t[0][:5] == ["Chỉ tiêu", "Mục tiêu", "2023", "2024", "2025"] for t in pt), err)
rc, out, err = dvk("report", "--year", "2023", "-o", "r.html")
html = open(path("r.html"), encoding="utf-8").read() if rc == 0 else ""
check("the print-ready .html has the same header", "ĐẢNG CỘNG SẢN VIỆT NAM" in html and "@page" in html and "A4" in html, err)
rc, out, err = dvk("report", "-o", "r.odt")
check("an unknown report format is refused with the ones known", rc == 2 and ".docx" in err and ".pdf" in err, err)
rc, out, err = dvk("report", "--phase", "2025-2023", "-o", "x.docx")
check("a backwards phase is refused", rc == 2 and "2023-2025" in err, err)
noffice = dict(ENV, DVK_SOFFICE="/nonexistent/soffice")
p = subprocess.run([DVK, "report", "--db", DB, "-o", "x.pdf"], capture_output=True, text=True, env=noffice, cwd=WORK)
check("no LibreOffice: a PDF is refused with what to do instead", p.returncode == 7 and "libreoffice-writer-nogui" in p.stderr
      and not os.path.exists(path("x.pdf")), p.stderr)

open(path("signed-copy.docx"), "wb").write(b"signed")
os.chmod(path("signed-copy.docx"), 0o444)
rc, out, err = dvk("report", "--year", "2023", "-o", "signed-copy.docx")
check("a read-only file there already is never replaced", rc == 7 and open(path("signed-copy.docx"), "rb").read() == b"signed"
      and "Không ghi được" in err, err)
rc, out, err = dvk("report", "--year", "1999", "-o", "old.docx")
check("a year with no figures is refused, with the years there are", rc == 2 and "2020 đến 2025" in err and not os.path.exists(path("old.docx")), err)

# 3. Settings: the signer's name reaches the report.
rc, out, err = dvk("settings", "--signer", "Nguyễn Văn A", "--number", "15-BC/BTGDVTU")
check("dvk settings sets the signer and number", rc == 0 and "Họ tên người ký: Nguyễn Văn A" in out, out + err)
dvk("report", "--year", "2023", "-o", "signed.docx")
sd = docx.Document(path("signed.docx"))
st = [[[c.text for c in row.cells] for row in t.rows] for t in sd.tables]
check("the report carries the number and the signer", st[0][1][0].strip() == "Số 15-BC/BTGDVTU" and "Nguyễn Văn A" in st[-1][0][-1], st[0])
rc, out, err = dvk("settings", "--signer", "x" * 501)
check("a setting too long is refused", rc == 2 and "500" in err, err)
rc, out, err = dvk("settings", "--issuer", "||")
check("an issuer with no line is refused", rc == 2 and "|" in err, err)
rc, out, err = dvk("settings", "--signer", "")
check("an empty value goes back to the default, and the list says so", rc == 0 and "Họ tên người ký: (trống) (mặc định)" in out, out + err)
dvk("settings", "--signer", "Nguyễn Văn A")

# 4. Exports: the .xlsx read back equals the screen's rows.
rc, out, err = dvk("export", "units", "--year", "2025", "-o", "u.xlsx")
check("dvk export units writes u.xlsx", rc == 0, err)
wb = openpyxl.load_workbook(path("u.xlsx"))
ws = wb.worksheets[0]
rows = [list(r) for r in ws.iter_rows(values_only=True)]
head_at = next(i for i, r in enumerate(rows) if r and r[0] == "Đơn vị")
header, data = rows[head_at], [r for r in rows[head_at + 1:] if any(v is not None for v in r)]
rc, snap, err = dvk("snapshot", "units", "--year", "2025", "--width", "200", "--height", "60")
lines = snap.splitlines()
top = next(i for i, l in enumerate(lines) if l.startswith("Đơn vị ▲"))
screen = [re.split(r"\s{2,}", l.strip())[0] for l in lines[top + 1:] if l.strip() and not l.startswith("?")]
screen = [s for s in screen if not s.startswith("Nhấn")][:len(data)]
check("the sheet's rows are the screen's, in its order", [r[0] for r in data] == screen, ([r[0] for r in data], screen))
col = {name: i for i, name in enumerate(header)}
check("numbers are numbers, percentages percentages",
      all(isinstance(r[col["Hiệu quả"]], int) for r in data if r[col["Hiệu quả"]] is not None)
      and all(isinstance(r[col["Hài lòng"]], float) and r[col["Hài lòng"]] < 1.0 for r in data if r[col["Hài lòng"]] is not None)
      and ws.cell(row=head_at + 2, column=col["Hài lòng"] + 1).number_format.endswith("%"), data[:3])
check("the header is bold and frozen", ws.cell(row=head_at + 1, column=1).font.bold and ws.freeze_panes == f"A{head_at + 2}", ws.freeze_panes)
check("columns are wide enough for Vietnamese names", ws.column_dimensions["A"].width >= 30, ws.column_dimensions["A"].width)
rc, out, err = dvk("export", "models", "--unit", "Xã Suối Giàng", "--year", "2025", "-o", "m.xlsx")
mws = openpyxl.load_workbook(path("m.xlsx")).worksheets[0]
mrows = [list(r) for r in mws.iter_rows(values_only=True)]
mh = next(i for i, r in enumerate(mrows) if r and r[0] == "Tên mô hình")
launched = [r[5] for r in mrows[mh + 1:] if r[0]]
import datetime
check("every model is exported (not one screen page), dates as dates",
      rc == 0 and len(launched) >= 10 and all(isinstance(v, datetime.datetime) for v in launched if v is not None), (rc, err, launched[:3]))

rc, out, err = dvk("export", "units", "--year", "2025", "-o", "u.csv")
raw = open(path("u.csv"), "rb").read()
check("the CSV starts with a UTF-8 BOM", raw.startswith(b"\xef\xbb\xbf"), raw[:10])
r = soffice("--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", path("calc"), path("u.csv"))
cws = openpyxl.load_workbook(path("calc/u.xlsx")).worksheets[0] if r.returncode == 0 and os.path.exists(path("calc/u.xlsx")) else None
crows = [list(x) for x in cws.iter_rows(values_only=True)] if cws else []
check("LibreOffice Calc opens the CSV with the right columns",
      bool(crows) and [h.replace(" (%)", "") for h in crows[0][:len(header)]] == list(header) and [x[0] for x in crows[1:]] == [x[0] for x in data]
      and isinstance(crows[1][col["Hiệu quả"]], (int, float)), (r.stderr, crows[:2]))
check("a count over a count stays text in Calc (not a date)",
      any(isinstance(x[col["Kế hoạch"]], str) and " / " in x[col["Kế hoạch"]] for x in crows[1:]), crows[1:3])
rc, out, err = dvk("export", "satisfaction", "--year", "2025", "-o", "s.csv", "--excel-vi")
text = open(path("s.csv"), encoding="utf-8-sig").read()
sv = list(csv.reader(io.StringIO(text), delimiter=";"))
check("--excel-vi: ; between fields and decimal commas", rc == 0 and len(sv[0]) > 2 and re.search(r";\d+,\d", text) is not None, text[:300])
rc, out, err = dvk("export", "completeness", "--unit", "Huyện Văn Chấn", "--year", "2025", "-o", "c.xlsx")
cw = [list(x) for x in openpyxl.load_workbook(path("c.xlsx")).worksheets[0].iter_rows(values_only=True)]
check("the completeness list exports, the unit that sent nothing in it",
      rc == 0 and any(x[0] == "Hội Nông dân huyện Văn Chấn" and x[1] == "– chưa báo cáo" for x in cw), cw[:8])
rc, out, err = dvk("print", "overview", "--year", "2025")
check("dvk print overview prints the targets", rc == 0 and "Tổ chức có kế hoạch, phổ biến" in out and "Trang 1/1" in out, err)
rc, out, err = dvk("export", "units", "-o", "u.pdf")
check("export refuses a format it does not write", rc == 2 and ".xlsx" in err, err)
rc, out, err = dvk("export", "units", "-o", "/nonexistent/dir/u.xlsx")
check("an unwritable path says so, exit 7", rc == 7 and "Không ghi được" in err, err)

# 5. Full-length printing: every row, pages with the header on each.
rc, out, err = dvk("print", "models", "--unit", "Huyện Văn Chấn", "--year", "2025")
pages_text = out.split("\f")
check("dvk print prints every model on numbered A4 pages",
      rc == 0 and len(pages_text) >= 3 and all(f"Trang {i + 1}/{len(pages_text)}" in pg for i, pg in enumerate(pages_text)), out[:800])
check("each page repeats the unit, year, map and data date",
      all("Huyện Văn Chấn" in pg and "Năm: 2025" in pg and "Địa giới hiện nay" in pg and "Số liệu đến ngày: 15/12/2025" in pg for pg in pages_text))
check("demo rows are marked on every page", all("DỮ LIỆU MẪU" in pg for pg in pages_text))
rc, out, err = dvk("print", "units", "--year", "2025", "-o", "p.html")
ph = open(path("p.html"), encoding="utf-8").read() if rc == 0 else ""
check("dvk print -o .html: A4 pages in HTML", "@page" in ph and "Trang 1/" in ph and "<table" in ph, err)

# 6. The dashboard's P, E and R keys, in tmux.
sock = "dvk-reports-%d" % os.getpid()
snaps = path("printouts")


def tmux(*args):
    return subprocess.run(["tmux", "-L", sock, "-f", "/dev/null", "-u", *args], capture_output=True, text=True, env=ENV)


def pane():
    return tmux("capture-pane", "-p", "-t", "dvk").stdout


def wait_for(pattern, timeout=15):
    end = time.time() + timeout
    while time.time() < end:
        text = pane()
        if re.search(pattern, text):
            return text
        time.sleep(0.2)
    return pane()


tmux("new-session", "-d", "-s", "dvk", "-x", "100", "-y", "30",
     f"env HOME={WORK} DVK_LANG=vi TERM=xterm-256color {DVK} --db {DB} --snapshots {snaps}")
wait_for("Tổng quan")
tmux("send-keys", "-t", "dvk", "6")
screen6 = wait_for("Báo cáo đủ")
check("key 6 opens Tình hình báo cáo", "Báo cáo đủ" in screen6 and "Đơn vị ▲" in screen6, screen6)
tmux("send-keys", "-t", "dvk", "E")
after_e = wait_for(r"Đã xuất")
files = sorted(os.listdir(snaps)) if os.path.isdir(snaps) else []
check("E exports the list: .xlsx and .csv in the printouts folder",
      "Đã xuất" in after_e and any(f.endswith(".xlsx") for f in files) and any(f.endswith(".csv") for f in files), (after_e, files))
tmux("send-keys", "-t", "dvk", "2")
wait_for("Đơn vị ▲")
tmux("send-keys", "-t", "dvk", "P")
after_p = wait_for(r"Đã in cả danh sách")
files = sorted(os.listdir(snaps)) if os.path.isdir(snaps) else []
check("P prints the whole list as .txt and .html", "Đã in cả danh sách" in after_p
      and any(f.startswith("units_") and f.endswith(".txt") for f in files), (after_p, files))
tmux("send-keys", "-t", "dvk", "R")
after_r = wait_for(r"Đã lập báo cáo")
files = sorted(os.listdir(snaps)) if os.path.isdir(snaps) else []
report = [f for f in files if f.startswith("bao-cao_") and f.endswith(".docx")]
check("R writes the report of the unit and year on screen (.docx, .html)", "Đã lập báo cáo" in after_r and len(report) == 1, (after_r, files))
if report:
    rp = [p.text for p in docx.Document(os.path.join(snaps, report[0])).paragraphs]
    check("the dashboard's report is the province's 2025, in the board's voice",
          any("Ban Tuyên giáo và Dân vận Tỉnh ủy báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2025 của tỉnh Yên Bái" in p for p in rp), rp[:4])
tmux("send-keys", "-t", "dvk", "1")
wait_for("Chỉ tiêu năm")
tmux("send-keys", "-t", "dvk", "S")
form = wait_for("Thiết lập báo cáo")
check("S opens the report settings form with the board's values", "Thiết lập báo cáo" in form and "Nguyễn Văn A" in form, form)
tmux("send-keys", "-t", "dvk", "Escape")
tmux("send-keys", "-t", "dvk", "q")
time.sleep(0.5)
tmux("kill-server")

shutil.rmtree(WORK, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
