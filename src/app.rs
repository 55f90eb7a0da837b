//! The root component: decodes the bundle once, then shows the record in one of three views.

use parley_core::bundle;
use parley_core::model::plain_text;
use parley_core::text;
use yew::prelude::*;

use gloo::events::EventListener;
use parley_core::url_state::ViewName;
use wasm_bindgen::JsValue;

use crate::dialogs::{Dialog, Dialogs, OpenDialog, PrintFooter};
use crate::embedding::use_embedding;
use crate::filters::FilterPanel;
use crate::host::Host;
use crate::index_view::IndexView;
use crate::inline::inlines;
use crate::place::{JumpTo, Place, Target};
use crate::reader::{Doc, Reader, Shown};
use crate::state::{Action, Model, Store};
use crate::stats_view::StatsView;
use crate::timeline::TimelineView;
use crate::CORPUS;

/// The first record of the bundle, or why there is none.
fn load() -> Result<Doc, String> {
    let mut documents = bundle::decode(CORPUS).map_err(|error| error.to_string())?;
    if documents.is_empty() {
        return Err(text::app::NO_TRANSCRIPT.to_string());
    }
    Ok(Doc::new(documents.swap_remove(0)))
}

/// The views of a record, in the order of the app bar, with their labels.
const VIEWS: [(ViewName, &str); 4] = [
    (ViewName::Reader, text::app::VIEW_READER),
    (ViewName::Stats, text::app::VIEW_STATS),
    (ViewName::Timeline, text::app::VIEW_TIMELINE),
    (ViewName::Index, text::app::VIEW_INDEX),
];

/// The page's URL query (without `?`) and fragment (without `#`).
fn location() -> (String, String) {
    let location = gloo::utils::window().location();
    let query = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    (
        query.trim_start_matches('?').to_string(),
        hash.trim_start_matches('#').to_string(),
    )
}

/// The turn a fragment names: `t42`, or `ref-8`, the first reference to a note.
fn fragment_turn(loaded: &Result<Doc, String>, fragment: &str) -> Option<u32> {
    let doc = loaded.as_ref().ok()?;
    if let Some(number) = fragment.strip_prefix('t') {
        return number.parse().ok().filter(|&n| n >= 1);
    }
    let note = fragment.strip_prefix("ref-")?.parse().ok()?;
    doc.record.turn_citing_note(note)
}

/// Writes the view's query string into the page's URL, keeping its fragment:
/// a new history entry, or (while typing) a replaced one.
fn write_url(query: &str, replace: bool) {
    let (_, fragment) = location();
    let hash = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    let url = if query.is_empty() {
        format!("./{hash}")
    } else {
        format!("?{query}{hash}")
    };
    if let Ok(history) = gloo::utils::window().history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The page (the default), or a `<parley-viewer>` element.
    #[prop_or_default]
    pub host: Host,
    /// For an element: its options as a query string, and the turn to open
    /// (`t42`); a page reads its own URL instead.
    #[prop_or_default]
    pub options: Option<(String, String)>,
}

impl AppProps {
    /// The query (without `?`) and fragment (without `#`) that state the view.
    fn source(&self) -> (String, String) {
        self.options.clone().unwrap_or_else(location)
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let loaded = use_memo((), |_| load());
    let in_page = props.host == Host::Page;
    let store = {
        let loaded = loaded.clone();
        let (query, fragment) = props.source();
        use_reducer(move || match &*loaded {
            Ok(doc) => Model::from_url(&doc.record, &query, &fragment),
            Err(_) => Model::default(),
        })
    };
    // An element's new options (a changed attribute) state a new view.
    {
        let loaded = loaded.clone();
        let store = store.clone();
        use_effect_with(props.options.clone(), move |options| {
            if let (Ok(doc), Some((query, fragment))) = (&*loaded, options) {
                let model = Model::from_url(&doc.record, query, fragment);
                if model != *store {
                    store.dispatch(Action::Load(Box::new(model)));
                }
            }
        });
    }
    // The URL follows the state: a new history entry for each change, except
    // while typing a search, which replaces the entry. An element keeps its
    // state for the links it hands out, and leaves the page's URL alone.
    let last_query = use_mut_ref(|| None::<(String, String)>);
    {
        let loaded = loaded.clone();
        let host = props.host.clone();
        use_effect_with(store.clone(), move |store| {
            if let Ok(doc) = &*loaded {
                let query = store.to_query(&doc.record);
                let mut last = last_query.borrow_mut();
                let typing = last
                    .as_ref()
                    .is_some_and(|(q, text)| *text != store.query_text && q != &query);
                if last.as_ref().map(|(q, _)| q) != Some(&query) {
                    match &host {
                        Host::Page => write_url(&query, last.is_none() || typing),
                        Host::Element(element) => *element.query.borrow_mut() = query.clone(),
                    }
                }
                *last = Some((query, store.query_text.clone()));
            }
        });
    }
    // Back and forward restore the state the URL states.
    {
        let loaded = loaded.clone();
        let store = store.clone();
        use_effect_with(in_page, move |&in_page| {
            let listener = in_page.then(|| {
                EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    if let Ok(doc) = &*loaded {
                        let (query, fragment) = location();
                        let mut model = Model::from_url(&doc.record, &query, &fragment);
                        model.notices.clear();
                        store.dispatch(Action::Load(Box::new(model)));
                    }
                })
            });
            move || drop(listener)
        });
    }
    use_embedding(&props.host, &store.embed);
    // Running: the loader's banner goes, and `data-ready` on #parley tells
    // scripts and tests that the controls now answer.
    use_effect_with(in_page, |&in_page| {
        let document = gloo::utils::document();
        if let (true, Some(root)) = (in_page, document.get_element_by_id(crate::ROOT_ID)) {
            let _ = root.set_attribute("data-ready", "");
            if let Some(boot) = document.get_element_by_id("parley-boot") {
                boot.remove();
            }
        }
    });
    let title = loaded.as_ref().as_ref().ok().map(|doc| {
        format!(
            "{} – {}",
            plain_text(&doc.record.title.inlines),
            text::app::NAME
        )
    });
    use_effect_with((title, in_page), |(title, in_page)| {
        if let (Some(title), true) = (title, in_page) {
            gloo::utils::document().set_title(title);
        }
    });
    // The place the reader brings into view: the URL's turn at first, then
    // turns and hits opened from the strip, the tables, the search and links.
    let target = {
        let loaded = loaded.clone();
        let fragment = props.source().1;
        use_reducer(move || {
            let place = fragment_turn(&loaded, &fragment).map(Place::from);
            Target { place, request: 0 }
        })
    };
    let jump = {
        let store = store.clone();
        let target = target.clone();
        JumpTo(Callback::from(move |place: Place| {
            // The URL names the turn; the reader, not the browser, scrolls to it.
            if let Ok(history) = gloo::utils::window().history() {
                let _ = history.push_state_with_url(
                    &JsValue::NULL,
                    "",
                    Some(&format!("#t{}", place.turn)),
                );
            }
            store.dispatch(Action::Show(ViewName::Reader));
            target.dispatch(place);
        }))
    };
    // Links within the page (`#t42`, a note's way back to `#ref-8`) may point
    // at a turn the reader has not drawn: it draws it and brings it into view.
    {
        let loaded = loaded.clone();
        let target = target.clone();
        use_effect_with(in_page, move |&in_page| {
            let listener = in_page.then(|| {
                EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(turn) = fragment_turn(&loaded, &location().1) {
                        target.dispatch(Place::from(turn));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let dialog = use_state_eq(|| None::<Dialog>);
    let open_dialog = {
        let dialog = dialog.clone();
        OpenDialog(Callback::from(move |which: Dialog| dialog.set(Some(which))))
    };
    let close_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |()| dialog.set(None))
    };
    let shown = {
        let loaded = loaded.clone();
        use_memo(store.selection.clone(), move |selection| match &*loaded {
            Ok(doc) => Shown(std::rc::Rc::new(
                selection.evaluate(&doc.record, &doc.search),
            )),
            Err(_) => Shown::default(),
        })
    };
    let doc = match &*loaded {
        Ok(doc) => doc.clone(),
        Err(message) => {
            return html! {
                <main id="main" class="error-screen">
                    <h1>{ text::app::CANNOT_SHOW }</h1>
                    <p role="alert">{ message }</p>
                    <p><a href="">{ text::app::RELOAD }</a></p>
                </main>
            }
        }
    };
    let record = &doc.record;
    let open = |which: Dialog| {
        let OpenDialog(open) = open_dialog.clone();
        Callback::from(move |_: MouseEvent| open.emit(which))
    };
    let tabs = VIEWS.iter().map(|&(v, label)| {
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::Show(v)))
        };
        html! {
            <button type="button" class="views__button" data-view={v.as_str()} aria-current={(store.view == v).then_some("page")} {onclick}>
                { label }
            </button>
        }
    });
    html! {
        <ContextProvider<Host> context={props.host.clone()}>
        <ContextProvider<Doc> context={doc.clone()}>
        <ContextProvider<JumpTo> context={jump}>
        <ContextProvider<OpenDialog> context={open_dialog.clone()}>
        <ContextProvider<Target> context={*target}>
        <ContextProvider<Shown> context={(*shown).clone()}>
        <ContextProvider<Store> context={store.clone()}>
            <a class="skip-link" href="#content">{ text::app::SKIP_LINK }</a>
            <header class="app-bar">
                <span class="app-bar__brand">{ text::app::NAME }</span>
                <nav class="views" aria-label={text::app::VIEWS}>{ for tabs }</nav>
                <div class="app-bar__tools">
                    <button type="button" class="views__button" data-dialog="cite" onclick={open(Dialog::Cite(None))}>{ text::app::CITE }</button>
                    <button type="button" class="views__button" data-dialog="embed" onclick={open(Dialog::Embed)}>{ text::app::EMBED }</button>
                </div>
            </header>
            <main id="main" class="page">
                <header class="record__header" lang={record.publication.language.clone()}>
                    <p class="record__date"><time datetime={record.date.iso()}>{ record.date_text.clone() }</time></p>
                    <h1 id="record-title">{ inlines(&record.title.inlines) }</h1>
                    if let Some(place) = &record.place {
                        <p class="record__place">{ inlines(&place.inlines) }</p>
                    }
                </header>
                <FilterPanel />
                <div id="content" tabindex="-1">
                    { match store.view {
                        ViewName::Reader => html! { <Reader /> },
                        ViewName::Stats => html! { <StatsView /> },
                        ViewName::Timeline => html! { <TimelineView /> },
                        ViewName::Index => html! { <IndexView /> },
                    } }
                </div>
            </main>
            <PrintFooter />
            if cfg!(feature = "test-panic") {
                <button type="button" id="parley-test-panic" onclick={Callback::from(|_: MouseEvent| panic!("a deliberate panic (test-panic build)"))}>
                    { text::app::TEST_PANIC }
                </button>
            }
            <Dialogs dialog={*dialog} on_close={close_dialog} />
        </ContextProvider<Store>>
        </ContextProvider<Shown>>
        </ContextProvider<Target>>
        </ContextProvider<OpenDialog>>
        </ContextProvider<JumpTo>>
        </ContextProvider<Doc>>
        </ContextProvider<Host>>
    }
}
