// End-to-end: axe-core on every view and state of the viewer, in the light
// and the dark theme, with the WCAG 2.0/2.1/2.2 A and AA rules (target size
// included) and the best-practice rules "region" and "landmark-one-main".
// Zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { launch, violations } from "./browser.mjs";
import { serve } from "./server.mjs";

const DIST = join(import.meta.dirname, "..", "..", "dist");

let browser;
let server;
before(async () => {
  // No service worker: a blocked request must reach the page, not a cache.
  browser = await launch({ serviceWorkers: "block" });
  server = await serve(DIST, "/");
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Each state of the viewer: how to reach it from a fresh load of `query`. */
const STATES = [
  ["reader", "", async () => {}],
  ["note popover open", "", async (page) => {
    await page.locator(".note-ref__button").first().click();
    await page.locator(".note-pop").waitFor();
  }],
  ["filters and search with results", "?q=cucumbers&topics=leisure", async (page) => {
    await page.getByText("Filters", { exact: true }).click();
    await page.locator(".kwic summary").click();
    await page.locator(".kwic__line").first().waitFor();
  }],
  ["statistics with tables", "?view=stats", async (page) => {
    for (const summary of await page.locator(".table-block summary, .definitions summary, details summary").all()) {
      if (await summary.isVisible()) await summary.click();
    }
  }],
  ["timeline", "?view=timeline", async () => {}],
  ["people and places", "?view=index", async () => {}],
  ["cite dialog", "", async (page) => {
    await page.getByRole("button", { name: "Cite", exact: true }).click();
    await page.getByRole("dialog").waitFor();
  }],
  ["embed dialog", "", async (page) => {
    await page.getByRole("button", { name: "Embed", exact: true }).click();
    await page.getByRole("dialog").waitFor();
  }],
  ["notice of a bad link", "?speakers=stalin", async (page) => {
    await page.locator(".notice").waitFor();
  }],
];

for (const scheme of ["light", "dark"]) {
  for (const [name, query, reach] of STATES) {
    test(`${name}, ${scheme}: no violations`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.goto(`${server.url}${query}`);
      await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
      await reach(page);
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }
  test(`the text of the record and the page without WebAssembly, ${scheme}: no violations`, async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}record.html`);
    assert.deepEqual(await violations(page), []);
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(server.url);
    await page.locator("#parley-boot [role=alert]").waitFor();
    assert.deepEqual(await violations(page), []);
    await page.close();
  });
}
