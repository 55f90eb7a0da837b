//! Component tests: the viewer rendered in headless Chromium with the embedded record.
//! Run with `cargo test --target wasm32-unknown-unknown` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use parley_web::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders the viewer into a fresh element and waits until rendering has finished.
/// The viewer reads its state from the URL, so each test starts from a bare one.
async fn mount() -> Element {
    let window = gloo::utils::window();
    let path = window.location().pathname().expect("a path");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some(&path))
        .expect("replaced");
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("a div");
    gloo::utils::body().append_child(&root).expect("appended");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no {selector}"))
}

#[wasm_bindgen_test]
async fn every_turn_follows_the_dom_contract() {
    let root = mount().await;
    // The reader draws the turns near the window until asked for the whole text.
    let drawn = all(&root, ".turn").len();
    assert!((1..100).contains(&drawn), "{drawn} turns drawn at first");
    let whole: HtmlElement = one(&root, ".reader__whole button")
        .dyn_into()
        .expect("a button");
    whole.click();
    yew::scheduler::flush().await;
    let turns = all(&root, ".turn");
    assert_eq!(turns.len(), 263);
    for (i, turn) in turns.iter().enumerate() {
        assert_eq!(turn.id(), format!("t{}", i + 1));
        let kind = turn.get_attribute("data-kind").unwrap_or_default();
        assert!(
            kind == "direct" || kind == "reported",
            "t{}: data-kind {kind:?}",
            i + 1
        );
        assert!(turn
            .get_attribute("data-speaker")
            .is_some_and(|s| !s.is_empty()));
    }
    assert_eq!(all(&root, "[data-kind=reported]").len(), 8);
    assert_eq!(
        turns[0].get_attribute("data-speaker").as_deref(),
        Some("mao-zedong")
    );
    assert_eq!(
        turns[1].get_attribute("data-speaker").as_deref(),
        Some("khrushchev")
    );
    assert_eq!(all(&root, "[data-speaker=fedorenko]").len(), 1);
    assert_eq!(all(&root, ".notes li[id^=note-]").len(), 39);
    assert_eq!(all(&root, ".lacuna").len(), 5);
    assert_eq!(all(&root, ".stage-direction").len(), 2);
    assert_eq!(all(&root, ".turn .editorial").len(), 6);
    root.remove();
}

#[wasm_bindgen_test]
async fn note_popover_opens_and_escape_closes_it_returning_focus() {
    let root = mount().await;
    let button: HtmlElement = one(&root, "#ref-2").dyn_into().expect("a button");
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let popover_id = button.get_attribute("aria-controls").unwrap_or_default();
    let popover = one(&root, &format!("#{popover_id}"));
    assert!(popover
        .text_content()
        .unwrap_or_default()
        .contains("disturbances in Hungary"));

    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    let escape =
        KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("an event");
    popover.dispatch_event(&escape).expect("dispatched");
    yew::scheduler::flush().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(root
        .query_selector(&format!("#{popover_id}"))
        .ok()
        .flatten()
        .is_none());
    let focused = gloo::utils::document().active_element();
    assert_eq!(focused.map(|e| e.id()).as_deref(), Some("ref-2"));
    root.remove();
}

#[wasm_bindgen_test]
async fn present_lists_show_speakers_silent_members_and_the_absent_speaker() {
    let root = mount().await;
    let groups = all(&root, ".present__group");
    assert_eq!(groups.len(), 3);
    let text = |e: &Element| e.text_content().unwrap_or_default();
    assert!(text(&groups[0]).starts_with(
        "Soviet delegationCdes. Khrushchev, Malinovsky, Kuznetsov, Ponomarev, Antonov;"
    ));
    assert!(text(&groups[1]).contains("Present, silent: Lin Biao, Peng Zhen"));
    assert!(text(&groups[2]).contains("Nikolai T. Fedorenko"));
    let khrushchev = one(&root, ".present [data-person=khrushchev] .person__turns");
    assert_eq!(text(&khrushchev), "118 turns");
    root.remove();
}

/// Shows a view by pressing its button in the app bar.
async fn show_view(root: &Element, label: &str) {
    let button = all(root, ".views__button")
        .into_iter()
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no {label} button"));
    button.dyn_into::<HtmlElement>().expect("a button").click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_strip_draws_turns_as_paths_and_moves_one_link() {
    let root = mount().await;
    // One path per speaker (9) and one of hatching over reported turns.
    assert_eq!(all(&root, ".strip path.strip__seg").len(), 9);
    assert_eq!(all(&root, ".strip path.strip__hatch").len(), 1);
    // Roving focus: one link, on turn 1; arrow keys and End move it.
    let links = all(&root, ".strip [data-turn]");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].get_attribute("data-turn").as_deref(), Some("1"));
    let link = links[0]
        .clone()
        .dyn_into::<web_sys::SvgElement>()
        .expect("svg");
    link.focus().expect("focusable");
    for key in ["ArrowRight", "ArrowRight", "ArrowLeft", "End"] {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event =
            KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("an event");
        gloo::utils::document()
            .active_element()
            .expect("focus")
            .dispatch_event(&event)
            .expect("dispatched");
        yew::scheduler::flush().await;
        if key == "ArrowLeft" {
            let focused = gloo::utils::document()
                .active_element()
                .and_then(|e| e.get_attribute("data-turn"));
            assert_eq!(focused.as_deref(), Some("2"));
        }
    }
    let focused = gloo::utils::document()
        .active_element()
        .and_then(|e| e.get_attribute("data-turn"));
    assert_eq!(focused.as_deref(), Some("263"));
    root.remove();
}

/// The words of each speaker, as drawn by the chart and as written in the table.
#[wasm_bindgen_test]
async fn statistics_tables_hold_the_charts_numbers() {
    let root = mount().await;
    show_view(&root, "Statistics").await;
    let bars = all(&root, "svg[aria-labelledby^=\"chart-speakers\"] .bar");
    assert_eq!(bars.len(), 9, "one bar per speaker");
    let tables = all(&root, ".table-block table");
    assert_eq!(tables.len(), 3);
    for bar in &bars {
        let key = bar.get_attribute("data-key").unwrap_or_default();
        let row = one(&tables[0], &format!("tr[data-key=\"{key}\"]"));
        // Columns: Speaker (th), Delegation, Direct, Reported, Words, …
        let words = all(&row, "td")[3].text_content().unwrap_or_default();
        assert_eq!(bar.get_attribute("data-value"), Some(words), "{key}");
    }
    // Everyone present is in the table, the silent with zero turns.
    let kuznetsov = one(&tables[0], "tr[data-key=\"kuznetsov\"]");
    assert_eq!(
        all(&kuznetsov, "td")[1].text_content().as_deref(),
        Some("0")
    );
    // The heat map's cells add up to the counted pairs and match the matrix table.
    let cells = all(&root, ".heat__cell");
    assert_eq!(cells.len(), 81);
    let total: u32 = cells
        .iter()
        .filter_map(|c| c.get_attribute("data-count")?.parse::<u32>().ok())
        .sum();
    assert_eq!(total, 255);
    let khrushchev_row = one(&tables[2], "tr[data-key=\"khrushchev\"]");
    let to_mao = one(
        &root,
        ".heat__cell[data-from=\"khrushchev\"][data-to=\"mao-zedong\"]",
    );
    assert_eq!(to_mao.get_attribute("data-count").as_deref(), Some("101"));
    assert_eq!(
        all(&khrushchev_row, "td")[1].text_content().as_deref(),
        Some("101")
    );
    root.remove();
}
