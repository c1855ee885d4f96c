"""Issue 9, done-when 4: every malformed table of tests/data/tables/invalid/ (and a few hundred random mutations
of a good CSV and a good XLSX) makes `export` and `import` exit 1 with a message, never crash, and write nothing."""
import os
import random
import subprocess

import table_fixtures
from common import Checker, ROOT, binary, tmpdir

c = Checker()
d = tmpdir()
inv = os.path.join(ROOT, "tests", "data", "tables", "invalid")


def run(path, expect_failure):
    for cmd, out in [("export", os.path.join(d, "out.svg")), ("import", os.path.join(d, "out.yaml"))]:
        if os.path.exists(out):
            os.remove(out)
        r = subprocess.run([binary(), cmd, path, "-o", out], cwd=ROOT, capture_output=True, timeout=60)
        name = os.path.relpath(path, ROOT)
        c.check(r.returncode in (0, 1), f"{cmd} {name}: exit {r.returncode} (a crash?): {r.stderr[-300:]!r}")
        if r.returncode == 1:
            c.check(not os.path.exists(out), f"{cmd} {name}: failed but wrote {out}")
            c.check(b"nothing was written" in r.stderr, f"{cmd} {name}: no 'nothing was written' in {r.stderr[-200:]!r}")
        if expect_failure:
            c.check(r.returncode == 1, f"{cmd} {name}: expected exit 1, got {r.returncode}")


files = sorted(f for f in os.listdir(inv) if not f.endswith(".err"))
c.check(len(files) >= 25, f"only {len(files)} malformed tables")
for f in files:
    run(os.path.join(inv, f), True)

# Random damage to good files: cut short, bytes flipped, bytes dropped.
good = table_fixtures.write_all(os.path.join(d, "good"))
rng = random.Random(20251130)
for src in [good[0], good[4]]:
    data = open(src, "rb").read()
    for k in range(60):
        b = bytearray(data)
        op = k % 3
        if op == 0:
            b = b[: rng.randrange(len(b))]
        elif op == 1:
            for _ in range(rng.randrange(1, 8)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        else:
            i = rng.randrange(len(b))
            del b[i : i + rng.randrange(1, 50)]
        p = os.path.join(d, f"m{k}" + os.path.splitext(src)[1])
        open(p, "wb").write(bytes(b))
        run(p, False)
c.finish()
