"""export --pages on a generated tree of 30,000 units, to page SVGs and one PDF: the checks of test_pages.py."""
from pages_check import run

run(30000, 3).finish()
