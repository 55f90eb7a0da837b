// End-to-end: the statistics and timeline views of the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

import { viewerSuite } from "./browser.mjs";

const open = viewerSuite(".turn");

test("a turn on the timeline's strip opens in the reader, by click and by keyboard", async () => {
  const { page, problems } = await open();
  await page.getByRole("button", { name: "Timeline", exact: true }).click();
  // The pointer names the turn under it; a click there opens that turn.
  const svg = page.locator(".strip__svg").first();
  const box = await svg.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  const hovered = (await page.locator(".strip__caption").first().innerText()).match(/^Turn (\d+) of 263/)?.[1];
  assert.ok(hovered, "the caption names the turn under the pointer");
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.locator(`#t${hovered}`).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), `t${hovered}`);

  await page.getByRole("button", { name: "Timeline", exact: true }).click();
  const link = page.locator(".strip [data-turn]").first();
  await link.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-turn")), "5");
  assert.match(await page.locator(".strip__caption").innerText(), /^Turn 5 of 263 · Mao Zedong · Today we can talk about NATO/);
  await page.keyboard.press("Enter");
  await page.locator("#t5").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "t5");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the reader's strip marks the turn being read", async () => {
  const { page, problems } = await open("#t120");
  await page.locator("#t120").waitFor();
  // Bring turn 120's first line under the reading line, a quarter down the window.
  await page.evaluate(() => {
    const top = document.getElementById("t120").getBoundingClientRect().top;
    window.scrollBy({ top: top - innerHeight / 4 + 5, behavior: "instant" });
  });
  await page.waitForFunction(() => document.querySelector(".strip__caption")?.textContent.startsWith("Turn 120 of 263"));
  assert.equal(await page.locator(".strip__now").count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test("statistics: numbers, definitions and a CSV download made in the browser", async () => {
  const { page, problems } = await open();
  await page.getByRole("button", { name: "Statistics", exact: true }).click();
  assert.match(await page.locator(".stats__scope").innerText(), /Statistics for all 263 turns \(11559 words\)\./);
  await page.getByText("How these are counted").click();
  assert.match(await page.locator(".definitions").innerText(), /Who answers whom/);
  await page.getByText("Table: Turns, words and questions per person").click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download parley-speakers.csv (CSV)" }).click();
  const download = await downloading;
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines[0], "Speaker,Delegation,Direct turns,Reported turns,Words,Share of words,Mean words per turn,Median words per turn,Longest turn (words),Questions,Note references");
  assert.equal(lines[1], "Nikita S. Khrushchev,Soviet delegation,115,3,5720,49.5 %,48.5,24,turn 124 (417),17,21");
  assert.equal(lines.length, 1 + 19, "one row per person present or speaking");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a speaker's distinctive word searches the transcript for it", async () => {
  const { page, problems } = await open();
  await page.getByRole("button", { name: "Statistics", exact: true }).click();
  await page.getByRole("button", { name: "Search for “japan” (15 uses)" }).click();
  await page.locator("mark.hit").first().waitFor();
  assert.equal(await page.locator("#parley-search").inputValue(), "japan");
  assert.match(page.url(), /\?q=japan$/);
  assert.deepEqual(problems, []);
  await page.close();
});
