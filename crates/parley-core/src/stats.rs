//! Counts over a record: turns, words and per-speaker shares.
//!
//! Definitions (also in the README):
//! - a *turn* is a labelled paragraph and the unlabelled paragraphs that continue it;
//!   *direct* turns quote the speaker, *reported* turns narrate;
//! - a turn's *words* are the words ([`crate::words`]) of its text after the label,
//!   continuations included, editorial insertions and note markers excluded;
//! - a speaker's *share* is their words divided by the words of all turns.

use crate::model::{Block, Document, Inline, Turn, TurnKind};
use crate::words::count_words;

/// Counts for one speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerCounts {
    /// Index into [`Document::people`].
    pub person: usize,
    pub direct_turns: usize,
    pub reported_turns: usize,
    pub words: usize,
    /// `words` / all turn words (0 when the record has no words).
    pub share: f64,
}

/// Counts for a whole record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub turns: usize,
    pub words: usize,
    pub footnotes: usize,
    pub stage_directions: usize,
    pub lacunae: usize,
    /// One entry per person who speaks, in the order of [`Document::people`].
    pub speakers: Vec<SpeakerCounts>,
}

/// The words a turn counts (see the module documentation).
pub fn turn_words(turn: &Turn) -> usize {
    turn.paragraphs
        .iter()
        .flat_map(|p| &p.inlines)
        .map(|inline| match inline {
            Inline::Text(text) => count_words(text),
            Inline::NoteRef { .. } | Inline::Editorial(_) => 0,
        })
        .sum()
}

/// Counts turns, words, notes, stage directions, lacunae and per-speaker totals.
pub fn counts(document: &Document) -> Counts {
    let mut counts = Counts {
        footnotes: document.notes.len(),
        ..Counts::default()
    };
    let mut per_person = vec![SpeakerCounts::default(); document.people.len()];
    for block in &document.blocks {
        match block {
            Block::Turn(turn) => {
                let words = turn_words(turn);
                counts.turns += 1;
                counts.words += words;
                let speaker = &mut per_person[turn.speaker];
                speaker.words += words;
                match turn.kind {
                    TurnKind::Direct => speaker.direct_turns += 1,
                    TurnKind::Reported => speaker.reported_turns += 1,
                }
            }
            Block::StageDirection(_) => counts.stage_directions += 1,
            Block::Lacuna { .. } => counts.lacunae += 1,
        }
    }
    let total = counts.words;
    counts.speakers = per_person
        .into_iter()
        .enumerate()
        .filter(|(_, c)| c.direct_turns + c.reported_turns > 0)
        .map(|(person, c)| SpeakerCounts {
            person,
            share: if total == 0 {
                0.0
            } else {
                c.words as f64 / total as f64
            },
            ..c
        })
        .collect();
    counts
}
