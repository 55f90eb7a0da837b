//! Copying text to the clipboard (the async Clipboard API, reached through
//! JavaScript reflection because web-sys marks it unstable).

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Starts copying `text`; `false` when the browser offers no clipboard.
pub fn copy_text(text: &str) -> bool {
    let navigator: JsValue = gloo::utils::window().navigator().into();
    let write = Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|clipboard| !clipboard.is_undefined())
        .and_then(|clipboard| {
            let write = Reflect::get(&clipboard, &"writeText".into())
                .ok()?
                .dyn_into::<Function>()
                .ok()?;
            write.call1(&clipboard, &text.into()).ok()
        });
    write.is_some()
}
