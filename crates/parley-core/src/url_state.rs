//! The view as a URL states it. The query parameter names are a public
//! interface (README, "Shareable views"); URL input is untrusted: whatever
//! cannot be used is ignored and reported, never fatal.
//!
//! | parameter | value | default |
//! | --- | --- | --- |
//! | `q` | search text (at most [`MAX_QUERY`] characters) | none |
//! | `topics` | comma-separated topic ids | none |
//! | `match` | `any` or `all` (how topics combine) | `any` |
//! | `speakers` | comma-separated person ids | everyone |
//! | `kind` | `direct` or `reported` | both |
//! | `section` | a section number, 1-based | all |
//! | `mention` | an id of the index of people and places | none |
//! | `view` | `reader`, `stats`, `timeline` or `index` | `reader` |
//! | fragment `#t{N}` | a turn to open | none |
//!
//! Embedding options ([`crate::embed`]) travel with these parameters.

use crate::embed::Embed;
use crate::model::TurnKind;
use crate::text;

/// Longest search text kept.
pub const MAX_QUERY: usize = 200;
/// Longest query string read at all.
pub const MAX_URL: usize = 4096;
/// Most ids kept in a list parameter.
pub const MAX_IDS: usize = 64;

/// One of the three views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ViewName {
    #[default]
    Reader,
    Stats,
    Timeline,
    Index,
}

impl ViewName {
    pub fn as_str(self) -> &'static str {
        match self {
            ViewName::Reader => "reader",
            ViewName::Stats => "stats",
            ViewName::Timeline => "timeline",
            ViewName::Index => "index",
        }
    }
}

/// What the URL asks for, checked against the record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    pub query: String,
    pub topics: Vec<String>,
    pub match_all: bool,
    pub speakers: Vec<String>,
    pub kind: Option<TurnKind>,
    pub section: Option<u32>,
    pub mention: Option<String>,
    pub view: ViewName,
    pub turn: Option<u32>,
    /// How the viewer fits an embedding page.
    pub embed: Embed,
}

/// What the record offers, to check the URL against.
pub struct Known<'a> {
    pub topics: &'a [&'a str],
    pub speakers: &'a [&'a str],
    pub entries: &'a [&'a str],
    pub sections: u32,
    pub turns: u32,
}

/// Reads `?query` (without the `?`) and `#fragment` (without the `#`).
/// Returns the state and one short notice per thing ignored, naming it.
pub fn parse(query: &str, fragment: &str, known: &Known) -> (UrlState, Vec<String>) {
    let mut state = UrlState::default();
    let mut notices = Vec::new();
    let query = if query.len() > MAX_URL {
        notices.push(text::notices::too_long(MAX_URL));
        let mut end = MAX_URL;
        while !query.is_char_boundary(end) {
            end -= 1;
        }
        &query[..end]
    } else {
        query
    };
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(name), Some(value)) = (percent_decode(raw_name), percent_decode(raw_value))
        else {
            notices.push(text::notices::bad_parameter(shorten(pair)));
            continue;
        };
        match name.as_str() {
            "q" => {
                let value = value.trim();
                if value.chars().count() > MAX_QUERY {
                    notices.push(text::notices::query_cut(MAX_QUERY));
                }
                state.query = value.chars().take(MAX_QUERY).collect();
            }
            "topics" => state.topics = ids(&name, &value, known.topics, &mut notices),
            "speakers" => state.speakers = ids(&name, &value, known.speakers, &mut notices),
            "match" => match value.as_str() {
                "any" => state.match_all = false,
                "all" => state.match_all = true,
                _ => notices.push(text::notices::bad_match(shorten(&value))),
            },
            "kind" => match value.as_str() {
                "direct" => state.kind = Some(TurnKind::Direct),
                "reported" => state.kind = Some(TurnKind::Reported),
                _ => notices.push(text::notices::bad_kind(shorten(&value))),
            },
            "section" => match value.parse::<u32>() {
                Ok(n) if (1..=known.sections).contains(&n) => state.section = Some(n),
                _ => notices.push(text::notices::bad_section(shorten(&value), known.sections)),
            },
            "mention" => match known.entries.contains(&value.as_str()) {
                true => state.mention = Some(value),
                false => notices.push(text::notices::unknown_mention(shorten(&value))),
            },
            "view" => match value.as_str() {
                "reader" => state.view = ViewName::Reader,
                "stats" => state.view = ViewName::Stats,
                "timeline" => state.view = ViewName::Timeline,
                "index" => state.view = ViewName::Index,
                _ => notices.push(text::notices::bad_view(shorten(&value))),
            },
            _ => match state.embed.apply(&name, &value) {
                Some(Ok(())) => {}
                Some(Err(notice)) => notices.push(notice),
                None => notices.push(text::notices::unknown_parameter(shorten(&name))),
            },
        }
    }
    if !fragment.is_empty() {
        match fragment
            .strip_prefix('t')
            .and_then(|n| n.parse::<u32>().ok())
        {
            Some(n) if (1..=known.turns).contains(&n) => state.turn = Some(n),
            _ if fragment.starts_with("note-") || fragment.starts_with("ref-") => {}
            _ => notices.push(text::notices::not_a_turn(shorten(fragment))),
        }
    }
    (state, notices)
}

/// The known ids of a comma-separated list, at most [`MAX_IDS`], without repeats.
fn ids(name: &str, value: &str, known: &[&str], notices: &mut Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        if !known.contains(&id) {
            unknown.push(shorten(id));
        } else if !kept.iter().any(|k| k == id) && kept.len() < MAX_IDS {
            kept.push(id.to_string());
        }
    }
    if !unknown.is_empty() {
        notices.push(text::notices::unknown_ids(name, unknown.join(", ")));
    }
    kept
}

/// At most 40 characters of untrusted text, for a notice.
pub(crate) fn shorten(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; `None` for bad escapes or bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes a value for a query string (unreserved characters and `,` kept).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The state as a query string (without `?`), defaults left out; the turn goes in the fragment.
pub fn to_query(state: &UrlState) -> String {
    let mut pairs = Vec::new();
    if !state.query.is_empty() {
        pairs.push(format!("q={}", percent_encode(&state.query)));
    }
    if !state.topics.is_empty() {
        pairs.push(format!(
            "topics={}",
            percent_encode(&state.topics.join(","))
        ));
    }
    if state.match_all {
        pairs.push("match=all".to_string());
    }
    if !state.speakers.is_empty() {
        pairs.push(format!(
            "speakers={}",
            percent_encode(&state.speakers.join(","))
        ));
    }
    if let Some(kind) = state.kind {
        pairs.push(format!("kind={}", kind.as_str()));
    }
    if let Some(section) = state.section {
        pairs.push(format!("section={section}"));
    }
    if let Some(mention) = &state.mention {
        pairs.push(format!("mention={}", percent_encode(mention)));
    }
    if state.view != ViewName::Reader {
        pairs.push(format!("view={}", state.view.as_str()));
    }
    pairs.extend(state.embed.to_pairs());
    pairs.join("&")
}
