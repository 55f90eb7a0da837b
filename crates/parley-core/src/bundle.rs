//! The compact binary form in which records are compiled into the viewer.
//!
//! The build step parses every record and writes them with [`encode`]; the
//! viewer reads them back with [`decode`] at start-up (postcard: no field
//! names, varint integers, so it is smaller and faster than JSON).

use serde::{Deserialize, Serialize};

use crate::model::Document;

/// Bumped whenever the model changes shape, so a stale bundle is refused, not misread.
pub const FORMAT_VERSION: u32 = 5;

#[derive(Serialize, Deserialize)]
struct Corpus {
    version: u32,
    documents: Vec<Document>,
}

/// Why a bundle could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum BundleError {
    /// Written by a different version of the model.
    Version { found: u32, expected: u32 },
    /// Not a valid encoding.
    Corrupt(String),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::Version { found, expected } => {
                write!(
                    f,
                    "transcript bundle has format {found}, expected {expected}; rebuild the viewer"
                )
            }
            BundleError::Corrupt(message) => write!(f, "transcript bundle is corrupt: {message}"),
        }
    }
}

/// Encodes records for embedding.
pub fn encode(documents: &[Document]) -> Vec<u8> {
    #[derive(Serialize)]
    struct CorpusRef<'a> {
        version: u32,
        documents: &'a [Document],
    }
    // Serialising owned, in-memory data to a Vec cannot fail.
    postcard::to_allocvec(&CorpusRef {
        version: FORMAT_VERSION,
        documents,
    })
    .unwrap_or_default()
}

/// Decodes records written by [`encode`].
pub fn decode(bytes: &[u8]) -> Result<Vec<Document>, BundleError> {
    let version: u32 = postcard::take_from_bytes::<u32>(bytes)
        .map_err(|e| BundleError::Corrupt(e.to_string()))?
        .0;
    if version != FORMAT_VERSION {
        return Err(BundleError::Version {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    let corpus: Corpus =
        postcard::from_bytes(bytes).map_err(|e| BundleError::Corrupt(e.to_string()))?;
    Ok(corpus.documents)
}
