//! Parley's core: everything about a transcript that does not need a browser.
//!
//! - [`mod@parse`] reads the plain-text record format (grammar on [`parse::parse`])
//!   into the typed [`model`], with positioned [`error`]s;
//! - [`stats`] counts turns and words per speaker and delegation, and who answers whom
//!   ([`words`] defines a word); [`distinctive`] ranks what each speaker talks about;
//! - [`bundle`] is the binary form compiled into the viewer;
//! - [`dates`] extracts the dates the notes refer to, or reads their reviewed file;
//! - [`text`] is the interface text, one table per language in `i18n/`;
//! - [`corpus`] reads records and the files kept beside them from disk.

pub mod bundle;
pub mod cite;
mod companion;
pub mod corpus;
pub mod dates;
pub mod distinctive;
pub mod embed;
pub mod error;
pub mod filter;
pub mod html;
pub mod mentions;
pub mod meta;
pub mod model;
pub mod parse;
mod people;
mod position;
pub mod search;
pub mod stats;
pub mod table;
pub mod text {
    //! The interface text of the language compiled in (`i18n/LANG.toml`,
    //! chosen by `PARLEY_LANG` at build time; see the parley-i18n crate).
    include!(concat!(env!("OUT_DIR"), "/text.rs"));
}
pub mod timeline;
pub mod topics;
pub mod url_state;
pub mod window;
pub mod words;

pub use error::{ErrorKind, ParseError, ParseErrors};
pub use meta::Metadata;
pub use model::Document;
pub use parse::{parse, parse_bytes};
