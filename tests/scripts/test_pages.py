"""export --pages on generated trees of 300 and 3,000 units: every unit on exactly one page, text >= 9 pt on A4
landscape, no overlapping cards, every "continued on p. N", "from ..., p. M" and reference naming the right
page, and the PDF's text and links agreeing (pages_check.py)."""
import sys

from pages_check import run

failures = 0
for n, seed in ((300, 1), (3000, 2)):
    c = run(n, seed)
    failures += c.failures
    print(f"{n}: {c.passed} passed, {c.failures} failed")
sys.exit(1 if failures else 0)
