//! The root component: decodes the bundle once, then shows the record in one of three views.

use parley_core::bundle;
use parley_core::model::plain_text;
use yew::prelude::*;

use crate::inline::inlines;
use crate::reader::{focus_element, Doc, Reader};
use crate::stats_view::StatsView;
use crate::strip::JumpTo;
use crate::timeline::TimelineView;
use crate::CORPUS;

/// The first record of the bundle, or why there is none.
fn load() -> Result<Doc, String> {
    let mut documents = bundle::decode(CORPUS).map_err(|error| error.to_string())?;
    if documents.is_empty() {
        return Err("This viewer was built without any transcript.".to_string());
    }
    Ok(Doc::new(documents.swap_remove(0)))
}

/// The views of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Reader,
    Statistics,
    Timeline,
}

impl View {
    const ALL: [View; 3] = [View::Reader, View::Statistics, View::Timeline];

    fn label(self) -> &'static str {
        match self {
            View::Reader => "Transcript",
            View::Statistics => "Statistics",
            View::Timeline => "Timeline",
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let loaded = use_memo((), |_| load());
    let view = use_state(|| View::Reader);
    let title = loaded
        .as_ref()
        .as_ref()
        .ok()
        .map(|doc| format!("{} – Parley", plain_text(&doc.record.title.inlines)));
    use_effect_with(title, |title| {
        if let Some(title) = title {
            gloo::utils::document().set_title(title);
        }
    });
    // Opening a turn from the strip or a table: the reader shows it (its
    // effect scrolls to the URL's fragment on mount) and it takes focus.
    let jump = {
        let view = view.clone();
        JumpTo(Callback::from(move |turn: u32| {
            let id = format!("t{turn}");
            // Setting the fragment scrolls to the turn when the reader is showing.
            let _ = gloo::utils::window().location().set_hash(&id);
            view.set(View::Reader);
            focus_element(&id);
        }))
    };
    let doc = match &*loaded {
        Ok(doc) => doc.clone(),
        Err(message) => {
            return html! {
                <main id="main" class="error-screen">
                    <h1>{ "The transcript cannot be shown" }</h1>
                    <p role="alert">{ message }</p>
                    <p><a href="">{ "Reload" }</a></p>
                </main>
            }
        }
    };
    let record = &doc.record;
    let tabs = View::ALL.iter().map(|&v| {
        let onclick = {
            let view = view.clone();
            Callback::from(move |_: MouseEvent| view.set(v))
        };
        html! {
            <button type="button" class="views__button" aria-current={(*view == v).then_some("page")} {onclick}>
                { v.label() }
            </button>
        }
    });
    html! {
        <ContextProvider<Doc> context={doc.clone()}>
        <ContextProvider<JumpTo> context={jump}>
            <a class="skip-link" href="#content">{ "Skip to the content" }</a>
            <div class="app-bar">
                <span class="app-bar__brand">{ "Parley" }</span>
                <nav class="views" aria-label="Views">{ for tabs }</nav>
            </div>
            <main id="main" class="page">
                <header class="record__header">
                    <p class="record__date"><time datetime={record.date.iso()}>{ record.date_text.clone() }</time></p>
                    <h1 id="record-title">{ inlines(&record.title.inlines) }</h1>
                    if let Some(place) = &record.place {
                        <p class="record__place">{ inlines(&place.inlines) }</p>
                    }
                </header>
                <div id="content" tabindex="-1">
                    { match *view {
                        View::Reader => html! { <Reader /> },
                        View::Statistics => html! { <StatsView /> },
                        View::Timeline => html! { <TimelineView /> },
                    } }
                </div>
            </main>
        </ContextProvider<JumpTo>>
        </ContextProvider<Doc>>
    }
}
