"""out/ild.svg fitted to A4 landscape keeps its smallest text at >= 9 pt, and no two unit boxes overlap."""
import re
import xml.etree.ElementTree as ET

from common import Checker

S = "{http://www.w3.org/2000/svg}"
A4_LANDSCAPE = (842.0, 595.0)
c = Checker()


def box_of(path_d):
    nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", path_d)]
    xs, ys = nums[0::2], nums[1::2]
    return min(xs), min(ys), max(xs), max(ys)


for svg_path in ["out/ild.svg"]:
    root = ET.parse(svg_path).getroot()
    width, height = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    scale = min(A4_LANDSCAPE[0] / width, A4_LANDSCAPE[1] / height, 1.0)
    sizes = [float(t.get("font-size")) for t in root.iter(S + "text") if t.get("font-size")]
    smallest = min(sizes) * scale
    print(f"{svg_path}: {width:.0f} x {height:.0f} pt, fitted scale {scale:.3f}, smallest text {smallest:.2f} pt")
    c.check(smallest >= 9.0, f"{svg_path}: smallest text at A4 landscape is {smallest:.2f} pt (< 9)")
    boxes = []
    for g in root.iter(S + "g"):
        if g.get("class") == "node" and (g.get("id") or "").startswith("v"):
            shape = g.find(S + "path")
            if shape is None:
                shape = g.find(S + "polygon")
            d = shape.get("d") if shape.get("d") is not None else shape.get("points")
            boxes.append((g.get("id"), box_of(d)))
    c.check(len(boxes) > 20, f"{svg_path}: found {len(boxes)} unit boxes")
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            (a, (ax0, ay0, ax1, ay1)), (b, (bx0, by0, bx1, by1)) = boxes[i], boxes[j]
            overlap = ax0 < bx1 and bx0 < ax1 and ay0 < by1 and by0 < ay1
            c.check(not overlap, f"{svg_path}: boxes {a} and {b} overlap")
c.finish()
