//! The filter panel: search, topics, speakers and delegations, turn kind,
//! section; each chip shows how many turns it would show under the other filters.

use parley_core::filter::Selection;
use parley_core::model::TurnKind;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlInputElement, HtmlSelectElement, ScrollIntoViewOptions, ScrollLogicalPosition,
};
use yew::prelude::*;

use crate::clipboard::{copy_text, link_with_fragment};
use crate::reader::Doc;
use crate::state::{Action, Store};
use crate::stats_view::short_name;
use crate::strip::JumpTo;

/// How many turns and hits the current selection shows.
pub fn shown_counts(doc: &Doc, selection: &Selection) -> (usize, usize) {
    let record = &doc.record;
    let mut turns = 0;
    let mut hits = 0;
    for turn in record
        .turns()
        .filter(|t| selection.fits(record, &doc.search, t))
    {
        turns += 1;
        if !selection.query.is_empty() {
            hits += doc
                .search
                .hits(turn, &selection.query)
                .map_or(0, |h| h.len());
        }
    }
    (turns, hits)
}

#[function_component(FilterPanel)]
pub fn filter_panel() -> Html {
    let (Some(doc), Some(store)) = (use_context::<Doc>(), use_context::<Store>()) else {
        return Html::default();
    };
    let record = &doc.record;
    let selection = &store.selection;
    let chip_counts = selection.topic_counts(record, &doc.search);
    let (shown, hits) = shown_counts(&doc, selection);
    let total = record.turns().count();
    let send = |action: fn(&Store) -> Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let action = action(&store);
            store.dispatch(action);
        })
    };
    let current_hit = use_state(|| None::<usize>);
    let copied = use_state(|| false);
    let onkeydown = {
        let current_hit = current_hit.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                let step = if event.shift_key() { -1 } else { 1 };
                current_hit.set(move_to_hit(*current_hit, step));
            }
        })
    };
    let copy_view = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| copied.set(copy_text(&link_with_fragment(""))))
    };
    let oninput = {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                store.dispatch(Action::Search(input.value()));
            }
        })
    };
    let onkind = on_select(&store, |value| {
        Action::Kind(match value {
            "direct" => Some(TurnKind::Direct),
            "reported" => Some(TurnKind::Reported),
            _ => None,
        })
    });
    let onsection = on_select(&store, |value| Action::Section(value.parse().ok()));
    let topic_chips = record.topics.topics.iter().enumerate().map(|(i, topic)| {
        let pressed = selection.topics & (1 << i) != 0;
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::ToggleTopic(i)))
        };
        html! {
            <button type="button" class="chip" aria-pressed={pressed.to_string()} title={topic.description.clone()}
                    data-topic={topic.id.clone()} {onclick}>
                { topic.label.clone() }<span class="chip__count">{ chip_counts.get(i).copied().unwrap_or(0) }</span>
            </button>
        }
    });
    let speakers: Vec<usize> = (0..record.people.len())
        .filter(|&p| record.speaks(p))
        .collect();
    let speaker_chips = speakers.iter().map(|&p| {
        let pressed = selection.speakers.contains(&p);
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::ToggleSpeaker(p)))
        };
        html! {
            <button type="button" class={classes!("chip", "chip--speaker", doc.speaker_class(p).to_string())}
                    aria-pressed={pressed.to_string()} data-person={record.people[p].id.clone()} {onclick}>
                { record.people[p].name.clone() }
            </button>
        }
    });
    let delegation_chips = record.delegations.iter().enumerate().map(|(d, delegation)| {
        let members: Vec<usize> = speakers.iter().copied().filter(|&p| record.people[p].delegation == Some(d)).collect();
        let pressed = !members.is_empty() && selection.speakers == members;
        let onclick = {
            let store = store.clone();
            Callback::from(move |_: MouseEvent| store.dispatch(Action::ToggleSpeakers(members.clone())))
        };
        html! {
            <button type="button" class="chip" aria-pressed={pressed.to_string()} {onclick}>{ delegation.name.clone() }</button>
        }
    });
    let status = match (selection.query.is_empty(), *current_hit) {
        (true, _) => format!("Showing {shown} of {total} turns."),
        (false, Some(i)) if i < hits => format!("Match {} of {hits} in {shown} turns.", i + 1),
        (false, _) => format!("{hits} matches in {shown} turns."),
    };
    let described = selection.describe(record);
    html! {
        <section class="filters" aria-label="Filter and search">
            if !store.notices.is_empty() {
                <div class="notice" role="alert">
                    <p>{ "Some of this link could not be used and was ignored: " }{ store.notices.join("; ") }{ "." }</p>
                    <button type="button" class="button" onclick={send(|_| Action::DismissNotices)}>{ "Dismiss" }</button>
                </div>
            }
            <div class="filters__search">
                <label for="parley-search">{ "Search the conversation" }</label>
                <input id="parley-search" type="search" value={store.query_text.clone()} {oninput} {onkeydown}
                       placeholder="words or \"a phrase\"" autocomplete="off" spellcheck="false"
                       aria-describedby="parley-search-help" />
                <button type="button" class="button" onclick={copy_view}>{ if *copied { "Link copied" } else { "Copy link to this view" } }</button>
            </div>
            <p id="parley-search-help" class="filters__help">{ "Enter and Shift+Enter go to the next and previous match." }</p>
            if let Some(entry) = selection.mention.and_then(|e| record.index.get(e)) {
                <p class="filters__mention">
                    { "Only turns that mention " }<strong>{ entry.name.clone() }</strong>{ " " }
                    <button type="button" class="button" onclick={send(|_| Action::Mention(None))}>{ "show all turns again" }</button>
                </p>
            }
            <p class="filters__status" role="status" aria-live="polite">
                { status }
                if !described.is_empty() { <span class="filters__described">{ format!(" {described}.") }</span> }
            </p>
            if hits > 0 {
                <Kwic />
            }
            <details class="filters__more" open={selection.is_active()}>
                <summary>{ "Filters" }</summary>
                <fieldset>
                    <legend>
                        { "Topics" }
                        <span class="filters__provenance">{ if record.topics.curated { " (assigned by hand)" } else { " (suggested by keyword rules, not curated)" } }</span>
                    </legend>
                    <div class="chips">{ for topic_chips }</div>
                    <div class="filters__match" role="group" aria-label="Several topics">
                        <button type="button" class="chip" aria-pressed={(!selection.match_all).to_string()} onclick={send(|_| Action::MatchAll(false))}>{ "match any" }</button>
                        <button type="button" class="chip" aria-pressed={selection.match_all.to_string()} onclick={send(|_| Action::MatchAll(true))}>{ "match all" }</button>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{ "Speakers" }</legend>
                    <div class="chips">{ for delegation_chips }</div>
                    <div class="chips">{ for speaker_chips }</div>
                </fieldset>
                <div class="filters__selects">
                    <label>{ "Turns " }
                        <select onchange={onkind}>
                            <option value="" selected={selection.kind.is_none()}>{ "direct and reported" }</option>
                            <option value="direct" selected={selection.kind == Some(TurnKind::Direct)}>{ "direct only" }</option>
                            <option value="reported" selected={selection.kind == Some(TurnKind::Reported)}>{ "reported only" }</option>
                        </select>
                    </label>
                    if record.sections.len() > 1 {
                        <label>{ "Section " }
                            <select onchange={onsection}>
                                <option value="" selected={selection.section.is_none()}>{ "all" }</option>
                                { for record.sections.iter().enumerate().map(|(i, title)| html! {
                                    <option value={(i + 1).to_string()} selected={selection.section == Some(i as u32 + 1)}>
                                        { format!("{}: {title}", i + 1) }
                                    </option>
                                }) }
                            </select>
                        </label>
                    }
                </div>
            </details>
            if selection.is_active() || !store.query_text.is_empty() {
                <button type="button" class="button filters__clear" onclick={send(|_| Action::Clear)}>{ "Clear all" }</button>
            }
        </section>
    }
}

/// A `<select>`'s change handler dispatching the action its new value names.
fn on_select(store: &Store, action: fn(&str) -> Action) -> Callback<Event> {
    let store = store.clone();
    Callback::from(move |event: Event| {
        let value = event
            .target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        store.dispatch(action(&value));
    })
}

/// Marks the hit `step` away from `current` (wrapping) and scrolls it into view;
/// returns its index among the page's hits.
fn move_to_hit(current: Option<usize>, step: isize) -> Option<usize> {
    let marks = gloo::utils::document()
        .query_selector_all("mark.hit")
        .ok()?;
    let count = marks.length() as usize;
    if count == 0 {
        return None;
    }
    let next = match current {
        Some(i) => (i as isize + step).rem_euclid(count as isize) as usize,
        None if step < 0 => count - 1,
        None => 0,
    };
    for i in 0..marks.length() {
        if let Some(mark) = marks.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let _ = if i as usize == next {
                mark.set_attribute("data-current", "")
            } else {
                mark.remove_attribute("data-current")
            };
            if i as usize == next {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    }
    Some(next)
}

/// How keyword-in-context lines are ordered.
#[derive(Clone, Copy, PartialEq)]
enum KwicOrder {
    Position,
    Speaker,
}

/// Keyword in context: one line per hit, with its speaker and a link to its turn.
#[function_component(Kwic)]
fn kwic() -> Html {
    let (Some(doc), Some(store), jump) = (
        use_context::<Doc>(),
        use_context::<Store>(),
        use_context::<JumpTo>(),
    ) else {
        return Html::default();
    };
    let order = use_state(|| KwicOrder::Position);
    let record = &doc.record;
    let selection = &store.selection;
    let mut lines: Vec<(u32, usize, (String, String, String))> = record
        .turns()
        .filter(|t| selection.fits(record, &doc.search, t))
        .flat_map(|turn| {
            let hits = doc.search.hits(turn, &selection.query).unwrap_or_default();
            let search = doc.search.clone();
            hits.into_iter().map(move |hit| {
                (
                    turn.number,
                    turn.speaker,
                    search.kwic(turn.number, hit, KWIC_CONTEXT),
                )
            })
        })
        .collect();
    if *order == KwicOrder::Speaker {
        lines.sort_by(|a, b| {
            record.people[a.1]
                .name
                .cmp(&record.people[b.1].name)
                .then(a.0.cmp(&b.0))
        });
    }
    let sort = |to: KwicOrder| {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| order.set(to))
    };
    html! {
        <details class="kwic">
            <summary>{ format!("Keyword in context ({} lines)", lines.len()) }</summary>
            <div class="filters__match" role="group" aria-label="Order of the lines">
                <button type="button" class="chip" aria-pressed={(*order == KwicOrder::Position).to_string()} onclick={sort(KwicOrder::Position)}>{ "in text order" }</button>
                <button type="button" class="chip" aria-pressed={(*order == KwicOrder::Speaker).to_string()} onclick={sort(KwicOrder::Speaker)}>{ "by speaker" }</button>
            </div>
            <ol class="kwic__lines">
                { for lines.iter().map(|(turn, speaker, (left, hit, right))| {
                    let turn = *turn;
                    let onclick = match jump.clone() {
                        Some(JumpTo(jump)) => Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            jump.emit(turn);
                        }),
                        None => Callback::noop(),
                    };
                    html! {
                        <li class="kwic__line">
                            <a class="kwic__turn" href={format!("#t{turn}")} {onclick}>{ format!("{turn}") }</a>
                            <span class="kwic__speaker">{ short_name(&record.people[*speaker]) }</span>
                            <span class="kwic__left"><span dir="ltr">{ left.clone() }</span></span>
                            <mark class="kwic__hit">{ hit.clone() }</mark>
                            <span class="kwic__right">{ right.clone() }</span>
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}

/// Characters of context either side of a keyword-in-context hit.
const KWIC_CONTEXT: usize = 48;
