// Screenshots of every view at desktop width and at 360 px, light and dark,
// from the release build in dist/. Usage: node scripts/screenshots.mjs [OUT_DIR]
import { mkdir } from "node:fs/promises";
import { join } from "node:path";

import { launch } from "../tests/e2e/browser.mjs";
import { serve } from "../tests/e2e/server.mjs";

const out = process.argv[2] ?? "screenshots";
await mkdir(out, { recursive: true });
const server = await serve(join(import.meta.dirname, "..", "dist"), "/");
const browser = await launch();
try {
  for (const [name, width] of [["desktop", 1280], ["mobile", 360]]) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(server.url);
      await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
      for (const view of ["Transcript", "Statistics", "Timeline", "People and places"]) {
        await page.getByRole("button", { name: view, exact: true }).click();
        await page.waitForTimeout(100);
        const file = join(out, `${view.toLowerCase().replaceAll(" ", "-")}-${name}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: view !== "Transcript" });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
