// End-to-end: a panic in the viewer leaves a readable error screen with a way
// on, not a blank page. Uses a build with the `test-panic` feature, whose
// extra button panics on purpose (the release dist/ has no such button).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { launch } from "./browser.mjs";
import { serve } from "./server.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
let dir;
let browser;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "parley-panic-"));
  execFileSync("trunk", ["build", "--release", "--features", "test-panic", "--dist", join(dir, "dist")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

test("a panic shows the error screen with the message, a reload link and the text of the record", async () => {
  const server = await serve(join(dir, "dist"), "/");
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
    await page.goto(`${server.url}?q=cucumbers`);
    await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
    await page.locator("#parley-test-panic").click();
    const screen = page.locator(".error-screen[role=alert]");
    await screen.waitFor();
    assert.equal(await screen.getByRole("heading", { level: 1 }).innerText(), "The viewer stopped");
    assert.match(await screen.innerText(), /An error inside the viewer: panicked at src\/app\.rs:\d+:\d+:\s+a deliberate panic \(test-panic build\)/);
    assert.equal(await page.getByRole("link", { name: "Reload the viewer" }).getAttribute("href"), `${server.url}?q=cucumbers`);
    assert.equal(await page.getByRole("link", { name: "read the text of the record" }).getAttribute("href"), "record.html");
    assert.ok(errors.some((e) => e.startsWith("Parley stopped: ")), errors.join("\n"));
    await page.screenshot({ path: join(import.meta.dirname, "artifacts", "panic-screen.png") });
    // The reload link brings the viewer back.
    await page.getByRole("link", { name: "Reload the viewer" }).click();
    await page.locator("#parley[data-ready]").waitFor({ state: "attached" });
    await page.close();
  } finally {
    await server.close();
  }
});
