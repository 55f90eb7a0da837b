// End-to-end: a translation needs no code change. The French table
// (i18n/fr.toml) is built with PARLEY_LANG=fr into its own dist; every page,
// the loader, the prerendered reader and the running viewer speak French, and
// no text of the English table is left on screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launch, openRecorded, violations } from "./browser.mjs";
import { serve } from "./server.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const french = { ...process.env, PARLEY_LANG: "fr" };
/** The interface text of a language, as the build step reads it. */
const table = (env) =>
  JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "parley-cli", "--", "text"], { cwd: ROOT, env }).toString());

let dir;
let browser;
let fr;
let en;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-fr-"));
  execFileSync("trunk", ["build", "--release", "--dist", join(dir, "dist")], {
    cwd: ROOT,
    env: french,
    stdio: ["ignore", "ignore", "inherit"],
  });
  fr = table(french).texts;
  en = table({ ...process.env, PARLEY_LANG: "en" }).texts;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

test("the French build: pages, loader and viewer in French, nothing left in English", async () => {
  const index = await readFile(join(dir, "dist", "index.html"), "utf8");
  assert.match(index, /<html lang="fr">/);
  assert.ok(index.includes(fr["boot.loading"]), "the loading message, before any script");
  const record = await readFile(join(dir, "dist", "record.html"), "utf8");
  assert.match(record, /<html lang="fr">/);
  assert.ok(record.includes(fr["record_page.open_viewer"]));

  const server = await serve(join(dir, "dist"), "/");
  try {
    const { page, problems } = await openRecorded(browser.context, `${server.url}?q=cucumbers`);
    const nav = page.getByRole("navigation", { name: fr["app.views"] });
    for (const key of ["app.view_reader", "app.view_stats", "app.view_timeline", "app.view_index"]) {
      await nav.getByRole("button", { name: fr[key] }).waitFor();
    }
    await page.getByLabel(fr["filters.search"]).waitFor();
    // The record stays in its own language, marked for screen readers.
    assert.equal(await page.locator("#dialogue").getAttribute("lang"), "en");
    assert.equal(await page.locator(".record__header").getAttribute("lang"), "en");
    // The status line, in the French wording with the numbers filled in.
    const status = await page.locator(".filters__status").innerText();
    const matches = fr["filters.matches"].replace("{hits}", "8").replace("{shown}", "8");
    const search = fr["selection.search"].replace("{query}", "cucumbers");
    assert.equal(status, `${matches} ${search}.`);
    await page.screenshot({ path: join(import.meta.dirname, "artifacts", "french.png") });

    // No text of the English table that French words differently is on any
    // view (leaving out those the record's own English words contain: its
    // text, and the index, topics and dates kept beside it).
    const folder = join(ROOT, "transcripts");
    const files = (await readdir(folder)).map((name) => readFile(join(folder, name), "utf8"));
    const source = (await Promise.all(files)).join("\n");
    const english = Object.entries(en)
      .filter(([key, text]) => text !== fr[key] && !text.includes("{") && text.trim().length > 3)
      .map(([, text]) => text.trim())
      .filter((text) => !source.includes(text));
    for (const view of ["app.view_reader", "app.view_stats", "app.view_timeline", "app.view_index"]) {
      await nav.getByRole("button", { name: fr[view] }).click();
      await page.locator("#content > *").first().waitFor();
      const shown = await page.evaluate(() => {
        const labels = [...document.querySelectorAll("[aria-label], [title], [placeholder]")].flatMap((e) =>
          ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a) ?? ""),
        );
        return `${document.body.innerText}\n${labels.join("\n")}`;
      });
      // Whole words only: "Cite" is not in "Citer".
      const left = english.filter((text) =>
        new RegExp(`(?<!\\p{L})${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\p{L})`, "u").test(shown),
      );
      assert.deepEqual(left, [], `English on the ${fr[view]} view`);
      // The page is French, the record's parts English: axe checks both tags.
      assert.deepEqual(await violations(page), [], `axe on the ${fr[view]} view`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await server.close();
  }
});
