// A minimal static file server for dist/ on 127.0.0.1, optionally under a URL prefix
// (to prove the build works under any subpath, as on GitHub Pages).
import { createServer } from "node:http";
import { brotliCompressSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves `root` under `prefix`; `headers` are sent with every file (a
 * Content-Security-Policy, say). With `compress`, files go brotli-compressed
 * to clients that accept it, as static hosts send them (for the benchmarks).
 */
export async function serve(root, prefix = "/", headers = {}, { compress = false } = {}) {
  const compressed = new Map();
  await stat(join(root, "index.html")).catch(() => {
    throw new Error(`${root}/index.html is missing: build first (trunk build --release)`);
  });
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end("outside the prefix");
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith("/")) file = join(file, "index.html");
    try {
      let body = await readFile(file);
      const head = { ...headers, "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (compress && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        if (!compressed.has(file)) compressed.set(file, brotliCompressSync(body));
        body = compressed.get(file);
        head["content-encoding"] = "br";
      }
      res.writeHead(200, head);
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}
