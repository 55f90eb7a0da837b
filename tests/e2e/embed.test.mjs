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
    await viewer.locator("#parley[data-ready]").waitFor({ state: "attached" });
    assert.match(await viewer.locator(".filters__status").innerText(), shown);
    // The page's <parley-viewer> elements load beside the frame.
    await page.locator("parley-viewer .filters__status").first().waitFor();
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

test("<parley-viewer> elements: several on a page, each its own view, no styles crossing", async () => {
  const { page, problems } = await openRecorded(browser.context, `${server.url}examples/course.html`);
  const [stats, search] = [page.locator("parley-viewer").nth(0), page.locator("parley-viewer").nth(1)];
  await stats.locator(".stats__scope").waitFor();
  assert.match(await stats.locator(".stats__scope").innerText(), /^Statistics for 12 of 263 turns \(481 words\): speaker Zhou Enlai\./);
  await search.locator(".turn").first().waitFor();
  assert.match(await search.locator(".filters__status").innerText(), /^\d+ matches in \d+ turns\. search “japan”\./);
  // The second scrolls inside its 480 px; the page's URL is never touched.
  assert.equal(Math.round((await search.boundingBox()).height), 484);
  await search.locator("#parley-search").fill("cucumbers");
  await search.locator(".filters__status").filter({ hasText: /^8 matches in 8 turns/ }).waitFor();
  assert.match(await stats.locator(".stats__scope").innerText(), /speaker Zhou Enlai\./, "the other viewer keeps its state");
  assert.equal(new URL(page.url()).search, "");
  // The course's button colours stay out; the viewer's theme and accent stay in.
  const colours = await search.evaluate((element) => {
    const button = element.shadowRoot.querySelector(".views__button");
    return {
      host: getComputedStyle(document.querySelector("button") ?? document.body).backgroundColor,
      inside: getComputedStyle(button).backgroundColor,
      accent: getComputedStyle(element).getPropertyValue("--accent").trim(),
      theme: element.dataset.theme,
    };
  });
  assert.notEqual(colours.inside, "rgb(11, 61, 46)");
  assert.deepEqual([colours.accent, colours.theme], ["#ffb000", "dark"]);
  // Attributes are observed.
  await stats.evaluate((element) => element.setAttribute("view", "timeline"));
  await stats.locator(".series").first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("<parley-viewer>: an unknown attribute gives one warning; a turn attribute opens that turn", async () => {
  const page = await browser.context.newPage();
  const warnings = [];
  page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
  await page.goto(`${server.url}examples/museum.html`);
  await page.evaluate(() => {
    const element = document.createElement("parley-viewer");
    element.setAttribute("turn", "120");
    element.setAttribute("height", "400");
    element.setAttribute("colour", "red");
    element.id = "added";
    document.querySelector("main").append(element);
    element.setAttribute("colour", "blue");
  });
  const added = page.locator("#added");
  await added.locator("#t120").waitFor();
  await page.waitForFunction(() => {
    const host = document.getElementById("added");
    const turn = host.shadowRoot.getElementById("t120").getBoundingClientRect();
    const box = host.getBoundingClientRect();
    return turn.top >= box.top && turn.top < box.bottom;
  });
  const ours = warnings.filter((w) => w.startsWith("<parley-viewer>"));
  assert.deepEqual(ours, ["<parley-viewer>: unknown attribute “colour” ignored; the options are transcript, view, q, topics, match, speakers, kind, section, mention, turn, theme, accent, embed, height"]);
  await page.close();
});
