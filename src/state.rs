//! The viewer's state: the view and the selection, one reducer, mirrored in the URL.

use std::rc::Rc;

use parley_core::embed::Embed;
use parley_core::filter::Selection;
use parley_core::model::{Document, TurnKind};
use parley_core::url_state::{self, Known, UrlState, ViewName};
use yew::prelude::*;

/// Everything the URL can say about the view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub view: ViewName,
    pub selection: Selection,
    /// The search box's text (the selection holds it parsed).
    pub query_text: String,
    /// What the URL asked for that could not be used.
    pub notices: Vec<String>,
    /// How the viewer fits an embedding page (kept in the URL with the view).
    pub embed: Embed,
}

pub enum Action {
    Show(ViewName),
    ToggleTopic(usize),
    MatchAll(bool),
    ToggleSpeaker(usize),
    /// Select exactly these people, or everyone when they already are.
    ToggleSpeakers(Vec<usize>),
    Kind(Option<TurnKind>),
    Section(Option<u32>),
    Search(String),
    /// Only the turns that mention this index entry (or all again).
    Mention(Option<usize>),
    Clear,
    DismissNotices,
    /// The state a URL states (on load and on back / forward).
    Load(Box<Model>),
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let selection = &mut next.selection;
        match action {
            Action::Show(view) => next.view = view,
            Action::ToggleTopic(topic) => selection.topics ^= 1 << topic,
            Action::MatchAll(all) => selection.match_all = all,
            Action::ToggleSpeaker(person) => {
                match selection.speakers.iter().position(|&p| p == person) {
                    Some(i) => {
                        selection.speakers.remove(i);
                    }
                    None => selection.speakers.push(person),
                }
            }
            Action::ToggleSpeakers(people) => {
                selection.speakers = if selection.speakers == people {
                    Vec::new()
                } else {
                    people
                };
            }
            Action::Kind(kind) => selection.kind = kind,
            Action::Section(section) => selection.section = section,
            Action::Search(text) => {
                selection.query = parley_core::search::Query::parse(&text);
                next.query_text = text;
            }
            Action::Mention(entry) => selection.mention = entry,
            Action::Clear => {
                next.selection = Selection::default();
                next.query_text.clear();
            }
            Action::DismissNotices => next.notices.clear(),
            Action::Load(model) => next = *model,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The shared handle, given to components by context.
pub type Store = UseReducerHandle<Model>;

impl Model {
    /// The model a URL states, with notices for what was ignored.
    pub fn from_url(document: &Document, query: &str, fragment: &str) -> Model {
        let topics: Vec<&str> = document
            .topics
            .topics
            .iter()
            .map(|t| t.id.as_str())
            .collect();
        let speakers: Vec<&str> = document.people.iter().map(|p| p.id.as_str()).collect();
        let entries: Vec<&str> = document.index.iter().map(|e| e.id.as_str()).collect();
        let known = Known {
            topics: &topics,
            speakers: &speakers,
            entries: &entries,
            sections: u32::try_from(document.sections.len()).unwrap_or(1),
            turns: u32::try_from(document.turns().count()).unwrap_or(0),
        };
        let (state, notices) = url_state::parse(query, fragment, &known);
        Model {
            view: state.view,
            selection: Selection::from_url(document, &state),
            query_text: state.query,
            notices,
            embed: state.embed,
        }
    }

    /// The query string (without `?`) that states this model.
    pub fn to_query(&self, document: &Document) -> String {
        let selection = &self.selection;
        let state = UrlState {
            query: self.query_text.trim().to_string(),
            topics: document
                .topics
                .topics
                .iter()
                .enumerate()
                .filter(|(i, _)| selection.topics & (1 << i) != 0)
                .map(|(_, t)| t.id.clone())
                .collect(),
            match_all: selection.match_all,
            speakers: selection
                .speakers
                .iter()
                .map(|&p| document.people[p].id.clone())
                .collect(),
            kind: selection.kind,
            section: selection.section,
            mention: selection
                .mention
                .and_then(|e| document.index.get(e))
                .map(|e| e.id.clone()),
            view: self.view,
            turn: None,
            embed: self.embed.clone(),
        };
        url_state::to_query(&state)
    }
}
