//! People, places and organisations the dialogue mentions: who mentions them,
//! and a way to show just the turns that do.

use parley_core::mentions::EntryKind;
use parley_core::text;
use parley_core::url_state::ViewName;
use yew::prelude::*;

use crate::reader::Doc;
use crate::state::{Action, Store};
use crate::stats_view::short_name;

const KINDS: [(EntryKind, &str); 3] = [
    (EntryKind::Person, text::index::PEOPLE),
    (EntryKind::Place, text::index::PLACES),
    (EntryKind::Organisation, text::index::ORGANISATIONS),
];

#[function_component(IndexView)]
pub fn index_view() -> Html {
    let (Some(doc), Some(store)) = (use_context::<Doc>(), use_context::<Store>()) else {
        return Html::default();
    };
    let record = &doc.record;
    if record.index.is_empty() {
        return html! { <section class="index"><h2>{ text::index::TITLE }</h2><p>{ text::index::NONE }</p></section> };
    }
    // Turn number → speaker, to count mentions per speaker.
    let speaker_of: Vec<usize> = record.turns().map(|t| t.speaker).collect();
    let groups = KINDS.iter().map(|&(kind, title)| {
        let mut entries: Vec<(usize, &parley_core::mentions::IndexEntry)> =
            record.index.iter().enumerate().filter(|(_, e)| e.kind == kind).collect();
        entries.sort_by(|a, b| b.1.turns.len().cmp(&a.1.turns.len()).then_with(|| a.1.name.cmp(&b.1.name)));
        let items = entries.into_iter().map(|(i, entry)| {
            let mut by_speaker: Vec<(usize, usize)> = Vec::new();
            for &turn in &entry.turns {
                let speaker = speaker_of.get(turn as usize - 1).copied().unwrap_or(0);
                match by_speaker.iter_mut().find(|(s, _)| *s == speaker) {
                    Some((_, n)) => *n += 1,
                    None => by_speaker.push((speaker, 1)),
                }
            }
            by_speaker.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
            let who: Vec<String> =
                by_speaker.iter().map(|(s, n)| format!("{} {n}", short_name(&record.people[*s]))).collect();
            let onclick = {
                let store = store.clone();
                Callback::from(move |_: MouseEvent| {
                    store.dispatch(Action::Mention(Some(i)));
                    store.dispatch(Action::Show(ViewName::Reader));
                })
            };
            let turns = entry.turns.len();
            html! {
                <li class="index__entry" data-entry={entry.id.clone()}>
                    <button type="button" class="index__show" {onclick}
                            aria-label={text::index::show_turns(turns, &entry.name)}>
                        <span class="index__name">{ entry.name.clone() }</span>
                        <span class="index__count">{ text::index::turns(turns) }</span>
                    </button>
                    if !entry.description.is_empty() { <span class="index__description">{ entry.description.clone() }</span> }
                    <span class="index__who">{ text::index::mentioned_by(who.join(", ")) }</span>
                </li>
            }
        });
        html! {
            <section aria-labelledby={format!("index-{title}")}>
                <h3 id={format!("index-{title}")}>{ title }</h3>
                <ul class="index__list">{ for items }</ul>
            </section>
        }
    });
    html! {
        <section class="index" aria-labelledby="index-title">
            <h2 id="index-title">{ text::index::TITLE }</h2>
            <p class="stats__note">{ text::index::HELP }</p>
            { for groups }
        </section>
    }
}
