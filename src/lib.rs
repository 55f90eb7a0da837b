//! Parley's viewer: thin Yew components over the records compiled into the bundle.
//!
//! All the logic about transcripts lives in `parley-core`; this crate only
//! decodes the embedded bundle and renders it.
#![deny(clippy::unwrap_used, clippy::expect_used)]

mod app;
mod charts;
mod clipboard;
mod dialogs;
mod embedding;
mod filters;
mod host;
mod index_view;
mod inline;
mod palette;
mod panic_screen;
mod place;
mod reader;
mod state;
mod stats_view;
mod strip;
mod timeline;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::{Element, HtmlElement, ShadowRoot};

pub use app::{App, AppProps};
use host::{ElementHost, Host};

/// The records, parsed at build time by `build.rs` and encoded with `parley_core::bundle`.
pub static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The id of the element the viewer mounts into (`index.html`).
pub const ROOT_ID: &str = "parley";

/// Mounts the viewer into `#parley`, taking over the reader prerendered there
/// or drawing afresh; runs when the module starts. A page without `#parley` is one that uses
/// the `<parley-viewer>` element instead ([`Viewer`]).
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = gloo::utils::window().document() else {
        return;
    };
    let Some(root) = document.get_element_by_id(ROOT_ID) else {
        return;
    };
    panic_screen::watch(&root, "record.html".to_string());
    // The page holds the reader prerendered at build time for the view with
    // no query and no fragment: that view takes it over (hydration), any
    // other is drawn afresh.
    let location = gloo::utils::window().location();
    let plain = location.search().unwrap_or_default().is_empty()
        && location.hash().unwrap_or_default().is_empty();
    if plain && root.has_attribute("data-prerendered") {
        yew::Renderer::<App>::with_root(root).hydrate();
    } else {
        root.set_inner_html("");
        yew::Renderer::<App>::with_root(root).render();
    }
}

/// One `<parley-viewer>` element's viewer (static/parley.js makes them).
#[wasm_bindgen]
pub struct Viewer {
    app: yew::AppHandle<App>,
    host: Rc<ElementHost>,
}

#[wasm_bindgen]
impl Viewer {
    /// Mounts a viewer into `mount`, a node of `element`'s shadow tree.
    /// `options` is the view as a query string (`view=stats&topics=japan`),
    /// `turn` a fragment (`t42`) or empty, `viewer` the standalone viewer's
    /// address (for links and citations).
    #[wasm_bindgen(constructor)]
    pub fn new(
        element: HtmlElement,
        shadow: ShadowRoot,
        mount: Element,
        options: String,
        turn: String,
        viewer: String,
    ) -> Viewer {
        let host = Rc::new(ElementHost {
            element,
            shadow,
            viewer,
            query: RefCell::new(options.clone()),
        });
        panic_screen::watch(&mount, format!("{}record.html", host.viewer));
        // The host page may be in another language than the interface text.
        let _ = mount.set_attribute("lang", parley_core::text::LANGUAGE);
        let props = AppProps {
            host: Host::Element(host.clone()),
            options: Some((options, turn)),
        };
        let app = yew::Renderer::<App>::with_root_and_props(mount, props).render();
        Viewer { app, host }
    }

    /// Shows the view that new options state (an attribute changed).
    pub fn update(&mut self, options: String, turn: String) {
        self.app.update(AppProps {
            host: Host::Element(self.host.clone()),
            options: Some((options, turn)),
        });
    }

    /// Unmounts the viewer (the element left the page).
    pub fn destroy(self) {
        self.app.destroy();
    }
}
