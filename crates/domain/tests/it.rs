//! Integration tests of `domain` against the public data in the shared data folder.
//!
//! The one test binary of this crate (see STYLE.md): each concern is a module.

mod area_table {
    //! Cross-checks the authored table of real areas (`domain::area::real_areas`)
    //! against two public country-code files, both ways:
    //!
    //! * `country_codes/m49_alpha3.csv`: UN M49 codes with their ISO alpha-3 codes;
    //! * `country_codes/country-codes.csv`: ISO 3166-1 alpha-3, alpha-2 and numeric
    //!   codes, with M49.
    //!
    //! Every alpha-3 code that a file gives with a numeric code must be in the table
    //! with the same M49 code, and every row of the table must be in the file with
    //! the same code. The known exceptions: UN M49 does not list Taiwan (`TWN`)
    //! separately, so `m49_alpha3.csv` lacks it; and the table's publisher codes of
    //! real areas outside ISO 3166-1 ([`PUBLISHER_CODES`]) must be absent from both
    //! files. The test is skipped (visibly) when the shared data folder is absent
    //! outside CI.

    use std::collections::BTreeMap;
    use std::path::Path;

    use domain::area::{AreaKind, Iso3, real_area, real_areas};

    /// The documented publisher codes of real areas outside ISO 3166-1 (see
    /// `crates/domain/src/area/table.rs`): no ISO file lists them.
    const PUBLISHER_CODES: [&str; 2] = ["CHI", "XKX"];

    #[test]
    fn publisher_codes_are_the_documented_list() {
        let in_table: Vec<&str> = real_areas()
            .iter()
            .filter(|a| a.publisher.is_some())
            .map(|a| a.iso3.as_str())
            .collect();
        assert_eq!(in_table, PUBLISHER_CODES);
    }

    /// One file's view of a code: numeric code and, if the file has it, alpha-2.
    struct Entry {
        m49: u16,
        iso2: Option<String>,
    }

    /// Reads `alpha-3 → entry` from a CSV file, taking the named columns; rows whose
    /// alpha-3 or numeric field is empty are skipped (aggregates, unassigned rows).
    fn read_codes(
        path: &Path,
        iso3_col: &str,
        m49_col: &str,
        iso2_col: Option<&str>,
    ) -> BTreeMap<String, Entry> {
        let mut reader =
            csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let headers = reader.headers().expect("a header row").clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{}: no column {name:?}", path.display()))
        };
        let (i3, im, i2) = (column(iso3_col), column(m49_col), iso2_col.map(column));
        let mut codes = BTreeMap::new();
        for (line, record) in reader.records().enumerate() {
            let record = record.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let iso3 = record.get(i3).unwrap_or("").trim();
            let m49 = record.get(im).unwrap_or("").trim();
            if iso3.is_empty() || m49.is_empty() {
                continue;
            }
            let m49 = m49.parse::<u16>().unwrap_or_else(|e| {
                panic!("{} record {}: M49 {m49:?}: {e}", path.display(), line + 1)
            });
            let iso2 = i2
                .and_then(|i| record.get(i))
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty());
            codes.insert(iso3.to_owned(), Entry { m49, iso2 });
        }
        codes
    }

    /// Compares a file's codes with the table both ways, except that the table rows
    /// in `absent_from_file` must be missing from the file; returns one line per
    /// mismatch.
    fn mismatches(
        file: &str,
        codes: &BTreeMap<String, Entry>,
        absent_from_file: &[&str],
    ) -> Vec<String> {
        let mut problems = Vec::new();
        for (iso3, entry) in codes {
            let row = Iso3::parse(iso3).ok().and_then(real_area);
            match row {
                None => {
                    problems.push(format!("{file}: {iso3} (M49 {}) is not in the table", entry.m49))
                }
                Some(row) => {
                    if row.m49.get() != entry.m49 {
                        problems.push(format!(
                            "{file}: {iso3} has M49 {} in the file, {} in the table",
                            entry.m49, row.m49
                        ));
                    }
                    if let Some(iso2) = &entry.iso2
                        && iso2 != row.iso2
                    {
                        problems.push(format!(
                            "{file}: {iso3} has alpha-2 {iso2} in the file, {} in the table",
                            row.iso2
                        ));
                    }
                }
            }
        }
        for row in real_areas() {
            let expected_absent = absent_from_file.contains(&row.iso3.as_str());
            if expected_absent && codes.contains_key(row.iso3.as_str()) {
                problems.push(format!(
                    "{file}: {} is listed, but the test expects it absent",
                    row.iso3
                ));
            }
            if !expected_absent && !codes.contains_key(row.iso3.as_str()) {
                problems.push(format!(
                    "{file}: table row {} ({}, M49 {}) is not in the file",
                    row.iso3, row.name, row.m49
                ));
            }
        }
        problems
    }

    /// The table's kind agrees with the file's `is_independent` column ("Yes" for a
    /// sovereign state), except where the two definitions differ: the table's
    /// sovereign states are the UN member and observer states, so the State of
    /// Palestine (`PSE`, "In contention" in the file) is sovereign and Taiwan
    /// (`TWN`, "Yes" in the file) is a territory.
    #[test]
    fn kinds_match_country_codes_csv() {
        let Some(path) = test_support::shared_data("country_codes/country-codes.csv") else {
            return;
        };
        let mut reader = csv::Reader::from_path(&path).expect("country-codes.csv");
        let headers = reader.headers().expect("a header row").clone();
        let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
        let (i3, independent) = (column("ISO3166-1-Alpha-3"), column("is_independent"));
        let mut problems = Vec::new();
        for record in reader.records() {
            let record = record.expect("a CSV record");
            let Some(row) = Iso3::parse(record.get(i3).unwrap_or("")).ok().and_then(real_area)
            else {
                continue;
            };
            let file_sovereign = record.get(independent) == Some("Yes");
            let expected = match row.iso3.as_str() {
                "PSE" | "TWN" => !file_sovereign,
                _ => file_sovereign,
            };
            if (row.kind == AreaKind::Sovereign) != expected {
                problems.push(format!(
                    "{} ({}): {:?} in the table, is_independent = {:?} in the file",
                    row.iso3,
                    row.name,
                    row.kind,
                    record.get(independent).unwrap_or("")
                ));
            }
        }
        assert!(problems.is_empty(), "{} mismatch(es):\n{}", problems.len(), problems.join("\n"));
    }

    #[test]
    fn matches_m49_alpha3_csv() {
        let Some(path) = test_support::shared_data("country_codes/m49_alpha3.csv") else { return };
        let codes = read_codes(&path, "ISO_alpha3", "M49", None);
        let problems = mismatches("m49_alpha3.csv", &codes, &["TWN", "CHI", "XKX"]);
        assert!(problems.is_empty(), "{} mismatch(es):\n{}", problems.len(), problems.join("\n"));
    }

    #[test]
    fn matches_country_codes_csv() {
        let Some(path) = test_support::shared_data("country_codes/country-codes.csv") else {
            return;
        };
        let codes =
            read_codes(&path, "ISO3166-1-Alpha-3", "ISO3166-1-numeric", Some("ISO3166-1-Alpha-2"));
        let problems = mismatches("country-codes.csv", &codes, &PUBLISHER_CODES);
        assert!(problems.is_empty(), "{} mismatch(es):\n{}", problems.len(), problems.join("\n"));
    }
}

mod regions {
    //! Cross-checks the authored regions (`domain::area::regions`) against the region
    //! columns of `country_codes/country-codes.csv` (M49 region, sub-region and
    //! intermediate region codes) and the SDG-region columns of
    //! `country_codes/WPP2024_UNlocations.txt` (`agcode_18xx000`), both ways.
    //!
    //! One known difference: `country-codes.csv` leaves the intermediate region of
    //! Guernsey and Jersey empty, where M49 places them in the Channel Islands (830).

    use std::collections::BTreeMap;

    use domain::area::regions::{RegionKind, m49_region, regions_of};
    use domain::area::{Iso3, M49, real_area_by_m49, real_areas};

    #[test]
    fn m49_regions_match_country_codes_csv() {
        let Some(path) = test_support::shared_data("country_codes/country-codes.csv") else {
            return;
        };
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (c3, cr, cs, ci) = (
            col("ISO3166-1-Alpha-3"),
            col("Region Code"),
            col("Sub-region Code"),
            col("Intermediate Region Code"),
        );
        let mut checked = 0;
        let mut mismatches = Vec::new();
        for record in reader.records() {
            let record = record.unwrap();
            let Ok(iso3) = Iso3::parse(record.get(c3).unwrap_or("")) else { continue };
            let code = |i: usize| record.get(i).and_then(|s| s.trim().parse::<u16>().ok());
            let expected: Vec<u16> = [code(ci), code(cs), code(cr)].into_iter().flatten().collect();
            let ours: Vec<u16> = regions_of(iso3)
                .iter()
                .filter(|r| r.kind != RegionKind::SdgRegion)
                .map(|r| r.code)
                .collect();
            let channel_islands = ours.first() == Some(&830) && ours[1..] == expected[..];
            if ours != expected && !channel_islands {
                mismatches.push(format!("{iso3}: ours {ours:?}, file {expected:?}"));
            }
            checked += 1;
        }
        assert!(mismatches.is_empty(), "{mismatches:#?}");
        // Every ISO row of the table; the publisher codes are not in the file.
        assert_eq!(checked, real_areas().iter().filter(|a| a.publisher.is_none()).count());
        for code in [202, 830, 5] {
            assert!(m49_region(code).is_some());
        }
    }

    #[test]
    fn sdg_regions_match_wpp_locations() {
        let Some(path) = test_support::shared_data("country_codes/WPP2024_UNlocations.txt") else {
            return;
        };
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
        // WPP's own codes of the SDG regions, and the SDG database's.
        let wpp_to_sdg: BTreeMap<&str, u16> = [
            ("agcode_1834000", 202),
            ("agcode_1833000", 747),
            ("agcode_1831000", 62),
            ("agcode_1832000", 753),
            ("agcode_1830000", 419),
            ("agcode_1835000", 543),
            ("agcode_1836000", 53),
            ("agcode_1829000", 513),
        ]
        .into_iter()
        .collect();
        let (cc, ct) = (col("country_code"), col("location_type"));
        let mut checked = 0;
        let mut mismatches = Vec::new();
        for line in lines {
            let f: Vec<&str> = line.split('\t').collect();
            if f.get(ct) != Some(&"4") {
                continue;
            }
            let Some(area) =
                f[cc].parse::<u16>().ok().and_then(|c| M49::new(c).ok()).and_then(real_area_by_m49)
            else {
                continue; // Codes without a row in the table.
            };
            let expected: Vec<u16> = wpp_to_sdg
                .iter()
                .filter(|(c, _)| f.get(col(c)).is_some_and(|v| *v != "-1" && !v.is_empty()))
                .map(|(_, &s)| s)
                .collect();
            let ours: Vec<u16> = regions_of(area.iso3)
                .iter()
                .filter(|r| r.kind == RegionKind::SdgRegion)
                .map(|r| r.code)
                .collect();
            if ours != expected {
                mismatches.push(format!("{}: ours {ours:?}, WPP {expected:?}", area.iso3));
            }
            checked += 1;
        }
        assert!(mismatches.is_empty(), "{mismatches:#?}");
        assert!(checked > 230, "{checked}");
    }
}
