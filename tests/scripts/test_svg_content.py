"""The SVG is well-formed, self-contained, names every unit, and escapes hostile text."""
import os
import xml.etree.ElementTree as ET

from common import Checker, export, latest_counts, load_yaml_with_includes, tmpdir

SVG = "{http://www.w3.org/2000/svg}"
c = Checker()
d = tmpdir()
for data in ["data/ild.yaml", "tests/data/yaml/valid/tricky.yaml"]:
    path = os.path.join(d, os.path.basename(data) + ".svg")
    export(data, path)
    raw = open(path, encoding="utf-8").read()
    root = ET.fromstring(raw.encode("utf-8"))  # raises on malformed XML
    c.check(root.tag == SVG + "svg", f"{data}: root is {root.tag}")
    c.check(root.get("viewBox") and root.get("width", "").endswith("pt"), f"{data}: viewBox and width in pt")
    titles = [t.text or "" for t in root.iter(SVG + "title")]
    c.check(root.find(SVG + "g/" + SVG + "desc") is not None, f"{data}: chart <desc>")
    units, _, _ = latest_counts(load_yaml_with_includes(data))
    for u in units:
        # Titles keep the name on one line, without the control characters XML cannot hold.
        name = " ".join("".join(ch for ch in u["name"] if ch >= " " or ch in "\n\t").split())
        c.check(any(name in " ".join(t.split()) for t in titles), f"{data}: no <title> holds {u['name']!r}")
    for bad in ["<script", "foreignObject", "xlink:href", "<!DOCTYPE", "javascript:", "<a "]:
        c.check(bad not in raw, f"{data}: SVG contains {bad!r}")
    c.check(not any(el.tag == SVG + "script" for el in root.iter()), f"{data}: script element")
    if "tricky" in data:
        # Graphviz would expand \N and \G (node and graph name) inside labels; the data's text must survive.
        texts = " ".join(t.text or "" for t in root.iter(SVG + "text"))
        c.check("back\\slash \\N" in texts and "\\G" in texts, f"{data}: backslash sequences expanded: {texts[:200]}")
        c.check("\u2060" not in raw, f"{data}: word joiners left in the SVG")
    fonts = {el.get("font-family") for el in root.iter() if el.get("font-family")}
    c.check(all("sans-serif" in f and "Noto Sans CJK SC" in f for f in fonts), f"{data}: font lists {fonts}")
c.finish()
