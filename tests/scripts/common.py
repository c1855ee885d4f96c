"""Shared helpers for the script tests: run the binary, read the data independently of our C++ reader."""
import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def binary():
    return sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "orgchart")


def export(data, *outputs, args=()):
    """Runs `orgchart export data -o ...` and fails loudly on a non-zero exit."""
    cmd = [binary(), "export", data, *args]
    for o in outputs:
        cmd += ["-o", o]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(cmd)} exited {r.returncode}: {r.stderr}")


def load_yaml_with_includes(path):
    """The data file and its includes, merged, read with PyYAML (not our reader)."""
    merged = {"units": [], "people": [], "relations": [], "sources": []}
    seen, work = set(), [os.path.join(ROOT, path)]
    while work:
        p = os.path.normpath(work.pop(0))
        if p in seen:
            continue
        seen.add(p)
        with open(p, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for k in merged:
            merged[k] += doc.get(k) or []
        work += [os.path.join(os.path.dirname(p), i) for i in doc.get("include") or []]
    return merged


def latest_counts(data):
    """Units, hierarchy edges and relation edges of the latest state (no `until`)."""
    units = [u for u in data["units"] if "until" not in u]
    ids = {u["id"] for u in units}
    parents = [u for u in units if u.get("parent") in ids]
    relations = [r for r in data["relations"] if "until" not in r and r["unit"] in ids and r["target"] in ids]
    return units, parents, relations


class Checker:
    def __init__(self):
        self.failures = 0
        self.passed = 0

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failures += 1
            print("FAIL:", what)

    def finish(self):
        print(f"{self.passed} passed, {self.failures} failed")
        sys.exit(1 if self.failures else 0)


def tmpdir():
    return tempfile.mkdtemp(prefix="orgchart-script-")
