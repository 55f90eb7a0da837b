//! The reader: the record as published, with its apparatus.
//!
//! Public DOM contract (embedding sites may style it, tests rely on it):
//! each turn is an element `id="t{N}"` with `data-speaker="{person id}"` and
//! `data-kind="direct"|"reported"`; each note is `id="note-{n}"`; the first
//! reference to note n is `id="ref-{n}"`.

use parley_core::text;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use parley_core::model::{Block, Document, Paragraph, Person, Turn, TurnKind};
use std::collections::HashSet;

use parley_core::filter::Outcome;
use parley_core::search::{Query, SearchIndex};
use parley_core::stats::{counts, Counts};
use parley_core::window::{window, Window};
use wasm_bindgen::JsCast;
use web_sys::{
    Element, FocusOptions, HtmlElement, KeyboardEvent, ScrollIntoViewOptions, ScrollLogicalPosition,
};
use yew::prelude::*;

use crate::filters::SEARCH_ID;
use crate::host::Host;
use crate::inline::{inlines, inlines_marked};
use crate::palette::{delegation_class, speaker_classes};
use crate::place::{Place, Target};
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

/// What the current selection shows, computed once per change and shared by
/// context (compared by pointer).
#[derive(Clone, Default)]
pub struct Shown(pub Rc<Outcome>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Scrolls to the page's fragment when it names something other than a turn
/// (`#note-8`): the browser resolved it before the record was rendered.
fn scroll_to_fragment(host: &Host) {
    if *host != Host::Page {
        return;
    }
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        if let Some(target) = host.by_id(id) {
            target.scroll_into_view();
        }
        focus_element(host, id);
    }
}

/// Focuses the element with this id, if it exists, without scrolling: the
/// caller has scrolled it to where it should stand.
pub fn focus_element(host: &Host, id: &str) {
    let element = host.by_id(id);
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let options = FocusOptions::new();
        options.set_prevent_scroll(true);
        // Focus fails only on a detached element; there is nothing to do then.
        let _ = element.focus_with_options(&options);
    }
}

/// A row of the dialogue: a block the reader shows, or a run of hidden blocks
/// (`first..end`, holding `turns` turns) drawn as one "n turns hidden" row.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Row {
    Block(usize),
    Hidden {
        first: usize,
        end: usize,
        turns: usize,
    },
}

impl Row {
    fn first_block(self) -> usize {
        match self {
            Row::Block(block) | Row::Hidden { first: block, .. } => block,
        }
    }
}

/// How far beyond the window's edges rows are drawn, in CSS pixels, so that
/// scrolling a little never shows empty space.
const OVERSCAN: f64 = 800.0;
/// Scroll positions are rounded to this many pixels: the reader redraws when
/// the reading position moves this far, not on every scroll event.
const SCROLL_STEP: f64 = 200.0;

/// The part of the dialogue in the window, in its own coordinates (0 = its
/// top), rounded to [`SCROLL_STEP`].
#[derive(Clone, Copy, Debug, PartialEq)]
struct Band {
    top: i32,
    bottom: i32,
}

impl Band {
    /// Before the dialogue is laid out: a typical first screenful. Fixed, so
    /// that the reader prerendered at build time and its first render in
    /// the browser agree (hydration); the real band follows at once.
    fn initial() -> Band {
        Band {
            top: 0,
            bottom: 900,
        }
    }

    /// Where `dialogue` stands in the viewer's viewport now.
    fn of(dialogue: &Element, host: &Host) -> Band {
        let (view_top, view_bottom) = host.viewport();
        // Above the dialogue, its first screenful is drawn, ready for a scroll.
        let top = (view_top - dialogue.get_bounding_client_rect().top()).max(0.0);
        let bottom = top + (view_bottom - view_top);
        Band {
            top: ((top / SCROLL_STEP).floor() * SCROLL_STEP) as i32,
            bottom: ((bottom / SCROLL_STEP).ceil() * SCROLL_STEP) as i32,
        }
    }
}

/// Heights of the dialogue's rows, measured once drawn; the others are
/// estimated from their length. The estimate's scale is taken once, from the
/// first rows drawn, and then kept: were it to change, every row not drawn
/// would move.
struct Heights {
    /// Per block; 0 until measured.
    blocks: Vec<f64>,
    /// Per block, its [`rough_height`] (computed once).
    rough: Vec<f64>,
    /// A "turns hidden" row (all are alike); 0 until measured.
    hidden_row: f64,
    /// Pixels per unit of [`rough_height`], once calibrated.
    scale: Option<f64>,
}

/// Pixels per unit of [`rough_height`] before calibration (a 40 rem column).
const DEFAULT_SCALE: f64 = 0.38;

/// The length of a block, in characters plus 50 a paragraph: roughly
/// proportional to its height in a given column.
fn rough_height(block: &Block) -> f64 {
    let paragraphs = match block {
        Block::Turn(turn) => &turn.paragraphs[..],
        Block::StageDirection(paragraph) => std::slice::from_ref(paragraph),
        Block::Lacuna { .. } => &[],
    };
    50.0 + paragraphs
        .iter()
        .map(|p| 50.0 + parley_core::model::plain_text(&p.inlines).len() as f64)
        .sum::<f64>()
}

impl Heights {
    fn new(doc: &Document) -> Heights {
        Heights {
            blocks: vec![0.0; doc.blocks.len()],
            rough: doc.blocks.iter().map(rough_height).collect(),
            hidden_row: 0.0,
            scale: None,
        }
    }

    fn row(&self, row: Row) -> f64 {
        match row {
            Row::Block(block) => match self.blocks.get(block) {
                Some(&height) if height > 0.0 => height,
                _ => {
                    let scale = self.scale.unwrap_or(DEFAULT_SCALE);
                    self.rough.get(block).copied().unwrap_or(0.0) * scale
                }
            },
            Row::Hidden { .. } if self.hidden_row > 0.0 => self.hidden_row,
            Row::Hidden { .. } => 40.0,
        }
    }

    /// Records the drawn rows' heights (the distances between their tops);
    /// true when this calibrated the estimates, which moves the rows not drawn.
    fn measure(&mut self, dialogue: &Element) -> bool {
        let Some(rows) = dialogue.query_selector(".dialogue__rows").ok().flatten() else {
            return false;
        };
        let children = rows.children();
        let mut tops: Vec<(Option<usize>, bool, f64)> = (0..children.length())
            .filter_map(|i| children.item(i))
            .map(|child| {
                let block = child
                    .get_attribute("data-block")
                    .and_then(|b| b.parse().ok());
                let hidden = child.has_attribute("data-hidden-run");
                (block, hidden, child.get_bounding_client_rect().top())
            })
            .collect();
        // The last row ends where the rows do (they contain their margins).
        tops.push((None, false, rows.get_bounding_client_rect().bottom()));
        let (mut measured, mut rough) = (0.0, 0.0);
        for pair in tops.windows(2) {
            let (block, hidden, top) = pair[0];
            let height = pair[1].2 - top;
            match block {
                Some(_) if hidden => self.hidden_row = height,
                Some(block) if block < self.blocks.len() => {
                    self.blocks[block] = height;
                    measured += height;
                    rough += self.rough[block];
                }
                _ => {}
            }
        }
        if self.scale.is_none() && measured > 0.0 {
            self.scale = Some(measured / rough);
            return true;
        }
        false
    }
}

/// Empty space standing in for rows not drawn. An SVG's `height` is an
/// attribute, not a style, so it is allowed under a strict content security
/// policy, and it is part of the render, not set afterwards.
fn spacer(pixels: f64) -> Html {
    html! {
        <svg class="dialogue__spacer" width="1" height={parley_core::table::fixed(pixels, 0)} aria-hidden="true" focusable="false"></svg>
    }
}

#[function_component(Reader)]
pub fn reader() -> Html {
    let (Some(shared), Some(Shown(outcome))) = (use_context::<Doc>(), use_context::<Shown>())
    else {
        return Html::default();
    };
    let target = use_context::<Target>().unwrap_or_default();
    let doc = shared.record.clone();
    // `_eq`: scrolling within a turn must not re-render the reader.
    let current = use_state_eq(|| 1u32);
    // Shared by every turn drawn; the same pointer while the search is unchanged.
    let query = use_context::<Store>()
        .map(|store| store.selection.query.clone())
        .unwrap_or_default();
    let query = use_memo(query, Query::clone);
    let blocks = use_memo((shared.clone(), Shown(outcome.clone())), |(doc, shown)| {
        shown_blocks(&doc.record, &shown.0)
    });
    // Runs of hidden turns the reader opened (by their first block), until the selection changes.
    let expanded = use_state_eq(HashSet::<usize>::new);
    {
        let expanded = expanded.clone();
        use_effect_with(Shown(outcome.clone()), move |_| {
            expanded.set(HashSet::new())
        });
    }
    let rows = use_memo(
        (blocks.clone(), (*expanded).clone()),
        |(blocks, expanded)| rows(&doc, blocks, expanded),
    );
    let host = use_context::<Host>().unwrap_or_default();
    let band = use_state_eq(Band::initial);
    let heights = {
        let doc = doc.clone();
        use_mut_ref(move || Heights::new(&doc))
    };
    // Every row at once: asked for (find in page, screen readers), or
    // printing, or in a frame that grows to its content (`parent`), whose
    // window is the whole page.
    let auto_height = use_context::<Store>().is_some_and(|store| store.embed.parent.is_some());
    let whole = use_state_eq(|| auto_height);
    let printing = use_state_eq(|| false);
    // The place being brought into view, until it has been.
    let pending = use_state_eq(|| None::<Place>);
    let redraw = use_force_update();
    let dialogue = use_node_ref();
    {
        // A new place to show: open its run if hidden, then draw and scroll to it.
        let pending = pending.clone();
        let expanded = expanded.clone();
        let blocks = blocks.clone();
        let doc = shared.record.clone();
        let host = host.clone();
        use_effect_with(target, move |target| {
            if let Some(place) = target.place {
                if let Some(block) = block_of_turn(&doc, place.turn) {
                    if !blocks[block] {
                        let first = (0..block).rev().find(|&b| blocks[b]).map_or(0, |b| b + 1);
                        let mut open = (*expanded).clone();
                        open.insert(first);
                        expanded.set(open);
                    }
                    pending.set(Some(place));
                }
            } else {
                scroll_to_fragment(&host);
            }
        });
    }
    {
        // Follow the window: the band drawn, and the turn under the reading line.
        let current = current.clone();
        let band = band.clone();
        let dialogue = dialogue.clone();
        let printing = printing.clone();
        let whole = whole.clone();
        let host = host.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            // In the capture phase, to hear a <parley-viewer> element's own scrolling too.
            let scroll = EventListener::new_with_options(
                &window,
                "scroll",
                EventListenerOptions::run_in_capture_phase(),
                move |_| {
                    if let Some(element) = dialogue.cast::<Element>() {
                        band.set(Band::of(&element, &host));
                        if let Some(turn) = turn_at_reading_line(&host, &element) {
                            current.set(turn);
                        }
                    }
                },
            );
            let before_print = {
                let printing = printing.clone();
                EventListener::new(&window, "beforeprint", move |_| printing.set(true))
            };
            let after_print = {
                let printing = printing.clone();
                EventListener::new(&window, "afterprint", move |_| printing.set(false))
            };
            // Printing without the print events (a PDF made by a headless browser).
            let print_media = window.match_media("print").ok().flatten().map(|media| {
                let query = media.clone();
                EventListener::new(&media, "change", move |_| printing.set(query.matches()))
            });
            // The browser's find in page (Ctrl+F, ⌘F, F3) searches what is
            // laid out: lay out everything before its bar opens.
            let find = EventListener::new(&window, "keydown", move |event| {
                if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                    let key = event.key();
                    let find =
                        (event.ctrl_key() || event.meta_key()) && key.eq_ignore_ascii_case("f");
                    if find || key == "F3" {
                        whole.set(true);
                    }
                }
            });
            move || drop((scroll, before_print, after_print, print_media, find))
        });
    }
    let keep = pending
        .and_then(|place| block_of_turn(&doc, place.turn))
        .and_then(|block| rows.iter().position(|row| row.first_block() == block));
    let row_heights: Vec<f64> = {
        let heights = heights.borrow();
        rows.iter().map(|&row| heights.row(row)).collect()
    };
    let drawn = if *whole || *printing {
        Window {
            start: 0,
            end: rows.len(),
            ..Window::default()
        }
    } else {
        window(
            &row_heights,
            f64::from(band.top) - OVERSCAN,
            f64::from(band.bottom) + OVERSCAN,
            keep,
        )
    };
    {
        // After drawing: measure, and finish bringing a place into view.
        let heights = heights.clone();
        let dialogue = dialogue.clone();
        let pending = pending.clone();
        let band = band.clone();
        let redraw = redraw.clone();
        let current = current.clone();
        let host = host.clone();
        use_effect(move || {
            if let Some(element) = dialogue.cast::<Element>() {
                band.set(Band::of(&element, &host));
                if heights.borrow_mut().measure(&element) {
                    // The rows not drawn moved: draw again before scrolling anywhere.
                    redraw.force_update();
                } else if let Some(place) = *pending {
                    if reveal(&host, place) {
                        current.set(place.turn);
                        band.set(Band::of(&element, &host));
                        pending.set(None);
                    }
                }
            }
        });
    }
    let current_hit = target.place.filter(|place| place.hit.is_some());
    let whole_toggle = {
        let whole = whole.clone();
        Callback::from(move |_: MouseEvent| whole.set(!*whole))
    };
    html! {
        <>
            <PresentLists />
            <div class="strip-bar">
                <ConversationStrip current={Some(*current)} />
            </div>
            <p class="reader__whole">
                <button type="button" class="button" aria-pressed={whole.to_string()} onclick={whole_toggle}>
                    { text::reader::WHOLE_TEXT }
                </button>
                <span class="reader__whole-help">{ text::reader::WHOLE_TEXT_HELP }</span>
            </p>
            <section id="dialogue" ref={dialogue.clone()} class="dialogue" aria-label={text::reader::CONVERSATION} tabindex="-1"
                     lang={doc.publication.language.clone()}>
                { spacer(drawn.before) }
                <div class="dialogue__rows">
                { for rows[drawn.start..drawn.end].iter().map(|&row| match row {
                    Row::Block(index) => {
                        let turn = match &doc.blocks[index] {
                            Block::Turn(turn) => Some(turn.number),
                            _ => None,
                        };
                        let current = current_hit.filter(|p| Some(p.turn) == turn).and_then(|p| p.hit);
                        let targeted = target.place.is_some_and(|p| Some(p.turn) == turn);
                        html! { <BlockView key={index} {index} query={query.clone()} {current} {targeted} /> }
                    }
                    Row::Hidden { first, end, turns } => hidden_run(first, end, turns, &expanded),
                }) }
                </div>
                { spacer(drawn.after) }
            </section>
            <BackMatter />
        </>
    }
}

/// The index in `Document::blocks` of the turn numbered `turn`.
fn block_of_turn(doc: &Document, turn: u32) -> Option<usize> {
    doc.blocks
        .iter()
        .position(|block| matches!(block, Block::Turn(t) if t.number == turn))
}

/// Scrolls a drawn place into view; false if it is not drawn yet.
fn reveal(host: &Host, place: Place) -> bool {
    let id = format!("t{}", place.turn);
    let Some(turn) = host.by_id(&id) else {
        return false;
    };
    let mark = place
        .hit
        .and_then(|_| turn.query_selector("mark[data-current]").ok().flatten());
    match mark {
        Some(mark) => {
            let options = ScrollIntoViewOptions::new();
            options.set_block(ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
        }
        None => turn.scroll_into_view(),
    }
    // The turn takes focus, unless the reader is stepping through hits from
    // the search box, where the next Enter must land.
    let searching = host.active_element().is_some_and(|e| e.id() == SEARCH_ID);
    if !searching {
        focus_element(host, &id);
    }
    true
}

/// Which blocks the selection shows: its turns, and the stage directions and
/// gaps next to a shown turn.
fn shown_blocks(record: &Document, outcome: &Outcome) -> Vec<bool> {
    let mut turns = outcome.shown.iter();
    let fits: Vec<Option<bool>> = record
        .blocks
        .iter()
        .map(|block| match block {
            Block::Turn(_) => Some(turns.next().copied().unwrap_or(true)),
            _ => None,
        })
        .collect();
    (0..fits.len())
        .map(|i| match fits[i] {
            Some(fits) => fits,
            None => nearest_fits(fits[..i].iter().rev()) || nearest_fits(fits[i + 1..].iter()),
        })
        .collect()
}

/// Whether the first turn along `blocks` fits the selection.
fn nearest_fits<'a>(mut blocks: impl Iterator<Item = &'a Option<bool>>) -> bool {
    blocks.find_map(|fits| *fits).unwrap_or(false)
}

/// The dialogue's rows: shown blocks, and each run of hidden ones as one row
/// (unless the reader opened it).
fn rows(doc: &Document, shown: &[bool], expanded: &HashSet<usize>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut index = 0;
    while index < shown.len() {
        let end = (index..shown.len())
            .find(|&i| shown[i] != shown[index])
            .unwrap_or(shown.len());
        if shown[index] || expanded.contains(&index) {
            rows.extend((index..end).map(Row::Block));
        } else {
            let turns = doc.blocks[index..end]
                .iter()
                .filter(|b| matches!(b, Block::Turn(_)))
                .count();
            rows.push(Row::Hidden {
                first: index,
                end,
                turns,
            });
        }
        index = end;
    }
    rows
}

/// A run of hidden blocks: a row that opens it.
fn hidden_run(
    first: usize,
    end: usize,
    turns: usize,
    expanded: &UseStateHandle<HashSet<usize>>,
) -> Html {
    let onclick = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| {
            let mut open = (*expanded).clone();
            open.insert(first);
            expanded.set(open);
        })
    };
    let label = text::reader::hidden_turns(turns);
    html! {
        <p key={format!("hidden-{first}-{end}")} class="hidden-run" data-block={first.to_string()} data-hidden-run="">
            <button type="button" class="hidden-run__button" {onclick}>{ label }<span class="hidden-run__action">{ text::reader::SHOW_HIDDEN }</span></button>
        </p>
    }
}

/// The number of the turn under the reading line, a quarter of the way down
/// the viewport, in the middle of the dialogue's column.
fn turn_at_reading_line(host: &Host, dialogue: &Element) -> Option<u32> {
    let (top, bottom) = host.viewport();
    let column = dialogue.get_bounding_client_rect();
    let x = column.left() + column.width() / 2.0;
    let element = host.element_from_point(x, top + (bottom - top) / 4.0)?;
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
        Some(role) => text::present::name_with_role(&person.name, role),
        None => person.name.clone(),
    };
    let speaker_item = |person: &Person, turns: usize| {
        html! {
            <li class={classes!("person", delegation_class(doc, person))} data-person={person.id.clone()}>
                <span class="person__name">{ person.name.clone() }</span>
                if let Some(role) = &person.role { <span class="person__role">{ role.clone() }</span> }
                <span class="person__turns">{ text::present::turns(turns) }</span>
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
                    <p class="present__silent">{ text::present::silent(silent.join(", ")) }</p>
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
        <section class="present" aria-labelledby="present-title" lang={doc.publication.language.clone()}>
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
                { group(text::present::NOT_LISTED.to_string(), None, absent) }
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
    /// The hit (0-based, within the turn) marked as the current one.
    current: Option<usize>,
    /// The turn last opened from elsewhere (a link, the strip, a table), highlighted.
    targeted: bool,
}

/// One element of the dialogue: a turn, a stage direction or a lacuna.
#[function_component(BlockView)]
fn block_view(props: &BlockProps) -> Html {
    let Some(shared) = use_context::<Doc>() else {
        return Html::default();
    };
    match &shared.record.blocks[props.index] {
        Block::Turn(turn) => turn_view(&shared, props, turn),
        Block::StageDirection(paragraph) => html! {
            <p class="stage-direction" data-block={props.index.to_string()}>{ inlines(&paragraph.inlines) }</p>
        },
        Block::Lacuna { .. } => html! {
            <p class="lacuna" data-block={props.index.to_string()}><span>{ text::reader::GAP }</span></p>
        },
    }
}

fn turn_view(shared: &Doc, props: &BlockProps, turn: &Turn) -> Html {
    let query = &props.query;
    let hits = if query.is_empty() {
        Vec::new()
    } else {
        shared.search.hits(turn, query).unwrap_or_default()
    };
    let marks = |paragraph: usize| -> Vec<(usize, usize, bool)> {
        hits.iter()
            .enumerate()
            .filter(|(_, h)| h.paragraph == paragraph)
            .map(|(i, h)| (h.start, h.end, props.current == Some(i)))
            .collect()
    };
    let speaker = shared.record.speaker(turn);
    let kind_class = match turn.kind {
        TurnKind::Direct => "turn--direct",
        TurnKind::Reported => "turn--reported",
    };
    let separator = turn.kind.label_separator();
    let title = match &speaker.role {
        Some(role) => text::reader::speaker_with_role(&speaker.name, role),
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
             class={classes!("turn", kind_class, shared.speaker_class(turn.speaker).to_string(), props.targeted.then_some("turn--target"))}
             tabindex="-1"
             data-block={props.index.to_string()}
             data-turn={turn.number.to_string()}
             data-speaker={speaker.id.clone()}
             data-kind={turn.kind.as_str()}>
            <a class="turn__number" href={format!("#t{}", turn.number)} aria-label={text::reader::turn_number(turn.number)}>
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
            <section class="source" aria-labelledby="source-title" lang={doc.publication.language.clone()}>
                <h2 id="source-title">{ text::reader::SOURCE }</h2>
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
                <section class="notes" aria-labelledby="notes-title" lang={doc.publication.language.clone()}>
                    <h2 id="notes-title">{ text::reader::NOTES }</h2>
                    <ol>
                        { for doc.notes.iter().map(|note| html! {
                            <li id={format!("note-{}", note.number)} value={note.number.to_string()}>
                                { for note.paragraphs.iter().map(|p| html! { <p>{ inlines(&p.inlines) }</p> }) }
                                <a class="note__back" href={format!("#ref-{}", note.number)}
                                   aria-label={text::reader::back_to_reference(note.number)}>{ "↩" }</a>
                            </li>
                        }) }
                    </ol>
                </section>
            }
            if let Some(heading) = &doc.related_heading {
                <section class="related" aria-labelledby="related-title" lang={doc.publication.language.clone()}>
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
