#!/usr/bin/env python3
"""Fuzzes `dvk import` with mutated copies of seeds/.

    python3 scripts/fuzz-import.py BIN [--count 300] [--seed S] [--keep DIR]
                                       [--findings DIR] [--jobs 2] [--timeout 20]

Each of N folders is a copy of seeds/*.csv with 1-3 seeded mutations from the
catalogue below (`--list` prints it). Every folder is imported into a fresh
database, and these invariants are checked:

  (a) `dvk import` exits 0, or exits non-zero with a short message on stderr
      whose first line starts with "dvk:" and no Swift crash text; a signal,
      an exit code >= 128 or a timeout is a failure;
  (b) a refused import stores nothing: every table equals the fresh
      database's (the data tables are empty), or the file is absent;
  (c) an accepted import passes `dvk check` (or, while `dvk check` does not
      exist, PRAGMA integrity_check + foreign_key_check + unit cycle checks,
      with a warning), and `dvk status` exits 0 or with a "dvk:" message;
  (d) `dvk status` prints no raw control characters (C0 except \\n, DEL, C1,
      U+202E, U+2028): reported as "escape" findings, apart from the rest.

Refused messages that echo raw control characters are "escape" findings too
(PRAGMA integrity_check and foreign_key_check also run after every accepted
import, `dvk check` or not). Advisory findings, printed but not fatal unless
--strict: "suspect" (an accepted folder holding something the importer must
refuse: a dangling reference, a cycle, a duplicate key, ...) and "slow" (a run
above --slow CPU seconds). The time limit is on CPU time, so a machine busy
with builds does not make timeouts.

A fresh database is made by `dvk import --db NEW DIR` (with --create/--new/
--init when import --help lists one); when import cannot create one but
`dvk init` exists, each folder gets a copy of a `dvk init` database.

Prints the seed, then a summary: folders, accepted, refused, failures by kind,
each mutation's folders/accepted/refused/failing, and for each failure class
an example with its mutations, exit code and first stderr lines.
--keep DIR keeps each failing folder (with FINDING.txt); --findings DIR keeps
one minimised reproducing folder per distinct class (files, then lines, by
delta debugging). Exits 1 when any failure was found, 2 when the harness
itself could not run. The same --seed gives the same folders (--only N,M
rebuilds just those).

Replay a kept folder:  python3 scripts/fuzz-import.py BIN --replay DIR
Python 3 standard library only.
"""

import argparse
import concurrent.futures as futures
import csv
import hashlib
import io
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
csv.field_size_limit(sys.maxsize)    # the 1 MB fields

# --------------------------------------------------------------------------
# What the seed files hold (docs/DATA.md, Sources/DVKStore/Import/SeedImporter.swift)
# --------------------------------------------------------------------------

FILES = ["units.csv", "fields.csv", "targets.csv", "models.csv", "evaluations.csv",
         "recognitions.csv", "awards.csv", "surveys.csv", "plans.csv",
         "reported_figures.csv", "directives.csv", "settings.csv"]

REQUIRED_COLUMNS = {
    "units.csv": ["ref", "name", "kind"],
    "fields.csv": ["code", "name_vi", "name_en", "sort_order"],
    "targets.csv": ["code", "metric", "threshold", "unit_kinds", "phase_start", "phase_end"],
    "models.csv": ["ref", "unit_ref", "kind", "title", "field"],
    "evaluations.csv": ["model_ref", "year", "effective"],
    "recognitions.csv": ["model_ref", "level", "decision_number"],
    "awards.csv": ["kind", "issuer", "decision_number", "decided_on", "recipient"],
    "surveys.csv": ["unit_ref", "year", "percent"],
    "plans.csv": ["unit_ref", "year", "adopted", "disseminated"],
    "reported_figures.csv": ["unit_ref", "year", "scope", "field", "count"],
    "directives.csv": ["kind", "number"],
    "settings.csv": ["key", "value"],
}

# (file, column): weight. Money/percent/threshold first: they reach Int64/Int conversions.
NUMERIC_COLUMNS = {
    ("models.csv", "funds_vnd"): 6, ("surveys.csv", "percent"): 5, ("targets.csv", "threshold"): 5,
    ("models.csv", "work_days"): 2, ("targets.csv", "at_risk_ratio"): 2, ("targets.csv", "min_per_field"): 2,
    ("targets.csv", "phase_start"): 1, ("targets.csv", "phase_end"): 1, ("surveys.csv", "respondents"): 2,
    ("reported_figures.csv", "count"): 2, ("fields.csv", "sort_order"): 1,
    ("surveys.csv", "year"): 1, ("evaluations.csv", "year"): 1, ("plans.csv", "year"): 1,
    ("reported_figures.csv", "year"): 1,
}
INTEGER_COLUMNS = {"funds_vnd", "work_days", "min_per_field", "phase_start", "phase_end", "respondents",
                   "count", "sort_order", "year"}
YEAR_COLUMNS = [("surveys.csv", "year"), ("evaluations.csv", "year"), ("plans.csv", "year"),
                ("reported_figures.csv", "year"), ("targets.csv", "phase_start"), ("targets.csv", "phase_end")]

DATE_COLUMNS = {
    ("units.csv", "valid_from"): 1, ("units.csv", "valid_to"): 1, ("models.csv", "registered_on"): 2,
    ("models.csv", "launched_on"): 3, ("models.csv", "removed_on"): 1, ("recognitions.csv", "decided_on"): 2,
    ("awards.csv", "decided_on"): 1, ("directives.csv", "issued_on"): 1,
}

TEXT_COLUMNS = {
    ("units.csv", "name"): 6, ("targets.csv", "directive"): 3, ("models.csv", "title"): 3,
    ("models.csv", "description"): 1, ("directives.csv", "title"): 1, ("evaluations.csv", "note"): 1,
    ("recognitions.csv", "issuer"): 1, ("awards.csv", "recipient"): 1, ("fields.csv", "name_vi"): 2,
    ("surveys.csv", "source"): 1, ("units.csv", "official_code"): 1,
}

# Where each reference points, for dangling references.
REF_COLUMNS = [("models.csv", "unit_ref"), ("evaluations.csv", "model_ref"), ("recognitions.csv", "model_ref"),
               ("awards.csv", "model_ref"), ("awards.csv", "unit_ref"), ("surveys.csv", "unit_ref"),
               ("plans.csv", "unit_ref"), ("reported_figures.csv", "unit_ref"), ("units.csv", "parent_ref"),
               ("models.csv", "field"), ("reported_figures.csv", "field"), ("settings.csv", "home_unit")]

CHOICE_COLUMNS = [("units.csv", "kind"), ("models.csv", "kind"), ("targets.csv", "metric"),
                  ("targets.csv", "unit_kinds"), ("recognitions.csv", "level"), ("awards.csv", "kind"),
                  ("reported_figures.csv", "scope"), ("reported_figures.csv", "qualifier"),
                  ("evaluations.csv", "effective"), ("plans.csv", "adopted"), ("units.csv", "demo")]

HUGE = ["99999999999999999999", "1e308", "9e18", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1.8e19", "1e309", "1,7976931348623157e308", "99999999999999999999 tỷ",
        "9e18 triệu", "1e308 tỷ", "999.999.999.999.999.999.999", "inf", "nan", "Infinity", "9,3e15", "1e16",
        "4294967296", "2147483648"]
NEGATIVE = ["-1", "-0", "-0,0", "-0.5", "-99999999999999999999", "-1e308", "-9e18", "-9223372036854775808",
            "-2,9 tỷ", "−5", "-inf"]
NON_NUMBERS = ["abc", "12abc", "một trăm", "½", "١٢٣", "１２３", "0x10", "1e", "+-3", "--1", "1..2", ".", ",",
               "NaN", "1 2 3", "1_000", "10%", "tỷ", "1/2", "𝟙𝟚"]
NUMBERS_PERHAPS_VALID = {"１２３", "١٢٣", "𝟙𝟚", ",", ".", "1_000", "10%", "1 2 3"}
DATES = ["31/02/2025", "0001-01-01", "31/12/1999", "9999-12-31", "2025-13-01", "00/00/0000", "29/02/2023",
         "32/01/2025", "2025-02-30", "0000-00-00", "01/01/0001", "1/1/99", "31/04/2025", "-001-01-01",
         "2025-00-10", "99/99/9999", "01/13/2025", "1/1/1", "2025-1-1", "15/12/25", "31/12/9999",
         "01/01/1900", "+2025-01-01", "2025/12/15", "１５/１２/２０２５", "15/12/2025 10:00", "29/02/2024"]
# Dates no calendar has: accepting one is a bug.
IMPOSSIBLE_DATES = {"31/02/2025", "2025-13-01", "00/00/0000", "29/02/2023", "32/01/2025", "2025-02-30",
                    "0000-00-00", "31/04/2025", "2025-00-10", "99/99/9999", "01/13/2025"}
# Valid or nearly: the edges of what the validator allows (years 2000..today+5, percent 0..100, ratios 0..1).
EDGE_NUMBERS = {"percent": ["100", "100.0", "100,04", "100.05", "99.95", "0", "0.04", "-0.04", "0,05"],
                "threshold": ["0", "0.0001", "1e15", "9e15", "100000"],
                "at_risk_ratio": ["1", "0", "1.0000001", "0.0000001", "1e-300"],
                "funds_vnd": ["0", "9.2e18", "9223372036854775807", "9007199254740993", "2,9 tỷ", "350 triệu",
                              "0,5", "1.000.000", "9.000.000 tỷ"],
                "": ["0", "8999999999999999", "9000000000000000", "2.600", "1.0", "1,0"]}
EDGE_DATES = ["01/01/2000", "31/12/2000", "31/12/2031", "01/01/2032", "29/02/2000", "29/02/2028", "1/1/00",
              "31/12/99", "2031-12-31"]
YEARS = ["2000", "2031", "2032", "0", "1999", "2101", "9999", "-2025", "2147483648", "99999999999999999999", "2025.5", "２０２５"]
CONTROLS = {
    "ESC[2J": "\x1b[2J", "OSC52": "\x1b]52;c;ZHZrIGZ1eno=\x07", "BEL": "\x07", "CSI-C1": "\u009b31m",
    "RLO": "\u202e", "LSEP": "\u2028", "BS": "\x08\x08\x08", "DEL": "\x7f", "CR": "\r", "OSC-title": "\x1b]0;pwned\x07",
    "FF": "\x0c", "NEL": "\u0085", "ESC[31m": "\x1b[31m", "DCS": "\x1bPq#0\x1b\\", "TAB": "\t", "VT": "\x0b",
    "PSEP": "\u2029",
}
INVALID_UTF8 = [b"\xff", b"\xfe\xfe", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80",
                b"\xc0\xaf", b"\x80", b"\xf4\x90\x80\x80"]


# --------------------------------------------------------------------------
# A folder being mutated: raw bytes per file, parsed on demand
# --------------------------------------------------------------------------

class Folder:
    """Files by name: bytes, or the markers MISSING / DIR / SYMLINK / FIFO."""
    MISSING, DIR, SYMLINK, FIFO = "<missing>", "<dir>", "<dangling symlink>", "<fifo>"

    def __init__(self, seeds):
        self.files = {}
        self.tables = {}          # name -> [header, rows] while parsed
        self.refuse = []          # (file, reason): why an acceptance would be suspect
        self.kinds = []           # catalogue names of the mutations applied
        for name in sorted(os.listdir(seeds)):
            if name.endswith(".csv"):
                with open(os.path.join(seeds, name), "rb") as f:
                    self.files[name] = f.read()

    # Parsed view ---------------------------------------------------------
    def table(self, name):
        if name in self.tables:
            return self.tables[name]
        data = self.files.get(name)
        if not isinstance(data, bytes):
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return None
        rows = list(csv.reader(io.StringIO(text, newline="")))
        if not rows:
            return None
        self.tables[name] = [rows[0], rows[1:]]
        return self.tables[name]

    def flush(self):
        for name, (header, rows) in self.tables.items():
            out = io.StringIO(newline="")
            w = csv.writer(out, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
            self.files[name] = out.getvalue().encode("utf-8")
        self.tables = {}

    def raw(self, name):
        """Bytes of a file, after any parsed edits."""
        if name in self.tables:
            self.flush()
        data = self.files.get(name)
        return data if isinstance(data, bytes) else None

    def set_raw(self, name, data):
        self.tables.pop(name, None)
        self.files[name] = data

    def void(self, name):
        """The file was replaced whole: what made it suspect is gone."""
        self.refuse = [(f, r) for f, r in self.refuse if f != name]

    def existing(self, names=None):
        return [n for n in (names or FILES) if isinstance(self.files.get(n), bytes)]

    def write(self, path):
        self.flush()
        os.makedirs(path, exist_ok=True)
        for name, data in self.files.items():
            p = os.path.join(path, name)
            if isinstance(data, bytes):
                with open(p, "wb") as f:
                    f.write(data)
            elif data == Folder.DIR:
                os.makedirs(p)
                with open(os.path.join(p, "inside.csv"), "w") as f:
                    f.write("ref,name,kind\n")
            elif data == Folder.SYMLINK:
                os.symlink(os.path.join(path, "nowhere", name), p)
            elif data == Folder.FIFO:
                os.mkfifo(p)


def cell_target(folder, rng, weighted, need_rows=True):
    """A (file, column index, row) of a parsed table that has the column."""
    choices = [(k, w) for k, w in weighted.items() if folder.table(k[0]) and k[1] in folder.table(k[0])[0]
               and (folder.table(k[0])[1] or not need_rows)]
    if not choices:
        return None
    (name, column), = rng.choices([k for k, _ in choices], [w for _, w in choices])
    header, rows = folder.table(name)
    return name, header.index(column), rows, column


def pick_row(rows, rng, index=None):
    usable = [r for r in rows if index is None or index < len(r)]
    return rng.choice(usable) if usable else None


# --------------------------------------------------------------------------
# The mutation catalogue. Each returns a description, or None when it does
# not apply to this folder (another is drawn). Phase: 0 parsed, 1 bytes, 2 files.
# --------------------------------------------------------------------------

MUTATIONS = []


def mutation(name, phase, weight, doc):
    def register(fn):
        MUTATIONS.append((name, phase, weight, doc, fn))
        return fn
    return register


def set_cell(folder, rng, weighted, values, label, suspect=None):
    t = cell_target(folder, rng, weighted)
    if not t:
        return None
    name, i, rows, column = t
    row = pick_row(rows, rng, i)
    if row is None:
        return None
    v = rng.choice(values)
    old = row[i]
    row[i] = v
    if suspect and suspect(column, v):
        folder.refuse.append((name, f"{column}={v!r}"))
    return f"{label}: {name} {column} {old!r} -> {v!r} (ref {row[0]!r})"


def huge_is_invalid(column, v):
    s = v.lower().replace(" ", "")
    if s in ("inf", "nan", "infinity", "1e309"):
        return True
    return column in INTEGER_COLUMNS and s in ("99999999999999999999", "9223372036854775808", "1.8e19",
                                               "1e308", "99999999999999999999tỷ", "1e308tỷ",
                                               "999.999.999.999.999.999.999", "9e18triệu")


@mutation("huge-number", 0, 6, "a numeric cell (funds_vnd, percent, threshold, counts, years) set to "
          "99999999999999999999, 1e308, 9e18, Int64.max+1, 1e309, inf, nan, ...")
def m_huge(folder, rng):
    return set_cell(folder, rng, NUMERIC_COLUMNS, HUGE, "huge number", huge_is_invalid)


@mutation("negative-number", 0, 3, "a numeric cell set to -1, -0, -1e308, -9e18, -2,9 tỷ, U+2212 minus, ...")
def m_negative(folder, rng):
    return set_cell(folder, rng, NUMERIC_COLUMNS, NEGATIVE, "negative number")


@mutation("not-a-number", 0, 3, "a numeric cell set to abc, 12abc, ½, Arabic-Indic or full-width digits, 0x10, 1e, 10%, ...")
def m_nan(folder, rng):
    return set_cell(folder, rng, NUMERIC_COLUMNS, NON_NUMBERS, "not a number",
                    lambda c, v: v not in NUMBERS_PERHAPS_VALID)


@mutation("bad-year", 0, 2, "a year cell set to 0, 1999, 2101, 9999, -2025, 2^31, 2025.5, ...")
def m_year(folder, rng):
    return set_cell(folder, rng, {k: 1 for k in YEAR_COLUMNS}, YEARS, "bad year",
                    lambda c, v: v in ("99999999999999999999", "2025.5"))


@mutation("impossible-date", 0, 5, "a date cell set to 31/02/2025, 0001-01-01, 31/12/1999, 9999-12-31, "
          "2025-13-01, 00/00/0000, 29/02/2023, ...")
def m_date(folder, rng):
    return set_cell(folder, rng, DATE_COLUMNS, DATES, "impossible date", lambda c, v: v in IMPOSSIBLE_DATES)


@mutation("edge-value", 0, 4, "a value at the edge of what is allowed, mostly valid: percent 100 / 100,04 / "
          "-0.04, ratio 1 / 1e-300, funds 9.2e18 / Int64.max / 2,9 tỷ, counts 9e15, dates 01/01/2000 / 31/12/2031 "
          "/ 29/02/2000, also as data_as_of")
def m_edge(folder, rng):
    if rng.random() < 0.4:
        t = folder.table("settings.csv")
        if t and rng.random() < 0.5 and "key" in t[0] and "value" in t[0]:
            k, v = t[0].index("key"), t[0].index("value")
            for row in t[1]:
                if len(row) > max(k, v) and row[k] == "data_as_of":
                    row[v] = rng.choice(EDGE_DATES)
                    return f"edge value: settings.csv data_as_of = {row[v]!r}"
        return set_cell(folder, rng, DATE_COLUMNS, EDGE_DATES, "edge date")
    t = cell_target(folder, rng, NUMERIC_COLUMNS)
    if not t:
        return None
    name, i, rows, column = t
    row = pick_row(rows, rng, i)
    if row is None:
        return None
    old, row[i] = row[i], rng.choice(EDGE_NUMBERS.get(column, EDGE_NUMBERS[""]))
    return f"edge value: {name} {column} {old!r} -> {row[i]!r} (ref {row[0]!r})"


@mutation("data-as-of", 0, 4, "settings.csv data_as_of set to one of the odd dates (0001-01-01, 31/12/1999, 9999-12-31, ...)")
def m_data_as_of(folder, rng):
    t = folder.table("settings.csv")
    if not t or "key" not in t[0] or "value" not in t[0]:
        return None
    k, v = t[0].index("key"), t[0].index("value")
    date = rng.choice(DATES + ["0001-01-01", "31/12/1999", "9999-12-31"])
    for row in t[1]:
        if len(row) > max(k, v) and row[k] == "data_as_of":
            row[v] = date
            break
    else:
        t[1].append(["data_as_of" if i == k else date if i == v else "" for i in range(len(t[0]))])
    if date in IMPOSSIBLE_DATES:
        folder.refuse.append(("settings.csv", f"data_as_of={date}"))
    return f"data_as_of: settings.csv data_as_of = {date!r}"


@mutation("bad-choice", 0, 2, "an enumerated cell (kind, metric, level, scope, qualifier, 0/1 flags) set to a wrong "
          "case, a near miss or an empty ';' list")
def m_choice(folder, rng):
    values = ["Province", "province ", "collective;", "xã", ";;", "commune;;agency", "2", "yes please", "over9000",
              "COLLECTIVE", "meritcertificate", "\u0000"]
    return set_cell(folder, rng, {k: 1 for k in CHOICE_COLUMNS}, values, "bad choice",
                    lambda c, v: v not in ("province ",))


@mutation("duplicate-ref", 0, 5, "a ref or key used twice: a unit, model, target code, field code or "
          "(model, year) evaluation copied, or one row's ref set to another's")
def m_duplicate(folder, rng):
    name = rng.choice(["units.csv", "units.csv", "models.csv", "models.csv", "targets.csv", "evaluations.csv",
                       "fields.csv", "units.csv"])
    t = folder.table(name)
    if not t or len(t[1]) < 2:
        return None
    header, rows = t
    how = rng.choice(["copy", "same-ref", "same-ref-padded"])
    src = rng.choice(rows)
    if how == "copy":
        rows.insert(rng.randrange(len(rows) + 1), list(src))
    else:
        dst = rng.choice([r for r in rows if r is not src])
        if not dst or not src:
            return None
        dst[0] = src[0] + ("  " if how == "same-ref-padded" else "")
        if name == "evaluations.csv" and len(dst) > 1 and len(src) > 1:
            dst[1] = src[1]
    if name != "fields.csv":
        folder.refuse.append((name, f"duplicate {src[0]!r}"))
    return f"duplicate ref ({how}): {name} {src[0]!r}"


@mutation("dangling-ref", 0, 5, "a reference to nothing: a model's unit_ref, an evaluation's model_ref, a "
          "parent_ref, a field code, home_unit, ... pointing at a ref that does not exist")
def m_dangling(folder, rng):
    choices = [(f, c) for f, c in REF_COLUMNS if folder.table(f) and folder.table(f)[1]
               and (c in folder.table(f)[0] or f == "settings.csv")]
    if not choices:
        return None
    name, column = rng.choice(choices)
    header, rows = folder.table(name)
    bogus = rng.choice(["ZZ-KHONG-CO", "M-99999", "yb", "YB-VC-SG ", "X" * 300, "YB-VC-\u0053G\u0301"])
    if name == "settings.csv":
        if "key" not in header or "value" not in header:
            return None
        k, v = header.index("key"), header.index("value")
        for row in rows:
            if len(row) > max(k, v) and row[k] == "home_unit":
                row[v] = bogus
                break
        else:
            return None
    else:
        i = header.index(column)
        row = pick_row(rows, rng, i)
        if row is None:
            return None
        row[i] = bogus
    if bogus.strip() != "YB-VC-SG":
        folder.refuse.append((name, f"{column} -> {bogus[:20]!r}"))
    return f"dangling ref: {name} {column} -> {bogus[:40]!r}"


def unit_rows(folder, need):
    t = folder.table("units.csv")
    if not t or any(c not in t[0] for c in need):
        return None
    rows = [r for r in t[1] if len(r) == len(t[0])]
    return (t[0], rows) if len(rows) >= 3 else None


@mutation("merger-cycle", 0, 4, "units merged into each other: A merged_into B and B into A (or a 3-cycle, or "
          "into itself), with valid_to set so the merge is otherwise valid")
def m_merger_cycle(folder, rng):
    t = unit_rows(folder, ["ref", "merged_into_ref", "valid_to"])
    if not t:
        return None
    header, rows = t
    ref, into, to = header.index("ref"), header.index("merged_into_ref"), header.index("valid_to")
    n = rng.choice([1, 2, 2, 3])
    ring = rng.sample(rows, n)
    for a, b in zip(ring, ring[1:] + ring[:1]):
        a[into] = b[ref]
        if not a[to]:
            a[to] = rng.choice(["30/06/2024", "31/12/2023", "01/01/2025"])
    folder.refuse.append(("units.csv", "merger cycle"))
    return "merger cycle: " + " -> ".join(r[ref] for r in ring + ring[:1])


@mutation("parent-cycle", 0, 2, "units that are each other's parent (A under B under A), or their own parent")
def m_parent_cycle(folder, rng):
    t = unit_rows(folder, ["ref", "parent_ref"])
    if not t:
        return None
    header, rows = t
    ref, parent = header.index("ref"), header.index("parent_ref")
    ring = rng.sample(rows, rng.choice([1, 2, 3]))
    for a, b in zip(ring, ring[1:] + ring[:1]):
        a[parent] = b[ref]
    folder.refuse.append(("units.csv", "parent cycle"))
    return "parent cycle: " + " -> ".join(r[ref] for r in ring + ring[:1])


@mutation("merge-chain", 0, 1, "a long chain of merges (A into B into C ... 30 deep): valid, must not hang")
def m_merge_chain(folder, rng):
    t = unit_rows(folder, ["ref", "merged_into_ref", "valid_to"])
    if not t:
        return None
    header, rows = t
    ref, into, to = header.index("ref"), header.index("merged_into_ref"), header.index("valid_to")
    chain = rng.sample(rows, min(len(rows), 30))
    for a, b in zip(chain, chain[1:]):
        a[into] = b[ref]
        a[to] = a[to] or "31/12/2023"
    return f"merge chain of {len(chain)} units from {chain[0][ref]}"


@mutation("control-text", 0, 6, "control characters and escape sequences in text shown by status (unit names, "
          "target directive, titles): ESC[2J, OSC 52, BEL, U+009B, U+202E, U+2028, BS, DEL, CR, DCS, ...")
def m_control(folder, rng):
    t = cell_target(folder, rng, TEXT_COLUMNS)
    if not t:
        return None
    name, i, rows, column = t
    # The home unit and its children are what status prints.
    if name == "units.csv" and rng.random() < 0.6:
        row = next((r for r in rows if i < len(r) and r[0] == "YB"), None) or pick_row(rows, rng, i)
    else:
        row = pick_row(rows, rng, i)
    if row is None:
        return None
    labels = rng.sample(sorted(CONTROLS), rng.choice([1, 1, 2]))
    seq = "".join(CONTROLS[l] for l in labels)
    cut = rng.randrange(len(row[i]) + 1)
    row[i] = row[i][:cut] + seq + row[i][cut:]
    return f"control text: {name} {column} of {row[0]!r} += {'+'.join(labels)}"


@mutation("odd-unicode", 0, 2, "text in NFD, 500 combining marks on one letter, wide emoji and ZWJ sequences, "
          "zero-width spaces, a lone BOM inside a name")
def m_unicode(folder, rng):
    t = cell_target(folder, rng, TEXT_COLUMNS)
    if not t:
        return None
    name, i, rows, column = t
    row = pick_row(rows, rng, i)
    if row is None:
        return None
    kind = rng.choice(["nfd", "zalgo", "emoji", "zwsp", "bom"])
    if kind == "nfd":
        row[i] = unicodedata.normalize("NFD", row[i])
    elif kind == "zalgo":
        row[i] = row[i][:1] + "\u0301" * 500 + row[i][1:]
    elif kind == "emoji":
        row[i] = "👨‍👩‍👧‍👦🇻🇳" * 20 + row[i]
    elif kind == "zwsp":
        row[i] = "\u200b".join(row[i]) or "\u200b"
    else:
        row[i] = "\ufeff" + row[i]
    return f"odd unicode ({kind}): {name} {column} of {row[0]!r}"


@mutation("extra-column", 0, 3, "one row with an extra field, or the header and every row with one more column")
def m_extra(folder, rng):
    names = folder.existing()
    name = rng.choice(names) if names else None
    t = folder.table(name) if name else None
    if not t or not t[1]:
        return None
    header, rows = t
    if rng.random() < 0.5:
        row = rng.choice(rows)
        row.append(rng.choice(["", "x", "1"]))
        return f"extra field: {name} row {row[0]!r}"
    header.append(rng.choice(["extra", "ref", ""]))
    for r in rows:
        r.append("z")
    return f"extra column in header and rows: {name} ({header[-1]!r})"


@mutation("missing-column", 0, 3, "one row with a field too few, or a row of only commas")
def m_missing(folder, rng):
    names = folder.existing()
    name = rng.choice(names) if names else None
    t = folder.table(name) if name else None
    if not t or not t[1]:
        return None
    header, rows = t
    if rng.random() < 0.7:
        row = rng.choice([r for r in rows if r] or [None])
        if row is None:
            return None
        row.pop(rng.randrange(len(row)))
        folder.refuse.append((name, "short row"))
        return f"missing field: {name} row {row[0] if row else ''!r}"
    rows.insert(rng.randrange(len(rows) + 1), [""] * (len(header) - 1))
    return f"row of commas: {name}"


@mutation("header-renamed", 0, 3, "a header cell renamed (ref -> Ref, mã, 'ref ' or a typo), removed with its "
          "column, duplicated, or the columns reordered (valid)")
def m_header(folder, rng):
    names = folder.existing()
    name = rng.choice(names) if names else None
    t = folder.table(name) if name else None
    if not t:
        return None
    header, rows = t
    how = rng.choice(["rename", "rename", "drop-column", "duplicate", "reorder", "spaces"])
    i = rng.randrange(len(header))
    old = header[i]
    required = old in REQUIRED_COLUMNS.get(name, [])
    if how == "rename":
        header[i] = rng.choice([old.capitalize(), old + "_", "mã", old.replace("_", " "), old.upper(), ""])
        if required and rows and header[i] != old:
            folder.refuse.append((name, f"header {old} renamed"))
    elif how == "drop-column":
        del header[i]
        for r in rows:
            if i < len(r):
                del r[i]
        if required and rows:
            folder.refuse.append((name, f"column {old} dropped"))
    elif how == "duplicate":
        j = rng.randrange(len(header))
        header[i] = header[j]
        old = f"{old} -> {header[j]}"
    elif how == "reorder":
        order = list(range(len(header)))
        rng.shuffle(order)
        t[0] = [header[k] for k in order]
        t[1] = [[r[k] for k in order] if len(r) == len(order) else r for r in rows]
    else:
        header[i] = "  " + old + "\t"
    return f"header {how}: {name} {old!r}"


@mutation("header-removed", 1, 2, "the header line removed: the first record becomes the header")
def m_header_removed(folder, rng):
    names = folder.existing()
    if not names:
        return None
    name = rng.choice(names)
    data = folder.raw(name)
    folder.set_raw(name, data.split(b"\n", 1)[1] if b"\n" in data else b"")
    folder.void(name)
    if name in ("units.csv",) or name in ("models.csv", "evaluations.csv"):
        folder.refuse.append((name, "header removed"))
    return f"header line removed: {name}"


@mutation("broken-quoting", 1, 6, "an unterminated quote (a field opened with \" and never closed, at a line or "
          "at the end of the file), a stray quote inside a field, text after a closing quote, a lone quote line")
def m_quoting(folder, rng):
    names = folder.existing()
    if not names:
        return None
    name = rng.choice(names + ["units.csv", "models.csv"])
    data = folder.raw(name)
    if data is None:
        return None
    lines = data.split(b"\n")
    how = rng.choice(["unterminated", "unterminated-at-end", "stray", "after-close", "lone-quote", "doubled"])
    n = rng.randrange(1, max(2, len(lines) - 1)) if len(lines) > 2 else 0
    line = lines[n]
    commas = [m.start() for m in re.finditer(b",", line)]
    if how == "unterminated":
        p = rng.choice(commas) + 1 if commas else 0
        lines[n] = line[:p] + b'"' + line[p:]
    elif how == "unterminated-at-end":
        last = len(lines) - 1 if lines[-1] else len(lines) - 2
        n = max(last, 0)
        lines[n] = lines[n] + b',"unterminated field'
    elif how == "stray":
        p = rng.choice(commas) + 2 if commas else 1
        lines[n] = line[:p] + b'"' + line[p:]
    elif how == "after-close":
        p = rng.choice(commas) + 1 if commas else 0
        end = line.find(b",", p)
        end = len(line) if end < 0 else end
        lines[n] = line[:p] + b'"' + line[p:end] + b'"tail' + line[end:]
    elif how == "lone-quote":
        lines.insert(n, b'"')
    else:
        lines[n] = b'""""' + line
    folder.set_raw(name, b"\n".join(lines))
    return f"broken quoting ({how}): {name} line {n + 1}"


def re_encode(folder, name, codec, bom=b""):
    data = folder.raw(name)
    if data is None:
        return False
    folder.set_raw(name, bom + data.decode("utf-8", errors="replace").encode(codec, errors="replace"))
    return True


@mutation("encoding", 1, 6, "a file in UTF-16 with BOM, UTF-16LE without BOM, UTF-16BE, UTF-32, Latin-1 or "
          "cp1258 (Vietnamese Windows), invalid UTF-8 bytes inside a field, a UTF-8 BOM (once, twice, mid-file)")
def m_encoding(folder, rng):
    names = folder.existing()
    if not names:
        return None
    name = rng.choice(names + ["units.csv"] * 2)
    how = rng.choice(["utf-16", "utf-16-le", "utf-16-be-bom", "utf-32", "latin-1", "cp1258", "invalid-utf8",
                      "invalid-utf8", "utf8-bom", "utf8-double-bom", "utf8-bom-mid"])
    data = folder.raw(name)
    if data is None:
        return None
    if how == "utf-16":
        re_encode(folder, name, "utf-16")
        folder.refuse.append((name, "utf-16"))
    elif how == "utf-16-le":
        re_encode(folder, name, "utf-16-le")
        folder.refuse.append((name, "utf-16-le"))
    elif how == "utf-16-be-bom":
        re_encode(folder, name, "utf-16-be", b"\xfe\xff")
        folder.refuse.append((name, "utf-16-be"))
    elif how == "utf-32":
        re_encode(folder, name, "utf-32")
        folder.refuse.append((name, "utf-32"))
    elif how in ("latin-1", "cp1258"):
        re_encode(folder, name, how)
    elif how == "invalid-utf8":
        lines = data.split(b"\n")
        n = rng.randrange(len(lines))
        p = rng.randrange(len(lines[n]) + 1)
        bad = rng.choice(INVALID_UTF8)
        lines[n] = lines[n][:p] + bad + lines[n][p:]
        folder.set_raw(name, b"\n".join(lines))
        folder.refuse.append((name, "invalid utf-8"))
        return f"encoding invalid-utf8: {name} line {n + 1} += {bad!r}"
    elif how == "utf8-bom":
        folder.set_raw(name, b"\xef\xbb\xbf" + data)
    elif how == "utf8-double-bom":
        folder.set_raw(name, b"\xef\xbb\xbf\xef\xbb\xbf" + data)
    else:
        lines = data.split(b"\n")
        n = rng.randrange(len(lines))
        lines[n] = b"\xef\xbb\xbf" + lines[n]
        folder.set_raw(name, b"\n".join(lines))
    return f"encoding {how}: {name}"


@mutation("nul-bytes", 1, 4, "NUL bytes inside a field, in the header, at the end, or a file of NULs only")
def m_nul(folder, rng):
    names = folder.existing()
    if not names:
        return None
    name = rng.choice(names + ["units.csv"])
    data = folder.raw(name)
    if data is None:
        return None
    how = rng.choice(["field", "field", "header", "end", "only"])
    if how == "only":
        folder.set_raw(name, b"\x00" * 1024)
        folder.void(name)
        return f"nul bytes (file of NULs): {name}"
    lines = data.split(b"\n")
    n = 0 if how == "header" else len(lines) - 1 if how == "end" else rng.randrange(len(lines))
    p = rng.randrange(len(lines[n]) + 1)
    lines[n] = lines[n][:p] + b"\x00" * rng.choice([1, 1, 3]) + lines[n][p:]
    folder.set_raw(name, b"\n".join(lines))
    return f"nul bytes ({how}): {name} line {n + 1}"


@mutation("field-1mb", 0, 3, "a 1 MB text field (quoted, with commas, quotes and newlines, or plain letters)")
def m_big_field(folder, rng):
    t = cell_target(folder, rng, TEXT_COLUMNS)
    if not t:
        return None
    name, i, rows, column = t
    row = pick_row(rows, rng, i)
    if row is None:
        return None
    piece = rng.choice(["Mô hình dân vận khéo, \"điển hình\"\n", "a", "Xã Suối Giàng "])
    row[i] = (piece * (1_048_576 // len(piece.encode()) + 1))[:1_048_576]
    return f"1 MB field: {name} {column} of {row[0]!r} ({piece[:12]!r}...)"


@mutation("long-line", 1, 2, "a very long line: 100,000 columns of commas, or a 2 MB unquoted value")
def m_long_line(folder, rng):
    names = folder.existing()
    if not names:
        return None
    name = rng.choice(names)
    data = folder.raw(name)
    lines = data.split(b"\n")
    n = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
    if rng.random() < 0.5:
        lines[n] = lines[n] + b"," * 100_000
        what = "100,000 extra commas"
    else:
        lines[n] = lines[n] + b"x" * 2_000_000
        what = "2 MB unquoted value"
    folder.set_raw(name, b"\n".join(lines))
    return f"long line ({what}): {name} line {n + 1}"


@mutation("line-endings", 1, 3, "CRLF line endings, bare CR (old Mac), mixed endings, no final newline, blank "
          "and whitespace-only lines, trailing blank lines")
def m_endings(folder, rng):
    names = folder.existing()
    if not names:
        return None
    name = rng.choice(names)
    data = folder.raw(name)
    how = rng.choice(["crlf", "crlf", "cr", "mixed", "no-final-newline", "blank-lines", "trailing"])
    if how == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif how == "cr":
        data = data.replace(b"\n", b"\r")
    elif how == "mixed":
        lines = data.split(b"\n")
        data = b"".join(l + rng.choice([b"\n", b"\r\n", b"\r\n"]) for l in lines)
    elif how == "no-final-newline":
        data = data.rstrip(b"\n")
    elif how == "blank-lines":
        lines = data.split(b"\n")
        for _ in range(5):
            lines.insert(rng.randrange(1, len(lines) + 1), rng.choice([b"", b"   ", b"\t", b" , , "]))
        data = b"\n".join(lines)
    else:
        data = data + b"\n\n\n   \n"
    folder.set_raw(name, data)
    return f"line endings ({how}): {name}"


@mutation("file-swap", 2, 4, "a file emptied (0 bytes), reduced to its header, removed (units.csv too), or "
          "replaced by a directory or a dangling symlink")
def m_files(folder, rng):
    name = rng.choice(FILES + ["units.csv", "models.csv"])
    how = rng.choice(["empty", "header-only", "missing", "missing", "directory", "symlink"])
    data = folder.raw(name)
    if how == "empty":
        folder.set_raw(name, b"")
    elif how == "header-only":
        if data is None:
            return None
        folder.set_raw(name, data.split(b"\n", 1)[0] + b"\n")
    elif how == "missing":
        folder.tables.pop(name, None)
        folder.files[name] = Folder.MISSING
        if name == "units.csv":
            folder.refuse.append((name, "missing"))
    elif how == "directory":
        folder.tables.pop(name, None)
        folder.files[name] = Folder.DIR
    else:
        folder.tables.pop(name, None)
        folder.files[name] = Folder.SYMLINK
    folder.void(name)
    if how == "directory":
        folder.refuse.append((name, "a directory"))
    elif how in ("missing", "symlink") and name == "units.csv":
        folder.refuse.append((name, how))
    return f"file {how}: {name}"


@mutation("fifo", 2, 0, "(opt-in: --mutations fifo) a FIFO in place of a file: reading it blocks")
def m_fifo(folder, rng):
    name = rng.choice(FILES)
    folder.tables.pop(name, None)
    folder.files[name] = Folder.FIFO
    folder.void(name)
    return f"file fifo: {name}"


@mutation("rows-doubled", 0, 1, "every row of a file appended again (duplicates everywhere)")
def m_doubled(folder, rng):
    names = [n for n in folder.existing() if n not in ("fields.csv",)]
    if not names:
        return None
    name = rng.choice(names)
    t = folder.table(name)
    if not t or not t[1]:
        return None
    t[1].extend([list(r) for r in t[1]])
    if name in ("units.csv", "models.csv", "targets.csv", "evaluations.csv"):
        folder.refuse.append((name, "rows doubled"))
    return f"rows doubled: {name}"


MUTATION_BY_NAME = {m[0]: m for m in MUTATIONS}


def build_folder(seeds, rng, allowed):
    folder = Folder(seeds)
    pool = [m for m in MUTATIONS if m[0] in allowed]
    weights = [m[2] for m in pool]
    wanted = rng.choice([1, 1, 2, 2, 3])
    chosen = []
    for _ in range(wanted):
        chosen.append(rng.choices(pool, weights)[0])
    chosen.sort(key=lambda m: m[1])
    done = []
    for m in chosen:
        same_phase = [p for p in pool if p[1] == m[1]]
        for attempt in range(8):
            # A mutation that does not apply here (no such column left...) gives way to another of its phase.
            pick = m if attempt == 0 else rng.choices(same_phase, [p[2] for p in same_phase])[0]
            desc = pick[4](folder, rng)
            if desc:
                done.append(desc)
                folder.kinds.append(pick[0])
                break
        folder.flush()
    return folder, done


# --------------------------------------------------------------------------
# Running dvk
# --------------------------------------------------------------------------

CRASH_TEXT = ["Fatal error", "Stack dump", "Illegal instruction", "SIGILL", "Segmentation", "💣", "Crash",
              "SIGTRAP", "SIGSEGV", "SIGBUS", "SIGABRT", "Trace/breakpoint", "Aborted", "Current stack trace",
              "Precondition failed", "Assertion failed", "Unexpectedly found nil", "Thread 0"]
BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u202e\u2028]")
CHAR_NAMES = {"\x1b": "ESC", "\x07": "BEL", "\x08": "BS", "\x7f": "DEL", "\r": "CR", "\x00": "NUL", "\x0b": "VT",
              "\x0c": "FF", "\x09": "TAB", "\u009b": "CSI(U+009B)", "\u0085": "NEL(U+0085)", "\u202e": "RLO(U+202E)",
              "\u2028": "LSEP(U+2028)"}
MAX_MESSAGE_LINES = 3
MAX_MESSAGE_CHARS = 4000


LIVE, LIVE_LOCK = set(), threading.Lock()
CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def proc_cpu(pid):
    """User + system seconds of a running process, 0 when /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return 0.0


def kill_group(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        try:
            p.kill()
        except ProcessLookupError:
            pass


def kill_live():
    with LIVE_LOCK:
        for p in list(LIVE):
            kill_group(p)


class Runner:
    def __init__(self, bin_path, timeout, lang, work):
        self.bin = bin_path
        self.timeout = timeout
        self.work = work
        home = os.path.join(work, "home")
        os.makedirs(home, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items() if k not in ("DVK_DB", "DVK_LANG", "XDG_DATA_HOME")}
        self.env.update({"DVK_LANG": lang, "HOME": home, "XDG_DATA_HOME": os.path.join(home, "data"),
                         "TERM": "dumb", "NO_COLOR": "1", "LC_ALL": "C.UTF-8", "COLUMNS": "100", "LINES": "30"})
        self.create_flag = None
        self.method = None        # "import" (import creates the file) or "template" (dvk init, then import)
        self.template = None
        self.reference = None     # table -> (count, digest) of a fresh database, or None
        self.has_check = False
        self.slow = 5.0           # CPU seconds above which a run is reported as slow (advisory)
        self.warnings = []

    def run(self, args, timeout=None):
        """Runs dvk; returns (rc or "timeout", stdout, stderr, {"cpu": s, "wall": s}).

        The limit is on the child's CPU time (user + system, from /proc), so a
        machine busy with builds does not turn slow runs into timeouts; the wall
        clock is still capped at 5 times the limit (a process blocked reading a
        FIFO uses no CPU at all)."""
        limit = timeout or self.timeout
        t0 = time.monotonic()
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            p = subprocess.Popen([self.bin] + args, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=self.env,
                                 start_new_session=True)
            with LIVE_LOCK:
                LIVE.add(p)
            cpu, timed_out, delay, rc = 0.0, False, 0.002, None
            try:
                while True:
                    pid, status, usage = os.wait4(p.pid, os.WNOHANG)
                    if pid:
                        rc = os.waitstatus_to_exitcode(status)
                        p.returncode = rc          # reaped here: Popen must not wait again
                        cpu = usage.ru_utime + usage.ru_stime
                        break
                    time.sleep(delay)
                    delay = min(delay * 2, 0.1)
                    cpu = max(cpu, proc_cpu(p.pid))
                    if cpu > limit or time.monotonic() - t0 > 5 * limit:
                        timed_out = True
                        kill_group(p)
                        _, _, usage = os.wait4(p.pid, 0)
                        p.returncode = -9
                        cpu = usage.ru_utime + usage.ru_stime
                        break
            finally:
                with LIVE_LOCK:
                    LIVE.discard(p)
            wall = time.monotonic() - t0
            out.seek(0)
            err.seek(0)
            o, e = out.read(), err.read()
        return ("timeout" if timed_out else rc), o, e, {"cpu": cpu, "wall": wall}

    def help_of(self, sub):
        rc, out, err, _ = self.run([sub, "--help"], timeout=30)
        text = (out + err).decode("utf-8", "replace")
        # An unknown subcommand falls through to `open` (the default): look for its own usage line.
        return text if rc == 0 and re.search(rf"USAGE: dvk {sub}\b", text) else None

    def preflight(self):
        """Finds how to make a fresh database and what one holds."""
        if not (os.path.isfile(self.bin) and os.access(self.bin, os.X_OK)):
            raise SystemExit(f"fuzz-import: {self.bin} is not an executable")
        ihelp = self.help_of("import")
        if ihelp is None:
            raise SystemExit(f"fuzz-import: `{self.bin} import --help` did not print the import usage")
        m = re.search(r"--(create|new|init)\b", ihelp)
        self.create_flag = f"--{m.group(1)}" if m else None
        self.has_check = self.help_of("check") is not None
        if not self.has_check:
            self.warnings.append("`dvk check` is missing: accepted imports are checked with PRAGMA integrity_check, "
                                 "foreign_key_check and unit cycle checks instead")
        pre = os.path.join(self.work, "preflight")
        ok = os.path.join(pre, "ok")
        empty = os.path.join(pre, "empty")
        os.makedirs(ok)
        os.makedirs(empty)
        with open(os.path.join(ok, "units.csv"), "w") as f:
            f.write("ref,name,kind\nX,Tỉnh X,province\n")
        db = os.path.join(pre, "a.sqlite")
        rc, out, err, _ = self.run(self.import_args(db, ok))
        if rc == 0:
            self.method = "import"
            ref_db = os.path.join(pre, "ref.sqlite")
            self.run(self.import_args(ref_db, empty))      # refused: no units.csv
            if os.path.exists(ref_db):
                self.reference = table_digests(ref_db)
            if self.help_of("init") is not None:           # a better reference when there is one
                init_db = os.path.join(pre, "init.sqlite")
                irc, _, _, _ = self.run(["init", "--db", init_db])
                if irc == 0 and os.path.exists(init_db):
                    self.reference = table_digests(init_db)
            return
        first = err.decode("utf-8", "replace").strip()
        if self.help_of("init") is not None:
            tdir = os.path.join(self.work, "template")
            os.makedirs(tdir)
            self.template = os.path.join(tdir, "db.sqlite")
            irc, _, ierr, _ = self.run(["init", "--db", self.template])
            if irc != 0:
                raise SystemExit(f"fuzz-import: `dvk init` failed ({irc}): {ierr.decode('utf-8', 'replace')}")
            self.method = "template"
            self.reference = table_digests(self.template)
            rc, _, err, _ = self.run(self.import_args(self.fresh_copy(os.path.join(pre, "t")), ok))
            if rc != 0:
                raise SystemExit("fuzz-import: importing a one-unit folder into a `dvk init` database failed: "
                                 + err.decode("utf-8", "replace"))
            self.warnings.append("`dvk import` does not create a database: each folder is imported into a copy "
                                 "of a `dvk init` database")
            return
        raise SystemExit("fuzz-import: cannot make a fresh database: `dvk import --db NEW DIR` refused "
                         f"({rc}: {first[:300]}) and there is no `dvk init`")

    def import_args(self, db, folder):
        return ["import"] + ([self.create_flag] if self.create_flag else []) + ["--db", db, folder]

    def fresh_copy(self, dirpath):
        os.makedirs(dirpath, exist_ok=True)
        db = os.path.join(dirpath, "db.sqlite")
        if self.template:
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(self.template + suffix):
                    shutil.copyfile(self.template + suffix, db + suffix)
        return db

    # One folder, all invariants -----------------------------------------
    def check_folder(self, folder, scratch, screens=False):
        """Returns (outcome, findings, timings): outcome 'accepted' | 'refused' | 'broken'."""
        findings = []
        dbdir = os.path.join(scratch, "db")
        shutil.rmtree(dbdir, ignore_errors=True)
        db = self.fresh_copy(dbdir) if self.method == "template" else os.path.join(dbdir, "db.sqlite")
        os.makedirs(dbdir, exist_ok=True)
        rc, out, err, t = self.run(self.import_args(db, folder))
        etext = err.decode("utf-8", "replace")
        timings = {"import": t["cpu"]}

        def add(kind, detail, rc_=rc, stderr=etext, stdout=b""):
            findings.append({"kind": kind, "detail": detail, "rc": rc_, "stderr": stderr,
                             "stdout": stdout.decode("utf-8", "replace") if isinstance(stdout, bytes) else stdout})

        def slow(what, t, rc_, stderr):
            if rc_ == "timeout":
                add(f"{what}-timeout", f"killed after {t['cpu']:.1f} s CPU, {t['wall']:.1f} s wall "
                    f"(limit {self.timeout:g} s CPU)", rc_, stderr)
                return True
            if t["cpu"] > self.slow:
                add(f"slow-{what}", f"{t['cpu']:.1f} s CPU (advisory limit {self.slow:g} s)", rc_, stderr)
            return False

        if slow("import", t, rc, etext):
            return "broken", findings, timings
        crash = crash_signature(rc, etext)
        if crash:
            add("import-crash", crash)
            return "broken", findings, timings
        if rc != 0:
            lines = etext.rstrip("\n").split("\n") if etext.strip() else []
            if not lines:
                add("import-bad-message", "non-zero exit with nothing on stderr")
            elif not lines[0].startswith("dvk:"):
                add("import-bad-message", "first line does not start with 'dvk:': " + shape(lines[0]))
            elif len(lines) > MAX_MESSAGE_LINES or len(etext) > MAX_MESSAGE_CHARS:
                add("import-long-message", f"{len(lines)} lines, {len(etext)} characters")
            for c in bad_chars(etext):
                add("escape-import-message", f"raw {c} in the refusal on stderr")
            changed = self.partial(db)
            if changed:
                add("partial-store", "refused import left rows: " + changed)
            return "refused", findings, timings
        # Accepted.
        problems = self.integrity(db)
        if self.has_check:
            crc, cout, cerr, ct = self.run(["check", "--db", db])
            timings["check"] = ct["cpu"]
            ctext = (cout + cerr).decode("utf-8", "replace")
            c = crash_signature(crc, ctext)
            if slow("check", ct, crc, ctext):
                pass
            elif c:
                add("check-crash", c, crc, ctext)
            elif crc != 0:
                add("check-failed", "dvk check: " + shape(first_line(ctext)), crc, ctext)
        if problems:
            add("check-failed", problems, 0, "")
        commands = [["status", "--db", db]]
        if screens:
            commands += [["snapshot", s, "--db", db, "--width", "100", "--height", "30"]
                         for s in ("overview", "units", "models", "satisfaction")]
        for args in commands:
            what = args[0] if args[0] == "status" else f"snapshot-{args[1]}"
            src, sout, serr, st = self.run(args)
            timings[what] = st["cpu"]
            stext = serr.decode("utf-8", "replace")
            c = crash_signature(src, stext)
            if slow(what, st, src, stext):
                continue
            if c:
                add(f"{what}-crash", c, src, stext, sout)
            elif src != 0:
                slines = stext.rstrip("\n").split("\n") if stext.strip() else []
                if not slines or not slines[0].startswith("dvk:"):
                    add(f"{what}-bad-message", "non-zero exit without a 'dvk:' message: "
                        + shape(slines[0] if slines else ""), src, stext, sout)
            for ch in bad_chars(sout.decode("utf-8", "replace") + stext):
                add(f"escape-{what}", f"raw {ch} in the output of dvk {' '.join(args[:2 if what != 'status' else 1])}",
                    src, stext, sout)
        return "accepted", findings, timings

    def partial(self, db):
        if not os.path.exists(db):
            return ""
        try:
            now = table_digests(db)
        except sqlite3.DatabaseError as e:
            return f"database unreadable after refusal ({e})"
        changed = []
        if self.reference is not None:
            for t in sorted(set(now) | set(self.reference)):
                if now.get(t) != self.reference.get(t):
                    changed.append(f"{t} ({self.reference.get(t, (0,))[0]} -> {now.get(t, (0,))[0]} rows)")
        else:
            for t in DATA_TABLES:
                if now.get(t, (0,))[0] > 0:
                    changed.append(f"{t} ({now[t][0]} rows)")
        return ", ".join(changed)

    def integrity(self, db):
        """PRAGMA checks and unit cycles: always run, the fallback for a missing `dvk check`."""
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                ic = [r[0] for r in con.execute("PRAGMA integrity_check")]
                fk = con.execute("PRAGMA foreign_key_check").fetchall()
                problems = []
                if ic != ["ok"]:
                    problems.append("integrity_check: " + "; ".join(ic[:3]))
                if fk:
                    problems.append(f"foreign_key_check: {len(fk)} rows, first {fk[0]}")
                if not self.has_check:
                    cols = {r[1] for r in con.execute("PRAGMA table_info(unit)")}
                    for col in ("parent_id", "merged_into_id"):
                        if col in cols:
                            links = dict(con.execute(f"SELECT id, {col} FROM unit WHERE {col} IS NOT NULL"))
                            cyc = find_cycle(links)
                            if cyc:
                                problems.append(f"unit.{col} cycle through ids {cyc}")
                return "; ".join(problems)
            finally:
                con.close()
        except sqlite3.DatabaseError as e:
            return f"database unreadable after import ({e})"


DATA_TABLES = ["unit", "model", "evaluation", "recognition", "award", "survey", "plan_adoption", "reported_figure",
               "directive", "unit_year_count", "audit_log"]


def table_digests(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for n in names:
            rows = con.execute(f'SELECT * FROM "{n}"').fetchall()
            h = hashlib.sha1(repr(sorted(map(repr, rows))).encode()).hexdigest()
            out[n] = (len(rows), h)
        return out
    finally:
        con.close()


def find_cycle(links):
    for start in links:
        seen, cur = [], start
        while cur in links:
            if cur in seen:
                return seen[seen.index(cur):]
            seen.append(cur)
            cur = links[cur]
    return None


def crash_signature(rc, text):
    """A short stable description of a crash, or None."""
    if rc == "timeout":
        return None
    hit = next((t for t in CRASH_TEXT if t in text), None)
    if not (isinstance(rc, int) and (rc < 0 or rc >= 128)) and not hit:
        return None
    sig = f"signal {signal.Signals(-rc).name}" if isinstance(rc, int) and rc < 0 and -rc in signal.Signals._value2member_map_ \
        else f"exit {rc}"
    line = next((l for l in text.split("\n") if "Fatal error" in l or "Precondition" in l or "Unexpectedly" in l), "")
    if line:
        # ".../Foo.swift:123: Fatal error: Double value cannot be converted ..." -> "Foo.swift:123: Fatal error: ..."
        line = re.sub(r"^.*/", "", line.strip())
        return f"{sig}: {line[:200]}"
    return f"{sig}" + (f" ({hit})" if hit else "")


def first_line(text):
    return next((l for l in text.split("\n") if l.strip()), "")


def shape(line):
    """A message with its values blanked, so equal causes group together."""
    s = re.sub(r"“[^”]*”", "“…”", line)
    s = re.sub(r"\d+", "N", s)
    return visible(s[:160])


def visible(s):
    return BAD_CHAR.sub(lambda m: f"<{CHAR_NAMES.get(m.group(), 'U+%04X' % ord(m.group()))}>", s)


def bad_chars(text):
    return sorted({CHAR_NAMES.get(c, "U+%04X" % ord(c)) for c in BAD_CHAR.findall(text)})


def class_of(f):
    """Groups findings: the kind plus what tells causes apart."""
    kind, d = f["kind"], f["detail"]
    if kind.endswith("-crash"):
        key = re.sub(r"(\.swift:)\d+", r"\1N", d)
        key = re.sub(r"“[^”]*”|'[^']*'|\"[^\"]*\"", "…", key)
        if "Fatal" not in key:
            key = re.sub(r"\d+", "N", key)
    elif kind == "partial-store":
        key = ",".join(sorted(re.findall(r"(\w+) \(", d)))
    elif kind.startswith("escape"):
        key = d
    elif kind == "suspect-accepted":
        key = re.sub(r"'[^']*'|=\S+|-> \S+|\d+", "", d.split(": ", 1)[-1]).strip()[:80]
    elif kind == "check-failed":
        key = re.sub(r"\[.*?\]|\(.*?\)|“[^”]*”|\d+", "", d).strip()[:80]
    elif kind.endswith("-bad-message"):
        key = d[:60]
    else:
        key = ""
    return kind, key


def slug(kind, key):
    s = re.sub(r"[^A-Za-z0-9]+", "-", key).strip("-")[:50]
    h = hashlib.sha1(f"{kind}|{key}".encode()).hexdigest()[:6]
    return f"{kind}-{s}-{h}" if s else f"{kind}-{h}"


# --------------------------------------------------------------------------
# Minimising a failing folder
# --------------------------------------------------------------------------

def snapshot_folder(path):
    """Files of a written folder as Folder-like entries."""
    entries = {}
    for name in os.listdir(path):
        p = os.path.join(path, name)
        if name == "FINDING.txt":
            continue
        if os.path.islink(p) and not os.path.exists(p):
            entries[name] = Folder.SYMLINK
        elif os.path.isdir(p):
            entries[name] = Folder.DIR
        elif os.path.isfile(p):
            with open(p, "rb") as f:
                entries[name] = f.read()
    return entries


def write_entries(entries, path):
    shutil.rmtree(path, ignore_errors=True)
    f = Folder.__new__(Folder)
    f.files, f.tables, f.refuse, f.kinds = dict(entries), {}, [], []
    f.write(path)


def mentioned_files(mutations):
    return {m for text in mutations for m in re.findall(r"[a-z_]+\.csv", text)} | \
        ({"settings.csv"} if any(t.startswith("data_as_of") for t in mutations) else set())


def minimise(runner, entries, wanted, scratch, budget, screens, mutations=()):
    """Drops files, then lines (each file's header kept), while the same failure class shows.

    Files first: all but units.csv and the files the mutations touched, then one at a time;
    then each file's records by delta debugging (keep a chunk, else drop a chunk)."""
    runs = [0]

    def reproduces(cand):
        if runs[0] >= budget:
            return False
        runs[0] += 1
        d = os.path.join(scratch, "cand")
        write_entries(cand, d)
        _, findings, _ = runner.check_folder(d, os.path.join(scratch, "run"), screens)
        return any(class_of(f) == wanted for f in findings)

    def size(v):
        return len(v) if isinstance(v, bytes) else 0

    entries = dict(entries)
    keep = mentioned_files(mutations) | {"units.csv"}
    cand = {k: v for k, v in entries.items() if k in keep}
    if len(cand) < len(entries) and reproduces(cand):
        entries = cand
    for name in sorted(entries, key=lambda n: -size(entries[n])):
        cand = {k: v for k, v in entries.items() if k != name}
        if reproduces(cand):
            entries = cand
    # The files the mutations touched first (the fault is there), then the rest, largest first;
    # twice, as a file that shrank lets the records it pointed at go.
    for _ in range(2):
        before = dict(entries)
        for name in sorted(entries, key=lambda n: (n not in keep or n == "units.csv", -size(entries[n]))):
            data = entries[name]
            if not isinstance(data, bytes) or data.count(b"\n") < 2:
                continue
            lines = data.split(b"\n")
            head, body = lines[:1], lines[1:]

            def test(b):
                cand = dict(entries)
                cand[name] = b"\n".join(head + b)
                return reproduces(cand)

            body = ddmin(body, test, lambda: runs[0] < budget)
            entries = dict(entries)
            entries[name] = b"\n".join(head + body)
        if entries == before or runs[0] >= budget:
            break
    return entries, runs[0]


def ddmin(items, test, more):
    """A smaller list for which test() still holds (Zeller's delta debugging)."""
    if items and test([]):
        return []
    n = 2
    while len(items) >= 2 and more():
        chunk = -(-len(items) // n)
        parts = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        for p in parts:                              # one chunk alone
            if test(p):
                items, n = p, 2
                break
        else:
            for i in range(len(parts)):              # all but one chunk
                rest = [x for j, q in enumerate(parts) if j != i for x in q]
                if test(rest):
                    items, n = rest, max(n - 1, 2)
                    break
            else:
                if n >= len(items):
                    break
                n = min(n * 2, len(items))
    return items


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------

def describe(f, mutations, limit=4):
    out = [f"  [{f['kind']}] {f['detail']}", f"    exit: {f['rc']}"]
    for m in mutations:
        out.append(f"    mutation: {visible(m)}")
    lines = [l for l in f["stderr"].split("\n") if l.strip()][:limit]
    for l in lines:
        out.append(f"    stderr: {visible(l[:240])}")
    return "\n".join(out)


def write_finding_note(path, index, seed, mutations, findings, bin_path, extra=""):
    with open(os.path.join(path, "FINDING.txt"), "w", encoding="utf-8") as f:
        f.write(f"folder #{index} of seed {seed}\n" if index is not None else "")
        for m in mutations:
            f.write(f"mutation: {visible(m)}\n")
        for x in findings:
            f.write(f"\n[{x['kind']}] {visible(x['detail'])}\nexit: {x['rc']}\n")
            for l in [l for l in x["stderr"].split("\n") if l.strip()][:20]:
                f.write(f"stderr: {visible(l[:500])}\n")
        f.write(extra)
        f.write(f"\nreplay: python3 scripts/fuzz-import.py {bin_path} --replay {path}\n")


def main():
    names = [m[0] for m in MUTATIONS]
    default = [m[0] for m in MUTATIONS if m[2] > 0]
    ap = argparse.ArgumentParser(description="Fuzz `dvk import` with mutated copies of seeds/.",
                                 epilog="mutations: " + ", ".join(names))
    ap.add_argument("bin", metavar="BIN", help="the dvk binary (a debug build is fine)")
    ap.add_argument("--count", type=int, default=300, help="folders to generate (default 300)")
    ap.add_argument("--seed", type=int, default=None, help="seed; random (and printed) by default")
    ap.add_argument("--jobs", type=int, default=2, help="parallel workers (default 2)")
    ap.add_argument("--timeout", type=float, default=20.0,
                    help="CPU seconds per dvk run (default 20; the wall clock is capped at 5 times this)")
    ap.add_argument("--slow", type=float, default=5.0, help="CPU seconds above which a run is reported as slow "
                    "(advisory; default 5)")
    ap.add_argument("--keep", metavar="DIR", help="keep every failing folder under DIR")
    ap.add_argument("--findings", metavar="DIR", help="keep one minimised folder per failure class under DIR/<class>/")
    ap.add_argument("--minimise-budget", type=int, default=150, help="dvk runs per class when minimising (default 150)")
    ap.add_argument("--seeds", default=os.path.join(ROOT, "seeds"), help="seed folder (default: the project's seeds/)")
    ap.add_argument("--mutations", help="comma-separated mutation names to draw from (default: all but fifo)")
    ap.add_argument("--only", help="comma-separated folder numbers to run (with the same --seed)")
    ap.add_argument("--lang", default="vi", choices=["vi", "en"], help="DVK_LANG for the runs (default vi)")
    ap.add_argument("--screens", action="store_true", help="also render the four screens with dvk snapshot")
    ap.add_argument("--strict", action="store_true", help="advisory findings (suspect, slow) count as failures")
    ap.add_argument("--allow-escapes", action="store_true", help="escape findings do not fail the run")
    ap.add_argument("--replay", nargs="+", metavar="DIR", help="check kept folders instead of generating")
    ap.add_argument("--list", action="store_true", help="print the mutation catalogue and exit")
    ap.add_argument("--verbose", "-v", action="store_true", help="one line per folder")
    a = ap.parse_args()

    if a.list:
        for name, phase, weight, doc, _ in MUTATIONS:
            print(f"{name:16} {doc}")
        return 0
    allowed = set(a.mutations.split(",")) if a.mutations else set(default)
    unknown = allowed - set(names)
    if unknown:
        ap.error("unknown mutations: " + ", ".join(sorted(unknown)))
    bin_path = os.path.abspath(a.bin)

    def on_term(signum, frame):
        kill_live()
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, on_term)
    seed = a.seed if a.seed is not None else random.SystemRandom().randrange(1, 2**31)
    work = tempfile.mkdtemp(prefix="dvk-fuzz-import.")
    started = time.monotonic()
    try:
        runner = Runner(bin_path, a.timeout, a.lang, work)
        runner.slow = a.slow
        runner.preflight()
        print(f"fuzz-import: seed {seed}" + ("" if a.replay else f", {len(a.only.split(',')) if a.only else a.count} folders, {a.jobs} workers") +
              f", binary {bin_path}")
        print(f"fuzz-import: fresh database by {'`dvk import' + (' ' + runner.create_flag if runner.create_flag else '') + '`' if runner.method == 'import' else '`dvk init` + copy'}"
              f"; `dvk check` {'present' if runner.has_check else 'MISSING'}")
        for w in runner.warnings:
            print(f"fuzz-import: warning: {w}")
        sys.stdout.flush()

        if a.replay:
            jobs = [(i, os.path.abspath(d), None) for i, d in enumerate(a.replay)]
            for _, d, _ in jobs:
                if not os.path.isdir(d):
                    raise SystemExit(f"fuzz-import: {d} is not a folder")
        else:
            indices = [int(x) for x in a.only.split(",")] if a.only else range(a.count)
            jobs = [(i, None, None) for i in indices]

        lock = threading.Lock()
        results = []

        def one(job):
            i, given, _ = job
            scratch = os.path.join(work, f"w{i:05d}")
            if given:
                path, suspects, kinds = given, [], []
                note = os.path.join(given, "FINDING.txt")
                muts = []
                if os.path.exists(note):
                    with open(note, encoding="utf-8", errors="replace") as f:
                        muts = [l[len("mutation: "):].rstrip("\n") for l in f if l.startswith("mutation: ")]
                muts = muts or ["(replayed folder)"]
            else:
                rng = random.Random(f"{seed}:{i}")
                folder, muts = build_folder(a.seeds, rng, allowed)
                path = os.path.join(scratch, "in")
                folder.write(path)
                suspects = folder.refuse
                kinds = folder.kinds
            try:
                outcome, findings, timings = runner.check_folder(path, scratch, a.screens)
            except Exception as e:    # the harness itself
                outcome, findings, timings = "broken", [{"kind": "harness-error", "detail": repr(e), "rc": None,
                                                         "stderr": "", "stdout": ""}], {}
            if outcome == "accepted" and suspects:
                findings.append({"kind": "suspect-accepted", "detail": "accepted although: " +
                                 "; ".join(f"{f}: {r}" for f, r in suspects[:3]), "rc": 0, "stderr": "", "stdout": ""})
            r = {"index": i, "path": path, "mutations": muts, "kinds": kinds, "outcome": outcome, "findings": findings,
                 "timings": timings, "scratch": scratch}
            if findings and a.keep and not given:
                dest = os.path.join(os.path.abspath(a.keep), f"{i:04d}-{findings[0]['kind']}")
                shutil.rmtree(dest, ignore_errors=True)
                write_entries(snapshot_folder(path), dest)
                write_finding_note(dest, i, seed, muts, findings, bin_path)
                r["kept"] = dest
            if not findings and not given:
                shutil.rmtree(scratch, ignore_errors=True)
            with lock:
                results.append(r)
                if a.verbose:
                    print(f"  #{i:04d} {outcome:8} {' '.join(f['kind'] for f in findings) or 'ok':24} "
                          f"{'; '.join(visible(m)[:70] for m in muts)}", flush=True)
                elif len(results) % 50 == 0:
                    print(f"fuzz-import: {len(results)}/{len(jobs)} folders, {time.monotonic() - started:.0f} s",
                          flush=True)
            return r

        with futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
            list(pool.map(one, jobs))
        results.sort(key=lambda r: r["index"])
        fuzz_secs = time.monotonic() - started

        # Summary -------------------------------------------------------
        def advisory(kind):
            return kind.startswith(("suspect", "slow"))

        def fatal(kind):
            if advisory(kind):
                return a.strict
            if kind.startswith("escape"):
                return not a.allow_escapes
            return True

        accepted = sum(r["outcome"] == "accepted" for r in results)
        refused = sum(r["outcome"] == "refused" for r in results)
        broken = sum(r["outcome"] == "broken" for r in results)
        by_kind, classes = {}, {}
        for r in results:
            for f in r["findings"]:
                by_kind[f["kind"]] = by_kind.get(f["kind"], 0) + 1
                c = class_of(f)
                classes.setdefault(c, []).append((r, f))
        failing = [r for r in results if any(fatal(f["kind"]) for f in r["findings"])]
        slowest = max(results, key=lambda r: sum(r["timings"].values()), default=None)
        cpu = sum(sum(r["timings"].values()) for r in results)

        print()
        print(f"fuzz-import: {len(results)} folders: {accepted} accepted, {refused} refused, {broken} broken "
              f"(crash or timeout); {len(failing)} failing; {fuzz_secs:.0f} s wall, {cpu:.0f} s CPU in dvk "
              f"(about {cpu / max(1, min(a.jobs, os.cpu_count() or 1)):.0f} s on {min(a.jobs, os.cpu_count() or 1)} idle cores)")
        if slowest and slowest["timings"]:
            print(f"  slowest folder #{slowest['index']}: " +
                  ", ".join(f"{k} {v:.1f} s CPU" for k, v in slowest["timings"].items()))
        if not a.replay:
            # How often each mutation was drawn and what became of its folders: coverage at a glance.
            table = {}
            for r in results:
                for k in set(r["kinds"]):
                    row = table.setdefault(k, [0, 0, 0, 0])
                    row[0] += 1
                    row[1] += r["outcome"] == "accepted"
                    row[2] += r["outcome"] == "refused"
                    row[3] += r in failing
            print("  mutation          folders accepted refused failing")
            for k in [m[0] for m in MUTATIONS if m[0] in table]:
                n, acc, ref, bad = table[k]
                print(f"  {k:16} {n:8} {acc:8} {ref:7} {bad:7}")
        for section, pick in (("failures", lambda k: not k.startswith("escape") and not advisory(k)),
                              ("escape findings (sanitiser)", lambda k: k.startswith("escape")),
                              ("advisory findings (suspect acceptances, slow runs)", advisory)):
            kinds = {k: n for k, n in by_kind.items() if pick(k)}
            if not kinds:
                continue
            print(f"\n{section} by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
            for (kind, key), hits in sorted(classes.items()):
                if not pick(kind):
                    continue
                print(f"\n class {slug(kind, key)}: {len(hits)} folder(s): " +
                      ", ".join(f"#{r['index']}" for r, _ in hits[:20]) + (" ..." if len(hits) > 20 else ""))
                r, f = min(hits, key=lambda h: len(h[0]["mutations"]))
                print(f"  e.g. folder #{r['index']}" + (f" (kept: {r['kept']})" if r.get("kept") else ""))
                print(describe(f, r["mutations"]))

        # One minimised folder per class ----------------------------------
        if a.findings and classes:
            dest_root = os.path.abspath(a.findings)
            os.makedirs(dest_root, exist_ok=True)
            print(f"\nfuzz-import: minimising one folder per class into {dest_root}/")
            todo = sorted(classes.items())

            def mini(item):
                (kind, key), hits = item
                r, f = min(hits, key=lambda h: (len(h[0]["mutations"]), h[0]["index"]))
                entries = snapshot_folder(r["path"])
                scratch = os.path.join(work, f"min-{slug(kind, key)}")
                if advisory(kind) or kind == "harness-error":
                    runs = 0       # "accepted" or "slow" is no test of the cause: keep the folder as it was
                else:
                    # A timeout costs the whole limit per try: few tries.
                    budget = min(a.minimise_budget, 8) if kind.endswith("-timeout") else a.minimise_budget
                    entries, runs = minimise(runner, entries, (kind, key), scratch, budget, a.screens,
                                             r["mutations"])
                dest = os.path.join(dest_root, slug(kind, key))
                write_entries(entries, dest)
                _, findings, _ = runner.check_folder(dest, os.path.join(scratch, "final"), a.screens)
                same = [x for x in findings if class_of(x) == (kind, key)]
                if kind.startswith("suspect"):
                    same = [f]     # judged when the folder was made, not by a run
                sizes = sum(len(v) for v in entries.values() if isinstance(v, bytes))
                write_finding_note(dest, r["index"], seed, r["mutations"], same or [f], bin_path,
                                   f"\nminimised in {runs} runs to {len(entries)} file(s), {sizes} bytes; "
                                   f"reproduces now: {'yes' if same else 'NO'}\n")
                return dest, runs, bool(same), len(entries), sizes

            with futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
                for dest, runs, ok, nfiles, size in pool.map(mini, todo):
                    print(f"  {dest}  ({nfiles} files, {size} bytes, {runs} runs, "
                          f"{'reproduces' if ok else 'DOES NOT reproduce'})")

        print(f"\nfuzz-import: seed {seed}; {len(results)} folders; {accepted} accepted; {refused} refused; "
              f"{len(failing)} failing; {sum(by_kind.get(k, 0) for k in by_kind if k.startswith('escape'))} escape; "
              f"{sum(by_kind.get(k, 0) for k in by_kind if advisory(k))} advisory; "
              f"{time.monotonic() - started:.0f} s")
        if failing and a.keep:
            print(f"fuzz-import: failing folders kept under {os.path.abspath(a.keep)}/")
        return 1 if failing else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit as e:
        if isinstance(e.code, str):          # the harness could not run: not a finding
            print(e.code, file=sys.stderr)
            sys.exit(2)
        raise
    except KeyboardInterrupt:
        kill_live()
        sys.exit(130)
    except BrokenPipeError:          # `| head`
        kill_live()
        sys.exit(1)
