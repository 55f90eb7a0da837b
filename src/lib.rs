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
mod index_view;
mod inline;
mod palette;
mod place;
mod reader;
mod state;
mod stats_view;
mod strip;
mod timeline;

pub use app::App;

/// The records, parsed at build time by `build.rs` and encoded with `parley_core::bundle`.
pub static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The id of the element the viewer mounts into (`index.html`).
pub const ROOT_ID: &str = "parley";

/// Mounts the viewer into `#parley`, replacing the loading message it holds.
pub fn start() {
    let Some(document) = gloo::utils::window().document() else {
        return;
    };
    match document.get_element_by_id(ROOT_ID) {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => gloo::console::error!(format!(
            "Parley: no element with id \"{ROOT_ID}\" to mount into"
        )),
    }
}
