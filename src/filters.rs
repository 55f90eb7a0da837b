//! The filter panel: search, topics, speakers and delegations, turn kind,
//! section; each chip shows how many turns it would show under the other filters.

use parley_core::model::TurnKind;
use parley_core::text;
use web_sys::{HtmlDetailsElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::clipboard::copy_text;
use crate::host::Host;
use crate::place::{JumpTo, Place};
use crate::reader::{Doc, Shown};
use crate::state::{Action, Store};
use crate::stats_view::short_name;

/// The search box's id.
pub const SEARCH_ID: &str = "parley-search";

#[function_component(FilterPanel)]
pub fn filter_panel() -> Html {
    let (Some(doc), Some(store), Some(Shown(outcome))) = (
        use_context::<Doc>(),
        use_context::<Store>(),
        use_context::<Shown>(),
    ) else {
        return Html::default();
    };
    let jump = use_context::<JumpTo>();
    let record = &doc.record;
    let selection = &store.selection;
    let chip_counts = &outcome.topic_counts;
    let (shown, hits) = (outcome.shown_turns, outcome.total_hits);
    let total = record.turns().count();
    let send = |action: fn(&Store) -> Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let action = action(&store);
            store.dispatch(action);
        })
    };
    // The hit last stepped to (0-based, text order), until the selection changes.
    let current_hit = use_state_eq(|| None::<usize>);
    {
        let current_hit = current_hit.clone();
        use_effect_with(Shown(outcome.clone()), move |_| current_hit.set(None));
    }
    let copied = use_state(|| false);
    let onkeydown = {
        let current_hit = current_hit.clone();
        let outcome = outcome.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                let step = if event.shift_key() { -1 } else { 1 };
                let next = step_hit(*current_hit, step, outcome.total_hits);
                if let (Some(n), Some(JumpTo(jump))) = (next, jump.as_ref()) {
                    if let Some((turn, hit)) = outcome.locate_hit(n) {
                        jump.emit(Place {
                            turn,
                            hit: Some(hit),
                        });
                    }
                }
                current_hit.set(next);
            }
        })
    };
    let copy_view = {
        let copied = copied.clone();
        let host = use_context::<Host>().unwrap_or_default();
        Callback::from(move |_: MouseEvent| copied.set(copy_text(&host.link_with_fragment(""))))
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
        (true, _) => text::filters::showing(shown, total),
        (false, Some(i)) if i < hits => text::filters::current_match(i + 1, hits, shown),
        (false, _) => text::filters::matches(hits, shown),
    };
    let described = selection.describe(record);
    html! {
        <section class="filters" aria-label={text::filters::REGION}>
            if !store.notices.is_empty() {
                <div class="notice" role="alert">
                    <p>{ text::notices::intro(store.notices.join(text::notices::SEPARATOR)) }</p>
                    <button type="button" class="button" onclick={send(|_| Action::DismissNotices)}>{ text::notices::DISMISS }</button>
                </div>
            }
            <div class="filters__search">
                <label for={SEARCH_ID}>{ text::filters::SEARCH }</label>
                <input id={SEARCH_ID} type="search" value={store.query_text.clone()} {oninput} {onkeydown}
                       placeholder={text::filters::SEARCH_PLACEHOLDER} autocomplete="off" spellcheck="false"
                       aria-describedby="parley-search-help" />
                <button type="button" class="button" onclick={copy_view}>{ if *copied { text::filters::VIEW_COPIED } else { text::filters::COPY_VIEW } }</button>
            </div>
            <p id="parley-search-help" class="filters__help">{ text::filters::SEARCH_HELP }</p>
            if let Some(entry) = selection.mention.and_then(|e| record.index.get(e)) {
                <p class="filters__mention">
                    { text::filters::ONLY_MENTIONING }<strong>{ entry.name.clone() }</strong>{ " " }
                    <button type="button" class="button" onclick={send(|_| Action::Mention(None))}>{ text::filters::SHOW_ALL }</button>
                </p>
            }
            <p class="filters__status" role="status" aria-live="polite">
                { status }
                if !described.is_empty() { <span class="filters__described">{ text::filters::described(described) }</span> }
            </p>
            if hits > 0 {
                <Kwic />
            }
            <details class="filters__more" open={selection.is_active() && !store.embed.compact}>
                <summary>{ text::filters::MORE }</summary>
                <fieldset>
                    <legend>
                        { text::filters::TOPICS }
                        <span class="filters__provenance">{ if record.topics.curated { text::filters::TOPICS_CURATED } else { text::filters::TOPICS_SUGGESTED } }</span>
                    </legend>
                    <div class="chips">{ for topic_chips }</div>
                    <div class="filters__match" role="group" aria-label={text::filters::SEVERAL_TOPICS}>
                        <button type="button" class="chip" aria-pressed={(!selection.match_all).to_string()} onclick={send(|_| Action::MatchAll(false))}>{ text::filters::MATCH_ANY }</button>
                        <button type="button" class="chip" aria-pressed={selection.match_all.to_string()} onclick={send(|_| Action::MatchAll(true))}>{ text::filters::MATCH_ALL }</button>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{ text::filters::SPEAKERS }</legend>
                    <div class="chips">{ for delegation_chips }</div>
                    <div class="chips">{ for speaker_chips }</div>
                </fieldset>
                <div class="filters__selects">
                    <label>{ text::filters::KIND }
                        <select onchange={onkind}>
                            <option value="" selected={selection.kind.is_none()}>{ text::filters::KIND_ANY }</option>
                            <option value="direct" selected={selection.kind == Some(TurnKind::Direct)}>{ text::filters::KIND_DIRECT }</option>
                            <option value="reported" selected={selection.kind == Some(TurnKind::Reported)}>{ text::filters::KIND_REPORTED }</option>
                        </select>
                    </label>
                    if record.sections.len() > 1 {
                        <label>{ text::filters::SECTION }
                            <select onchange={onsection}>
                                <option value="" selected={selection.section.is_none()}>{ text::filters::SECTION_ALL }</option>
                                { for record.sections.iter().enumerate().map(|(i, title)| html! {
                                    <option value={(i + 1).to_string()} selected={selection.section == Some(i as u32 + 1)}>
                                        { text::filters::section_option(i + 1, title) }
                                    </option>
                                }) }
                            </select>
                        </label>
                    }
                </div>
            </details>
            if selection.is_active() || !store.query_text.is_empty() {
                <button type="button" class="button filters__clear" onclick={send(|_| Action::Clear)}>{ text::filters::CLEAR }</button>
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

/// The hit `step` away from `current` among `count`, wrapping around.
fn step_hit(current: Option<usize>, step: isize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match current {
        Some(i) => (i as isize + step).rem_euclid(count as isize) as usize,
        None if step < 0 => count - 1,
        None => 0,
    })
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
    let (Some(doc), Some(store), Some(Shown(outcome)), jump) = (
        use_context::<Doc>(),
        use_context::<Store>(),
        use_context::<Shown>(),
        use_context::<JumpTo>(),
    ) else {
        return Html::default();
    };
    let order = use_state(|| KwicOrder::Position);
    // The lines are made only while the list is open.
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            if let Some(details) = event.target_dyn_into::<HtmlDetailsElement>() {
                open.set(details.open());
            }
        })
    };
    let record = &doc.record;
    let selection = &store.selection;
    let total = outcome.total_hits;
    let mut lines: Vec<KwicLine> = if *open {
        record
            .turns()
            .filter(|t| {
                outcome
                    .hits
                    .get(t.number as usize - 1)
                    .is_some_and(|&h| h > 0)
            })
            .flat_map(|turn| {
                let hits = doc.search.hits(turn, &selection.query).unwrap_or_default();
                let search = doc.search.clone();
                hits.into_iter().enumerate().map(move |(i, hit)| {
                    (
                        turn.number,
                        i,
                        turn.speaker,
                        search.kwic(turn.number, hit, KWIC_CONTEXT),
                    )
                })
            })
            .take(KWIC_LIMIT)
            .collect()
    } else {
        Vec::new()
    };
    if *order == KwicOrder::Speaker {
        lines.sort_by(|a, b| {
            record.people[a.2]
                .name
                .cmp(&record.people[b.2].name)
                .then(a.0.cmp(&b.0))
        });
    }
    let sort = |to: KwicOrder| {
        let order = order.clone();
        Callback::from(move |_: MouseEvent| order.set(to))
    };
    html! {
        <details class="kwic" {ontoggle}>
            <summary>{ text::kwic::summary(total) }</summary>
            if total > KWIC_LIMIT {
                <p class="kwic__limit">{ text::kwic::limit(KWIC_LIMIT) }</p>
            }
            <div class="filters__match" role="group" aria-label={text::kwic::ORDER}>
                <button type="button" class="chip" aria-pressed={(*order == KwicOrder::Position).to_string()} onclick={sort(KwicOrder::Position)}>{ text::kwic::IN_TEXT_ORDER }</button>
                <button type="button" class="chip" aria-pressed={(*order == KwicOrder::Speaker).to_string()} onclick={sort(KwicOrder::Speaker)}>{ text::kwic::BY_SPEAKER }</button>
            </div>
            <ol class="kwic__lines">
                { for lines.iter().map(|(turn, hit, speaker, (left, word, right))| {
                    let place = Place { turn: *turn, hit: Some(*hit) };
                    let onclick = match jump.clone() {
                        Some(JumpTo(jump)) => Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            jump.emit(place);
                        }),
                        None => Callback::noop(),
                    };
                    html! {
                        <li class="kwic__line">
                            <a class="kwic__turn" href={format!("#t{turn}")} {onclick}>{ format!("{turn}") }</a>
                            <span class="kwic__speaker">{ short_name(&record.people[*speaker]) }</span>
                            <span class="kwic__left"><span dir="ltr">{ left.clone() }</span></span>
                            <mark class="kwic__hit">{ word.clone() }</mark>
                            <span class="kwic__right">{ right.clone() }</span>
                        </li>
                    }
                }) }
            </ol>
        </details>
    }
}

/// A keyword-in-context line: turn, hit within it, speaker, and the text
/// left of the hit, the hit, the text right of it.
type KwicLine = (u32, usize, usize, (String, String, String));

/// The most keyword-in-context lines drawn at once.
const KWIC_LIMIT: usize = 500;

/// Characters of context either side of a keyword-in-context hit.
const KWIC_CONTEXT: usize = 48;
