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

/// The narrowest a segment is drawn, as a share of the strip, so that one-word
/// turns stay visible.
pub const MIN_WIDTH_SHARE: f64 = 0.0015;

impl Strip {
    /// The width a segment is drawn at, in words.
    fn drawn_width(&self, segment: &Segment) -> f64 {
        (segment.words as f64).max(self.total_words.max(1) as f64 * MIN_WIDTH_SHARE)
    }

    /// The turn drawn at `position` (in words from the start): the last
    /// segment starting at or before it.
    pub fn turn_at(&self, position: f64) -> Option<&Segment> {
        let after = self
            .segments
            .partition_point(|s| s.start as f64 <= position);
        self.segments.get(after.checked_sub(1)?)
    }

    /// SVG path data (`y` from 8 to 32) covering the segments that `pick`
    /// chooses, adjacent ones merged into one rectangle.
    pub fn path_where(&self, pick: impl Fn(&Segment) -> bool) -> String {
        let mut path = String::new();
        let mut run: Option<(f64, f64)> = None;
        let close = |run: Option<(f64, f64)>, path: &mut String| {
            if let Some((from, to)) = run {
                let (from, to) = (crate::table::decimal(from), crate::table::decimal(to));
                path.push_str(&format!("M{from} 8H{to}V32H{from}z"));
            }
        };
        for segment in &self.segments {
            let (from, to) = (
                segment.start as f64,
                segment.start as f64 + self.drawn_width(segment),
            );
            run = match (pick(segment), run) {
                (true, Some((start, end))) if from <= end => Some((start, to.max(end))),
                (true, run) => {
                    close(run, &mut path);
                    Some((from, to))
                }
                (false, run) => {
                    close(run, &mut path);
                    None
                }
            };
        }
        close(run, &mut path);
        path
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(turn: u32, speaker: usize, start: usize, words: usize) -> Segment {
        Segment {
            turn,
            speaker,
            kind: TurnKind::Direct,
            start,
            words,
        }
    }

    #[test]
    fn positions_find_turns_and_paths_merge_neighbours() {
        let strip = Strip {
            segments: vec![
                segment(1, 0, 0, 1000),
                segment(2, 1, 1000, 500),
                segment(3, 1, 1500, 1),
                segment(4, 0, 1501, 499),
            ],
            markers: Vec::new(),
            total_words: 2000,
        };
        let turn = |x: f64| strip.turn_at(x).map(|s| s.turn);
        assert_eq!(
            [
                turn(-1.0),
                turn(0.0),
                turn(999.9),
                turn(1000.0),
                turn(1500.5),
                turn(5000.0)
            ],
            [None, Some(1), Some(1), Some(2), Some(3), Some(4)]
        );
        // Turns 2 and 3 touch and merge; turn 3's one word is drawn 3 words wide
        // (0.15 % of 2,000), overlapping turn 4, which starts a run of its own.
        assert_eq!(
            strip.path_where(|s| s.speaker == 1),
            "M1000 8H1503V32H1000z"
        );
        assert_eq!(
            strip.path_where(|s| s.speaker == 0),
            "M0 8H1000V32H0zM1501 8H2000V32H1501z"
        );
        assert_eq!(strip.path_where(|_| false), "");
    }
}
