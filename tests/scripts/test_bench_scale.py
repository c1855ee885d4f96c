"""`make bench-scale` at 1k units only: the generator writes the seeded tree it promises (fan-out 3 to 12, the same
tree as YAML and CSV), every stage of ours runs to exit 0, and the table and the goal ratios are printed.
No timing is asserted: time lives in bench/."""
import collections
import csv
import os
import re
import subprocess
import sys

import yaml

from common import ROOT, Checker, binary, tmpdir

c = Checker()
work = tmpdir()
r = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "scale", "bench_scale.py"), "--binary", binary(),
                    "--sizes", "1k", "--bitmap-max", "0", "--work", work, "--keep"],
                   cwd=ROOT, capture_output=True, text=True, timeout=900)
c.check(r.returncode == 0, f"bench_scale.py exits 0 (got {r.returncode}: {r.stderr[-2000:]})")
out = r.stdout
print(out)

# The inputs: 1000 units, one root, every unit but the last parents 0 or 3..12 units, YAML and CSV the same tree.
with open(os.path.join(work, "1k", "org-1k.yaml"), encoding="utf-8") as f:
    units = yaml.safe_load(f)["units"]
with open(os.path.join(work, "1k", "org-1k.csv"), encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
c.check(len(units) == 1000, f"1000 units in the YAML (got {len(units)})")
c.check([(u["id"], u["name"], u.get("parent", "")) for u in units] == [(r["id"], r["name"], r["parent"]) for r in rows],
        "the CSV holds the same tree as the YAML")
children = collections.Counter(u["parent"] for u in units if "parent" in u)
c.check(sum(1 for u in units if "parent" not in u) == 1, "one root")
fanouts = [children[u["id"]] for u in units if children[u["id"]]]
c.check(all(3 <= k <= 12 for k in fanouts[:-1]) and 1 <= fanouts[-1] <= 12,
        f"fan-out 3 to 12 (the last parent may have fewer): {sorted(set(fanouts))}")

# The table: one row per stage, our stages all finished with exit 0 (a cell "T s / M MB" without "exit").
ours = ["orgchart validate (YAML)", "orgchart validate (CSV)", "export YAML -> GraphML (plain)",
        "export CSV -> GraphML (plain)", "export YAML -> JSON", "export YAML -> DOT", "export YAML -> GEXF",
        "export YAML -> SVG", "our GraphML read back -> GraphML"]
anchors = ["anchor: igraph read_graphml + write_graphml", "anchor: NetworkX read_graphml + write_graphml",
           "anchor: neato -n2 -Tsvg on our DOT", "anchor: dd writing the same GraphML bytes"]
c.check("| stage (wall time / peak RSS) | 1k |" in out, "the table header names the size")
for stage in ours + anchors:
    m = re.search(r"^\| " + re.escape(stage) + r" \| (.*) \|$", out, re.M)
    c.check(m is not None, f"a row for '{stage}'")
    if m:
        c.check(re.fullmatch(r"\d+\.\d\d s / \d+ MB", m.group(1)) is not None,
                f"'{stage}' ran to exit 0 and has time and peak RSS: '{m.group(1)}'")
for stage in ("export YAML -> PNG", "export YAML -> PDF"):
    c.check(re.search(r"^\| " + re.escape(stage) + r" \| skipped \(over 0\) \|$", out, re.M) is not None,
            f"'{stage}' skipped above --bitmap-max")
for goal in ("1. igraph time / ours (GraphML): >= 4", "1. ours / dd of the same bytes: <= 10",
             "2. neato -n2 -Tsvg / our SVG: > 1", "3. validate (YAML): <= 5 s at 1M",
             "4. igraph / our GraphML read back: > 1"):
    m = re.search(r"^\| " + re.escape(goal) + r" \| (.*) \|$", out, re.M)
    c.check(m is not None and re.match(r"\d+\.\d+", m.group(1)) is not None, f"goal row '{goal}' with a number")
c.check("6. The ILD" in out, "goal 6 (the ILD in every format) is reported")
c.finish()
