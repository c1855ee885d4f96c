"""Issue 11 goal 2: our SVG, PNG and PDF beside `neato -n2` drawing our own DOT, in the same run.

    python3 bench/render_bench.py --binary build/orgchart --sizes 10k,100k [--work DIR] [--dpi 96]
        [--formats svg,png,pdf] [--timeout 900]

For each size a seeded random org tree (fan-out 3 to 12, breadth first) is written as YAML. Then, one process at a
time under /usr/bin/time -v (CPU seconds, user + system, and peak RSS):
  - `orgchart export -o X.dot`            the pipeline without drawing (load, measure, layout, DOT)
  - `orgchart export -o X.svg|png|pdf`    the same pipeline plus our drawing
  - `neato -n2 -Tsvg|png|pdf X.dot`       Graphviz drawing our positions (render only: the anchor)
"ours, drawing only" is export-to-format minus export-to-DOT. A PNG too large for a bitmap is an error by design
(exit 4, a message naming SVG, PDF, --dpi, --root); the table then shows "refused" and the PNG row is run again at
the --dpi the message suggests. Not a test: timing lives here."""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

KINDS = ["ministry", "department", "bureau", "office", "committee", "institution", "enterprise", "commission"]
WORDS = ["Planning", "Finance", "Research", "Audit", "Energy", "Transport", "Health", "Trade", "Water", "Culture"]


def parse_size(s):
    s = s.strip().lower()
    return int(float(s[:-1]) * 1000) if s.endswith("k") else int(float(s[:-1]) * 1000000) if s.endswith("m") else int(s)


def write_tree(n, path, seed=20251130):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("title: Benchmark organisation\nsources:\n  - {id: s, title: Generated, date: 2025-01-01}\nunits:\n")
        f.write(f"  - {{id: u0, name: Council 0, kind: {KINDS[0]}, sources: [s]}}\n")
        made, head = 1, 0
        while made < n:
            for _ in range(rng.randint(3, 12)):
                if made >= n:
                    break
                f.write(f"  - {{id: u{made}, name: {rng.choice(WORDS)} {rng.choice(WORDS)} Office {made}, "
                        f"kind: {rng.choice(KINDS)}, parent: u{head}, sources: [s]}}\n")
                made += 1
            head += 1


TIMEOUT = None


def timed(cmd, out_path=None):
    """(CPU seconds (user + system), peak MB, exit code, output bytes, stderr tail) of one process. CPU time, not
    wall time: the machine is shared, and CPU time is what the process itself spent."""
    try:
        r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return float("nan"), float("nan"), -1, 0, f"timeout after {TIMEOUT} s"
    user = re.search(r"User time \(seconds\): ([\d.]+)", r.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", r.stderr)
    secs = float(user.group(1)) + float(system.group(1)) if user and system else float("nan")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    mb = int(rss.group(1)) / 1024 if rss else float("nan")
    size = os.path.getsize(out_path) if out_path and os.path.exists(out_path) else 0
    return secs, mb, r.returncode, size, r.stderr.split("\tCommand being timed")[0][-400:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/orgchart")
    ap.add_argument("--sizes", default="10k,100k")
    ap.add_argument("--work", default=None)
    ap.add_argument("--dpi", default="96")
    ap.add_argument("--formats", default="svg,png,pdf")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a process counts as timed out")
    a = ap.parse_args()
    global TIMEOUT
    TIMEOUT = a.timeout
    work = a.work or tempfile.mkdtemp(prefix="orgchart-render-bench-")
    print(f"work folder: {work}\n")
    print("| size | format | ours: export (CPU s / MB) | ours: drawing only (CPU s) | neato -n2 (CPU s / MB) | ratio ours/neato (export, drawing) | notes |")
    print("|---|---|---|---|---|---|---|")
    for size in a.sizes.split(","):
        n = parse_size(size)
        yaml = os.path.join(work, f"org-{size}.yaml")
        write_tree(n, yaml)
        dot = os.path.join(work, f"org-{size}.dot")
        base, base_mb, rc, _, err = timed([a.binary, "export", yaml, "-o", dot])
        if rc != 0:
            sys.exit(f"export to DOT failed: {err}")
        print(f"| {size} | dot (no drawing) | {base:.2f} / {base_mb:.0f} | | | | baseline |")
        for fmt in a.formats.split(","):
            out = os.path.join(work, f"org-{size}.{fmt}")
            args = [a.binary, "export", yaml, "-o", out] + (["--dpi", a.dpi] if fmt == "png" else [])
            secs, mb, rc, nbytes, err = timed(args, out)
            note = f"{nbytes / 1e6:.1f} MB"
            if rc != 0:
                m = re.search(r"at most (\d+) for this chart", err)
                note = f"refused (exit {rc})" + (f"; at --dpi {m.group(1)}:" if m else "")
                if m and fmt == "png":
                    secs, mb, rc, nbytes, err = timed(args[:-1] + [m.group(1)], out)
                    note += f" {secs:.2f} s, exit {rc}, {nbytes / 1e6:.1f} MB"
            gv_out = os.path.join(work, f"neato-{size}.{fmt}")
            gsecs, gmb, grc, gbytes, gerr = timed(["neato", "-n2", f"-T{fmt}", dot, "-o", gv_out], gv_out)
            gnote = f"neato exit {grc}, {gbytes / 1e6:.1f} MB" + (" (" + gerr.strip().splitlines()[-1][:80] + ")" if gerr.strip() else "")
            drawing = secs - base
            print(f"| {size} | {fmt} | {secs:.2f} / {mb:.0f} | {drawing:.2f} | {gsecs:.2f} / {gmb:.0f} | "
                  f"{secs / gsecs:.2f}, {drawing / gsecs:.2f} | {note}; {gnote} |", flush=True)


if __name__ == "__main__":
    main()
