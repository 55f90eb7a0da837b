// End-to-end: the viewer by keyboard alone. Skip link, search and the steps
// through its matches, a filter, a view, the strip's steps, a note and the
// Cite dialog; every stop shows where focus is, and Tab always moves on.
import { test } from "node:test";
import assert from "node:assert/strict";

import { viewerSuite } from "./browser.mjs";

const open = viewerSuite(".turn");

/** Presses Tab until `selector` has focus (at most 80 times), checking each stop shows its focus. */
async function tabTo(page, selector, backwards = false) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const stop = await page.evaluate((wanted) => {
      const focused = document.activeElement;
      if (!focused || focused === document.body) return { body: true };
      const style = getComputedStyle(focused);
      const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      // The strip's link shows focus by a frame drawn around its turn.
      const framed = focused.matches(".strip__link") && getComputedStyle(focused.querySelector(".strip__focus")).strokeWidth !== "0px";
      const box = focused.getBoundingClientRect();
      return { matches: focused.matches(wanted), shown: outlined || framed, visible: box.width > 0 && box.height > 0, name: focused.outerHTML.slice(0, 80) };
    }, selector);
    if (stop.body) continue;
    assert.ok(stop.shown && stop.visible, `focus is not visible on ${stop.name}`);
    if (stop.matches) return;
  }
  assert.fail(`Tab never reached ${selector}`);
}

test("keyboard only: skip link, search and matches, a filter, the timeline strip, a note, Cite", async () => {
  const { page, problems } = await open("");
  // The skip link comes first and leads to the content.
  await tabTo(page, ".skip-link");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "content");

  // Search, then step through the matches.
  await tabTo(page, "#parley-search", true);
  await page.keyboard.type("cucumbers");
  const status = page.locator(".filters__status");
  await status.filter({ hasText: /^8 matches in 8 turns/ }).waitFor();
  await page.keyboard.press("Enter");
  await status.filter({ hasText: /^Match 1 of 8/ }).waitFor();
  await page.keyboard.press("Shift+Enter");
  await status.filter({ hasText: /^Match 8 of 8/ }).waitFor();

  // Open the filters and press a topic chip.
  await tabTo(page, ".filters__more summary");
  if ((await page.locator(".filters__more").getAttribute("open")) === null) await page.keyboard.press("Enter");
  await tabTo(page, '.chip[data-topic="leisure"]');
  await page.keyboard.press("Space");
  await status.filter({ hasText: /topic Leisure and cucumbers/ }).waitFor();
  await tabTo(page, ".filters__clear");
  await page.keyboard.press("Enter");
  await status.filter({ hasText: /^Showing 263 of 263 turns\./ }).waitFor();

  // The timeline: step along the strip, open a turn.
  await tabTo(page, '[data-view="timeline"]', true);
  await page.keyboard.press("Enter");
  await page.locator(".series").waitFor();
  await tabTo(page, ".strip__link");
  await page.keyboard.press("Home");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.locator("#t4").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "t4");

  // A note: open it, close it with Escape, focus back on its button.
  await tabTo(page, ".note-ref__button");
  const note = await page.evaluate(() => document.activeElement.id);
  await page.keyboard.press("Enter");
  await page.locator(".note-pop").waitFor();
  await page.keyboard.press("Escape");
  await page.locator(".note-pop").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement.id), note);

  // Cite: the dialog takes focus, Tab stays inside, Escape closes it.
  await tabTo(page, '[data-dialog="cite"]', true);
  await page.keyboard.press("Enter");
  await page.getByRole("dialog").waitFor();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => document.activeElement?.closest("dialog") !== null || document.activeElement === document.body), "focus stays in the dialog");
  }
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cite");
  assert.deepEqual(problems, []);
  await page.close();
});
