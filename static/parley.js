// <parley-viewer>: the Parley viewer as an element of any page.
//
//   <script type="module" src="https://example.org/parley/parley.js"></script>
//   <parley-viewer view="timeline" topics="japan" height="600"></parley-viewer>
//
// Each element mounts its own viewer in a shadow root: styles do not leak in
// or out, and several viewers on one page keep their own state. Attributes
// are observed: changing one changes the view. scripts/postbuild.mjs fills in
// this build's file names and integrity hashes.

const GLUE = "{{GLUE}}";
const WASM = "{{WASM}}";
const WASM_INTEGRITY = "{{WASM_INTEGRITY}}";
const CSS = "{{CSS}}";
const CSS_INTEGRITY = "{{CSS_INTEGRITY}}";
const TRANSCRIPTS = ["{{TRANSCRIPTS}}"];

const base = new URL(".", import.meta.url);

/**
 * Every option, as an attribute, with its default (README, "Embedding").
 * The view's options take the values of the URL parameters of the same name.
 */
export const OPTIONS = {
  transcript: TRANSCRIPTS[0],
  view: "reader",
  q: "",
  topics: "",
  match: "any",
  speakers: "",
  kind: "",
  section: "",
  mention: "",
  turn: "",
  theme: "auto",
  accent: "",
  embed: "",
  height: "",
};
/** The options that state the view, passed on as a query string. */
const VIEW_OPTIONS = ["view", "q", "topics", "match", "speakers", "kind", "section", "mention", "theme", "accent", "embed"];
/** Attributes any element may carry. */
const GLOBAL = /^(id|class|style|title|lang|dir|hidden|tabindex|slot|part|role|data-.*|aria-.*)$/;

let module;
/** The WebAssembly module, fetched (with its integrity) and started once for every element. */
function start() {
  module ??= import(new URL(GLUE, base).href).then(async (bindings) => {
    await bindings.default({ module_or_path: fetch(new URL(WASM, base).href, { integrity: WASM_INTEGRITY }) });
    return bindings;
  });
  return module;
}

class ParleyViewer extends HTMLElement {
  static observedAttributes = Object.keys(OPTIONS);
  #viewer;
  #mount;
  #warned = new Set();

  connectedCallback() {
    this.#check();
    this.#size();
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: "open" });
      const style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = new URL(CSS, base).href;
      style.integrity = CSS_INTEGRITY;
      style.crossOrigin = "anonymous";
      this.#mount = document.createElement("div");
      this.#mount.textContent = "{{t:boot.element_loading}}";
      shadow.append(style, this.#mount);
    }
    if (this.#viewer) return;
    start().then(
      (bindings) => {
        if (!this.isConnected || this.#viewer) return;
        this.#mount.textContent = "";
        this.#viewer = new bindings.Viewer(this, this.shadowRoot, this.#mount, this.#query(), this.#turn(), base.href);
      },
      (error) => {
        this.#mount.textContent = "{{t:boot.element_failed}}".replace("{reason}", error?.message ?? error);
        const text = document.createElement("a");
        text.href = new URL("record.html", base).href;
        text.textContent = "{{t:boot.element_text}}";
        this.#mount.append(text);
      },
    );
  }

  disconnectedCallback() {
    this.#viewer?.destroy();
    this.#viewer = undefined;
  }

  attributeChangedCallback(name) {
    if (name === "height") this.#size();
    else if (name === "transcript") this.#check();
    else this.#viewer?.update(this.#query(), this.#turn());
  }

  #query() {
    const params = new URLSearchParams();
    for (const name of VIEW_OPTIONS) {
      const value = this.getAttribute(name);
      if (value) params.set(name, value);
    }
    return params.toString();
  }

  #turn() {
    const turn = this.getAttribute("turn");
    return turn ? `t${turn.replace(/^t/, "")}` : "";
  }

  /** A height makes the element scroll its viewer; without one it grows with it. */
  #size() {
    const height = this.getAttribute("height");
    if (height) {
      this.style.height = /^\d+$/.test(height) ? `${height}px` : height;
      this.style.overflow = "auto";
    } else {
      this.style.removeProperty("height");
      this.style.removeProperty("overflow");
    }
  }

  /** Unknown attributes and transcripts: one warning each, never silence. */
  #check() {
    const warn = (key, message) => {
      if (this.#warned.has(key)) return;
      this.#warned.add(key);
      console.warn(`<parley-viewer>: ${message}`);
    };
    for (const { name } of this.attributes) {
      if (!(name in OPTIONS) && !GLOBAL.test(name)) {
        warn(name, `unknown attribute “${name}” ignored; the options are ${Object.keys(OPTIONS).join(", ")}`);
      }
    }
    const transcript = this.getAttribute("transcript");
    if (transcript && !TRANSCRIPTS.includes(transcript)) {
      warn(`transcript=${transcript}`, `no transcript “${transcript}” in this build (it holds ${TRANSCRIPTS.join(", ")}); showing ${TRANSCRIPTS[0]}`);
    }
  }
}

if (!customElements.get("parley-viewer")) customElements.define("parley-viewer", ParleyViewer);
