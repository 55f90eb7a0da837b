//! The 1958 record parsed for real, with counts checked by reading the text.
//!
//! Turn counts were checked by listing every paragraph that opens with an
//! upper-case label; the word counts of the small speakers by counting the
//! words of their turns by hand (e.g. Malinovsky: "Nixon’s trip is especially
//! revealing." 5 + "When the CC decides, we always provide help." 8 +
//! "Soldiers’ service is itself work." 5 = 18).

use std::path::Path;

use parley_core::bundle;
use parley_core::corpus::load_file;
use parley_core::model::{inline_text, plain_text, Block, Inline, TurnKind};
use parley_core::stats::counts;
use parley_core::Document;

fn record() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../transcripts/1958-08-02-third-conversation.txt");
    match load_file(&path) {
        Ok(document) => document,
        Err(errors) => panic!("the record must parse:\n{errors}"),
    }
}

#[test]
fn header_and_present_lists() {
    let doc = record();
    assert_eq!(doc.date.iso(), "1958-08-02");
    assert_eq!(
        plain_text(&doc.title.inlines),
        "Third Conversation of N.S. Khrushchev with Mao Zedong, August 2, 1958, in Fengziyuan"
    );
    let place = doc
        .place
        .as_ref()
        .map(|p| p.inlines.clone())
        .unwrap_or_default();
    assert_eq!(
        place.last(),
        Some(&Inline::NoteRef {
            number: 1,
            first: true
        })
    );
    assert_eq!(
        inline_text(&doc.present_heading.inlines),
        "Present [at the meeting]:"
    );
    assert_eq!(doc.delegations.len(), 2);
    assert_eq!(doc.delegations[0].id, "soviet");
    assert_eq!(
        doc.delegations[0].present.names,
        [
            "Khrushchev",
            "Malinovsky",
            "Kuznetsov",
            "Ponomarev",
            "Antonov"
        ]
    );
    assert_eq!(doc.delegations[1].present.names.len(), 13);
    assert_eq!(doc.delegations[1].present.terminator, ".");
}

#[test]
fn counts_match_the_text() {
    let doc = record();
    let c = counts(&doc);
    assert_eq!(c.turns, 263);
    assert_eq!(c.words, 11_559);
    assert_eq!(c.footnotes, 39);
    assert_eq!(c.stage_directions, 2);
    assert_eq!(c.lacunae, 5);
    let by_id = |id: &str| {
        c.speakers()
            .find(|s| doc.people[s.person].id == id)
            .map(|s| (s.tally.direct_turns, s.tally.reported_turns, s.tally.words))
    };
    assert_eq!(by_id("khrushchev"), Some((115, 3, 5_720)));
    assert_eq!(by_id("mao-zedong"), Some((114, 5, 5_096)));
    assert_eq!(by_id("zhou-enlai"), Some((12, 0, 481)));
    assert_eq!(by_id("peng-dehuai"), Some((5, 0, 166)));
    assert_eq!(by_id("chen-yi"), Some((2, 0, 31)));
    assert_eq!(by_id("zhu-de"), Some((2, 0, 21)));
    assert_eq!(by_id("malinovsky"), Some((3, 0, 18)));
    assert_eq!(by_id("liu-shaoqi"), Some((1, 0, 13)));
    assert_eq!(by_id("fedorenko"), Some((1, 0, 13)));
    assert_eq!(c.speakers().count(), 9);
    let shares: f64 = c.speakers().map(|s| s.tally.share).sum();
    assert!((shares - 1.0).abs() < 1e-9);
}

#[test]
fn speakers_present_absent_and_silent() {
    let doc = record();
    let fedorenko = doc.people.iter().position(|p| p.id == "fedorenko");
    let fedorenko = fedorenko.map(|i| (&doc.people[i], doc.speaks(i)));
    assert!(matches!(fedorenko, Some((p, true)) if !p.is_present() && p.delegation == Some(0)));
    let silent: Vec<&str> = doc
        .people
        .iter()
        .enumerate()
        .filter(|(i, p)| p.is_present() && !doc.speaks(*i))
        .map(|(_, p)| p.id.as_str())
        .collect();
    assert_eq!(
        silent,
        [
            "kuznetsov",
            "ponomarev",
            "antonov",
            "lin-biao",
            "peng-zhen",
            "deng-xiaoping",
            "chen-yun",
            "wang-jiaxiang",
            "yang-shangkun",
            "hu-qiaomu"
        ]
    );
}

#[test]
fn lacunae_precede_the_turns_the_issue_names() {
    let doc = record();
    let after_lacuna: Vec<String> = doc
        .blocks
        .windows(2)
        .filter_map(|pair| match pair {
            [Block::Lacuna { .. }, Block::Turn(turn)] => {
                let text = plain_text(&turn.paragraphs[0].inlines);
                Some(format!(
                    "{}. {}",
                    turn.label,
                    text.split(' ').take(3).collect::<Vec<_>>().join(" ")
                ))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        after_lacuna,
        [
            "MAO ZEDONG. Therefore, we often",
            "MAO ZEDONG. It needs to",
            "N.S. KHRUSHCHEV. These will be",
            "MAO ZEDONG. Then, let’s do",
            "N.S. KHRUSHCHEV. Good. May the",
        ]
    );
}

#[test]
fn turns_stage_directions_and_continuations() {
    let doc = record();
    let turns: Vec<_> = doc.turns().collect();
    assert_eq!(turns[0].kind, TurnKind::Reported);
    assert_eq!(
        plain_text(&turns[0].paragraphs[0].inlines)
            .split(' ')
            .next(),
        Some("speaks")
    );
    assert!(turns
        .iter()
        .enumerate()
        .all(|(i, t)| t.number as usize == i + 1));
    let stage: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::StageDirection(p) => Some(plain_text(&p.inlines)),
            _ => None,
        })
        .collect();
    assert_eq!(
        stage,
        ["They switch to international issues.", "Following a break"]
    );
    // The longest runs are six paragraphs: Khrushchev on Finland ("Finland was an
    // anti-Soviet advance post" … "I think the situation") and Mao's five points after
    // "Lenin said".
    let six: Vec<String> = turns
        .iter()
        .filter(|t| t.paragraphs.len() == 6)
        .map(|t| {
            plain_text(&t.paragraphs[0].inlines)
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(six, ["Finland was", "Lenin said"]);
    assert!(turns.iter().all(|t| t.paragraphs.len() <= 6));
}

#[test]
fn editorial_brackets_are_not_notes() {
    let doc = record();
    let editorial: Vec<String> = doc
        .turns()
        .flat_map(|t| &t.paragraphs)
        .flat_map(|p| &p.inlines)
        .filter_map(|i| match i {
            Inline::Editorial(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(editorial.len(), 6);
    assert_eq!(editorial[0], "ustranenie");
    assert!(editorial.contains(&"?".to_string()));
    assert!(editorial.contains(&"party".to_string()));
}

#[test]
fn back_matter() {
    let doc = record();
    let names: Vec<String> = doc
        .transcribers
        .iter()
        .map(|p| plain_text(&p.inlines))
        .collect();
    assert_eq!(names, ["N. Fedorenko", "A. Filyov"]);
    assert!(plain_text(&doc.citation.inlines)
        .starts_with("RGANI. Collection 52. Inventory 1. File 498. Sheets 108-150."));
    assert_eq!(
        doc.notes.iter().map(|n| n.number).collect::<Vec<_>>(),
        (1..=39).collect::<Vec<_>>()
    );
    assert!(
        !doc.notes[30].spaced,
        "note 31 has no space after its number in the source"
    );
    // Notes are numbered in order of first reference: note 1 from the
    // header's place line, every other one from a turn.
    let citing: Vec<u32> = (2..=39)
        .map(|n| doc.turn_citing_note(n).unwrap_or(0))
        .collect();
    assert!(citing[0] == 5 && citing.is_sorted(), "{citing:?}");
    assert_eq!(doc.turn_citing_note(1), None);
    assert_eq!(doc.turn_citing_note(40), None);
    assert_eq!(doc.related.len(), 4);
    let dates: Vec<String> = doc.related.iter().map(|r| r.date.iso()).collect();
    assert_eq!(
        dates,
        ["1958-07-31", "1958-07-31", "1958-08-01", "1958-08-03"]
    );
    assert_eq!(
        inline_text(&doc.related[1].title.inlines)
            .matches("[Beijing]")
            .count(),
        1
    );
}

#[test]
fn bundle_round_trip() {
    let doc = record();
    let bytes = bundle::encode(std::slice::from_ref(&doc));
    assert_eq!(bundle::decode(&bytes), Ok(vec![doc]));
    assert!(bundle::decode(&bytes[..bytes.len() / 2]).is_err());
    assert!(matches!(
        bundle::decode(&[9]),
        Err(bundle::BundleError::Version { found: 9, .. })
    ));
}

#[test]
fn reviewed_dates_win_over_extraction() {
    let doc = record();
    assert!(doc.dated_reviewed);
    let event = |label: &str| {
        doc.dated
            .iter()
            .find(|d| d.label == label)
            .map(|d| (d.start.to_string(), d.end.map(|e| e.to_string()), d.turn))
    };
    assert_eq!(
        event("Austrian State Treaty signed"),
        Some(("1955-05-15".into(), None, Some(15)))
    );
    assert_eq!(
        event("Porkkala base in Finland"),
        Some(("1944".into(), Some("1956".into()), Some(15)))
    );
    assert_eq!(
        event("Canadian federal election"),
        Some(("1958-03-31".into(), None, Some(15)))
    );
    assert_eq!(
        event("Attack on Nixon’s cortege in Caracas"),
        Some(("1958-05-13".into(), None, Some(118)))
    );
    assert_eq!(
        event("Mao’s forecast of peace until 1965"),
        Some(("1958".into(), Some("1965".into()), Some(69)))
    );
    assert!(doc.dated.len() >= 50);
}

#[test]
fn curated_topics_cover_every_turn() {
    let doc = record();
    let topics = &doc.topics;
    assert!(topics.curated);
    assert_eq!(topics.topics.len(), 15);
    assert_eq!(topics.turns.len(), 263);
    assert!(topics.turns.iter().all(|&set| set != 0));
    let topic = |id: &str| {
        topics
            .topics
            .iter()
            .position(|t| t.id == id)
            .unwrap_or(usize::MAX)
    };
    // Read in the text: turn 5 opens the talk of NATO, the Baghdad Pact and SEATO;
    // turn 229 is Fedorenko's question about the ambassador to Japan; turn 197
    // asks whether Mao should grow cucumbers.
    assert!(topics.has(5, topic("blocs")));
    assert!(topics.has(229, topic("diplomacy")) && topics.has(229, topic("japan")));
    assert!(topics.has(197, topic("leisure")));
    let japan = (1..=263).filter(|&t| topics.has(t, topic("japan"))).count();
    assert_eq!(japan, 33);
}

#[test]
fn the_index_finds_mentions_as_whole_words() {
    let doc = record();
    assert!(doc.index.len() > 100);
    let turns = |id: &str| {
        doc.index
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.turns.clone())
            .unwrap_or_default()
    };
    // Counted with an independent script over the turns' text.
    assert_eq!(
        turns("eisenhower"),
        [37, 39, 40, 76, 94, 95, 96, 99, 118, 205]
    );
    assert_eq!(turns("dulles"), [72, 90, 92]);
    assert_eq!(turns("nasser"), [74]);
}

#[test]
fn the_static_page_holds_the_whole_record() {
    let doc = record();
    let page = parley_core::html::record_page(&doc, "./", "record.css");
    assert_eq!(page.matches("<div class=\"turn\"").count(), 263);
    for turn in doc.turns() {
        assert!(page.contains(&format!("id=\"t{}\"", turn.number)));
        for paragraph in &turn.paragraphs {
            for inline in &paragraph.inlines {
                if let Inline::Text(text) = inline {
                    let escaped = parley_core::html::escape(text);
                    assert!(page.contains(&escaped), "turn {}: {text}", turn.number);
                }
            }
        }
    }
    for n in 1..=39 {
        assert!(page.contains(&format!("<li id=\"note-{n}\" value=\"{n}\">")));
        assert!(page.contains(&format!("id=\"ref-{n}\"")));
    }
    assert_eq!(page.matches("The source text has a gap here.").count(), 5);
    assert!(page.contains("RGANI. Collection 52. Inventory 1. File 498. Sheets 108-150."));
    assert!(page.contains("<a href=\"./\">Open the interactive viewer</a>"));
    assert!(!page.contains("<script") && !page.contains("style="));
}

#[test]
fn citations_in_four_styles() {
    use parley_core::cite::{Cited, Style};
    use parley_core::model::Date;
    let doc = record();
    let accessed = Date {
        year: 2026,
        month: 11,
        day: 26,
    };
    let record = Cited {
        document: &doc,
        turn: None,
        link: "https://example.org/parley/",
        accessed,
    };
    let turn = Cited {
        turn: Some(202),
        link: "https://example.org/parley/#t202",
        ..record
    };
    assert_eq!(
        record.format(Style::Chicago),
        "“Third Conversation of N.S. Khrushchev with Mao Zedong, August 2, 1958, in Fengziyuan,” \
         August 2, 1958, RGANI. Collection 52. Inventory 1. File 498. Sheets 108-150. Typescript \
         N.S. Khrushchev’s Copy, trans. A.P. and N.P., Wilson Center Digital Archive, \
         https://example.org/parley/, accessed November 26, 2026."
    );
    assert_eq!(
        turn.format(Style::Mla),
        "Mao Zedong. Turn 202. “Third Conversation of N.S. Khrushchev with Mao Zedong, August 2, \
         1958, in Fengziyuan.” 2 Aug. 1958. RGANI. Collection 52. Inventory 1. File 498. Sheets \
         108-150. Typescript N.S. Khrushchev’s Copy. Translated by A.P. and N.P., Wilson Center \
         Digital Archive, https://example.org/parley/#t202. Accessed 26 Nov. 2026."
    );
    assert_eq!(
        record.format(Style::Apa),
        "Third Conversation of N.S. Khrushchev with Mao Zedong, August 2, 1958, in Fengziyuan \
         [Record of conversation; A.P. & N.P., Trans.]. (1958, August 2). RGANI. Collection 52. \
         Inventory 1. File 498. Sheets 108-150. Typescript N.S. Khrushchev’s Copy. Wilson Center \
         Digital Archive. https://example.org/parley/"
    );
    assert_eq!(
        turn.format(Style::Bibtex),
        "@misc{parley-1958-08-02-t202,\n  title = {{Mao Zedong, turn 202, in Third Conversation of \
         N.S. Khrushchev with Mao Zedong, August 2, 1958, in Fengziyuan}},\n  date = {1958-08-02},\n  \
         note = {Translated by A.P. and N.P. RGANI. Collection 52. Inventory 1. File 498. Sheets \
         108-150. Typescript N.S. Khrushchev’s Copy},\n  publisher = {Wilson Center Digital \
         Archive},\n  url = {https://example.org/parley/#t202},\n  urldate = {2026-11-26}\n}"
    );
}
