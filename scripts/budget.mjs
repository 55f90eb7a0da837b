// The size budget of the viewer's code: what a reader downloads before the
// viewer works, brotli-compressed (quality 11, as static hosts serve it), the
// records' data excluded. scripts/postbuild.mjs stops the build when the code
// is over it; scripts/size-report.mjs prints it.
//
// Code = the WebAssembly − its data + the wasm-bindgen module + the loader.
// The data's share is the brotli size of the records in the bundle's binary
// form (`parley bundle`), so it is an estimate within a few hundred bytes.
//
// The goal of issue #6 is 70 KB. A minimal Yew app (opt-level "z", LTO,
// wasm-opt -Oz) is already 64 KB, and Parley's views are about 230 KB; the
// budget holds the present size, so that growth is a decision, not an accident.
import { brotliCompressSync, constants } from "node:zlib";

export const BUDGET = 235_000;
export const GOAL = 70_000;

export const brotli = (bytes) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The code's brotli size and its parts, from the files' bytes. */
export function codeSize({ wasm, data, glue, loader }) {
  const parts = { wasm: brotli(wasm), data: brotli(data), glue: brotli(glue), loader: brotli(loader) };
  return { ...parts, code: parts.wasm - parts.data + parts.glue + parts.loader };
}

export const describe = ({ wasm, data, glue, loader, code }) =>
  `code ${code} B brotli (wasm ${wasm} − data ${data} + module ${glue} + loader ${loader}); ` +
  `budget ${BUDGET} B, goal ${GOAL} B`;
