//! The reader: the record as published, with its apparatus.
//!
//! Public DOM contract (embedding sites may style it, tests rely on it):
//! each turn is an element `id="t{N}"` with `data-speaker="{person id}"` and
//! `data-kind="direct"|"reported"`; each note is `id="note-{n}"`; the first
//! reference to note n is `id="ref-{n}"`.

use std::rc::Rc;

use gloo::events::EventListener;
use parley_core::model::{Block, Document, Paragraph, Person, Turn, TurnKind};
use std::collections::HashSet;

use parley_core::filter::Selection;
use parley_core::search::{Query, SearchIndex};
use parley_core::stats::{counts, Counts};
use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement};
use yew::prelude::*;

use crate::inline::{inlines, inlines_marked};
use crate::palette::{delegation_class, speaker_classes};
use crate::state::Store;
use crate::strip::ConversationStrip;

/// The record being shown and its speakers' colour classes, shared by context
/// (compared by pointer, never cloned deeply).
#[derive(Clone)]
pub struct Doc {
    pub record: Rc<Document>,
    /// The folded text of every turn, for search (built once).
    pub search: Rc<SearchIndex>,
    classes: Rc<Vec<String>>,
}

impl Doc {
    pub fn new(record: Document) -> Doc {
        let classes = Rc::new(speaker_classes(&record));
        let search = Rc::new(SearchIndex::new(&record));
        Doc {
            record: Rc::new(record),
            search,
            classes,
        }
    }

    /// `deleg-soviet sp-0`: the classes that colour this person (index into `people`).
    pub fn speaker_class(&self, person: usize) -> &str {
        self.classes
            .get(person)
            .map_or("deleg-none", String::as_str)
    }
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.record, &other.record)
    }
}

/// Scrolls to the URL's fragment (`#t42`, `#note-8`) and focuses it: the browser
/// resolved the fragment before the record was rendered.
fn scroll_to_fragment() {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        if let Some(target) = gloo::utils::document().get_element_by_id(id) {
            target.scroll_into_view();
        }
        focus_element(id);
    }
}

/// Focuses the element with this id, if it exists, without scrolling: the
/// caller has scrolled it to where it should stand.
pub fn focus_element(id: &str) {
    let element = gloo::utils::document().get_element_by_id(id);
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        // Focus fails only on a detached element; there is nothing to do then.
        let _ = element.focus_with_options(&options);
    }
}

#[function_component(Reader)]
pub fn reader() -> Html {
    let Some(shared) = use_context::<Doc>() else {
        return Html::default();
    };
    let doc = shared.record.clone();
    // `_eq`: scrolling within a turn must not re-render the reader.
    let current = use_state_eq(|| 1u32);
    let selection = use_context::<Store>()
        .map(|store| store.selection.clone())
        .unwrap_or_default();
    let query = Rc::new(selection.query.clone());
    let shown = use_memo((shared.clone(), selection.clone()), |(doc, selection)| {
        shown_blocks(doc, selection)
    });
    // Runs of hidden turns the reader opened (by their first block), until the selection changes.
    let expanded = use_state(HashSet::<usize>::new);
    {
        let expanded = expanded.clone();
        use_effect_with(selection, move |_| expanded.set(HashSet::new()));
    }
    {
        // Follow the reading position: the turn under a line a quarter down the window.
        let current = current.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "scroll", move |_| {
                if let Some(turn) = turn_at_reading_line() {
                    current.set(turn);
                }
            });
            scroll_to_fragment();
            move || drop(listener)
        });
    }
    html! {
        <>
            <PresentLists />
            <div class="strip-bar">
                <ConversationStrip current={Some(*current)} />
            </div>
            <section id="dialogue" class="dialogue" aria-label="Conversation" tabindex="-1">
                { dialogue(&doc, &shown, &expanded, &query) }
            </section>
            <BackMatter />
        </>
    }
}

/// Which blocks the selection shows: its turns, and the stage directions and
/// gaps next to a shown turn.
fn shown_blocks(doc: &Doc, selection: &Selection) -> Vec<bool> {
    let record = &doc.record;
    let turns: Vec<Option<bool>> = record
        .blocks
        .iter()
        .map(|block| match block {
            Block::Turn(turn) => Some(selection.fits(record, &doc.search, turn)),
            _ => None,
        })
        .collect();
    (0..turns.len())
        .map(|i| match turns[i] {
            Some(fits) => fits,
            None => nearest_fits(turns[..i].iter().rev()) || nearest_fits(turns[i + 1..].iter()),
        })
        .collect()
}

/// Whether the first turn along `blocks` fits the selection.
fn nearest_fits<'a>(mut blocks: impl Iterator<Item = &'a Option<bool>>) -> bool {
    blocks.find_map(|fits| *fits).unwrap_or(false)
}

/// The dialogue: shown blocks, and each run of hidden ones as a row that opens it.
fn dialogue(
    doc: &Document,
    shown: &[bool],
    expanded: &UseStateHandle<HashSet<usize>>,
    query: &Rc<Query>,
) -> Html {
    let mut out = Vec::new();
    let mut index = 0;
    while index < shown.len() {
        let end = (index..shown.len())
            .find(|&i| shown[i] != shown[index])
            .unwrap_or(shown.len());
        if shown[index] || expanded.contains(&index) {
            out.extend(
                (index..end)
                    .map(|i| html! { <BlockView key={i} index={i} query={query.clone()} /> }),
            );
        } else {
            let turns = doc.blocks[index..end]
                .iter()
                .filter(|b| matches!(b, Block::Turn(_)))
                .count();
            let onclick = {
                let expanded = expanded.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut open = (*expanded).clone();
                    open.insert(index);
                    expanded.set(open);
                })
            };
            let label = if turns == 1 {
                "1 turn hidden".to_string()
            } else {
                format!("{turns} turns hidden")
            };
            out.push(html! {
                <p key={format!("hidden-{index}")} class="hidden-run">
                    <button type="button" class="hidden-run__button" {onclick}>{ format!("{label} · show") }</button>
                </p>
            });
        }
        index = end;
    }
    out.into_iter().collect()
}

/// The number of the turn under the reading line, if any.
fn turn_at_reading_line() -> Option<u32> {
    let window = gloo::utils::window();
    let height = window.inner_height().ok()?.as_f64()?;
    let width = window.inner_width().ok()?.as_f64()?;
    let document = gloo::utils::document();
    // Probe the text column (the middle of the window) a quarter of the way down.
    let element = document.element_from_point((width / 2.0) as f32, (height / 4.0) as f32)?;
    let turn = element.closest(".turn").ok()??;
    turn.get_attribute("data-turn")?.parse().ok()
}

/// The "Present" lists; a component of its own so that it renders once, not on
/// every change of selection.
#[function_component(PresentLists)]
fn present_lists() -> Html {
    let doc = use_context::<Doc>();
    let stats = use_memo(doc.clone(), |doc| {
        doc.as_ref().map(|d| counts(&d.record)).unwrap_or_default()
    });
    match doc {
        Some(doc) => present(&doc.record, &stats),
        None => Html::default(),
    }
}

/// The back matter; a component of its own so that it renders once.
#[function_component(BackMatter)]
fn back_matter_view() -> Html {
    use_context::<Doc>()
        .map(|doc| back_matter(&doc.record))
        .unwrap_or_default()
}

/// The "Present" lists as written, then per delegation who spoke (with their
/// number of turns) and who stayed silent; speakers the lists omit come last.
fn present(doc: &Document, stats: &Counts) -> Html {
    let turns_of = |person: usize| Some(stats.people[person].tally.turns()).filter(|&n| n > 0);
    let with_role = |person: &Person| match &person.role {
        Some(role) => format!("{} ({role})", person.name),
        None => person.name.clone(),
    };
    let speaker_item = |person: &Person, turns: usize| {
        html! {
            <li class={classes!("person", delegation_class(doc, person))} data-person={person.id.clone()}>
                <span class="person__name">{ person.name.clone() }</span>
                if let Some(role) = &person.role { <span class="person__role">{ role.clone() }</span> }
                <span class="person__turns">{ if turns == 1 { "1 turn".to_string() } else { format!("{turns} turns") } }</span>
            </li>
        }
    };
    let group = |title: String, source: Option<String>, members: Vec<(usize, &Person)>| {
        let silent: Vec<String> = members
            .iter()
            .filter(|(i, _)| turns_of(*i).is_none())
            .map(|(_, p)| with_role(p))
            .collect();
        html! {
            <div class="present__group">
                <h3>{ title }</h3>
                if let Some(source) = source { <p class="present__source">{ source }</p> }
                <ul>
                    { for members.iter().filter_map(|&(i, p)| turns_of(i).map(|turns| speaker_item(p, turns))) }
                </ul>
                if !silent.is_empty() {
                    <p class="present__silent">{ format!("Present, silent: {}", silent.join(", ")) }</p>
                }
            </div>
        }
    };
    let absent: Vec<(usize, &Person)> = doc
        .people
        .iter()
        .enumerate()
        .filter(|(i, p)| !p.is_present() && turns_of(*i).is_some())
        .collect();
    html! {
        <section class="present" aria-labelledby="present-title">
            <h2 id="present-title">{ inlines(&doc.present_heading.inlines) }</h2>
            <div class="present__lists">
                { for doc.delegations.iter().enumerate().map(|(d, delegation)| {
                    let list = &delegation.present;
                    let source = format!("{} {}{}", list.prefix, list.names.join(", "), list.terminator);
                    let members = doc.people.iter().enumerate().filter(|(_, p)| p.is_present() && p.delegation == Some(d)).collect();
                    group(delegation.name.clone(), Some(source), members)
                }) }
            </div>
            if !absent.is_empty() {
                { group("Also speaking, not in the lists above".to_string(), None, absent) }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BlockProps {
    /// Index into `Document::blocks`.
    index: usize,
    /// The search, whose hits are marked.
    query: Rc<Query>,
}

/// One element of the dialogue: a turn, a stage direction or a lacuna.
#[function_component(BlockView)]
fn block_view(props: &BlockProps) -> Html {
    let Some(shared) = use_context::<Doc>() else {
        return Html::default();
    };
    match &shared.record.blocks[props.index] {
        Block::Turn(turn) => turn_view(&shared, turn, &props.query),
        Block::StageDirection(paragraph) => html! {
            <p class="stage-direction">{ inlines(&paragraph.inlines) }</p>
        },
        Block::Lacuna { .. } => html! {
            <p class="lacuna"><span>{ "The source text has a gap here." }</span></p>
        },
    }
}

fn turn_view(shared: &Doc, turn: &Turn, query: &Query) -> Html {
    let hits = if query.is_empty() {
        Vec::new()
    } else {
        shared.search.hits(turn, query).unwrap_or_default()
    };
    let marks = |paragraph: usize| -> Vec<(usize, usize)> {
        hits.iter()
            .filter(|h| h.paragraph == paragraph)
            .map(|h| (h.start, h.end))
            .collect()
    };
    let speaker = shared.record.speaker(turn);
    let (kind_class, separator) = match turn.kind {
        TurnKind::Direct => ("turn--direct", ". "),
        TurnKind::Reported => ("turn--reported", " "),
    };
    let title = match &speaker.role {
        Some(role) => format!("{}, {role}", speaker.name),
        None => speaker.name.clone(),
    };
    let paragraph = |(i, p): (usize, &Paragraph)| {
        if i == 0 {
            html! {
                <p>
                    <span class="turn__speaker" title={title.clone()}>{ turn.label.clone() }</span>
                    { separator }
                    { inlines_marked(&p.inlines, &marks(i)) }
                </p>
            }
        } else {
            html! { <p>{ inlines_marked(&p.inlines, &marks(i)) }</p> }
        }
    };
    html! {
        <div id={format!("t{}", turn.number)}
             class={classes!("turn", kind_class, shared.speaker_class(turn.speaker).to_string())}
             tabindex="-1"
             data-turn={turn.number.to_string()}
             data-speaker={speaker.id.clone()}
             data-kind={turn.kind.as_str()}>
            <a class="turn__number" href={format!("#t{}", turn.number)} aria-label={format!("Turn {}", turn.number)}>
                { turn.number }
            </a>
            <div class="turn__body">{ for turn.paragraphs.iter().enumerate().map(paragraph) }</div>
        </div>
    }
}

/// Transcribers, archival citation, notes and related documents.
fn back_matter(doc: &Document) -> Html {
    html! {
        <>
            <section class="source" aria-labelledby="source-title">
                <h2 id="source-title">{ "Source" }</h2>
                <p>
                    { doc.transcribed_heading.clone() }{ " " }
                    { for doc.transcribers.iter().enumerate().map(|(i, t)| html! {
                        <>
                            if i > 0 { { ", " } }
                            <span class="transcriber">{ inlines(&t.inlines) }</span>
                        </>
                    }) }
                </p>
                <p class="citation">{ inlines(&doc.citation.inlines) }</p>
            </section>
            if !doc.notes.is_empty() {
                <section class="notes" aria-labelledby="notes-title">
                    <h2 id="notes-title">{ "Notes" }</h2>
                    <ol>
                        { for doc.notes.iter().map(|note| html! {
                            <li id={format!("note-{}", note.number)} value={note.number.to_string()}>
                                { for note.paragraphs.iter().map(|p| html! { <p>{ inlines(&p.inlines) }</p> }) }
                                <a class="note__back" href={format!("#ref-{}", note.number)}
                                   aria-label={format!("Back to reference {}", note.number)}>{ "↩" }</a>
                            </li>
                        }) }
                    </ol>
                </section>
            }
            if let Some(heading) = &doc.related_heading {
                <section class="related" aria-labelledby="related-title">
                    <h2 id="related-title">{ heading.clone() }</h2>
                    <ul>
                        { for doc.related.iter().map(|r| html! {
                            <li>
                                <p class="related__date"><time datetime={r.date.iso()}>{ r.date_text.clone() }</time></p>
                                <h3>{ inlines(&r.title.inlines) }</h3>
                                <p>{ inlines(&r.summary.inlines) }</p>
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </>
    }
}
