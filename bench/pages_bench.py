#!/usr/bin/env python3
"""Times `orgchart export --pages` of generated trees (tests/scripts/make_tree.py, fixed seeds) to one multi-page
PDF, at several sizes, each in its own process under /usr/bin/time: CPU seconds (user + sys, what the load of a
shared machine changes least), wall seconds, peak memory, pages, and the growth against n log n.

    python3 bench/pages_bench.py build/orgchart 3000 10000 30000
"""
import math
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "orgchart")
    sizes = [int(s) for s in sys.argv[2:]] or [3000, 10000, 30000]
    work = tempfile.mkdtemp(prefix="pages-bench-")
    rows = []
    for n in sizes:
        data = os.path.join(work, f"tree-{n}.yaml")
        with open(data, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, os.path.join(ROOT, "tests/scripts/make_tree.py"), str(n), "11"], stdout=f,
                           check=True)
        pdf = os.path.join(work, f"tree-{n}.pdf")
        r = subprocess.run(["/usr/bin/time", "-v", binary, "export", data, "--pages", "-o", pdf], capture_output=True,
                           text=True)
        if r.returncode != 0:
            raise SystemExit(f"orgchart failed on {n} units: {r.stderr}")
        field = lambda name: re.search(re.escape(name) + r": (.*)", r.stderr).group(1)
        cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
        wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
        mem = int(field("Maximum resident set size (kbytes)")) / 1024
        pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout)[1])
        rows.append((n, pages, cpu, wall, mem))
        os.remove(pdf)
    print("| units | pages | CPU s | wall | peak MiB | CPU / (n log2 n) x 1e6 |")
    print("|---|---|---|---|---|---|")
    for n, pages, cpu, wall, mem in rows:
        print(f"| {n:,} | {pages} | {cpu:.1f} | {wall} | {mem:.0f} | {cpu / (n * math.log2(n)) * 1e6:.2f} |")


if __name__ == "__main__":
    main()
