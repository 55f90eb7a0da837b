//! Statistics on a small fixture, with every answer worked out by hand, and on the real record.
//!
//! Fixture turns (words; question?; note refs):
//! t1 Mao direct "Steel and grain matter. Do you agree?[1]"      7, yes, 1
//! t2 Khrushchev direct "Yes. Steel first." + "Grain later, then steel again."  3 + 5 = 8
//! t3 Mao reported "says that grain [?] matters most."           5 ("[?]" is editorial: no question)
//!    — stage direction "Following a break" —
//! t4 Zhou direct "Steel?"                                        1, yes
//! t5 Khrushchev direct "Steel."                                  1
//!    — lacuna —
//! t6 Mao direct "Grain, grain, grain."                           3
//! People: 0 Khrushchev, 1 Malinovsky (silent), 2 Mao Zedong, 3 Zhou Enlai.

use std::path::Path;

use parley_core::corpus::load_file;
use parley_core::distinctive::distinctive_words;
use parley_core::model::TurnKind;
use parley_core::stats::{counts, counts_where, turn_taking, Longest, Tally};
use parley_core::{parse, Document, Metadata};

const FIXTURE: &str = include_str!("fixtures/stats.txt");
const KHRUSHCHEV: usize = 0;
const MALINOVSKY: usize = 1;
const MAO: usize = 2;
const ZHOU: usize = 3;

fn fixture() -> Document {
    let meta = Metadata::parse(
        "stats.meta.toml",
        "stage_directions = [\"Following a break\"]\n",
    );
    let meta = meta.unwrap_or_default();
    parse("stats.txt", FIXTURE, &meta).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn per_speaker_tallies() {
    let doc = fixture();
    let c = counts(&doc);
    assert_eq!(
        (c.turns, c.words, c.stage_directions, c.lacunae, c.footnotes),
        (6, 25, 1, 1, 1)
    );
    assert_eq!(
        c.people[MAO].tally,
        Tally {
            direct_turns: 2,
            reported_turns: 1,
            words: 15,
            share: 0.6,
            mean_words: 5.0,
            median_words: 5.0,
            longest: Some(Longest { turn: 1, words: 7 }),
            questions: 1,
            note_refs: 1,
        }
    );
    let k = &c.people[KHRUSHCHEV].tally;
    assert_eq!(
        (k.direct_turns, k.words, k.mean_words, k.median_words),
        (2, 9, 4.5, 4.5)
    );
    assert_eq!(
        (k.longest, k.questions, k.note_refs),
        (Some(Longest { turn: 2, words: 8 }), 0, 0)
    );
    assert!((k.share - 0.36).abs() < 1e-12);
    assert_eq!(c.people[ZHOU].tally.questions, 1);
    assert_eq!(c.people[MALINOVSKY].tally, Tally::default());
    assert_eq!(
        c.speakers().map(|s| s.person).collect::<Vec<_>>(),
        [KHRUSHCHEV, MAO, ZHOU]
    );
}

#[test]
fn per_delegation_tallies() {
    let doc = fixture();
    let c = counts(&doc);
    assert_eq!(
        c.delegations.len(),
        2,
        "everyone has a delegation: no extra group"
    );
    let soviet = &c.delegations[0].tally;
    assert_eq!((soviet.turns(), soviet.words, soviet.questions), (2, 9, 0));
    let chinese = &c.delegations[1].tally;
    // Turn lengths 7, 5, 1, 3: median (3 + 5) / 2.
    assert_eq!(
        (
            chinese.turns(),
            chinese.words,
            chinese.questions,
            chinese.median_words
        ),
        (4, 16, 2, 4.0)
    );
    assert_eq!(chinese.longest, Some(Longest { turn: 1, words: 7 }));
}

#[test]
fn a_selection_recounts_shares() {
    let doc = fixture();
    let c = counts_where(&doc, |t| t.kind == TurnKind::Direct);
    assert_eq!((c.turns, c.words), (5, 20));
    assert_eq!(c.people[MAO].tally.words, 10);
    assert!((c.people[MAO].tally.share - 0.5).abs() < 1e-12);
}

#[test]
fn who_answers_whom() {
    let doc = fixture();
    let all = turn_taking(&doc, |_| true);
    // t1→t2 Mao→Khrushchev, t2→t3 Khrushchev→Mao, t4→t5 Zhou→Khrushchev;
    // t3→t4 crosses the stage direction, t5→t6 the lacuna.
    assert_eq!(all.follows[MAO][KHRUSHCHEV], 1);
    assert_eq!(all.follows[KHRUSHCHEV][MAO], 1);
    assert_eq!(all.follows[ZHOU][KHRUSHCHEV], 1);
    assert_eq!(all.total(), 3);
    assert_eq!(
        (all.broken_by_stage_direction, all.broken_by_lacuna),
        (1, 1)
    );
    // Only Mao's replies: t3 answers Khrushchev; t6 follows the lacuna.
    let mao = turn_taking(&doc, |t| t.speaker == MAO);
    assert_eq!(
        (
            mao.total(),
            mao.follows[KHRUSHCHEV][MAO],
            mao.broken_by_lacuna
        ),
        (1, 1, 1)
    );
}

fn record() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../transcripts/1958-08-02-third-conversation.txt");
    load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_record_turn_taking() {
    let doc = record();
    let taking = turn_taking(&doc, |_| true);
    // 263 turns give 262 adjacent pairs; 2 cross a stage direction, 5 a gap.
    assert_eq!(
        (
            taking.total(),
            taking.broken_by_stage_direction,
            taking.broken_by_lacuna
        ),
        (255, 2, 5)
    );
    let id = |id: &str| {
        doc.people
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(usize::MAX)
    };
    // Fedorenko's one question is answered by Khrushchev; Malinovsky's "Nixon's trip" by Mao.
    assert_eq!(taking.follows[id("fedorenko")][id("khrushchev")], 1);
    assert_eq!(taking.follows[id("malinovsky")][id("mao-zedong")], 2);
    // No one follows themselves: same-speaker neighbours are only ever split by a gap.
    assert!((0..doc.people.len()).all(|p| taking.follows[p][p] == 0));
}

#[test]
fn the_record_per_speaker_extras() {
    let doc = record();
    let c = counts(&doc);
    let tally = |id: &str| {
        doc.people
            .iter()
            .position(|p| p.id == id)
            .map(|i| c.people[i].tally.clone())
    };
    let fedorenko = tally("fedorenko").unwrap_or_default();
    assert_eq!(
        (fedorenko.questions, fedorenko.longest),
        (
            1,
            Some(Longest {
                turn: 229,
                words: 13
            })
        )
    );
    let malinovsky = tally("malinovsky").unwrap_or_default();
    // "Nixon’s trip is especially revealing.[27]": his only note reference.
    assert_eq!((malinovsky.note_refs, malinovsky.median_words), (1, 5.0));
    let note_refs: usize = c.people.iter().map(|p| p.tally.note_refs).sum();
    // 39 notes, one referenced from the place line: 38 references inside turns.
    assert_eq!(note_refs, 38);
}

#[test]
fn the_record_distinctive_words() {
    let doc = record();
    let words = distinctive_words(&doc, |_| true, 10);
    let top = |id: &str| {
        let index = doc
            .people
            .iter()
            .position(|p| p.id == id)
            .unwrap_or(usize::MAX);
        words[index]
            .iter()
            .map(|w| w.word.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(top("zhou-enlai").first(), Some(&"japan"));
    assert_eq!(top("mao-zedong").first(), Some(&"war"));
    assert!(top("peng-dehuai").contains(&"commanders"));
    assert!(top("khrushchev").contains(&"institutes"));
    assert!(
        top("liu-shaoqi").is_empty(),
        "13 words are too few to set anyone apart"
    );
    let zhou_japan = words[doc
        .people
        .iter()
        .position(|p| p.id == "zhou-enlai")
        .unwrap_or(0)][0]
        .count;
    assert_eq!(zhou_japan, 15);
}

#[test]
fn dates_extracted_from_the_record_notes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../transcripts/1958-08-02-third-conversation.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let meta_text = std::fs::read_to_string(path.with_extension("meta.toml")).unwrap_or_default();
    let meta = Metadata::parse("meta", &meta_text).unwrap_or_default();
    let doc = parse("record.txt", &text, &meta).unwrap_or_else(|e| panic!("{e}"));
    let dated = parley_core::dates::extract(&doc);
    let find = |quote: &str| {
        dated.iter().find(|d| d.quote == quote).map(|d| {
            (
                d.start.to_string(),
                d.end.map(|e| e.to_string()),
                d.source.to_string(),
                d.turn,
            )
        })
    };
    // Note 8 is cited in turn 15 ("concluded a peace treaty with Austria,[8]"), note 23 in
    // turn 99 (Mao: "not just the Stockholm Congress,[23]"), as numbered independently.
    assert_eq!(
        find("May 15, 1955"),
        Some(("1955-05-15".into(), None, "note 8".into(), Some(15)))
    );
    assert_eq!(
        find("July 16-22, 1958"),
        Some((
            "1958-07-16".into(),
            Some("1958-07-22".into()),
            "note 23".into(),
            Some(99)
        ))
    );
    assert_eq!(
        find("April-May, 1958").map(|d| d.1),
        Some(Some("1958-05".into()))
    );
    // Life dates in parentheses are not events; page numbers are not years.
    assert!(dated
        .iter()
        .all(|d| d.quote != "1918-1998" && d.start.year >= 1500));
}
