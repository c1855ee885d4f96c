"""NetworkX (an independent GEXF reader) loads our GEXF with the counts, labels, positions and colours the YAML and
the GraphML of the same run imply; xmllint validates it against GEXF 1.3's RELAX NG grammar; Python's json module
reads our JSON with every parentId and link resolving."""
import atexit
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
from networkx.readwrite import gexf as nx_gexf

from common import ROOT, Checker, export, latest_counts, load_yaml_with_includes, tmpdir

if "1.3" not in nx_gexf.GEXF.versions:
    # NetworkX < 3.0 (Debian 12 has 2.8.8) knows only the 1.1draft and 1.2draft namespaces; 3.x reads GEXF 1.3
    # with exactly this entry. Registering it leaves the parsing to NetworkX itself.
    nx_gexf.GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }

NS = "{http://gexf.net/1.3}"
RNG = os.path.normpath(os.path.join(ROOT, "..", "shared", "schemas", "gexf-1.3", "gexf.rng"))
c = Checker()
d = tmpdir()
atexit.register(shutil.rmtree, d, True)


def clean(s):
    """What clean_text keeps of a YAML string: no C0/C1 controls but tab, newline and CR."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", s)


def validate(path, tag):
    if not os.path.exists(RNG):
        return
    r = subprocess.run(["xmllint", "--noout", "--relaxng", RNG, path], capture_output=True, text=True)
    c.check(r.returncode == 0, f"{tag}: xmllint --relaxng gexf.rng rejects it: {r.stderr.strip()}")


def read_gexf(path, tag):
    try:
        return nx.read_gexf(path)
    except Exception as e:  # a reader's crash is a failed check, not a broken script
        c.check(False, f"{tag}: networkx read_gexf failed: {type(e).__name__}: {e}")
        return None


if not os.path.exists(RNG):
    print(f"SKIP: {RNG} is not there (it is beside the repository in CI); GEXF not validated with xmllint")

for data in ["data/ild.yaml", "data/party-state.yaml", "tests/data/yaml/valid/tricky.yaml"]:
    units, parents, relations = latest_counts(load_yaml_with_includes(data))
    base = os.path.join(d, os.path.basename(data))
    gexf, js, gml = base + ".gexf", base + ".json", base + ".graphml"
    export(data, gexf, js, gml, args=["--graphml", "plain"])
    tag = data
    validate(gexf, tag)
    raw = open(gexf, "rb").read()
    export(data, base + ".again.gexf", base + ".again.json")
    c.check(raw == open(base + ".again.gexf", "rb").read(), f"{tag}: GEXF differs from run to run")
    c.check(open(js, "rb").read() == open(base + ".again.json", "rb").read(), f"{tag}: JSON differs from run to run")
    c.check(b"<script" not in raw and b"lastmodifieddate" not in raw, f"{tag}: raw <script or a date in the GEXF")

    g = read_gexf(gexf, tag)
    if g is not None:
        c.check(g.is_directed(), f"{tag}: not directed")
        c.check(g.number_of_nodes() == len(units), f"{tag}: networkx nodes {g.number_of_nodes()} != {len(units)}")
        c.check(g.number_of_edges() == len(parents) + len(relations),
                f"{tag}: networkx edges {g.number_of_edges()} != {len(parents) + len(relations)}")
        labels = {a.get("label") for _, a in g.nodes(data=True)}
        for u in units:
            c.check(clean(u["name"]) in labels, f"{tag}: unit name {u['name']!r} missing from labels")
        c.check({a.get("unit_id") for _, a in g.nodes(data=True)} == {u["id"] for u in units}, f"{tag}: unit_id set")
        # The GraphML of the same run is the reference for positions and colours (both writers read one layout).
        ref = {a["unit_id"]: a for _, a in nx.read_graphml(gml).nodes(data=True)}
        for n, a in g.nodes(data=True):
            viz = a.get("viz", {})
            pos, col = viz.get("position", {}), viz.get("color", {})
            c.check(all(isinstance(pos.get(k), float) for k in "xyz"), f"{tag}: node {n} position {pos!r}")
            c.check(isinstance(viz.get("size"), float) and viz["size"] > 0, f"{tag}: node {n} size {viz.get('size')!r}")
            c.check(all(isinstance(col.get(k), int) and 0 <= col[k] <= 255 for k in "rgb"), f"{tag}: node {n} colour {col!r}")
            c.check(isinstance(a.get("depth"), int) and isinstance(a.get("subtree_size"), int), f"{tag}: node {n} ints")
            r = ref.get(a.get("unit_id"), {})
            c.check((col.get("r"), col.get("g"), col.get("b")) == (r.get("r"), r.get("g"), r.get("b")),
                    f"{tag}: node {n} colour {col!r} differs from the GraphML's")
            c.check(abs(pos.get("x", 1e9) - r.get("x", -1e9)) < 0.011 and abs(pos.get("y", 1e9) - r.get("y", -1e9)) < 0.011,
                    f"{tag}: node {n} position {pos!r} differs from the GraphML's ({r.get('x')}, {r.get('y')})")
            c.check(abs(viz.get("size", 0) - r.get("size", -1)) < 0.011, f"{tag}: node {n} size differs from the GraphML's")
        rels = sorted(a.get("relation") for _, _, a in g.edges(data=True))
        c.check(rels.count("parent") == len(parents), f"{tag}: parent edges {rels.count('parent')} != {len(parents)}")
        for r in relations:
            c.check(r["kind"] in rels, f"{tag}: relation {r['kind']} missing")
    # NetworkX ignores an edge's `kind`; Gephi keys parallel edges by it. It must be the relation, edge by edge.
    root = ET.parse(gexf).getroot()
    for e in root.iter(NS + "edge"):
        rel = [v.get("value") for v in e.iter(NS + "attvalue") if v.get("for") == "relation"]
        c.check(rel == [e.get("kind")], f"{tag}: edge {e.get('id')} kind {e.get('kind')!r} != relation {rel}")

    doc = json.load(open(js, encoding="utf-8"))
    # One root for d3-org-chart: a synthetic one above the data's roots when there are several.
    data_roots = len(units) - len(parents)
    synthetic = [n for n in doc["nodes"] if n["id"] == "orgchart:root"]
    c.check(len(synthetic) == (data_roots != 1), f"{tag}: JSON synthetic root {len(synthetic)} with {data_roots} roots")
    all_ids = [n["id"] for n in doc["nodes"]]
    doc["nodes"] = [n for n in doc["nodes"] if n["id"] != "orgchart:root"]
    ids = [n["id"] for n in doc["nodes"]]
    c.check(len(ids) == len(units) and set(ids) == {u["id"] for u in units}, f"{tag}: JSON node ids differ from the units")
    c.check(all(n["parentId"] is None or n["parentId"] in all_ids for n in doc["nodes"]), f"{tag}: JSON parentId dangles")
    c.check(sum(n["parentId"] in (None, "orgchart:root") for n in doc["nodes"]) == data_roots, f"{tag}: JSON root count")
    c.check(sum(n["parentId"] is None for n in doc["nodes"]) == (data_roots == 1), f"{tag}: JSON has several roots")
    c.check(sorted(r["kind"] for r in relations) == sorted(x["relation"] for x in doc["connections"]),
            f"{tag}: JSON connections are not the relations")
    c.check(len(doc["links"]) == len(parents) + len(relations), f"{tag}: JSON links {len(doc['links'])}")
    c.check(all(lk["source"] in ids and lk["target"] in ids for lk in doc["links"]), f"{tag}: JSON link dangles")
    c.check(all(isinstance(n[k], (int, float)) for n in doc["nodes"] for k in ["x", "y", "width", "height"]),
            f"{tag}: JSON positions are not numbers")
    c.check({clean(u["name"]) for u in units} == {n["name"] for n in doc["nodes"]}, f"{tag}: JSON names differ")
    c.check(b"<" not in open(js, "rb").read(), f"{tag}: a raw < in the JSON")

# Parallel edges between the same two units: a parent edge, an affiliation and a funding stay three edges.
par = os.path.join(d, "parallel.yaml")
with open(par, "w", encoding="utf-8") as f:
    f.write("""sources: [{id: s, title: S}]
units:
  - {id: a, name: A, kind: ministry, sources: [s]}
  - {id: b, name: B, kind: bureau, parent: a, sources: [s], from: 2020, until: 2024-03}
relations:
  - {unit: a, kind: affiliation, target: b, sources: [s]}
  - {unit: a, kind: funds, target: b, label: pays, sources: [s], from: 2021-06-15}
""")
pg = os.path.join(d, "parallel.gexf")
export(par, pg, args=["--as-of", "2022-01-01"])  # the latest state would drop b (it ends)
validate(pg, "parallel")
g = read_gexf(pg, "parallel")
if g is not None:
    c.check(g.is_multigraph() and g.number_of_edges() == 3, f"parallel: {g.number_of_edges()} edges, multigraph {g.is_multigraph()}")
    c.check(sorted(a["relation"] for _, _, a in g.edges(data=True)) == ["affiliation", "funds", "parent"],
            "parallel: relations differ")
    # Hierarchy edges carry no label (Gephi would print "parent" on every link); their relation says it.
    c.check(sorted(a.get("label") or "" for _, _, a in g.edges(data=True)) == ["", "affiliation", "pays"], "parallel: labels")
    # The dynamic GEXF's intervals (GEXF ends are inclusive: the day before `until`, here in a leap year).
    nb = next(a for _, a in g.nodes(data=True) if a.get("unit_id") == "b")
    c.check((nb.get("start"), nb.get("end")) == ("2020-01-01", "2024-02-29"), f"parallel: b's interval {nb.get('start')}..{nb.get('end')}")
    na = next(a for _, a in g.nodes(data=True) if a.get("unit_id") == "a")
    c.check("start" not in na and "end" not in na, f"parallel: a has no validity but an interval {na}")
    spans = sorted((a["relation"], a.get("start"), a.get("end")) for _, _, a in g.edges(data=True))
    c.check(spans == [("affiliation", None, None), ("funds", "2021-06-15", None), ("parent", "2020-01-01", "2024-02-29")],
            f"parallel: edge intervals {spans}")
proot = ET.parse(pg).getroot()
c.check(proot.find(NS + "graph").get("mode") == "dynamic" and proot.find(NS + "graph").get("timeformat") == "date",
        "parallel: the GEXF is not mode=dynamic timeformat=date")
kinds = sorted(e.get("kind") for e in proot.iter(NS + "edge"))
c.check(kinds == ["affiliation", "funds", "parent"], f"parallel: edge kinds {kinds}")
c.finish()
