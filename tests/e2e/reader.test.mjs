// End-to-end: the release build in dist/, served on 127.0.0.1, read in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

import { serve } from "./server.mjs";
import { launch, openRecorded, wholeText } from "./browser.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const DIST = join(ROOT, "dist");
const ARTIFACTS = join(ROOT, "tests", "e2e", "artifacts");

let browser;
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withServer(prefix, body) {
  const server = await serve(DIST, prefix);
  try {
    await body(server.url);
  } finally {
    await server.close();
  }
}

test("every turn of the record renders, with no errors logged", async () => {
  await withServer("/", async (url) => {
    const { page, problems } = await openRecorded(browser.context, url);
    await page.locator("#t1").waitFor();
    await wholeText(page);
    await page.locator("#t263").waitFor();
    assert.equal(await page.locator(".turn").count(), 263);
    assert.equal(await page.locator("[data-kind=reported]").count(), 8);
    assert.equal(await page.locator(".notes li[id^=note-]").count(), 39);
    assert.match(await page.locator("h1").innerText(), /Third Conversation of N\.S\. Khrushchev with Mao Zedong/);
    assert.equal(await page.title(), "Third Conversation of N.S. Khrushchev with Mao Zedong, August 2, 1958, in Fengziyuan – Parley");
    assert.match(await page.locator("#t1").innerText(), /MAO ZEDONG speaks briefly about the development of the PRC economy/);
    assert.match(await page.locator("#t263").innerText(), /MAO ZEDONG suggests ending the meeting at this point\./);
    assert.match(await page.locator(".citation").innerText(), /RGANI\. Collection 52\. Inventory 1\. File 498\. Sheets 108-150\./);
    await page.screenshot({ path: join(ARTIFACTS, "reader-desktop.png") });
    assert.deepEqual(problems, []);
    await page.close();
  });
});

test("the reader draws the turns near the window, and scrolling through draws each one", async () => {
  await withServer("/", async (url) => {
    const { page, problems } = await openRecorded(browser.context, url);
    await page.locator("#t1").waitFor();
    const seen = new Set();
    let mostDrawn = 0;
    for (let step = 0; ; step++) {
      const view = await page.evaluate(() => {
        const turns = [...document.querySelectorAll(".turn")].map((t) => t.id);
        // Some row of the dialogue stands across the middle of the window.
        const middle = innerHeight / 2;
        const covered = [...document.querySelectorAll(".dialogue__rows > *")].some((row) => {
          const box = row.getBoundingClientRect();
          return box.top <= middle + 40 && box.bottom >= middle - 40;
        });
        const dialogue = document.getElementById("dialogue").getBoundingClientRect();
        const inDialogue = dialogue.top < innerHeight / 2 && dialogue.bottom > innerHeight / 2;
        const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
        return { turns, inDialogue, blank: inDialogue && !covered, atEnd };
      });
      view.turns.forEach((id) => seen.add(id));
      mostDrawn = Math.max(mostDrawn, view.turns.length);
      assert.ok(!view.blank, `blank space in the middle of the window at step ${step}`);
      if (view.atEnd) break;
      await page.evaluate(() => window.scrollBy({ top: innerHeight * 0.7, behavior: "instant" }));
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    }
    assert.equal(seen.size, 263, "every turn was drawn on the way down");
    assert.ok(mostDrawn <= 60, `at most 60 turns drawn at once, not ${mostDrawn}`);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

test("a note popover opens by keyboard, Escape closes it and focus returns", async () => {
  await withServer("/", async (url) => {
    // A note's way back (#ref-8) leads to the turn that cites it, drawn on request.
    const { page, problems } = await openRecorded(browser.context, `${url}#ref-8`);
    const button = page.locator("#ref-8");
    await button.waitFor();
    await button.focus();
    await page.keyboard.press("Enter");
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const popover = page.locator(`#${await button.getAttribute("aria-controls")}`);
    assert.match(await popover.innerText(), /Austrian State Treaty signed on May 15, 1955/);
    await page.evaluate(() => document.activeElement?.scrollIntoView({ block: "center", behavior: "instant" }));
    await page.screenshot({ path: join(ARTIFACTS, "note-open.png") });
    await page.keyboard.press("Escape");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.equal(await popover.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "ref-8");
    // The note's back-link leads to the reference.
    assert.equal(await page.locator("#note-8 a.note__back").getAttribute("href"), "#ref-8");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

test("the build works under a subpath and at 320 px, in every view", async () => {
  await withServer("/exhibits/1958/parley/", async (url) => {
    const { page, problems } = await openRecorded(browser.context, url);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.locator("#t1").waitFor();
    await wholeText(page);
    await page.locator("#t263").waitFor();
    for (const view of ["Statistics", "Timeline", "People and places", "Transcript"]) {
      await page.getByRole("button", { name: view, exact: true }).click();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${view} scrolls sideways by ${overflow}px at 320 px`);
    }
    await page.screenshot({ path: join(ARTIFACTS, "reader-320.png") });
    assert.deepEqual(problems, []);
    await page.close();
  });
});

test("a link to a turn (#t42) opens the reader at that turn", async () => {
  await withServer("/", async (url) => {
    const { page, problems } = await openRecorded(browser.context, `${url}#t42`);
    await page.locator("#t42").waitFor();
    // The turn stands just below the sticky conversation strip, and has focus.
    await page.waitForFunction(() => {
      const top = document.getElementById("t42")?.getBoundingClientRect().top ?? -1;
      const strip = document.querySelector(".strip-bar")?.getBoundingClientRect().bottom ?? 0;
      return top >= strip - 1 && top < window.innerHeight / 3;
    });
    assert.equal(await page.evaluate(() => document.activeElement?.id), "t42");
    assert.deepEqual(problems, []);
    await page.close();
  });
});

test("find in page lays out the whole text; a link to a hidden turn opens its run", async () => {
  await withServer("/", async (url) => {
    const { page, problems } = await openRecorded(browser.context, url);
    await page.locator("#t1").waitFor();
    assert.ok((await page.locator(".turn").count()) < 60);
    await page.keyboard.press("Control+f");
    await page.locator("#t263").waitFor({ state: "attached" });
    assert.equal(await page.locator(".turn").count(), 263);
    assert.equal(await page.getByRole("button", { name: "Lay out the whole text" }).getAttribute("aria-pressed"), "true");
    await page.close();

    // Turn 1 is Mao's; Zhou Enlai's turns alone hide it, and the link opens its run.
    const linked = await openRecorded(browser.context, `${url}?speakers=zhou-enlai#t1`);
    await linked.page.locator("#t1").waitFor();
    assert.equal(await linked.page.evaluate(() => document.activeElement?.id), "t1");
    assert.match(await linked.page.locator(".filters__status").innerText(), /^Showing 12 of 263 turns\./);
    assert.deepEqual([...problems, ...linked.problems], []);
    await linked.page.close();
  });
});
