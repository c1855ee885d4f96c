"""People charts drawn as HR users expect, checked in the SVG (parsed as XML, not by our code):
person cards (name bold, title, department), the vacancy card, the dotted-line manager, co-heads, the photo
embedded as a data URI (and rendered by rsvg-convert), initials for a URL photo, colour-by legend, headcount."""
import base64
import os
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

from common import ROOT, Checker, binary, export, tmpdir

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
DATA = "data/examples/people.yaml"
c = Checker()
d = tmpdir()


def nodes_by_title(root):
    """Each card's <g class="node"> by the first line of its <title> (the card's name)."""
    out = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") == "node":
            t = g.find(SVG + "title")
            out[(t.text or "").split("\n")[0]] = g
    return out


def png_pixels(path):
    """(width, height, rows of RGB(A) tuples) of an 8-bit, non-interlaced PNG: our own decoder, standard library only."""
    import struct
    import zlib
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6), (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, cc = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p_ = a + b - cc
                pa, pb, pc = abs(p_ - a), abs(p_ - b), abs(p_ - cc)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else cc)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return rows


def photo_pixels(path):
    """Pixels of the example photo's background colour (120, 170, 210), which nothing else on the chart uses."""
    return sum(1 for row in png_pixels(path) for p in row if all(abs(p[k] - (120, 170, 210)[k]) <= 6 for k in range(3)))


def texts(g):
    return [t.text or "" for t in g.iter(SVG + "text")]


svg_path = os.path.join(d, "people.svg")
r = subprocess.run([binary(), "export", DATA, "-o", svg_path], cwd=ROOT, capture_output=True, text=True)
c.check(r.returncode == 0, f"export failed: {r.stderr}")
raw = open(svg_path, encoding="utf-8").read()
root = ET.fromstring(raw.encode("utf-8"))
cards = nodes_by_title(root)

# Person card: name (bold, first line), title, department.
ada = cards.get("Ada Lovelace")
c.check(ada is not None, f"no card for Ada Lovelace: {list(cards)}")
if ada is not None:
    t = texts(ada)
    c.check(t[:3] == ["Ada Lovelace", "Chief Technology Officer", "Engineering"], f"Ada's card text: {t}")
    bold = [x.text for x in ada.iter(SVG + "text") if x.get("font-weight") == "bold"]
    c.check(bold == ["Ada Lovelace"], f"only the name is bold: {bold}")
    sizes = {x.text: float(x.get("font-size")) for x in ada.iter(SVG + "text")}
    c.check(sizes["Engineering"] < sizes["Chief Technology Officer"], f"department is smaller: {sizes}")
    # The photo: a data URI holding exactly the committed file, and nothing else referenced.
    images = list(ada.iter(SVG + "image"))
    c.check(len(images) == 1, f"Ada's card has one image: {len(images)}")
    if images:
        href = images[0].get(XLINK + "href") or images[0].get("href") or ""
        c.check(href.startswith("data:image/png;base64,"), f"photo is a PNG data URI: {href[:40]}")
        payload = base64.b64decode(href.split(",", 1)[1])
        c.check(payload == open(os.path.join(ROOT, "data/examples/photos/ada.png"), "rb").read(), "embedded bytes = file")
hrefs = [el.get(XLINK + "href") for el in root.iter() if el.get(XLINK + "href")]
c.check(all(h.startswith("data:") for h in hrefs), f"no external reference remains: {[h[:40] for h in hrefs]}")
c.check("photos/ada.png" not in raw and "example.org" not in raw.replace("example.org/photos/barbara.jpg", ""),
        "no file path in the SVG")

# A URL photo is never fetched: a warning with file:line:col, and the card shows initials.
c.check(re.search(r"people\.yaml:\d+:\d+: warning: the photo 'https://example\.org/photos/barbara\.jpg'.*URL", r.stderr),
        f"URL warning: {r.stderr}")
barbara = cards.get("Barbara Liskov")
c.check(barbara is not None and "BL" in texts(barbara), f"initials on Barbara's card: {barbara is not None and texts(barbara)}")
c.check(barbara is not None and not list(barbara.iter(SVG + "image")), "no image for a URL photo")

# The vacancy card: dashed outline, "Vacant" and the position's title.
vac = cards.get("Frontend Lead (vacant)")
c.check(vac is not None, "no vacancy card")
if vac is not None:
    c.check(texts(vac)[:2] == ["Vacant", "Frontend Lead"], f"vacancy text: {texts(vac)}")
    outline = [p for p in vac.iter(SVG + "path") if p.get("stroke-dasharray")]
    c.check(len(outline) >= 1, "vacancy outline is dashed")
solid = [p for p in ada.iter(SVG + "path") if p.get("stroke-dasharray")] if ada is not None else ["x"]
c.check(not solid, "a filled position's outline is solid (the check can fail)")

# Co-heads on the team's card.
team = cards.get("Platform Team")
c.check(team is not None and any("Co-heads: Alan Turing, Barbara Liskov" in t for t in texts(team)),
        f"co-heads line: {team is not None and texts(team)}")

# The dotted-line manager: one dotted edge, no label text on it; the legend names it.
edges = [g for g in root.iter(SVG + "g") if g.get("class") == "edge"]
dotted = [g for g in edges if any(p.get("stroke-dasharray") == "1,5" for p in g.iter(SVG + "path"))]
c.check(len(dotted) == 1, f"one dotted edge, got {len(dotted)}")
if dotted:
    c.check(not texts(dotted[0]), f"no label on the dotted edge: {texts(dotted[0])}")
    title = dotted[0].find(SVG + "title").text
    c.check(title.startswith("Margaret Hamilton") and "Alan Turing" in title, f"dotted edge joins report and manager: {title}")
legend = next((g for g in root.iter(SVG + "g") if g.get("id") == "legend"), None)
legend_text = texts(legend) if legend is not None else []
c.check("dotted-line manager" in legend_text, f"legend: {legend_text}")
c.check("vacancy (dashed)" in legend_text, f"legend: {legend_text}")
c.check("contractor" in legend_text and "person" in legend_text, f"open kinds in the legend: {legend_text}")

# styles: colours the data gives win.
marg = cards.get("Margaret Hamilton")
if marg is not None:
    fills = [p.get("fill") for p in marg.iter(SVG + "path")]
    c.check("#fff4e0" in fills, f"contractor fill from styles: {fills}")

# rsvg-convert (librsvg, an independent renderer) draws the self-contained SVG, photo included.
png = os.path.join(d, "people.png")
rr = subprocess.run(["rsvg-convert", "-o", png, svg_path], capture_output=True, text=True)
c.check(rr.returncode == 0 and os.path.getsize(png) > 1000, f"rsvg-convert: {rr.stderr}")
if rr.returncode == 0:
    n = photo_pixels(png)
    c.check(n > 200, f"rsvg-convert drew the embedded photo: {n} photo-coloured pixels")
# Graphviz draws the photo in PNG (cairo loads it) and writes it into the PDF.
gv_png, gv_pdf = os.path.join(d, "gv.png"), os.path.join(d, "gv.pdf")
export(DATA, gv_png, gv_pdf)
n = photo_pixels(gv_png)
c.check(n > 200, f"Graphviz's PNG shows the photo: {n} photo-coloured pixels")
pdf = open(gv_pdf, "rb").read()
c.check(b"/Subtype /Image" in pdf, "the PDF holds an image XObject")
# Without a photo the same check finds nothing: it can fail.
nophoto = os.path.join(d, "nophoto.yaml")
with open(nophoto, "w", encoding="utf-8") as f:
    f.write("units:\n  - {id: a, name: Ada Lovelace, title: CTO}\n")
np_png = os.path.join(d, "nophoto.png")
export(nophoto, np_png)
c.check(photo_pixels(np_png) == 0, "no photo, no photo-coloured pixels")

# --color-by group: each group once in the legend, one colour per group, different groups differ.
cb = os.path.join(d, "by-group.svg")
export(DATA, cb, args=["--color-by", "group"])
root2 = ET.fromstring(open(cb, encoding="utf-8").read().encode("utf-8"))
legend2 = next(g for g in root2.iter(SVG + "g") if g.get("id") == "legend")
lt = texts(legend2)
c.check(lt.count("Engineering") == 1 and lt.count("Platform") == 1 and lt.count("Applications") == 1, f"legend: {lt}")
c.check("colour: group" in lt, f"legend names the column: {lt}")
cards2 = nodes_by_title(root2)
fill_of = {}
for name, g in cards2.items():
    p = next((p for p in g.iter(SVG + "path") if p.get("fill") not in (None, "none")), None)
    if p is not None:
        fill_of[name] = p.get("fill")
c.check(fill_of.get("Alan Turing") == fill_of.get("Barbara Liskov"), f"same group, same colour: {fill_of}")
c.check(len({fill_of.get("Alan Turing"), fill_of.get("Edsger Dijkstra"), fill_of.get("Ada Lovelace")}) == 3,
        f"three groups, three colours: {fill_of}")
# An unknown column is a usage error with a suggestion, and writes nothing.
bad = os.path.join(d, "bad.svg")
r = subprocess.run([binary(), "export", DATA, "-o", bad, "--color-by", "grop"], cwd=ROOT, capture_output=True, text=True)
c.check(r.returncode == 2 and "did you mean 'group'" in r.stderr and not os.path.exists(bad), f"bad column: {r.stderr}")

# Hostile text in every new field stays text in DOT and SVG.
hostile = os.path.join(d, "hostile.yaml")
with open(hostile, "w", encoding="utf-8") as f:
    f.write('units:\n  - {id: a, name: "<b>x</b> & \\"q\\"", title: "</text><script>alert(1)</script>", '
            'group: "A & B <c>", label: "L1 <i>\\\\N\\nL2 & ]]>", photo: "\\"><svg onload=x>.png"}\n'
            'styles:\n  "<x>": {fill: "#abc"}\n')
hs = os.path.join(d, "hostile.svg")
r = subprocess.run([binary(), "export", hostile, "-o", hs, "-o", os.path.join(d, "hostile.dot"),
                    "--color-by", "title", "--headcount"], cwd=ROOT, capture_output=True, text=True)
c.check(r.returncode == 0, f"hostile export: {r.stderr}")
if r.returncode == 0:
    hraw = open(hs, encoding="utf-8").read()
    hroot = ET.fromstring(hraw.encode("utf-8"))
    c.check(not any(el.tag == SVG + "script" for el in hroot.iter()), "no script element")
    all_text = [t.text or "" for t in hroot.iter(SVG + "text")]
    c.check("L1 <i>\\N" in all_text and "L2 & ]]>" in all_text, f"label lines kept literally: {all_text}")
    c.check("</text><script>alert(1)</script>" in all_text, f"title kept literally in the legend: {all_text}")

def card_box(g):
    """(x0, y0, x1, y1) of a card: the extent of its first outline (path or polygon) in SVG coordinates."""
    for el in g.iter():
        if el.tag in (SVG + "path", SVG + "polygon"):
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("d") or el.get("points") or "")]
            xs, ys = nums[0::2], nums[1::2]
            if xs and ys:
                return min(xs), min(ys), max(xs), max(ys)
    return None


# The assistant (placement: side) stands beside her manager: below the manager's box, above every regular
# report, off the manager's centre line, and no two cards overlap (SVG y grows downwards).
boxes = {name: card_box(g) for name, g in cards.items()}
ada_b, grace_b = boxes.get("Ada Lovelace"), boxes.get("Grace Hopper")
reports = [boxes.get(n) for n in ("Platform Team", "Applications")]
c.check(None not in (ada_b, grace_b) and None not in reports, f"cards with outlines: {sorted(boxes)}")
if None not in (ada_b, grace_b) and None not in reports:
    centre = (ada_b[0] + ada_b[2]) / 2
    c.check(grace_b[1] >= ada_b[3], f"assistant below her manager: {grace_b} vs {ada_b}")
    c.check(all(grace_b[3] <= r[1] for r in reports), f"assistant above the reports: {grace_b} vs {reports}")
    c.check(grace_b[2] < centre or grace_b[0] > centre, f"assistant beside the centre line {centre}: {grace_b}")
import yaml  # noqa: E402  (the unit names from the data, read by PyYAML: group blocks are not cards)
unit_names = {u["name"] for u in yaml.safe_load(open(os.path.join(ROOT, DATA), encoding="utf-8"))["units"]}
named = [(n, b) for n, b in boxes.items() if b and n.split(" (")[0] in unit_names]
c.check(len(named) >= 8, f"cards found for the units: {[n for n, _ in named]}")
for i, (n1, b1) in enumerate(named):
    for n2, b2 in named[i + 1:]:
        overlap = b1[0] < b2[2] - 0.5 and b2[0] < b1[2] - 0.5 and b1[1] < b2[3] - 0.5 and b2[1] < b1[3] - 0.5
        c.check(not overlap, f"cards overlap: {n1} {b1} and {n2} {b2}")

c.finish()
