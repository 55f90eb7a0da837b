//! The typed model of a parsed record.
//!
//! Every non-blank character of the source lives somewhere in this model;
//! [`Document::to_source_text`] writes it back out, which is how the
//! lossless property is tested.

use serde::{Deserialize, Serialize};

use crate::dates::DatedReference;
use crate::mentions::IndexEntry;
use crate::topics::Topics;

/// A run of inline content: plain text, a note reference or an editorial insertion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    /// Text as written in the source.
    Text(String),
    /// A reference such as `[12]` to the note numbered 12.
    /// `first` marks the first reference to that note in the document,
    /// the one the note's back-link returns to.
    NoteRef { number: u32, first: bool },
    /// An editor's or translator's insertion in square brackets, without the brackets:
    /// `[ustranenie]`, `[?]`, `[this is a typo; … – trans.]`.
    Editorial(String),
}

/// A paragraph of inline content with the 1-based source line it starts on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub line: u32,
    pub inlines: Vec<Inline>,
}

/// Whether a turn quotes the speaker or narrates what they said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TurnKind {
    /// `MAO ZEDONG. Today we can talk…`: the label, a period, the speech.
    Direct,
    /// `N.S. KHRUSHCHEV says that…`: the label followed by third-person narration.
    Reported,
}

impl TurnKind {
    /// The value used in the public DOM contract (`data-kind`) and in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            TurnKind::Direct => "direct",
            TurnKind::Reported => "reported",
        }
    }

    /// What follows the speaker label as written: `MAO ZEDONG. Today…` or
    /// `N.S. KHRUSHCHEV says that…`.
    pub fn label_separator(self) -> &'static str {
        match self {
            TurnKind::Direct => ". ",
            TurnKind::Reported => " ",
        }
    }
}

/// One speaker's turn: the labelled paragraph and the unlabelled paragraphs that continue it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// 1-based number in document order (the reader's `id="t{N}"`).
    pub number: u32,
    /// Index into [`Document::people`].
    pub speaker: usize,
    /// The label exactly as written, e.g. `N.S. KHRUSHCHEV`.
    pub label: String,
    pub kind: TurnKind,
    /// 1-based section ([`Document::sections`]): sections begin at the
    /// stage directions the metadata names as `section_breaks`.
    pub section: u32,
    /// The first paragraph holds what follows the label (after `. ` for direct turns,
    /// the narration such as `says that…` for reported ones); the rest are continuations.
    pub paragraphs: Vec<Paragraph>,
}

/// An element of the dialogue in document order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Turn(Turn),
    /// A paragraph that belongs to no speaker: "Following a break".
    StageDirection(Paragraph),
    /// Where the published text has a gap (two or more blank lines inside the dialogue).
    Lacuna {
        line: u32,
    },
}

/// A delegation, in the order of the record's "Present" lists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub id: String,
    pub name: String,
    /// The "Present" list as written: its opening word (`Cdes.`), the names, the closing mark.
    pub present: PresentList,
}

/// A list such as `Cdes. Khrushchev, Malinovsky, Kuznetsov;`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresentList {
    pub line: u32,
    pub prefix: String,
    pub names: Vec<String>,
    /// The punctuation closing the list (`;`, `.`), if any.
    pub terminator: String,
}

/// Someone present at or speaking in the conversation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Stable identifier used in URLs and `data-speaker`.
    pub id: String,
    /// Canonical name (from the metadata file, else derived from the record).
    pub name: String,
    /// The speaker label as written, if this person speaks.
    pub label: Option<String>,
    /// Index into [`Document::delegations`], if known.
    pub delegation: Option<usize>,
    /// Role as given in the record or its notes (from the metadata file).
    pub role: Option<String>,
    /// The name as written in a "Present" list; `None` flags a speaker the lists omit.
    pub present_as: Option<String>,
}

impl Person {
    pub fn is_present(&self) -> bool {
        self.present_as.is_some()
    }
}

/// A numbered note from the back matter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub number: u32,
    /// Whether the source put a space between `[n]` and the text (kept for fidelity).
    pub spaced: bool,
    pub paragraphs: Vec<Paragraph>,
}

/// An entry of the "Related Documents" list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelatedDocument {
    pub date: Date,
    pub date_text: String,
    pub title: Paragraph,
    pub summary: Paragraph,
}

/// The published translation, as citations name it: from the metadata
/// file's `[publication]` table, since the record itself gives at most the
/// translators' initials.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub translators: Vec<String>,
    pub publisher: Option<String>,
    /// Where the publisher has the record.
    pub url: Option<String>,
    /// The language of the record's text (a BCP 47 tag such as `en`), marked
    /// on the record so that a screen reader reads it in that language when
    /// the interface is in another.
    pub language: Option<String>,
}

/// A calendar date read from the record (`August 2, 1958`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// ISO 8601 form, `1958-08-02`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A whole record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The file name the record was read from (for messages and citations).
    pub source_name: String,
    pub date: Date,
    pub date_text: String,
    pub title: Paragraph,
    pub place: Option<Paragraph>,
    /// The heading of the lists of those present, e.g. `Present [at the meeting]:`.
    pub present_heading: Paragraph,
    pub delegations: Vec<Delegation>,
    pub people: Vec<Person>,
    pub blocks: Vec<Block>,
    /// `Conversation transcribed by`, as written.
    pub transcribed_heading: String,
    pub transcribers: Vec<Paragraph>,
    pub citation: Paragraph,
    pub notes: Vec<Note>,
    /// `Related Documents`, as written, when the record has that section.
    pub related_heading: Option<String>,
    pub related: Vec<RelatedDocument>,
    /// The dates the notes and text refer to ([`crate::dates`]): from the
    /// reviewed file kept with the record when there is one, else extracted.
    pub dated: Vec<DatedReference>,
    /// Whether `dated` comes from a reviewed file.
    pub dated_reviewed: bool,
    /// The topics of the turns ([`crate::topics`]): curated or suggested.
    pub topics: Topics,
    /// People, places and organisations the dialogue mentions ([`crate::mentions`]).
    pub index: Vec<IndexEntry>,
    /// Section titles: the start, then each section break's stage direction.
    pub sections: Vec<String>,
    pub publication: Publication,
}

impl Document {
    /// The turns in document order.
    pub fn turns(&self) -> impl Iterator<Item = &Turn> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Turn(turn) => Some(turn),
            _ => None,
        })
    }

    /// The note with this number.
    pub fn note(&self, number: u32) -> Option<&Note> {
        self.notes.iter().find(|note| note.number == number)
    }

    /// The turn holding the first reference to a note (where the note's
    /// back-link returns), if a turn holds it.
    pub fn turn_citing_note(&self, number: u32) -> Option<u32> {
        self.turns()
            .find(|turn| {
                turn.paragraphs.iter().any(|p| {
                    p.inlines.contains(&Inline::NoteRef {
                        number,
                        first: true,
                    })
                })
            })
            .map(|turn| turn.number)
    }

    /// The person who speaks `turn`.
    pub fn speaker(&self, turn: &Turn) -> &Person {
        &self.people[turn.speaker]
    }

    /// Whether this person has at least one turn.
    pub fn speaks(&self, person: usize) -> bool {
        self.turns().any(|turn| turn.speaker == person)
    }

    /// Writes the record back out as plain text in the source format.
    ///
    /// The output has the same non-blank characters in the same order as the
    /// source; only blank space may differ (the lossless property).
    pub fn to_source_text(&self) -> String {
        let mut out = String::new();
        let mut para = |text: &str| {
            out.push_str(text);
            out.push_str("\n\n");
        };
        para(&self.date_text);
        para(&inline_text(&self.title.inlines));
        if let Some(place) = &self.place {
            para(&inline_text(&place.inlines));
        }
        para(&inline_text(&self.present_heading.inlines));
        for delegation in &self.delegations {
            let list = &delegation.present;
            para(&format!(
                "{} {}{}",
                list.prefix,
                list.names.join(", "),
                list.terminator
            ));
        }
        for block in &self.blocks {
            match block {
                Block::Turn(turn) => {
                    let separator = turn.kind.label_separator();
                    for (i, paragraph) in turn.paragraphs.iter().enumerate() {
                        let text = inline_text(&paragraph.inlines);
                        if i == 0 {
                            para(&format!("{}{}{}", turn.label, separator, text));
                        } else {
                            para(&text);
                        }
                    }
                }
                Block::StageDirection(paragraph) => para(&inline_text(&paragraph.inlines)),
                Block::Lacuna { .. } => para(""),
            }
        }
        para(&self.transcribed_heading);
        for transcriber in &self.transcribers {
            para(&inline_text(&transcriber.inlines));
        }
        para(&inline_text(&self.citation.inlines));
        for note in &self.notes {
            for (i, paragraph) in note.paragraphs.iter().enumerate() {
                let text = inline_text(&paragraph.inlines);
                if i == 0 {
                    let gap = if note.spaced { " " } else { "" };
                    para(&format!("[{}]{}{}", note.number, gap, text));
                } else {
                    para(&text);
                }
            }
        }
        if let Some(heading) = &self.related_heading {
            para(heading);
            for related in &self.related {
                para(&related.date_text);
                para(&inline_text(&related.title.inlines));
                para(&inline_text(&related.summary.inlines));
            }
        }
        out
    }
}

/// Inline content written back in source form (brackets included).
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::NoteRef { number, .. } => {
                out.push('[');
                out.push_str(&number.to_string());
                out.push(']');
            }
            Inline::Editorial(text) => {
                out.push('[');
                out.push_str(text);
                out.push(']');
            }
        }
    }
    out
}

/// Inline content as a reader sees it: text and editorial insertions, without note markers.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::NoteRef { .. } => {}
            Inline::Editorial(text) => {
                out.push('[');
                out.push_str(text);
                out.push(']');
            }
        }
    }
    out
}
