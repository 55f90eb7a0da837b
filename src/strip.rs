//! The conversation strip: every turn in text order, as wide as its words,
//! coloured by speaker. Arrow keys step through the turns; Enter or a click
//! opens the turn in the reader.
//!
//! Public DOM contract: each segment carries `data-turn="{N}"`, the number of
//! the reader's `id="t{N}"`.

use parley_core::model::TurnKind;
use parley_core::timeline::{first_words, strip, MarkerKind, Strip};
use wasm_bindgen::JsCast;
use web_sys::{Element, SvgElement};
use yew::prelude::*;

use crate::clipboard::{copy_text, link_with_fragment};
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
/// The narrowest a segment is drawn, as a share of the strip, so one-word turns stay visible.
const MIN_WIDTH_SHARE: f64 = 0.0015;

/// The turn number carried by the event's target (or an ancestor), if any.
fn turn_of(event: &Event) -> Option<u32> {
    let target: Element = event.target()?.dyn_into().ok()?;
    target
        .closest("[data-turn]")
        .ok()??
        .get_attribute("data-turn")?
        .parse()
        .ok()
}

#[function_component(ConversationStrip)]
pub fn conversation_strip(props: &StripProps) -> Html {
    let doc = use_context::<Doc>();
    let jump = use_context::<JumpTo>();
    let layout = use_memo(doc.clone(), |doc| {
        doc.as_ref().map(|d| strip(&d.record)).unwrap_or_default()
    });
    let record = doc.as_ref().map(|d| d.record.clone());
    let shown = use_context::<Shown>().unwrap_or_default();
    // Turns outside the selection are veiled by one path drawn over them, so
    // that a change of selection does not redraw every segment.
    let veil = use_memo((layout.clone(), shown), |(layout, Shown(outcome))| {
        veil_path(layout, &outcome.shown)
    });
    let preview = use_state_eq(|| None::<u32>);
    let copied = use_state(|| None::<u32>);
    let focus = use_state_eq(|| None::<u32>);
    let svg = use_node_ref();
    let (Some(doc), Some(record)) = (doc, record) else {
        return Html::default();
    };
    let total = layout.total_words.max(1) as f64;
    let count = layout.segments.len() as u32;
    let roving = (*focus).or(props.current).unwrap_or(1);

    let onkeydown = {
        let focus = focus.clone();
        let svg = svg.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(now) = turn_of(&event) else { return };
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => now.saturating_add(1).min(count),
                "ArrowLeft" | "ArrowUp" => now.saturating_sub(1).max(1),
                "Home" => 1,
                "End" => count,
                _ => return,
            };
            event.prevent_default();
            focus.set(Some(next));
            let selector = format!("[data-turn=\"{next}\"]");
            if let Some(segment) = svg
                .cast::<Element>()
                .and_then(|s| s.query_selector(&selector).ok().flatten())
            {
                if let Ok(segment) = segment.dyn_into::<SvgElement>() {
                    // Focus fails only on a detached element.
                    let _ = segment.focus();
                }
            }
        })
    };
    let onclick = Callback::from(move |event: MouseEvent| {
        if let (Some(turn), Some(JumpTo(jump))) = (turn_of(&event), jump.as_ref()) {
            event.prevent_default();
            jump.emit(turn.into());
        }
    });
    let show = {
        let preview = preview.clone();
        Callback::from(move |event: Event| preview.set(turn_of(&event)))
    };
    let onmouseleave = {
        let preview = preview.clone();
        Callback::from(move |_: MouseEvent| preview.set(None))
    };
    let onfocusin = {
        let show = show.clone();
        let focus = focus.clone();
        Callback::from(move |event: FocusEvent| {
            focus.set(turn_of(&event));
            show.emit(event.into());
        })
    };
    let onmouseover = Callback::from(move |event: MouseEvent| show.emit(event.into()));

    let min_width = total * MIN_WIDTH_SHARE;
    let markers = layout.markers.iter().map(|m| {
        let class = match m.kind {
            MarkerKind::StageDirection => "strip__marker strip__marker--stage",
            MarkerKind::Lacuna => "strip__marker strip__marker--gap",
        };
        html! { <rect class={class} x={(m.at as f64 - min_width / 2.0).to_string()} y="0" width={min_width.to_string()} height={HEIGHT.to_string()} /> }
    });
    let now = props.current.and_then(|turn| layout.segments.iter().find(|s| s.turn == turn)).map(|s| {
        let width = (s.words as f64).max(min_width);
        html! { <rect class="strip__now" x={s.start.to_string()} y="34" width={width.to_string()} height="6" /> }
    });
    let caption_turn = (*preview).or(props.current);
    let caption = caption_turn
        .and_then(|turn| layout.segments.iter().find(|s| s.turn == turn))
        .map(|s| {
            let kind = if s.kind == TurnKind::Reported {
                " (reported)"
            } else {
                ""
            };
            format!(
                "Turn {} of {} · {}{kind} · {}",
                s.turn,
                count,
                record.people[s.speaker].name,
                first_words(&record, s.turn, 12)
            )
        });
    html! {
        <div class="strip">
            <svg ref={svg} class="strip__svg" viewBox={format!("0 0 {total} {HEIGHT}")} preserveAspectRatio="none"
                 role="group" aria-label={format!("Conversation strip: {count} turns in text order. Arrow keys move between turns, Enter opens one.")}
                 {onkeydown} {onclick} {onfocusin} {onmouseover} {onmouseleave}>
                <defs>
                    <pattern id="parley-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="strip__hatch-line" width="2" height="6" />
                    </pattern>
                </defs>
                <Segments {roving} />
                if !veil.is_empty() {
                    <path class="strip__out" d={(*veil).clone()} />
                }
                { for markers }
                { for now }
            </svg>
            <div class="strip__under">
                <p class="strip__caption">{ caption.unwrap_or_default() }</p>
                if let Some(turn) = props.current {
                    <button type="button" class="strip__copy" onclick={copy_turn(turn, copied.clone())}>
                        { if *copied == Some(turn) { format!("Link to turn {turn} copied") } else { format!("Copy link to turn {turn}") } }
                    </button>
                }
            </div>
            if props.legend {
                { legend(&doc) }
            }
        </div>
    }
}

/// Copies the link to a turn (`…#t42`), remembering which was copied for the button's label.
fn copy_turn(turn: u32, copied: UseStateHandle<Option<u32>>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if copy_text(&link_with_fragment(&format!("t{turn}"))) {
            copied.set(Some(turn));
        }
    })
}

/// An SVG path covering the segments of the turns not shown, run by run.
fn veil_path(layout: &Strip, shown: &[bool]) -> String {
    let min_width = layout.total_words.max(1) as f64 * MIN_WIDTH_SHARE;
    let mut path = String::new();
    let mut run: Option<(f64, f64)> = None;
    let close = |run: Option<(f64, f64)>, path: &mut String| {
        if let Some((from, to)) = run {
            path.push_str(&format!("M{from} 8h{}v24H{from}z", to - from));
        }
    };
    for segment in &layout.segments {
        let hidden = !shown
            .get(segment.turn as usize - 1)
            .copied()
            .unwrap_or(true);
        let end = segment.start as f64 + (segment.words as f64).max(min_width);
        run = match (hidden, run) {
            (true, Some((from, _))) => Some((from, end)),
            (true, None) => Some((segment.start as f64, end)),
            (false, run) => {
                close(run, &mut path);
                None
            }
        };
    }
    close(run, &mut path);
    path
}

#[derive(Properties, PartialEq)]
struct SegmentsProps {
    /// The segment in the tab order (roving tabindex).
    roving: u32,
}

/// The turns' segments: a component of its own so that hovering, the caption,
/// the reading position and the selection do not redraw every segment.
#[function_component(Segments)]
fn segments(props: &SegmentsProps) -> Html {
    let doc = use_context::<Doc>();
    let labels = use_memo(doc.clone(), |doc| match doc {
        Some(doc) => {
            let record = &doc.record;
            record
                .turns()
                .map(|turn| {
                    let kind = if turn.kind == TurnKind::Reported {
                        " (reported)"
                    } else {
                        ""
                    };
                    let name = &record.people[turn.speaker].name;
                    format!(
                        "Turn {}, {name}{kind}: {}",
                        turn.number,
                        first_words(record, turn.number, 8)
                    )
                })
                .collect()
        }
        None => Vec::<String>::new(),
    });
    let layout = use_memo(doc.clone(), |doc| {
        doc.as_ref().map(|d| strip(&d.record)).unwrap_or_default()
    });
    let Some(doc) = doc else {
        return Html::default();
    };
    let min_width = layout.total_words.max(1) as f64 * MIN_WIDTH_SHARE;
    layout
        .segments
        .iter()
        .map(|s| {
            let x = s.start as f64;
            let width = (s.words as f64).max(min_width);
            html! {
                <a href={format!("#t{}", s.turn)} data-turn={s.turn.to_string()}
                   aria-label={labels.get(s.turn as usize - 1).cloned().unwrap_or_default()}
                   tabindex={if s.turn == props.roving { "0" } else { "-1" }}>
                    <rect class={classes!("strip__seg", doc.speaker_class(s.speaker).to_string())}
                          x={x.to_string()} y="8" width={width.to_string()} height="24" />
                    if s.kind == TurnKind::Reported {
                        <rect class="strip__hatch" x={x.to_string()} y="8" width={width.to_string()} height="24" />
                    }
                </a>
            }
        })
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
        <ul class="legend" aria-label="Key to the strip">
            { for speakers }
            <li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class="swatch__plain" width="12" height="12" /><rect class="strip__hatch" width="12" height="12" /></svg>{ "hatched: reported turn" }</li>
            <li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class="strip__marker strip__marker--stage" x="5" width="2" height="12" /></svg>{ "stage direction" }</li>
            <li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect class="strip__marker strip__marker--gap" x="5" width="2" height="12" /></svg>{ "gap in the source" }</li>
        </ul>
    }
}
