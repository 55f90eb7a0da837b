//! Dated references: the dates and periods that a record's notes and text refer to.
//!
//! The core extracts candidates from the notes ([`extract`]); a reviewed data
//! file kept beside the record (`NAME.dates.toml`, read by [`parse_reviewed`])
//! wins over extraction when it exists. Extraction recognises, in order:
//!
//! | pattern | example | gives |
//! | --- | --- | --- |
//! | day range in a month | `July 16-22, 1958` | 1958-07-16 – 1958-07-22 |
//! | day to day | `May 27 to July 22, 1958` | 1958-05-27 – 1958-07-22 |
//! | full date | `May 15, 1955` | 1955-05-15 |
//! | month range | `April-May, 1958` | 1958-04 – 1958-05 |
//! | month and year | `January 1958`, `March, 1958` | 1958-01 |
//! | year range | `1944-1956` (not in parentheses: those are life dates) | 1944 – 1956 |
//! | year | `1947` | 1947 |
//!
//! Years are four-digit numbers from 1500 to 2100.

use std::fmt;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::companion::TomlFile;
use crate::error::ParseError;
use crate::model::{plain_text, Block, Document, Inline};
use crate::parse::MONTHS;

/// A date with the precision the source gives: a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?),
        };
        if parts.next().is_some() || (day.is_some() && month.is_none()) {
            return None;
        }
        Some(PartialDate { year, month, day })
    }

    /// The date as a fraction of years (the middle of its month or year when less precise), for axes.
    pub fn as_year_fraction(&self) -> f64 {
        let year = f64::from(self.year);
        match (self.month, self.day) {
            (Some(m), Some(d)) => year + (f64::from(m) - 1.0) / 12.0 + (f64::from(d) - 0.5) / 365.0,
            (Some(m), None) => year + (f64::from(m) - 0.5) / 12.0,
            _ => year + 0.5,
        }
    }
}

impl fmt::Display for PartialDate {
    /// ISO 8601 at the date's precision: `1958`, `1958-05`, `1958-05-13`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// Where a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateSource {
    Note(u32),
    Turn(u32),
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateSource::Note(n) => write!(f, "note {n}"),
            DateSource::Turn(n) => write!(f, "turn {n}"),
        }
    }
}

/// A date or period the record refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedReference {
    pub label: String,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub source: DateSource,
    /// The words of the source that hold the date.
    pub quote: String,
    /// The turn the reference belongs to (the turn that cites the note).
    pub turn: Option<u32>,
    /// A reviewer's remark (a correction, how a relative date was resolved).
    pub remark: Option<String>,
}

/// The turn holding the first reference to each note (indexed by note number).
fn note_turns(document: &Document) -> Vec<Option<u32>> {
    let max = document.notes.iter().map(|n| n.number).max().unwrap_or(0) as usize;
    let mut turns = vec![None; max + 1];
    for block in &document.blocks {
        if let Block::Turn(turn) = block {
            for inline in turn.paragraphs.iter().flat_map(|p| &p.inlines) {
                if let Inline::NoteRef { number, .. } = inline {
                    if let Some(slot) = turns.get_mut(*number as usize) {
                        slot.get_or_insert(turn.number);
                    }
                }
            }
        }
    }
    turns
}

/// Dated references found in the notes by the documented patterns, in note order.
pub fn extract(document: &Document) -> Vec<DatedReference> {
    let turns = note_turns(document);
    let mut found = Vec::new();
    for note in &document.notes {
        let text: String = note
            .paragraphs
            .iter()
            .map(|p| plain_text(&p.inlines))
            .collect::<Vec<_>>()
            .join(" ");
        let label = first_clause(&text);
        for (start, end, quote) in scan(&text) {
            found.push(DatedReference {
                label: label.clone(),
                start,
                end,
                source: DateSource::Note(note.number),
                quote,
                turn: turns.get(note.number as usize).copied().flatten(),
                remark: None,
            });
        }
    }
    found
}

/// The note's text up to its first full stop, at most 80 characters.
fn first_clause(text: &str) -> String {
    let clause = text
        .split(". ")
        .next()
        .unwrap_or(text)
        .trim_end_matches('.');
    let mut out: String = clause.chars().take(80).collect();
    if clause.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'a> {
    Word(&'a str),
    Number(u32, usize),
    Mark(char),
}

fn tokens(text: &str) -> Vec<(Token<'_>, usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let run = |chars: &mut std::iter::Peekable<std::str::CharIndices>,
                   keep: fn(char) -> bool| {
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if !keep(next) {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            end
        };
        if c.is_alphabetic() {
            let end = run(&mut chars, char::is_alphabetic);
            out.push((Token::Word(&text[start..end]), start, end));
        } else if c.is_ascii_digit() {
            let end = run(&mut chars, |c| c.is_ascii_digit());
            let digits = &text[start..end];
            out.push((
                Token::Number(digits.parse().unwrap_or(u32::MAX), digits.len()),
                start,
                end,
            ));
        } else if !c.is_whitespace() {
            out.push((Token::Mark(c), start, start + c.len_utf8()));
        }
    }
    out
}

fn month(token: Option<&(Token, usize, usize)>) -> Option<u8> {
    match token {
        Some((Token::Word(w), _, _)) => MONTHS
            .iter()
            .position(|m| m == w)
            .and_then(|i| u8::try_from(i + 1).ok()),
        _ => None,
    }
}

fn day(token: Option<&(Token, usize, usize)>) -> Option<u8> {
    match token {
        Some((Token::Number(n, _), _, _)) if (1..=31).contains(n) => u8::try_from(*n).ok(),
        _ => None,
    }
}

fn year(token: Option<&(Token, usize, usize)>) -> Option<u16> {
    match token {
        Some((Token::Number(n, 4), _, _)) if (FIRST_YEAR..=LAST_YEAR).contains(n) => {
            u16::try_from(*n).ok()
        }
        _ => None,
    }
}

fn is_mark(token: Option<&(Token, usize, usize)>, marks: &[char]) -> bool {
    matches!(token, Some((Token::Mark(c), _, _)) if marks.contains(c))
}

fn is_word(token: Option<&(Token, usize, usize)>, word: &str) -> bool {
    matches!(token, Some((Token::Word(w), _, _)) if *w == word)
}

const DASHES: &[char] = &['-', '–'];
/// Four-digit numbers outside these years are not dates (page numbers such as 1018-1019).
const FIRST_YEAR: u32 = 1500;
const LAST_YEAR: u32 = 2100;

/// Every date the patterns find in `text`, with the words that hold it.
fn scan(text: &str) -> Vec<(PartialDate, Option<PartialDate>, String)> {
    let toks = tokens(text);
    let at = |i: usize| toks.get(i);
    let date = |year: u16, month: Option<u8>, day: Option<u8>| PartialDate { year, month, day };
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // (start, end, tokens consumed)
        let matched: Option<(PartialDate, Option<PartialDate>, usize)> =
            if let Some(m) = month(at(i)) {
                if let Some(d) = day(at(i + 1)) {
                    if is_mark(at(i + 2), DASHES)
                        && day(at(i + 3)).is_some()
                        && is_mark(at(i + 4), &[','])
                        && year(at(i + 5)).is_some()
                    {
                        let y = year(at(i + 5)).unwrap_or_default();
                        Some((
                            date(y, Some(m), Some(d)),
                            Some(date(y, Some(m), day(at(i + 3)))),
                            6,
                        ))
                    } else if is_word(at(i + 2), "to")
                        && month(at(i + 3)).is_some()
                        && day(at(i + 4)).is_some()
                        && is_mark(at(i + 5), &[','])
                        && year(at(i + 6)).is_some()
                    {
                        let y = year(at(i + 6)).unwrap_or_default();
                        Some((
                            date(y, Some(m), Some(d)),
                            Some(date(y, month(at(i + 3)), day(at(i + 4)))),
                            7,
                        ))
                    } else if is_mark(at(i + 2), &[',']) && year(at(i + 3)).is_some() {
                        Some((
                            date(year(at(i + 3)).unwrap_or_default(), Some(m), Some(d)),
                            None,
                            4,
                        ))
                    } else {
                        None
                    }
                } else if is_mark(at(i + 1), DASHES) && month(at(i + 2)).is_some() {
                    let (y, used) = if is_mark(at(i + 3), &[',']) {
                        (year(at(i + 4)), 5)
                    } else {
                        (year(at(i + 3)), 4)
                    };
                    y.map(|y| {
                        (
                            date(y, Some(m), None),
                            Some(date(y, month(at(i + 2)), None)),
                            used,
                        )
                    })
                } else if is_mark(at(i + 1), &[',']) && year(at(i + 2)).is_some() {
                    Some((
                        date(year(at(i + 2)).unwrap_or_default(), Some(m), None),
                        None,
                        3,
                    ))
                } else {
                    year(at(i + 1)).map(|y| (date(y, Some(m), None), None, 2))
                }
            } else if let Some(y) = year(at(i)) {
                let in_parentheses = i > 0 && is_mark(at(i - 1), &['(']);
                match year(at(i + 2)).filter(|_| is_mark(at(i + 1), DASHES)) {
                    Some(_) if in_parentheses => {
                        i += 3; // life dates: (1918-1998)
                        continue;
                    }
                    Some(end) => Some((date(y, None, None), Some(date(end, None, None)), 3)),
                    None => Some((date(y, None, None), None, 1)),
                }
            } else {
                None
            };
        match matched {
            Some((start, end, used)) => {
                let (from, to) = (toks[i].1, toks[i + used - 1].2);
                found.push((start, end, text[from..to].to_string()));
                i += used;
            }
            None => i += 1,
        }
    }
    found
}

/// The reviewed file's shape (see `transcripts/*.dates.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewedFile {
    #[serde(default)]
    event: Vec<ReviewedEvent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReviewedEvent {
    label: String,
    start: Spanned<String>,
    end: Option<Spanned<String>>,
    source: Spanned<String>,
    quote: Spanned<String>,
    turn: Option<Spanned<u32>>,
    note: Option<String>,
}

/// Reads a reviewed dates file and checks it against the record: dates well
/// formed, sources and turns that exist, quotes found verbatim in the record's text.
pub fn parse_reviewed(
    file: &str,
    text: &str,
    document: &Document,
    record_text: &str,
) -> Result<Vec<DatedReference>, Vec<ParseError>> {
    let toml_file = TomlFile { file, text };
    let error_at = |span: std::ops::Range<usize>, message: String| toml_file.error(span, message);
    let parsed: ReviewedFile = toml_file.parse()?;
    let turns = document.turns().count() as u32;
    let mut errors = Vec::new();
    let mut events = Vec::new();
    for event in parsed.event {
        let mut date = |field: &Spanned<String>| {
            let parsed = PartialDate::parse(field.get_ref());
            if parsed.is_none() {
                errors.push(error_at(
                    field.span(),
                    format!(
                        "bad date \"{}\"; expected YYYY, YYYY-MM or YYYY-MM-DD",
                        field.get_ref()
                    ),
                ));
            }
            parsed
        };
        let start = date(&event.start);
        let end = event.end.as_ref().and_then(&mut date);
        let source = parse_source(event.source.get_ref()).filter(|s| match s {
            DateSource::Note(n) => document.note(*n).is_some(),
            DateSource::Turn(n) => (1..=turns).contains(n),
        });
        if source.is_none() {
            errors.push(error_at(
                event.source.span(),
                format!(
                    "no such source \"{}\"; expected \"note N\" or \"turn N\" of the record",
                    event.source.get_ref()
                ),
            ));
        }
        if !record_text.contains(event.quote.get_ref().as_str()) {
            errors.push(error_at(
                event.quote.span(),
                "quote not found in the record; expected its exact words".to_string(),
            ));
        }
        if let Some(turn) = &event.turn {
            if !(1..=turns).contains(turn.get_ref()) {
                errors.push(error_at(
                    turn.span(),
                    format!("no turn {} in the record", turn.get_ref()),
                ));
            }
        }
        if let (Some(start), Some(source)) = (start, source) {
            events.push(DatedReference {
                label: event.label,
                start,
                end,
                source,
                quote: event.quote.into_inner(),
                turn: event.turn.map(Spanned::into_inner),
                remark: event.note,
            });
        }
    }
    if errors.is_empty() {
        Ok(events)
    } else {
        Err(errors)
    }
}

fn parse_source(text: &str) -> Option<DateSource> {
    let (kind, number) = text.split_once(' ')?;
    let number = number.parse().ok()?;
    match kind {
        "note" => Some(DateSource::Note(number)),
        "turn" => Some(DateSource::Turn(number)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        scan(text)
            .into_iter()
            .map(|(start, end, quote)| match end {
                Some(end) => format!("{start}/{end} {quote}"),
                None => format!("{start} {quote}"),
            })
            .collect()
    }

    #[test]
    fn each_documented_pattern() {
        assert_eq!(
            dates("took place July 16-22, 1958."),
            ["1958-07-16/1958-07-22 July 16-22, 1958"]
        );
        assert_eq!(
            dates("from May 27 to July 22, 1958."),
            ["1958-05-27/1958-07-22 May 27 to July 22, 1958"]
        );
        assert_eq!(
            dates("signed on May 15, 1955."),
            ["1955-05-15 May 15, 1955"]
        );
        assert_eq!(
            dates("in April-May, 1958."),
            ["1958-04/1958-05 April-May, 1958"]
        );
        assert_eq!(
            dates("in January 1958, and in March, 1958"),
            ["1958-01 January 1958", "1958-03 March, 1958"]
        );
        assert_eq!(dates("operated in 1944-1956"), ["1944/1956 1944-1956"]);
        assert_eq!(dates("Wells (1866-1946) visited in 1920."), ["1920 1920"]);
        assert_eq!(
            dates("page 846-49 of no. 12, pages 1018-1019"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn partial_dates_read_and_write_iso() {
        for text in ["1958", "1958-05", "1958-05-13"] {
            assert_eq!(
                PartialDate::parse(text).map(|d| d.to_string()).as_deref(),
                Some(text)
            );
        }
        for bad in ["58", "1958-13", "1958-05-32", "1958-5-1-1", "May 1958"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert!(
            PartialDate::parse("1958").unwrap_or(PartialDate {
                year: 0,
                month: None,
                day: None
            }) < PartialDate::parse("1958-01").unwrap_or(PartialDate {
                year: 0,
                month: None,
                day: None
            })
        );
    }
}
