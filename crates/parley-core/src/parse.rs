//! The parser for Parley's plain-text record format.

use std::collections::{HashMap, HashSet};

use crate::error::{ErrorKind, ParseError, ParseErrors};
use crate::meta::Metadata;
use crate::model::{
    Block, Date, Delegation, Document, Inline, Note, Paragraph, PresentList, RelatedDocument, Turn,
    TurnKind,
};
use crate::people::{resolve_people, LabelUse};
use crate::position::{line_col, to_u32};
use crate::topics::Topics;

/// The line that ends the dialogue and opens the back matter.
const TRANSCRIBED_BY: &str = "Conversation transcribed by";
/// The heading of the list of related documents.
const RELATED_DOCUMENTS: &str = "Related Documents";

/// Parses a record from raw bytes, reporting invalid UTF-8 with its position.
pub fn parse_bytes(file: &str, bytes: &[u8], meta: &Metadata) -> Result<Document, ParseErrors> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(file, text, meta),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // The prefix up to `valid_up_to` is valid UTF-8 by definition.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = line_col(prefix, prefix.len());
            Err(ParseErrors(vec![ParseError {
                file: file.to_string(),
                line,
                column,
                kind: ErrorKind::NotUtf8,
            }]))
        }
    }
}

/// Parses a record in Parley's plain-text format.
///
/// # The format
///
/// A record is UTF-8 text made of *paragraphs* separated by blank lines
/// (lines that hold only white space). Consecutive non-blank lines form one
/// paragraph. In order:
///
/// ```text
/// record       = header present dialogue back-matter
/// header       = date-line title [place]          ; one paragraph each
/// date-line    = Month " " Day ", " Year           ; "August 2, 1958"
/// present      = heading list+                     ; heading starts with "Present"
/// list         = ("Cdes." | "Cde.") name ("," name)* [";" | "."]
///                                                   ; one per delegation, in metadata order
/// dialogue     = (turn | continuation | stage-direction | lacuna)*
/// turn         = label ". " speech                 ; direct:   "MAO ZEDONG. Today…"
///              | label " " narration               ; reported: "N.S. KHRUSHCHEV says that…"
/// label        = label-word (" " label-word)*      ; at least one upper-case word
/// label-word   = initials | UPPER-WORD             ; "N.S." | "KHRUSHCHEV"
/// continuation = paragraph without a label         ; belongs to the turn before it
/// stage-direction = a paragraph listed in the metadata's `stage_directions`
/// lacuna       = two or more blank lines between dialogue paragraphs
/// back-matter  = "Conversation transcribed by" transcriber+ citation
///                note* ["Related Documents" (date-line title summary)*]
/// note         = "[" number "]" text paragraph*    ; numbered 1, 2, 3, … in order
/// ```
///
/// Inside any paragraph, `[digits]` is a reference to a note and any other
/// bracketed text (`[ustranenie]`, `[?]`) is an editorial insertion. Brackets
/// must close within their paragraph and do not nest.
///
/// An upper-case word has at least two upper-case letters and may hold `-`,
/// `'` or `’`. A label followed by a space and narration counts as a turn only
/// when it is known: used in a direct turn, given in the metadata, or
/// matching a name in a "Present" list; otherwise the paragraph is text.
///
/// The dialogue ends at "Conversation transcribed by", at the first note, or
/// at "Related Documents" (so no dialogue paragraph may open with `[n]`). In the back matter, the last paragraph before the
/// notes is the archival citation and those before it are the transcribers.
///
/// # Errors
///
/// Every problem found is returned with the file name, a 1-based line and
/// column, and what was expected ([`ErrorKind`]). The parser never panics.
pub fn parse(file: &str, text: &str, meta: &Metadata) -> Result<Document, ParseErrors> {
    let mut parser = Parser {
        file,
        errors: Vec::new(),
        seen_refs: HashSet::new(),
        refs: Vec::new(),
    };
    let document = parser.document(text, meta);
    match document {
        Some(document) if parser.errors.is_empty() => Ok(document),
        _ => {
            let mut errors = parser.errors;
            errors.sort_by_key(|error| (error.file != file, error.line, error.column));
            Err(ParseErrors(errors))
        }
    }
}

/// A paragraph of the source: its lines joined by `\n`, and where it starts.
struct Para<'a> {
    text: &'a str,
    /// 1-based line of its first line.
    line: u32,
    /// Blank lines between it and the paragraph before.
    blank_before: usize,
}

impl Para<'_> {
    fn trimmed(&self) -> &str {
        self.text.trim()
    }

    /// Byte offset (within `text`) of the first non-blank character.
    fn start(&self) -> usize {
        self.text.len() - self.text.trim_start().len()
    }
}

fn paragraphs(text: &str) -> Vec<Para<'_>> {
    let mut paras = Vec::new();
    let mut blank = 0;
    let mut current: Option<(usize, usize, u32, usize)> = None; // start, end, line, blank_before
    let mut offset = 0;
    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let line_number = to_u32(index + 1);
        if line.trim().is_empty() {
            if let Some((start, end, line, blank_before)) = current.take() {
                paras.push(Para {
                    text: &text[start..end],
                    line,
                    blank_before,
                });
            }
            blank += 1;
        } else {
            match current.as_mut() {
                Some((_, end, _, _)) => *end = offset + line.len(),
                None => {
                    current = Some((offset, offset + line.len(), line_number, blank));
                    blank = 0;
                }
            }
        }
        offset += raw_line.len();
    }
    if let Some((start, end, line, blank_before)) = current {
        paras.push(Para {
            text: &text[start..end],
            line,
            blank_before,
        });
    }
    paras
}

struct Parser<'f> {
    file: &'f str,
    errors: Vec<ParseError>,
    /// Note numbers referenced so far, to mark first references.
    seen_refs: HashSet<u32>,
    /// Every note reference with its position, checked against the notes at the end.
    refs: Vec<(u32, u32, u32)>,
}

impl Parser<'_> {
    fn error(&mut self, line: u32, column: u32, kind: ErrorKind) {
        self.errors.push(ParseError {
            file: self.file.to_string(),
            line,
            column,
            kind,
        });
    }

    /// Position of byte `at` (relative to the paragraph's text).
    fn pos(para: &Para, at: usize) -> (u32, u32) {
        let (line, column) = line_col(para.text, at);
        (para.line + line - 1, column)
    }

    fn error_in(&mut self, para: &Para, at: usize, kind: ErrorKind) {
        let (line, column) = Self::pos(para, at);
        self.error(line, column, kind);
    }

    fn document(&mut self, text: &str, meta: &Metadata) -> Option<Document> {
        if let Some((offset, c)) = text
            .char_indices()
            .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            let (line, column) = line_col(text, offset);
            self.error(line, column, ErrorKind::ControlCharacter(c));
            return None;
        }
        let paras = paragraphs(text);
        if paras.is_empty() {
            self.error(1, 1, ErrorKind::Empty);
            return None;
        }
        let end_of_file = line_col(text, text.len());
        let header = self.header(&paras, end_of_file)?;

        // The dialogue runs from after the "Present" lists to the back matter.
        let body_start = header.body_start;
        let body_end = paras[body_start..]
            .iter()
            .position(|p| {
                let t = p.trimmed();
                is_transcribed_by(t) || t == RELATED_DOCUMENTS || note_number(t).is_some()
            })
            .map_or(paras.len(), |i| body_start + i);
        let body = &paras[body_start..body_end];
        // Each distinct label once: they are searched for every unlabelled paragraph.
        let mut direct_labels: Vec<&str> = body
            .iter()
            .filter_map(|p| match scan_label(p.trimmed()) {
                LabelScan::Direct { label, .. } => Some(label),
                _ => None,
            })
            .collect();
        direct_labels.sort_unstable();
        direct_labels.dedup();
        let mut label_uses = Vec::new();
        let people_ctx = PeopleContext {
            meta,
            lists: &header.lists,
            direct_labels: &direct_labels,
        };
        let blocks = self.dialogue(body, meta, &people_ctx, &mut label_uses);

        let mut cursor = body_end;
        let source = self.transcription(&paras, &mut cursor, end_of_file);
        let notes = self.notes(&paras, &mut cursor);
        let (related_heading, related) = self.related(&paras[cursor..]);
        self.check_references(&notes);

        let (people, names) = resolve_people(
            self.file,
            meta,
            &header.lists,
            &mut label_uses,
            &mut self.errors,
        );
        let delegations = header
            .lists
            .into_iter()
            .zip(names)
            .map(|(present, (id, name))| Delegation { id, name, present })
            .collect();
        let blocks = blocks
            .into_iter()
            .map(|block| match block {
                PendingBlock::Turn(turn, use_index) => Block::Turn(Turn {
                    speaker: label_uses[use_index].person,
                    ..turn
                }),
                PendingBlock::Other(block) => block,
            })
            .collect();
        let (transcribed_heading, transcribers, citation) = source?;
        Some(Document {
            source_name: self.file.to_string(),
            date: header.date,
            date_text: header.date_text,
            title: header.title,
            place: header.place,
            present_heading: header.present_heading,
            delegations,
            people,
            blocks,
            transcribed_heading,
            transcribers,
            citation,
            notes,
            related_heading,
            related,
            dated: Vec::new(),
            dated_reviewed: false,
            topics: Topics::default(),
            index: Vec::new(),
            sections: std::iter::once(crate::text::record::FIRST_SECTION.to_string())
                .chain(meta.section_breaks.iter().map(|b| b.get_ref().clone()))
                .collect(),
            publication: meta.publication.clone(),
        })
    }

    /// Date, title, place, the "Present" heading and lists.
    fn header(&mut self, paras: &[Para], end_of_file: (u32, u32)) -> Option<Header> {
        let Some(present_at) = paras.iter().position(|p| is_present_heading(p.trimmed())) else {
            let (line, column) = end_of_file;
            self.error(
                line,
                column,
                ErrorKind::Missing("the \"Present …:\" heading before the dialogue"),
            );
            return None;
        };
        let fields = &paras[..present_at];
        let heading_para = &paras[present_at];
        let Some(date_para) = fields.first() else {
            self.error_in(
                heading_para,
                heading_para.start(),
                ErrorKind::Missing("the date line (\"August 2, 1958\")"),
            );
            return None;
        };
        let (date_text, date) = self.date(date_para);
        let Some(title_para) = fields.get(1) else {
            self.error_in(
                heading_para,
                heading_para.start(),
                ErrorKind::Missing("the title line after the date"),
            );
            return None;
        };
        let title = self.paragraph(title_para);
        let place = fields.get(2).map(|p| self.paragraph(p));
        for extra in fields.iter().skip(3) {
            self.error_in(
                extra,
                extra.start(),
                ErrorKind::Missing("the \"Present …:\" heading after the place line"),
            );
        }
        let present_heading = self.paragraph(heading_para);
        let lists: Vec<PresentList> = paras[present_at + 1..]
            .iter()
            .map_while(present_list)
            .collect();
        let body_start = present_at + 1 + lists.len();
        for para in &paras[present_at + 1..body_start] {
            if let Some(comma) = empty_name(para.text) {
                self.error_in(para, comma, ErrorKind::EmptyPresentName);
            }
        }
        if lists.is_empty() {
            match paras.get(body_start) {
                Some(para) => self.error_in(para, para.start(), ErrorKind::BadPresentList),
                None => self.error(heading_para.line + 1, 1, ErrorKind::BadPresentList),
            }
        }
        Some(Header {
            date: date.unwrap_or_default(),
            date_text,
            title,
            place,
            present_heading,
            lists,
            body_start,
        })
    }

    /// "Conversation transcribed by", the transcribers and the archival citation.
    fn transcription(
        &mut self,
        paras: &[Para],
        cursor: &mut usize,
        end_of_file: (u32, u32),
    ) -> Option<(String, Vec<Paragraph>, Paragraph)> {
        let heading = match paras.get(*cursor) {
            Some(p) if is_transcribed_by(p.trimmed()) => p,
            other => {
                let (line, column) = other.map_or(end_of_file, |p| Self::pos(p, p.start()));
                self.error(
                    line,
                    column,
                    ErrorKind::Missing(
                        "the line \"Conversation transcribed by\" after the dialogue",
                    ),
                );
                return None;
            }
        };
        *cursor += 1;
        let start = *cursor;
        while paras.get(*cursor).is_some_and(|p| {
            let t = p.trimmed();
            t != RELATED_DOCUMENTS && note_number(t).is_none()
        }) {
            *cursor += 1;
        }
        let Some((citation, transcribers)) = paras[start..*cursor].split_last() else {
            self.error_in(heading, heading.start(), ErrorKind::MissingCitation);
            return None;
        };
        if transcribers.is_empty() {
            self.error_in(heading, heading.start(), ErrorKind::MissingCitation);
            return None;
        }
        let transcribers = transcribers.iter().map(|p| self.paragraph(p)).collect();
        let citation = self.paragraph(citation);
        Some((heading.trimmed().to_string(), transcribers, citation))
    }

    /// The notes `[1] …`, each with any paragraphs that continue it, numbered 1, 2, 3, …
    fn notes(&mut self, paras: &[Para], cursor: &mut usize) -> Vec<Note> {
        let mut notes: Vec<Note> = Vec::new();
        let mut note_lines: HashMap<u32, u32> = HashMap::new();
        while let Some(para) = paras.get(*cursor) {
            let t = para.trimmed();
            if t == RELATED_DOCUMENTS {
                break;
            }
            *cursor += 1;
            match note_number(t) {
                Some(Ok((number, text_start))) => {
                    let expected = notes.last().map_or(1, |n| n.number + 1);
                    if let Some(&first_line) = note_lines.get(&number) {
                        let kind = ErrorKind::DuplicateNote { number, first_line };
                        self.error_in(para, para.start(), kind);
                    } else if number != expected {
                        let kind = ErrorKind::MissingNote {
                            expected,
                            found: number,
                        };
                        self.error_in(para, para.start(), kind);
                    }
                    note_lines.entry(number).or_insert(para.line);
                    let rest = &t[text_start..];
                    let paragraph = self.paragraph_at(para, para.start() + text_start, rest);
                    notes.push(Note {
                        number,
                        spaced: rest.starts_with(char::is_whitespace),
                        paragraphs: vec![paragraph],
                    });
                }
                Some(Err(bad)) => {
                    self.error_in(para, para.start() + 1, ErrorKind::BadNoteNumber(bad));
                }
                None => {
                    let paragraph = self.paragraph(para);
                    match notes.last_mut() {
                        Some(note) => note.paragraphs.push(paragraph),
                        None => self.error_in(
                            para,
                            para.start(),
                            ErrorKind::Missing("a note \"[1] …\" or \"Related Documents\""),
                        ),
                    }
                }
            }
        }
        notes
    }

    /// "Related Documents" and its entries of three paragraphs: date, title, summary.
    fn related(&mut self, paras: &[Para]) -> (Option<String>, Vec<RelatedDocument>) {
        let Some((heading, entries)) = paras.split_first() else {
            return (None, Vec::new());
        };
        let mut related = Vec::new();
        for group in entries.chunks(3) {
            let [date_para, title_para, summary_para] = group else {
                self.error_in(
                    &group[0],
                    group[0].start(),
                    ErrorKind::IncompleteRelatedDocument,
                );
                continue;
            };
            let (date_text, date) = self.date(date_para);
            related.push(RelatedDocument {
                date: date.unwrap_or_default(),
                date_text,
                title: self.paragraph(title_para),
                summary: self.paragraph(summary_para),
            });
        }
        (Some(heading.trimmed().to_string()), related)
    }

    /// Every reference has a note, and every note a reference.
    fn check_references(&mut self, notes: &[Note]) {
        let defined: HashSet<u32> = notes.iter().map(|n| n.number).collect();
        for (number, line, column) in std::mem::take(&mut self.refs) {
            if !defined.contains(&number) {
                self.error(line, column, ErrorKind::NoteRefWithoutNote(number));
            }
        }
        for note in notes {
            if !self.seen_refs.contains(&note.number) {
                let line = note.paragraphs.first().map_or(1, |p| p.line);
                self.error(line, 1, ErrorKind::NoteNeverReferenced(note.number));
            }
        }
    }

    fn dialogue(
        &mut self,
        body: &[Para],
        meta: &Metadata,
        people: &PeopleContext,
        label_uses: &mut Vec<LabelUse>,
    ) -> Vec<PendingBlock> {
        let mut blocks: Vec<PendingBlock> = Vec::new();
        let mut stage_found = vec![false; meta.stage_directions.len()];
        let mut number = 0u32;
        let mut section = 1u32;
        for (index, para) in body.iter().enumerate() {
            let t = para.trimmed();
            if index > 0 && para.blank_before >= 2 {
                blocks.push(PendingBlock::Other(Block::Lacuna {
                    line: para.line - to_u32(para.blank_before),
                }));
            }
            if let Some(i) = meta
                .stage_directions
                .iter()
                .position(|s| s.get_ref().trim() == t)
            {
                stage_found[i] = true;
                if meta.section_breaks.iter().any(|b| b.get_ref().trim() == t) {
                    section += 1;
                }
                let paragraph = self.paragraph(para);
                blocks.push(PendingBlock::Other(Block::StageDirection(paragraph)));
                continue;
            }
            if t.starts_with('.') {
                self.error_in(para, para.start(), ErrorKind::EmptySpeakerLabel);
                continue;
            }
            let (label, kind, rest_start) = match scan_label(t) {
                LabelScan::Direct { label, rest_start } => (label, TurnKind::Direct, rest_start),
                LabelScan::Reported { label, rest_start } if people.knows(label) => {
                    (label, TurnKind::Reported, rest_start)
                }
                // A label and nothing else: an empty direct turn, reported below.
                LabelScan::LabelOnly { label } => (label, TurnKind::Direct, label.len()),
                _ => {
                    if let Some(expected) = people.miscased_label(t) {
                        let label = t[..expected.len()].to_string();
                        self.error_in(
                            para,
                            para.start(),
                            ErrorKind::LabelNotUpperCase { label, expected },
                        );
                        continue;
                    }
                    let paragraph = self.paragraph(para);
                    match blocks.last_mut() {
                        Some(PendingBlock::Turn(turn, _)) => turn.paragraphs.push(paragraph),
                        _ => self.error_in(para, para.start(), ErrorKind::ParagraphWithoutSpeaker),
                    }
                    continue;
                }
            };
            let rest = &t[rest_start..];
            if kind == TurnKind::Direct && rest.trim().is_empty() {
                self.error_in(
                    para,
                    para.start() + label.len(),
                    ErrorKind::EmptySpeech {
                        label: label.to_string(),
                    },
                );
                continue;
            }
            let first = self.paragraph_at(para, para.start() + rest_start, rest);
            number += 1;
            let use_index = match label_uses.iter().position(|u| u.label == label) {
                Some(i) => i,
                None => {
                    label_uses.push(LabelUse {
                        label: label.to_string(),
                        person: 0,
                    });
                    label_uses.len() - 1
                }
            };
            blocks.push(PendingBlock::Turn(
                Turn {
                    number,
                    speaker: 0,
                    label: label.to_string(),
                    kind,
                    section,
                    paragraphs: vec![first],
                },
                use_index,
            ));
        }
        for section_break in &meta.section_breaks {
            if !meta
                .stage_directions
                .iter()
                .any(|s| s.get_ref() == section_break.get_ref())
            {
                let kind = ErrorKind::Metadata(format!(
                    "section break \"{}\" is not one of the stage_directions",
                    section_break.get_ref()
                ));
                self.errors.push(meta.error_at(section_break.span(), kind));
            }
        }
        for (found, direction) in stage_found.iter().zip(&meta.stage_directions) {
            if !*found {
                self.errors.push(meta.error_at(
                    direction.span(),
                    ErrorKind::StageDirectionNotFound(direction.get_ref().clone()),
                ));
            }
        }
        blocks
    }

    /// A date paragraph as written and as read; a bad date is reported.
    fn date(&mut self, para: &Para) -> (String, Option<Date>) {
        let text = para.trimmed().to_string();
        let date = parse_date(&text);
        if date.is_none() {
            self.error_in(para, para.start(), ErrorKind::BadDate(text.clone()));
        }
        (text, date)
    }

    /// The whole (trimmed) paragraph as inline content.
    fn paragraph(&mut self, para: &Para) -> Paragraph {
        let start = para.start();
        self.paragraph_at(para, start, para.trimmed())
    }

    /// `text` (a slice of the paragraph starting at byte `at`) as inline content.
    fn paragraph_at(&mut self, para: &Para, at: usize, text: &str) -> Paragraph {
        let (line, _) = Self::pos(para, at);
        let inlines = self.inlines(para, at, text.trim());
        Paragraph { line, inlines }
    }

    /// Splits text into plain runs, note references and editorial insertions.
    fn inlines(&mut self, para: &Para, at: usize, text: &str) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut plain_start = 0;
        let mut open: Option<usize> = None;
        for (i, c) in text.char_indices() {
            match (c, open) {
                ('[', None) => {
                    push_text(&mut out, &text[plain_start..i]);
                    open = Some(i);
                }
                ('[', Some(_)) => {
                    self.error_in(para, at + i, ErrorKind::NestedBracket);
                    return out;
                }
                (']', None) => {
                    self.error_in(para, at + i, ErrorKind::UnmatchedClosingBracket);
                    return out;
                }
                (']', Some(start)) => {
                    let inner = &text[start + 1..i];
                    if inner.trim().is_empty() {
                        self.error_in(para, at + start, ErrorKind::EmptyBracket);
                    } else if inner.bytes().all(|b| b.is_ascii_digit()) {
                        match inner.parse::<u32>() {
                            Ok(number) if (1..=99_999).contains(&number) => {
                                let first = self.seen_refs.insert(number);
                                let (line, column) = Self::pos(para, at + start);
                                self.refs.push((number, line, column));
                                out.push(Inline::NoteRef { number, first });
                            }
                            _ => self.error_in(
                                para,
                                at + start + 1,
                                ErrorKind::BadNoteNumber(inner.to_string()),
                            ),
                        }
                    } else {
                        out.push(Inline::Editorial(inner.replace('\n', " ")));
                    }
                    open = None;
                    plain_start = i + 1;
                }
                _ => {}
            }
        }
        match open {
            Some(start) => self.error_in(para, at + start, ErrorKind::UnclosedBracket),
            None => push_text(&mut out, &text[plain_start..]),
        }
        out
    }
}

/// The parts of the record before the dialogue.
struct Header {
    date: Date,
    date_text: String,
    title: Paragraph,
    place: Option<Paragraph>,
    present_heading: Paragraph,
    lists: Vec<PresentList>,
    /// Index of the first paragraph after the "Present" lists.
    body_start: usize,
}

/// `Present [at the meeting]:` — a paragraph starting with "Present" and ending with a colon.
fn is_present_heading(text: &str) -> bool {
    text.starts_with("Present") && text.ends_with(':')
}

fn is_transcribed_by(text: &str) -> bool {
    text.trim_end_matches(':') == TRANSCRIBED_BY
}

/// A block whose turn's speaker is not resolved yet (index into the label uses).
enum PendingBlock {
    Turn(Turn, usize),
    Other(Block),
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if !text.is_empty() {
        out.push(Inline::Text(text.replace(['\n', '\r'], " ")));
    }
}

/// What the parser knows about speakers while reading the dialogue.
struct PeopleContext<'a> {
    meta: &'a Metadata,
    lists: &'a [PresentList],
    direct_labels: &'a [&'a str],
}

impl PeopleContext<'_> {
    fn known_labels(&self) -> impl Iterator<Item = &str> {
        self.direct_labels
            .iter()
            .copied()
            .chain(self.meta.people.iter().filter_map(|p| p.label.as_deref()))
    }

    /// Whether `label` names a known speaker (see [`parse`]).
    fn knows(&self, label: &str) -> bool {
        self.known_labels().any(|known| known == label)
            || self
                .lists
                .iter()
                .flat_map(|list| &list.names)
                .any(|name| crate::people::label_matches_name(label, name))
    }

    /// The known label, or upper-cased "Present" name, that starts `text` in
    /// the wrong case and is followed by a period (`Mao Zedong. …`).
    fn miscased_label(&self, text: &str) -> Option<String> {
        let listed = self
            .lists
            .iter()
            .flat_map(|list| &list.names)
            .map(|name| name.to_uppercase());
        self.known_labels()
            .map(str::to_string)
            .chain(listed)
            .find(|known| {
                text.get(..known.len()).is_some_and(|head| {
                    head != known
                        && head.to_uppercase() == *known
                        && text[known.len()..].starts_with('.')
                })
            })
    }
}

/// How a paragraph opens.
#[derive(Debug, PartialEq, Eq)]
enum LabelScan<'a> {
    Direct { label: &'a str, rest_start: usize },
    Reported { label: &'a str, rest_start: usize },
    LabelOnly { label: &'a str },
    None,
}

/// Reads a speaker label at the start of `text` (see the grammar on [`parse`]).
fn scan_label(text: &str) -> LabelScan<'_> {
    let mut pos = 0;
    loop {
        let rest = &text[pos..];
        if let Some(len) = initials_len(rest) {
            pos += len;
            if !text[pos..].starts_with(' ') {
                return LabelScan::None;
            }
            pos += 1;
            continue;
        }
        let len = upper_word_len(rest);
        if len == 0 {
            return LabelScan::None;
        }
        pos += len;
        let after = &text[pos..];
        if after.is_empty() {
            return LabelScan::LabelOnly {
                label: &text[..pos],
            };
        }
        if let Some(speech) = after.strip_prefix('.') {
            let rest_start = pos + 1 + (speech.len() - speech.trim_start().len());
            return LabelScan::Direct {
                label: &text[..pos],
                rest_start,
            };
        }
        if let Some(next) = after.strip_prefix(' ') {
            if initials_len(next).is_some() || upper_word_len(next) > 0 {
                pos += 1;
                continue;
            }
            return LabelScan::Reported {
                label: &text[..pos],
                rest_start: pos + 1,
            };
        }
        return LabelScan::None;
    }
}

/// Length of initials such as `N.S.` at the start of `text`.
fn initials_len(text: &str) -> Option<usize> {
    let mut len = 0;
    let mut chars = text.chars();
    loop {
        let mut ahead = chars.clone();
        match (ahead.next(), ahead.next()) {
            (Some(letter), Some('.')) if letter.is_uppercase() => {
                len += letter.len_utf8() + 1;
                chars = ahead;
            }
            _ => break,
        }
    }
    (len > 0).then_some(len)
}

/// Length of an upper-case word (two or more upper-case letters, `-`, `'`, `’`)
/// ending at a space, a period or the end; 0 if there is none.
fn upper_word_len(text: &str) -> usize {
    let mut len = 0;
    let mut letters = 0;
    for c in text.chars() {
        if c.is_uppercase() {
            letters += 1;
        } else if !(len > 0 && matches!(c, '-' | '\'' | '’')) {
            break;
        }
        len += c.len_utf8();
    }
    let ends_cleanly = matches!(text[len..].chars().next(), None | Some(' ' | '.'));
    if letters >= 2 && ends_cleanly {
        len
    } else {
        0
    }
}

/// A "Present" list paragraph: `Cdes. A, B, C;`.
fn present_list(para: &Para) -> Option<PresentList> {
    let t = para.trimmed();
    let prefix = ["Cdes.", "Cde."].into_iter().find(|p| t.starts_with(p))?;
    let body = t[prefix.len()..].trim();
    let (names, terminator) = match body.char_indices().last() {
        Some((i, c @ (';' | '.'))) => (&body[..i], c.to_string()),
        _ => (body, String::new()),
    };
    let names = names
        .split(',')
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect();
    Some(PresentList {
        line: para.line,
        prefix: prefix.to_string(),
        names,
        terminator,
    })
}

/// The byte offset of a comma in a "Present" list that no name follows
/// (before another comma, the closing mark or the end).
fn empty_name(text: &str) -> Option<usize> {
    text.match_indices(',').map(|(i, _)| i).find(|&i| {
        let rest = text[i + 1..].trim_start();
        rest.is_empty() || rest.starts_with(',') || rest.trim_end() == ";" || rest.trim_end() == "."
    })
}

/// `[n]` at the start of a paragraph: the note number (or the bad text) and where its text starts.
fn note_number(text: &str) -> Option<Result<(u32, usize), String>> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let digits = &inner[..close];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(match digits.parse::<u32>() {
        Ok(n) if (1..=99_999).contains(&n) => Ok((n, close + 2)),
        _ => Err(digits.to_string()),
    })
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `August 2, 1958`.
pub fn parse_date(text: &str) -> Option<Date> {
    let (month_name, rest) = text.split_once(' ')?;
    let month = MONTHS.iter().position(|m| *m == month_name)? + 1;
    let (day, year) = rest.split_once(", ")?;
    let day: u8 = day.parse().ok()?;
    let year: u16 = year.trim().parse().ok()?;
    let days_in_month = match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days_in_month).contains(&day).then_some(Date {
        year,
        month: u8::try_from(month).ok()?,
        day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_direct_reported_and_plain() {
        assert_eq!(
            scan_label("MAO ZEDONG. Today"),
            LabelScan::Direct {
                label: "MAO ZEDONG",
                rest_start: 12
            }
        );
        assert_eq!(
            scan_label("N.S. KHRUSHCHEV says that"),
            LabelScan::Reported {
                label: "N.S. KHRUSHCHEV",
                rest_start: 16
            }
        );
        assert_eq!(scan_label("The U.S. renders help"), LabelScan::None);
        assert_eq!(scan_label("U.S.A. tries"), LabelScan::None);
        assert_eq!(scan_label("A struggle"), LabelScan::None);
        assert_eq!(
            scan_label("ZHU DE"),
            LabelScan::LabelOnly { label: "ZHU DE" }
        );
        assert_eq!(scan_label("NATO, SEATO"), LabelScan::None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("August 2, 1958"),
            Some(Date {
                year: 1958,
                month: 8,
                day: 2
            })
        );
        assert_eq!(parse_date("February 30, 1958"), None);
        assert_eq!(parse_date("2 August 1958"), None);
    }
}
