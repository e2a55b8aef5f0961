//! OECD DIOC-E 2010/11 File 1: tertiary-educated emigrants and native-born residents
//! aged 25+, checked against sums computed here from the raw CSV lines.

use std::collections::{BTreeSet, HashMap, HashSet};

use domain::dataset::Dataset;
use domain::{Indicator, Iso3, Sex, Year};
use ingest::{DiagnosticKind, ImportErrorKind, Kind, ReadOptions};

use crate::common::import;

const FILE: &str = "oecd_dioc_e_2010/File-1-DIOC-E-2010-11-Age.csv";

/// One line of the file: (line, country, coub, sex, age, fborn, education, number).
type Line = (u32, String, String, u32, u32, u32, u32, f64);

/// The file's lines, split here with `str::split` (one record per line, quotes
/// stripped), independently of the reader's CSV parser.
fn lines(bytes: &[u8]) -> Vec<Line> {
    let text = std::str::from_utf8(bytes).unwrap();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> =
            line.trim_end_matches('\r').split(',').map(|s| s.trim_matches('"')).collect();
        assert_eq!(f.len(), 8, "line {}", i + 1);
        out.push((
            u32::try_from(i + 1).unwrap(),
            f[0].to_owned(),
            f[1].to_owned(),
            f[2].parse().unwrap(),
            f[3].parse().unwrap(),
            f[5].parse().unwrap(),
            f[6].parse().unwrap(),
            f[7].parse().unwrap(),
        ));
    }
    out
}

fn stored(dataset: &Dataset, indicator: Indicator, area: &'static str, sex: Sex) -> Option<f64> {
    let year = Year::new(2010).unwrap();
    let area = Iso3::from_static(area);
    let found: Vec<_> = dataset
        .values
        .iter()
        .filter(|v| v.indicator == indicator && v.area == area && v.sex == sex && v.year == year)
        .collect();
    assert!(found.len() <= 1);
    found.first().map(|v| v.value)
}

#[test]
fn tertiary_emigrants_and_residents_equal_sums_of_the_raw_lines() {
    let Some((dataset, diagnostics, bytes)) = import(FILE, Kind::OecdDiocE) else { return };
    let lines = lines(&bytes);
    assert_eq!(lines.len(), 117_818);
    assert!(dataset.pairs.is_empty(), "no migrant stocks from DIOC-E");

    // Tertiary (56) is coded in every country of residence.
    let countries: BTreeSet<&str> = lines.iter().map(|l| l.1.as_str()).collect();
    let with_tertiary: BTreeSet<&str> =
        lines.iter().filter(|l| l.6 == 56).map(|l| l.1.as_str()).collect();
    assert_eq!(countries, with_tertiary);
    assert_eq!(countries.len(), 91);

    // Age 99 is not a total: where age groups exist, it is far smaller than their sum,
    // except in the countries that add a second tabulation (aggregated education
    // codes 12 and 34 at age 99).
    let groups: HashSet<&str> = lines.iter().filter(|l| l.4 != 99).map(|l| l.1.as_str()).collect();
    let second: BTreeSet<&str> = lines
        .iter()
        .filter(|l| l.4 == 99 && matches!(l.6, 12 | 34) && groups.contains(l.1.as_str()))
        .map(|l| l.1.as_str())
        .collect();
    assert_eq!(second.into_iter().collect::<Vec<_>>(), ["LTU", "LVA", "ROU"]);
    let second: HashSet<&str> = ["LTU", "LVA", "ROU"].into();
    // The age codes counted as 25+, by country of residence.
    let counted = |l: &Line| match l.4 {
        2..=7 => true,
        99 => !second.contains(l.1.as_str()),
        _ => false,
    };
    // Countries without age groups include the largest destinations.
    for c in ["USA", "DEU", "GBR", "FRA", "CAN", "AUS"] {
        assert!(!groups.contains(c), "{c}");
    }

    let mut emigrants: HashMap<(&str, u32), f64> = HashMap::new();
    let mut residents: HashMap<(&str, u32), f64> = HashMap::new();
    for l in lines.iter().filter(|l| l.6 == 56 && counted(l)) {
        if l.5 == 1 {
            assert_ne!(l.1, l.2);
            *emigrants.entry((l.2.as_str(), l.3)).or_default() += l.7;
        } else {
            assert_eq!(l.1, l.2);
            *residents.entry((l.1.as_str(), l.3)).or_default() += l.7;
        }
    }
    for (iso, code) in
        [("PHL", "PHL"), ("IND", "IND"), ("MEX", "MEX"), ("KOR", "KOREA-SO"), ("HRV", "FYUG-HRV")]
    {
        let m = emigrants[&(code, 1)];
        let f = emigrants[&(code, 2)];
        assert_eq!(
            stored(&dataset, Indicator::EMIGRANTS_TERTIARY, iso, Sex::Male),
            Some(m),
            "{iso}"
        );
        assert_eq!(
            stored(&dataset, Indicator::EMIGRANTS_TERTIARY, iso, Sex::Female),
            Some(f),
            "{iso}"
        );
        assert_eq!(
            stored(&dataset, Indicator::EMIGRANTS_TERTIARY, iso, Sex::Total),
            Some(m + f),
            "{iso}"
        );
    }
    for (iso, code) in
        [("PHL", "PHL"), ("MEX", "MEX"), ("USA", "USA"), ("HRV", "FYUG-HRV"), ("ARM", "USSR-ARM")]
    {
        let m = residents[&(code, 1)];
        let f = residents[&(code, 2)];
        assert_eq!(
            stored(&dataset, Indicator::RESIDENTS_TERTIARY, iso, Sex::Male),
            Some(m),
            "{iso}"
        );
        assert_eq!(
            stored(&dataset, Indicator::RESIDENTS_TERTIARY, iso, Sex::Female),
            Some(f),
            "{iso}"
        );
        assert_eq!(
            stored(&dataset, Indicator::RESIDENTS_TERTIARY, iso, Sex::Total),
            Some(m + f),
            "{iso}"
        );
    }
    // India is not a DIOC country of residence.
    assert_eq!(stored(&dataset, Indicator::RESIDENTS_TERTIARY, "IND", Sex::Total), None);
    // Latvia: its second tabulation is not counted.
    let lva: f64 = lines
        .iter()
        .filter(|l| l.1 == "LVA" && l.5 == 0 && l.6 == 56 && (2..=7).contains(&l.4))
        .map(|l| l.7)
        .sum();
    assert_eq!(stored(&dataset, Indicator::RESIDENTS_TERTIARY, "LVA", Sex::Total), Some(lva));

    // Provenance: the first line summed, and the rule.
    let phl = dataset
        .values
        .iter()
        .find(|v| {
            v.indicator == Indicator::EMIGRANTS_TERTIARY
                && v.area == Iso3::from_static("PHL")
                && v.sex == Sex::Male
        })
        .unwrap();
    let first = lines
        .iter()
        .find(|l| l.2 == "PHL" && l.3 == 1 && l.5 == 1 && l.6 == 56 && counted(l))
        .unwrap();
    assert_eq!(phl.provenance.file, "File-1-DIOC-E-2010-11-Age.csv");
    assert_eq!(phl.provenance.row, Some(first.0));
    let n = lines
        .iter()
        .filter(|l| l.2 == "PHL" && l.3 == 1 && l.5 == 1 && l.6 == 56 && counted(l))
        .count();
    let column = phl.provenance.column.as_deref().unwrap();
    assert!(
        column.starts_with(&format!("number (sum over {n} rows: fborn 1, education 56")),
        "{column}"
    );

    // Aggregates and areas without ISO code are reported, once each.
    let aggregates = crate::common::aggregates(&diagnostics);
    for code in [
        "UNK", "OTH", "AFRI", "ASIA", "EURO", "NOAM", "OCEA", "SCAC", "CSFR", "FYUG", "FYUG-YUG",
        "USSR", "KOREA-NS",
    ] {
        assert_eq!(
            aggregates.iter().filter(|a| a.starts_with(&format!("{code} ("))).count(),
            1,
            "{code}: {aggregates:?}"
        );
    }
    let no_iso: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| match &d.kind {
            DiagnosticKind::NoIsoCodeSkipped { name } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    let mut no_iso = no_iso;
    no_iso.sort_unstable();
    assert_eq!(no_iso, ["ANT (Netherlands Antilles)"]);
    // Kosovo (FYUG-XXK) is stored under the World Bank's code XKX.
    assert!(dataset.values.iter().any(|v| v.area == Iso3::from_static("XKX")));
    let notes: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        notes.iter().any(|n| n.contains("LTU:") && n.contains("second tabulation")),
        "{notes:#?}"
    );
    assert!(notes.iter().any(|n| n.contains("give no age groups")), "{notes:#?}");
    assert!(notes.iter().any(|n| n.contains("migrant stocks are not stored")), "{notes:#?}");
}

const HEADER: &str =
    "\"country\",\"coub\",\"sex\",\"age\",\"reg_region\",\"fborn\",\"education\",\"number\"\r\n";

fn read(text: &str) -> Result<(Dataset, Vec<ingest::Diagnostic>), ingest::ImportError> {
    ingest::read(Kind::OecdDiocE, "dioc.csv", text.as_bytes(), &ReadOptions::default())
}

#[test]
fn small_file_sums_by_age_rule() {
    let text = format!(
        "{HEADER}\"PHL\",\"PHL\",1,2,\"ASIA\",0,56,10\n\"USA\",\"PHL\",1,99,\"ASIA\",1,56,100\n\
         \"USA\",\"PHL\",2,99,\"ASIA\",1,56,50\n\"CAN\",\"PHL\",1,1,\"ASIA\",1,56,7\n\
         \"CAN\",\"PHL\",1,3,\"ASIA\",1,56,20\n\"CAN\",\"PHL\",1,3,\"ASIA\",1,34,999\n\
         \"CAN\",\"UNK\",1,3,\"UNK\",1,56,5\n"
    );
    assert_eq!(
        ingest::detect("dioc.csv", text.as_bytes(), &ingest::Limits::default()),
        Some(Kind::OecdDiocE)
    );
    let (dataset, diagnostics) = read(&text).unwrap();
    assert_eq!(stored(&dataset, Indicator::EMIGRANTS_TERTIARY, "PHL", Sex::Male), Some(120.0));
    assert_eq!(stored(&dataset, Indicator::EMIGRANTS_TERTIARY, "PHL", Sex::Female), Some(50.0));
    assert_eq!(stored(&dataset, Indicator::EMIGRANTS_TERTIARY, "PHL", Sex::Total), Some(170.0));
    assert_eq!(stored(&dataset, Indicator::RESIDENTS_TERTIARY, "PHL", Sex::Total), Some(10.0));
    let total = dataset
        .values
        .iter()
        .find(|v| v.indicator == Indicator::EMIGRANTS_TERTIARY && v.sex == Sex::Total)
        .unwrap();
    assert_eq!(total.provenance.row, Some(3), "first line summed");
    assert!(total.provenance.column.as_deref().unwrap().starts_with("number (sum over 3 rows"));
    assert_eq!(crate::common::aggregates(&diagnostics), ["UNK (country of birth unknown)"]);
}

#[test]
fn malformed_files_are_rejected_with_their_location() {
    // Missing header column.
    let err = read(
        "\"country\",\"coub\",\"sex\",\"age\",\"fborn\",\"number\"\n\"PHL\",\"PHL\",1,2,0,5\n",
    )
    .unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!((err.location.file.as_str(), err.location.row), ("dioc.csv", Some(1)));
    assert!(err.to_string().contains("\"education\""), "{err}");
    // Text in the number column.
    let text = format!(
        "{HEADER}\"PHL\",\"PHL\",1,2,\"ASIA\",0,56,10\n\"USA\",\"PHL\",1,99,\"ASIA\",1,56,12x\n"
    );
    let err = read(&text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "dioc.csv, row 3, column number: expected a non-negative number of persons, found \"12x\""
    );
    // An age code that is not one.
    let text = format!("{HEADER}\"PHL\",\"PHL\",1,8,\"ASIA\",0,56,10\n");
    let err = read(&text).unwrap_err();
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(2), Some("age")), "{err}");
    // An unknown country code stops the import, or is skipped and reported on request.
    let text = format!("{HEADER}\"USA\",\"QQQ\",1,2,\"ASIA\",1,56,10\n");
    let err = read(&text).unwrap_err();
    assert!(
        matches!(&err.kind, ImportErrorKind::UnknownAreas { names } if names == &[("QQQ (QQQ)".to_owned(), 2)]),
        "{err}"
    );
    let options =
        ReadOptions { unknown_areas: ingest::UnknownAreas::Skip, ..ReadOptions::default() };
    let (_, diagnostics) =
        ingest::read(Kind::OecdDiocE, "dioc.csv", text.as_bytes(), &options).unwrap();
    assert!(diagnostics.iter().any(
        |d| matches!(&d.kind, DiagnosticKind::UnknownAreaSkipped { name } if name.contains("QQQ"))
    ));
}
