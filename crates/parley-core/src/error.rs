//! Parse errors with 1-based positions.

use std::fmt;

/// One problem found in a record or its metadata file.
///
/// `line` and `column` are 1-based; the column counts Unicode scalar values
/// (characters), not bytes, so it matches what an editor shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The file the problem is in (the record, or its `.meta.toml`).
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub kind: ErrorKind,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.kind
        )
    }
}

impl std::error::Error for ParseError {}

/// What went wrong. Each message says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file could not be read (missing, a folder, no permission).
    Unreadable(String),
    /// The file is not valid UTF-8; the position is that of the first bad byte.
    NotUtf8,
    /// The file holds no text at all.
    Empty,
    /// A control character other than tab, line feed or carriage return.
    ControlCharacter(char),
    /// The first paragraph is not a date such as `August 2, 1958`.
    BadDate(String),
    /// A required part of the record is missing; the string names it.
    Missing(&'static str),
    /// A paragraph starts with `.`: a speaker label with no name.
    EmptySpeakerLabel,
    /// A known speaker's label written in lower or mixed case.
    LabelNotUpperCase { label: String, expected: String },
    /// A direct turn whose label is followed by nothing.
    EmptySpeech { label: String },
    /// An unlabelled paragraph with no turn before it to continue.
    ParagraphWithoutSpeaker,
    /// `[` with no matching `]` in the same paragraph.
    UnclosedBracket,
    /// `]` with no `[` before it.
    UnmatchedClosingBracket,
    /// `[` inside a bracket.
    NestedBracket,
    /// `[]` or `[ ]`.
    EmptyBracket,
    /// A note number that is zero or too large, such as `[0]`.
    BadNoteNumber(String),
    /// A note reference `[n]` with no note `[n]` in the back matter.
    NoteRefWithoutNote(u32),
    /// A second note with the same number.
    DuplicateNote { number: u32, first_line: u32 },
    /// A note number out of sequence: notes must run 1, 2, 3, … with no gaps.
    MissingNote { expected: u32, found: u32 },
    /// A note that nothing in the record refers to.
    NoteNeverReferenced(u32),
    /// A "Related Documents" entry without its title or summary.
    IncompleteRelatedDocument,
    /// The back matter after "Conversation transcribed by" has no transcriber
    /// and archival citation before the notes.
    MissingCitation,
    /// A "Present" list (a paragraph after the "Present" heading) that does not start with `Cde.` or `Cdes.`.
    BadPresentList,
    /// A "Present" list with an empty place between commas (`Cdes. A, , B`,
    /// or a comma before the closing mark), found by fuzzing: the comma would
    /// otherwise be lost.
    EmptyPresentName,
    /// The metadata file is not valid TOML or does not fit the schema.
    Metadata(String),
    /// `[publication] language` is not a language tag such as `en` or `pt-BR`.
    BadLanguageTag(String),
    /// The metadata names a delegation that it does not define.
    UnknownDelegation(String),
    /// The metadata file lists a different number of delegations than the record has "Present" lists.
    DelegationCount { meta: usize, record: usize },
    /// A stage direction listed in the metadata that no dialogue paragraph matches.
    StageDirectionNotFound(String),
    /// Two people share an id.
    DuplicatePersonId(String),
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Unreadable(reason) => write!(f, "cannot read the file: {reason}"),
            ErrorKind::NotUtf8 => write!(f, "the file is not UTF-8; expected UTF-8 text"),
            ErrorKind::Empty => write!(f, "the file is empty; expected a record starting with its date"),
            ErrorKind::ControlCharacter(c) => {
                write!(f, "unexpected control character U+{:04X}; expected text", *c as u32)
            }
            ErrorKind::BadDate(text) => {
                write!(f, "expected a date such as \"August 2, 1958\", found \"{text}\"")
            }
            ErrorKind::Missing(what) => write!(f, "expected {what}"),
            ErrorKind::EmptySpeakerLabel => {
                write!(f, "empty speaker label; expected an upper-case name before the period")
            }
            ErrorKind::LabelNotUpperCase { label, expected } => write!(
                f,
                "speaker label \"{label}\" is not upper case; expected \"{expected}\""
            ),
            ErrorKind::EmptySpeech { label } => {
                write!(f, "expected the speech after the label \"{label}.\"")
            }
            ErrorKind::ParagraphWithoutSpeaker => write!(
                f,
                "paragraph has no speaker and no turn to continue; expected a speaker label \
                 (\"NAME. …\") or a stage direction listed in the metadata file"
            ),
            ErrorKind::UnclosedBracket => write!(f, "unclosed bracket; expected \"]\" in the same paragraph"),
            ErrorKind::UnmatchedClosingBracket => write!(f, "\"]\" without \"[\"; expected text"),
            ErrorKind::NestedBracket => {
                write!(f, "\"[\" inside a bracket; expected \"]\" to close the first one")
            }
            ErrorKind::EmptyBracket => {
                write!(f, "empty brackets; expected a note number or an editorial insertion")
            }
            ErrorKind::BadNoteNumber(text) => {
                write!(f, "bad note number \"{text}\"; expected a number from 1 to 99999")
            }
            ErrorKind::NoteRefWithoutNote(n) => {
                write!(f, "note reference [{n}] has no note; expected a note \"[{n}] …\" after the citation")
            }
            ErrorKind::DuplicateNote { number, first_line } => write!(
                f,
                "note [{number}] is defined twice (first on line {first_line}); expected each number once"
            ),
            ErrorKind::MissingNote { expected, found } => {
                write!(f, "expected note [{expected}], found note [{found}]")
            }
            ErrorKind::NoteNeverReferenced(n) => {
                write!(f, "note [{n}] is never referenced; expected a reference [{n}] in the text")
            }
            ErrorKind::IncompleteRelatedDocument => write!(
                f,
                "related document is incomplete; expected a date, a title and a summary paragraph"
            ),
            ErrorKind::MissingCitation => write!(
                f,
                "expected at least one transcriber and then the archival citation before the notes"
            ),
            ErrorKind::BadPresentList => {
                write!(f, "expected a list of those present starting with \"Cdes.\" or \"Cde.\"")
            }
            ErrorKind::EmptyPresentName => {
                write!(f, "expected a name after this comma in the list of those present")
            }
            ErrorKind::Metadata(message) => write!(f, "{message}"),
            ErrorKind::BadLanguageTag(tag) => {
                write!(f, "language \"{tag}\" is not a language tag such as en or pt-BR")
            }
            ErrorKind::UnknownDelegation(id) => {
                write!(f, "unknown delegation \"{id}\"; expected one of the [[delegations]] ids")
            }
            ErrorKind::DelegationCount { meta, record } => write!(
                f,
                "the metadata lists {meta} delegations but the record has {record} \"Present\" lists; expected the same number"
            ),
            ErrorKind::StageDirectionNotFound(text) => write!(
                f,
                "stage direction \"{text}\" matches no paragraph of the dialogue; expected its exact text"
            ),
            ErrorKind::DuplicatePersonId(id) => {
                write!(f, "person id \"{id}\" is used twice; expected unique ids")
            }
        }
    }
}

/// All the problems found in one file, in source order (never empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseErrors(pub Vec<ParseError>);

impl fmt::Display for ParseErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseErrors {}
