//! Parley's interface text: one table per language, `i18n/LANG.toml`.
//!
//! Every word the viewer, the static record page and the loader show comes
//! from the table, so a translation is a new file and a build flag
//! (`PARLEY_LANG=fr`), not a code change. The core's build script reads the
//! table with [`parse`], checks it against the English one with [`check`]
//! and writes it as Rust with [`generate`]: plain entries become constants,
//! entries with placeholders become functions, so a missing or misspelt key
//! is a compile error in the code that uses it.
//!
//! # The file
//!
//! ```toml
//! plural_rule = "one"          # which count form a number takes (see PluralRule)
//!
//! [filters]                    # a section: a module of the generated code
//! search = "Search the conversation"
//! showing = "Showing {shown} of {total} turns."   # {name}: a placeholder
//! turns = { one = "{n} turn", other = "{n} turns" } # a count: one form per category
//! ```
//!
//! - Sections and keys are lower-case snake case (`skip_link`).
//! - `{name}` is filled in by the code; `{{` and `}}` are literal braces.
//!   A translation keeps the English placeholders, in any order.
//! - A count is a function of `n`; its forms are the categories of the
//!   file's plural rule, and each may use `{n}` and the entry's other placeholders.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A language's table of interface text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The file it was read from (for error messages).
    pub file: String,
    pub plural_rule: PluralRule,
    /// Sections in name order, each with its entries in key order.
    pub sections: Vec<Section>,
}

/// One `[section]` of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub name: String,
    pub at: Position,
    pub entries: Vec<Entry>,
}

/// One `key = …` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    pub at: Position,
    pub value: Value,
}

/// An entry's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// One text, with or without placeholders.
    Text(String),
    /// A text per plural category, chosen by a number `n`.
    Count(Vec<(Category, String)>),
}

/// A 1-based line and column (in characters) in a table file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// The plural categories a count's forms are named by (after Unicode CLDR).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    One,
    Few,
    Many,
    Other,
}

impl Category {
    fn name(self) -> &'static str {
        match self {
            Category::One => "one",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    fn from_name(name: &str) -> Option<Category> {
        [
            Category::One,
            Category::Few,
            Category::Many,
            Category::Other,
        ]
        .into_iter()
        .find(|category| category.name() == name)
    }
}

/// Which form of a count a whole number takes: the families of CLDR's
/// cardinal rules for whole numbers that Parley's counts need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralRule {
    /// `"one"`: `one` for 1, `other` for every other number (English,
    /// German, Dutch, Italian, Spanish, Swedish, …).
    One,
    /// `"zero-one"`: `one` for 0 and 1, `other` otherwise (French, Brazilian Portuguese).
    ZeroOne,
    /// `"slavic"`: `one` for 1, 21, 31, … (not 11); `few` for 2–4, 22–24, …
    /// (not 12–14); `many` otherwise (Russian, Ukrainian, Belarusian).
    Slavic,
    /// `"none"`: `other` for every number (Chinese, Japanese, Korean, Vietnamese).
    None,
}

impl PluralRule {
    const ALL: [(PluralRule, &'static str); 4] = [
        (PluralRule::One, "one"),
        (PluralRule::ZeroOne, "zero-one"),
        (PluralRule::Slavic, "slavic"),
        (PluralRule::None, "none"),
    ];

    fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(rule, _)| *rule == self)
            .map_or("", |(_, name)| name)
    }

    /// The categories a count must have a form for under this rule.
    pub fn categories(self) -> &'static [Category] {
        match self {
            PluralRule::One | PluralRule::ZeroOne => &[Category::One, Category::Other],
            PluralRule::Slavic => &[Category::One, Category::Few, Category::Many],
            PluralRule::None => &[Category::Other],
        }
    }

    /// The category of `n`.
    pub fn category(self, n: u64) -> Category {
        match self {
            PluralRule::One if n == 1 => Category::One,
            PluralRule::ZeroOne if n <= 1 => Category::One,
            PluralRule::Slavic => match (n % 10, n % 100) {
                (1, rest) if rest != 11 => Category::One,
                (2..=4, rest) if !(12..=14).contains(&rest) => Category::Few,
                _ => Category::Many,
            },
            _ => Category::Other,
        }
    }

    /// The Rust expression of [`PluralRule::category`] over a `u64` named `n`,
    /// for the generated code (which cannot depend on this crate).
    fn rust_match(self) -> String {
        let arms: &[(&str, Category)] = match self {
            PluralRule::One => &[("1", Category::One), ("_", Category::Other)],
            PluralRule::ZeroOne => &[("0 | 1", Category::One), ("_", Category::Other)],
            PluralRule::Slavic => &[
                ("(1, rest) if rest != 11", Category::One),
                ("(2..=4, rest) if !(12..=14).contains(&rest)", Category::Few),
                ("_", Category::Many),
            ],
            PluralRule::None => &[("_", Category::Other)],
        };
        let scrutinee = if self == PluralRule::Slavic {
            "(n % 10, n % 100)"
        } else {
            "n"
        };
        let mut out = format!("match {scrutinee} {{ ");
        for (pattern, category) in arms {
            let _ = write!(out, "{pattern} => {:?}, ", category.name());
        }
        out.push('}');
        out
    }
}

/// One problem in a table file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub file: String,
    pub at: Position,
    pub kind: ErrorKind,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.at.line, self.at.column, self.kind
        )
    }
}

impl std::error::Error for Error {}

/// What is wrong. Each message says what was expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not valid TOML; the parser's message.
    Toml(String),
    /// `plural_rule` is missing or names no rule.
    PluralRule(String),
    /// A top-level key other than `plural_rule` that is not a section.
    NotASection(String),
    /// A section or key that is not lower-case snake case (or is a Rust keyword).
    BadName(String),
    /// An entry that is neither a string nor a table of count forms.
    NotText(String),
    /// A count form named by no category of the file's plural rule.
    UnknownCategory { key: String, category: String },
    /// A count without the form for one of its rule's categories.
    MissingCategory { key: String, category: &'static str },
    /// A `{` or `}` that opens no placeholder, or a placeholder name that is not snake case.
    BadPlaceholder { key: String, text: String },
    /// A key of the English table that the translation lacks.
    MissingKey(String),
    /// A key the English table does not have.
    UnknownKey(String),
    /// A text where English has a count, or a count where English has a text.
    ShapeDiffers(String),
    /// Placeholders other than the English entry's.
    PlaceholdersDiffer {
        key: String,
        expected: Vec<String>,
        found: Vec<String>,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Toml(message) => write!(f, "not valid TOML: {}", message.trim_end()),
            ErrorKind::PluralRule(found) => {
                let names: Vec<&str> = PluralRule::ALL.iter().map(|(_, name)| *name).collect();
                write!(
                    f,
                    "plural_rule {found}; expected one of \"{}\"",
                    names.join("\", \"")
                )
            }
            ErrorKind::NotASection(key) => {
                write!(f, "“{key}” is not a [section]; only plural_rule stands outside one")
            }
            ErrorKind::BadName(name) => write!(
                f,
                "“{name}” is not a usable name; expected lower-case snake case such as skip_link"
            ),
            ErrorKind::NotText(key) => write!(
                f,
                "{key}: expected a string, or a table of count forms such as {{ one = \"{{n}} turn\", other = \"{{n}} turns\" }}"
            ),
            ErrorKind::UnknownCategory { key, category } => {
                write!(f, "{key}: “{category}” is not a category of this file's plural_rule")
            }
            ErrorKind::MissingCategory { key, category } => {
                write!(f, "{key}: the plural rule needs a “{category}” form")
            }
            ErrorKind::BadPlaceholder { key, text } => write!(
                f,
                "{key}: “{text}” is not a placeholder; expected {{name}} in snake case, or {{{{ and }}}} for literal braces"
            ),
            ErrorKind::MissingKey(key) => write!(f, "{key} is missing; the English table has it"),
            ErrorKind::UnknownKey(key) => write!(f, "{key}: the English table has no such key"),
            ErrorKind::ShapeDiffers(key) => write!(
                f,
                "{key}: the English table has a count where this has a text, or the other way round"
            ),
            ErrorKind::PlaceholdersDiffer {
                key,
                expected,
                found,
            } => write!(
                f,
                "{key}: placeholders {{{}}}; expected those of the English text, {{{}}}",
                found.join("}, {"),
                expected.join("}, {")
            ),
        }
    }
}

/// Reads a table file. `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Table, Vec<Error>> {
    let mut errors = Vec::new();
    let at = |offset: usize| position(text, offset);
    let mut error = |offset: usize, kind: ErrorKind| {
        errors.push(Error {
            file: file.to_string(),
            at: at(offset),
            kind,
        })
    };
    let document = match DeTable::parse(text) {
        Ok(document) => document.into_inner(),
        Err(problem) => {
            error(
                problem.span().map_or(0, |span| span.start),
                ErrorKind::Toml(problem.message().to_string()),
            );
            return Err(errors);
        }
    };
    let mut plural_rule = None;
    let mut sections = Vec::new();
    for (name, value) in &document {
        let start = name.span().start;
        match (name.get_ref().as_ref(), value.get_ref()) {
            ("plural_rule", DeValue::String(rule)) => {
                plural_rule = PluralRule::ALL
                    .iter()
                    .find(|(_, known)| known == rule)
                    .map(|(rule, _)| *rule);
                if plural_rule.is_none() {
                    error(
                        value.span().start,
                        ErrorKind::PluralRule(format!("“{rule}”")),
                    );
                }
            }
            (name, DeValue::Table(entries)) if is_name(name) => {
                sections.push((name, start, entries))
            }
            (name, DeValue::Table(_)) => error(start, ErrorKind::BadName(name.to_string())),
            (name, _) => error(start, ErrorKind::NotASection(name.to_string())),
        }
    }
    let rule_seen = document.keys().any(|key| key.get_ref() == "plural_rule");
    let Some(rule) = plural_rule else {
        if !rule_seen {
            error(0, ErrorKind::PluralRule("is missing".to_string()));
        }
        return Err(errors);
    };
    let sections = sections
        .into_iter()
        .map(|(name, start, entries)| Section {
            name: name.to_string(),
            at: at(start),
            entries: entries
                .iter()
                .filter_map(|(key, value)| match read_value(name, key, value, rule) {
                    Ok(value) => Some(Entry {
                        key: key.get_ref().to_string(),
                        at: at(key.span().start),
                        value,
                    }),
                    Err((offset, kind)) => {
                        error(offset, kind);
                        None
                    }
                })
                .collect(),
        })
        .collect();
    if errors.is_empty() {
        Ok(Table {
            file: file.to_string(),
            plural_rule: rule,
            sections,
        })
    } else {
        Err(errors)
    }
}

/// The value of one `key = …` of `[section]`, or where and what is wrong with it.
fn read_value(
    section: &str,
    key: &Spanned<std::borrow::Cow<'_, str>>,
    value: &Spanned<DeValue<'_>>,
    rule: PluralRule,
) -> Result<Value, (usize, ErrorKind)> {
    let name = key.get_ref().to_string();
    let full = format!("{section}.{name}");
    if !is_name(&name) {
        return Err((key.span().start, ErrorKind::BadName(name)));
    }
    let checked = |text: &str, offset: usize| {
        placeholders(text).map(|_| text.to_string()).map_err(|bad| {
            (
                offset,
                ErrorKind::BadPlaceholder {
                    key: full.clone(),
                    text: bad,
                },
            )
        })
    };
    let value = match value.get_ref() {
        DeValue::String(text) => Value::Text(checked(text, value.span().start)?),
        DeValue::Table(forms) => {
            let mut read = Vec::new();
            for (category, form) in forms {
                let Some(known) = Category::from_name(category.get_ref())
                    .filter(|c| rule.categories().contains(c))
                else {
                    return Err((
                        category.span().start,
                        ErrorKind::UnknownCategory {
                            key: full,
                            category: category.get_ref().to_string(),
                        },
                    ));
                };
                let DeValue::String(text) = form.get_ref() else {
                    return Err((form.span().start, ErrorKind::NotText(full)));
                };
                read.push((known, checked(text, form.span().start)?));
            }
            if let Some(missing) = rule
                .categories()
                .iter()
                .find(|c| !read.iter().any(|(have, _)| have == *c))
            {
                return Err((
                    value.span().start,
                    ErrorKind::MissingCategory {
                        key: full,
                        category: missing.name(),
                    },
                ));
            }
            read.sort();
            Value::Count(read)
        }
        _ => return Err((value.span().start, ErrorKind::NotText(full))),
    };
    Ok(value)
}

/// Lower-case snake case that is also a Rust identifier.
fn is_name(name: &str) -> bool {
    const KEYWORDS: [&str; 37] = [
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
        "type", "unsafe", "use", "where", "while",
    ];
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// The placeholder names of `text` in order of first use, or the first bad brace sequence.
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(brace) = rest.find(['{', '}']) {
        let after = &rest[brace + 1..];
        if after.starts_with(&rest[brace..=brace]) {
            rest = &after[1..];
            continue;
        }
        if rest[brace..].starts_with('}') {
            return Err("}".to_string());
        }
        let Some(close) = after.find('}') else {
            return Err(rest[brace..].to_string());
        };
        let name = &after[..close];
        if !is_name(name) {
            return Err(format!("{{{name}}}"));
        }
        if !names.iter().any(|known| known == name) {
            names.push(name.to_string());
        }
        rest = &after[close + 1..];
    }
    Ok(names)
}

/// The placeholders of an entry: a count's `n` first, then the others in
/// order of first use across its forms. This is also the order of the
/// generated function's parameters.
fn parameters(value: &Value) -> Vec<String> {
    let mut names = Vec::new();
    let texts: Vec<&str> = match value {
        Value::Text(text) => vec![text],
        Value::Count(forms) => {
            names.push("n".to_string());
            forms.iter().map(|(_, text)| text.as_str()).collect()
        }
    };
    for text in texts {
        for name in placeholders(text).unwrap_or_default() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Checks a translation against the English table: the same sections and
/// keys, each with the same shape and the same placeholders.
pub fn check(translation: &Table, english: &Table) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut error = |at: Position, kind: ErrorKind| {
        errors.push(Error {
            file: translation.file.clone(),
            at,
            kind,
        })
    };
    let keys = |table: &Table| -> BTreeSet<String> {
        table
            .sections
            .iter()
            .flat_map(|s| s.entries.iter().map(|e| format!("{}.{}", s.name, e.key)))
            .collect()
    };
    let english_keys = keys(english);
    for section in &translation.sections {
        for entry in &section.entries {
            let key = format!("{}.{}", section.name, entry.key);
            let Some(reference) = english.entry(&section.name, &entry.key) else {
                error(entry.at, ErrorKind::UnknownKey(key));
                continue;
            };
            let same_shape = matches!(
                (&entry.value, &reference.value),
                (Value::Text(_), Value::Text(_)) | (Value::Count(_), Value::Count(_))
            );
            if !same_shape {
                error(entry.at, ErrorKind::ShapeDiffers(key));
                continue;
            }
            let sorted = |value: &Value| {
                let mut names = parameters(value);
                names.sort();
                names
            };
            let (expected, found) = (sorted(&reference.value), sorted(&entry.value));
            if expected != found {
                error(
                    entry.at,
                    ErrorKind::PlaceholdersDiffer {
                        key,
                        expected,
                        found,
                    },
                );
            }
        }
    }
    let translated = keys(translation);
    for missing in english_keys.difference(&translated) {
        let section = missing.split('.').next().unwrap_or_default();
        let at = translation
            .sections
            .iter()
            .find(|s| s.name == section)
            .map_or(Position { line: 1, column: 1 }, |s| s.at);
        error(at, ErrorKind::MissingKey(missing.clone()));
    }
    errors
}

impl Table {
    /// The entry `section.key`, if there is one.
    pub fn entry(&self, section: &str, key: &str) -> Option<&Entry> {
        self.sections
            .iter()
            .find(|s| s.name == section)?
            .entries
            .iter()
            .find(|e| e.key == key)
    }

    /// Every text that is not a count, as `("section.key", text)`: a plain
    /// text as shown, a text with placeholders as written (for the build
    /// step, which fills `{reason}` in the loader itself).
    pub fn texts(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.sections.iter().flat_map(|section| {
            section
                .entries
                .iter()
                .filter_map(move |entry| match &entry.value {
                    Value::Text(text) => {
                        let shown = if parameters(&entry.value).is_empty() {
                            unescape(text)
                        } else {
                            text.clone()
                        };
                        Some((format!("{}.{}", section.name, entry.key), shown))
                    }
                    Value::Count(_) => None,
                })
        })
    }
}

/// A text without placeholders as shown: `{{` and `}}` become single braces.
fn unescape(text: &str) -> String {
    text.replace("{{", "{").replace("}}", "}")
}

/// The table as Rust: a module per section; a constant per plain text, a
/// function per text with placeholders or per count. `language` is the
/// language tag the file is named after; `TEXTS` lists the texts by key,
/// for the build step that fills the loader and the page around the viewer.
pub fn generate(table: &Table, language: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by parley-i18n from {}: edit that file, not this one.\n",
        table.file
    );
    let _ = writeln!(
        out,
        "/// The language tag of the table compiled in (`<html lang>`).\npub const LANGUAGE: &str = {language:?};\n"
    );
    let _ = writeln!(
        out,
        "/// The plural category of a count under the table's rule (`{}`).\npub fn plural(n: u64) -> &'static str {{ {} }}\n",
        table.plural_rule.name(),
        table.plural_rule.rust_match()
    );
    let texts: Vec<(String, String)> = table.texts().collect();
    let _ = writeln!(
        out,
        "/// Every text that is not a count, by `section.key` (see `Table::texts`)."
    );
    let _ = writeln!(out, "pub const TEXTS: [(&str, &str); {}] = [", texts.len());
    for (key, text) in &texts {
        let _ = writeln!(out, "    ({key:?}, {text:?}),");
    }
    let _ = writeln!(out, "];\n");
    for section in &table.sections {
        let _ = writeln!(
            out,
            "/// The `[{}]` texts.\npub mod {} {{",
            section.name, section.name
        );
        for entry in &section.entries {
            write_entry(&mut out, entry);
        }
        let _ = writeln!(out, "}}\n");
    }
    out
}

fn write_entry(out: &mut String, entry: &Entry) {
    let names = parameters(&entry.value);
    match &entry.value {
        Value::Text(text) if names.is_empty() => {
            let _ = writeln!(
                out,
                "{}    pub const {}: &str = {:?};",
                doc(&[text]),
                entry.key.to_uppercase(),
                unescape(text)
            );
        }
        Value::Text(text) => {
            let _ = writeln!(
                out,
                "{}    pub fn {}({}) -> String {{ format!({text:?}) }}",
                doc(&[text]),
                entry.key,
                signature(&names)
            );
        }
        Value::Count(forms) => {
            let lines: Vec<String> = forms
                .iter()
                .map(|(category, text)| format!("{}: {text}", category.name()))
                .collect();
            let _ = writeln!(
                out,
                "{}    pub fn {}({}) -> String {{\n        match super::plural(n as u64) {{",
                doc(&lines),
                entry.key,
                signature(&names)
            );
            let last = forms.len() - 1;
            for (i, (category, text)) in forms.iter().enumerate() {
                let pattern = if i == last {
                    "_".to_string()
                } else {
                    format!("{:?}", category.name())
                };
                let _ = writeln!(out, "            {pattern} => format!({text:?}),");
            }
            let _ = writeln!(out, "        }}\n    }}");
        }
    }
}

/// A generated item's doc comment: its texts as a plain-text block (so
/// that `[n]` in a text is not read as a link).
fn doc(texts: &[impl AsRef<str>]) -> String {
    let mut out = "    /// ```text\n".to_string();
    for text in texts {
        let _ = writeln!(out, "    /// {}", text.as_ref().replace('\n', " "));
    }
    out.push_str("    /// ```\n");
    out
}

/// The parameters of a generated function: a count's `n: usize`, the rest `impl Display`.
fn signature(names: &[String]) -> String {
    names
        .iter()
        .map(|name| {
            if name == "n" {
                "n: usize".to_string()
            } else {
                format!("{name}: impl std::fmt::Display")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Position {
        line: count(before.matches('\n').count() + 1),
        column: count(before[line_start..].chars().count() + 1),
    }
}
