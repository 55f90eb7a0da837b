// End-to-end: the example host pages in dist/examples/ embed the viewer in a
// frame that sizes itself to the viewer, each with its own look.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { launch, openRecorded } from "./browser.mjs";
import { serve } from "./server.mjs";

const DIST = join(import.meta.dirname, "..", "..", "dist");
const ARTIFACTS = join(import.meta.dirname, "artifacts");

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve(DIST, "/exhibits/parley/");
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The frame's height on the host page, and the height of the viewer's document in it. */
const heights = (page) =>
  page.evaluate(() => {
    const frame = document.querySelector("iframe[data-parley]");
    return { frame: frame.clientHeight, content: frame.contentDocument.documentElement.scrollHeight };
  });

for (const [name, shown] of [
  ["museum", /^Showing 29 of 263 turns\. topic Leisure and cucumbers\./],
  ["course", /^Showing 12 of 263 turns\. speaker Zhou Enlai\./],
]) {
  test(`the ${name} page: the viewer loads in its frame, fits its content and keeps working`, async () => {
    const { page, problems } = await openRecorded(browser.context, `${server.url}examples/${name}.html`);
    const viewer = page.frameLocator("iframe[data-parley]");
    await viewer.locator(".turn").first().waitFor();
    assert.match(await viewer.locator(".filters__status").innerText(), shown);
    // The frame grows to the viewer's height, from the viewer's messages.
    await page.waitForFunction(() => {
      const frame = document.querySelector("iframe[data-parley]");
      return Math.abs(frame.clientHeight - frame.contentDocument.documentElement.scrollHeight) < 2;
    });
    const before = await heights(page);
    assert.ok(before.frame > 1000, `the frame grew to ${before.frame}px`);
    // The host's styles stay out of the viewer: its text keeps the viewer's fonts.
    const fonts = await page.evaluate(() => [
      getComputedStyle(document.body).fontFamily,
      getComputedStyle(document.querySelector("iframe").contentDocument.body).fontFamily,
    ]);
    assert.notEqual(fonts[0], fonts[1]);
    // Working in the frame changes its height, and the frame follows.
    await viewer.getByRole("button", { name: "Clear all" }).click();
    await page.waitForFunction(
      (old) => {
        const frame = document.querySelector("iframe[data-parley]");
        const height = frame.clientHeight;
        return height !== old && Math.abs(height - frame.contentDocument.documentElement.scrollHeight) < 2;
      },
      before.frame,
    );
    assert.match(await viewer.locator(".filters__status").innerText(), /^Showing 263 of 263 turns\./);
    await page.screenshot({ path: join(ARTIFACTS, `example-${name}.png`) });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("embedding options: compact chrome, theme and accent; no height messages without a parent", async () => {
  const { page, problems } = await openRecorded(browser.context, `${server.url}?embed=1&theme=dark&accent=%23ffb000`);
  await page.locator(".turn").first().waitFor();
  const root = await page.evaluate(() => ({
    theme: document.documentElement.dataset.theme,
    embed: document.documentElement.hasAttribute("data-embed"),
    accent: getComputedStyle(document.documentElement).getPropertyValue("--accent").trim(),
    background: getComputedStyle(document.body).backgroundColor,
  }));
  assert.deepEqual(root, { theme: "dark", embed: true, accent: "#ffb000", background: "rgb(24, 23, 21)" });
  // The options stay in the URL as the view changes.
  await page.getByRole("button", { name: "Statistics", exact: true }).click();
  await page.waitForURL(/\?view=stats&embed=1&theme=dark&accent=%23ffb000$/);
  assert.deepEqual(problems, []);
  await page.close();
});
