"""NetworkX and igraph (independent GraphML readers) load our GraphML with the counts the YAML implies."""
import os

import igraph
import networkx as nx

from common import Checker, export, latest_counts, load_yaml_with_includes, tmpdir

c = Checker()
d = tmpdir()
for data in ["data/ild.yaml", "data/party-state.yaml"]:
    units, parents, relations = latest_counts(load_yaml_with_includes(data))
    for dialect in ["yed", "plain"]:
        path = os.path.join(d, f"{os.path.basename(data)}.{dialect}.graphml")
        export(data, path, args=["--graphml", dialect])
        g = nx.read_graphml(path)
        tag = f"{data} ({dialect})"
        c.check(g.number_of_nodes() == len(units), f"{tag}: networkx nodes {g.number_of_nodes()} != {len(units)}")
        c.check(g.number_of_edges() == len(parents) + len(relations),
                f"{tag}: networkx edges {g.number_of_edges()} != {len(parents) + len(relations)}")
        labels = {a.get("label") for _, a in g.nodes(data=True)}
        for u in units:
            c.check(u["name"] in labels, f"{tag}: unit name {u['name']!r} missing from networkx labels")
        ids = {a.get("unit_id") for _, a in g.nodes(data=True)}
        c.check(ids == {u["id"] for u in units}, f"{tag}: unit_id set differs")
        for n, a in g.nodes(data=True):
            for k in ["x", "y", "size"]:
                c.check(isinstance(a.get(k), float), f"{tag}: node {n} {k} is not a float: {a.get(k)!r}")
            for k in ["r", "g", "b", "depth"]:
                c.check(isinstance(a.get(k), int), f"{tag}: node {n} {k} is not an int: {a.get(k)!r}")
        rels = sorted(a.get("relation") for _, _, a in g.edges(data=True))
        c.check(rels.count("parent") == len(parents), f"{tag}: parent edges {rels.count('parent')} != {len(parents)}")
        for r in relations:
            c.check(r["kind"] in rels, f"{tag}: relation {r['kind']} missing")
        ig = igraph.Graph.Read_GraphML(path)
        c.check(ig.vcount() == len(units), f"{tag}: igraph nodes {ig.vcount()} != {len(units)}")
        c.check(ig.ecount() == len(parents) + len(relations), f"{tag}: igraph edges {ig.ecount()}")
        c.check(sorted(ig.vs["label"]) == sorted(u["name"] for u in units), f"{tag}: igraph labels differ")
        c.check(sorted(ig.es["relation"]) == rels, f"{tag}: igraph relations differ")
c.finish()
