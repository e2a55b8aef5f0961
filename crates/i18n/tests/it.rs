//! The message files against each other and against the code, and the country names
//! against the UN's columns of the shared country-code file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use i18n::names::{NAMES, Origin};
use i18n::{Arg, Lang};

/// The message files of a language, as resources.
fn resources(lang: Lang) -> Vec<FluentResource> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales").join(lang.code());
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("locale directory").flatten().collect();
    files.sort_by_key(|e| e.file_name());
    let names: Vec<String> =
        files.iter().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    let expected: Vec<String> = i18n::PARTS.iter().map(|p| format!("{p}.ftl")).collect();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(names, sorted, "{}: the message files are {expected:?}", dir.display());
    files
        .iter()
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("message file");
            FluentResource::try_new(text)
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", e.path().display()))
        })
        .collect()
}

/// Each message's variables.
fn variables(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for res in resources(lang) {
        for entry in res.entries() {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let key = m.id.name.to_owned();
                assert!(!out.contains_key(&key), "{lang}: {key} is in two message files");
                out.insert(key, vars);
            }
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(inline) => inline_vars(inline, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_language_has_the_same_keys_with_the_same_variables() {
    let english = variables(Lang::En);
    assert!(english.len() > 50, "{} messages", english.len());
    for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
        let other = variables(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang}: keys missing: {missing:?}");
        assert!(extra.is_empty(), "{lang}: keys not in English: {extra:?}");
        for (key, vars) in &english {
            assert_eq!(&other[key], vars, "{lang}: the variables of {key}");
        }
        // And every file compiles into a bundle.
        i18n::Messages::compile(lang).expect("compiles");
    }
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "target" && n != "tests") {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The quoted string literals of the workspace's sources (outside this crate).
fn literals() -> BTreeSet<String> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("crates/");
    let mut files = Vec::new();
    rust_files(crates, &mut files);
    let mut out = BTreeSet::new();
    for file in files.iter().filter(|f| !f.starts_with(env!("CARGO_MANIFEST_DIR"))) {
        // A quote as a character literal would shift every string after it.
        let text = std::fs::read_to_string(file)
            .expect("source")
            .replace("'\\\"'", "'q'")
            .replace("'\"'", "'q'");
        for (i, part) in text.split('"').enumerate() {
            if i % 2 == 1 && part.len() < 80 {
                out.insert(part.to_owned());
            }
        }
    }
    out
}

#[test]
fn every_key_is_used_and_every_key_used_exists() {
    let keys: BTreeSet<String> = variables(Lang::En).into_keys().collect();
    let literals = literals();
    let unused: Vec<_> = keys.iter().filter(|k| !literals.contains(*k)).collect();
    assert!(unused.is_empty(), "message keys no code uses: {unused:?}");
    // Literals shaped like keys of the message families must exist.
    let families =
        ["profile-", "col-", "web-", "brief-", "ws-", "xlsx-", "gap-", "check-", "analysis-"];
    let unknown: Vec<_> = literals
        .iter()
        .filter(|l| families.iter().any(|f| l.starts_with(f)))
        .filter(|l| l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
        .filter(|l| !l.ends_with('-'))
        .filter(|l| !keys.contains(*l))
        .collect();
    assert!(unknown.is_empty(), "keys used in code but in no message file: {unknown:?}");
}

#[test]
fn plurals_follow_each_language_rules() {
    let count =
        |lang: Lang, n: usize| lang.messages().format("profile-register", &[("count", n.into())]);
    assert_eq!(count(Lang::En, 1), "Policy register (1 policy)");
    assert_eq!(count(Lang::En, 0), "Policy register (0 policies)");
    assert_eq!(count(Lang::Fr, 0), "Registre des politiques (0 politique)");
    assert_eq!(count(Lang::Fr, 2), "Registre des politiques (2 politiques)");
    assert_eq!(count(Lang::Ar, 2), "سجل السياسات (سياستان)");
    assert_eq!(count(Lang::Ar, 3), "سجل السياسات (3 سياسات)");
    assert_eq!(count(Lang::Ar, 11), "سجل السياسات (11 سياسة)");
    // Numbers in messages follow the language's separators.
    let big = Lang::Fr.messages().format("profile-register", &[("count", 12_345usize.into())]);
    assert_eq!(big, "Registre des politiques (12\u{202F}345 politiques)");
    let decimals = Lang::Es.messages().format(
        "profile-concentration-senders",
        &[("index", Arg::Number(0.25, 3)), ("partners", 4usize.into()), ("year", Arg::plain(2022))],
    );
    assert!(decimals.contains("0,250"), "{decimals}");
    assert!(decimals.contains("(2022)"), "{decimals}: a year is not grouped");
    // An exact-number variant (`[0]`) is chosen for that number.
    let editions = |n: usize| Lang::En.messages().format("brief-editions", &[("count", n.into())]);
    assert_eq!(editions(0), "no dataset");
    assert_eq!(editions(1), "1 dataset edition");
    assert_eq!(editions(1234), "1,234 dataset editions");
}

/// `text` without its `{$name}` parts.
fn without_placeables(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{$") {
        out.push_str(&rest[..start]);
        rest = rest[start..].split_once('}').map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

#[test]
fn the_pseudo_language_lengthens_every_text() {
    for key in variables(Lang::En).keys() {
        // Without arguments, placeables show as `{$name}`: compare the texts around them.
        let english = without_placeables(&Lang::En.messages().format(key, &[]));
        let pseudo = without_placeables(&Lang::Pseudo.messages().format(key, &[]));
        // Words grow; the spaces between them stay.
        let letters = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
        let (e, p) = (letters(&english), letters(&pseudo));
        assert!(p * 10 >= e * 13, "{key}: {english:?} ({e}) → {pseudo:?} ({p})");
    }
}

#[test]
fn country_names_equal_the_un_columns() {
    let Some(path) = test_support::shared_data("country_codes/country-codes.csv") else {
        return;
    };
    let mut reader = csv::Reader::from_path(&path).expect("country-codes.csv");
    let headers = reader.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let iso = col("ISO3166-1-Alpha-3");
    let unterm =
        [col("UNTERM French Short"), col("UNTERM Spanish Short"), col("UNTERM Arabic Short")];
    let m49 = [col("official_name_fr"), col("official_name_es"), col("official_name_ar")];
    let rows: BTreeMap<&str, _> = NAMES.iter().map(|r| (r.0, r)).collect();
    let mut checked = 0;
    for record in reader.records() {
        let record = record.expect("row");
        let code = &record[iso];
        let row = rows.get(code).unwrap_or_else(|| panic!("{code} is not in the names table"));
        let columns = if row.1 == Origin::Unterm { unterm } else { m49 };
        assert_ne!(row.1, Origin::Authored, "{code} is in the file: its names must come from it");
        let expected: Vec<String> =
            columns.iter().map(|&c| record[c].trim().trim_end_matches(" *").to_owned()).collect();
        assert_eq!([row.2, row.3, row.4], [&expected[0], &expected[1], &expected[2]], "{code}");
        if row.1 == Origin::M49 {
            assert!(record[unterm[0]].trim().is_empty(), "{code}: UNTERM has names, use them");
        }
        checked += 1;
    }
    assert_eq!(checked, 249);
    let authored: Vec<_> = NAMES.iter().filter(|r| r.1 == Origin::Authored).map(|r| r.0).collect();
    assert_eq!(authored, ["CHI", "XKX"]);
}
