"""Issue 9, done-when 1: one 40-person organisation written as CSV (comma; semicolon with BOM and CRLF), TSV,
UTF-16 "Unicode text", and XLSX by openpyxl and by XlsxWriter, each in the 1900 and the 1904 date system (real
programs, at test time) draws byte-identical
SVG and GraphML from every file; `import` of the table and `export` of that YAML give the same bytes again;
NetworkX reads the GraphML with every person, manager edge and kept column."""
import os
import subprocess

import networkx as nx

import table_fixtures
from common import Checker, ROOT, binary, export, tmpdir

c = Checker()
d = tmpdir()
paths = table_fixtures.write_all(d)
outputs = {}
for p in paths:
    export(p, p + ".svg", p + ".graphml")
    outputs[p] = (open(p + ".svg", "rb").read(), open(p + ".graphml", "rb").read())

first = paths[0]
for p in paths[1:]:
    c.check(outputs[p][0] == outputs[first][0], f"SVG of {os.path.relpath(p, d)} differs from {os.path.relpath(first, d)}")
    c.check(outputs[p][1] == outputs[first][1], f"GraphML of {os.path.relpath(p, d)} differs from {os.path.relpath(first, d)}")

# import -> YAML -> export: the same chart.
for p in [paths[0], paths[4]]:
    y = p + ".yaml"
    r = subprocess.run([binary(), "import", p, "-o", y], cwd=ROOT, capture_output=True, text=True)
    c.check(r.returncode == 0, f"import {p} exited {r.returncode}: {r.stderr}")
    export(y, y + ".svg", y + ".graphml")
    c.check(open(y + ".svg", "rb").read() == outputs[first][0], f"SVG of the YAML imported from {p} differs")
    c.check(open(y + ".graphml", "rb").read() == outputs[first][1], f"GraphML of the YAML imported from {p} differs")

# What the GraphML holds, read by NetworkX.
g = nx.read_graphml(first + ".graphml")
people = table_fixtures.PEOPLE
c.check(g.number_of_nodes() == len(people), f"nodes {g.number_of_nodes()} != {len(people)}")
ids = {a.get("unit_id"): n for n, a in g.nodes(data=True)}
c.check(set(ids) == {str(p[0]) for p in people}, "unit ids differ from the table's Employee ID column")
edges = {(g.nodes[u]["unit_id"], g.nodes[v]["unit_id"], a.get("relation")) for u, v, a in g.edges(data=True)}
for (i, first_name, last, _, _, boss, *_rest) in people:
    if boss == "Maria Okafor":
        boss = 1001  # given by name in the table
    if boss != "":
        c.check(any(e[:2] in {(str(boss), str(i)), (str(i), str(boss))} for e in edges), f"no edge between {boss} and {i}")
labels = {a.get("label") for _, a in g.nodes(data=True)}
c.check("Jean-Luc Picard, Jr.\nPhD" in labels, "the quoted name with a comma and a line break is not a label")
c.check("Wei 王" in labels, "the non-ASCII name is not a label")
dotted = [e for e in edges if e[2] == "dotted-line"]
c.check(len(dotted) == 6, f"dotted-line edges: {len(dotted)} != 6")
offices = {a.get("Office") for _, a in g.nodes(data=True)}
c.check("Johannesburg" in offices, "the 'Office' column did not reach the GraphML as an attribute")

# The other columns reach GEXF (read by NetworkX, validated by xmllint) and JSON too.
from networkx.readwrite import gexf as nx_gexf
if "1.3" not in nx_gexf.GEXF.versions:  # NetworkX 2.8 (Debian 12) predates GEXF 1.3: register its namespace
    nx_gexf.GEXF.versions["1.3"] = {"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
                                    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
                                    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd", "VERSION": "1.3"}
export(first, first + ".gexf", first + ".json")
gx = nx.read_gexf(first + ".gexf", version="1.3")
c.check({a.get("Office") for _, a in gx.nodes(data=True)} >= {"Johannesburg", "London"}, "GEXF lacks the 'Office' column")
rng = os.path.normpath(os.path.join(ROOT, "..", "shared", "schemas", "gexf-1.3", "gexf.rng"))
if os.path.exists(rng):
    r = subprocess.run(["xmllint", "--noout", "--relaxng", rng, first + ".gexf"], capture_output=True, text=True)
    c.check(r.returncode == 0, f"xmllint rejects the GEXF of a table: {r.stderr[-500:]}")
import json
nodes = json.load(open(first + ".json", encoding="utf-8"))["nodes"]
c.check(all(n.get("attributes", {}).get("Office") for n in nodes), "JSON nodes lack attributes.Office")
c.finish()
