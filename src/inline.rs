//! Inline content: text, editorial insertions and note references with their popovers.

use parley_core::text;
use std::sync::atomic::{AtomicU32, Ordering};

use parley_core::model::Inline;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::reader::Doc;

/// Renders inline content; editorial insertions keep their brackets and are
/// marked so that readers can tell them from speech.
pub fn inlines(content: &[Inline]) -> Html {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => html! { { text.clone() } },
            Inline::Editorial(text) => html! {
                <span class="editorial" title={text::reader::EDITORIAL}>{ format!("[{text}]") }</span>
            },
            Inline::NoteRef { number, first } => {
                html! { <NoteRef number={*number} first={*first} /> }
            }
        })
        .collect()
}

/// Like [`inlines`], with the byte ranges `marks` of the content's plain text
/// (text and editorial insertions with their brackets) in `<mark>`.
pub fn inlines_marked(content: &[Inline], marks: &[(usize, usize, bool)]) -> Html {
    if marks.is_empty() {
        return inlines(content);
    }
    let mut offset = 0;
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => {
                let start = offset;
                offset += text.len();
                marked_text(text, start, marks)
            }
            Inline::Editorial(text) => {
                offset += text.len() + 2;
                inlines(std::slice::from_ref(inline))
            }
            Inline::NoteRef { .. } => inlines(std::slice::from_ref(inline)),
        })
        .collect()
}

/// `text`, which starts at byte `start` of the plain text, with the parts
/// inside `marks` marked (and `data-current` on the one flagged current).
fn marked_text(text: &str, start: usize, marks: &[(usize, usize, bool)]) -> Html {
    let end = start + text.len();
    let mut out = Vec::new();
    let mut at = start;
    for &(from, to, current) in marks
        .iter()
        .filter(|(from, to, _)| *from < end && *to > start)
    {
        let (from, to) = (from.max(at), to.min(end));
        if from > at {
            out.push(html! { { text[at - start..from - start].to_string() } });
        }
        if to > from {
            out.push(
                html! { <mark class="hit" data-current={current.then_some("")}>{ text[from - start..to - start].to_string() }</mark> },
            );
        }
        at = at.max(to);
    }
    if at < end {
        out.push(html! { { text[at - start..].to_string() } });
    }
    out.into_iter().collect()
}

#[derive(Properties, PartialEq)]
pub struct NoteRefProps {
    pub number: u32,
    /// The first reference to the note carries `id="ref-{n}"`, the note's back-link target.
    pub first: bool,
}

/// Gives each popover a unique id, even when a note is referenced twice.
fn next_popover_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A note marker: a button (disclosure pattern) that shows the note beside the text.
/// Escape closes it and returns focus to the button.
#[function_component(NoteRef)]
pub fn note_ref(props: &NoteRefProps) -> Html {
    let doc = use_context::<Doc>();
    let open = use_state(|| false);
    let popover_id = use_state(|| format!("note-pop-{}", next_popover_id()));
    let button = use_node_ref();
    let number = props.number;

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close_and_refocus = {
        let open = open.clone();
        let button = button.clone();
        move || {
            open.set(false);
            if let Some(button) = button.cast::<HtmlElement>() {
                // Focus can only fail on a detached element; nothing to do then.
                let _ = button.focus();
            }
        }
    };
    let onkeydown = {
        let open = open.clone();
        let close = close_and_refocus.clone();
        Callback::from(move |event: KeyboardEvent| {
            if *open && event.key() == "Escape" {
                event.prevent_default();
                close();
            }
        })
    };
    let onclose = Callback::from(move |_: MouseEvent| close_and_refocus());

    let note_body: Html = match (&*open, doc.as_ref().and_then(|doc| doc.record.note(number))) {
        (true, Some(note)) => note
            .paragraphs
            .iter()
            .map(|p| html! { <span class="note-pop__para">{ inlines(&p.inlines) }</span> })
            .collect(),
        _ => Html::default(),
    };
    let label = text::note::label(number);
    html! {
        <span class="note-ref" {onkeydown}>
            <button
                ref={button}
                type="button"
                class="note-ref__button"
                id={props.first.then(|| format!("ref-{number}"))}
                aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={(*popover_id).clone()}
                aria-label={label.clone()}
                onclick={toggle}
            >
                { number }
            </button>
            if *open {
                <span class="note-pop" id={(*popover_id).clone()} role="group" aria-label={label}>
                    <span class="note-pop__number">{ format!("{number}. ") }</span>
                    { note_body }
                    <span class="note-pop__actions">
                        <a href={format!("#note-{number}")}>{ text::note::GO_TO }</a>
                        <button type="button" class="note-pop__close" onclick={onclose}>{ text::note::CLOSE }</button>
                    </span>
                </span>
            }
        </span>
    }
}
