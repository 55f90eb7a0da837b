//! The table format: what is read, what is refused (kind, line, column), how
//! translations are checked, and the tables shipped in `i18n/`.

use parley_i18n::{check, generate, parse, placeholders, Category, Error, PluralRule, Value};

/// Asserts that `error` starts with `message` and stands at `line`, `column`.
fn assert_error(error: &Error, message: &str, line: u32, column: u32, input: &str) {
    assert!(
        error.kind.to_string().starts_with(message),
        "{input:?}: {error}"
    );
    assert_eq!(
        (error.at.line, error.at.column),
        (line, column),
        "{input:?}: {error}"
    );
}

/// One problem a line, for an assertion's message.
fn lines(errors: &[Error]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

const EN: &str = r#"plural_rule = "one"

[filters]
showing = "Showing {shown} of {total} turns."
search = "Search"
turns = { one = "{n} turn", other = "{n} turns" }
"#;

/// (input, kind as text, line, column)
#[test]
fn malformed_tables_are_refused_with_their_position() {
    let cases: &[(&str, &str, u32, u32)] = &[
        (
            "plural_rule = \"one\"\n[a]\nb = \"x\n",
            "not valid TOML",
            3,
            7,
        ),
        ("[a]\nb = \"x\"\n", "plural_rule is missing", 1, 1),
        (
            "plural_rule = \"dual\"\n[a]\nb = \"x\"\n",
            "plural_rule “dual”",
            1,
            15,
        ),
        (
            "plural_rule = \"one\"\nstray = \"x\"\n",
            "“stray” is not a [section]",
            2,
            1,
        ),
        (
            "plural_rule = \"one\"\n[Bad]\nb = \"x\"\n",
            "“Bad” is not a usable name",
            2,
            2,
        ),
        (
            "plural_rule = \"one\"\n[a]\nType = \"x\"\n",
            "“Type” is not a usable name",
            3,
            1,
        ),
        (
            "plural_rule = \"one\"\n[a]\nfn = \"x\"\n",
            "“fn” is not a usable name",
            3,
            1,
        ),
        (
            "plural_rule = \"one\"\n[a]\nb = 3\n",
            "a.b: expected a string",
            3,
            5,
        ),
        (
            "plural_rule = \"one\"\n[a]\nb = \"{open\"\n",
            "a.b: “{open” is not a placeholder",
            3,
            5,
        ),
        (
            "plural_rule = \"one\"\n[a]\nb = \"x}\"\n",
            "a.b: “}” is not a placeholder",
            3,
            5,
        ),
        (
            "plural_rule = \"one\"\n[a]\nb = \"{Name}\"\n",
            "a.b: “{Name}” is not a placeholder",
            3,
            5,
        ),
        (
            "plural_rule = \"one\"\n[a]\nb = { one = \"x\", few = \"y\", other = \"z\" }\n",
            "a.b: “few” is not a category",
            3,
            18,
        ),
        (
            "plural_rule = \"one\"\n[a]\nb = { other = \"z\" }\n",
            "a.b: the plural rule needs a “one” form",
            3,
            5,
        ),
        (
            "plural_rule = \"one\"\n[a]\nb = { one = 1, other = \"z\" }\n",
            "a.b: expected a string",
            3,
            13,
        ),
    ];
    for &(input, message, line, column) in cases {
        let errors = parse("t.toml", input).expect_err(input);
        let first = &errors[0];
        assert_error(first, message, line, column, input);
        assert!(first
            .to_string()
            .starts_with(&format!("t.toml:{line}:{column}: ")));
    }
}

#[test]
fn reads_texts_and_counts() {
    let table = parse("en.toml", EN).expect("valid");
    assert_eq!(table.plural_rule, PluralRule::One);
    let turns = table.entry("filters", "turns").expect("turns");
    assert_eq!(
        turns.value,
        Value::Count(vec![
            (Category::One, "{n} turn".to_string()),
            (Category::Other, "{n} turns".to_string())
        ])
    );
    assert_eq!((turns.at.line, turns.at.column), (6, 1));
    let texts: Vec<(String, String)> = table.texts().collect();
    assert!(texts.contains(&("filters.search".to_string(), "Search".to_string())));
    assert!(!texts.iter().any(|(key, _)| key == "filters.turns"));
}

#[test]
fn placeholders_in_order_with_literal_braces() {
    assert_eq!(
        placeholders("{a} {{b}} {c} {a}"),
        Ok(vec!["a".into(), "c".into()])
    );
    assert_eq!(placeholders("{{}}"), Ok(vec![]));
    assert_eq!(placeholders("{"), Err("{".into()));
}

#[test]
fn plural_rules_follow_cldr_for_whole_numbers() {
    let of = |rule: PluralRule, numbers: &[u64]| -> Vec<Category> {
        numbers.iter().map(|&n| rule.category(n)).collect()
    };
    use Category::*;
    assert_eq!(
        of(PluralRule::One, &[0, 1, 2, 11]),
        [Other, One, Other, Other]
    );
    assert_eq!(of(PluralRule::ZeroOne, &[0, 1, 2]), [One, One, Other]);
    assert_eq!(
        of(
            PluralRule::Slavic,
            &[1, 2, 5, 11, 12, 21, 22, 25, 111, 112, 101]
        ),
        [One, Few, Many, Many, Many, One, Few, Many, Many, Many, One]
    );
    assert_eq!(of(PluralRule::None, &[0, 1, 2]), [Other, Other, Other]);
}

/// (translation, kind as text, line, column)
#[test]
fn translations_are_checked_against_english() {
    let english = parse("en.toml", EN).expect("valid");
    let cases: &[(&str, &str, u32, u32)] = &[
        (
            "plural_rule = \"zero-one\"\n[filters]\nshowing = \"{shown} sur {total}\"\nsearch = \"Chercher\"\n",
            "filters.turns is missing",
            2,
            2,
        ),
        (
            "plural_rule = \"zero-one\"\n[filters]\nshowing = \"{shown}\"\nsearch = \"x\"\nturns = { one = \"{n}\", other = \"{n}\" }\n",
            "filters.showing: placeholders {shown}; expected those of the English text, {shown}, {total}",
            3,
            1,
        ),
        (
            "plural_rule = \"zero-one\"\n[filters]\nshowing = \"{total} {shown}\"\nsearch = { one = \"x\", other = \"y\" }\nturns = { one = \"{n}\", other = \"{n}\" }\n",
            "filters.search: the English table has a count",
            4,
            1,
        ),
        (
            "plural_rule = \"zero-one\"\n[filters]\nshowing = \"{total} {shown}\"\nsearch = \"x\"\nturns = { one = \"{n}\", other = \"{n}\" }\nextra = \"y\"\n",
            "filters.extra: the English table has no such key",
            6,
            1,
        ),
    ];
    for &(input, message, line, column) in cases {
        let translation = parse("fr.toml", input).expect(input);
        let errors = check(&translation, &english);
        assert_eq!(errors.len(), 1, "{input:?}: {errors:?}");
        assert_error(&errors[0], message, line, column, input);
    }
    // Same keys, placeholders reordered, another plural rule: accepted.
    let french = "plural_rule = \"zero-one\"\n[filters]\nshowing = \"{total} : {shown}\"\nsearch = \"x\"\nturns = { one = \"{n} tour\", other = \"{n} tours\" }\n";
    assert_eq!(
        check(&parse("fr.toml", french).expect("valid"), &english),
        vec![]
    );
}

#[test]
fn generates_constants_functions_and_counts() {
    let code = generate(&parse("en.toml", EN).expect("valid"), "en");
    assert!(code.contains("pub const LANGUAGE: &str = \"en\";"));
    assert!(code.contains("pub const SEARCH: &str = \"Search\";"));
    assert!(code.contains(
        "pub fn showing(shown: impl std::fmt::Display, total: impl std::fmt::Display) -> String { format!(\"Showing {shown} of {total} turns.\") }"
    ));
    assert!(code.contains("pub fn turns(n: usize) -> String {"));
    assert!(code.contains("\"one\" => format!(\"{n} turn\"),"));
    assert!(code.contains("_ => format!(\"{n} turns\"),"));
}

/// Every table in `i18n/` is well formed and matches the English one.
#[test]
fn shipped_tables_match_english() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../i18n");
    let read = |name: &str| {
        let text = std::fs::read_to_string(format!("{folder}/{name}")).expect("readable");
        parse(&format!("i18n/{name}"), &text).unwrap_or_else(|errors| panic!("{}", lines(&errors)))
    };
    let english = read("en.toml");
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("i18n/")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".toml") && name != "en.toml")
        .collect();
    names.sort();
    for name in names {
        let problems = check(&read(&name), &english);
        assert!(problems.is_empty(), "{}", lines(&problems));
    }
}

/// Every entry of the English table is used: by the Rust code as
/// `section::NAME` or `section::name`, or by a page or script of the build as
/// `{{t:section.key}}`. An unused text would be translated for nothing.
#[test]
fn every_english_text_is_used() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut sources = String::new();
    let mut folders = vec![
        format!("{root}/src"),
        format!("{root}/static"),
        format!("{root}/crates/parley-core/src"),
        format!("{root}/crates/parley-cli/src"),
    ];
    sources.push_str(&std::fs::read_to_string(format!("{root}/index.html")).expect("index.html"));
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)
            .expect("a source folder")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path.display().to_string());
            } else if path.extension().is_some_and(|e| e == "rs" || e == "js") {
                sources.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let text = std::fs::read_to_string(format!("{root}/i18n/en.toml")).expect("en.toml");
    let english = parse("i18n/en.toml", &text).expect("valid");
    let used = |path: &str| {
        sources.match_indices(path).any(|(at, _)| {
            !sources[at + path.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    };
    let mut unused = Vec::new();
    for section in &english.sections {
        for entry in &section.entries {
            let plain =
                matches!(&entry.value, Value::Text(text) if placeholders(text) == Ok(vec![]));
            let name = if plain {
                entry.key.to_uppercase()
            } else {
                entry.key.clone()
            };
            let in_rust = used(&format!("{}::{name}", section.name));
            let in_page = sources.contains(&format!("{{{{t:{}.{}}}}}", section.name, entry.key));
            if !in_rust && !in_page {
                unused.push(format!("{}.{}", section.name, entry.key));
            }
        }
    }
    assert!(
        unused.is_empty(),
        "texts nothing uses: {}",
        unused.join(", ")
    );
}
