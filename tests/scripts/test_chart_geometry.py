"""Legible relations and colours in the committed charts (issue 12, Done-when 3), read from the SVG alone:
- no relation path crosses a unit box or a group caption (it may end on the border of its own two boxes);
- no relation label overlaps a unit box, a group caption or another label;
- every two kind colours (card fills) used in one chart differ by CIEDE2000 >= 10 (ciede2000.py, checked
  against the 34 test pairs of Sharma, Wu and Dalal 2005 first).
Also on a chart made here: the ILD's relations to the child agencies it established or operates are drawn on
their hierarchy connectors (no second line), and an uncertain leadership (--as-of 2025-06-01) is dashed."""
import os
import re
import sys
import xml.etree.ElementTree as ET
from itertools import combinations

from ciede2000 import delta_e_hex, self_check
from common import Checker, export, tmpdir

S = "{http://www.w3.org/2000/svg}"
CHARTS = ["out/ild.svg", "out/party-state.svg"]
CHAR_WIDTH = 0.6  # of the font size: an average width of Latin text in Noto Sans (a generous estimate)


def numbers(d):
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", d)]


def bbox(points):
    xs, ys = points[0::2], points[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


def shape_points(el):
    pts = []
    for p in el.iter():
        if p.tag == S + "path":
            pts += numbers(p.get("d", ""))
        elif p.tag == S + "polygon":
            pts += numbers(p.get("points", ""))
        elif p.tag == S + "ellipse":
            cx, cy, rx, ry = (float(p.get(k)) for k in ("cx", "cy", "rx", "ry"))
            pts += [cx - rx, cy - ry, cx + rx, cy + ry]
    return pts


def text_box(t):
    """The box of a text element, estimated from its anchor, baseline, size and length."""
    size = float(t.get("font-size", "12"))
    width = len(t.text or "") * size * CHAR_WIDTH
    x, y = float(t.get("x")), float(t.get("y"))
    anchor = t.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return (left, y - size * 0.8, left + width, y + size * 0.2)


def overlap(a, b, slack=0.5):
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def inside(p, box, slack=1.0):
    return box[0] + slack < p[0] < box[2] - slack and box[1] + slack < p[1] < box[3] - slack


def bezier_samples(d, steps=12):
    """Points along an SVG path of M/C commands (what Graphviz writes for edges) or of M/L commands (ours)."""
    nums = numbers(d)
    pts = list(zip(nums[0::2], nums[1::2]))
    out = [pts[0]]
    if "C" not in d:  # a polyline of M/L commands (what our own SVG writer draws for routes)
        for p0, p1 in zip(pts, pts[1:]):
            for k in range(1, steps + 1):
                t = k / steps
                out.append((p0[0] + (p1[0] - p0[0]) * t, p0[1] + (p1[1] - p0[1]) * t))
        return out
    for i in range(1, len(pts) - 2, 3):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for k in range(1, steps + 1):
            t = k / steps
            u = 1 - t
            out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                        u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def read_chart(path):
    root = ET.parse(path).getroot()
    units, captions, relations, fills = {}, [], [], {}
    for g in root.iter(S + "g"):
        gid, cls = g.get("id") or "", g.get("class")
        if cls == "node" and re.fullmatch(r"v\d+", gid):
            pts = shape_points(g)
            if pts:
                units[gid] = bbox(pts)
            shape = next((p for p in g if p.tag in (S + "path", S + "polygon") and p.get("fill") not in (None, "none")), None)
            if shape is not None:
                fills[gid] = shape.get("fill").lower()
        elif cls == "node" and re.fullmatch(r"g\d+", gid):
            for t in g.iter(S + "text"):
                captions.append((gid, text_box(t)))
        elif cls == "edge" and re.fullmatch(r"r\d+", gid):
            paths = [p.get("d") for p in g.iter(S + "path")]
            labels = [text_box(t) for t in g.iter(S + "text")]
            relations.append((gid, paths, labels))
    return units, captions, relations, fills


def check_chart(c, path):
    units, captions, relations, fills = read_chart(path)
    c.check(len(units) > 5 and len(relations) > 3, f"{path}: {len(units)} cards and {len(relations)} relations read")
    # Relation paths: no sampled point strictly inside a card (its own two cards included: a route ends on the
    # border) or a caption.
    for rid, paths, _ in relations:
        for d in paths:
            samples = bezier_samples(d)
            hit_units = sorted({u for u, box in units.items() for p in samples if inside(p, box)})
            c.check(not hit_units, f"{path}: relation {rid} crosses the cards {hit_units}")
            hit_captions = sorted({g for g, box in captions for p in samples if inside(p, box, 0.5)})
            c.check(not hit_captions, f"{path}: relation {rid} crosses the captions of {hit_captions}")
    # Labels: clear of cards, captions and one another.
    labels = [(rid, box) for rid, _, boxes in relations for box in boxes]
    c.check(len(labels) >= len(relations) - 1, f"{path}: {len(labels)} labels for {len(relations)} relations")
    for rid, box in labels:
        c.check(not [u for u, ub in units.items() if overlap(box, ub)],
                f"{path}: the label of {rid} overlaps the cards {[u for u, ub in units.items() if overlap(box, ub)]}")
        c.check(not [g for g, cb in captions if overlap(box, cb)], f"{path}: the label of {rid} overlaps a caption")
    for (ra, a), (rb, b) in combinations(labels, 2):
        c.check(not overlap(a, b), f"{path}: the labels of {ra} and {rb} overlap")
    # Kind colours.
    used = sorted(set(fills.values()))
    c.check(len(used) >= 5, f"{path}: {len(used)} card colours")
    for a, b in combinations(used, 2):
        de = delta_e_hex(a, b)
        c.check(de >= 10, f"{path}: card colours {a} and {b} differ by CIEDE2000 {de:.2f} < 10")


c = Checker()
for problem in self_check():
    c.check(False, problem)
for chart in CHARTS:
    check_chart(c, chart)

# Every chart, not only ours: the built-in kind fills pairwise, and the palette for other values pairwise (as
# written in the style module), differ by CIEDE2000 >= 10.
style = open("src/writers/style.cpp", encoding="utf-8").read()
# The kind styles are a compact table of "kind #fill #outline" lines: every other colour is a fill.
kinds_body = style[style.index("kStyles = ["):style.index("return out;", style.index("kStyles = ["))]
# The palette is a compact table of "#fill #outline" pairs: every other colour is a fill.
palette_body = style[style.index("kPalette = ["):style.index("return out;", style.index("kPalette = ["))]
palette_fills = re.findall(r"#[0-9a-f]{6}", palette_body)[::2]
kind_fills = re.findall(r"#[0-9a-f]{6}", kinds_body)[::2]
for name, fills in (("built-in kind", kind_fills), ("palette", palette_fills)):
    c.check(len(fills) >= 12, f"{len(fills)} {name} fills read from style.cpp")
    for a, b in combinations(fills, 2):
        c.check(delta_e_hex(a, b) >= 10, f"{name} fills {a} and {b}: CIEDE2000 {delta_e_hex(a, b):.2f} < 10")

# The same geometry on a chart drawn here as of a date inside the ILD's leadership window; and that chart marks
# the leadership as uncertain, and draws the established/operates relations on the hierarchy connectors.
d = tmpdir()
svg = os.path.join(d, "ild-2025-06.svg")
dot = os.path.join(d, "ild-2025-06.dot")
export("data/ild.yaml", svg, args=["--as-of", "2025-06-01"])
export("data/ild.yaml", dot, args=["--as-of", "2025-06-01"])
check_chart(c, svg)
root = ET.parse(svg).getroot()
ild = next(g for g in root.iter(S + "g") if g.get("class") == "node" and (g.findtext(S + "title") or "").startswith("International Department of the Central Committee"))
outline = next(p for p in ild.iter(S + "path"))
c.check(outline.get("stroke-dasharray") is not None, "the ILD's card is dashed as of 2025-06-01")
title = ild.findtext(S + "title")
c.check("Uncertain on the chart's date" in title and "between 2024-01-30 and 2025-12-31" in title,
        "the ILD's tooltip gives the window")
texts = " ".join(t.text or "" for t in ild.iter(S + "text"))
c.check("Liu Jianchao (?)" in texts and "Liu Haixing (?)" in texts, f"both heads marked (?) on the card: {texts}")
plain = os.path.join(d, "ild-2026.svg")
export("data/ild.yaml", plain, args=["--as-of", "2026-01-01"])
root = ET.parse(plain).getroot()
c.check("(?)" not in ET.tostring(root, encoding="unicode"), "after the window nothing is uncertain")
text = open(dot, encoding="utf-8").read()
hier, rel = {}, {}
for line in text.splitlines():
    m = re.match(r'\s*"ild" -> "([\w-]+)" \[id="([hr])\d+"', line)
    pos = re.search(r' pos="(?:e,[^ ]+ )?([^"]+)"', line)
    if m and pos:
        (hier if m.group(2) == "h" else rel)[m.group(1)] = pos.group(1)
for rel_target in ("caiu", "cccws", "cfpd"):
    m = rel.get(rel_target)
    c.check(m is not None and rel_target in hier, f"ild -> {rel_target}: relation and hierarchy both routed")
    if m and rel_target in hier:
        rel_pts = [tuple(map(float, p.split(","))) for p in m.split()]
        h_pts = [tuple(map(float, p.split(","))) for p in hier[rel_target].split()]
        # Drawn on the connector: every point of the relation lies on the hierarchy edge's polyline.
        def on_polyline(p, poly):
            for (ax, ay), (bx, by) in zip(poly, poly[1:]):
                if min(ax, bx) - 0.01 <= p[0] <= max(ax, bx) + 0.01 and min(ay, by) - 0.01 <= p[1] <= max(ay, by) + 0.01:
                    if abs((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)) < 0.01 * (abs(bx - ax) + abs(by - ay) + 1):
                        return True
            return False
        c.check(all(on_polyline(p, h_pts) for p in rel_pts), f"ild -> {rel_target} is drawn on its hierarchy connector")
c.finish()
