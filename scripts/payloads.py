#!/usr/bin/env python3
"""Issue 7, section 2: control characters and bidi overrides in data never
leave dvk raw.

Builds a database whose every text field (unit names, model titles,
descriptions, issuers, decision numbers, sources, notes) carries one of 17
payloads between the markers PWN and END, then collects every output: the
status table (stdout), error messages (stderr), snapshots as .txt, .html
and ANSI, files written with --output, the dashboard's raw terminal stream
(tmux pipe-pane) and its printed .txt/.html (key p). In each output, the
character after every PWN must be printable: a raw payload is a failure.

    python3 scripts/payloads.py PATH-TO-dvk

Exit 0 when every check passed. Needs tmux.
"""
import os, re, shutil, subprocess, sys, tempfile, time

PAYLOADS = {
    "ESC[2J (clear screen)": "\x1b[2J",
    "OSC 52 (clipboard write)": "\x1b]52;c;ZHZr\x07",
    "BEL": "\x07",
    "C1 CSI U+009B": "\u009b2J",
    "C1 OSC U+009D": "\u009d0;title\u009c",
    "DCS ESC P": "\x1bP+q544e\x1b\\",
    "backspace": "\x08\x08\x08",
    "carriage return": "\rGIẢ",
    "line feed": "\nĐơn vị: giả",
    "tab": "\t",
    "vertical tab / form feed": "\x0b\x0c",
    "DEL": "\x7f",
    "U+202E right-to-left override": "\u202eGIẢ",
    "U+2028 line separator": "\u2028",
    "U+2029 paragraph separator": "\u2029",
    "U+200F right-to-left mark": "\u200f",
    "U+2066 left-to-right isolate": "\u2066x\u2069",
}
SAFE_AFTER_MARKER = set("·") | set(" ")


def csv_cell(text):
    return '"' + text.replace('"', '""') + '"'


def build_folder(folder):
    os.makedirs(folder)
    kinds = list(PAYLOADS.values())
    units = ["ref,name,kind,parent_ref,source", f"P,{csv_cell('Tỉnh PWN' + kinds[0] + 'END')},province,,{csv_cell('PWN' + kinds[1] + 'END')}"]
    models = ["ref,unit_ref,kind,title,field,description,goals,expected_outputs,launched_on,source"]
    evals = ["model_ref,year,effective,note"]
    recs = ["model_ref,level,decision_number,decided_on,issuer"]
    for i, p in enumerate(kinds):
        units.append(f"C{i},{csv_cell(f'Xã PWN{p}END {i}')},commune,P,{csv_cell('PWN' + p + 'END')}")
        for j in range(2):
            ref = f"M{i}-{j}"
            models.append(",".join([ref, f"C{i}", "collective", csv_cell(f"Mô hình PWN{p}END {i}.{j}"), "economy",
                                    csv_cell("PWN" + p + "END mô tả"), csv_cell("PWN" + p + "END"), csv_cell("PWN" + p + "END"),
                                    "01/03/2024", csv_cell("PWN" + p + "END")]))
            evals.append(f"{ref},2025,1,{csv_cell('PWN' + p + 'END')}")
            recs.append(",".join([ref, "commune", csv_cell(f"{i}{j}/QĐ PWN{p}END"), "15/12/2025", csv_cell("PWN" + p + "END")]))
    files = {"units.csv": units, "models.csv": models, "evaluations.csv": evals, "recognitions.csv": recs,
             "settings.csv": ["key,value", "home_unit,P", "data_as_of,15/12/2025"]}
    for name, lines in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(lines) + "\n")


def raw_after_marker(data):
    """Each PWN followed by anything but the placeholder or a space, as (offset, repr)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    if "<html" in text[:200].lower() or "<!doctype" in text[:200].lower():
        # Cells of other styles sit in their own spans: read the text, not the tags.
        text = re.sub(r"<[^>]*>", "", text)
    bad, start = [], 0
    while (i := text.find("PWN", start)) >= 0:
        if text[i + 3:i + 4] not in SAFE_AFTER_MARKER:
            bad.append((i, repr(text[i:i + 12])))
        start = i + 3
    return bad


# In a terminal stream or ANSI text the program's own escapes are everywhere
# (curses moves the cursor with ESC, BS, CR, TAB): look for what only a
# payload could have put there instead.
DISTINCTIVE = {
    "OSC 52": "\x1b]52;", "DCS": "\x1bP+q", "C1 controls": None, "bidi controls": None,
    "U+2028/2029": None, "BEL": "\x07", "DEL": "\x7f", "GIẢ after CR": "\rGIẢ",
}


def distinctive_payloads(data):
    text = data.decode("utf-8", errors="replace")
    found = [name for name, seq in DISTINCTIVE.items() if seq and seq in text]
    if any(0x80 <= ord(c) <= 0x9f for c in text):
        found.append("C1 controls")
    if any(c in text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"):
        found.append("bidi controls")
    if "\u2028" in text or "\u2029" in text:
        found.append("U+2028/2029")
    return [(0, f) for f in found]


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS  {name}")
        else:
            self.failed += 1
            print(f"FAIL  {name}")
            if detail:
                for line in str(detail).splitlines()[:8]:
                    print(f"      | {line}")


def run(cmd, env, timeout=60):
    p = subprocess.run(cmd, capture_output=True, env=env, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PATH-TO-dvk", file=sys.stderr)
        return 2
    dvk = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="dvk-payloads.")
    r = Report()
    env = dict(os.environ, DVK_LANG="vi", HOME=work, XDG_DATA_HOME=os.path.join(work, "data"))
    env.pop("DVK_DB", None)
    try:
        folder = os.path.join(work, "seeds")
        build_folder(folder)
        db = os.path.join(work, "payloads.sqlite")
        rc, out, err = run([dvk, "import", "--db", db, folder], env)
        run([dvk, "officer", "add", "Cán bộ thử", "--account", "can-bo-thu", "--role", "viewer", "--db", db], env)
        r.check(f"import of {len(PAYLOADS)} payload kinds in every text field (exit {rc})", rc == 0, err.decode(errors="replace"))
        if rc != 0:
            return 1
        outputs = {}
        rc, out, err = run([dvk, "status", "--db", db], env)
        outputs["status stdout"] = out
        r.check("status exits 0", rc == 0, err)
        for i in (0, 1, 4, 12):
            unit = f"Xã PWN{list(PAYLOADS.values())[i]}END"
            rc, out, err = run([dvk, "status", "--db", db, "--unit", unit + " không có"], env)
            outputs[f"status --unit (payload {i}) stderr"] = err
            r.check(f"status --unit with payload {i} is a clear error (exit {rc})", rc == 5 and err.startswith(b"dvk: "), err)
        for screen in ("overview", "units", "models", "satisfaction"):
            for fmt in ("txt", "html", "ansi"):
                rc, out, err = run([dvk, "snapshot", screen, "--db", db, "--format", fmt, "--width", "120", "--height", "40"], env)
                outputs[f"snapshot {screen} {fmt}"] = out + err
                r.check(f"snapshot {screen} --format {fmt} exits 0", rc == 0, err)
            target = os.path.join(work, f"{screen}.txt")
            run([dvk, "snapshot", screen, "--db", db, "--output", target, "--officer", "Cán bộ thử"], env)
            outputs[f"snapshot {screen} --output file"] = open(target, "rb").read() if os.path.exists(target) else b""
        for name, officer in (("line feed", "Cán bộ\nĐơn vị: giả"), ("ESC", "Cán bộ\x1b[2J"), ("RLO", "Cán bộ\u202e"),
                              ("too long", "x" * 200)):
            rc, out, err = run([dvk, "status", "--db", db, "--officer", officer], env)
            r.check(f"--officer with {name} is refused with exit 2 (got {rc})", rc == 2, err)
            outputs[f"--officer {name} stderr"] = err
        outputs.update(dashboard_outputs(dvk, db, work, env, r))
        for name, data in outputs.items():
            raw_stream = name.startswith("dashboard terminal") or name.endswith(" ansi")
            bad = distinctive_payloads(data) if raw_stream else raw_after_marker(data)
            r.check(f"{name}: no raw payload ({data.count(b'PWN') if isinstance(data, bytes) else data.count('PWN')} markers)",
                    not bad, "\n".join(b for _, b in bad[:5]))
    finally:
        subprocess.run(["tmux", "-L", "dvk-payloads", "kill-server"], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    print(f"{r.passed} passed, {r.failed} failed")
    return 0 if r.failed == 0 else 1


def dashboard_outputs(dvk, db, work, env, r):
    """The raw bytes the dashboard writes to its terminal, and its printed files."""
    sock = ["tmux", "-L", "dvk-payloads"]
    stream = os.path.join(work, "terminal.raw")
    snaps = os.path.join(work, "snaps")
    cmd = f"env HOME={work} DVK_LANG=vi {dvk} --db {db} --snapshots {snaps}"
    subprocess.run(sock + ["new-session", "-d", "-s", "p", "-x", "120", "-y", "40", "sleep 1; " + cmd], check=True)
    subprocess.run(sock + ["pipe-pane", "-t", "p", "-o", f"cat >> {stream}"], check=True)
    def wait_for(text, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            pane = subprocess.run(sock + ["capture-pane", "-p", "-t", "p"], capture_output=True).stdout.decode(errors="replace")
            if text in pane:
                return True
            time.sleep(0.2)
        return False
    r.check("dashboard opens on the payload database", wait_for("Tổng quan"))
    for keys in (["2"], ["p"], ["3"], ["p"], ["4"], ["p"], ["5"], ["?"], ["Escape"], ["1"], ["3"], ["Enter"], ["Escape"]):
        subprocess.run(sock + ["send-keys", "-t", "p"] + keys)
        time.sleep(0.4)
    subprocess.run(sock + ["send-keys", "-t", "p", "q"])
    time.sleep(0.8)
    out = {"dashboard terminal stream": open(stream, "rb").read() if os.path.exists(stream) else b""}
    r.check("dashboard stream recorded", len(out["dashboard terminal stream"]) > 1000)
    printed = sorted(os.listdir(snaps)) if os.path.isdir(snaps) else []
    r.check(f"dashboard printed 3 screens as .txt and .html ({len(printed)} files)", len(printed) == 6, printed)
    for f in printed:
        out[f"printed {f.rsplit('.', 1)[-1]} {f.split('_')[0]}"] = open(os.path.join(snaps, f), "rb").read()
    return out


if __name__ == "__main__":
    sys.exit(main())
