// Trunk's post-build hook (Trunk.toml): finishes dist/ for any static host.
//
// - record.html and record.txt: the record as a static page and as its source
//   text, the fallback where the viewer cannot run (`parley html`);
// - index.html: the record's title in <title>, the reader prerendered
//   (examples/prerender.rs) for the browser to take over; no
//   inline script (Trunk's inline loader becomes boot-HASH.js, loaded with
//   subresource integrity), so a strict Content-Security-Policy needs no hash;
//   the WebAssembly is fetched with its integrity by the loader;
// - sw.js: the service worker, its cache named after this build's files;
// - parley.js: the <parley-viewer> element, naming this build's files;
// - _headers: the security headers, for Netlify and hosts that read the format;
// and it stops the build when the code is over its size budget (budget.mjs).
//
// The words of index.html, the loader and parley.js come from the interface
// text compiled into the CLI (i18n/, PARLEY_LANG; `parley text`): `{{t:section.key}}`
// is replaced, HTML-escaped in pages and as a JSON string in scripts
// (`"{{t:section.key}}"`), and `{{LANG}}` by the language tag.
//
// Runs in Trunk's staging directory (TRUNK_STAGING_DIR); the record is the first
// transcript of PARLEY_TRANSCRIPTS (default transcripts/), as in build.rs.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { BUDGET, codeSize, describe } from "./budget.mjs";
import { POLICY } from "./csp.mjs";

const ROOT = join(import.meta.dirname, "..");
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("postbuild.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR is unset)");


const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const short = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const cargoRun = (...args) =>
  execFileSync("cargo", ["run", "--quiet", "-p", "parley-cli", "--", ...args], { cwd: ROOT, maxBuffer: 1 << 30 });

// The interface text; a key the table lacks stops the build.
const { language, texts } = JSON.parse(cargoRun("text").toString());
const text = (key) => {
  if (!(key in texts)) throw new Error(`postbuild.mjs: no interface text ${key} in i18n/ (see i18n/en.toml)`);
  return texts[key];
};
const fillPage = (html) =>
  html.replaceAll("{{LANG}}", language).replace(/\{\{t:([a-z0-9_.]+)\}\}/g, (_, key) => escape(text(key)));
const fillScript = (js) => js.replace(/"\{\{t:([a-z0-9_.]+)\}\}"/g, (_, key) => JSON.stringify(text(key)));

// The record: its static page and its source text.
const transcripts = process.env.PARLEY_TRANSCRIPTS ?? join(ROOT, "transcripts");
const recordFiles = readdirSync(transcripts).filter((f) => f.endsWith(".txt")).sort();
const record = recordFiles[0];
if (!record) throw new Error(`no transcript (*.txt) in ${transcripts}`);
const page = cargoRun("html", join(transcripts, record));
writeFileSync(join(staging, "record.html"), page);
copyFileSync(join(transcripts, record), join(staging, "record.txt"));
// The record's title, as record.html's <title> (made from record_page.title) gives it.
const titlePattern = escape(text("record_page.title"))
  .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  .replace("\\{title\\}", "(.*)");
const title = page.toString().match(new RegExp(`<title>${titlePattern}</title>`))?.[1] ?? "";

// index.html: Trunk's inline loader out, ours in.
const indexPath = join(staging, "index.html");
let index = readFileSync(indexPath, "utf8");
const inline = index.match(/<script type="module">[\s\S]*?<\/script>/);
const glue = inline?.[0].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasm = inline?.[0].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!glue || !wasm) throw new Error("postbuild.mjs: Trunk's loader script was not found in index.html");
const boot = Buffer.from(fillScript(readFileSync(join(ROOT, "static", "boot.js"), "utf8")));
const bootName = `boot-${short(boot)}.js`;
writeFileSync(join(staging, bootName), boot);
const wasmBytes = readFileSync(join(staging, wasm));
const loader =
  `<script src="./${bootName}" integrity="${sri(boot)}" defer data-glue="${glue}" data-glue-integrity="${sri(readFileSync(join(staging, glue)))}"` +
  ` data-wasm="${wasm}" data-wasm-integrity="${sri(wasmBytes)}" data-worker="sw.js"></script>`;
index = index.replace(inline[0], loader);
// The loader preloads the module itself once the page is parsed and styled:
// a modulepreload link in the head would take bandwidth from the stylesheet.
index = index.replace(/<link rel="modulepreload" href="[^"]+\.js"[^>]*>/, "");
// The loader fetches the wasm itself, with its integrity (a preload link's is ignored).
index = index.replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>/, "");
index = fillPage(index.replaceAll("{{TITLE}}", title));
// The reader, prerendered for the view with no query: on screen before the WebAssembly.
const prerendered = execFileSync(
  "cargo",
  ["run", "--quiet", "-p", "parley-web", "--example", "prerender", "--features", "prerender"],
  { cwd: ROOT, maxBuffer: 1 << 30 },
);
index = index.replace("{{PRERENDERED}}", prerendered.toString());
if (/<script(?![^>]*\ssrc=)/.test(index) || / style="/.test(index)) {
  throw new Error("postbuild.mjs: index.html still holds an inline script or style");
}
writeFileSync(indexPath, index);

// parley.js: the <parley-viewer> element, at a name that stays the same, with this build's files.
const css = index.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/)?.[1];
if (!css) throw new Error("postbuild.mjs: the stylesheet link was not found in index.html");
const element = fillScript(readFileSync(join(ROOT, "static", "parley.js"), "utf8"))
  .replace("{{GLUE}}", glue)
  .replace("{{WASM}}", wasm)
  .replace("{{WASM_INTEGRITY}}", sri(wasmBytes))
  .replace("{{CSS}}", css)
  .replace("{{CSS_INTEGRITY}}", sri(readFileSync(join(staging, css))))
  .replace('["{{TRANSCRIPTS}}"]', JSON.stringify(recordFiles.map((f) => f.slice(0, -4))));
writeFileSync(join(staging, "parley.js"), element);

// The service worker: everything the viewer needs, under a name unique to this build.
const files = readdirSync(staging, { withFileTypes: true })
  .filter((entry) => entry.isFile() && !entry.name.startsWith("_") && entry.name !== "sw.js")
  .map((entry) => entry.name)
  .sort();
const version = short(files.map((f) => `${f}:${short(readFileSync(join(staging, f)))}`).join("\n"));
const worker = readFileSync(join(ROOT, "static", "sw.js"), "utf8")
  .replace('"{{VERSION}}"', JSON.stringify(version))
  .replace('["{{FILES}}"]', JSON.stringify(["./", ...files]));
writeFileSync(join(staging, "sw.js"), worker);

// Headers for Netlify (and Cloudflare Pages); nginx: see the README.
writeFileSync(
  join(staging, "_headers"),
  `/*\n  Content-Security-Policy: ${POLICY}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n` +
    // Other sites' pages load parley.js, the wasm and the stylesheet with integrity, which needs CORS.
    `  Access-Control-Allow-Origin: *\n` +
    `/*.wasm\n  Content-Type: application/wasm\n`,
);
console.log(`postbuild: ${record} → record.html, record.txt; ${bootName}; sw.js (cache ${version})`);

// The size budget: the code a reader downloads, the records' data excluded.
const size = codeSize({
  wasm: wasmBytes,
  data: cargoRun("bundle", ...recordFiles.map((f) => join(transcripts, f))),
  glue: readFileSync(join(staging, glue)),
  loader: boot,
});
console.log(`postbuild: ${describe(size)}`);
if (size.code > BUDGET) {
  throw new Error(`postbuild.mjs: the viewer's code is over its size budget (scripts/budget.mjs): ${describe(size)}`);
}
