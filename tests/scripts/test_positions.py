"""Positions in GraphML (and yEd geometry) are the layout's: they equal the box centres of the SVG drawn in the
same run."""
import os
import re
import xml.etree.ElementTree as ET

import networkx as nx

from common import Checker, export, tmpdir

S = "{http://www.w3.org/2000/svg}"
Y = "{http://www.yworks.com/xml/graphml}"
G = "{http://graphml.graphdrawing.org/xmlns}"
c = Checker()
d = tmpdir()


def svg_centres(path):
    """Card id (v<k>) -> box centre in Graphviz coordinates (x right, y up)."""
    out = {}
    for g in ET.parse(path).getroot().iter(S + "g"):
        if g.get("class") != "node" or not (g.get("id") or "").startswith("v"):
            continue
        shape = g.find(S + "path")
        if shape is None:
            shape = g.find(S + "polygon")
        nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points"))]
        xs, ys = nums[0::2], nums[1::2]
        # Graphviz's SVG user space has y pointing down from the top of the drawing: y_svg = -y_graphviz.
        out[g.get("id")] = ((min(xs) + max(xs)) / 2, -(min(ys) + max(ys)) / 2)
    return out


for data in ["data/ild.yaml", "data/party-state.yaml"]:
    svg, gml = os.path.join(d, "c.svg"), os.path.join(d, "c.graphml")
    export(data, svg, gml)
    centres = svg_centres(svg)
    g = nx.read_graphml(gml)
    c.check(len(centres) == g.number_of_nodes(), f"{data}: {len(centres)} SVG cards for {g.number_of_nodes()} nodes")
    for n, a in g.nodes(data=True):
        card = "v" + n[1:]  # GraphML node n<k> is vertex k, drawn as card v<k>
        if card not in centres:
            c.check(False, f"{data}: no SVG card for {n}")
            continue
        sx, sy = centres[card]
        c.check(abs(a["x"] - sx) <= 0.6 and abs(a["y"] - sy) <= 0.6,
                f"{data}: {a['unit_id']} at ({a['x']}, {a['y']}) in GraphML, ({sx:.2f}, {sy:.2f}) in SVG")
    # yEd: top-left corner, y down; the same boxes.
    root = ET.parse(gml).getroot()
    for node in root.iter(G + "node"):
        geo = node.find(f".//{Y}Geometry")
        a = g.nodes[node.get("id")]
        x, y, w, h = (float(geo.get(k)) for k in ("x", "y", "width", "height"))
        c.check(abs(w - a["width"]) < 0.01 and abs(h - a["height"]) < 0.01, f"{data}: yEd size of {a['unit_id']}")
        c.check(abs(x + w / 2 - a["x"]) <= 0.01, f"{data}: yEd x of {a['unit_id']}")
    # y down in yEd, up in the typed keys: top + h/2 + y is the drawing's height, the same for every node.
    sums = {round(float(n.find(f".//{Y}Geometry").get("y")) + float(n.find(f".//{Y}Geometry").get("height")) / 2 +
                  g.nodes[n.get("id")]["y"], 1) for n in root.iter(G + "node")}
    c.check(len(sums) == 1, f"{data}: yEd y is not the flipped y: {sorted(sums)[:5]}")
c.finish()
