//! The profile workbook (`report::xlsx::profile`) of the test profile: sheets, headers
//! with units and JSON fields, every source numbered once, the same bytes twice.

#[allow(dead_code, reason = "the fixture serves several test files")]
mod fixture;

use report::xlsx::Cell;
use report::xlsx::profile::{sheets, workbook};

#[test]
fn a_profile_workbook_has_a_sheet_per_section_and_its_sources() {
    let profile = fixture::xandria();
    let sheets = sheets(&profile).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"About"));
    assert_eq!(names.last(), Some(&"Sources"));
    for section in ["Stocks", "Corridors", "Remittances", "Costs"] {
        assert!(names.contains(&section), "{section} in {names:?}");
    }
    let about = &sheets[0];
    assert!(about.rows.iter().any(|r| r[1] == Cell::Text(fixture::NOTICE.to_owned())));
    let sources = sheets.last().unwrap();
    let stocks = sheets.iter().find(|s| s.name == "Stocks").unwrap();
    assert_eq!(stocks.columns[2], "Stock (persons)");
    assert_eq!(stocks.keys[2], "total");
    // Every value row names sources that exist; each source is listed once.
    for sheet in &sheets[1..sheets.len() - 1] {
        assert_eq!(sheet.keys.len(), sheet.columns.len(), "{}", sheet.name);
        let Some(at) = sheet.columns.iter().position(|c| c == "Sources") else { continue };
        for row in &sheet.rows {
            let Cell::Text(refs) = &row[at] else { panic!("{}: {row:?}", sheet.name) };
            for n in refs.split(", ").filter(|r| !r.is_empty()) {
                let n: usize = n.trim_matches(['[', ']']).parse().unwrap();
                assert!((1..=sources.rows.len()).contains(&n), "{}: {refs}", sheet.name);
            }
        }
    }
    let listed: Vec<String> = sources.rows.iter().map(|r| format!("{:?}", &r[1..])).collect();
    let distinct: std::collections::BTreeSet<&String> = listed.iter().collect();
    assert_eq!(distinct.len(), listed.len());
    assert_eq!(workbook(&profile).unwrap(), workbook(&profile).unwrap());
}

#[test]
fn sheet_names_fit_excel_in_every_language() {
    for lang in i18n::Lang::OFFERED {
        let names = report::xlsx::profile::sheet_names(lang);
        let mut seen = std::collections::BTreeSet::new();
        for name in &names {
            assert!(name.chars().count() <= 31, "{lang}: {name:?} is longer than 31 characters");
            assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{lang}: {name:?}");
            assert!(!name.is_empty() && !name.starts_with('\'') && !name.ends_with('\''));
            assert!(seen.insert(name.to_lowercase()), "{lang}: {name:?} twice");
        }
    }
}

#[test]
fn a_workbook_in_another_language_has_its_words_and_the_same_numbers() {
    use i18n::Lang;
    let profile = fixture::xandria();
    let english = report::xlsx::profile::sheets_in(&profile, Lang::En).unwrap();
    for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
        let sheets = report::xlsx::profile::sheets_in(&profile, lang).unwrap();
        assert_eq!(sheets.len(), english.len(), "{lang}");
        let names = report::xlsx::profile::sheet_names(lang);
        // The About sheet of another language has one row more: the language's note.
        assert_eq!(sheets[0].rows.len(), english[0].rows.len() + 1, "{lang}");
        for (s, e) in sheets.iter().zip(&english).skip(1) {
            assert!(names.contains(&s.name), "{lang}: {} is not a sheet name of it", s.name);
            assert_ne!(s.columns, e.columns, "{lang}: {}: headers not translated", e.name);
            assert_eq!(s.keys.len(), e.keys.len());
            assert_eq!(s.rows.len(), e.rows.len(), "{lang}: {}", e.name);
            for (r, (a, b)) in s.rows.iter().zip(&e.rows).enumerate() {
                for (c, (x, y)) in a.iter().zip(b).enumerate() {
                    if let Cell::Number(_) | Cell::Empty = y {
                        assert_eq!(x, y, "{lang}: {} row {r} column {c}", e.name);
                    }
                }
            }
        }
        let bytes = report::xlsx::profile::workbook_in(&profile, lang).unwrap();
        assert_eq!(bytes, report::xlsx::profile::workbook_in(&profile, lang).unwrap());
    }
    let french = report::xlsx::profile::sheets_in(&profile, Lang::Fr).unwrap();
    assert_eq!(french[0].name, "À propos");
    assert_eq!(french.last().unwrap().name, "Sources");
    let remit = french.iter().find(|s| s.name == "Envois de fonds").expect("remittances");
    assert!(remit.columns[1].starts_with("Envois de fonds reçus"), "{:?}", remit.columns);
}
