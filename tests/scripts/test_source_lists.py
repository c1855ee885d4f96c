"""CMake lists every source by name (no globs, as ninja and fmt do): the library's ORGCHART_SOURCES, the test
binary's ORGCHART_TEST_SOURCES, the script tests' ORGCHART_SCRIPT_TESTS and the benchmarks. A name is cheap to
forget, so this compares each list with the files on disk: a file that no list names (it would silently not be
built or not be run) or a name with no file fails, and so does a list out of order or any file(GLOB)."""
import glob
import os
import re
import sys

from common import Checker

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
c = Checker()


def cmake_list(path, name):
    """The entries of `set(<name> ...)` in a CMakeLists.txt (one name per line or space separated)."""
    text = open(os.path.join(root, path), encoding="utf-8").read()
    m = re.search(r"set\(" + name + r"\b(.*?)\)", text, re.S)
    if not m:
        c.check(False, f"{path}: no set({name} ...)")
        return []
    body = re.sub(r"#[^\n]*", "", m.group(1))
    return body.split()


def on_disk(pattern, base):
    return sorted(os.path.relpath(f, os.path.join(root, base))
                  for f in glob.glob(os.path.join(root, pattern), recursive=True))


def compare(listed, files, what):
    c.check(listed == sorted(listed), f"{what}: not in alphabetical order")
    for f in sorted(set(files) - set(listed)):
        c.check(False, f"{what}: {f} is on disk but not listed (add it to the list, or delete the file)")
    for f in sorted(set(listed) - set(files)):
        c.check(False, f"{what}: {f} is listed but not on disk")
    c.check(len(listed) == len(set(listed)), f"{what}: a name is listed twice")


compare(cmake_list("CMakeLists.txt", "ORGCHART_SOURCES"),
        [f for f in on_disk("src/**/*.cpp", "") if f != "src/main.cpp"], "CMakeLists.txt ORGCHART_SOURCES")
compare(cmake_list("tests/CMakeLists.txt", "ORGCHART_TEST_SOURCES"),
        on_disk("tests/**/*_test.cpp", "tests"), "tests/CMakeLists.txt ORGCHART_TEST_SOURCES")
compare(cmake_list("tests/CMakeLists.txt", "ORGCHART_SCRIPT_TESTS"),
        on_disk("tests/scripts/test_*.py", "tests/scripts") + on_disk("tests/scripts/test_*.sh", "tests/scripts"),
        "tests/CMakeLists.txt ORGCHART_SCRIPT_TESTS")
compare(cmake_list("CMakeLists.txt", "ORGCHART_BENCH_SOURCES"), on_disk("bench/*.cpp", ""),
        "CMakeLists.txt ORGCHART_BENCH_SOURCES")
for path in ["CMakeLists.txt", "tests/CMakeLists.txt"]:
    text = open(os.path.join(root, path), encoding="utf-8").read()
    c.check("file(GLOB" not in text, f"{path}: globs files (list them by name)")
c.finish()
