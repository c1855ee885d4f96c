// orgchart interactive chart (html_writer.cpp embeds this file at build time; the page's Content-Security-Policy
// allows exactly this script by its SHA-256). It works on the SVG that render_chart draws and relies only on
// the ids of its node and edge groups (element_id() in src/writers/card.hpp) and on the map in #oc-data:
//   {"title", "nodes": {"v3": {"id", "parent": "v1" | null, "children": ["v7", ...], "name", "nativeName",
//    "abbreviations": [...], "kind", "tooltip"}}, "edges": {"h7": {"from": "v3", "to": "v7", "tree": true}}}
// Text from the data only ever reaches the page through textContent and attribute setters, never as markup.
// No recursion: every walk over the tree uses an explicit stack, so any depth works.
(function () {
  "use strict";
  const SVG_NS = "http://www.w3.org/2000/svg";
  const data = JSON.parse(document.getElementById("oc-data").textContent);
  const nodes = data.nodes;
  const edges = data.edges;
  const stage = document.getElementById("oc-stage");
  const viewport = document.getElementById("oc-viewport");
  const svg = stage.querySelector("svg");
  const bar = document.getElementById("oc-bar");
  const search = document.getElementById("oc-search");
  const status = document.getElementById("oc-status");
  const results = document.getElementById("oc-results");
  const tooltip = document.getElementById("oc-tooltip");
  if (!svg) return;
  bar.hidden = false;

  /** The element with this id inside the chart (never a page element that happens to share it). */
  function inChart(id) {
    const el = document.getElementById(id);
    return el && svg.contains(el) ? el : null;
  }

  // ---- The tree: groups, roots, pre-order, descendant counts -------------------------------------------------
  const group = new Map();  // node key -> its <g>
  const keys = Object.keys(nodes);
  for (const k of keys) {
    const g = inChart(k);
    if (g) group.set(k, g);
  }
  const roots = keys.filter((k) => !nodes[k].parent || !nodes[nodes[k].parent]);
  const order = [];  // pre-order from the roots, each node once even if the map were inconsistent
  {
    const seen = new Set();
    const stack = roots.slice().reverse();
    while (stack.length) {
      const k = stack.pop();
      if (seen.has(k)) continue;
      seen.add(k);
      order.push(k);
      const ch = nodes[k].children || [];
      for (let i = ch.length - 1; i >= 0; i--) if (nodes[ch[i]] && !seen.has(ch[i])) stack.push(ch[i]);
    }
  }
  const below = new Map();  // node key -> number of descendants
  for (let i = order.length - 1; i >= 0; i--) {
    const k = order[i];
    let n = 0;
    for (const c of nodes[k].children || []) if (nodes[c]) n += 1 + (below.get(c) || 0);
    below.set(k, n);
  }
  const edgeGroup = new Map();  // edge key -> its <g>
  const treeEdges = new Map();  // "parent>child" -> edge keys drawn for that tree link
  for (const e of Object.keys(edges)) {
    const g = inChart(e);
    if (g) {
      g.classList.add("oc-edge");
      edgeGroup.set(e, g);
    }
    if (!edges[e].tree) continue;
    const key = edges[e].from + ">" + edges[e].to;
    if (!treeEdges.has(key)) treeEdges.set(key, []);
    treeEdges.get(key).push(e);
  }

  // ---- Node decorations: a halo for highlighting, a collapse button below boxes that have children -----------
  const toggles = new Map();  // node key -> {g, rect, text}
  // Three passes (write, read, write): measuring between DOM changes would lay the page out once per box.
  for (const [k, g] of group) {
    g.classList.add("oc-node");
    g.setAttribute("tabindex", "0");
    g.setAttribute("aria-label", nodes[k].name);
    // The map's tooltip replaces the SVG's own <title> hover text, so a box shows one tooltip, not two.
    for (const t of Array.from(g.children)) if (t.localName === "title") t.remove();
  }
  const boxes = new Map();
  for (const [k, g] of group) boxes.set(k, g.getBBox());
  for (const [k, g] of group) {
    const box = boxes.get(k);
    const halo = document.createElementNS(SVG_NS, "rect");
    halo.setAttribute("class", "oc-halo");
    halo.setAttribute("x", box.x - 4);
    halo.setAttribute("y", box.y - 4);
    halo.setAttribute("width", box.width + 8);
    halo.setAttribute("height", box.height + 8);
    halo.setAttribute("rx", 8);
    g.insertBefore(halo, g.firstChild);
    if ((nodes[k].children || []).some((c) => group.has(c))) {
      const t = document.createElementNS(SVG_NS, "g");
      t.setAttribute("class", "oc-toggle");
      t.setAttribute("role", "button");
      t.setAttribute("tabindex", "0");
      t.dataset.node = k;
      const rect = document.createElementNS(SVG_NS, "rect");
      const text = document.createElementNS(SVG_NS, "text");
      t.append(rect, text);
      g.append(t);
      toggles.set(k, { g: t, rect, text, cx: box.x + box.width / 2, y: box.y + box.height });
    }
  }

  // ---- Collapse and expand -------------------------------------------------------------------------------------
  const collapsed = new Set();
  function refresh() {
    const hidden = new Set();
    for (const k of order) {
      const p = nodes[k].parent;
      if (p && nodes[p] && (hidden.has(p) || collapsed.has(p))) hidden.add(k);
    }
    for (const [k, g] of group) {
      g.classList.toggle("oc-hidden", hidden.has(k));
      g.classList.toggle("oc-collapsed", collapsed.has(k));
    }
    for (const [e, g] of edgeGroup) g.classList.toggle("oc-hidden", hidden.has(edges[e].from) || hidden.has(edges[e].to));
    for (const [k, t] of toggles) {
      const closed = collapsed.has(k);
      const label = closed ? "+" + below.get(k) : "\u2212";
      t.text.textContent = label;
      const w = Math.max(16, 7 * label.length + 8);
      t.rect.setAttribute("x", t.cx - w / 2);
      t.rect.setAttribute("y", t.y - 8);
      t.rect.setAttribute("width", w);
      t.rect.setAttribute("height", 16);
      t.rect.setAttribute("rx", 8);
      t.text.setAttribute("x", t.cx);
      t.text.setAttribute("y", t.y);
      t.g.setAttribute("aria-expanded", String(!closed));
      t.g.setAttribute("aria-label", (closed ? "Expand " : "Collapse ") + nodes[k].name +
        " (" + below.get(k) + " below)");
    }
  }
  function toggle(k) {
    if (collapsed.has(k)) collapsed.delete(k);
    else collapsed.add(k);
    refresh();
  }

  // ---- Pan and zoom --------------------------------------------------------------------------------------------
  const view = { x: 0, y: 0, k: 1 };
  const natural = { w: svg.getBoundingClientRect().width || 1, h: svg.getBoundingClientRect().height || 1 };
  function apply() {
    stage.style.transform = "translate(" + view.x + "px," + view.y + "px) scale(" + view.k + ")";
  }
  function zoomAt(factor, cx, cy) {
    const k = Math.min(16, Math.max(0.02, view.k * factor));
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  function zoomCentre(factor) {
    zoomAt(factor, viewport.clientWidth / 2, viewport.clientHeight / 2);
  }
  function fit() {
    const vw = viewport.clientWidth, vh = viewport.clientHeight;
    view.k = Math.min(1, 0.96 * Math.min(vw / natural.w, vh / natural.h)) || 1;
    view.x = (vw - natural.w * view.k) / 2;
    view.y = Math.max(0, (vh - natural.h * view.k) / 2);
    apply();
  }
  function centreOn(k) {
    const g = group.get(k);
    if (!g) return;
    if (view.k < 0.6) zoomCentre(1 / view.k);
    const r = g.getBoundingClientRect(), v = viewport.getBoundingClientRect();
    view.x += v.left + v.width / 2 - (r.left + r.width / 2);
    view.y += v.top + v.height / 2 - (r.top + r.height / 2);
    apply();
  }
  viewport.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = viewport.getBoundingClientRect();
    const step = e.deltaMode === 1 ? 0.05 : e.deltaMode === 2 ? 1 : 0.002;
    zoomAt(Math.exp(-e.deltaY * step), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  let drag = null;
  let justDragged = false;
  viewport.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moving: false };
  });
  viewport.addEventListener("pointermove", (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moving && Math.abs(dx) + Math.abs(dy) > 4) {
      drag.moving = true;
      // Captured only once it is a drag, so that a plain click still reaches the box or button under it.
      viewport.setPointerCapture(e.pointerId);
      viewport.classList.add("oc-dragging");
      hideTooltip();
    }
    if (drag.moving) {
      view.x = drag.vx + dx;
      view.y = drag.vy + dy;
      apply();
    }
  });
  function endDrag(e) {
    if (!drag || e.pointerId !== drag.id) return;
    justDragged = drag.moving;
    drag = null;
    viewport.classList.remove("oc-dragging");
  }
  viewport.addEventListener("pointerup", endDrag);
  viewport.addEventListener("pointercancel", endDrag);
  viewport.addEventListener("keydown", (e) => {
    if (e.target !== viewport) return;
    const pan = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] }[e.key];
    if (pan) {
      view.x += pan[0];
      view.y += pan[1];
      apply();
    } else if (e.key === "+" || e.key === "=") zoomCentre(1.25);
    else if (e.key === "-") zoomCentre(0.8);
    else if (e.key === "0") fit();
    else return;
    e.preventDefault();
  });

  // ---- Highlight a unit and its chain to the root ----------------------------------------------------------------
  let current = null;
  function clearHighlight() {
    for (const el of svg.querySelectorAll(".oc-hit, .oc-chain, .oc-chain-edge"))
      el.classList.remove("oc-hit", "oc-chain", "oc-chain-edge");
    svg.classList.remove("oc-dim");
    current = null;
  }
  function highlight(k, centre) {
    clearHighlight();
    if (!nodes[k]) return;
    // Open every collapsed box above it, so that it can be seen.
    let changed = false;
    for (let p = nodes[k].parent, n = 0; p && nodes[p] && n <= keys.length; p = nodes[p].parent, n++)
      changed = collapsed.delete(p) || changed;
    if (changed) refresh();
    current = k;
    svg.classList.add("oc-dim");
    if (group.has(k)) group.get(k).classList.add("oc-hit");
    for (let c = k, p = nodes[k].parent, n = 0; p && nodes[p] && n <= keys.length; c = p, p = nodes[p].parent, n++) {
      if (group.has(p)) group.get(p).classList.add("oc-chain");
      for (const e of treeEdges.get(p + ">" + c) || []) if (edgeGroup.has(e)) edgeGroup.get(e).classList.add("oc-chain-edge");
    }
    if (centre) centreOn(k);
  }

  // ---- Search by name, id or abbreviation ------------------------------------------------------------------------
  const fold = (s) => String(s || "").normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  const index = order.map((k) => {
    const n = nodes[k];
    return { k, exact: [n.id, ...(n.abbreviations || [])].map(fold), names: [n.name, n.nativeName].map(fold).filter(Boolean) };
  });
  function find(query) {
    const q = fold(query);
    if (!q) return [];
    const hits = [];
    for (const e of index) {
      let rank = -1;
      if (e.exact.includes(q)) rank = 0;
      else if (e.names.includes(q)) rank = 1;
      else if (e.names.some((s) => s.startsWith(q)) || e.exact.some((s) => s.startsWith(q))) rank = 2;
      else if (e.names.some((s) => s.includes(q)) || e.exact.some((s) => s.includes(q))) rank = 3;
      if (rank >= 0) hits.push({ k: e.k, rank });
    }
    return hits.sort((a, b) => a.rank - b.rank).map((h) => h.k);  // stable: chart order within a rank
  }
  function label(k) {
    const n = nodes[k];
    const abbr = (n.abbreviations || [])[0];
    return abbr && abbr !== n.name ? n.name + " (" + abbr + ")" : n.name;
  }
  function showResults(hits) {
    results.replaceChildren();
    for (const k of hits.slice(0, 30)) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.node = k;
      b.textContent = label(k);
      const id = document.createElement("small");
      id.textContent = nodes[k].id;
      b.append(id);
      if (k === current) li.className = "oc-current";
      li.append(b);
      results.append(li);
    }
    results.hidden = hits.length < 2;
  }
  function runSearch(centre) {
    const hits = find(search.value);
    if (!search.value.trim()) {
      status.textContent = "";
      results.hidden = true;
      clearHighlight();
      return;
    }
    status.textContent = hits.length === 0 ? "no match" : hits.length === 1 ? "1 match" : hits.length + " matches";
    if (hits.length) highlight(hits[0], centre);
    else clearHighlight();
    showResults(hits);
  }
  search.addEventListener("input", () => runSearch(true));
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      runSearch(true);
      e.preventDefault();
    } else if (e.key === "Escape") {
      search.value = "";
      runSearch(false);
    } else if (e.key === "ArrowDown" && !results.hidden) {
      const first = results.querySelector("button");
      if (first) first.focus();
      e.preventDefault();
    }
  });
  results.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-node]");
    if (!b) return;
    highlight(b.dataset.node, true);
    showResults(find(search.value));
  });
  results.addEventListener("keydown", (e) => {
    const li = e.target.closest("li");
    if (!li) return;
    const next = e.key === "ArrowDown" ? li.nextElementSibling : e.key === "ArrowUp" ? li.previousElementSibling : null;
    if (next) {
      next.querySelector("button").focus();
      e.preventDefault();
    } else if (e.key === "Escape") {
      results.hidden = true;
      search.focus();
    }
  });

  // ---- Clicks, keys and tooltips on the chart ----------------------------------------------------------------------
  svg.addEventListener("click", (e) => {
    if (justDragged) {
      justDragged = false;
      return;
    }
    const t = e.target.closest(".oc-toggle");
    if (t) {
      toggle(t.dataset.node);
      return;
    }
    const g = e.target.closest(".oc-node");
    const k = g && g.id;
    if (k && nodes[k]) highlight(k, false);
    else clearHighlight();
  });
  svg.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    const t = e.target.closest(".oc-toggle");
    if (t) toggle(t.dataset.node);
    else if (e.target.classList.contains("oc-node")) highlight(e.target.id, false);
    else return;
    e.preventDefault();
  });
  let tipNode = null;  // the node whose tooltip shows
  function showTooltip(k, x, y) {
    const text = nodes[k].tooltip || nodes[k].name;
    if (!text || drag) return;
    if (tipNode !== k) tooltip.textContent = text;
    tipNode = k;
    tooltip.hidden = false;
    const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    tooltip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 4)) + "px";
    tooltip.style.top = Math.max(4, y + 16 + h > window.innerHeight ? y - h - 10 : y + 16) + "px";
  }
  function hideTooltip() {
    tooltip.hidden = true;
    tipNode = null;
  }
  svg.addEventListener("pointerover", (e) => {
    const g = e.target.closest(".oc-node");
    if (g && nodes[g.id] && !e.target.closest(".oc-toggle")) showTooltip(g.id, e.clientX, e.clientY);
    else hideTooltip();
  });
  svg.addEventListener("pointermove", (e) => {
    if (tipNode) showTooltip(tipNode, e.clientX, e.clientY);
  });
  svg.addEventListener("pointerleave", hideTooltip);
  svg.addEventListener("focusin", (e) => {
    const g = e.target.closest(".oc-node");
    if (!g || !nodes[g.id]) return;
    const r = g.getBoundingClientRect();
    showTooltip(g.id, r.left, r.bottom);
  });
  svg.addEventListener("focusout", hideTooltip);

  // ---- Toolbar -----------------------------------------------------------------------------------------------------
  const buttons = {
    "oc-zoom-in": () => zoomCentre(1.25),
    "oc-zoom-out": () => zoomCentre(0.8),
    "oc-fit": fit,
    "oc-expand-all": () => {
      collapsed.clear();
      refresh();
    },
    "oc-collapse-all": () => {
      for (const k of toggles.keys()) collapsed.add(k);
      refresh();
      if (current && group.has(current) && group.get(current).classList.contains("oc-hidden")) clearHighlight();
    },
  };
  for (const id of Object.keys(buttons)) document.getElementById(id).addEventListener("click", buttons[id]);
  document.addEventListener("keydown", (e) => {
    if (e.key === "/" && document.activeElement !== search) {
      search.focus();
      e.preventDefault();
    }
  });
  window.addEventListener("resize", () => apply());

  refresh();
  fit();
})();
