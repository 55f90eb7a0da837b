//! The statistics view: who speaks how much, per delegation, who answers whom,
//! and what each speaker talks about, each with its definition and table.

use parley_core::distinctive::{distinctive_words, Distinctive};
use parley_core::filter::Outcome;
use parley_core::model::Person;
use parley_core::model::Turn;
use parley_core::stats::{counts_where, turn_taking, Counts, TurnTaking, DEFINITIONS};
use parley_core::table::{
    decimal, delegation_table, fixed, percent, speaker_table, turn_taking_table, Table,
};
use parley_core::text;
use yew::prelude::*;

use crate::charts::{Bar, BarChart, TableBlock};
use crate::reader::{Doc, Shown};
use crate::state::{Action, Store};
use parley_core::url_state::ViewName;

/// How many distinctive words are listed per speaker.
const DISTINCTIVE_LIMIT: usize = 10;

/// Everything the view shows, computed once per record.
struct Statistics {
    counts: Counts,
    taking: TurnTaking,
    /// People with at least one turn, most words first.
    speakers: Vec<usize>,
    distinctive: Vec<Vec<Distinctive>>,
    speaker_table: Table,
    delegation_table: Table,
    taking_table: Table,
}

impl Statistics {
    fn of(doc: &Doc, outcome: &Outcome) -> Statistics {
        let record = &doc.record;
        let include = |turn: &Turn| {
            outcome
                .shown
                .get(turn.number as usize - 1)
                .copied()
                .unwrap_or(true)
        };
        let counts = counts_where(record, include);
        let taking = turn_taking(record, include);
        let mut speakers: Vec<usize> = counts.speakers().map(|s| s.person).collect();
        speakers.sort_by_key(|&p| std::cmp::Reverse(counts.people[p].tally.words));
        Statistics {
            speaker_table: speaker_table(record, &counts),
            delegation_table: delegation_table(record, &counts),
            taking_table: turn_taking_table(record, &taking, &speakers),
            distinctive: distinctive_words(record, include, DISTINCTIVE_LIMIT),
            counts,
            taking,
            speakers,
        }
    }
}

/// The name used where space is short: as listed under "Present", else the last word of the name.
pub fn short_name(person: &Person) -> String {
    person.present_as.clone().unwrap_or_else(|| {
        person
            .name
            .rsplit(' ')
            .next()
            .unwrap_or(&person.name)
            .to_string()
    })
}

#[function_component(StatsView)]
pub fn stats_view() -> Html {
    let doc = use_context::<Doc>();
    let store = use_context::<Store>();
    let selection = store
        .as_ref()
        .map(|store| store.selection.clone())
        .unwrap_or_default();
    let shown = use_context::<Shown>().unwrap_or_default();
    let stats = use_memo((doc.clone(), shown), |(doc, Shown(outcome))| {
        doc.as_ref().map(|doc| Statistics::of(doc, outcome))
    });
    let (Some(doc), Some(stats), Some(store)) = (doc, stats.as_ref(), store) else {
        return Html::default();
    };
    let record = &doc.record;
    let words_text = |words: usize, share: f64| text::stats::bar_text(words, percent(share));
    let speaker_bars: Vec<Bar> = stats
        .speakers
        .iter()
        .map(|&p| {
            let tally = &stats.counts.people[p].tally;
            Bar {
                key: record.people[p].id.clone(),
                label: record.people[p].name.clone(),
                value: tally.words as f64,
                text: words_text(tally.words, tally.share),
                class: doc.speaker_class(p).to_string(),
            }
        })
        .collect();
    let delegation_bars: Vec<Bar> = stats
        .counts
        .delegations
        .iter()
        .map(|c| {
            let delegation = c.delegation.map(|d| &record.delegations[d]);
            Bar {
                key: delegation.map_or_else(|| "none".to_string(), |d| d.id.clone()),
                label: delegation.map_or_else(
                    || text::tables::NO_DELEGATION.to_string(),
                    |d| d.name.clone(),
                ),
                value: c.tally.words as f64,
                text: words_text(c.tally.words, c.tally.share),
                class: delegation.map_or_else(
                    || "deleg-none sp-0".to_string(),
                    |d| format!("deleg-{} sp-0", d.id),
                ),
            }
        })
        .collect();
    let all_turns = record.turns().count();
    let scope = if selection.is_active() {
        text::stats::scope_selected(
            stats.counts.turns,
            all_turns,
            stats.counts.words,
            selection.describe(record),
        )
    } else {
        text::stats::scope_all(all_turns, stats.counts.words)
    };
    html! {
        <section class="stats" aria-labelledby="stats-title">
            <h2 id="stats-title">{ text::stats::TITLE }</h2>
            <p class="stats__scope">{ scope }</p>
            <details class="definitions">
                <summary>{ text::stats::DEFINITIONS }</summary>
                <dl>
                    { for DEFINITIONS.iter().map(|(term, definition)| html! {
                        <><dt>{ *term }</dt><dd>{ *definition }</dd></>
                    }) }
                </dl>
            </details>

            <section aria-labelledby="who-title">
                <h3 id="who-title">{ text::stats::WHO_SPEAKS }</h3>
                <BarChart id="chart-speakers" title={text::stats::WORDS_PER_SPEAKER}
                    description={text::stats::words_per_speaker_description(stats.counts.words)}
                    bars={speaker_bars} />
                <TableBlock caption={text::stats::SPEAKERS_TABLE} file="parley-speakers.csv" table={stats.speaker_table.clone()} />
            </section>

            <section aria-labelledby="delegations-title">
                <h3 id="delegations-title">{ text::stats::DELEGATIONS }</h3>
                <BarChart id="chart-delegations" title={text::stats::WORDS_PER_DELEGATION}
                    description={text::stats::WORDS_PER_DELEGATION_DESCRIPTION}
                    bars={delegation_bars} />
                <TableBlock caption={text::stats::DELEGATIONS_TABLE} file="parley-delegations.csv" table={stats.delegation_table.clone()} />
            </section>

            <section aria-labelledby="answers-title">
                <h3 id="answers-title">{ text::stats::WHO_ANSWERS }</h3>
                { heat_map(&doc, stats) }
                <p class="stats__note">{ text::stats::pairs(stats.taking.total(), stats.taking.broken_by_stage_direction, stats.taking.broken_by_lacuna) }</p>
                <TableBlock caption={text::stats::ANSWERS_TABLE} file="parley-turn-taking.csv" table={stats.taking_table.clone()} />
            </section>

            <section aria-labelledby="topics-title">
                <h3 id="topics-title">{ text::stats::TALKS_ABOUT }</h3>
                <p class="stats__note">{ text::stats::TALKS_ABOUT_NOTE }</p>
                <ul class="distinctive">
                    { for stats.speakers.iter().map(|&p| {
                        let words = &stats.distinctive[p];
                        html! {
                            <li class={classes!("distinctive__speaker", doc.speaker_class(p).to_string())}>
                                <span class="distinctive__name">{ record.people[p].name.clone() }</span>
                                if words.is_empty() {
                                    <span class="distinctive__none">{ text::stats::TOO_FEW_WORDS }</span>
                                } else {
                                    <ul class="distinctive__words">
                                        { for words.iter().map(|w| html! {
                                            <li data-word={w.word.clone()}>
                                                <button type="button" class="distinctive__word" onclick={search_for(&store, &w.word)}
                                                        aria-label={text::stats::search_word(&w.word, w.count)}>
                                                    { w.word.clone() }<span class="distinctive__count">{ format!(" {}", w.count) }</span>
                                                </button>
                                            </li>
                                        }) }
                                    </ul>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </section>
    }
}

/// Searches the transcript for a word and shows the matches.
fn search_for(store: &Store, word: &str) -> Callback<MouseEvent> {
    let store = store.clone();
    let word = word.to_string();
    Callback::from(move |_: MouseEvent| {
        store.dispatch(Action::Search(word.clone()));
        store.dispatch(Action::Show(ViewName::Reader));
    })
}

const CELL: f64 = 44.0;
const HEADER: f64 = 110.0;

/// The turn-taking matrix as a heat map: darker cells for more frequent pairs, every count written.
fn heat_map(doc: &Doc, stats: &Statistics) -> Html {
    let record = &doc.record;
    let n = stats.speakers.len() as f64;
    let max = stats
        .taking
        .follows
        .iter()
        .flatten()
        .copied()
        .max()
        .unwrap_or(1)
        .max(1);
    let size = HEADER + CELL * n;
    // The column labels, turned 55°, lean right by 0.7 of their rise: room for the last one.
    let width = size + HEADER * 0.7;
    let names: Vec<String> = stats
        .speakers
        .iter()
        .map(|&p| short_name(&record.people[p]))
        .collect();
    let cells = stats.speakers.iter().enumerate().flat_map(|(r, &a)| {
        let names = &names;
        stats.speakers.iter().enumerate().map(move |(c, &b)| {
            let count = stats.taking.follows[a][b];
            let strength = f64::from(count) / f64::from(max);
            let (x, y) = (HEADER + CELL * c as f64, HEADER + CELL * r as f64);
            html! {
                <g class="heat__cell" data-from={record.people[a].id.clone()} data-to={record.people[b].id.clone()} data-count={count.to_string()}>
                    <rect class="heat__rect" x={decimal(x)} y={decimal(y)} width={decimal(CELL)} height={decimal(CELL)}
                          fill-opacity={fixed(if count == 0 { 0.0 } else { 0.12 + 0.88 * strength }, 3)} />
                    <text class={classes!("heat__count", (strength > 0.5).then_some("heat__count--on-dark"))}
                          x={decimal(x + CELL / 2.0)} y={decimal(y + CELL / 2.0 + 5.0)} text-anchor="middle">
                        { if count == 0 { "·".to_string() } else { count.to_string() } }
                    </text>
                    <title>{ text::stats::heat_cell(&names[r], &names[c], count) }</title>
                </g>
            }
        })
    });
    html! {
        <svg class="chart chart--heat" viewBox={format!("0 0 {} {}", decimal(width), decimal(size))} width={decimal(width)} role="img" aria-labelledby="heat-title heat-desc">
            <title id="heat-title">{ text::stats::WHO_ANSWERS }</title>
            <desc id="heat-desc">{ text::stats::HEAT_DESCRIPTION }</desc>
            { for names.iter().enumerate().map(|(i, name)| html! {
                <>
                    <text class="heat__label" x={decimal(HEADER - 6.0)} y={decimal(HEADER + CELL * i as f64 + CELL / 2.0 + 5.0)} text-anchor="end">{ name.clone() }</text>
                    <text class="heat__label" text-anchor="start"
                          transform={format!("translate({} {}) rotate(-55)", decimal(HEADER + CELL * i as f64 + CELL / 2.0), decimal(HEADER - 6.0))}>{ name.clone() }</text>
                </>
            }) }
            { for cells }
        </svg>
    }
}
