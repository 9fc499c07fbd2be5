#!/usr/bin/python3
"""Reads a .docx back with python-docx, as Word would see it.

    python3 scripts/check-docx.py FILE.docx [--expect TEXT]...

Prints the body paragraphs, then each table (one row a line, cells
tab-separated). Exits 1 with a message when an expected text is in no
paragraph and no table cell, when the first section is not A4 portrait,
or when the body font (the Normal style, else the document defaults) or
any run's own font is not Times New Roman.

python-docx is Debian's python3-docx, installed for /usr/bin/python3; when
the `python3` on PATH (pyenv here) lacks it, the script re-runs itself there.
"""
import argparse
import os
import sys

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    system = "/usr/bin/python3"
    if os.path.exists(system) and os.path.realpath(sys.executable) != os.path.realpath(system) \
            and not os.environ.get("DVK_CHECK_DOCX_REEXEC"):
        os.environ["DVK_CHECK_DOCX_REEXEC"] = "1"
        os.execv(system, [system] + sys.argv)
    sys.exit("check-docx: python-docx is missing: apt-get install python3-docx (or pip install python-docx)")

FONT = "Times New Roman"
# A4 in EMU (914400 per inch): 210 x 297 mm; 1 mm of slack for rounding.
A4_WIDTH, A4_HEIGHT, SLACK = 7560000, 10692000, 36000


def cell_text(cell):
    return " / ".join(p.text for p in cell.paragraphs)


def body_font(document):
    """The font the body text falls back to: Normal style, then docDefaults."""
    name = document.styles["Normal"].font.name
    if name:
        return name
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        fonts = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:rFonts"))
        if fonts is not None:
            return fonts.get(qn("w:ascii"))
    return None


def all_runs(document):
    for paragraph in document.paragraphs:
        yield from paragraph.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield from paragraph.runs
    for section in document.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous:
                continue
            for paragraph in part.paragraphs:
                yield from paragraph.runs


def main():
    parser = argparse.ArgumentParser(description="Print and check a .docx written by dvk.")
    parser.add_argument("file")
    parser.add_argument("--expect", action="append", default=[], metavar="TEXT",
                        help="text that must appear in a paragraph or a table cell (repeatable)")
    args = parser.parse_args()

    try:
        document = docx.Document(args.file)
    except Exception as error:  # python-docx raises several kinds for a broken package
        sys.exit(f"check-docx: {args.file} does not open as a .docx: {error}")

    texts = []
    print("== paragraphs")
    for paragraph in document.paragraphs:
        print(paragraph.text)
        texts.append(paragraph.text)
    for number, table in enumerate(document.tables, 1):
        print(f"== table {number}")
        for row in table.rows:
            cells = [cell_text(c) for c in row.cells]
            print("\t".join(cells))
            for cell in row.cells:
                texts.append(cell.text)
                texts.extend(p.text for p in cell.paragraphs)

    problems = []
    for expected in args.expect:
        if not any(expected in t for t in texts):
            problems.append(f"expected text not found: {expected!r}")

    section = document.sections[0]
    width, height = section.page_width, section.page_height
    if width is None or height is None or abs(width - A4_WIDTH) > SLACK or abs(height - A4_HEIGHT) > SLACK:
        problems.append(f"page is not A4 portrait: {width} x {height} EMU "
                        f"({(width or 0) / 36000:.1f} x {(height or 0) / 36000:.1f} mm)")
    elif section.orientation != docx.enum.section.WD_ORIENT.PORTRAIT:
        problems.append("page is A4 but not portrait")

    font = body_font(document)
    if font != FONT:
        problems.append(f"body font is {font!r}, not {FONT!r}")
    others = sorted({r.font.name for r in all_runs(document) if r.font.name and r.font.name != FONT})
    if others:
        problems.append(f"runs in other fonts: {', '.join(others)}")

    print("== section")
    print(f"page {width / 36000:.1f} x {height / 36000:.1f} mm, margins top {section.top_margin.mm:.1f} "
          f"bottom {section.bottom_margin.mm:.1f} left {section.left_margin.mm:.1f} right {section.right_margin.mm:.1f} mm; "
          f"body font {font}")

    if problems:
        for problem in problems:
            print(f"check-docx: {args.file}: {problem}", file=sys.stderr)
        sys.exit(1)
    print(f"check-docx: {args.file}: OK ({len(args.expect)} expected texts found)")


if __name__ == "__main__":
    main()
