//! Places in the record that a view asks the reader to bring into view.

use std::rc::Rc;

use yew::{Callback, Reducible};

/// A turn, or one search hit in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub turn: u32,
    /// Which of the turn's search hits (0-based, text order) to mark as current.
    pub hit: Option<usize>,
}

impl From<u32> for Place {
    fn from(turn: u32) -> Place {
        Place { turn, hit: None }
    }
}

/// Opens a place in the reader (provided by the app, which owns the views).
#[derive(Clone, PartialEq)]
pub struct JumpTo(pub Callback<Place>);

/// The latest place asked for, numbered so that asking for the same place
/// twice brings it back into view twice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Target {
    pub place: Option<Place>,
    pub request: u32,
}

impl Reducible for Target {
    type Action = Place;

    /// The next request, for this place.
    fn reduce(self: Rc<Self>, place: Place) -> Rc<Self> {
        Rc::new(Target {
            place: Some(place),
            request: self.request.wrapping_add(1),
        })
    }
}
