"""Whatever the input, orgchart answers with an exit code and a message, never a crash: random mutations of the
ILD data (fixed seed) through validate and export."""
import os
import random
import subprocess

from common import ROOT, Checker, binary, tmpdir

c = Checker()
rng = random.Random(20261123)
d = tmpdir()
source = open(os.path.join(ROOT, "data/ild.yaml"), "rb").read()
lines = source.split(b"\n")
JUNK = [b"\x00", b"\xff\xfe", b":", b"- ", b"[", b"{", b"}", b"\t", b"&a", b"*a", b"!!binary", b"'", b'"', b"\\N",
        b"parent: ild", b"parent: central-committee", b"until: 2020", b"from: 2030", b"\xe4\xb8\xad", b"#", b"|", b">"]


def mutate():
    ls = list(lines)
    for _ in range(rng.randint(1, 4)):
        op, i = rng.randrange(5), rng.randrange(len(ls))
        if op == 0:
            del ls[i]
        elif op == 1:
            ls.insert(i, ls[rng.randrange(len(ls))])
        elif op == 2 and ls[i]:
            j = rng.randrange(len(ls[i]))
            ls[i] = ls[i][:j] + rng.choice(JUNK) + ls[i][j:]
        elif op == 3:
            ls[i] = ls[i].replace(b"  ", b" ", 1)
        else:
            ls[i], ls[-1 - i] = ls[-1 - i], ls[i]
    return b"\n".join(ls)


outcomes = {}
for k in range(150):
    path = os.path.join(d, "m.yaml")
    with open(path, "wb") as f:
        f.write(mutate())
    for args in (["validate", path], ["export", path, "--format", "dot", "-o", "-"]):
        r = subprocess.run([binary(), *args], capture_output=True, timeout=60)
        outcomes[r.returncode] = outcomes.get(r.returncode, 0) + 1
        c.check(r.returncode in (0, 1), f"mutation {k}: {args[0]} exited {r.returncode}: {r.stderr[-300:]!r}")
        if r.returncode == 1:
            c.check(b": error: " in r.stderr, f"mutation {k}: exit 1 without a file:line:col error")
print("exit codes seen:", outcomes)
c.finish()
