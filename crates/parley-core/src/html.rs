//! The record as one plain, static HTML page: the fallback that the viewer
//! links to where JavaScript or WebAssembly cannot run, and a text that any
//! browser, screen reader or search engine reads without the viewer.
//!
//! It keeps the viewer's public anchors (`id="t{N}"`, `id="note-{n}"`,
//! `id="ref-{n}"`), so links into the viewer also work here.

use crate::model::{Block, Document, Inline, Paragraph};
use crate::text;

/// `text` with `&`, `<`, `>` and `"` escaped for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Inline content: text, editorial insertions in their brackets, note references as links.
fn inlines(content: &[Inline]) -> String {
    content
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => escape(text),
            Inline::Editorial(text) => {
                format!("<span class=\"editorial\">[{}]</span>", escape(text))
            }
            Inline::NoteRef { number, first } => {
                let id = if *first {
                    format!(" id=\"ref-{number}\"")
                } else {
                    String::new()
                };
                format!("<sup><a href=\"#note-{number}\"{id}>{number}</a></sup>")
            }
        })
        .collect()
}

fn paragraph(p: &Paragraph) -> String {
    inlines(&p.inlines)
}

/// The whole record as a standalone HTML document. `viewer` is the URL of
/// the interactive viewer (relative to the page), `stylesheet` the URL of
/// its stylesheet (no styles inline, for a strict content security policy).
pub fn record_page(doc: &Document, viewer: &str, stylesheet: &str) -> String {
    let title = paragraph(&doc.title);
    let plain_title = crate::model::plain_text(&doc.title.inlines);
    let mut out = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"{}\">\n</head>\n<body>\n\
         <header class=\"note-to-reader\"><p>{} <a href=\"{}\">{}</a> {}</p></header>\n\
         <main{}>\n<header>\n<p><time datetime=\"{}\">{}</time></p>\n<h1>{title}</h1>\n",
        text::LANGUAGE,
        escape(&text::record_page::title(plain_title)),
        escape(stylesheet),
        escape(text::record_page::NOTE),
        escape(viewer),
        escape(text::record_page::OPEN_VIEWER),
        escape(text::record_page::NEEDS),
        doc.publication
            .language
            .as_ref()
            .map_or_else(String::new, |tag| format!(" lang=\"{}\"", escape(tag))),
        doc.date.iso(),
        escape(&doc.date_text),
    );
    if let Some(place) = &doc.place {
        out.push_str(&format!("<p>{}</p>\n", paragraph(place)));
    }
    out.push_str("</header>\n<section aria-labelledby=\"present\">\n");
    out.push_str(&format!(
        "<h2 id=\"present\">{}</h2>\n",
        paragraph(&doc.present_heading)
    ));
    for delegation in &doc.delegations {
        let list = &delegation.present;
        out.push_str(&format!(
            "<p>{} {}{}</p>\n",
            escape(&list.prefix),
            escape(&list.names.join(", ")),
            escape(&list.terminator)
        ));
    }
    out.push_str(&format!(
        "</section>\n<section aria-label=\"{}\">\n",
        escape(text::reader::CONVERSATION)
    ));
    for block in &doc.blocks {
        match block {
            Block::Turn(turn) => {
                let separator = turn.kind.label_separator();
                let speaker = &doc.people[turn.speaker];
                out.push_str(&format!(
                    "<div class=\"turn\" id=\"t{}\" data-speaker=\"{}\" data-kind=\"{}\">\n",
                    turn.number,
                    escape(&speaker.id),
                    turn.kind.as_str()
                ));
                for (i, p) in turn.paragraphs.iter().enumerate() {
                    if i == 0 {
                        out.push_str(&format!(
                            "<p><a href=\"#t{n}\" class=\"number\">{n}</a> <b>{}</b>{separator}{}</p>\n",
                            escape(&turn.label),
                            paragraph(p),
                            n = turn.number
                        ));
                    } else {
                        out.push_str(&format!("<p>{}</p>\n", paragraph(p)));
                    }
                }
                out.push_str("</div>\n");
            }
            Block::StageDirection(p) => {
                out.push_str(&format!("<p class=\"stage\"><i>{}</i></p>\n", paragraph(p)));
            }
            Block::Lacuna { .. } => {
                out.push_str(&format!(
                    "<p class=\"gap\">{}</p>\n",
                    escape(text::record_page::GAP)
                ));
            }
        }
    }
    out.push_str(&format!(
        "</section>\n<section aria-labelledby=\"source\">\n<h2 id=\"source\">{}</h2>\n",
        escape(text::reader::SOURCE)
    ));
    let transcribers: Vec<String> = doc.transcribers.iter().map(paragraph).collect();
    out.push_str(&format!(
        "<p>{} {}</p>\n<p>{}</p>\n</section>\n",
        escape(&doc.transcribed_heading),
        transcribers.join(", "),
        paragraph(&doc.citation)
    ));
    if !doc.notes.is_empty() {
        out.push_str(&format!(
            "<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">{}</h2>\n<ol>\n",
            escape(text::reader::NOTES)
        ));
        for note in &doc.notes {
            let body: Vec<String> = note
                .paragraphs
                .iter()
                .map(|p| format!("<p>{}</p>", paragraph(p)))
                .collect();
            out.push_str(&format!(
                "<li id=\"note-{n}\" value=\"{n}\">{} <a href=\"#ref-{n}\" aria-label=\"{}\">↩</a></li>\n",
                body.join(""),
                escape(&text::reader::back_to_reference(note.number)),
                n = note.number
            ));
        }
        out.push_str("</ol>\n</section>\n");
    }
    if let Some(heading) = &doc.related_heading {
        out.push_str(&format!(
            "<section aria-labelledby=\"related\">\n<h2 id=\"related\">{}</h2>\n<ul>\n",
            escape(heading)
        ));
        for related in &doc.related {
            out.push_str(&format!(
                "<li><p><time datetime=\"{}\">{}</time></p><h3>{}</h3><p>{}</p></li>\n",
                related.date.iso(),
                escape(&related.date_text),
                paragraph(&related.title),
                paragraph(&related.summary)
            ));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            escape("a < b & \"c\" > d"),
            "a &lt; b &amp; &quot;c&quot; &gt; d"
        );
        let content = [
            Inline::Text("Tom & <Jerry>".to_string()),
            Inline::NoteRef {
                number: 3,
                first: true,
            },
            Inline::Editorial("sic".to_string()),
        ];
        assert_eq!(
            inlines(&content),
            "Tom &amp; &lt;Jerry&gt;<sup><a href=\"#note-3\" id=\"ref-3\">3</a></sup><span class=\"editorial\">[sic]</span>"
        );
    }
}
