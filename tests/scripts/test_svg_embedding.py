"""out/ild.svg renders the same in rsvg-convert and headless Chromium, and embeds in HTML and PDF with its text
(CJK included) kept as text in a font that has the glyphs."""
import os
import shutil
import subprocess
import tempfile

from PIL import Image, ImageChops, ImageFilter, ImageStat

from common import ROOT, Checker, latest_counts, load_yaml_with_includes, tmpdir

c = Checker()
d = tmpdir()
svg = os.path.join(ROOT, "out", "ild.svg")
chromium = shutil.which("chromium")
if not chromium:
    raise SystemExit("FAIL: chromium is missing (scripts/install-deps.sh installs it)")


def run(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    c.check(r.returncode == 0, f"{' '.join(cmd[:3])}... exited {r.returncode}: {r.stderr[-500:]}")
    return r


def chrome(*args):
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    return run(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars", "--force-device-scale-factor=1", f"--user-data-dir={profile}", *args)


def pdf_text_and_fonts(pdf):
    text = run("pdftotext", "-layout", pdf, "-").stdout
    fonts = run("pdffonts", pdf).stdout
    return " ".join(text.split()), fonts


units, _, _ = latest_counts(load_yaml_with_includes("data/ild.yaml"))
native = next(u["native_name"] for u in units if u["id"] == "ild")

# 1. rsvg-convert: PNG and PDF; the PDF keeps every unit's words as text, CJK in an embedded CJK font.
rsvg_png = os.path.join(d, "rsvg.png")
run("rsvg-convert", "-o", rsvg_png, svg)
rsvg_pdf = os.path.join(d, "rsvg.pdf")
run("rsvg-convert", "-f", "pdf", "-o", rsvg_pdf, svg)
text, fonts = pdf_text_and_fonts(rsvg_pdf)
for u in units:
    for word in u["name"].split():
        c.check(word in text, f"rsvg PDF lost the word {word!r} of {u['name']!r}")
c.check(native in text.replace(" ", ""), "rsvg PDF lost the CJK native name")
c.check("NotoSansCJK" in fonts and " yes " in fonts, f"rsvg PDF does not embed Noto Sans CJK: {fonts}")

# 2. Headless Chromium: the SVG as <img> in a page, screenshot, compared with rsvg's rendering.
img = Image.open(rsvg_png).convert("L")
w, h = img.size
page = os.path.join(d, "page.html")
with open(page, "w", encoding="utf-8") as f:
    f.write(f'<!doctype html><html><body style="margin:0;background:white">'
            f'<img src="file://{svg}" width="{w}" height="{h}" style="display:block"></body></html>')
shot = os.path.join(d, "chromium.png")
chrome(f"--window-size={w},{h}", f"--screenshot={shot}", f"file://{page}")
chromium_img = Image.open(shot).convert("L")
c.check(chromium_img.size == (w, h), f"screenshot {chromium_img.size} != {(w, h)}")
chromium_img = chromium_img.resize((w, h))
diff = ImageStat.Stat(ImageChops.difference(img, chromium_img)).mean[0]
c.check(diff < 6.0, f"Chromium and rsvg renderings differ: mean absolute difference {diff:.2f} of 255")
# Ink: the same amount of drawn pixels (a missing glyph or font would change it).
ink = [sum(1 for p in im.getdata() if p < 128) for im in (img, chromium_img)]
c.check(abs(ink[0] - ink[1]) <= 0.1 * ink[0], f"ink differs: rsvg {ink[0]} px, Chromium {ink[1]} px")

# The CJK line itself, cropped from both renderings: tofu boxes or a fallback font would not match rsvg's
# Noto Sans CJK glyphs.
import re
import xml.etree.ElementTree as ET
tree = ET.parse(svg).getroot()
tx, ty = (float(v) for v in re.search(r"translate\(([-\d.]+) ([-\d.]+)\)",
                                        tree.find("{http://www.w3.org/2000/svg}g").get("transform")).groups())
px = w / float(tree.get("width").removesuffix("pt"))
cjk = [t for t in tree.iter("{http://www.w3.org/2000/svg}text") if (t.text or "") == native]
c.check(len(cjk) == 1, "the native name is one text line in the SVG")
if cjk:
    x, y = float(cjk[0].get("x")) + tx, float(cjk[0].get("y")) + ty
    crop = (int(x * px) - 2, int((y - 12) * px), int((x + 12 * len(native)) * px), int((y + 4) * px))
    a, b = img.crop(crop), chromium_img.crop(crop)
    ink_a = sum(1 for p in a.getdata() if p < 128)
    c.check(ink_a > 100, f"rsvg drew the CJK line ({ink_a} dark px)")
    # Blur away sub-pixel anti-aliasing differences; glyph shapes stay.
    blur = ImageFilter.GaussianBlur(2)
    crop_diff = ImageStat.Stat(ImageChops.difference(a.filter(blur), b.filter(blur))).mean[0]
    print(f"CJK line: {ink_a} dark px in rsvg, blurred mean difference {crop_diff:.2f}")
    c.check(crop_diff < 12.0, f"CJK line differs between rsvg and Chromium: {crop_diff:.2f}")

# 3. Inline in HTML, printed to PDF by Chromium: text stays text, CJK glyphs come from a CJK font.
inline = os.path.join(d, "inline.html")
body = open(svg, encoding="utf-8").read().split("?>", 1)[1]
with open(inline, "w", encoding="utf-8") as f:
    f.write('<!doctype html><html><head><meta charset="utf-8"></head><body>' + body + "</body></html>")
chrome_pdf = os.path.join(d, "chromium.pdf")
chrome(f"--print-to-pdf={chrome_pdf}", "--no-pdf-header-footer", f"file://{inline}")
text, fonts = pdf_text_and_fonts(chrome_pdf)
c.check("International Department" in text, "Chromium PDF lost the English text")
c.check(native in text.replace(" ", ""), "Chromium PDF lost the CJK native name (missing glyphs?)")
c.check("yes" in fonts, f"Chromium PDF embeds no fonts: {fonts}")  # Skia embeds CFF fonts as Type 3
for p in ["rsvg.png", "chromium.png"]:
    shutil.copy(os.path.join(d, p), os.path.join(tempfile.gettempdir(), "orgchart-" + p))
c.finish()
