// Rendering cost of the views in headless Chromium (median of 5 fresh loads):
// time from pressing a view's button to the next painted frame, and the DOM
// nodes of the page and of the conversation strip. Needs a release build in dist/.
// Usage: node scripts/bench-views.mjs
import { join } from "node:path";

import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve(join(import.meta.dirname, "..", "dist"), "/");
const browser = await launch();
const samples = { Statistics: [], Timeline: [], Transcript: [] };
const nodes = {};
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
    nodes.Transcript = await page.evaluate(() => document.getElementsByTagName("*").length);
    nodes.strip = await page.evaluate(() => document.querySelectorAll(".strip, .strip *").length);
    for (const view of ["Statistics", "Timeline", "Transcript"]) {
      const ms = await page.evaluate(async (label) => {
        const button = [...document.querySelectorAll(".views__button")].find((b) => b.textContent === label);
        const start = performance.now();
        button.click();
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - start;
      }, view);
      samples[view].push(ms);
      nodes[view] = await page.evaluate(() => document.getElementsByTagName("*").length);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log("view        median ms (press to painted frame)   DOM nodes");
for (const view of ["Transcript", "Statistics", "Timeline"]) {
  console.log(`${view.padEnd(12)}${median(samples[view]).toFixed(1).padStart(10)}${String(nodes[view]).padStart(32)}`);
}
console.log(`conversation strip: ${nodes.strip} DOM nodes`);
