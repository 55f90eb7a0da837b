//! Timelines: the conversation as a strip of turns in text order, and the
//! series of meetings the record belongs to.

use crate::model::{Block, Date, Document, TurnKind};
use crate::stats::turn_words;

/// One turn on the conversation strip; positions are in words from the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    pub turn: u32,
    /// Index into [`Document::people`].
    pub speaker: usize,
    pub kind: TurnKind,
    pub start: usize,
    pub words: usize,
}

/// A stage direction or a gap, drawn as a marker between turns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    StageDirection,
    Lacuna,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    /// Position in words (where the marker stands between turns).
    pub at: usize,
    /// Index into [`Document::blocks`].
    pub block: usize,
}

/// The conversation strip: every turn at its position in words, and the markers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Strip {
    pub segments: Vec<Segment>,
    pub markers: Vec<Marker>,
    pub total_words: usize,
}

/// Lays out the strip of a record.
pub fn strip(document: &Document) -> Strip {
    let mut strip = Strip::default();
    for (index, block) in document.blocks.iter().enumerate() {
        let at = strip.total_words;
        match block {
            Block::Turn(turn) => {
                let words = turn_words(turn);
                strip.segments.push(Segment {
                    turn: turn.number,
                    speaker: turn.speaker,
                    kind: turn.kind,
                    start: at,
                    words,
                });
                strip.total_words += words;
            }
            Block::StageDirection(_) => strip.markers.push(Marker {
                kind: MarkerKind::StageDirection,
                at,
                block: index,
            }),
            Block::Lacuna { .. } => strip.markers.push(Marker {
                kind: MarkerKind::Lacuna,
                at,
                block: index,
            }),
        }
    }
    strip
}

/// A meeting of the series: this record or one of its related documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub date: Date,
    pub title: String,
    pub summary: String,
    /// Whether this is the record itself.
    pub current: bool,
}

/// The record and its related documents in date order (the record first among the same day's).
pub fn series(document: &Document) -> Vec<Meeting> {
    use crate::model::plain_text;
    let mut meetings: Vec<Meeting> = document
        .related
        .iter()
        .map(|r| Meeting {
            date: r.date,
            title: plain_text(&r.title.inlines),
            summary: plain_text(&r.summary.inlines),
            current: false,
        })
        .collect();
    meetings.push(Meeting {
        date: document.date,
        title: plain_text(&document.title.inlines),
        summary: String::new(),
        current: true,
    });
    meetings.sort_by_key(|m| m.date);
    meetings
}

/// A short preview of a turn: its first `words` words.
pub fn first_words(document: &Document, turn: u32, words: usize) -> String {
    let Some(turn) = document.turns().find(|t| t.number == turn) else {
        return String::new();
    };
    let text = turn
        .paragraphs
        .first()
        .map(|p| crate::model::plain_text(&p.inlines))
        .unwrap_or_default();
    let mut taken: Vec<&str> = text.split_whitespace().take(words + 1).collect();
    let more = taken.len() > words;
    taken.truncate(words);
    let mut out = taken.join(" ");
    if more {
        out.push('…');
    }
    out
}
