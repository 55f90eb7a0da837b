//! When the viewer panics, its place on the page shows what happened and
//! the way on (reload, or the text of the record), never a blank frame. With
//! `panic = "abort"` nothing runs after the hook, so the screen is built
//! with plain DOM calls, and the message goes in as text, not markup.

use parley_core::text;
use std::cell::RefCell;

use web_sys::{Document, Element};

thread_local! {
    /// Every element a viewer was mounted into on this page, with the
    /// address of the record's text beside that viewer.
    static MOUNTS: RefCell<Vec<(Element, String)>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook (once) and remembers `mount` as a place to show the
/// screen in, pointing to `record` (the text of the record).
pub fn watch(mount: &Element, record: String) {
    MOUNTS.with(|mounts| {
        let mut mounts = mounts.borrow_mut();
        if mounts.is_empty() {
            // Through Yew, which would otherwise put its own hook in place of this one.
            yew::set_custom_panic_hook(Box::new(|info| {
                let message = info.to_string();
                gloo::console::error!(format!("Parley stopped: {message}"));
                MOUNTS.with(|mounts| {
                    for (mount, record) in mounts.borrow().iter().filter(|(m, _)| m.is_connected())
                    {
                        show(mount, record, &message);
                    }
                });
            }));
        }
        mounts.push((mount.clone(), record));
    });
}

fn element(document: &Document, tag: &str, text: &str) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    element.set_text_content(Some(text));
    Some(element)
}

/// Replaces what `mount` holds with the error screen.
fn show(mount: &Element, record: &str, message: &str) -> Option<()> {
    let document = mount.owner_document()?;
    let screen = document.create_element("main").ok()?;
    screen.set_class_name("error-screen");
    screen.set_attribute("role", "alert").ok()?;
    let reload = element(&document, "a", text::panic::RELOAD)?;
    reload
        .set_attribute("href", &gloo::utils::window().location().href().ok()?)
        .ok()?;
    reload.set_class_name("button");
    let text = element(&document, "a", text::panic::READ_TEXT)?;
    text.set_attribute("href", record).ok()?;
    let way_on = document.create_element("p").ok()?;
    way_on.append_with_node_1(&reload).ok()?;
    way_on.append_with_str_1(text::panic::OR).ok()?;
    way_on.append_with_node_1(&text).ok()?;
    way_on.append_with_str_1(".").ok()?;
    let heading = element(&document, "h1", text::panic::HEADING)?;
    let said = element(&document, "p", &text::panic::message(message))?;
    screen.append_with_node_1(&heading).ok()?;
    screen.append_with_node_1(&said).ok()?;
    screen.append_with_node_1(&way_on).ok()?;
    mount.set_inner_html("");
    mount.append_with_node_1(&screen).ok()
}
