// The interactive HTML chart (orgchart export -o chart.html) used in headless Chromium with real input events
// (typing, mouse clicks, wheel, drag): search by abbreviation, name and id highlights the unit and its chain to
// the root, a subtree collapses and expands, pan and zoom move the chart, a box shows its tooltip, nothing is
// fetched and nothing is logged as an error. The expected tree comes from the JSON export of the same data (its
// parentId), not from the page's own map. A page made from hostile names runs no script but ours.
// Run by test_html_chart.sh:
//   node html_chart_check.mjs ILD.html ILD.json HOSTILE.html [OTHER.html...]
// OTHER pages (a diff chart, --as-of with people nodes) must open with every box decorated and no error.
// Prints "N passed, M failed" last; exits 1 on any failure.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { launch } from "./headless_chromium.mjs";
import { check, done } from "./check.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const same = (a, b) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

const [ildHtml, ildJson, hostileHtml, ...others] = process.argv.slice(2);
const json = JSON.parse(readFileSync(ildJson, "utf8"));
const parentOf = new Map(json.nodes.map((n) => [n.id, n.parentId]));
function ancestors(id) {
  const out = [];
  for (let p = parentOf.get(id); p && p !== "orgchart:root"; p = parentOf.get(p)) out.push(p);
  return out;
}
const descendants = (id) => json.nodes.filter((n) => ancestors(n.id).includes(id)).map((n) => n.id);

// What the page shows, by data id (the map's `id`), read from the DOM.
const STATE = `(() => {
  const data = JSON.parse(document.getElementById("oc-data").textContent);
  const byId = {};
  for (const [k, n] of Object.entries(data.nodes)) byId[n.id] = k;
  const el = (k) => document.getElementById(k);
  const shown = (g) => g && getComputedStyle(g).display !== "none";
  const ids = (cls) => Object.keys(byId).filter((id) => el(byId[id]) && el(byId[id]).classList.contains(cls));
  const edges = Object.entries(data.edges).filter(([k]) => el(k));
  const stage = getComputedStyle(document.getElementById("oc-stage")).transform;
  return {
    nodes: Object.keys(byId).length,
    groups: document.querySelectorAll(".oc-node").length,
    hit: ids("oc-hit"),
    chain: ids("oc-chain"),
    chainEdges: edges.filter(([k]) => el(k).classList.contains("oc-chain-edge"))
      .map(([, e]) => [data.nodes[e.from].id, data.nodes[e.to].id]),
    hidden: Object.keys(byId).filter((id) => !shown(el(byId[id]))),
    badEdges: edges.filter(([k, e]) => shown(el(k)) !== (shown(el(e.from)) && shown(el(e.to)))).map(([k]) => k),
    dimmed: Object.keys(byId).filter((id) => el(byId[id]) && getComputedStyle(el(byId[id])).opacity < 1),
    status: document.getElementById("oc-status").textContent,
    matrix: stage === "none" ? [1, 0, 0, 1, 0, 0] : stage.slice(7, -1).split(",").map(Number),
    tooltip: document.getElementById("oc-tooltip").hidden ? null : document.getElementById("oc-tooltip").textContent,
    scripts: document.scripts.length,
  };
})()`;

/** The centre of an element in page coordinates (selector, or a node's data id with an optional sub-selector). */
async function centre(tab, selector) {
  const r = await tab.evaluate(`(() => {
    const e = document.querySelector(${JSON.stringify(selector)});
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  if (!r) throw new Error(`no element ${selector}`);
  return r;
}
async function nodeSelector(tab, id, sub = "") {
  const k = await tab.evaluate(`Object.entries(JSON.parse(document.getElementById("oc-data").textContent).nodes)
    .find(([, n]) => n.id === ${JSON.stringify(id)})?.[0] ?? null`);
  if (!k) throw new Error(`no node ${id} in the map`);
  return `[id="${k}"]${sub}`;
}
async function searchFor(tab, text) {
  const box = await centre(tab, "#oc-search");
  await tab.click(box.x, box.y);
  await tab.evaluate(`document.getElementById("oc-search").select()`);
  await tab.key("Backspace", "Backspace", 8);
  await tab.type(text);
  await sleep(100);
  return tab.evaluate(STATE);
}

const browser = await launch();
const opened = [];
try {
  // ---- The ILD chart --------------------------------------------------------------------------------------------
  const tab = await browser.open(pathToFileURL(ildHtml).href);
  opened.push(tab);
  await sleep(300);
  let s = await tab.evaluate(STATE);
  check(s.nodes === json.nodes.filter((n) => n.id !== "orgchart:root").length,
    `map has ${s.nodes} nodes, the JSON ${json.nodes.length}`);
  check(s.groups === s.nodes, `${s.groups} node groups for ${s.nodes} nodes`);
  check(s.hidden.length === 0 && s.hit.length === 0, "something hidden or highlighted at start");

  // Search by abbreviation, by name, by id: the unit and exactly its chain to the root.
  for (const [query, id] of [["ILD", "ild"], ["research room", "research-room"], ["first-asia-bureau", "first-asia-bureau"],
    ["中联部", "ild"]]) {
    s = await searchFor(tab, query);
    const chain = ancestors(id);
    check(same(s.hit, [id]), `search '${query}': highlighted ${JSON.stringify(s.hit)}, expected ${id}`);
    check(same(s.chain, chain), `search '${query}': chain ${JSON.stringify(s.chain)}, expected ${JSON.stringify(chain)}`);
    const links = [id, ...chain].slice(0, -1).map((c) => [parentOf.get(c), c]);
    check(same(s.chainEdges.map(String), links.map(String)),
      `search '${query}': chain edges ${JSON.stringify(s.chainEdges)}, expected ${JSON.stringify(links)}`);
    check(s.dimmed.length === s.nodes - 1 - chain.length && !s.dimmed.includes(id),
      `search '${query}': ${s.dimmed.length} boxes dimmed, expected ${s.nodes - 1 - chain.length}`);
    check(/match/.test(s.status), `search '${query}': status '${s.status}'`);
  }
  s = await searchFor(tab, "no such unit anywhere");
  check(s.hit.length === 0 && s.status === "no match", `a search without match: ${JSON.stringify(s.hit)} '${s.status}'`);
  await tab.key("Escape", "Escape", 27);
  s = await tab.evaluate(STATE);
  check(s.hit.length === 0 && s.dimmed.length === 0, "Escape does not clear the highlight");

  // Collapse the ILD's subtree with its button, then expand it again.
  const ildDesc = descendants("ild");
  check(ildDesc.length > 10, `the ILD has only ${ildDesc.length} units below it in the JSON`);
  let button = await centre(tab, await nodeSelector(tab, "ild", " .oc-toggle"));
  await tab.click(button.x, button.y);
  s = await tab.evaluate(STATE);
  check(same(s.hidden, ildDesc), `collapse: hidden ${s.hidden.length} boxes, expected the ${ildDesc.length} below the ILD`);
  check(s.badEdges.length === 0, `collapse: edges shown or hidden wrongly: ${s.badEdges.join(" ")}`);
  const label = await tab.evaluate(`document.querySelector(${JSON.stringify(await nodeSelector(tab, "ild", " .oc-toggle text"))}).textContent`);
  check(label === `+${ildDesc.length}`, `collapsed box says '${label}', expected '+${ildDesc.length}'`);
  check(await tab.evaluate(`document.querySelector(${JSON.stringify(await nodeSelector(tab, "ild"))}).classList.contains("oc-collapsed")`),
    "the collapsed box is not marked");
  button = await centre(tab, await nodeSelector(tab, "ild", " .oc-toggle"));
  await tab.click(button.x, button.y);
  s = await tab.evaluate(STATE);
  check(s.hidden.length === 0 && s.badEdges.length === 0, `expand: still hidden ${JSON.stringify(s.hidden)}`);

  // A search finds a unit inside a collapsed subtree and opens it.
  button = await centre(tab, await nodeSelector(tab, "ild", " .oc-toggle"));
  await tab.click(button.x, button.y);
  s = await searchFor(tab, "Research Room");
  check(same(s.hit, ["research-room"]) && !s.hidden.includes("research-room"),
    `search into a collapsed subtree: hit ${JSON.stringify(s.hit)}, hidden ${s.hidden.length}`);
  await tab.key("Escape", "Escape", 27);
  await tab.evaluate(`document.getElementById("oc-expand-all").click()`);

  // Collapse all, expand all (toolbar buttons, real clicks).
  let b = await centre(tab, "#oc-collapse-all");
  await tab.click(b.x, b.y);
  s = await tab.evaluate(STATE);
  const roots = json.nodes.filter((n) => n.parentId === "orgchart:root" || (n.parentId === null && n.id !== "orgchart:root"))
    .map((n) => n.id);
  const left = json.nodes.map((n) => n.id).filter((i) => i !== "orgchart:root" && !s.hidden.includes(i));
  check(same(left, roots), `collapse all leaves ${JSON.stringify(left)}, not the roots ${JSON.stringify(roots)}`);
  b = await centre(tab, "#oc-expand-all");
  await tab.click(b.x, b.y);
  s = await tab.evaluate(STATE);
  check(s.hidden.length === 0, "expand all leaves boxes hidden");

  // Zoom with the wheel and the buttons, pan by dragging.
  const vp = await centre(tab, "#oc-viewport");
  let before = (await tab.evaluate(STATE)).matrix;
  await tab.send("Input.dispatchMouseEvent", { type: "mouseWheel", x: vp.x, y: vp.y, deltaX: 0, deltaY: -400 });
  await sleep(100);
  let after = (await tab.evaluate(STATE)).matrix;
  check(after[0] > before[0] * 1.5, `wheel zoom: scale ${before[0]} -> ${after[0]}`);
  before = after;
  b = await centre(tab, "#oc-zoom-out");
  await tab.click(b.x, b.y);
  after = (await tab.evaluate(STATE)).matrix;
  check(Math.abs(after[0] / (before[0] * 0.8) - 1) < 1e-4, `zoom-out button: scale ${before[0]} -> ${after[0]}`);
  before = after;
  const from = { x: vp.x, y: vp.y };
  await tab.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: from.x, y: from.y });
  await tab.send("Input.dispatchMouseEvent", { type: "mousePressed", x: from.x, y: from.y, button: "left", clickCount: 1 });
  for (let i = 1; i <= 5; i++)
    await tab.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: from.x + 24 * i, y: from.y + 10 * i, button: "left", buttons: 1 });
  await tab.send("Input.dispatchMouseEvent", { type: "mouseReleased", x: from.x + 120, y: from.y + 50, button: "left", clickCount: 1 });
  after = (await tab.evaluate(STATE)).matrix;
  check(Math.abs(after[4] - before[4] - 120) < 1 && Math.abs(after[5] - before[5] - 50) < 1,
    `drag: moved by ${after[4] - before[4]}, ${after[5] - before[5]} instead of 120, 50`);
  s = await tab.evaluate(STATE);
  check(s.hit.length === 0 && s.hidden.length === 0, "a drag selected or collapsed something");
  b = await centre(tab, "#oc-fit");
  await tab.click(b.x, b.y);

  // The tooltip of a box: the map's text, shown on hover.
  const office = await centre(tab, await nodeSelector(tab, "general-office"));
  await tab.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: office.x, y: office.y });
  await sleep(100);
  s = await tab.evaluate(STATE);
  const expected = await tab.evaluate(`Object.values(JSON.parse(document.getElementById("oc-data").textContent).nodes)
    .find((n) => n.id === "general-office").tooltip`);
  check(s.tooltip !== null && s.tooltip === expected && s.tooltip.includes("General Office"),
    `hover tooltip: ${JSON.stringify(s.tooltip)}`);

  const offline = tab.requests.filter((u) => !/^(file|data):/.test(u));
  check(offline.length === 0, `the page fetched from the network: ${offline.join(" ")}`);
  check(tab.errors.length === 0, `the ILD page logged errors:\n  ${tab.errors.join("\n  ")}`);
  console.log(`ild.html: ${s.nodes} boxes; searched, collapsed, expanded, zoomed, dragged`);

  // ---- Hostile names --------------------------------------------------------------------------------------------
  const bad = await browser.open(pathToFileURL(hostileHtml).href);
  opened.push(bad);
  await sleep(300);
  const h = await bad.evaluate(`(() => ({
    scripts: document.scripts.length,
    markup: document.querySelectorAll("img, iframe, object, embed, body script:not(#oc-data) ~ script, [onerror], [onload]").length,
    title: document.title,
    injected: typeof window.__pwned,
  }))()`);
  check(h.scripts === 2, `hostile page has ${h.scripts} script elements, expected 2 (the map and ours)`);
  check(h.markup === 0, `hostile page: data became markup (${h.markup} elements)`);
  check(h.title === "</title><script>window.__pwned=3</script> & co", `hostile page title: ${JSON.stringify(h.title)}`);
  check(h.injected === "undefined", "a script from the data ran");
  const hs = await searchFor(bad, "</script>");
  const hit = await bad.evaluate(`Object.values(JSON.parse(document.getElementById("oc-data").textContent).nodes)
    .filter((n) => n.name === "</script><script>window.__pwned=1</script>").map((n) => n.id)`);
  check(hit.length === 1 && same(hs.hit, hit), `hostile search: hit ${JSON.stringify(hs.hit)}, name found for ${JSON.stringify(hit)}`);
  const hb = await centre(bad, await nodeSelector(bad, "evil", ""));
  await bad.send("Input.dispatchMouseEvent", { type: "mouseMoved", x: hb.x, y: hb.y });
  await sleep(100);
  const tip = (await bad.evaluate(STATE)).tooltip || "";
  check(tip.includes("</script><script>window.__pwned=1</script>"), `hostile tooltip: ${JSON.stringify(tip)}`);
  check(bad.errors.length === 0, `the hostile page logged errors:\n  ${bad.errors.join("\n  ")}`);

  // ---- Other charts: a diff, --as-of with people as nodes and stubs -----------------------------------------------
  for (const file of others) {
    const page = await browser.open(pathToFileURL(file).href);
    opened.push(page);
    await sleep(300);
    const o = await page.evaluate(STATE);
    check(o.nodes > 0 && o.groups === o.nodes, `${file}: ${o.groups} decorated boxes for ${o.nodes} nodes`);
    const first = await page.evaluate(`Object.values(JSON.parse(document.getElementById("oc-data").textContent).nodes)
      .find((n) => n.children.length)?.id`);
    if (first) {
      const t = await centre(page, await nodeSelector(page, first, " .oc-toggle"));
      await page.click(t.x, t.y);
      const c = await page.evaluate(STATE);
      check(c.hidden.length > 0 && c.badEdges.length === 0, `${file}: collapsing ${first} hid ${c.hidden.length} boxes`);
    }
    check(page.errors.length === 0, `${file} logged errors:\n  ${page.errors.join("\n  ")}`);
  }
} catch (e) {
  check(false, `${e.message}; the pages logged:\n  ${opened.flatMap((t) => t.errors).join("\n  ")}`);
} finally {
  await browser.close();
}
done();
