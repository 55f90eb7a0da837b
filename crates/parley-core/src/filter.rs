//! Which turns a view shows: topics, speakers, turn kind, section, a search
//! and a person or place mentioned, combined (every active filter must fit).

use crate::model::{Document, Turn, TurnKind};
use crate::search::{Query, SearchIndex};
use crate::text;
use crate::url_state::UrlState;

/// What a selection shows, per turn (indexed by turn number − 1) and in total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Whether each turn is shown.
    pub shown: Vec<bool>,
    /// The search's hits in each shown turn (0 in hidden ones); empty without a search.
    pub hits: Vec<u32>,
    /// Per topic, the turns its chip would show under the other filters.
    pub topic_counts: Vec<usize>,
    pub shown_turns: usize,
    pub total_hits: usize,
}

impl Outcome {
    /// The shown turn holding the `n`th hit (0-based, in text order) and the
    /// hit's place among that turn's hits.
    pub fn locate_hit(&self, n: usize) -> Option<(u32, usize)> {
        let mut before = 0;
        for (index, &hits) in self.hits.iter().enumerate() {
            let hits = hits as usize;
            if n < before + hits {
                return Some((u32::try_from(index + 1).ok()?, n - before));
            }
            before += hits;
        }
        None
    }
}

/// The active filters; the default shows every turn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Topic indices as a set ([`crate::topics::Topics`]).
    pub topics: u64,
    /// With several topics: a turn needs all of them (else any one).
    pub match_all: bool,
    /// Person indices; empty means everyone.
    pub speakers: Vec<usize>,
    pub kind: Option<TurnKind>,
    pub section: Option<u32>,
    pub query: Query,
    /// An entry of [`Document::index`]: only turns that mention it.
    pub mention: Option<usize>,
}

impl Selection {
    /// The selection a URL asks for (ids already checked by [`crate::url_state::parse`]).
    pub fn from_url(document: &Document, state: &UrlState) -> Selection {
        let topic = |id: &String| document.topics.topics.iter().position(|t| t.id == *id);
        let person = |id: &String| document.people.iter().position(|p| p.id == *id);
        Selection {
            topics: state
                .topics
                .iter()
                .filter_map(topic)
                .fold(0, |set, t| set | (1 << t)),
            match_all: state.match_all,
            speakers: state.speakers.iter().filter_map(person).collect(),
            kind: state.kind,
            section: state.section,
            query: Query::parse(&state.query),
            mention: state
                .mention
                .as_ref()
                .and_then(|id| document.index.iter().position(|e| e.id == *id)),
        }
    }

    /// Whether any filter is active.
    pub fn is_active(&self) -> bool {
        *self
            != Selection {
                match_all: self.match_all,
                ..Selection::default()
            }
    }

    /// Whether `turn` passes every active filter.
    pub fn fits(&self, document: &Document, search: &SearchIndex, turn: &Turn) -> bool {
        self.fits_topics(document, turn, self.topics) && self.fits_others(document, search, turn)
    }

    fn fits_topics(&self, document: &Document, turn: &Turn, topics: u64) -> bool {
        let set = document
            .topics
            .turns
            .get(turn.number as usize - 1)
            .copied()
            .unwrap_or(0);
        topics == 0
            || if self.match_all {
                set & topics == topics
            } else {
                set & topics != 0
            }
    }

    fn fits_others(&self, document: &Document, search: &SearchIndex, turn: &Turn) -> bool {
        self.fits_others_but_query(document, turn)
            && (self.query.is_empty() || search.matches(turn, &self.query))
    }

    fn fits_others_but_query(&self, document: &Document, turn: &Turn) -> bool {
        (self.speakers.is_empty() || self.speakers.contains(&turn.speaker))
            && self.kind.is_none_or(|kind| kind == turn.kind)
            && self.section.is_none_or(|section| section == turn.section)
            && self.mention.is_none_or(|entry| {
                document
                    .index
                    .get(entry)
                    .is_some_and(|e| e.turns.binary_search(&turn.number).is_ok())
            })
    }

    /// Everything a view needs to know about the selection, in one pass over
    /// the turns; the search runs once, over the word index
    /// ([`SearchIndex::hit_counts`]). Agrees with [`Selection::fits`] and
    /// [`Selection::topic_counts`], which state the rules turn by turn.
    pub fn evaluate(&self, document: &Document, search: &SearchIndex) -> Outcome {
        let query_hits = search.hit_counts(&self.query);
        let topic_total = document.topics.topics.len();
        let mut outcome = Outcome {
            shown: Vec::with_capacity(query_hits.as_ref().map_or(0, Vec::len)),
            hits: Vec::new(),
            topic_counts: vec![0; topic_total],
            shown_turns: 0,
            total_hits: 0,
        };
        for (index, turn) in document.turns().enumerate() {
            let hits = query_hits
                .as_ref()
                .map_or(0, |h| h.get(index).copied().unwrap_or(0));
            let others =
                (query_hits.is_none() || hits > 0) && self.fits_others_but_query(document, turn);
            if others {
                for (topic, count) in outcome.topic_counts.iter_mut().enumerate() {
                    let with = if self.match_all {
                        self.topics | (1 << topic)
                    } else {
                        1 << topic
                    };
                    *count += usize::from(self.fits_topics(document, turn, with));
                }
            }
            let shown = others && self.fits_topics(document, turn, self.topics);
            outcome.shown.push(shown);
            if shown {
                outcome.shown_turns += 1;
                outcome.total_hits += hits as usize;
            }
            if query_hits.is_some() {
                outcome.hits.push(if shown { hits } else { 0 });
            }
        }
        outcome
    }

    /// For each topic, the turns its chip would show: that topic under the other active filters.
    pub fn topic_counts(&self, document: &Document, search: &SearchIndex) -> Vec<usize> {
        let others: Vec<&Turn> = document
            .turns()
            .filter(|t| self.fits_others(document, search, t))
            .collect();
        (0..document.topics.topics.len())
            .map(|topic| {
                let with = if self.match_all {
                    self.topics | (1 << topic)
                } else {
                    1 << topic
                };
                others
                    .iter()
                    .filter(|t| self.fits_topics(document, t, with))
                    .count()
            })
            .collect()
    }

    /// The selection in words, for "Statistics for 41 of 263 turns: …".
    pub fn describe(&self, document: &Document) -> String {
        let mut parts = Vec::new();
        let topics: Vec<&str> = document
            .topics
            .topics
            .iter()
            .enumerate()
            .filter(|(i, _)| self.topics & (1 << i) != 0)
            .map(|(_, t)| t.label.as_str())
            .collect();
        if !topics.is_empty() {
            let joiner = if self.match_all {
                text::selection::TOPICS_AND
            } else {
                text::selection::EITHER
            };
            parts.push(text::selection::topics(topics.join(joiner)));
        }
        if !self.speakers.is_empty() {
            let names: Vec<&str> = self
                .speakers
                .iter()
                .map(|&p| document.people[p].name.as_str())
                .collect();
            parts.push(text::selection::speakers(
                names.join(text::selection::EITHER),
            ));
        }
        if let Some(kind) = self.kind {
            parts.push(
                match kind {
                    TurnKind::Direct => text::selection::DIRECT_TURNS,
                    TurnKind::Reported => text::selection::REPORTED_TURNS,
                }
                .to_string(),
            );
        }
        if let Some(section) = self.section {
            let title = document
                .sections
                .get(section as usize - 1)
                .map_or("", String::as_str);
            parts.push(text::selection::section(section, title));
        }
        if let Some(entry) = self.mention.and_then(|e| document.index.get(e)) {
            parts.push(text::selection::mentions(&entry.name));
        }
        if !self.query.is_empty() {
            parts.push(text::selection::search(self.query.parts.join(" ")));
        }
        parts.join(text::selection::SEPARATOR)
    }
}
