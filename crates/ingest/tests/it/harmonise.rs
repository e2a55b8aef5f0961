//! Country harmonisation checked against the publishers' own code lists: every code and
//! name they list resolves to the same ISO code, or is recognised as an aggregate or as
//! an area without ISO code.

use std::collections::BTreeSet;

use ingest::areas::{AreaMatch, match_m49, match_name, match_wb_code};

use crate::common::{Sheets, shared};

/// The UN DESA IMS 2020 classification annex: name, M49 location code, ISO3.
#[test]
fn un_annex_codes_and_names() {
    let Some((_, bytes)) = shared("undesa_ims_2020/aggregates_correspondence_table_2020_1.xlsx")
    else {
        return;
    };
    let sheets = Sheets::open(&bytes);
    let header = sheets.find_row("Annex", 1, "Region, subregion, country or area");
    let mut failures = BTreeSet::new();
    let (mut countries, mut aggregates) = (0, 0);
    for row in header + 1..header + 400 {
        let name = sheets.text("Annex", row, 1);
        let Some(code) = sheets.number("Annex", row + 1, "D") else { continue };
        let iso3 = sheets.text("Annex", row, 4);
        let by_code = match_m49(code as u16);
        let by_name = match_name(&name);
        if iso3.is_empty() {
            aggregates += 1;
            if by_code != Some(AreaMatch::Aggregate) {
                failures.insert(format!("{name} ({code}): {by_code:?}, expected an aggregate"));
            }
            continue;
        }
        countries += 1;
        let expected = match domain::area::find_real_area(&iso3) {
            Some(area) => AreaMatch::Area(area.iso3),
            None => AreaMatch::WithoutIsoCode,
        };
        if by_code != Some(expected) || by_name != Some(expected) {
            failures.insert(format!(
                "{name} ({code}, {iso3}): by code {by_code:?}, by name {by_name:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(countries > 230 && aggregates > 40, "{countries} countries, {aggregates} aggregates");
}

/// The WPP 2024 locations: name, M49 code, location type (4 = country or area).
#[test]
fn wpp_locations() {
    let Some((_, bytes)) = shared("country_codes/WPP2024_UNlocations.txt") else { return };
    let text = String::from_utf8(bytes).unwrap();
    let mut failures = BTreeSet::new();
    let mut countries = 0;
    for line in text.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (name, code, kind) = (fields[0], fields[1].parse::<u16>().unwrap(), fields[6]);
        let by_code = match_m49(code);
        if kind == "4" {
            countries += 1;
            let by_name = match_name(name);
            let ok = match by_code {
                Some(AreaMatch::Area(_)) => by_name == by_code,
                Some(AreaMatch::WithoutIsoCode) => true,
                _ => false,
            };
            if !ok {
                failures
                    .insert(format!("{name} ({code}): by code {by_code:?}, by name {by_name:?}"));
            }
        } else if by_code != Some(AreaMatch::Aggregate) {
            failures.insert(format!("{name} ({code}): {by_code:?}, expected an aggregate"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(countries, 237);
}

/// The World Bank's list of economies: code and name.
#[test]
fn world_bank_economies() {
    let Some((_, bytes)) = shared("country_codes/WB_CLASS_income_groups_FY2024.xlsx") else {
        return;
    };
    let sheets = Sheets::open(&bytes);
    let mut failures = BTreeSet::new();
    for row in 1..300 {
        let (name, code) =
            (sheets.text("List of economies", row, 0), sheets.text("List of economies", row, 1));
        if code.is_empty() {
            continue;
        }
        let by_code = match_wb_code(&code);
        let by_name = match_name(&name);
        let ok = match by_code {
            Some(AreaMatch::Area(_)) | Some(AreaMatch::WithoutIsoCode) => by_name == by_code,
            Some(AreaMatch::Aggregate) => true,
            None => false,
        };
        if !ok {
            failures.insert(format!("{name} ({code}): by code {by_code:?}, by name {by_name:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
