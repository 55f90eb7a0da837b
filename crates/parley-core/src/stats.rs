//! Counts over a record: turns, words, questions and notes per speaker and delegation.
//!
//! Definitions (also in the README, section "Definitions"):
//! - a *turn* is a labelled paragraph and the unlabelled paragraphs that continue it;
//!   *direct* turns quote the speaker, *reported* turns narrate;
//! - a turn's *words* are the words ([`crate::words`]) of its text after the label,
//!   continuations included, editorial insertions and note markers excluded;
//! - a speaker's *share* is their words divided by the words of all counted turns;
//! - *mean* and *median* are over the speaker's turns' word counts (the median of
//!   an even number of turns is the mean of the middle two); the *longest* turn is
//!   the first of the longest;
//! - a *question* is a turn whose text (editorial insertions such as `[?]` excluded)
//!   contains a question mark;
//! - *note references* count the `[n]` markers inside the speaker's turns.

use crate::model::{Block, Document, Inline, Turn, TurnKind};
use crate::text;

/// What every statistic means, as the viewer and the README state it, in
/// the order shown (the texts are `[definitions]` of the table in `i18n/`; a
/// test keeps the README's "Definitions" section equal to the English ones).
pub const DEFINITIONS: [(&str, &str); 11] = [
    (text::definitions::TURN_TERM, text::definitions::TURN),
    (text::definitions::KINDS_TERM, text::definitions::KINDS),
    (text::definitions::WORD_TERM, text::definitions::WORD),
    (
        text::definitions::TURN_WORDS_TERM,
        text::definitions::TURN_WORDS,
    ),
    (text::definitions::SHARE_TERM, text::definitions::SHARE),
    (
        text::definitions::AVERAGES_TERM,
        text::definitions::AVERAGES,
    ),
    (
        text::definitions::QUESTION_TERM,
        text::definitions::QUESTION,
    ),
    (
        text::definitions::NOTE_REFS_TERM,
        text::definitions::NOTE_REFS,
    ),
    (text::definitions::SILENT_TERM, text::definitions::SILENT),
    (text::definitions::ANSWERS_TERM, text::definitions::ANSWERS),
    (
        text::definitions::DISTINCTIVE_TERM,
        text::definitions::DISTINCTIVE,
    ),
];
use crate::words::count_words;

/// The facts about one turn that all counts are built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TurnFacts {
    pub number: u32,
    pub kind: TurnKind,
    pub words: usize,
    pub question: bool,
    pub note_refs: usize,
}

impl TurnFacts {
    pub fn of(turn: &Turn) -> TurnFacts {
        let mut facts = TurnFacts {
            number: turn.number,
            kind: turn.kind,
            words: 0,
            question: false,
            note_refs: 0,
        };
        for inline in turn.paragraphs.iter().flat_map(|p| &p.inlines) {
            match inline {
                Inline::Text(text) => {
                    facts.words += count_words(text);
                    facts.question |= text.contains('?');
                }
                Inline::NoteRef { .. } => facts.note_refs += 1,
                Inline::Editorial(_) => {}
            }
        }
        facts
    }
}

/// The words a turn counts (see the module documentation).
pub fn turn_words(turn: &Turn) -> usize {
    TurnFacts::of(turn).words
}

/// The longest turn of a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Longest {
    /// Turn number (`id="t{N}"` in the reader).
    pub turn: u32,
    pub words: usize,
}

/// Totals for a group of turns (one speaker's, one delegation's).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub direct_turns: usize,
    pub reported_turns: usize,
    pub words: usize,
    /// `words` / all counted words (0 when there are none).
    pub share: f64,
    pub mean_words: f64,
    pub median_words: f64,
    pub longest: Option<Longest>,
    pub questions: usize,
    pub note_refs: usize,
}

impl Tally {
    fn of(turns: &[TurnFacts], all_words: usize) -> Tally {
        let mut lengths: Vec<usize> = turns.iter().map(|t| t.words).collect();
        lengths.sort_unstable();
        let words: usize = lengths.iter().sum();
        let median_words = match lengths.len() {
            0 => 0.0,
            n if n % 2 == 1 => lengths[n / 2] as f64,
            n => (lengths[n / 2 - 1] + lengths[n / 2]) as f64 / 2.0,
        };
        let longest = turns.iter().fold(None::<Longest>, |best, t| match best {
            Some(b) if b.words >= t.words => Some(b),
            _ => Some(Longest {
                turn: t.number,
                words: t.words,
            }),
        });
        Tally {
            direct_turns: turns.iter().filter(|t| t.kind == TurnKind::Direct).count(),
            reported_turns: turns
                .iter()
                .filter(|t| t.kind == TurnKind::Reported)
                .count(),
            words,
            share: ratio(words, all_words),
            mean_words: ratio(words, turns.len()),
            median_words,
            longest,
            questions: turns.iter().filter(|t| t.question).count(),
            note_refs: turns.iter().map(|t| t.note_refs).sum(),
        }
    }

    pub fn turns(&self) -> usize {
        self.direct_turns + self.reported_turns
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Counts for one person (zeros for those present and silent).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerCounts {
    /// Index into [`Document::people`].
    pub person: usize,
    pub tally: Tally,
}

/// Counts for one delegation; `delegation` is `None` for speakers of no known delegation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DelegationCounts {
    /// Index into [`Document::delegations`].
    pub delegation: Option<usize>,
    pub tally: Tally,
}

/// Counts for a record, or for the turns of it a selection keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub turns: usize,
    pub words: usize,
    pub footnotes: usize,
    pub stage_directions: usize,
    pub lacunae: usize,
    /// Every person, in the order of [`Document::people`].
    pub people: Vec<SpeakerCounts>,
    /// Every delegation in order, then speakers of no delegation if there are any.
    pub delegations: Vec<DelegationCounts>,
}

impl Counts {
    /// The people with at least one counted turn.
    pub fn speakers(&self) -> impl Iterator<Item = &SpeakerCounts> {
        self.people.iter().filter(|c| c.tally.turns() > 0)
    }
}

/// Counts over the whole record.
pub fn counts(document: &Document) -> Counts {
    counts_where(document, |_| true)
}

/// Counts over the turns for which `include` is true (stage directions and
/// lacunae are always counted; notes are the record's).
pub fn counts_where(document: &Document, include: impl Fn(&Turn) -> bool) -> Counts {
    let mut per_person: Vec<Vec<TurnFacts>> = vec![Vec::new(); document.people.len()];
    let mut counts = Counts {
        footnotes: document.notes.len(),
        ..Counts::default()
    };
    for block in &document.blocks {
        match block {
            Block::Turn(turn) if include(turn) => {
                per_person[turn.speaker].push(TurnFacts::of(turn))
            }
            Block::Turn(_) => {}
            Block::StageDirection(_) => counts.stage_directions += 1,
            Block::Lacuna { .. } => counts.lacunae += 1,
        }
    }
    counts.turns = per_person.iter().map(Vec::len).sum();
    counts.words = per_person.iter().flatten().map(|t| t.words).sum();
    counts.people = per_person
        .iter()
        .enumerate()
        .map(|(person, turns)| SpeakerCounts {
            person,
            tally: Tally::of(turns, counts.words),
        })
        .collect();
    let group = |delegation: Option<usize>| -> Vec<TurnFacts> {
        let mut facts: Vec<TurnFacts> = document
            .people
            .iter()
            .zip(&per_person)
            .filter(|(p, _)| p.delegation == delegation)
            .flat_map(|(_, turns)| turns.iter().copied())
            .collect();
        facts.sort_by_key(|t| t.number);
        facts
    };
    let mut groups: Vec<Option<usize>> = (0..document.delegations.len()).map(Some).collect();
    if document.people.iter().any(|p| p.delegation.is_none()) {
        groups.push(None);
    }
    counts.delegations = groups
        .into_iter()
        .map(|delegation| DelegationCounts {
            delegation,
            tally: Tally::of(&group(delegation), counts.words),
        })
        .collect();
    counts
}

/// Who answers whom: how often a turn by one person directly follows a turn by another.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TurnTaking {
    /// `follows[a][b]`: turns by person `b` that directly follow a turn by person `a`
    /// (indices into [`Document::people`]).
    pub follows: Vec<Vec<u32>>,
    /// Pairs of adjacent turns separated by a stage direction (not counted in `follows`).
    pub broken_by_stage_direction: u32,
    /// Pairs of adjacent turns separated by a gap in the source (not counted in `follows`).
    pub broken_by_lacuna: u32,
}

impl TurnTaking {
    /// All counted transitions.
    pub fn total(&self) -> u32 {
        self.follows.iter().flatten().sum()
    }
}

/// The turn-taking matrix over the turns for which `include` is true: a
/// transition counts when the answering (later) turn is included. A stage
/// direction or a lacuna between two turns breaks the chain; those breaks are
/// counted apart (the first such block between the two turns names the break).
pub fn turn_taking(document: &Document, include: impl Fn(&Turn) -> bool) -> TurnTaking {
    let n = document.people.len();
    let mut taking = TurnTaking {
        follows: vec![vec![0; n]; n],
        ..TurnTaking::default()
    };
    let mut previous: Option<usize> = None;
    let mut broken_by: Option<&Block> = None;
    for block in &document.blocks {
        match block {
            Block::Turn(turn) => {
                if let (Some(a), true) = (previous, include(turn)) {
                    match broken_by {
                        None => taking.follows[a][turn.speaker] += 1,
                        Some(Block::StageDirection(_)) => taking.broken_by_stage_direction += 1,
                        Some(_) => taking.broken_by_lacuna += 1,
                    }
                }
                previous = Some(turn.speaker);
                broken_by = None;
            }
            other => {
                broken_by = broken_by.or(Some(other));
            }
        }
    }
    taking
}
