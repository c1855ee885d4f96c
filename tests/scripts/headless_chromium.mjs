// A small driver for headless Chromium through the DevTools protocol over a pipe (--remote-debugging-pipe:
// the browser reads NUL-terminated JSON messages on fd 3 and writes on fd 4), so the browser tests need no
// npm package and download nothing. Used by d3_org_chart_check.mjs and html_chart_check.mjs.
//
//   const browser = await launch();           // /usr/bin/chromium, or $CHROMIUM
//   const page = await browser.open(url);     // waits for the load event
//   await page.evaluate("1 + 1");             // -> 2 (promises awaited)
//   page.errors                               // console.error/assert, uncaught exceptions, failed loads, dialogs
//   page.requests                             // every URL the page requested
//   await browser.close();
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

export async function launch({ timeoutMs = 120000 } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), "orgchart-chromium-"));
  const args = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
    "--remote-debugging-pipe", `--user-data-dir=${profile}`, "--window-size=1280,900", "about:blank",
  ];
  // Its own process group, so that close() can end the browser's helper processes too (and only those).
  const proc = spawn(chromiumPath, args, { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"], detached: true });
  let stderr = "";
  proc.stderr.on("data", (d) => { stderr = (stderr + d).slice(-20000); });
  const toBrowser = proc.stdio[3];
  const fromBrowser = proc.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();  // sessionId -> callback(method, params)
  let buffer = "";
  let exited = false;
  const exitPromise = new Promise((resolve) => proc.on("exit", (code) => {
    exited = true;
    for (const { reject } of pending.values()) reject(new Error(`chromium exited (${code}): ${stderr.slice(-2000)}`));
    pending.clear();
    resolve(code);
  }));
  proc.on("error", (e) => {
    for (const { reject } of pending.values()) reject(e);
    pending.clear();
  });
  fromBrowser.setEncoding("utf8");
  fromBrowser.on("data", (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf("\0")) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (msg.id !== undefined && pending.has(msg.id)) {
        const { resolve, reject, method } = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
        else resolve(msg.result);
      } else if (msg.method) {
        const cb = listeners.get(msg.sessionId || "");
        if (cb) cb(msg.method, msg.params);
      }
    }
  });

  function send(method, params = {}, sessionId = undefined) {
    if (exited) return Promise.reject(new Error(`chromium has exited: ${stderr.slice(-2000)}`));
    const id = nextId++;
    const msg = { id, method, params };
    if (sessionId) msg.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer from chromium in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        method,
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      toBrowser.write(JSON.stringify(msg) + "\0");
    });
  }

  async function open(url) {
    const { targetId } = await send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
    const errors = [];
    const console_ = [];
    const requests = [];
    let loaded = null;
    const loadPromise = new Promise((resolve) => { loaded = resolve; });
    listeners.set(sessionId, (method, p) => {
      if (method === "Runtime.consoleAPICalled") {
        const text = p.args.map((a) => (a.value !== undefined ? String(a.value) : a.description || a.type)).join(" ");
        console_.push(`${p.type}: ${text}`);
        if (p.type === "error" || p.type === "assert") errors.push(`console.${p.type}: ${text}`);
      } else if (method === "Runtime.exceptionThrown") {
        const d = p.exceptionDetails;
        errors.push(`uncaught: ${(d.exception && d.exception.description) || d.text} (${d.url || ""}:${d.lineNumber})`);
      } else if (method === "Log.entryAdded") {
        if (p.entry.level === "error") errors.push(`log: ${p.entry.text} ${p.entry.url || ""}`);
      } else if (method === "Page.loadEventFired") {
        loaded();
      } else if (method === "Page.javascriptDialogOpening") {
        errors.push(`dialog: ${p.type} ${JSON.stringify(p.message)}`);
        send("Page.handleJavaScriptDialog", { accept: true }, sessionId).catch(() => {});
      } else if (method === "Network.requestWillBeSent") {
        requests.push(p.request.url);
      }
    });
    const s = (m, params) => send(m, params, sessionId);
    await s("Runtime.enable");
    await s("Log.enable");
    await s("Page.enable");
    await s("Network.enable");
    const nav = await s("Page.navigate", { url });
    if (nav.errorText) throw new Error(`cannot open ${url}: ${nav.errorText}`);
    await loadPromise;
    return {
      errors,
      console: console_,
      requests,  // every URL the page asked for

      send: s,
      /** The value of a JavaScript expression in the page (a promise is awaited); throws what the page throws. */
      async evaluate(expression) {
        const r = await s("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
        if (r.exceptionDetails) {
          const d = r.exceptionDetails;
          throw new Error(`in the page: ${(d.exception && d.exception.description) || d.text}`);
        }
        return r.result.value;
      },
      /** A real mouse click (pressed and released) at page coordinates. */
      async click(x, y) {
        for (const type of ["mouseMoved", "mousePressed", "mouseReleased"])
          await s("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: type === "mouseMoved" ? 0 : 1 });
      },
      /** Real key presses of `text` into the focused element (Input.insertText fires input events). */
      async type(text) { await s("Input.insertText", { text }); },
      async key(key, code = key, keyCode = 0) {
        for (const type of ["keyDown", "keyUp"])
          await s("Input.dispatchKeyEvent", { type, key, code, windowsVirtualKeyCode: keyCode });
      },
    };
  }

  async function close() {
    try {
      await Promise.race([send("Browser.close"), new Promise((r) => setTimeout(r, 5000))]);
    } catch {
      // already gone
    }
    await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-proc.pid, "SIGKILL");  // the group we started: helpers left behind, or a browser that hangs
    } catch {
      // the group is gone already
    }
    await Promise.race([exitPromise, new Promise((r) => setTimeout(r, 5000))]);
    // The browser's helper processes may still be writing into the profile for a moment.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch (e) {
      console.log(`note: could not remove ${profile}: ${e.message}`);
    }
  }

  // The browser answers on the pipe once it is up; a first call proves it.
  await send("Browser.getVersion");
  return { open, close, send };
}
