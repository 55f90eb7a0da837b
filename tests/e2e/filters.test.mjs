// End-to-end: filters, search and the shareable URL.
import { test } from "node:test";
import assert from "node:assert/strict";

import { viewerSuite, wholeText } from "./browser.mjs";

const open = viewerSuite(".filters__status");

test("a speaker link shows that speaker's turns; the others are not rendered but counted in rows", async () => {
  const { page, problems } = await open("?speakers=zhou-enlai");
  await wholeText(page);
  assert.equal(await page.locator(".turn").count(), 12);
  assert.equal(await page.locator(".turn[data-speaker=zhou-enlai]").count(), 12);
  assert.equal(await page.locator("#t1").count(), 0);
  assert.match(await page.locator(".filters__status").innerText(), /^Showing 12 of 263 turns\. speaker Zhou Enlai\./);
  // The first hidden run opens on request.
  const firstRun = page.locator(".hidden-run__button").first();
  assert.match(await firstRun.innerText(), /^\d+ turns hidden · show$/);
  await firstRun.click();
  await page.locator("#t1").waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("search marks its hits and counts them; statistics follow the selection", async () => {
  const { page, problems } = await open("?q=Cucumbers");
  await wholeText(page);
  await page.locator("mark.hit").first().waitFor();
  // Checked with an independent script: "cucumber…" starts a word once in each of 8 turns.
  assert.match(await page.locator(".filters__status").innerText(), /^8 matches in 8 turns\./);
  assert.equal(await page.locator("mark.hit").count(), 8);
  await page.getByRole("button", { name: "Statistics", exact: true }).click();
  assert.match(await page.locator(".stats__scope").innerText(), /^Statistics for 8 of 263 turns \(\d+ words\): search “cucumbers”\./);
  assert.match(page.url(), /\?q=Cucumbers&view=stats$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("filters write the URL; back and forward restore the view", async () => {
  const { page, problems } = await open("");
  await wholeText(page);
  await page.getByText("Filters", { exact: true }).click();
  await page.locator(".chip[data-person=peng-dehuai]").click();
  await page.waitForURL(/\?speakers=peng-dehuai$/);
  assert.equal(await page.locator(".turn").count(), 5);
  await page.locator("select").first().selectOption("reported");
  await page.waitForURL(/\?speakers=peng-dehuai&kind=reported$/);
  assert.equal(await page.locator(".turn").count(), 0);
  await page.goBack();
  await page.waitForURL(/\?speakers=peng-dehuai$/);
  assert.equal(await page.locator(".turn").count(), 5);
  await page.getByRole("button", { name: "Clear all" }).click();
  assert.equal(await page.locator(".turn").count(), 263);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a garbage link is used where it can be and the rest named in a notice", async () => {
  const { page, problems } = await open("?kind=reported&speakers=stalin,mao-zedong&section=9&view=%ZZ&utm=1#t999");
  await page.locator(".notice").waitFor();
  await wholeText(page);
  const notice = await page.locator(".notice").innerText();
  for (const part of ["speakers: unknown stalin", "section: “9”", "“view=%ZZ”", "“utm”: unknown parameter", "#t999"]) {
    assert.ok(notice.includes(part), `${part} in ${notice}`);
  }
  assert.equal(await page.locator(".turn").count(), 5, "Mao's five reported turns");
  assert.deepEqual(problems, []);
  await page.close();
});

test("Enter and Shift+Enter step through the matches; keyword in context lists them", async () => {
  const { page, problems } = await open("?q=cucumbers");
  const status = page.locator(".filters__status");
  await page.locator("#parley-search").focus();
  await page.keyboard.press("Enter");
  assert.match(await status.innerText(), /^Match 1 of 8 in 8 turns\./);
  await page.keyboard.press("Enter");
  assert.match(await status.innerText(), /^Match 2 of 8 in 8 turns\./);
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.press("Shift+Enter");
  assert.match(await status.innerText(), /^Match 8 of 8 in 8 turns\./);
  assert.equal(await page.locator("mark.hit[data-current]").count(), 1);
  await page.waitForFunction(() => {
    const box = document.querySelector("mark.hit[data-current]").getBoundingClientRect();
    return box.top > 0 && box.bottom < innerHeight;
  });
  await page.getByText("Keyword in context (8 lines)").click();
  const lines = page.locator(".kwic__line");
  // The lines are made when the list opens.
  await lines.first().waitFor();
  assert.equal(await lines.count(), 8);
  assert.equal(await lines.first().locator(".kwic__turn").innerText(), "197");
  await page.getByRole("button", { name: "by speaker" }).click();
  assert.equal(await lines.first().locator(".kwic__speaker").innerText(), "Mao Zedong");
  await lines.nth(2).locator(".kwic__turn").click();
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ""), /^t\d+$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("topic chips: a link to a topic, any or all of several, counts on every chip", async () => {
  // Expected numbers read from the topics file with an independent script:
  // japan 33 turns, japan or diplomacy 55, japan and diplomacy 24.
  const { page, problems } = await open("?topics=japan");
  const status = page.locator(".filters__status");
  assert.match(await status.innerText(), /^Showing 33 of 263 turns\. topic Japan, Taiwan and NEATO\./);
  assert.equal(await page.locator(".chip[data-topic=japan]").getAttribute("aria-pressed"), "true");
  assert.match(await page.locator(".chip[data-topic=japan] .chip__count").innerText(), /^33$/);
  await page.locator(".chip[data-topic=diplomacy]").click();
  await page.waitForURL(/\?topics=japan,diplomacy$/);
  assert.match(await status.innerText(), /^Showing 55 of 263 turns\./);
  await page.getByRole("button", { name: "match all" }).click();
  await page.waitForURL(/\?topics=japan,diplomacy&match=all$/);
  assert.match(await status.innerText(), /^Showing 24 of 263 turns\. topic Japan, Taiwan and NEATO and Diplomacy and the communiqué\./);
  await wholeText(page);
  assert.equal(await page.locator(".turn").count(), 24);
  assert.deepEqual(problems, []);
  await page.close();
});

test("people and places: a name shows the turns that mention it, and the link says so", async () => {
  const { page, problems } = await open("?view=index");
  assert.equal(await page.getByRole("button", { name: "People and places", exact: true }).getAttribute("aria-current"), "page");
  await page.getByRole("button", { name: "Show the 10 turns that mention Dwight D. Eisenhower" }).click();
  await page.waitForURL(/\?mention=eisenhower$/);
  await wholeText(page);
  assert.equal(await page.locator(".turn").count(), 10);
  assert.match(await page.locator(".filters__mention").innerText(), /Only turns that mention Dwight D\. Eisenhower/);
  await page.getByRole("button", { name: "show all turns again" }).click();
  assert.equal(await page.locator(".turn").count(), 263);
  assert.deepEqual(problems, []);
  await page.close();
});
