//! National deployment statistics: Nepal's DoFE monthly labour permits (fiscal year
//! 2079/80), Sri Lanka's SLBFE registrations 2024 and Coherence's own deployments CSV.
//! Figures are checked against sums computed here from the files' text.

use domain::dataset::Dataset;
use domain::{Indicator, Iso3, Sex, Year};
use ingest::{Diagnostic, ImportError, ImportErrorKind, Kind, ReadOptions, UnknownAreas};

const NEPAL: &str = "national_deployments/nepal_dofe_fy2079_80";
const MONTHS: [&str; 12] = [
    "shrawn", "bhadra", "ashoj", "kartik", "mangsir", "poush", "magh", "falgun", "chaitra",
    "baisakh", "jestha", "asar",
];
const SRI_LANKA: &str = "national_deployments/sri_lanka_slbfe_2024/data.json";

fn iso(code: &str) -> Iso3 {
    Iso3::parse(code).unwrap()
}

/// Reads a shared file as `coherence import` does (with its relative path).
fn import(relative: &str, kind: Kind) -> Option<(Dataset, Vec<Diagnostic>, Vec<u8>)> {
    let (name, bytes) = crate::common::shared(relative)?;
    assert_eq!(ingest::detect(&name, &bytes, &ingest::Limits::default()), Some(kind), "{relative}");
    let options = ReadOptions { path: Some(relative.to_owned()), ..ReadOptions::default() };
    let (dataset, diagnostics) =
        ingest::read(kind, &name, &bytes, &options).unwrap_or_else(|e| panic!("{relative}: {e}"));
    Some((dataset, diagnostics, bytes))
}

fn read_text(
    name: &str,
    text: &str,
    kind: Kind,
) -> Result<(Dataset, Vec<Diagnostic>), ImportError> {
    ingest::read(kind, name, text.as_bytes(), &ReadOptions::default())
}

/// The sum of the stored values of an indicator and sex, to a destination (or all).
fn stored(dataset: &Dataset, indicator: Indicator, to: Option<Iso3>, sex: Sex) -> f64 {
    dataset
        .pairs
        .iter()
        .filter(|p| p.indicator == indicator && p.sex == sex && to.is_none_or(|t| p.to == t))
        .map(|p| p.value)
        .sum()
}

/// From a monthly file's text, independently: the `Total with ReEntry / Total` of every
/// destination row (name as written), found through the group label above its triple.
fn file_totals(bytes: &[u8]) -> Vec<(String, f64)> {
    let text = std::str::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let header = records.iter().position(|r| r.get(0) == Some("Country")).unwrap();
    let label = records[header - 1].iter().position(|c| c.trim() == "Total with ReEntry").unwrap();
    let total_col = 1 + 3 * ((label - 1) / 3) + 2;
    assert_eq!(records[header].get(total_col), Some("Total"));
    records[header + 1..]
        .iter()
        .filter_map(|r| {
            let name = r.get(0)?.trim().to_owned();
            if name.is_empty() || name.to_lowercase().contains("total") {
                return None;
            }
            Some((name, r.get(total_col)?.trim().parse::<f64>().unwrap()))
        })
        .collect()
}

#[test]
fn nepal_fiscal_year_total_and_largest_destinations_equal_the_files() {
    let (mut fy, mut malaysia, mut qatar) = (0.0, 0.0, 0.0);
    let (mut fy_file, mut malaysia_file, mut qatar_file) = (0.0, 0.0, 0.0);
    let mut not_stored = 0.0;
    let mut by_destination: std::collections::HashMap<Iso3, f64> = Default::default();
    for month in MONTHS {
        let relative = format!("{NEPAL}/{month}-2079.csv");
        let Some((dataset, diagnostics, bytes)) = import(&relative, Kind::DofeNepalMonthly) else {
            return;
        };
        assert!(dataset.meta.key.starts_with("dofe-nepal-2079-80-"), "{}", dataset.meta.key);
        assert!(
            dataset
                .pairs
                .iter()
                .all(|p| p.from == iso("NPL") && p.year == Year::new(2022).unwrap())
        );
        // Every internal sum holds in the twelve files (checked by the reader).
        assert!(!diagnostics.iter().any(|d| d.to_string().contains("as published")), "{relative}");
        fy += stored(&dataset, Indicator::DEPLOYMENTS, None, Sex::Total);
        malaysia += stored(&dataset, Indicator::DEPLOYMENTS, Some(iso("MYS")), Sex::Total);
        qatar += stored(&dataset, Indicator::DEPLOYMENTS, Some(iso("QAT")), Sex::Total);
        for p in dataset
            .pairs
            .iter()
            .filter(|p| p.indicator == Indicator::DEPLOYMENTS && p.sex == Sex::Total)
        {
            *by_destination.entry(p.to).or_default() += p.value;
        }
        for (name, value) in file_totals(&bytes) {
            // Not stored, and reported: `West-Indies` (several countries) and `Combodia`
            // (listed beside Cambodia: Colombia or Cambodia).
            if name == "West-Indies" || name == "Combodia" {
                not_stored += value;
                let reported = diagnostics.iter().any(|d| d.to_string().contains(&name));
                assert!(reported, "{relative}: {name}");
                continue;
            }
            fy_file += value;
            match name.to_lowercase().as_str() {
                "malaysia" => malaysia_file += value,
                "qatar" => qatar_file += value,
                _ => {}
            }
        }
    }
    assert_eq!(fy, fy_file);
    assert_eq!(malaysia, malaysia_file);
    assert_eq!(qatar, qatar_file);
    assert!((680_000.0..700_000.0).contains(&fy), "FY 2079/80 total {fy}");
    let mut ranked: Vec<(Iso3, f64)> = by_destination.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert_eq!(ranked[0].0, iso("MYS"), "{ranked:?}");
    assert_eq!(ranked[1].0, iso("QAT"), "{ranked:?}");
    assert!(not_stored < 100.0, "{not_stored}");
    // FY 2079/80: 689,437 permits stored (38 more in the two rows not stored);
    // Malaysia 250,874, Qatar 140,659.
    assert_eq!((fy, malaysia, qatar), (689_437.0, 250_874.0, 140_659.0));
}

#[test]
fn months_with_and_without_the_g2g_column() {
    let Some((kartik, _, _)) = import(&format!("{NEPAL}/kartik-2079.csv"), Kind::DofeNepalMonthly)
    else {
        return;
    };
    // Republic of Korea,0,0,0,49,0,49,1338,201,1539,19,0,19,1406,201,1607
    let korea = Some(iso("KOR"));
    assert_eq!(stored(&kartik, Indicator::DEPLOYMENTS_G2G, korea, Sex::Male), 1338.0);
    assert_eq!(stored(&kartik, Indicator::DEPLOYMENTS_G2G, korea, Sex::Female), 201.0);
    assert_eq!(stored(&kartik, Indicator::DEPLOYMENTS_G2G, korea, Sex::Total), 1539.0);
    assert_eq!(stored(&kartik, Indicator::DEPLOYMENTS_INDIVIDUAL, korea, Sex::Total), 49.0);
    assert_eq!(stored(&kartik, Indicator::DEPLOYMENTS_REENTRY, korea, Sex::Total), 19.0);
    assert_eq!(stored(&kartik, Indicator::DEPLOYMENTS, korea, Sex::Total), 1607.0);
    let p = kartik
        .pairs
        .iter()
        .find(|p| {
            p.indicator == Indicator::DEPLOYMENTS_G2G && p.to == iso("KOR") && p.sex == Sex::Total
        })
        .unwrap();
    assert_eq!(p.provenance.column.as_deref(), Some("G-to-G / Total"));
    assert_eq!(p.provenance.file, "kartik-2079.csv");
    assert!(kartik.meta.edition.contains("Kartik"), "{}", kartik.meta.edition);

    let (shrawan, _, _) =
        import(&format!("{NEPAL}/shrawn-2079.csv"), Kind::DofeNepalMonthly).unwrap();
    assert!(shrawan.pairs.iter().all(|p| p.indicator != Indicator::DEPLOYMENTS_G2G));
    assert!(shrawan.pairs.iter().any(|p| p.indicator == Indicator::DEPLOYMENTS_AGENCY));
    // A month whose G2G group is labelled `G2G EPS Korea`.
    let (ashoj, _, _) = import(&format!("{NEPAL}/ashoj-2079.csv"), Kind::DofeNepalMonthly).unwrap();
    assert!(stored(&ashoj, Indicator::DEPLOYMENTS_G2G, korea, Sex::Total) > 0.0);
}

#[test]
fn sri_lanka_kuwait() {
    let Some((dataset, diagnostics, _)) = import(SRI_LANKA, Kind::SlbfeRegistrations) else {
        return;
    };
    let kuwait = Some(iso("KWT"));
    let get = |indicator, sex| stored(&dataset, indicator, kuwait, sex);
    // ["Kuwait", 16435, 56024, 4167, 1291]
    assert_eq!(get(Indicator::DEPLOYMENTS_SKILLED, Sex::Male), 16435.0);
    assert_eq!(get(Indicator::DEPLOYMENTS_SKILLED, Sex::Female), 56024.0);
    assert_eq!(get(Indicator::DEPLOYMENTS_SKILLED, Sex::Total), 72459.0);
    assert_eq!(get(Indicator::DEPLOYMENTS_LOW_SKILLED, Sex::Male), 4167.0);
    assert_eq!(get(Indicator::DEPLOYMENTS_LOW_SKILLED, Sex::Female), 1291.0);
    assert_eq!(get(Indicator::DEPLOYMENTS, Sex::Male), 20602.0);
    assert_eq!(get(Indicator::DEPLOYMENTS, Sex::Female), 57315.0);
    // metadata.json: "Kuwait having the highest registrations (77,917)".
    assert_eq!(get(Indicator::DEPLOYMENTS, Sex::Total), 77917.0);
    assert!(
        dataset.pairs.iter().all(|p| p.from == iso("LKA") && p.year == Year::new(2024).unwrap())
    );
    assert_eq!(
        crate::common::aggregates(&diagnostics),
        vec!["Other (several countries)".to_owned()]
    );
    // Without a path naming Sri Lanka and the year, the file is refused.
    let (name, bytes) = crate::common::shared(SRI_LANKA).unwrap();
    let err =
        ingest::read(Kind::SlbfeRegistrations, &name, &bytes, &ReadOptions::default()).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
}

const OWN: &str = "origin,destination,year,sex,channel,skill,persons,source
NPL,MYS,2022,total,,,162000,Department of Foreign Employment
NPL,QAT,2022,male,agency,all,40500,Department of Foreign Employment
LKA,KWT,2024,female,all,low-skilled,1291,SLBFE annual report 2024
NPL,KOR,2022,total,g2g,,7000,Department of Foreign Employment
";

#[test]
fn coherence_csv_layout() {
    assert_eq!(
        ingest::detect("deployments.csv", OWN.as_bytes(), &ingest::Limits::default()),
        Some(Kind::CoherenceDeploymentsCsv)
    );
    let (dataset, _) = read_text("deployments.csv", OWN, Kind::CoherenceDeploymentsCsv).unwrap();
    assert_eq!(dataset.pairs.len(), 4);
    assert_eq!(stored(&dataset, Indicator::DEPLOYMENTS, Some(iso("MYS")), Sex::Total), 162000.0);
    assert_eq!(
        stored(&dataset, Indicator::DEPLOYMENTS_AGENCY, Some(iso("QAT")), Sex::Male),
        40500.0
    );
    assert_eq!(
        stored(&dataset, Indicator::DEPLOYMENTS_LOW_SKILLED, Some(iso("KWT")), Sex::Female),
        1291.0
    );
    assert_eq!(stored(&dataset, Indicator::DEPLOYMENTS_G2G, Some(iso("KOR")), Sex::Total), 7000.0);
    assert_eq!(dataset.meta.edition, "2022–2024");
    // A file is the dataset of its origins: another origin's file is another dataset.
    assert_eq!(dataset.meta.key, "coherence-deployments-lka-npl");
    assert_eq!(
        dataset.meta.publisher,
        "Department of Foreign Employment; SLBFE annual report 2024"
    );
    let p = &dataset.pairs[2];
    assert_eq!((p.provenance.row, p.provenance.column.as_deref()), (Some(4), Some("persons")));

    // Malformed lines: refused at their line and column.
    let cases = [
        ("NPL,QAT,2022,male,agency,skilled,5,x", "skill"),
        ("NPL,QAT,2022,men,,,5,x", "sex"),
        ("NPL,QAT,2022,male,bus,,5,x", "channel"),
        ("NPL,QAT,20x2,male,,,5,x", "year"),
        ("NPL,QAT,2022,male,,,-5,x", "persons"),
        ("NPL,QAT,2022,male,,,five,x", "persons"),
    ];
    for (line, column) in cases {
        let text = format!("{OWN}{line}\n");
        let err = read_text("deployments.csv", &text, Kind::CoherenceDeploymentsCsv).unwrap_err();
        assert_eq!(err.location.file, "deployments.csv");
        assert_eq!(err.location.row, Some(6), "{line}: {err}");
        assert_eq!(err.location.column.as_deref(), Some(column), "{line}: {err}");
    }
    // Two lines for one cell.
    let text = format!("{OWN}NPL,MYS,2022,total,all,,1,x\n");
    let err = read_text("deployments.csv", &text, Kind::CoherenceDeploymentsCsv).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 2, .. }), "{err}");
    // An unknown code stops the import with its line.
    let text = format!("{OWN}NPL,XYZ,2022,total,,,1,x\n");
    let err = read_text("deployments.csv", &text, Kind::CoherenceDeploymentsCsv).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::UnknownAreas { .. }), "{err}");
    assert_eq!(err.location.row, Some(6));
    // Told to skip unknown countries, a file of which nothing is left is refused, not
    // stored as an empty edition.
    let text =
        "origin,destination,year,sex,channel,skill,persons,source\nXYZ,QAT,2022,total,,,1,x\n";
    let options = ReadOptions { unknown_areas: UnknownAreas::Skip, ..ReadOptions::default() };
    let err = ingest::read(Kind::CoherenceDeploymentsCsv, "d.csv", text.as_bytes(), &options)
        .unwrap_err();
    assert!(err.to_string().contains("nothing to store"), "{err}");
}

#[test]
fn malformed_copies_are_refused_at_the_cell() {
    let Some((name, bytes)) = crate::common::shared(&format!("{NEPAL}/asar-2079.csv")) else {
        return;
    };
    let text = String::from_utf8(bytes).unwrap();
    // ALBANIA,49,33,82,0,1,1,0,0,0,49,34,83,49,34,83 on line 4: a word in Total with ReEntry / Female.
    let bad = text.replacen(
        "ALBANIA,49,33,82,0,1,1,0,0,0,49,34,83",
        "ALBANIA,49,33,82,0,1,1,0,0,0,49,x,83",
        1,
    );
    assert_ne!(bad, text);
    let err = read_text(&name, &bad, Kind::DofeNepalMonthly).unwrap_err();
    assert_eq!(err.location.file, "asar-2079.csv");
    assert_eq!(err.location.row, Some(4), "{err}");
    assert_eq!(err.location.column.as_deref(), Some("Total with ReEntry / Female"), "{err}");
    // A negative count.
    let bad = text.replacen("ALBANIA,49,", "ALBANIA,-49,", 1);
    let err = read_text(&name, &bad, Kind::DofeNepalMonthly).unwrap_err();
    assert_eq!(
        (err.location.row, err.location.column.as_deref()),
        (Some(4), Some("Recruiting Agency / Male"))
    );
    // An unknown group label.
    let bad = text.replacen("Individual-New", "Individual-Other", 1);
    let err = read_text(&name, &bad, Kind::DofeNepalMonthly).unwrap_err();
    assert_eq!(err.location.row, Some(2), "{err}");
    // No month in the file name.
    let err = read_text("table.csv", &text, Kind::DofeNepalMonthly).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    // A sum that does not hold is reported, the value stored as published.
    let bad = text.replacen("ALBANIA,49,33,82", "ALBANIA,49,33,83", 1);
    let (_, diagnostics) = read_text(&name, &bad, Kind::DofeNepalMonthly).unwrap();
    let notes: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        notes.iter().any(|n| n.contains("ALBANIA, Recruiting Agency: males 49 + females 33")),
        "{notes:#?}"
    );

    let Some((name, bytes)) = crate::common::shared(SRI_LANKA) else { return };
    let text = String::from_utf8(bytes).unwrap();
    let options = ReadOptions { path: Some(SRI_LANKA.to_owned()), ..ReadOptions::default() };
    let bad = text.replacen("16435", "\"x\"", 1);
    let err = ingest::read(Kind::SlbfeRegistrations, &name, bad.as_bytes(), &options).unwrap_err();
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(1), Some("Skilled Male")));
    let bad = text.replacen("16435, ", "", 1);
    let err = ingest::read(Kind::SlbfeRegistrations, &name, bad.as_bytes(), &options).unwrap_err();
    assert_eq!(err.location.row, Some(1), "{err}");
    let cut = &text[..text.len() / 2];
    let err = ingest::read(Kind::SlbfeRegistrations, &name, cut.as_bytes(), &options).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
    assert!(err.location.row.is_some());
}
