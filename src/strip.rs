//! The conversation strip: every turn in text order, as wide as its words,
//! coloured by speaker. The turns are drawn as one path per speaker, so the
//! strip costs a few elements at any length; one link stands on the turn in
//! the tab order (a roving focus): arrow keys, Home and End move it, Enter
//! or a click opens the turn in the reader.
//!
//! Public DOM contract: the strip's link carries `data-turn="{N}"`, the
//! number of the reader's `id="t{N}"`, for the turn it stands on.

use parley_core::model::TurnKind;
use parley_core::table::decimal;
use parley_core::text;
use parley_core::timeline::{first_words, strip, MarkerKind, Segment, MIN_WIDTH_SHARE};
use web_sys::Element;
use yew::prelude::*;

use crate::clipboard::copy_text;
use crate::dialogs::{Dialog, OpenDialog};
use crate::host::Host;
use crate::place::JumpTo;
use crate::reader::{Doc, Shown};

#[derive(Properties, PartialEq)]
pub struct StripProps {
    /// The turn at the reader's position, marked on the strip.
    #[prop_or_default]
    pub current: Option<u32>,
    /// Show the key to colours and markers.
    #[prop_or_default]
    pub legend: bool,
}

/// Height of the drawing, in its own units (the width is the record's words).
const HEIGHT: f64 = 40.0;

/// "Turn 5 of 263 · Mao Zedong · Today we can talk…"
fn describe(doc: &Doc, segment: &Segment, count: usize) -> String {
    let record = &doc.record;
    let kind = if segment.kind == TurnKind::Reported {
        text::strip::REPORTED
    } else {
        ""
    };
    text::strip::turn(
        segment.turn,
        count,
        &record.people[segment.speaker].name,
        kind,
        first_words(record, segment.turn, 12),
    )
}

#[function_component(ConversationStrip)]
pub fn conversation_strip(props: &StripProps) -> Html {
    let doc = use_context::<Doc>();
    let jump = use_context::<JumpTo>();
    let cite = use_context::<OpenDialog>();
    let host = use_context::<Host>().unwrap_or_default();
    let layout = use_memo(doc.clone(), |doc| {
        doc.as_ref().map(|d| strip(&d.record)).unwrap_or_default()
    });
    let shown = use_context::<Shown>().unwrap_or_default();
    // Turns outside the selection are veiled by one path drawn over them.
    let veil = use_memo((layout.clone(), shown), |(layout, Shown(outcome))| {
        if outcome.shown.iter().all(|&s| s) {
            String::new()
        } else {
            layout.path_where(|s| {
                !outcome
                    .shown
                    .get(s.turn as usize - 1)
                    .copied()
                    .unwrap_or(true)
            })
        }
    });
    // The turn under the pointer; the turn the link stands on (once moved).
    let preview = use_state_eq(|| None::<u32>);
    let focus = use_state_eq(|| None::<u32>);
    // What the last keyboard move announces to screen readers.
    let announced = use_state_eq(String::new);
    let copied = use_state(|| None::<u32>);
    let svg = use_node_ref();
    let Some(doc) = doc else {
        return Html::default();
    };
    let total = layout.total_words.max(1) as f64;
    let count = layout.segments.len();
    let segment_of = |turn: u32| layout.segments.get((turn as usize).checked_sub(1)?);
    let roving = (*focus).or(props.current).unwrap_or(1);

    // The turn under the pointer, from its position along the drawing.
    let turn_at_pointer = {
        let svg = svg.clone();
        let layout = layout.clone();
        move |event: &MouseEvent| -> Option<u32> {
            let rect = svg.cast::<Element>()?.get_bounding_client_rect();
            let share = (f64::from(event.client_x()) - rect.left()) / rect.width().max(1.0);
            layout.turn_at(share * total).map(|s| s.turn)
        }
    };
    let onkeydown = {
        let focus = focus.clone();
        let announced = announced.clone();
        let doc = doc.clone();
        let layout = layout.clone();
        Callback::from(move |event: KeyboardEvent| {
            let last = count as u32;
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => roving.saturating_add(1).min(last),
                "ArrowLeft" | "ArrowUp" => roving.saturating_sub(1).max(1),
                "Home" => 1,
                "End" => last,
                _ => return,
            };
            event.prevent_default();
            focus.set(Some(next));
            if let Some(segment) = layout.segments.get(next as usize - 1) {
                announced.set(describe(&doc, segment, count));
            }
        })
    };
    let onclick = {
        let turn_at_pointer = turn_at_pointer.clone();
        Callback::from(move |event: MouseEvent| {
            // Enter on the link clicks it without a pointer (detail 0).
            let turn = if event.detail() == 0 {
                Some(roving)
            } else {
                turn_at_pointer(&event)
            };
            if let (Some(turn), Some(JumpTo(jump))) = (turn, jump.as_ref()) {
                event.prevent_default();
                jump.emit(turn.into());
            }
        })
    };
    let onmousemove = {
        let preview = preview.clone();
        Callback::from(move |event: MouseEvent| preview.set(turn_at_pointer(&event)))
    };
    let onmouseleave = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(None))
    };
    let onfocusin = {
        let focus = focus.clone();
        Callback::from(move |_: FocusEvent| focus.set(Some(roving)))
    };

    let min_width = total * MIN_WIDTH_SHARE;
    let segment_rect = |segment: &Segment, class: &'static str, y: f64, height: f64| {
        let width = (segment.words as f64).max(min_width);
        html! { <rect class={class} x={segment.start.to_string()} y={decimal(y)} width={decimal(width)} height={decimal(height)} /> }
    };
    let markers = layout.markers.iter().map(|m| {
        let class = match m.kind {
            MarkerKind::StageDirection => "strip__marker strip__marker--stage",
            MarkerKind::Lacuna => "strip__marker strip__marker--gap",
        };
        html! { <rect class={class} x={decimal(m.at as f64 - min_width / 2.0)} y="0" width={decimal(min_width)} height={decimal(HEIGHT)} /> }
    });
    let now = props
        .current
        .and_then(segment_of)
        .map(|s| segment_rect(s, "strip__now", 34.0, 6.0));
    let hover = (*preview)
        .and_then(segment_of)
        .map(|s| segment_rect(s, "strip__hover", 8.0, 24.0));
    let caption = (*preview)
        .or((*focus).or(props.current))
        .and_then(segment_of)
        .map(|s| describe(&doc, s, count));
    let link = segment_of(roving).map(|s| {
        html! {
            <a class="strip__link" href={format!("#t{roving}")} data-turn={roving.to_string()}
               aria-label={describe(&doc, s, count)} {onkeydown} {onfocusin}>
                { segment_rect(s, "strip__focus", 6.0, 28.0) }
            </a>
        }
    });
    html! {
        <div class="strip">
            <svg ref={svg} class="strip__svg" viewBox={format!("0 0 {total} {}", decimal(HEIGHT))} preserveAspectRatio="none"
                 role="group" aria-label={text::strip::label(count)}
                 {onclick} {onmousemove} {onmouseleave}>
                <defs>
                    <pattern id="parley-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="strip__hatch-line" width="2" height="6" />
                    </pattern>
                </defs>
                <Segments />
                if !veil.is_empty() {
                    <path class="strip__out" d={(*veil).clone()} />
                }
                { for markers }
                { for hover }
                { for now }
                { for link }
            </svg>
            <div class="strip__under">
                <p class="strip__caption">{ caption.unwrap_or_default() }</p>
                <p class="visually-hidden" aria-live="polite">{ (*announced).clone() }</p>
                if let Some(turn) = props.current {
                    <button type="button" class="strip__copy" onclick={copy_turn(host.clone(), turn, copied.clone())}>
                        { if *copied == Some(turn) { text::strip::link_copied(turn) } else { text::strip::copy_link(turn) } }
                    </button>
                    if let Some(OpenDialog(open)) = cite.clone() {
                        <button type="button" class="strip__copy" onclick={Callback::from(move |_: MouseEvent| open.emit(Dialog::Cite(Some(turn))))}>
                            { text::strip::cite_turn(turn) }
                        </button>
                    }
                }
            </div>
            if props.legend {
                { legend(&doc) }
            }
        </div>
    }
}

/// Copies the link to a turn (`…#t42`), remembering which was copied for the button's label.
fn copy_turn(host: Host, turn: u32, copied: UseStateHandle<Option<u32>>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if copy_text(&host.link_with_fragment(&format!("t{turn}"))) {
            copied.set(Some(turn));
        }
    })
}

/// The turns, as one path per speaker and one of hatching over reported
/// turns: a component of its own, drawn once per record.
#[function_component(Segments)]
fn segments() -> Html {
    let doc = use_context::<Doc>();
    let paths = use_memo(doc.clone(), |doc| {
        let Some(doc) = doc else {
            return Vec::new();
        };
        let layout = strip(&doc.record);
        let mut speakers: Vec<usize> = layout.segments.iter().map(|s| s.speaker).collect();
        speakers.sort_unstable();
        speakers.dedup();
        let mut paths: Vec<(String, String)> = speakers
            .into_iter()
            .map(|p| {
                let class = format!("strip__seg {}", doc.speaker_class(p));
                (class, layout.path_where(|s| s.speaker == p))
            })
            .collect();
        paths.push((
            "strip__hatch".to_string(),
            layout.path_where(|s| s.kind == TurnKind::Reported),
        ));
        paths
    });
    paths
        .iter()
        .filter(|(_, d)| !d.is_empty())
        .map(|(class, d)| html! { <path class={class.clone()} d={d.clone()} /> })
        .collect()
}

/// The key: one swatch per speaker, then the reported pattern and the markers.
fn legend(doc: &Doc) -> Html {
    let record = &doc.record;
    let speakers = (0..record.people.len()).filter(|&p| record.speaks(p)).map(|p| {
        html! {
            <li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class={classes!("strip__seg", doc.speaker_class(p).to_string())} width="12" height="12" /></svg>{ record.people[p].name.clone() }</li>
        }
    });
    html! {
        <ul class="legend" aria-label={text::strip::KEY}>
            { for speakers }
            <li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class="swatch__plain" width="12" height="12" /><rect class="strip__hatch" width="12" height="12" /></svg>{ text::strip::KEY_REPORTED }</li>
            <li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class="strip__marker strip__marker--stage" x="5" width="2" height="12" /></svg>{ text::strip::KEY_STAGE }</li>
            <li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class="strip__marker strip__marker--gap" x="5" width="2" height="12" /></svg>{ text::strip::KEY_GAP }</li>
        </ul>
    }
}
