"""Reading a large XLSX: peak memory and time of `orgchart validate` on a generated workbook, against raw
anchors in the same run (`unzip -p` of the sheet and of the shared strings: inflating the parts, no XML).

    nice python3 bench/xlsx_bench.py [BINARY...] [--rows N] [--repeat K] [--keep PATH]

The workbook is written as Excel writes one (every text cell a shared string, an <sst> of all of them, a
styles part with a date format), with a fixed seed: id, name, title, parent, department, start date.
Each command runs in its own process under /usr/bin/time -v, K times (the median is reported); several
binaries (e.g. before and after a change) are compared in one run. Not a test: it takes a minute."""
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile

TITLES = ["Engineer", "Manager", "Director", "Analyst", "Designer", "Accountant", "Recruiter", "Specialist"]
FIRST = ["Ann", "Bo", "Chen", "Dara", "Eli", "Femi", "Goran", "Hana", "Ines", "José", "Kai", "Lena", "Mo", "Nia"]
LAST = ["Lee", "Okafor", "Silva", "Wang", "Novák", "Smith", "Khan", "Müller", "Rossi", "Tanaka", "Diaz"]
DEPTS = ["Sales", "Finance", "R&D", "Legal", "Operations", "People", "IT", "Marketing"]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def generate(path, rows, seed=20251201):
    """A random tree (row i's parent a recent earlier row), as Excel stores it: shared strings, a date style."""
    rng = random.Random(seed)
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    sheet = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
             f'<dimension ref="A1:F{rows + 1}"/><sheetData>']
    header = ["id", "name", "title", "parent", "department", "start date"]
    cells = "".join(f'<c r="{col(c)}1" t="s"><v>{sst(h)}</v></c>' for c, h in enumerate(header))
    sheet.append(f'<row r="1" spans="1:6">{cells}</row>')
    for i in range(rows):
        r = i + 2
        parent = "" if i == 0 else f"e{rng.randrange(max(0, i - 1000), i)}"
        values = [f"e{i}", f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", rng.choice(TITLES), parent, rng.choice(DEPTS)]
        cells = "".join(f'<c r="{col(c)}{r}" t="s"><v>{sst(v)}</v></c>' for c, v in enumerate(values) if v)
        cells += f'<c r="F{r}" s="1"><v>{40000 + rng.randrange(5000)}</v></c>'
        sheet.append(f'<row r="{r}" spans="1:6">{cells}</row>')
    sheet.append("</sheetData></worksheet>")
    shared = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">']
    shared += [f"<si><t>{esc(s)}</t></si>" for s in strings]
    shared.append("</sst>")
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        '<sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><cellXfs count="2">'
        '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/sharedStrings.xml": "".join(shared),
        "xl/worksheets/sheet1.xml": "".join(sheet),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))


def timed(cmd, stdout=subprocess.DEVNULL):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    err = r.stderr
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", err)
    h, m, s = wall.groups()
    seconds = (int(h) * 3600 if h else 0) + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    return r.returncode, seconds, rss / 1024


def main():
    args = sys.argv[1:]
    rows, repeat, keep = 300000, 3, None
    binaries = []
    i = 0
    while i < len(args):
        if args[i] == "--rows":
            rows = int(args[i + 1]); i += 2
        elif args[i] == "--repeat":
            repeat = int(args[i + 1]); i += 2
        elif args[i] == "--keep":
            keep = args[i + 1]; i += 2
        else:
            binaries.append(args[i]); i += 1
    if not binaries:
        binaries = [os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build", "orgchart")]
    with tempfile.TemporaryDirectory() as d:
        path = keep or os.path.join(d, "staff.xlsx")
        if not os.path.exists(path):
            generate(path, rows)
        with zipfile.ZipFile(path) as z:
            sizes = {i.filename: (i.file_size, i.compress_size) for i in z.infolist()}
        print(f"workbook: {rows:,} rows, {os.path.getsize(path) / 2**20:.1f} MiB; sheet1.xml "
              f"{sizes['xl/worksheets/sheet1.xml'][0] / 2**20:.1f} MiB and sharedStrings.xml "
              f"{sizes['xl/sharedStrings.xml'][0] / 2**20:.1f} MiB inflated\n")
        commands = [("unzip -p sheet1.xml (anchor)", ["unzip", "-p", path, "xl/worksheets/sheet1.xml"]),
                    ("unzip -p sharedStrings.xml", ["unzip", "-p", path, "xl/sharedStrings.xml"])]
        commands += [(f"{b} validate", [b, "validate", path]) for b in binaries]
        results = {}
        for _ in range(repeat):  # interleaved, so that a burst of load hits every command alike
            for name, cmd in commands:
                code, seconds, rss = timed(cmd)
                if code != 0:
                    sys.exit(f"{name}: exit {code}")
                results.setdefault(name, []).append((seconds, rss))
        anchor = statistics.median(s for s, _ in results[commands[0][0]])
        print("| command | wall s (median) | x anchor | peak RSS MB |")
        print("|---|---|---|---|")
        for name, _ in commands:
            s = statistics.median(t for t, _ in results[name])
            rss = max(m for _, m in results[name])
            print(f"| {name} | {s:.2f} | {s / anchor:.1f} | {rss:.0f} |")


if __name__ == "__main__":
    main()
