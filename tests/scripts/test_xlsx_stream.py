"""XLSX parts are streamed: memory follows the rows kept, not a part's inflated size, and a damaged part is
named with its line and column through the CLI.

A sheet of 88 MB inflated (8 MB in the archive) holds two units and a million rows of empty cells. Its parts
were inflated whole into memory before they were parsed: 160 MB of peak RSS for two units. Streamed, the
release build reads it in about 30 MB; the check allows 80. (A sanitized build keeps freed memory in
quarantine, so there only the result is checked.)
Usage: test_xlsx_stream.py ORGCHART"""
import os
import subprocess
import zipfile

from common import Checker, binary, tmpdir

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RSS_LIMIT_MB = 80


def sanitized(path):
    if os.environ.get("ORGCHART_SANITIZED") == "1":
        return True
    libs = subprocess.run(["ldd", path], capture_output=True, text=True).stdout
    return "libasan" in libs or "libubsan" in libs


def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def workbook(path, sheet, shared=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                                      '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Target="worksheets/s.xml"/></Relationships>')
        z.writestr("xl/worksheets/s.xml", sheet)


def run(cmd):
    """Exit code, stdout and stderr, and peak RSS (MB) of `cmd` alone: /usr/bin/time forks it from a small
    process (a child forked from this one would count the sheet this script built as its own)."""
    rss_file = os.path.join(d, "rss")
    r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd, capture_output=True, text=True,
                       errors="replace")
    with open(rss_file) as f:
        rss = int(f.read().split()[-1]) / 1024
    return r.returncode, r.stdout + r.stderr, rss


c = Checker()
d = tmpdir()
orgchart = binary()

rows = [f'<row r="1">{inline("A1", "id")}{inline("B1", "name")}{inline("C1", "parent")}</row>',
        f'<row r="2">{inline("A2", "a")}{inline("B2", "Ann")}</row>']
rows += [f'<row r="{r}"><c r="A{r}" s="1"/><c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>' for r in range(3, 1000000)]
rows.append(f'<row r="1000000">{inline("A1000000", "b")}{inline("B1000000", "Bo")}{inline("C1000000", "a")}</row>')
big = os.path.join(d, "big.xlsx")
workbook(big, f'<worksheet xmlns="{MAIN}"><sheetData>' + "".join(rows) + "</sheetData></worksheet>")
code, err, rss = run([orgchart, "validate", big])
c.check(code == 0, f"validate big.xlsx: exit {code}: {err[-300:]}")
c.check("ok: 2 units" in err, f"validate big.xlsx: the rows before and after the empty ones: {err[-300:]}")
if sanitized(orgchart):
    print(f"peak RSS {rss:.0f} MB (sanitized build: not checked)")
else:
    print(f"peak RSS {rss:.0f} MB")
    c.check(rss < RSS_LIMIT_MB, f"validate big.xlsx took {rss:.0f} MB at peak, more than {RSS_LIMIT_MB} MB: is a part "
                                "held whole again?")

# A damaged sheet through the CLI: the part, its line and column, the line with a caret; exit 1, nothing written.
bad = os.path.join(d, "bad.xlsx")
workbook(bad, f'<worksheet xmlns="{MAIN}"><sheetData>\n'
              f'<row r="1">{inline("A1", "id")}{inline("B1", "name")}</row>\n'
              f'<row r="2">{inline("A2", "a")}<c r="B2" t="inlineStr"><is><t>Ann</is></c></row>\n'
              "</sheetData></worksheet>")
out = os.path.join(d, "out.svg")
code, err, _ = run([orgchart, "export", bad, "-o", out])
c.check(code == 1, f"export bad.xlsx: exit {code}")
c.check(not os.path.exists(out), "export bad.xlsx wrote its output")
first = next((l for l in err.splitlines() if "error" in l), "")
c.check(first.startswith(f"{bad}: xl/worksheets/s.xml:3:"), f"export bad.xlsx: the part and line: {first!r}")
c.check("Opening and ending tag mismatch: t line 3 and is" in first, f"export bad.xlsx: libxml2's reason: {first!r}")
c.check("<t>Ann</is>" in err and "^" in err, f"export bad.xlsx: the line and a caret: {err!r}")
# Two damaged parts through the CLI: both reported, each part's errors together (they were sorted by line
# across parts, as if they were one file).
two = os.path.join(d, "two.xlsx")
workbook(two, f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></row></sheetData></worksheet>',
         "<sst>\n<si><t>id</t></si>\n<si><t>x</si>\n</sst>")
code, err, _ = run([orgchart, "validate", two])
places = [l.split(": error:")[0] for l in err.splitlines() if ": error:" in l]
c.check(code == 1 and [p.split(": ", 1)[1].rsplit(":", 2)[0] for p in places] == ["xl/sharedStrings.xml", "xl/worksheets/s.xml"],
        f"validate two.xlsx: exit {code}, places {places}")

# Hostile shared strings, a megabyte or two in the archive: 20 million empty <si/> (held 740 MB at least before
# the count cap; 200 million took 9.4 GB and four minutes), and one <t> of 30 MB (libxml2's HUGE option let a
# text of a gigabyte through: 5.3 GB and three minutes).
sst_bomb = os.path.join(d, "sst-bomb.xlsx")
cell = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
workbook(sst_bomb, cell, b"<sst>" + b"<si/>" * 20_000_000 + b"</sst>")
code, err, rss = run([orgchart, "validate", sst_bomb])
c.check(code == 1, f"validate sst-bomb.xlsx: exit {code}: {err[-300:]}")
c.check(f"{sst_bomb}: xl/sharedStrings.xml:1:" in err and "more than 16,777,216 shared strings" in err,
        f"validate sst-bomb.xlsx: {err[:300]!r}")
if not sanitized(orgchart):
    print(f"sst-bomb.xlsx: peak RSS {rss:.0f} MB")
    c.check(rss < 200, f"validate sst-bomb.xlsx took {rss:.0f} MB at peak")
text_bomb = os.path.join(d, "text-bomb.xlsx")
workbook(text_bomb, cell, b"<sst><si><t>" + b"x" * 30_000_000 + b"</t></si></sst>")
code, err, rss = run([orgchart, "validate", text_bomb])
c.check(code == 1, f"validate text-bomb.xlsx: exit {code}: {err[-300:]}")
c.check(f"{text_bomb}: xl/sharedStrings.xml:1:" in err and "longer than 10 MB" in err,
        f"validate text-bomb.xlsx: {err[:300]!r}")
if not sanitized(orgchart):
    c.check(rss < 100, f"validate text-bomb.xlsx took {rss:.0f} MB at peak")
c.finish()
