//! The filter panel: search, topics, speakers and delegations, turn kind,
//! section; each chip shows how many turns it would show under the other filters.

use parley_core::filter::Selection;
use parley_core::model::TurnKind;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::reader::Doc;
use crate::state::{Action, Store};

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
    let oninput = {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                store.dispatch(Action::Search(input.value()));
            }
        })
    };
    let onkind = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            store.dispatch(Action::Kind(match value.as_str() {
                "direct" => Some(TurnKind::Direct),
                "reported" => Some(TurnKind::Reported),
                _ => None,
            }));
        })
    };
    let onsection = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            store.dispatch(Action::Section(value.parse().ok()));
        })
    };
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
    let status = if selection.query.is_empty() {
        format!("Showing {shown} of {total} turns.")
    } else {
        format!("{hits} matches in {shown} turns.")
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
                <input id="parley-search" type="search" value={store.query_text.clone()} {oninput}
                       placeholder="words or \"a phrase\"" autocomplete="off" spellcheck="false" />
            </div>
            <p class="filters__status" role="status" aria-live="polite">
                { status }
                if !described.is_empty() { <span class="filters__described">{ format!(" {described}.") }</span> }
            </p>
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
