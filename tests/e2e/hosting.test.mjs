// End-to-end: dist/ on any static host. A strict Content-Security-Policy sent
// as a real header, no request leaving the origin, the fallbacks where the
// viewer cannot run, and offline use after the first visit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { POLICY } from "../../scripts/csp.mjs";
import { launch, openRecorded } from "./browser.mjs";
import { serve } from "./server.mjs";

const DIST = join(import.meta.dirname, "..", "..", "dist");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every view, a search and a filter: what a visit touches. */
async function tour(page) {
  await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
  await page.locator("#parley-search").fill("cucumbers");
  await page.locator("mark.hit").first().waitFor({ state: "attached" });
  for (const view of ["Statistics", "Timeline", "People and places", "Transcript"]) {
    await page.getByRole("button", { name: view, exact: true }).click();
  }
  await page.locator(".turn").first().waitFor();
}

test("under a strict Content-Security-Policy header: no violation, nothing from elsewhere", async () => {
  const server = await serve(DIST, "/exhibits/1958/parley/", { "content-security-policy": POLICY });
  try {
    const context = browser.context;
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
    });
    const requests = [];
    const onRequest = (request) => requests.push(request.url());
    context.on("request", onRequest);
    const { page, problems } = await openRecorded(context, server.url);
    await tour(page);
    context.off("request", onRequest);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    const origin = new URL(server.url).origin;
    const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
    assert.deepEqual(elsewhere, [], "requests that leave the origin");
    assert.ok(requests.some((url) => url.endsWith(".wasm")), "the wasm was requested");
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await server.close();
  }
});

test("with WebAssembly blocked, the page says so and links to the text of the record", async () => {
  const server = await serve(DIST, "/");
  // No service worker: the blocked request must reach the page, not a cache.
  const blocking = await launch({ serviceWorkers: "block" });
  try {
    const page = await blocking.context.newPage();
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(server.url);
    const alert = page.locator("#parley-boot [role=alert]");
    await alert.waitFor();
    assert.match(await alert.innerText(), /^The interactive viewer could not start: /);
    assert.match(await page.locator("h1").innerText(), /^Third Conversation of N\.S\. Khrushchev with Mao Zedong/);
    await page.getByRole("link", { name: "the record" }).click();
    await page.locator("#t263").waitFor();
    assert.equal(await page.locator(".turn").count(), 263);
    assert.equal(await page.locator("li[id^=note-]").count(), 39);
    await page.close();
  } finally {
    await blocking.close();
    await server.close();
  }
});

test("a viewer file that is not the one the page was built with is refused, and the page says so", async () => {
  const server = await serve(DIST, "/");
  const blocking = await launch({ serviceWorkers: "block" });
  try {
    for (const [pattern, body, type] of [
      [/parley-web-[^/]*\.js$/, "export default () => {};", "text/javascript"],
      [/\.wasm$/, "\0asm\x01\0\0\0", "application/wasm"],
    ]) {
      const page = await blocking.context.newPage();
      await page.route(pattern, (route) => route.fulfill({ body, contentType: type }));
      await page.goto(server.url);
      const alert = page.locator("#parley-boot [role=alert]");
      await alert.waitFor();
      assert.match(await alert.innerText(), /^The interactive viewer could not start: /);
      assert.equal(await page.locator("#parley[data-ready]").count(), 0);
      await page.close();
    }
  } finally {
    await blocking.close();
    await server.close();
  }
});

test("with JavaScript off, or opened from a file, the page explains and links to the text", async () => {
  const server = await serve(DIST, "/");
  const noScript = await launch({ javaScriptEnabled: false });
  try {
    const page = await noScript.context.newPage();
    await page.goto(server.url);
    assert.match(await page.locator("#parley-boot").innerText(), /needs JavaScript and WebAssembly/);
    // The reader prerendered at build time is there to read.
    assert.match(await page.locator("#t1").innerText(), /MAO ZEDONG speaks briefly about the development of the PRC economy/);
    assert.equal(await page.getByRole("link", { name: "plain-text source" }).getAttribute("href"), "record.txt");
    await page.close();

    // From disk the browser runs nothing (nor applies the stylesheet): the
    // loading state itself says what to do.
    const fromDisk = await browser.context.newPage();
    await fromDisk.goto(pathToFileURL(join(DIST, "index.html")).href);
    assert.match(await fromDisk.locator("#parley-boot").innerText(), /serve the folder \(for example with python3 -m http\.server\)/);
    assert.equal(await fromDisk.getByRole("link", { name: "the record" }).getAttribute("href"), "record.html");
    await fromDisk.close();
  } finally {
    await noScript.close();
    await server.close();
  }
});

test("after the first visit the viewer works offline, unless the page turns that off", async () => {
  const server = await serve(DIST, "/");
  const fresh = await launch();
  try {
    const page = await fresh.context.newPage();
    await page.goto(server.url);
    await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
    await page.evaluate(() => navigator.serviceWorker.ready);
    await fresh.context.setOffline(true);
    await page.reload();
    await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
    await page.goto(`${server.url}?q=cucumbers`);
    await page.locator("mark.hit").first().waitFor({ state: "attached" });
    await fresh.context.setOffline(false);
    // `offline=off` removes the worker.
    await page.goto(`${server.url}?offline=off`);
    await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0);
    await page.close();
  } finally {
    await fresh.close();
    await server.close();
  }
});
