//! The root component: decodes the bundle once and shows the first record.

use std::rc::Rc;

use parley_core::bundle;
use parley_core::model::plain_text;
use yew::prelude::*;

use crate::reader::{Doc, Reader};
use crate::CORPUS;

/// The first record of the bundle, or why there is none.
fn load() -> Result<Doc, String> {
    let mut documents = bundle::decode(CORPUS).map_err(|error| error.to_string())?;
    if documents.is_empty() {
        return Err("This viewer was built without any transcript.".to_string());
    }
    Ok(Doc(Rc::new(documents.swap_remove(0))))
}

#[function_component(App)]
pub fn app() -> Html {
    let loaded = use_memo((), |_| load());
    let title = loaded
        .as_ref()
        .as_ref()
        .ok()
        .map(|doc| format!("{} – Parley", plain_text(&doc.0.title.inlines)));
    use_effect_with(title, |title| {
        if let Some(title) = title {
            gloo::utils::document().set_title(title);
        }
    });
    match &*loaded {
        Ok(doc) => html! {
            <ContextProvider<Doc> context={doc.clone()}>
                <Reader />
            </ContextProvider<Doc>>
        },
        Err(message) => html! {
            <main id="main" class="error-screen">
                <h1>{ "The transcript cannot be shown" }</h1>
                <p role="alert">{ message }</p>
                <p><a href="">{ "Reload" }</a></p>
            </main>
        },
    }
}
