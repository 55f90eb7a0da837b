// First paint against the physical limit: the record as a plain static HTML
// page (dist/record.html) and Parley (dist/index.html), side by side in one
// run, in headless Chromium from 127.0.0.1, median of 7 loads with an empty
// cache. Unthrottled, then a mobile-like profile (4× CPU slowdown, 150 ms
// latency, 1.6 Mbps down); each with the files brotli-compressed, as static
// hosts (GitHub Pages, Netlify, CloudFront) send them, then uncompressed.
// Then Parley's memory over 20 filter/clear cycles.
// Usage: node scripts/bench-first-paint.mjs   (needs dist/)
import { join } from "node:path";

import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const RUNS = 7;
const median = (xs) => {
  const known = xs.filter((x) => x !== null && !Number.isNaN(x));
  return known.length ? [...known].sort((a, b) => a - b)[Math.floor(known.length / 2)] : null;
};
const PROFILES = {
  unthrottled: null,
  mobile: { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 0.75e6 / 8 },
};

/** Heap in use after a garbage collection: JS objects plus ArrayBuffer backing stores (the Wasm memory). */
async function memory(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const usage = await cdp.send("Runtime.getHeapUsage");
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/** One load of `path`: paint times, bytes, memory, DOM nodes, and (for Parley) time to a working filter. */
async function load(context, url, profile) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (profile) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.down,
      uploadThroughput: profile.up,
    });
  }
  await page.addInitScript(() => {
    window.__lcp = null;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(url, { waitUntil: "load" });
  const isParley = !url.endsWith("record.html");
  let interactive = null;
  if (isParley) {
    // From navigation to a topic chip's click showing its result.
    await page.locator("#parley[data-ready]").waitFor({ state: "attached", timeout: 120_000 });
    interactive = await page.evaluate(async () => {
      const status = document.querySelector(".filters__status");
      const before = status.textContent;
      document.querySelector(".chip[data-topic]").click();
      while (document.querySelector(".filters__status").textContent === before) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now();
    });
    await page.evaluate(() => document.querySelector(".filters__clear")?.click());
  }
  await page.waitForTimeout(500);
  const figures = await page.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")];
    return {
      fcp: paint ? paint.startTime : null,
      lcp: window.__lcp,
      bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
      nodes: document.getElementsByTagName("*").length,
    };
  });
  figures.interactive = interactive;
  figures.memory = await memory(cdp);
  await page.close();
  return figures;
}

/** Heap growth over 20 cycles of pressing a topic chip and "Clear all". */
async function cycles(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
  const cycle = () =>
    page.evaluate(async () => {
      const wait = async (pattern) => {
        while (!pattern.test(document.querySelector(".filters__status").textContent)) {
          await new Promise((r) => requestAnimationFrame(r));
        }
      };
      document.querySelector(".chip[data-topic]").click();
      await wait(/^Showing \d+ of/);
      document.querySelector(".filters__clear").click();
      await wait(/^Showing (\d+) of \1 turns/);
    });
  for (let i = 0; i < 3; i++) await cycle();
  const before = await memory(cdp);
  for (let i = 0; i < 20; i++) await cycle();
  const after = await memory(cdp);
  await page.close();
  return { before, after };
}

const dist = join(import.meta.dirname, "..", "dist");
const servers = {
  brotli: await serve(dist, "/", {}, { compress: true }),
  uncompressed: await serve(dist, "/"),
};
const server = servers.uncompressed;
const browser = await launch({ serviceWorkers: "block" });
const ms = (x) => (x === null ? "—" : x.toFixed(0));
const kb = (x) => (x / 1024).toFixed(0);
try {
  for (const [name, profile] of Object.entries(PROFILES)) for (const [sent, host] of Object.entries(servers)) {
    console.log(`\n${name}, ${sent}: median of ${RUNS}`);
    console.log("page          FCP ms   LCP ms   filter works at ms   transferred KB   JS heap + Wasm KB   DOM nodes");
    // The two pages' loads alternate, so that a slow spell of this machine falls on both.
    const pages = [["static HTML", "record.html"], ["Parley", ""]];
    const runs = pages.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      for (const [p, [, path]] of pages.entries()) runs[p].push(await load(browser.context, `${host.url}${path}`, profile));
    }
    for (const [p, [label]] of pages.entries()) {
      const m = (key) => median(runs[p].map((r) => r[key]));
      console.log(
        `${label.padEnd(12)} ${ms(m("fcp")).padStart(7)} ${ms(m("lcp")).padStart(8)} ${ms(m("interactive")).padStart(20)} ${kb(m("bytes")).padStart(16)} ${kb(m("memory")).padStart(19)} ${String(m("nodes")).padStart(11)}`,
      );
    }
  }
  const { before, after } = await cycles(browser.context, server.url);
  console.log(`\nParley, 20 filter/clear cycles: heap ${kb(before)} KB → ${kb(after)} KB (${(((after - before) / before) * 100).toFixed(1)} %)`);
} finally {
  await browser.close();
  for (const host of Object.values(servers)) await host.close();
}
