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
