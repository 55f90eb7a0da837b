//! Options for embedding the viewer in another page, read from the URL with
//! the view (iframe `src="…/?embed=1&theme=dark"`). Like the view's
//! parameters they are untrusted: a bad value is ignored and named.
//!
//! | parameter | value | default |
//! | --- | --- | --- |
//! | `embed` | `1`: compact chrome for a small frame | off |
//! | `theme` | `light`, `dark` or `auto` (the reader's system setting) | `auto` |
//! | `accent` | a colour for links and focus, `#rgb` or `#rrggbb` (`%23` in a URL; the `#` may be left out) | the stylesheet's |
//! | `parent` | the embedding page's origin (`https://museum.example`): the viewer posts its height there | none: no messages |
//! | `offline` | `off`: no service worker (and an earlier one removed) | `on` |

use crate::text;

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// How the viewer fits the page that embeds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    pub compact: bool,
    pub theme: Theme,
    /// `#rrggbb`, lower case.
    pub accent: Option<String>,
    /// The origin the height messages go to.
    pub parent: Option<String>,
    pub offline: bool,
}

impl Default for Embed {
    fn default() -> Embed {
        Embed {
            compact: false,
            theme: Theme::Auto,
            accent: None,
            parent: None,
            offline: true,
        }
    }
}

/// The message the viewer posts to `parent` when its height changes:
/// `{"type": "parley:height", "height": 1234}` (CSS pixels). It carries no
/// other state.
pub const HEIGHT_MESSAGE: &str = "parley:height";

impl Embed {
    /// Applies one URL parameter if it is an embedding option: `None` when it
    /// is not one, `Some(Err(notice))` when its value cannot be used.
    pub fn apply(&mut self, name: &str, value: &str) -> Option<Result<(), String>> {
        let refuse = |why: fn(String, String) -> String| {
            Some(Err(why(name.to_string(), crate::url_state::shorten(value))))
        };
        match (name, value) {
            ("embed", "1" | "true") => self.compact = true,
            ("embed", "0" | "false") => self.compact = false,
            ("embed", _) => return refuse(text::notices::bad_embed),
            ("theme", "auto") => self.theme = Theme::Auto,
            ("theme", "light") => self.theme = Theme::Light,
            ("theme", "dark") => self.theme = Theme::Dark,
            ("theme", _) => return refuse(text::notices::bad_theme),
            ("accent", _) => match colour(value) {
                Some(colour) => self.accent = Some(colour),
                None => return refuse(text::notices::bad_accent),
            },
            ("parent", _) => match origin(value) {
                Some(origin) => self.parent = Some(origin),
                None => return refuse(text::notices::bad_parent),
            },
            ("offline", "on") => self.offline = true,
            ("offline", "off") => self.offline = false,
            ("offline", _) => return refuse(text::notices::bad_offline),
            _ => return None,
        }
        Some(Ok(()))
    }

    /// The options that differ from the defaults, as `name=value` pairs.
    pub fn to_pairs(&self) -> Vec<String> {
        let mut pairs = Vec::new();
        if self.compact {
            pairs.push("embed=1".to_string());
        }
        if self.theme != Theme::Auto {
            pairs.push(format!("theme={}", self.theme.as_str()));
        }
        if let Some(accent) = &self.accent {
            pairs.push(format!(
                "accent={}",
                crate::url_state::percent_encode(accent)
            ));
        }
        if let Some(parent) = &self.parent {
            pairs.push(format!(
                "parent={}",
                crate::url_state::percent_encode(parent)
            ));
        }
        if !self.offline {
            pairs.push("offline=off".to_string());
        }
        pairs
    }
}

/// `#rgb`, `#rrggbb` (with or without `#`) as `#rrggbb`.
fn colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#').unwrap_or(value);
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => None,
    }
}

/// `https://host[:port]` (or `http://`), without path, query or credentials.
fn origin(value: &str) -> Option<String> {
    let value = value.strip_suffix('/').unwrap_or(value);
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))?;
    let (host, port) = rest.split_once(':').unwrap_or((rest, ""));
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    let port_ok = port.is_empty() || (port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit()));
    (host_ok && port_ok).then(|| value.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_checked_and_written_back() {
        let mut embed = Embed::default();
        for (name, value) in [
            ("embed", "1"),
            ("theme", "dark"),
            ("accent", "%23"),
            ("accent", "#A5B"),
            ("parent", "https://Museum.example:8443/"),
            ("offline", "off"),
        ] {
            let value = crate::url_state::percent_decode(value).unwrap_or_default();
            let _ = embed.apply(name, &value);
        }
        assert_eq!(
            embed,
            Embed {
                compact: true,
                theme: Theme::Dark,
                accent: Some("#aa55bb".to_string()),
                parent: Some("https://museum.example:8443".to_string()),
                offline: false,
            }
        );
        assert_eq!(
            embed.to_pairs(),
            [
                "embed=1",
                "theme=dark",
                "accent=%23aa55bb",
                "parent=https%3A%2F%2Fmuseum.example%3A8443",
                "offline=off"
            ]
        );
        assert_eq!(embed.apply("q", "x"), None);
    }

    #[test]
    fn bad_values_are_named() {
        let cases = [
            ("embed", "yes", "embed: “yes” is neither 1 nor 0"),
            (
                "theme",
                "sepia",
                "theme: “sepia” is not light, dark or auto",
            ),
            (
                "accent",
                "red",
                "accent: “red” is not a colour such as #1d4f91",
            ),
            (
                "accent",
                "#12345",
                "accent: “#12345” is not a colour such as #1d4f91",
            ),
            (
                "parent",
                "*",
                "parent: “*” is not an origin such as https://museum.example",
            ),
            (
                "parent",
                "https://a.example/path",
                "parent: “https://a.example/path” is not an origin such as https://museum.example",
            ),
            (
                "parent",
                "javascript:alert(1)",
                "parent: “javascript:alert(1)” is not an origin such as https://museum.example",
            ),
            ("offline", "no", "offline: “no” is neither on nor off"),
        ];
        for (name, value, notice) in cases {
            let mut embed = Embed::default();
            assert_eq!(embed.apply(name, value), Some(Err(notice.to_string())));
            assert_eq!(embed, Embed::default(), "{name}={value} changed nothing");
        }
    }
}
