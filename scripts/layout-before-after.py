#!/usr/bin/env python3
"""A generated 300-unit organisation (fixed seed) drawn by two orgchart binaries, for the README's before/after.

    scripts/layout-before-after.py OLD_BINARY NEW_BINARY [OUT_DIR]

Writes OUT_DIR/org300.yaml (default out/examples), org300-before.png (OLD_BINARY) and org300-after.png
(NEW_BINARY), both exported as SVG on the default page (A4 landscape) and rasterised 1000 px wide with
rsvg-convert (the SVGs are not kept: they are ten times larger).
"""
import pathlib
import random
import subprocess
import sys
import tempfile

WORDS = ["Finance", "Planning", "Research", "Operations", "Legal", "Audit", "Training", "Logistics", "Policy",
         "Outreach", "Records", "Security", "Health", "Housing", "Transport", "Energy", "Water", "Trade",
         "Culture", "Science", "Archives", "Statistics", "Procurement", "Personnel", "Press", "Liaison"]
KINDS = ["Department", "Bureau", "Office", "Division", "Unit", "Section", "Centre", "Service"]


def generate(n=300, seed=300, max_depth=6):
    rng = random.Random(seed)
    units = [("u0", "Head Office", None, 0)]
    head = 0
    while len(units) < n:
        uid, _, _, depth = units[head]
        has_children = any(u[2] == uid for u in units)
        if depth < max_depth and not has_children and (head == 0 or rng.random() < 0.5):
            for _ in range(rng.randint(3, 12)):
                if len(units) >= n:
                    break
                name = f"{rng.choice(WORDS)} {rng.choice(KINDS)}"
                if rng.random() < 0.3:
                    name += f" of {rng.choice(WORDS)} and {rng.choice(WORDS)}"
                units.append((f"u{len(units)}", name, uid, depth + 1))
        head = head + 1 if head + 1 < len(units) else 0
    lines = ["title: A generated organisation of 300 units (seed 300)", "units:"]
    for uid, name, parent, depth in units:
        lines.append(f"  - id: {uid}")
        lines.append(f"    name: {name}")
        lines.append(f"    kind: {'department' if depth < 2 else 'bureau'}")
        if parent:
            lines.append(f"    parent: {parent}")
    return "\n".join(lines) + "\n"


def main():
    old, new = sys.argv[1], sys.argv[2]
    out = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else "out/examples")
    out.mkdir(parents=True, exist_ok=True)
    data = out / "org300.yaml"
    data.write_text(generate())
    with tempfile.TemporaryDirectory() as tmp:
        for binary, tag in ((old, "before"), (new, "after")):
            svg, png = pathlib.Path(tmp) / f"{tag}.svg", out / f"org300-{tag}.png"
            subprocess.run([binary, "export", str(data), "-o", str(svg)], check=True)
            subprocess.run(["rsvg-convert", "-w", "1000", "-b", "white", "-o", str(png), str(svg)], check=True)


if __name__ == "__main__":
    main()
