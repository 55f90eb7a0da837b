//! Citations of the record, or of one turn with its stable link, in the
//! styles scholars are asked for: Chicago (notes and bibliography), MLA (9th
//! edition), APA (7th edition) and BibTeX. The parts come from the record
//! (title, date, archival reference) and its metadata file (translators and
//! publisher, [`crate::model::Publication`]); nothing is invented: a part the
//! record does not give is left out.

use crate::model::{plain_text, Date, Document};
use crate::parse::MONTHS;

/// A citation style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Chicago,
    Mla,
    Apa,
    Bibtex,
}

impl Style {
    pub const ALL: [Style; 4] = [Style::Chicago, Style::Mla, Style::Apa, Style::Bibtex];

    pub fn label(self) -> &'static str {
        match self {
            Style::Chicago => "Chicago",
            Style::Mla => "MLA",
            Style::Apa => "APA",
            Style::Bibtex => "BibTeX",
        }
    }
}

fn month(date: Date) -> &'static str {
    MONTHS
        .get(usize::from(date.month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// `2 Aug. 1958` (MLA abbreviates months longer than four letters).
fn mla_date(date: Date) -> String {
    let name = month(date);
    let short = if name.len() > 4 && name != "June" && name != "July" {
        format!("{}.", &name[..3])
    } else {
        name.to_string()
    };
    format!("{} {short} {}", date.day, date.year)
}

/// `August 2, 1958`.
fn long_date(date: Date) -> String {
    format!("{} {}, {}", month(date), date.day, date.year)
}

/// `A.P. and N.P.`, `A, B, and C`.
fn names(list: &[String], and: &str) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [first, second] => format!("{first} {and} {second}"),
        [rest @ .., last] => format!("{}, {and} {last}", rest.join(", ")),
    }
}

/// What is cited: the record, or one turn of it.
pub struct Cited<'a> {
    pub document: &'a Document,
    /// A turn number, for a citation of that turn.
    pub turn: Option<u32>,
    /// The stable link of what is cited (the viewer's URL, with `#t{N}` for a turn).
    pub link: &'a str,
    /// The day the link was read.
    pub accessed: Date,
}

impl Cited<'_> {
    /// The citation in `style`.
    pub fn format(&self, style: Style) -> String {
        let doc = self.document;
        let title = plain_text(&doc.title.inlines);
        let title = title.trim_end_matches('.');
        let archive = plain_text(&doc.citation.inlines);
        let archive = archive.trim().trim_end_matches('.');
        let publication = &doc.publication;
        let link = publication
            .url
            .as_deref()
            .filter(|_| self.turn.is_none())
            .unwrap_or(self.link);
        let speaker = self.turn.and_then(|n| {
            doc.turns()
                .find(|t| t.number == n)
                .map(|t| (n, doc.speaker(t).name.as_str()))
        });
        let translators = names(&publication.translators, "and");
        match style {
            Style::Chicago => {
                let mut parts = vec![match speaker {
                    Some((n, name)) => format!("{name}, turn {n}, in “{title},”"),
                    None => format!("“{title},”"),
                }];
                parts.push(format!("{},", doc.date_text));
                parts.push(format!("{archive},"));
                if !translators.is_empty() {
                    parts.push(format!("trans. {translators},"));
                }
                if let Some(publisher) = &publication.publisher {
                    parts.push(format!("{publisher},"));
                }
                parts.push(format!("{link}, accessed {}.", long_date(self.accessed)));
                parts.join(" ")
            }
            Style::Mla => {
                let mut parts = vec![match speaker {
                    Some((n, name)) => format!("{name}. Turn {n}. “{title}.”"),
                    None => format!("“{title}.”"),
                }];
                parts.push(format!("{}.", mla_date(doc.date)));
                parts.push(format!("{archive}."));
                if !translators.is_empty() {
                    parts.push(format!("Translated by {translators},"));
                }
                if let Some(publisher) = &publication.publisher {
                    parts.push(format!("{publisher},"));
                }
                parts.push(format!("{link}."));
                parts.push(format!("Accessed {}.", mla_date(self.accessed)));
                parts.join(" ")
            }
            Style::Apa => {
                let mut description = vec!["Record of conversation".to_string()];
                if !publication.translators.is_empty() {
                    description.push(format!("{}, Trans.", names(&publication.translators, "&")));
                }
                if let Some((n, name)) = speaker {
                    description.push(format!("turn {n}, {name}"));
                }
                let mut parts = vec![
                    format!("{title} [{}].", description.join("; ")),
                    format!("({}, {} {}).", doc.date.year, month(doc.date), doc.date.day),
                    format!("{archive}."),
                ];
                if let Some(publisher) = &publication.publisher {
                    parts.push(format!("{publisher}."));
                }
                parts.push(link.to_string());
                parts.join(" ")
            }
            Style::Bibtex => {
                let key = format!(
                    "parley-{}{}",
                    doc.date.iso(),
                    speaker.map_or(String::new(), |(n, _)| format!("-t{n}"))
                );
                let mut fields = vec![
                    format!(
                        "  title = {{{{{}{title}}}}}",
                        speaker.map_or(String::new(), |(n, name)| format!("{name}, turn {n}, in "))
                    ),
                    format!("  date = {{{}}}", doc.date.iso()),
                    format!(
                        "  note = {{{}{archive}}}",
                        if translators.is_empty() {
                            String::new()
                        } else {
                            let stop = if translators.ends_with('.') { "" } else { "." };
                            format!("Translated by {translators}{stop} ")
                        }
                    ),
                ];
                if let Some(publisher) = &publication.publisher {
                    fields.push(format!("  publisher = {{{publisher}}}"));
                }
                fields.push(format!("  url = {{{link}}}"));
                fields.push(format!("  urldate = {{{}}}", self.accessed.iso()));
                format!("@misc{{{key},\n{}\n}}", fields.join(",\n"))
            }
        }
    }
}
