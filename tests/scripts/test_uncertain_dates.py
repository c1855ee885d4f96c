"""Uncertain dates end to end (issue 12, Done-when 4): data/ild.yaml dates the 2025 change of leadership only
between the two copies (2024-01-30/2025-12); `diff` prints that window in text and JSON; a chart as of a day
inside it marks the leadership uncertain (test_chart_geometry.py checks the card); a malformed date is reported
at its file:line:col with what is wrong, and nothing is written; --as-of must be one day."""
import json
import os
import subprocess

from common import Checker, binary, tmpdir

c = Checker()
d = tmpdir()


def run(*args):
    return subprocess.run([binary(), *args], capture_output=True, text=True)


# 1. The data says what the sources say.
text = open("data/ild.yaml", encoding="utf-8").read()
c.check(text.count("from: 2024-01-30/2025-12") + text.count("until: 2024-01-30/2025-12") == 4, "the four leadership changes are dated between the copies")

# 2. diff prints the window, as text and as JSON.
r = run("diff", "data/ild.yaml", "--from", "2024-06-01", "--to", "2025-12-01")
c.check(r.returncode == 0, f"diff exits 0: {r.stderr}")
c.check(r.stdout.count("between 2024-01-30 and 2025-12-31") == 4, f"diff text prints the window: {r.stdout}")
c.check("? Liu Jianchao left the role Head" in r.stdout and "? Liu Haixing took the role Head" in r.stdout,
        "the change of head is marked uncertain")
r = run("diff", "data/ild.yaml", "--from", "2024-06-01", "--to", "2025-12-01", "--format", "json")
doc = json.loads(r.stdout)
heads = [x for x in doc["roles"] if x["role"] == "head"]
c.check(len(heads) == 2, f"two head changes in JSON: {heads}")
for x in heads:
    c.check(x.get("certain") is False and x.get("window") == {"date": "2024-01-30/2025-12", "earliest": "2024-01-30",
                                                               "latest": "2025-12-31"}, f"JSON window: {x}")
# Outside the window the change is certain and dated the same way.
r = run("diff", "data/ild.yaml", "--from", "2024-01-01", "--to", "2026-01-01")
c.check("+ Liu Haixing took the role Head" in r.stdout and "- Liu Jianchao left the role Head" in r.stdout
        and "?" not in r.stdout.replace("(?)", ""), f"a certain change across the whole window: {r.stdout}")
c.check(r.stdout.count("between 2024-01-30 and 2025-12-31") == 4, "still dated by the window")

# 3. Malformed dates: file:line:col at the offending character, the reason, the forms; no output written.
bad = os.path.join(d, "bad.yaml")
with open(bad, "w", encoding="utf-8") as f:
    f.write("units:\n  - id: a\n    name: A\n    kind: office\n    from: 2024-13\n  - id: b\n    name: B\n"
            "    kind: office\n    until: 2025/2024\n")
out = os.path.join(d, "bad.svg")
r = run("export", bad, "-o", out)
c.check(r.returncode != 0 and not os.path.exists(out), "a bad date fails and writes nothing")
c.check(f"{bad}:5:16: error: 'from' is not a valid date: '2024-13': month 13 is not a month (01 to 12)" in r.stderr,
        f"month error at its column: {r.stderr}")
c.check(f"{bad}:9:12: error: 'until' is not a valid date: '2025/2024': the interval starts (2025) after it ends"
        in r.stderr, "both problems reported")
c.check("2024-01-30/2025-12 (happened between)" in r.stderr, "the message says how to write it")

# 4. A chart is drawn as of one day.
r = run("export", "data/ild.yaml", "--as-of", "2025?", "-o", os.path.join(d, "x.svg"))
c.check(r.returncode == 2 and "not one day" in r.stderr, f"--as-of 2025? is a usage error: {r.stderr}")
c.finish()
