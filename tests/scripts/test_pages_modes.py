"""export --pages with the other ways of drawing a chart (--as-of, a people chart from a table, --people nodes, a
diff chart) and the outputs it refuses: each run exits as documented; a PDF's pages say "page N of T" and every
unit of the chart is on one page (read back with pdftotext)."""
import os
import re
import subprocess

from common import Checker, binary, tmpdir

c = Checker()
work = tmpdir()


def run(*args):
    return subprocess.run([binary(), *args], capture_output=True, text=True)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", info)
    return int(m[1]) if m else 0


def page_texts(path, count):
    return [subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), path, "-"], capture_output=True, text=True).stdout
            for p in range(1, count + 1)]


cases = [
    ("as-of", ["export", "data/party-state.yaml", "--as-of", "2015", "--pages", "--page", "a4"]),
    ("people-table", ["export", "data/examples/acme-staff.csv", "--pages", "--page", "595x420"]),
    ("people-nodes", ["export", "data/ild.yaml", "--people", "nodes", "--pages", "--page", "500x350"]),
    ("diff", ["diff", "data/ild.yaml", "--from", "2024", "--to", "2025", "--pages", "--page", "500x350"]),
]
for name, args in cases:
    pdf = os.path.join(work, name + ".pdf")
    r = run(*args, "-o", pdf)
    c.check(r.returncode == 0, f"{name}: exits 0 ({r.returncode}: {r.stderr.strip()[:300]})")
    if r.returncode != 0:
        continue
    count = pdf_pages(pdf)
    c.check(count >= 2, f"{name}: a small page gives several pages ({count})")
    texts = page_texts(pdf, count)
    for i, text in enumerate(texts, 1):
        c.check(f"page {i} of {count}" in text.replace("\n", " ").lower(), f"{name}: PDF page {i} says 'page {i} of {count}'")
    joined = "\n".join(texts)
    refs = [int(n) for n in re.findall(r"continued on p\. (\d+)", joined)]
    c.check(refs and all(1 <= n <= count for n in refs), f"{name}: stubs name pages 1..{count} ({refs[:6]})")
    # Forward only: a stub names a later page, or its own on page 1 (the flow goes on under the overview).
    back = [(i, n) for i, text in enumerate(texts, 1) for n in map(int, re.findall(r"continued on p\. (\d+)", text))
            if n < i or (n == i and i > 1)]
    c.check(not back, f"{name}: every stub names a later page, or page 1 on page 1 ({back[:4]})")

# SVG pages into a folder and with %d: one file per page, the same count.
folder = os.path.join(work, "folder")
os.mkdir(folder)
r = run("export", "data/party-state.yaml", "--pages", "--page", "500x350", "-o", folder + "/",
        "-o", os.path.join(work, "ps-%d.svg"), "-o", os.path.join(work, "ps.pdf"))
c.check(r.returncode == 0, f"folder and %d outputs: exit 0 ({r.stderr.strip()[:300]})")
svgs = sorted(os.listdir(folder))
named = [f for f in os.listdir(work) if re.fullmatch(r"ps-\d+\.svg", f)]
c.check(len(svgs) == len(named) == pdf_pages(os.path.join(work, "ps.pdf")) >= 2,
        f"one SVG per page in the folder ({len(svgs)}), with %d ({len(named)}) and in the PDF")

# Refused: formats --pages does not draw, one SVG for many pages, other layouts. Nothing is written.
for args, what in [
    (["-o", os.path.join(work, "x.dot")], "DOT"),
    (["-o", os.path.join(work, "x.svg")], "an SVG name without %d"),
    (["-o", os.path.join(work, "y.pdf"), "--layout", "dot"], "--layout dot"),
]:
    r = run("export", "data/party-state.yaml", "--pages", *args)
    c.check(r.returncode == 2, f"{what}: usage error (exit {r.returncode}: {r.stderr.strip()[:200]})")
    c.check(r.stderr.startswith("orgchart: "), f"{what}: says why ({r.stderr.strip()[:200]})")
c.check(not any(os.path.exists(os.path.join(work, f)) for f in ("x.dot", "x.svg", "y.pdf")), "refused runs write nothing")

# Pages of an earlier, longer run: refused before anything is written (orgchart deletes no file it is not
# writing); a link in the way is neither followed nor touched; with the old pages gone the run goes through.
stale = os.path.join(work, "stale")
os.mkdir(stale)
keep = os.path.join(work, "keep.txt")
with open(keep, "w") as f:
    f.write("not ours")
count = len(svgs)
for k in range(1, count + 3):
    with open(os.path.join(stale, f"page-{k}.svg"), "w") as f:
        f.write("old")
os.symlink(keep, os.path.join(stale, f"page-{count + 3}.svg"))
r = run("export", "data/party-state.yaml", "--pages", "--page", "500x350", "-o", stale + "/")
c.check(r.returncode == 2, f"stale pages: usage error (exit {r.returncode}: {r.stderr.strip()[:300]})")
c.check(f"page-{count + 1}.svg" in r.stderr and f"page-{count + 3}.svg" in r.stderr and "earlier" in r.stderr,
        f"stale pages: the message names the first and last old page ({r.stderr.strip()[:300]})")
c.check(all(open(os.path.join(stale, f"page-{k}.svg")).read() == "old" for k in range(1, count + 3)),
        "stale pages: nothing written or removed")
c.check(os.path.islink(os.path.join(stale, f"page-{count + 3}.svg")) and open(keep).read() == "not ours",
        "stale pages: the link and its target are untouched")
for k in range(count + 1, count + 4):
    os.remove(os.path.join(stale, f"page-{k}.svg"))
r = run("export", "data/party-state.yaml", "--pages", "--page", "500x350", "-o", stale + "/")
c.check(r.returncode == 0 and sorted(os.listdir(stale)) == svgs, f"stale pages removed: the run writes its pages "
        f"({r.returncode}: {r.stderr.strip()[:200]})")

# Deterministic: the same input twice gives the same PDF bytes.
a, b = os.path.join(work, "a.pdf"), os.path.join(work, "b.pdf")
run("export", "data/party-state.yaml", "--pages", "-o", a)
run("export", "data/party-state.yaml", "--pages", "-o", b)
with open(a, "rb") as fa, open(b, "rb") as fb:
    c.check(fa.read() == fb.read(), "two runs give the same PDF")
c.finish()
