// Launches Debian's Chromium through playwright-core with a fresh profile.
import { before, after } from "node:test";
import { chromium } from "playwright-core";

import { serve } from "./server.mjs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** Chromium with a fresh profile; `options` go to Playwright's launchPersistentContext. */
export async function launch(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), "parley-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Console warnings that say nothing about Parley. Chromium warns that it ignores
 * `integrity` on Trunk's `<link rel=preload as=fetch>` for the wasm; the wasm
 * itself is still fetched and checked by the loader.
 */
const KNOWN_WARNINGS = [/The `integrity` attribute is currently ignored for preload destinations/];

/**
 * Waits until the viewer on the page runs (`data-ready` on #parley): before
 * that, the reader prerendered into index.html is on screen but inert.
 * Pages without #parley (host pages of the examples) pass at once.
 */
export async function viewerReady(page) {
  await page.waitForFunction(() => {
    const root = document.getElementById("parley");
    return !root || root.hasAttribute("data-ready");
  });
}

/** Opens a page that records console errors and warnings, page errors and failed or non-2xx requests. */
export async function openRecorded(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    const known = KNOWN_WARNINGS.some((pattern) => pattern.test(msg.text()));
    if (msg.type() === "error" || (msg.type() === "warning" && !known)) {
      problems.push(`console ${msg.type()}: ${msg.text()}`);
    }
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url);
  await viewerReady(page);
  return { page, problems };
}

/**
 * For a test file: a browser and dist/ served at the root for all its tests.
 * Returns `open(query)`, which loads the viewer with that query string and
 * resolves once `ready` (a selector) is on the page.
 */
export function viewerSuite(ready) {
  const dist = join(import.meta.dirname, "..", "..", "dist");
  let browser;
  let server;
  before(async () => {
    browser = await launch();
    server = await serve(dist, "/");
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return async function open(query = "") {
    const recorded = await openRecorded(browser.context, `${server.url}${query}`);
    await recorded.page.locator(ready).first().waitFor();
    return recorded;
  };
}

/**
 * Asks the reader to lay out the whole text (it otherwise draws the turns
 * near the window), so that a test can count every turn the view shows.
 */
export async function wholeText(page) {
  const button = page.getByRole("button", { name: "Lay out the whole text" });
  if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
/** The rules every page is held to: WCAG 2.0, 2.1 and 2.2 A and AA, target size, and two best practices. */
const AXE_OPTIONS = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  rules: { "target-size": { enabled: true }, region: { enabled: true }, "landmark-one-main": { enabled: true } },
};

/** Axe's violations on the page as it stands, one line each. */
export async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((options) => window.axe.run(document, options), AXE_OPTIONS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}
