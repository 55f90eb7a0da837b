//! The TOML files kept beside a record (dates, topics, index): reading them
//! and placing their errors at a line and column.

use serde::de::DeserializeOwned;

use crate::error::{ErrorKind, ParseError};
use crate::position::line_col;

/// A companion file's name and text.
pub(crate) struct TomlFile<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl TomlFile<'_> {
    /// A problem at byte span `span` of the file.
    pub fn error(&self, span: std::ops::Range<usize>, message: String) -> ParseError {
        let (line, column) = line_col(self.text, span.start);
        ParseError {
            file: self.file.to_string(),
            line,
            column,
            kind: ErrorKind::Metadata(message),
        }
    }

    /// The file read into `T`; a TOML or schema error comes back placed.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Vec<ParseError>> {
        toml::from_str(self.text)
            .map_err(|e| vec![self.error(e.span().unwrap_or(0..0), e.message().trim().to_string())])
    }
}
