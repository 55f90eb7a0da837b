//! The timeline view: the conversation strip, the series of meetings, and the
//! dates the record refers to on a time axis.

use parley_core::dates::{DateSource, DatedReference};
use parley_core::table::{date_range, dates_table, decimal};
use parley_core::text;
use parley_core::timeline::series;
use yew::prelude::*;

use crate::charts::TableBlock;
use crate::place::JumpTo;
use crate::reader::Doc;
use crate::strip::ConversationStrip;

#[function_component(TimelineView)]
pub fn timeline_view() -> Html {
    let doc = use_context::<Doc>();
    let jump = use_context::<JumpTo>();
    let table = use_memo(doc.clone(), |doc| {
        doc.as_ref()
            .map(|d| dates_table(&d.record))
            .unwrap_or_default()
    });
    let Some(doc) = doc else {
        return Html::default();
    };
    let meetings = series(&doc.record);
    let provenance = if doc.record.dated_reviewed {
        text::timeline::REVIEWED
    } else {
        text::timeline::EXTRACTED
    };
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ text::timeline::TITLE }</h2>
            <section aria-labelledby="strip-title">
                <h3 id="strip-title">{ text::timeline::STRIP_TITLE }</h3>
                <p class="stats__note">{ text::timeline::STRIP_HELP }</p>
                <ConversationStrip legend=true />
            </section>
            <section aria-labelledby="series-title">
                <h3 id="series-title">{ text::timeline::SERIES }</h3>
                <ol class="series">
                    { for meetings.iter().map(|m| html! {
                        <li class={classes!("series__meeting", m.current.then_some("series__meeting--current"))}>
                            <time datetime={m.date.iso()}>{ m.date.iso() }</time>
                            <span class="series__title">{ m.title.clone() }</span>
                            if m.current { <span class="series__this">{ text::timeline::THIS_RECORD }</span> }
                            if !m.summary.is_empty() { <p>{ m.summary.clone() }</p> }
                        </li>
                    }) }
                </ol>
            </section>
            <section aria-labelledby="dates-title">
                <h3 id="dates-title">{ text::timeline::DATES }</h3>
                <p class="stats__note">{ text::timeline::dates_note(doc.record.dated.len(), provenance) }</p>
                { dates_chart(&doc, jump) }
                <TableBlock caption={text::timeline::DATES_TABLE} file="parley-dates.csv" table={(*table).clone()} />
            </section>
        </section>
    }
}

const ROW: f64 = 22.0;
const LABEL: f64 = 330.0;
const AXIS: f64 = 360.0;
const TOP: f64 = 34.0;
/// Labels longer than this are cut (the full label is the row's accessible name and tooltip).
const LABEL_CHARS: usize = 46;

/// One row per dated reference on a shared time axis; a dot for a date, a bar for a period.
fn dates_chart(doc: &Doc, jump: Option<JumpTo>) -> Html {
    let record = &doc.record;
    let mut references: Vec<&DatedReference> = record.dated.iter().collect();
    references.sort_by_key(|r| (r.start, r.end));
    let Some(first) = references.first() else {
        return html! { <p>{ text::timeline::NO_DATES }</p> };
    };
    let last = references
        .iter()
        .map(|r| r.end.unwrap_or(r.start).year)
        .max()
        .unwrap_or(first.start.year);
    let from = f64::from(first.start.year / 5 * 5);
    let to = f64::from((last / 5 + 1) * 5).max(f64::from(record.date.year) + 1.0);
    let x = |year: f64| LABEL + (year - from) / (to - from) * AXIS;
    let height = TOP + ROW * references.len() as f64 + 8.0;
    let ticks = (0..)
        .map(|i| from + 5.0 * f64::from(i))
        .take_while(|&y| y <= to)
        .map(|year| {
            html! {
                <>
                    <line class="dates__tick" x1={decimal(x(year))} x2={decimal(x(year))} y1={decimal(TOP - 6.0)} y2={decimal(height)} />
                    <text class="dates__year" x={decimal(x(year))} y={decimal(TOP - 12.0)} text-anchor="middle">{ decimal(year) }</text>
                </>
            }
        });
    let now = x(parley_core::dates::PartialDate {
        year: record.date.year,
        month: Some(record.date.month),
        day: Some(record.date.day),
    }
    .as_year_fraction());
    let rows = references.iter().enumerate().map(|(i, r)| {
        let y = TOP + ROW * i as f64;
        let start = x(r.start.as_year_fraction());
        let mark = match r.end {
            Some(end) => {
                let width = (x(end.as_year_fraction()) - start).max(3.0);
                html! { <rect class="dates__span" x={decimal(start)} y={decimal(y + 6.0)} width={decimal(width)} height="10" rx="3" /> }
            }
            None => html! { <circle class="dates__dot" cx={decimal(start)} cy={decimal(y + 11.0)} r="5" /> },
        };
        let short: String = r.label.chars().take(LABEL_CHARS).collect();
        let short = if r.label.chars().count() > LABEL_CHARS { format!("{short}…") } else { short };
        let label = format!("{}: {} ({})", date_range(r), r.label, r.source);
        let target = match (r.turn, r.source) {
            (Some(turn), _) | (None, DateSource::Turn(turn)) => format!("#t{turn}"),
            (None, DateSource::Note(note)) => format!("#note-{note}"),
        };
        let onclick = match (r.turn, jump.clone()) {
            (Some(turn), Some(JumpTo(jump))) => Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                jump.emit(turn.into());
            }),
            _ => Callback::noop(),
        };
        html! {
            <a href={target} aria-label={label.clone()} {onclick} class="dates__row">
                <title>{ label }</title>
                <rect class="dates__hit" x="0" y={decimal(y)} width={decimal(LABEL + AXIS + 10.0)} height={decimal(ROW)} />
                <text class="dates__label" x={decimal(LABEL - 10.0)} y={decimal(y + 15.0)} text-anchor="end">{ short }</text>
                { mark }
            </a>
        }
    });
    html! {
        <svg class="chart chart--dates" viewBox={format!("0 0 {} {}", decimal(LABEL + AXIS + 20.0), decimal(height))} role="group"
             aria-labelledby="dates-chart-title">
            <title id="dates-chart-title">{ text::timeline::axis(decimal(from), decimal(to)) }</title>
            { for ticks }
            <line class="dates__now" x1={decimal(now)} x2={decimal(now)} y1={decimal(TOP - 6.0)} y2={decimal(height)} />
            { for rows }
        </svg>
    }
}
