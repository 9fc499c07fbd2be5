#!/usr/bin/python3
"""Print what an .xlsx holds, for tests and e2e scripts.

    scripts/check-xlsx.py FILE.xlsx [--formats]

One JSON object per line. For each sheet first
    {"sheet": NAME, "freeze": "A5" or null, "autofilter": "A4:D9" or null,
     "rows": N, "columns": M}
then one line per row: a JSON list of the cell values with their types kept
(numbers stay int/float, dates become ISO strings "2025-12-15", or with a time
"2025-12-15T08:30:00", empty cells null). With --formats each cell is instead
    {"v": value, "type": "int"|"float"|"str"|"date"|"bool"|"null",
     "dt": openpyxl's data_type ("n", "s", "d", "f" for a formula...),
     "fmt": number_format, "bold": true|false}

Uses Debian's python3-openpyxl: run with /usr/bin/python3 (the python3 on
PATH may be another interpreter without it).
"""
import datetime
import json
import signal
import sys

import openpyxl


def plain(value):
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def kind(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return "date"
    return "str"


def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends quietly
    args = [a for a in argv[1:] if not a.startswith("--")]
    formats = "--formats" in argv[1:]
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        book = openpyxl.load_workbook(args[0])
    except Exception as error:  # a broken or missing file: say so, exit 1
        print(f"check-xlsx: cannot read {args[0]}: {error}", file=sys.stderr)
        return 1
    for sheet in book.worksheets:
        info = {
            "sheet": sheet.title,
            "freeze": sheet.freeze_panes,
            "autofilter": sheet.auto_filter.ref,
            "rows": sheet.max_row,
            "columns": sheet.max_column,
        }
        print(json.dumps(info, ensure_ascii=False))
        for row in sheet.iter_rows():
            if formats:
                cells = [{"v": plain(c.value), "type": kind(c.value), "dt": c.data_type, "fmt": c.number_format,
                          "bold": bool(c.font and c.font.b)} for c in row]
            else:
                cells = [plain(c.value) for c in row]
            print(json.dumps(cells, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
