"""Issue 9, done-when 6: a 1,000,000-row table (id,name,title,parent; fixed seed) to GraphML, timed against
igraph and NetworkX building the same graph from the same CSV and writing GraphML, in one run.

    nice python3 bench/tables_bench.py [BINARY] [ROWS] [--layout dot|org]

Each contender runs in its own process under /usr/bin/time, so peak RSS is that process's own. Prints a
Markdown table with ratios to orgchart. Not a test: it takes minutes."""
import csv
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TITLES = ["Engineer", "Manager", "Director", "Analyst", "Designer", "Accountant", "Recruiter", "Specialist"]
FIRST = ["Ann", "Bo", "Chen", "Dara", "Eli", "Femi", "Goran", "Hana", "Ines", "José", "Kai", "Lena", "Mo", "Nia"]
LAST = ["Lee", "Okafor", "Silva", "Wang", "Novák", "Smith", "Khan", "Müller", "Rossi", "Tanaka", "Diaz"]


def generate(path, rows, seed=20251130):
    """A random tree: row i's parent is a uniformly chosen earlier row (recent rows favoured for depth)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "title", "parent"])
        for i in range(rows):
            parent = "" if i == 0 else f"e{rng.randrange(max(0, i - 1000), i)}"
            w.writerow([f"e{i}", f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}", rng.choice(TITLES), parent])


IGRAPH = r'''
import csv, sys, igraph
ids, names, titles, edges = {}, [], [], []
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    r = csv.reader(f); next(r)
    rows = list(r)
for i, (id_, name, title, parent) in enumerate(rows):
    ids[id_] = i; names.append(name); titles.append(title)
for i, (id_, name, title, parent) in enumerate(rows):
    if parent: edges.append((ids[parent], i))
g = igraph.Graph(n=len(rows), edges=edges, directed=True)
g.vs["unit_id"] = [row[0] for row in rows]; g.vs["label"] = names; g.vs["title"] = titles
g.write_graphml(sys.argv[2])
'''

NETWORKX = r'''
import csv, sys, networkx as nx
g = nx.DiGraph()
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    r = csv.reader(f); next(r)
    edges = []
    for id_, name, title, parent in r:
        g.add_node(id_, label=name, title=title)
        if parent: edges.append((parent, id_))
g.add_edges_from(edges)
nx.write_graphml(g, sys.argv[2])
'''


def measure(cmd):
    r = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", r.stderr).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** (len(parts) - 1 - k) for k, p in enumerate(parts))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return seconds, rss_kb / 1024


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    binary = args[0] if args else os.path.join(ROOT, "build", "orgchart")
    rows = int(args[1]) if len(args) > 1 else 1_000_000
    layout = "org"
    for a in sys.argv[1:]:
        if a.startswith("--layout="):
            layout = a.split("=", 1)[1]
    d = tempfile.mkdtemp(prefix="orgchart-bench-")
    table = os.path.join(d, "staff.csv")
    generate(table, rows)
    py = "/usr/bin/python3"
    results = [
        (f"orgchart export (--layout {layout})", measure([binary, "export", table, "-o", os.path.join(d, "o.graphml"),
                                                          "--graphml", "plain", "--layout", layout])),
        ("igraph (python3-igraph)", measure([py, "-c", IGRAPH, table, os.path.join(d, "i.graphml")])),
        ("NetworkX", measure([py, "-c", NETWORKX, table, os.path.join(d, "n.graphml")])),
    ]
    base_t, base_m = results[0][1]
    print(f"{rows:,} rows ({os.path.getsize(table) / 2**20:.0f} MiB CSV) -> GraphML")
    print()
    print("| program | time (s) | peak RSS (MiB) | time / orgchart | memory / orgchart |")
    print("|---|---:|---:|---:|---:|")
    for name, (t, m) in results:
        print(f"| {name} | {t:.1f} | {m:.0f} | {t / base_t:.2f} | {m / base_m:.2f} |")


if __name__ == "__main__":
    main()
