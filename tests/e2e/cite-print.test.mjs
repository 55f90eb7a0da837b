// End-to-end: the Cite and Embed dialogs, and printing the current view.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { viewerSuite } from "./browser.mjs";

const open = viewerSuite(".turn");

test("Cite gives the record in four styles, and a turn with its link; Escape closes and focus returns", async () => {
  const { page, problems } = await open("");
  const cite = page.getByRole("button", { name: "Cite", exact: true });
  await cite.click();
  const dialog = page.getByRole("dialog", { name: "Cite this record" });
  await dialog.waitFor();
  const text = await dialog.innerText();
  for (const style of ["Chicago", "MLA", "APA", "BibTeX"]) assert.ok(text.includes(style), style);
  assert.match(text, /RGANI\. Collection 52\. Inventory 1\. File 498\. Sheets 108-150\./);
  assert.match(text, /trans\. A\.P\. and N\.P\., Wilson Center Digital Archive,/);
  assert.match(text, /@misc\{parley-1958-08-02,/);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Cite");
  // A turn: from under the strip, with its stable link.
  await page.getByRole("button", { name: "Cite turn 1" }).click();
  const turnDialog = page.getByRole("dialog", { name: "Cite turn 1" });
  assert.match(await turnDialog.innerText(), /Mao Zedong, turn 1, in “Third Conversation/);
  assert.match(await turnDialog.innerText(), /#t1\b/);
  await turnDialog.getByRole("button", { name: "Close" }).click();
  assert.deepEqual(problems, []);
  await page.close();
});

test("Embed gives frame snippets for the current view", async () => {
  const { page, problems } = await open("?topics=leisure");
  await page.getByRole("button", { name: "Embed", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Embed this view" });
  const snippets = await dialog.locator(".copyable__text").allInnerTexts();
  assert.equal(snippets.length, 3);
  assert.match(snippets[0], /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?topics=leisure&embed=1" title="Third Conversation/);
  assert.match(snippets[1], /parley:height/);
  assert.match(snippets[2], /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/parley\.js"><\/script>\n<parley-viewer topics="leisure" height="640"><\/parley-viewer>$/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("printing a filtered view: its turns, the filter in words, the notes, the citation and the link", async () => {
  const { page, problems } = await open("?speakers=zhou-enlai");
  await page.emulateMedia({ media: "print" });
  await page.locator("#t263").waitFor({ state: "detached" });
  // The reader lays out every selected turn for print.
  await page.waitForFunction(() => document.querySelectorAll(".turn").length === 12);
  const dir = await mkdtemp(join(tmpdir(), "parley-pdf-"));
  try {
    const pdf = join(dir, "view.pdf");
    await page.pdf({ path: pdf, format: "A4" });
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    assert.match(text, /Showing 12 of 263 turns\. speaker Zhou Enlai\./);
    assert.equal((text.match(/ZHOU ENLAI/g) ?? []).length, 12, "each of Zhou Enlai's turns, with its speaker");
    assert.match(text, /Notes/);
    assert.match(text, /Alfred Zender \(1900-1983\)/, "the last note");
    assert.match(text, /Printed from http:\/\/127\.0\.0\.1:\d+\/\?speakers=zhou-enlai/);
    assert.match(text, /Cite as: “Third Conversation of N\.S\. Khrushchev/);
    assert.doesNotMatch(text, /Search the conversation|Copy link to this view|Lay out the whole text/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
  await page.close();
});
