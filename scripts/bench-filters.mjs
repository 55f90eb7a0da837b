// Time from a filter change to the painted result in headless Chromium, on the
// record and on synthetic records made by repeating its dialogue (median of 15,
// after 3 untimed rounds):
// a topic chip pressed, and one keystroke in the search box.
// Usage: node scripts/bench-filters.mjs [SCALE…]   (default: 1 10)
// Each scale other than 1 is built into a temporary dist with PARLEY_TRANSCRIPTS.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const ROOT = join(import.meta.dirname, "..");
const RECORD = "1958-08-02-third-conversation";
const RUNS = 15;
/** Untimed rounds first, so that the timed ones meet warm caches and a compiled Wasm. */
const WARM_UP = 3;
const scales = process.argv.slice(2).map(Number).filter((n) => n >= 1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A dist/ for the record with its dialogue repeated `scale` times (suggested topics). */
function distFor(scale) {
  if (scale === 1) return { dist: join(ROOT, "dist"), cleanup() {} };
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  const text = readFileSync(join(ROOT, "transcripts", `${RECORD}.txt`), "utf8");
  const start = text.indexOf("\nMAO ZEDONG speaks briefly");
  const end = text.indexOf("\nConversation transcribed by");
  writeFileSync(join(dir, `${RECORD}.txt`), text.slice(0, start) + text.slice(start, end).repeat(scale) + text.slice(end));
  copyFileSync(join(ROOT, "transcripts", `${RECORD}.meta.toml`), join(dir, `${RECORD}.meta.toml`));
  const dist = join(dir, "dist");
  execFileSync("trunk", ["build", "--release", "--dist", dist], {
    cwd: ROOT,
    env: { ...process.env, PARLEY_TRANSCRIPTS: dir },
    stdio: "ignore",
  });
  return { dist, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Milliseconds from `action` (run in the page) to the next painted frame. */
const timed = (page, action) =>
  page.evaluate(async (source) => {
    const start = performance.now();
    new Function(source)();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, action);

const TOGGLE = `document.querySelector(".chip[data-topic]").click();`;
const KEY = `const input = document.getElementById("parley-search");
  input.value = input.value === "c" ? "" : "c";
  input.dispatchEvent(new InputEvent("input", { bubbles: true }));`;

const browser = await launch();
console.log("scale   turns   load ms   topic toggle ms   search keystroke ms   DOM nodes");
try {
  for (const scale of scales.length ? scales : [1, 10]) {
    const { dist, cleanup } = distFor(scale);
    const server = await serve(dist, "/");
    const page = await browser.context.newPage();
    const started = Date.now();
    await page.goto(server.url);
    await page.locator("#parley[data-ready]").waitFor({ state: "attached", timeout: 600_000 });
    const load = Date.now() - started;
    const turns = Number((await page.locator(".filters__status").innerText()).match(/of (\d+) turns/)[1]);
    await page.locator(".filters__more summary").click();
    const toggles = [];
    const keys = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const toggle = await timed(page, TOGGLE);
      const key = await timed(page, KEY);
      if (i >= WARM_UP) {
        toggles.push(toggle);
        keys.push(key);
      }
    }
    const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    console.log(
      `${String(scale).padStart(4)}× ${String(turns).padStart(7)} ${String(load).padStart(9)} ${median(toggles).toFixed(1).padStart(17)} ${median(keys).toFixed(1).padStart(21)} ${String(nodes).padStart(11)}`,
    );
    await page.close();
    await server.close();
    cleanup();
  }
} finally {
  await browser.close();
}
