// Parley's service worker: after the first visit the viewer works offline.
// scripts/postbuild.mjs fills in this build's version and files. Pages are
// fetched from the network first (a new deploy is seen at once, with the new
// file names it refers to); the files, whose names change with their content,
// come from the cache first. Each build's cache replaces the previous one.
const VERSION = "{{VERSION}}";
const FILES = ["{{FILES}}"];
const CACHE = `parley-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("parley-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  const page = request.mode === "navigate" || request.destination === "document";
  event.respondWith(page ? networkFirst(request) : cacheFirst(request));
});

async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = (await caches.match(request, { ignoreSearch: true })) ?? (await caches.match("./"));
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  return (await caches.match(request)) ?? fetch(request);
}
