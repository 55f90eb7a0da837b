//! The page side of the embedding options (`parley_core::embed`): the colour
//! scheme, the accent, compact chrome, and the height messages to the
//! embedding page.

use parley_core::embed::{Embed, Theme, HEIGHT_MESSAGE};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, ResizeObserver};
use yew::prelude::*;

use crate::host::Host;

/// Applies the options to the document element (or the `<parley-viewer>`
/// element): `data-theme`, `data-embed`
/// and `--accent` (set through the CSS object model, which a strict content
/// security policy allows), and, when `parent` names the embedding page's
/// origin, posts the page's height there whenever it changes.
#[hook]
pub fn use_embedding(host: &Host, embed: &Embed) {
    use_effect_with((host.clone(), embed.clone()), |(host, embed)| {
        let root = host.theme_root();
        if let Some(root) = root.as_ref() {
            let _ = match embed.theme {
                Theme::Auto => root.remove_attribute("data-theme"),
                theme => root.set_attribute("data-theme", theme.as_str()),
            };
            let _ = if embed.compact {
                root.set_attribute("data-embed", "")
            } else {
                root.remove_attribute("data-embed")
            };
            if let (Some(accent), Ok(root)) =
                (&embed.accent, root.clone().dyn_into::<HtmlElement>())
            {
                let _ = root.style().set_property("--accent", accent);
            }
        }
        let observer = embed
            .parent
            .clone()
            .zip(root)
            .and_then(|(parent, root)| report_height(parent, &root));
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Posts `{type: "parley:height", height}` to the parent window at `origin`
/// each time the document's height changes. The browser delivers it only if
/// the parent really is at that origin.
fn report_height(
    origin: String,
    root: &web_sys::Element,
) -> Option<(ResizeObserver, Closure<dyn FnMut()>)> {
    let parent = gloo::utils::window().parent().ok()??;
    let measured = root.clone();
    let mut last = -1;
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.scroll_height();
        if height == last {
            return;
        }
        last = height;
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
        let _ = parent.post_message(&message, &origin);
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(root);
    if let Some(body) = gloo::utils::document().body() {
        observer.observe(&body);
    }
    Some((observer, callback))
}
