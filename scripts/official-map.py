#!/usr/bin/env python3
"""Derives dvk's official map of Vietnam from the `vietnamadminunits` package.

The program reads the file this writes (Sources/DVKStore/Resources/vietnam-units.tsv)
and never needs Python or a network; this script is run by a developer when the
official lists change:

    python3 scripts/official-map.py            # downloads the pinned wheel with pip
    python3 scripts/official-map.py WHEEL.whl  # or reads a wheel already at hand

Source: vietnamadminunits 1.0.4 (MIT, Tran Ngoc Minh Hieu), which carries the
government's list of 2025 (34 provinces, 3,321 communes, wards and special
zones), the legacy list (63 provinces, their districts and communes) and which
legacy commune became which new one, with a default successor for the ones
divided among several.

Output: one unit per line, tab-separated, in this column order:
    era     "new" (in force from 01/07/2025) or "old" (in force until 30/06/2025)
    code    official code (province 2 digits, district 3, commune 5); codes
            repeat between the eras, so (era, code) is the key
    level   the level word: tỉnh, thành phố, huyện, quận, thị xã, xã, phường,
            thị trấn, đặc khu
    name    the full official name ("Phường Lào Cai")
    parent  the parent's code in the same era ("" for a province)
    successor        old units only: the new unit its records follow
                     (a province → its new province, a district → its new
                     province, since the level was abolished; a commune → its
                     new commune, the default one when it was divided)
    also    old communes divided among several: the other successors, ";"-joined
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "vietnamadminunits==1.0.4"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "DVKStore", "Resources", "vietnam-units.tsv")


def wheel_path(argv):
    if len(argv) > 1:
        return argv[1]
    folder = tempfile.mkdtemp(prefix="dvk-map-")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", folder, PACKAGE], check=True)
    return os.path.join(folder, next(f for f in os.listdir(folder) if f.endswith(".whl")))


def main(argv):
    work = tempfile.mkdtemp(prefix="dvk-map-")
    with zipfile.ZipFile(wheel_path(argv)) as z:
        z.extract("vietnamadminunits/data/dataset.db", work)
        converter = json.loads(z.read("vietnamadminunits/data/converter_2025.json"))
    db = sqlite3.connect(os.path.join(work, "vietnamadminunits/data/dataset.db"))

    rows = []
    # Today's map.
    new_province = {}   # province key -> code
    new_ward = {}       # (province key, ward key) -> code
    for (name, code, key) in db.execute("SELECT DISTINCT province, provinceCode, provinceKey FROM admin_units"):
        new_province[key] = code
        level = "thành phố" if name.startswith("Thành phố") else "tỉnh"
        rows.append(("new", code, level, name, "", "", ""))
    for (pkey, pcode, name, wtype, code, wkey) in db.execute(
            "SELECT provinceKey, provinceCode, ward, wardType, wardCode, wardKey FROM admin_units"):
        new_ward[(pkey, wkey)] = code
        rows.append(("new", code, wtype.lower(), name, pcode, "", ""))

    # Which new province and new commune each legacy one became.
    province_of = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    successors = {}  # legacy "province_district_ward" key -> [default code, other codes...]
    for pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in wards.items():
            for old in olds:
                successors[old] = [new_ward[(pkey, wkey)]]
    for pkey, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, news in divided.items():
            codes = [new_ward[(pkey, n["newWardKey"])] for n in news]
            default = [new_ward[(pkey, n["newWardKey"])] for n in news if n["isDefaultNewWard"]]
            successors[old] = default[:1] + [c for c in codes if c not in default[:1]]

    seen_province, seen_district = set(), set()
    missing = []
    for r in db.execute("""SELECT province, provinceCode, provinceKey, district, districtType, districtCode, districtKey,
                                  ward, wardType, wardCode, wardKey FROM admin_units_legacy"""):
        (pname, pcode, pkey, dname, dtype, dcode, dkey, wname, wtype, wcode, wkey) = r
        new_pcode = new_province[province_of[pkey]]
        if pcode not in seen_province:
            seen_province.add(pcode)
            level = "thành phố" if pname.startswith("Thành phố") else "tỉnh"
            rows.append(("old", pcode, level, pname, "", new_pcode, ""))
        if dcode not in seen_district:
            seen_district.add(dcode)
            # An island district without communes became a special zone whole.
            island = successors.get(f"{pkey}_{dkey}_")
            rows.append(("old", dcode, dtype.lower(), dname, pcode, island[0] if island else new_pcode, ""))
        if not wcode:
            continue
        follow = successors.get(f"{pkey}_{dkey}_{wkey}")
        if not follow:
            missing.append(wname + ", " + dname + ", " + pname)
            follow = [new_pcode]
        rows.append(("old", wcode, wtype.lower(), wname, dcode, follow[0], ";".join(follow[1:])))

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Derived by scripts/official-map.py from " + PACKAGE + " (MIT). Do not edit by hand.\n")
        f.write("era\tcode\tlevel\tname\tparent\tsuccessor\talso\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    counts = {}
    for row in rows:
        counts[(row[0], row[2])] = counts.get((row[0], row[2]), 0) + 1
    for k in sorted(counts):
        print(k[0], k[1], counts[k], file=sys.stderr)
    print(f"divided: {sum(1 for r in rows if r[6])}; without a successor: {len(missing)}", file=sys.stderr)
    for m in missing[:20]:
        print("  no successor:", m, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
