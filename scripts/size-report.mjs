// Prints the raw, gzip and brotli sizes of the built wasm, JS and CSS in dist/.
// Usage: node scripts/size-report.mjs [--json]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const DIST = join(import.meta.dirname, "..", "dist");
const rows = readdirSync(DIST)
  .filter((name) => /\.(wasm|js|css|html)$/.test(name))
  .sort()
  .map((name) => {
    const bytes = readFileSync(join(DIST, name));
    return {
      file: name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log("file".padEnd(44), "raw".padStart(9), "gzip".padStart(9), "brotli".padStart(9));
  for (const r of rows) {
    console.log(r.file.padEnd(44), String(r.raw).padStart(9), String(r.gzip).padStart(9), String(r.brotli).padStart(9));
  }
}
