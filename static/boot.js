// Parley's loader: starts the viewer, or says why it cannot and points to the
// text of the record. A classic script (so that it knows its own URL), loaded
// with subresource integrity; scripts/postbuild.mjs names the files it loads
// in its data attributes:
//   data-glue            the wasm-bindgen module
//   data-glue-integrity  its SHA-384, checked by the modulepreload link made here
//   data-wasm            the WebAssembly module
//   data-wasm-integrity  the module's SHA-384, checked as it is fetched
//   data-worker          the service worker that keeps the viewer working offline
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(".", script.src);
  var params = new URLSearchParams(location.search);

  /** Replaces the loading message with why the viewer cannot start, and the way to the text. */
  function fail(reason) {
    var status = document.querySelector("#parley-boot [role=status]");
    if (!status) return;
    var hint =
      location.protocol === "file:"
        ? "{{t:boot.file_hint}}"
        : "";
    status.setAttribute("role", "alert");
    status.textContent = "{{t:boot.failed}}".replace("{reason}", reason) + hint;
    document.documentElement.classList.add("parley-failed");
  }

  /** The service worker: registered unless the page asks for none (`offline=off`), then removed. */
  function offline() {
    if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
    var worker = new URL(script.dataset.worker, base);
    if (params.get("offline") === "off" || script.dataset.offline === "off") {
      navigator.serviceWorker.getRegistrations().then(function (registrations) {
        registrations.forEach(function (registration) {
          if (registration.scope === base.href) registration.unregister();
        });
      });
      return;
    }
    navigator.serviceWorker.register(worker.href, { scope: base.href }).catch(function () {
      // Without a worker the viewer still works; only offline use is lost.
    });
  }

  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("{{t:boot.no_wasm}}");
    return;
  }
  // Deferred, this runs once the page is parsed and its stylesheet loaded,
  // so the viewer's files do not compete with what the first paint needs.
  // The module and the WebAssembly are fetched side by side; the module
  // through a modulepreload link, which checks its integrity (import() cannot).
  var glue = new URL(script.dataset.glue, base).href;
  var wasm = fetch(new URL(script.dataset.wasm, base).href, {
    integrity: script.dataset.wasmIntegrity,
  });
  wasm.catch(function () {}); // reported through the module's start below
  new Promise(function (resolve, reject) {
    var link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = glue;
    link.integrity = script.dataset.glueIntegrity;
    link.crossOrigin = "anonymous";
    link.onload = resolve;
    link.onerror = function () {
      reject(new Error(glue + " could not be loaded, or is not the file this page was built with"));
    };
    document.head.appendChild(link);
  })
    .then(function () {
      return import(glue);
    })
    .then(function (bindings) {
      return bindings.default({ module_or_path: wasm });
    })
    .then(offline, function (error) {
      fail(error && error.message ? error.message : String(error));
    });
})();
