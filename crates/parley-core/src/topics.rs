//! Topics: a taxonomy kept with the record (`NAME.topics.toml`) that assigns
//! every turn one or more topics by hand, or, without it, topics suggested by
//! the keyword rules below ([`suggest`]), which the viewer marks as suggested.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::companion::TomlFile;
use crate::error::{ErrorKind, ParseError};
use crate::model::{plain_text, Document, Turn};
use crate::search::{fold, Folded};

/// At most this many topics (a turn's topics are a 64-bit set).
pub const MAX_TOPICS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// A record's topics and, for each turn (index = turn number − 1), the set of its topics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topics {
    pub topics: Vec<Topic>,
    pub turns: Vec<u64>,
    /// Assigned by hand (a topics file), not suggested by keyword rules.
    pub curated: bool,
}

impl Topics {
    /// Whether `turn` (its number) has the topic with this index.
    pub fn has(&self, turn: u32, topic: usize) -> bool {
        self.turns
            .get(turn as usize - 1)
            .is_some_and(|set| set & (1 << topic) != 0)
    }
}

/// The keyword rules for records without a topics file: a turn gets a topic
/// when one of its words starts with one of the topic's stems (after the
/// search folding: case and diacritics ignored).
pub const RULES: &[(&str, &str, &str, &[&str])] = &[
    (
        "war-peace",
        "War and peace",
        "War, peace, weapons and the armed forces' readiness.",
        &[
            "war", "peace", "bomb", "atomic", "nuclear", "rocket", "weapon", "missile",
        ],
    ),
    (
        "economy",
        "Economy and trade",
        "Production, industry, trade, credits and living standards.",
        &[
            "econom",
            "industr",
            "trade",
            "credit",
            "steel",
            "grain",
            "production",
            "factor",
            "market",
        ],
    ),
    (
        "blocs",
        "Blocs and alliances",
        "Military blocs, pacts and alliances.",
        &["nato", "seato", "pact", "bloc", "alliance"],
    ),
    (
        "diplomacy",
        "Diplomacy",
        "Embassies, ambassadors, treaties, communiqués and the UN.",
        &[
            "ambassador",
            "embass",
            "diplomat",
            "treaty",
            "communiqu",
            "un ",
            "united nations",
        ],
    ),
    (
        "military",
        "The army",
        "Soldiers, commanders and military service.",
        &["army", "soldier", "command", "militar", "troop", "division"],
    ),
    (
        "party",
        "Party and state",
        "Party congresses, plenums, the Presidium and cadres.",
        &[
            "party",
            "congress",
            "plenum",
            "presidium",
            "cadre",
            "central committee",
        ],
    ),
    (
        "education",
        "Education",
        "Schools, students and institutes.",
        &["school", "student", "institut", "education", "study"],
    ),
    (
        "democracy",
        "Parliaments",
        "Parliaments, elections and bourgeois democracy.",
        &["parliament", "election", "democra", "bourgeois"],
    ),
];

/// Topics suggested by [`RULES`]; turns no rule matches have none.
pub fn suggest(document: &Document) -> Topics {
    let stems: Vec<Vec<String>> = RULES
        .iter()
        .map(|(_, _, _, stems)| {
            stems
                .iter()
                .map(|s| s.chars().map(fold).collect())
                .collect()
        })
        .collect();
    let turns = document
        .turns()
        .map(|turn| {
            let text = turn_text(turn);
            stems.iter().enumerate().fold(0u64, |set, (topic, stems)| {
                if stems.iter().any(|stem| text.starts_word(stem)) {
                    set | (1 << topic)
                } else {
                    set
                }
            })
        })
        .collect();
    Topics {
        topics: RULES
            .iter()
            .map(|(id, label, description, _)| Topic {
                id: (*id).into(),
                label: (*label).into(),
                description: (*description).into(),
            })
            .collect(),
        turns,
        curated: false,
    }
}

fn turn_text(turn: &Turn) -> Folded {
    let text: Vec<String> = turn
        .paragraphs
        .iter()
        .map(|p| plain_text(&p.inlines))
        .collect();
    Folded::new(&text.join(" "))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicsFile {
    topic: Vec<TopicEntry>,
    turns: HashMap<String, Spanned<Vec<Spanned<String>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    id: Spanned<String>,
    label: String,
    description: String,
}

/// Reads a topics file and checks it against the record: unique topic ids (at
/// most [`MAX_TOPICS`]), every turn listed once with at least one known topic.
pub fn parse_topics(
    file: &str,
    text: &str,
    document: &Document,
) -> Result<Topics, Vec<ParseError>> {
    let toml_file = TomlFile { file, text };
    let error_at = |span: std::ops::Range<usize>, message: String| toml_file.error(span, message);
    let parsed: TopicsFile = toml_file.parse()?;
    let mut errors = Vec::new();
    let mut topics: Vec<Topic> = Vec::new();
    for entry in &parsed.topic {
        if topics.iter().any(|t| t.id == *entry.id.get_ref()) {
            errors.push(error_at(
                entry.id.span(),
                format!("topic \"{}\" is defined twice", entry.id.get_ref()),
            ));
        } else if topics.len() == MAX_TOPICS {
            errors.push(error_at(
                entry.id.span(),
                format!("more than {MAX_TOPICS} topics"),
            ));
        } else {
            topics.push(Topic {
                id: entry.id.get_ref().clone(),
                label: entry.label.clone(),
                description: entry.description.clone(),
            });
        }
    }
    let count = document.turns().count();
    let mut turns = vec![0u64; count];
    for (key, list) in &parsed.turns {
        let Some(slot) = key
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=count).contains(n))
            .map(|n| n - 1)
        else {
            errors.push(error_at(
                list.span(),
                format!("\"{key}\" is not a turn of the record (1 to {count})"),
            ));
            continue;
        };
        for id in list.get_ref() {
            match topics.iter().position(|t| t.id == *id.get_ref()) {
                Some(topic) => turns[slot] |= 1 << topic,
                None => errors.push(error_at(
                    id.span(),
                    format!("unknown topic \"{}\"", id.get_ref()),
                )),
            }
        }
    }
    if let Some(missing) = turns.iter().position(|&set| set == 0) {
        let (line, column) = (1, 1);
        errors.push(ParseError {
            file: file.to_string(),
            line,
            column,
            kind: ErrorKind::Metadata(format!(
                "turn {} has no topic; every turn needs at least one",
                missing + 1
            )),
        });
    }
    if errors.is_empty() {
        Ok(Topics {
            topics,
            turns,
            curated: true,
        })
    } else {
        errors.sort_by_key(|e| (e.line, e.column));
        Err(errors)
    }
}
