// Our JSON drawn by d3-org-chart 3.1.1 (with d3 7 and d3-flextree 2, pinned in tests/node/package-lock.json) in
// headless Chromium, as README "JSON for d3-org-chart" tells users to do it. Run by test_d3_org_chart.sh:
//   node d3_org_chart_check.mjs TMPDIR FILE.json...
// For each file: d3.stratify and d3.flextree accept the nodes; d3-org-chart draws every node (one g.node per
// JSON node, each id once) and every connection, with finite positions; the page logs no console error and
// no uncaught exception; names from the data never become markup. Prints "N passed, M failed" last.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launch } from "./headless_chromium.mjs";
import { check, done } from "./check.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.resolve(here, "../node/node_modules");
const script = (p) => `<script src="${pathToFileURL(path.join(modules, p)).href}"></script>`;

// The page of README "JSON for d3-org-chart", with the data inline (our JSON is HTML-safe: no '<' in it) and
// the scripts from node_modules instead of a CDN.
function page(json) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>d3-org-chart check</title>
${script("d3/dist/d3.min.js")}
${script("d3-flextree/build/d3-flextree.min.js")}
${script("d3-org-chart/build/d3-org-chart.min.js")}
</head><body>
<div id="chart" style="width:1200px;height:800px"></div>
<script type="application/json" id="data">${json}</script>
<script>
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
const data = JSON.parse(document.getElementById("data").textContent);
window.chart = new d3.OrgChart()
  .container("#chart")
  .data(data.nodes)
  .connections(data.connections.map((c) => ({ ...c, label: esc(c.label) })))
  .nodeWidth(() => 240)
  .nodeHeight(() => 80)
  .nodeContent((d) => '<div style="padding:6px;border:1px solid #888;height:100%;box-sizing:border-box">' +
    "<b>" + esc(d.data.abbreviation || d.data.name) + "</b><br>" + esc(d.data.name) + "</div>")
  .render()
  .expandAll();
</script></body></html>`;
}

const [tmp, ...files] = process.argv.slice(2);
const browser = await launch();
try {
  for (const file of files) {
    const tag = path.basename(file);
    const text = readFileSync(file, "utf8");
    const json = JSON.parse(text);
    const ids = json.nodes.map((n) => n.id);
    check(json.nodes.filter((n) => n.parentId === null).length === 1, `${tag}: not exactly one root`);
    check(!text.includes("<"), `${tag}: a '<' would end the <script> element it is embedded in`);
    const html = path.join(tmp, tag + ".html");
    writeFileSync(html, page(text));
    const tab = await browser.open(pathToFileURL(html).href);
    // d3-org-chart animates (400 ms): wait until the drawing stands still (same node places twice in a row,
    // 300 ms apart), however slow the machine.
    const result = await tab.evaluate(`new Promise((resolve, reject) => {
      let last = null, polls = 0;
      const places = () => [...document.querySelectorAll("#chart svg g.node")].map((g) => g.getAttribute("transform")).join(";");
      const poll = () => {
        const now = places();
        // Nothing drawn after 15 s: the chart failed; check what there is.
        if ((now !== last || now === "") && ++polls < 50) { last = now; setTimeout(poll, 300); return; }
        try {
      const data = JSON.parse(document.getElementById("data").textContent);
      const root = d3.stratify()(data.nodes);
      const flex = d3.flextree().nodeSize((n) => [n.data.width || 100, (n.data.height || 40) + 20])(d3.hierarchy(root));
      const drawn = [...document.querySelectorAll("#chart svg g.node")];
      const finite = drawn.every((g) => {
        const m = /^translate\\(([^,]+),([^)]+)\\)$/.exec(g.getAttribute("transform") || "");
        return m && Number.isFinite(+m[1]) && Number.isFinite(+m[2]);
      });
      resolve({
        stratified: root.descendants().length,
        flextree: flex.descendants().filter((n) => Number.isFinite(n.x) && Number.isFinite(n.y)).length,
        drawnIds: drawn.map((g) => d3.select(g).datum().data.id),
        finite,
        connections: document.querySelectorAll("#chart svg path.connection").length,
        scripts: document.scripts.length,
        injected: document.querySelectorAll("#chart script, #chart img, #chart i, #chart iframe").length,
        transform: drawn.length ? drawn[0].getAttribute("transform") : "",
      });
        } catch (e) { reject(e); }
      };
      setTimeout(poll, 500);
    })`).catch((e) => ({ error: e.message }));
    if (result.error) {
      check(false, `${tag}: ${result.error}; the page logged:\n  ${tab.errors.join("\n  ")}`);
      continue;
    }
    check(result.stratified === ids.length, `${tag}: d3.stratify has ${result.stratified} nodes, JSON ${ids.length}`);
    check(result.flextree === ids.length, `${tag}: d3-flextree placed ${result.flextree} of ${ids.length} nodes`);
    check(result.drawnIds.length === ids.length, `${tag}: d3-org-chart drew ${result.drawnIds.length} of ${ids.length} nodes`);
    check(JSON.stringify([...result.drawnIds].sort()) === JSON.stringify([...ids].sort()),
      `${tag}: drawn ids differ from the JSON's: ${ids.filter((i) => !result.drawnIds.includes(i)).join(", ")}`);
    check(result.finite, `${tag}: a node has no finite position (${result.transform})`);
    check(result.connections === json.connections.length,
      `${tag}: ${result.connections} connections drawn, JSON has ${json.connections.length}`);
    check(result.scripts === 5 && result.injected === 0, `${tag}: text from the data became markup`);
    check(tab.errors.length === 0, `${tag}: the page logged errors:\n  ${tab.errors.join("\n  ")}`);
    console.log(`${tag}: ${result.drawnIds.length} nodes and ${result.connections} connections drawn`);
  }
} finally {
  await browser.close();
}
done();
