//! Untrusted URLs: each malformed one is ignored in part, with a notice naming the part.

use parley_core::embed::{Embed, Theme};
use parley_core::model::TurnKind;
use parley_core::url_state::{parse, to_query, Known, UrlState, ViewName, MAX_QUERY};

const KNOWN: Known = Known {
    topics: &["blocs", "japan", "great-leap"],
    speakers: &["khrushchev", "mao-zedong", "zhou-enlai"],
    entries: &["eisenhower", "japan"],
    sections: 2,
    turns: 263,
};

#[test]
fn a_well_formed_url_round_trips() {
    let query = "q=%22paper+tiger%22+cucumbers&topics=blocs,japan&match=all&speakers=mao-zedong&kind=reported&section=2&mention=eisenhower&view=stats&embed=1&theme=dark&accent=%231D4F91&parent=https%3A%2F%2Fmuseum.example";
    let (state, notices) = parse(query, "t42", &KNOWN);
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(
        state,
        UrlState {
            query: "\"paper tiger\" cucumbers".into(),
            topics: vec!["blocs".into(), "japan".into()],
            match_all: true,
            speakers: vec!["mao-zedong".into()],
            kind: Some(TurnKind::Reported),
            section: Some(2),
            mention: Some("eisenhower".into()),
            view: ViewName::Stats,
            turn: Some(42),
            embed: Embed {
                compact: true,
                theme: Theme::Dark,
                accent: Some("#1d4f91".into()),
                parent: Some("https://museum.example".into()),
                offline: true,
            },
        }
    );
    assert_eq!(parse(&to_query(&state), "t42", &KNOWN), (state, Vec::new()));
}

#[test]
fn malformed_urls_are_ignored_part_by_part_with_a_notice() {
    let long_query = format!("q={}", "a".repeat(MAX_QUERY + 50));
    let huge = format!("q=x&{}", "topics=blocs&".repeat(500));
    let cases: Vec<(&str, &str, &str)> = vec![
        ("topics=nato", "", "topics: unknown nato"),
        ("topics=blocs,,nato,blocs", "", "topics: unknown nato"),
        ("speakers=stalin", "", "speakers: unknown stalin"),
        ("speakers=%", "", "“speakers=%”: not a valid URL parameter"),
        (
            "speakers=%zz",
            "",
            "“speakers=%zz”: not a valid URL parameter",
        ),
        ("q=%FF%FE", "", "“q=%FF%FE”: not a valid URL parameter"),
        ("match=some", "", "match: “some” is neither “any” nor “all”"),
        (
            "kind=indirect",
            "",
            "kind: “indirect” is neither “direct” nor “reported”",
        ),
        ("section=0", "", "section: “0” is not a section from 1 to 2"),
        ("section=3", "", "section: “3” is not a section from 1 to 2"),
        (
            "section=-1",
            "",
            "section: “-1” is not a section from 1 to 2",
        ),
        (
            "section=1e3",
            "",
            "section: “1e3” is not a section from 1 to 2",
        ),
        (
            "section=99999999999999999999",
            "",
            "section: “99999999999999999999” is not a section from 1 to 2",
        ),
        (
            "view=print",
            "",
            "view: “print” is not reader, stats, timeline or index",
        ),
        ("utm_source=mail", "", "“utm_source”: unknown parameter"),
        ("mention=stalin", "", "mention: unknown stalin"),
        ("", "t0", "#t0: not a turn of this record"),
        ("", "t264", "#t264: not a turn of this record"),
        ("", "t-1", "#t-1: not a turn of this record"),
        ("", "tx", "#tx: not a turn of this record"),
        (
            "",
            "<script>alert(1)</script>",
            "#<script>alert(1)</script>: not a turn of this record",
        ),
        ("", "t4%200", "#t4%200: not a turn of this record"),
        (&long_query, "", "q: longer than 200 characters, cut"),
        (
            &huge,
            "",
            "the address is longer than 4096 characters; only its start was read",
        ),
        (
            "kind=%E2%80%AEreported",
            "",
            "kind: “\u{202e}reported” is neither “direct” nor “reported”",
        ),
    ];
    let mut failures = Vec::new();
    for (query, fragment, notice) in &cases {
        let (_, notices) = parse(query, fragment, &KNOWN);
        if notices.first().map(String::as_str) != Some(*notice) {
            failures.push(format!(
                "?{query}#{fragment}: expected {notice:?}, got {notices:?}"
            ));
        }
    }
    assert!(cases.len() >= 20);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_view_has_a_name_in_the_url() {
    for view in [
        ViewName::Reader,
        ViewName::Stats,
        ViewName::Timeline,
        ViewName::Index,
    ] {
        let state = UrlState {
            view,
            ..UrlState::default()
        };
        assert_eq!(parse(&to_query(&state), "", &KNOWN), (state, Vec::new()));
    }
}

#[test]
fn what_is_valid_survives_next_to_what_is_not() {
    let (state, notices) = parse(
        "topics=blocs,nato&kind=both&speakers=khrushchev&q=%20war%20",
        "t9",
        &KNOWN,
    );
    assert_eq!(state.topics, ["blocs"]);
    assert_eq!(state.speakers, ["khrushchev"]);
    assert_eq!(state.kind, None);
    assert_eq!(state.query, "war");
    assert_eq!(state.turn, Some(9));
    assert_eq!(notices.len(), 2);
    let (state, _) = parse("q=x", "note-8", &KNOWN);
    assert_eq!(
        state.turn, None,
        "note fragments are the reader's own anchors, not an error"
    );
}
