// graphology (the graph library behind Gephi Lite) parses our GraphML (plain and yEd) with graphology-graphml
// and our GEXF with graphology-gexf. Run by test_graphology.sh:
//   node graphology_check.mjs DIR NAME...
// reads DIR/NAME.{plain.graphml,yed.graphml,gexf} and DIR/NAME.expect.json (what the YAML implies, written by
// Python from the data file) and prints "N passed, M failed" last; exits 1 on any failure.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { check, done } from "./check.mjs";

// The packages live in tests/node/node_modules (scripts/install-node-deps.sh), not beside this file.
const require = createRequire(new URL("../node/package.json", import.meta.url));
const Graph = require("graphology");
const graphml = require("graphology-graphml");
const gexf = require("graphology-gexf");

const isNumber = (v) => typeof v === "number" && Number.isFinite(v);
const count = (list, x) => list.filter((y) => y === x).length;
const sorted = (list) => [...list].sort();
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function parse(tag, parser, file) {
  try {
    return parser.parse(Graph, readFileSync(file, "utf8"));
  } catch (e) {
    check(false, `${tag}: parse failed: ${e.message}`);
    return null;
  }
}

/** Node checks shared by both formats; returns unit_id -> {x, y, color}. */
function checkGraph(tag, g, expect) {
  const units = expect.units;
  const ids = Object.keys(units);
  check(g.type === "directed", `${tag}: graph type ${g.type}`);
  check(g.order === ids.length, `${tag}: ${g.order} nodes != ${ids.length}`);
  check(g.size === expect.parents + expect.relations.length,
    `${tag}: ${g.size} edges != ${expect.parents + expect.relations.length}`);
  const byUnit = {};
  g.forEachNode((n, a) => {
    byUnit[a.unit_id] = { x: a.x, y: a.y, color: a.color };
    check(isNumber(a.x) && isNumber(a.y), `${tag}: node ${n} x/y not numbers: ${a.x}, ${a.y}`);
    check(isNumber(a.size) && a.size > 0, `${tag}: node ${n} size ${a.size}`);
    check(isNumber(a.depth) && Number.isInteger(a.depth), `${tag}: node ${n} depth ${a.depth}`);
    check(a.label === units[a.unit_id], `${tag}: node ${n} (${a.unit_id}) label ${JSON.stringify(a.label)}` +
      ` != ${JSON.stringify(units[a.unit_id])}`);
  });
  check(same(sorted(Object.keys(byUnit)), sorted(ids)), `${tag}: unit_id set differs`);
  const relations = [];
  g.forEachEdge((e, a) => relations.push(a.relation));
  check(count(relations, "parent") === expect.parents, `${tag}: ${count(relations, "parent")} parent edges`);
  check(same(sorted(relations.filter((r) => r !== "parent")), sorted(expect.relations)),
    `${tag}: relations ${sorted(relations)} differ from ${sorted(expect.relations)}`);
  return byUnit;
}

const [dir, ...names] = process.argv.slice(2);
for (const name of names) {
  const expect = JSON.parse(readFileSync(path.join(dir, `${name}.expect.json`), "utf8"));
  const seen = {};
  for (const dialect of ["plain", "yed"]) {
    const tag = `${name}.${dialect}.graphml`;
    const g = parse(tag, graphml, path.join(dir, tag));
    if (!g) continue;
    seen[dialect] = checkGraph(tag, g, expect);
    g.forEachNode((n, a) => check(/^#[0-9a-f]{6}$/.test(a.color), `${tag}: node ${n} colour ${a.color}`));
  }
  const tag = `${name}.gexf`;
  const g = parse(tag, gexf, path.join(dir, tag));
  if (g) {
    // graphology-gexf (common/parser.js) reads no `start`/`end` spells: a dynamic GEXF's intervals reach it as
    // the typed valid_from / valid_until attributes, which must be the YAML's dates of each relation.
    const validity = [];
    g.forEachEdge((e, a) => {
      if (a.relation !== "parent") validity.push([a.relation, a.valid_from ?? "", a.valid_until ?? ""]);
    });
    validity.sort((p, q) => JSON.stringify(p).localeCompare(JSON.stringify(q)));
    const want = [...expect.relation_validity].sort((p, q) => JSON.stringify(p).localeCompare(JSON.stringify(q)));
    check(same(validity, want), `${tag}: relation intervals ${JSON.stringify(validity)} != ${JSON.stringify(want)}`);
  }
  if (g) {
    seen.gexf = checkGraph(tag, g, expect);
    check(g.getAttribute("creator") === "orgchart", `${tag}: creator ${g.getAttribute("creator")}`);
    g.forEachNode((n, a) => check(/^rgb\(\d{1,3},\d{1,3},\d{1,3}\)$/.test(a.color), `${tag}: node ${n} colour ${a.color}`));
    // Gephi tells parallel edges apart by `kind`: it must be the relation on every edge.
    g.forEachEdge((e, a) => check(a.kind === a.relation, `${tag}: edge ${e} kind ${a.kind} != relation ${a.relation}`));
  }
  // One layout, three files: the same positions and colours everywhere.
  const hex = (c) => {
    const m = /^rgb\((\d+),(\d+),(\d+)\)$/.exec(c || "");
    return m ? "#" + m.slice(1).map((v) => (+v).toString(16).padStart(2, "0")).join("") : c;
  };
  if (seen.plain && seen.yed && seen.gexf) {
    for (const id of Object.keys(expect.units)) {
      const p = seen.plain[id], y = seen.yed[id], x = seen.gexf[id];
      if (!p || !y || !x) continue;
      check(p.x === y.x && p.y === y.y && Math.abs(p.x - x.x) < 0.011 && Math.abs(p.y - x.y) < 0.011,
        `${name}: ${id} at (${p.x}, ${p.y}) plain, (${y.x}, ${y.y}) yEd, (${x.x}, ${x.y}) GEXF`);
      check(p.color === y.color && p.color === hex(x.color), `${name}: ${id} colour ${p.color}, ${y.color}, ${x.color}`);
    }
  }
}
done();
