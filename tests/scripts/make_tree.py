#!/usr/bin/env python3
"""Seeded org trees as YAML for --pages tests, examples and benchmarks: usage make_tree.py N SEED > tree.yaml.

The shape follows tests/layout/tree_layout_inputs.hpp random_input(): breadth-first, 35% of units without
children, most with 1-6, a few with 7-20 and 21-60; a fifth of the parents put their children in labelled groups;
one unit in fifty funds a random other unit; every fourth unit has a head. Names are made from a fixed word list,
so the same N and SEED give the same file."""
import random
import sys

WORDS = ("Planning Research Liaison Policy Finance Training Outreach Archives Logistics Security Records Media "
         "Translation Protocol Personnel Audit Studies Youth Rural Urban Energy Water Health Trade Culture Science "
         "Northern Southern Eastern Western Central Coastal Highland Maritime Regional Provincial").split()
KINDS = ("department", "bureau", "office", "division", "institute", "enterprise", "party-organ")
GROUPS = ("Internal organization", "Directly affiliated units", "Regional offices")
FIRST = "Amina Bao Carlos Dana Emeka Farida Goran Hana Ivan Jia Kofi Lena Mateo Nadia Omar Priya".split()
LAST = "Abebe Chen Dlamini Estrada Fofana Garcia Haddad Ito Jensen Kaur Lopez Mensah Novak Okafor Park Quispe".split()


def main():
    n, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    out = ["title: Generated organization (%d units, seed %d)" % (n, seed), "units:"]
    parent = [None] * n
    nxt, head = 1, 0
    children = [[] for _ in range(n)]
    while nxt < n:
        if head == nxt:  # the tree died out: hang the next unit under a random earlier one
            parent[nxt] = rng.randrange(0, nxt)
            children[parent[nxt]].append(nxt)
            nxt += 1
            continue
        roll = rng.randrange(100)
        fan = 0 if roll < 35 else rng.randint(1, 6) if roll < 90 else rng.randint(7, 20) if roll < 97 else rng.randint(21, 60)
        for _ in range(fan):
            if nxt >= n:
                break
            parent[nxt] = head
            children[head].append(nxt)
            nxt += 1
        head += 1
    group = [None] * n
    for p in range(n):
        if len(children[p]) >= 2 and rng.randrange(5) == 0:
            for c in children[p]:
                g = rng.randrange(4)
                group[c] = GROUPS[g] if g < 3 else None
    for i in range(n):
        name = "%s %s %s %d" % (rng.choice(WORDS), rng.choice(WORDS), rng.choice(KINDS).replace("-", " ").title(), i)
        out.append("  - id: u%d" % i)
        out.append("    name: %s" % name)
        out.append("    kind: %s" % rng.choice(KINDS))
        if parent[i] is not None:
            out.append("    parent: u%d" % parent[i])
        if group[i]:
            out.append("    group: %s" % group[i])
    people = [i for i in range(n) if i % 4 == 0]
    if people:
        out.append("people:")
        for i in people:
            out.append("  - name: %s %s" % (rng.choice(FIRST), rng.choice(LAST)))
            out.append("    unit: u%d" % i)
            out.append("    role: head")
    rel = [(i, rng.randrange(n)) for i in range(n) if rng.randrange(50) == 0]
    rel = [(a, b) for a, b in rel if a != b]
    if rel:
        out.append("relations:")
        for a, b in rel:
            out.append("  - unit: u%d" % a)
            out.append("    kind: funds")
            out.append("    target: u%d" % b)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
