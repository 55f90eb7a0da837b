//! Filters on the statistics fixture (see tests/stats.rs for its six turns), with a topics file.
//! Sections: turns 1–3 come before "Following a break", turns 4–6 after it.

use parley_core::filter::Selection;
use parley_core::model::TurnKind;
use parley_core::search::{Query, SearchIndex};
use parley_core::topics::parse_topics;
use parley_core::{parse, Document, Metadata};

const FIXTURE: &str = include_str!("fixtures/stats.txt");
const TOPICS: &str = r#"
[[topic]]
id = "steel"
label = "Steel"
description = "Steel."

[[topic]]
id = "grain"
label = "Grain"
description = "Grain."

[turns]
1 = ["steel", "grain"]
2 = ["steel", "grain"]
3 = ["grain"]
4 = ["steel"]
5 = ["steel"]
6 = ["grain"]
"#;
const MAO: usize = 2;
const STEEL: u64 = 1;
const GRAIN: u64 = 2;

fn fixture() -> (Document, SearchIndex) {
    let meta =
        "stage_directions = [\"Following a break\"]\nsection_breaks = [\"Following a break\"]\n";
    let meta = Metadata::parse("stats.meta.toml", meta).unwrap_or_else(|e| panic!("{e}"));
    let mut doc = parse("stats.txt", FIXTURE, &meta).unwrap_or_else(|e| panic!("{e}"));
    doc.topics =
        parse_topics("stats.topics.toml", TOPICS, &doc).unwrap_or_else(|e| panic!("{e:?}"));
    let search = SearchIndex::new(&doc);
    (doc, search)
}

fn shown(doc: &Document, search: &SearchIndex, selection: &Selection) -> Vec<u32> {
    doc.turns()
        .filter(|t| selection.fits(doc, search, t))
        .map(|t| t.number)
        .collect()
}

#[test]
fn each_filter_and_their_combination() {
    let (doc, search) = fixture();
    let all = Selection::default();
    assert_eq!(shown(&doc, &search, &all), [1, 2, 3, 4, 5, 6]);
    assert!(!all.is_active());
    let steel = Selection {
        topics: STEEL,
        ..Selection::default()
    };
    assert_eq!(shown(&doc, &search, &steel), [1, 2, 4, 5]);
    let either = Selection {
        topics: STEEL | GRAIN,
        ..Selection::default()
    };
    assert_eq!(shown(&doc, &search, &either), [1, 2, 3, 4, 5, 6]);
    let both = Selection {
        topics: STEEL | GRAIN,
        match_all: true,
        ..Selection::default()
    };
    assert_eq!(shown(&doc, &search, &both), [1, 2]);
    let mao = Selection {
        speakers: vec![MAO],
        ..Selection::default()
    };
    assert_eq!(shown(&doc, &search, &mao), [1, 3, 6]);
    let mao_reported = Selection {
        kind: Some(TurnKind::Reported),
        ..mao.clone()
    };
    assert_eq!(shown(&doc, &search, &mao_reported), [3]);
    let after_break = Selection {
        section: Some(2),
        ..Selection::default()
    };
    assert_eq!(shown(&doc, &search, &after_break), [4, 5, 6]);
    assert_eq!(
        doc.sections,
        ["Start of the conversation", "Following a break"]
    );
    let grain = Selection {
        query: Query::parse("GRAIN"),
        ..Selection::default()
    };
    assert_eq!(shown(&doc, &search, &grain), [1, 2, 3, 6]);
    let phrase = Selection {
        query: Query::parse("\"steel first\""),
        ..Selection::default()
    };
    assert_eq!(shown(&doc, &search, &phrase), [2]);
}

#[test]
fn chips_count_under_the_other_filters_and_the_selection_reads_as_words() {
    let (doc, search) = fixture();
    let selection = Selection {
        topics: STEEL,
        speakers: vec![MAO],
        query: Query::parse("grain"),
        ..Selection::default()
    };
    // Mao's turns that mention grain: 1, 3, 6. Of those, steel: 1; grain: 1, 3, 6.
    assert_eq!(selection.topic_counts(&doc, &search), [1, 3]);
    assert_eq!(shown(&doc, &search, &selection), [1]);
    assert_eq!(
        selection.describe(&doc),
        "topic Steel; speaker Mao Zedong; search “grain”"
    );
}

#[test]
fn search_hits_point_into_the_text() {
    let (doc, search) = fixture();
    let turn = doc.turns().nth(5).unwrap_or_else(|| panic!("six turns"));
    let hits = search
        .hits(turn, &Query::parse("grain"))
        .unwrap_or_default();
    assert_eq!(hits.len(), 3);
    let text = search.paragraph_text(6, 0);
    assert_eq!(&text[hits[1].start..hits[1].end], "grain");
    // "Grain, grain, grain.": context cut at a word boundary, "…" where the text goes on.
    let line = |i: usize, context: usize| {
        let (left, hit, right) = search.kwic(6, hits[i], context);
        format!("{left}[{hit}]{right}")
    };
    assert_eq!(line(0, 8), "[Grain], grain,…");
    assert_eq!(line(2, 20), "Grain, grain, [grain].");
    assert_eq!(line(2, 8), "…grain, [grain].");
}

#[test]
fn topics_files_are_checked() {
    let (doc, _) = fixture();
    let bad = TOPICS.replace("6 = [\"grain\"]", "6 = [\"rice\"]\n7 = [\"grain\"]");
    let errors = parse_topics("t.toml", &bad, &doc).err().unwrap_or_default();
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("unknown topic \"rice\"")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"7\" is not a turn of the record (1 to 6)")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("turn 6 has no topic")),
        "{messages:?}"
    );
}

/// The one-pass evaluation agrees, on the real record, with the turn-by-turn
/// rules: shown turns, chip counts and hits, for searches the word index
/// answers alone (terms, prefixes, diacritics) and ones it only narrows
/// (phrases, apostrophes, punctuation first).
#[test]
fn evaluation_agrees_with_the_rules_on_the_record() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../transcripts/1958-08-02-third-conversation.txt");
    let doc = parley_core::corpus::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let search = SearchIndex::new(&doc);
    let queries = [
        "",
        "c",
        "cucumber",
        "WAR",
        "war's",
        "\"the americans\"",
        "\"we will\" steel",
        "nato seato",
        "u.s.",
        "\"[",
        "-",
        "1958",
        "zzz",
        "mao khrushchev",
    ];
    let mut checked_hits = 0;
    for (i, text) in queries.iter().enumerate() {
        for (topics, match_all, speakers) in [
            (0, false, vec![]),
            (0b101, false, vec![]),
            (0b11, true, vec![0]),
        ] {
            let selection = Selection {
                query: Query::parse(text),
                topics,
                match_all,
                speakers,
                section: (i % 3 == 1).then_some(1),
                ..Selection::default()
            };
            let outcome = selection.evaluate(&doc, &search);
            let rules: Vec<bool> = doc
                .turns()
                .map(|t| selection.fits(&doc, &search, t))
                .collect();
            assert_eq!(outcome.shown, rules, "{text:?}");
            assert_eq!(outcome.shown_turns, rules.iter().filter(|&&s| s).count());
            assert_eq!(
                outcome.topic_counts,
                selection.topic_counts(&doc, &search),
                "{text:?}"
            );
            let hits: Vec<u32> = doc
                .turns()
                .zip(&rules)
                .map(|(t, &shown)| match search.hits(t, &selection.query) {
                    Some(hits) if shown && !selection.query.is_empty() => hits.len() as u32,
                    _ => 0,
                })
                .collect();
            if selection.query.is_empty() {
                assert!(outcome.hits.is_empty());
            } else {
                assert_eq!(outcome.hits, hits, "{text:?}");
            }
            checked_hits += outcome.total_hits;
        }
    }
    assert!(
        checked_hits > 500,
        "the queries find something: {checked_hits}"
    );
}

#[test]
fn hits_are_located_in_text_order() {
    let (doc, search) = fixture();
    let selection = Selection {
        query: Query::parse("grain"),
        ..Selection::default()
    };
    let outcome = selection.evaluate(&doc, &search);
    let expected: Vec<(u32, usize)> = doc
        .turns()
        .flat_map(|t| {
            let n = search.hits(t, &selection.query).map_or(0, |h| h.len());
            (0..n).map(move |i| (t.number, i))
        })
        .collect();
    assert!(expected.len() >= 5);
    let located: Vec<(u32, usize)> = (0..outcome.total_hits)
        .filter_map(|n| outcome.locate_hit(n))
        .collect();
    assert_eq!(located, expected);
    assert_eq!(outcome.locate_hit(outcome.total_hits), None);
}
