//! UNHCR Refugee Data Finder population export: refugees, asylum-seekers and others in
//! need of international protection by origin and asylum, IDPs by country, checked
//! against the cells of the CSV read here on its own with the csv crate.

use std::collections::HashMap;

use domain::dataset::Dataset;
use domain::{Indicator, Iso3, Sex, Year};
use ingest::{ImportErrorKind, Kind, ReadOptions};

use crate::common::{import, shared};

const FILE: &str = "unhcr_population/population.csv";
const REFUGEES: &str = "Refugees under UNHCR's mandate";
const ASYLUM_SEEKERS: &str = "Asylum-seekers";
const IDPS: &str = "IDPs of concern to UNHCR";
const OIP: &str = "Other people in need of international protection";
/// UNHCR's codes in the file for origins that are not countries.
const NOT_COUNTRIES: [&str; 3] = ["UNK", "XXA", "TIB"];

/// The export read independently: the header, and each data line with its number.
struct Export {
    header: Vec<String>,
    header_line: u32,
    rows: Vec<(u32, csv::StringRecord)>,
}

impl Export {
    fn parse(bytes: &[u8]) -> Export {
        // Lines are counted from the bytes: the file has LF line ends and no quoted
        // line breaks, so each record is one line.
        let text = std::str::from_utf8(bytes).unwrap();
        let mut header = None;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let number = u32::try_from(i + 1).unwrap();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(line.as_bytes());
            let Some(record) = reader.records().next() else { continue };
            let record = record.unwrap();
            match &header {
                None if record.get(0) == Some("Year") => {
                    header = Some((number, record.iter().map(str::to_owned).collect()));
                }
                None => {}
                Some(_) => rows.push((number, record)),
            }
        }
        let (header_line, header) = header.unwrap();
        Export { header, header_line, rows }
    }

    fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap()
    }

    /// The line and record of a year, origin and asylum.
    fn find(&self, year: &str, origin: &str, asylum: &str) -> (u32, &csv::StringRecord) {
        let (o, a) = (self.col("Country of origin (ISO)"), self.col("Country of asylum (ISO)"));
        let found: Vec<_> = self
            .rows
            .iter()
            .filter(|(_, r)| &r[0] == year && &r[o] == origin && &r[a] == asylum)
            .collect();
        assert_eq!(found.len(), 1, "{year} {origin} {asylum}");
        (found[0].0, &found[0].1)
    }

    fn number(&self, record: &csv::StringRecord, column: &str) -> f64 {
        record[self.col(column)].parse().unwrap()
    }
}

fn iso(code: &str) -> Iso3 {
    Iso3::parse(code).unwrap()
}

fn pair(dataset: &Dataset, indicator: Indicator, from: &str, to: &str, year: i64) -> Option<f64> {
    let year = Year::new(year).unwrap();
    let found: Vec<f64> = dataset
        .pairs
        .iter()
        .filter(|p| {
            p.indicator == indicator && p.from == iso(from) && p.to == iso(to) && p.year == year
        })
        .map(|p| p.value)
        .collect();
    assert!(found.len() <= 1);
    found.first().copied()
}

#[test]
fn syrian_refugees_in_turkiye_and_other_cells() {
    let Some((dataset, _, bytes)) = import(FILE, Kind::UnhcrPopulation) else { return };
    let export = Export::parse(&bytes);
    assert_eq!(export.header_line, 15);

    // Refugees from Syria hosted by Türkiye at the end of 2023.
    let (line, record) = export.find("2023", "SYR", "TUR");
    let cell = export.number(record, REFUGEES);
    assert_eq!(cell, 3_214_780.0);
    assert_eq!(pair(&dataset, Indicator::REFUGEES, "SYR", "TUR", 2023), Some(cell));
    let stored = dataset
        .pairs
        .iter()
        .find(|p| {
            p.indicator == Indicator::REFUGEES
                && p.from == iso("SYR")
                && p.to == iso("TUR")
                && p.year == Year::new(2023).unwrap()
        })
        .unwrap();
    assert_eq!(stored.sex, Sex::Total);
    assert_eq!(stored.provenance.file, "population.csv");
    assert_eq!(stored.provenance.row, Some(line));
    assert_eq!(stored.provenance.column.as_deref(), Some(REFUGEES));
    // Asylum-seekers 2023 from Syria in Türkiye: a zero cell, not stored.
    assert_eq!(export.number(record, ASYLUM_SEEKERS), 0.0);
    assert_eq!(pair(&dataset, Indicator::ASYLUM_SEEKERS, "SYR", "TUR", 2023), None);

    // Asylum-seekers from Venezuela in the United States, 2023.
    let (_, record) = export.find("2023", "VEN", "USA");
    let cell = export.number(record, ASYLUM_SEEKERS);
    assert_eq!(cell, 523_843.0);
    assert_eq!(pair(&dataset, Indicator::ASYLUM_SEEKERS, "VEN", "USA", 2023), Some(cell));
    // Venezuelans in Colombia, 2023: other people in need of international protection.
    let (_, record) = export.find("2023", "VEN", "COL");
    let cell = export.number(record, OIP);
    assert_eq!(cell, 2_851_160.0);
    assert_eq!(
        pair(&dataset, Indicator::OTHERS_IN_NEED_OF_PROTECTION, "VEN", "COL", 2023),
        Some(cell)
    );
    // IDPs in Syria, 2023: a value of the country.
    let (line, record) = export.find("2023", "SYR", "SYR");
    let cell = export.number(record, IDPS);
    assert_eq!(cell, 7_248_188.0);
    let idp = dataset
        .values
        .iter()
        .find(|v| {
            v.indicator == Indicator::IDPS
                && v.area == iso("SYR")
                && v.year == Year::new(2023).unwrap()
        })
        .unwrap();
    assert_eq!((idp.value, idp.sex), (cell, Sex::Total));
    assert_eq!(idp.provenance.row, Some(line));
    assert_eq!(idp.provenance.column.as_deref(), Some(IDPS));
}

#[test]
fn every_stored_value_is_its_cell_and_every_cell_is_accounted_for() {
    let Some((dataset, diagnostics, bytes)) = import(FILE, Kind::UnhcrPopulation) else {
        return;
    };
    let export = Export::parse(&bytes);
    assert_eq!(export.rows.len(), 48_731);
    let by_line: HashMap<u32, &csv::StringRecord> =
        export.rows.iter().map(|(line, r)| (*line, r)).collect();

    // Every stored value is the cell its provenance names.
    let check = |prov: &domain::Provenance, value: f64, year: Year| {
        let record = by_line[&prov.row.unwrap()];
        let column = prov.column.as_deref().unwrap();
        assert_eq!(prov.file, "population.csv");
        assert_eq!(export.number(record, column), value, "{prov:?}");
        assert_eq!(Year::new(record[0].parse().unwrap()).unwrap(), year);
    };
    for p in &dataset.pairs {
        check(&p.provenance, p.value, p.year);
        let record = by_line[&p.provenance.row.unwrap()];
        assert_eq!(record[export.col("Country of origin (ISO)")], *p.from.as_str());
        assert_eq!(record[export.col("Country of asylum (ISO)")], *p.to.as_str());
    }
    for v in &dataset.values {
        check(&v.provenance, v.value, v.year);
        assert_eq!(v.indicator, Indicator::IDPS);
    }

    // The counts: every non-zero cell of a stored column, except the origins that are
    // not countries and pairs of a country with itself.
    let (o, a) = (export.col("Country of origin (ISO)"), export.col("Country of asylum (ISO)"));
    let mut expected: HashMap<&str, usize> = HashMap::new();
    let mut totals: HashMap<&str, [f64; 2]> = HashMap::new();
    for (_, r) in &export.rows {
        let country = !NOT_COUNTRIES.contains(&&r[o]);
        for column in [REFUGEES, ASYLUM_SEEKERS, OIP, IDPS] {
            let cell = &r[export.col(column)];
            if cell == "-" {
                continue;
            }
            let n: f64 = cell.parse().unwrap();
            let same = r[o] == r[a];
            let stored = country && n != 0.0 && (same == (column == IDPS));
            totals.entry(column).or_default()[usize::from(!stored)] += n;
            if stored {
                *expected.entry(column).or_default() += 1;
            }
        }
    }
    let count = |i: Indicator| dataset.pairs.iter().filter(|p| p.indicator == i).count();
    assert_eq!(count(Indicator::REFUGEES), expected[REFUGEES]);
    assert_eq!(count(Indicator::ASYLUM_SEEKERS), expected[ASYLUM_SEEKERS]);
    assert_eq!(count(Indicator::OTHERS_IN_NEED_OF_PROTECTION), expected[OIP]);
    assert_eq!(dataset.values.len(), expected[IDPS]);
    // The figures of this export (updated 13 June 2024).
    assert_eq!(
        [expected[REFUGEES], expected[ASYLUM_SEEKERS], expected[OIP], expected[IDPS]],
        [37_429, 35_618, 116, 292]
    );
    assert_eq!(dataset.pairs.len(), expected[REFUGEES] + expected[ASYLUM_SEEKERS] + expected[OIP]);
    // The stored refugees plus those not stored make up the column's total.
    let sum = |i: Indicator| -> f64 {
        dataset.pairs.iter().filter(|p| p.indicator == i).map(|p| p.value).sum()
    };
    assert_eq!(sum(Indicator::REFUGEES), totals[REFUGEES][0]);
    assert_eq!(totals[REFUGEES][0] + totals[REFUGEES][1], 197_064_967.0);
    assert_eq!(
        dataset.values.iter().map(|v| v.value).sum::<f64>(),
        totals[IDPS][0] + totals[IDPS][1]
    );
    // Only the IDP totals differ in the not-stored part by lines of non-countries.
    assert_eq!(totals[IDPS][1], 0.0);

    // Diagnostics: what is not stored, with its figures.
    let notes: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    let has = |needle: &str| notes.iter().any(|n| n.contains(needle));
    assert!(has("Stateless persons: not stored"), "{notes:#?}");
    assert!(has("36157727 persons"), "{notes:#?}");
    assert!(has("Host Community: not stored"), "{notes:#?}");
    assert!(has("Others of concern: not stored"), "{notes:#?}");
    assert!(has("XXA (stateless, \"Stateless\") is not a country: its 776 lines"), "{notes:#?}");
    assert!(has("UNK (unknown origin"), "{notes:#?}");
    assert!(has("TIB (Tibetan"), "{notes:#?}");
    assert!(has(&format!("{OIP}: 48615 cells hold \"-\"")), "{notes:#?}");
    assert!(has(&format!("{REFUGEES}: 10617 zero cells were not stored")), "{notes:#?}");
    assert!(has("stored as Serbia (SRB): its figures include Kosovo"), "{notes:#?}");

    let meta = &dataset.meta;
    assert_eq!(meta.key, "unhcr-population");
    assert_eq!(meta.publisher, "UNHCR");
    assert_eq!(
        meta.title,
        "UNHCR Refugee Data Finder: Population figures (End year stock population totals)"
    );
    assert_eq!(meta.edition, "2024-06-13");
    assert!(meta.licence.as_deref().unwrap().starts_with("CC BY 4.0"));
}

/// The real file with `edit` applied to its text.
fn edited(edit: impl Fn(&str) -> String) -> Option<Vec<u8>> {
    let (_, bytes) = shared(FILE)?;
    Some(edit(std::str::from_utf8(&bytes).unwrap()).into_bytes())
}

fn read(bytes: &[u8]) -> Result<(Dataset, Vec<ingest::Diagnostic>), ingest::ImportError> {
    ingest::read(Kind::UnhcrPopulation, "population.csv", bytes, &ReadOptions::default())
}

/// The error of a copy that must be refused.
fn refused(bytes: &[u8]) -> ingest::ImportError {
    match read(bytes) {
        Ok(_) => panic!("read, not refused"),
        Err(e) => e,
    }
}

const SYR_TUR_2023: &str = "2023,\"Syrian Arab Rep.\",SYR,Türkiye,TUR,3214780,0,0,-,0,0,0";

#[test]
fn malformed_copies_are_refused_at_their_cell() {
    let Some(bytes) = edited(|t| t.replace(SYR_TUR_2023, &SYR_TUR_2023.replace("3214780", "3.2m")))
    else {
        return;
    };
    let line = Export::parse(&bytes).find("2023", "SYR", "TUR").0;
    let err = refused(&bytes);
    assert!(matches!(err.kind, ImportErrorKind::BadValue { .. }), "{err}");
    assert_eq!(err.location.file, "population.csv");
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(line), Some(REFUGEES)));
    assert!(err.to_string().contains("found \"3.2m\""), "{err}");

    // A header without the asylum's ISO column.
    let bytes = edited(|t| t.replacen("\"Country of asylum (ISO)\",", "", 1)).unwrap();
    let err = refused(&bytes);
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!(
        (err.location.row, err.location.column.as_deref()),
        (Some(15), Some("Country of asylum (ISO)")),
        "{err}"
    );

    // An IDP figure where origin and asylum differ.
    let bytes =
        edited(|t| t.replace(SYR_TUR_2023, &SYR_TUR_2023.replace(",0,0,-", ",0,5,-"))).unwrap();
    let err = refused(&bytes);
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(line), Some(IDPS)));

    // A line with a field too many.
    let bytes = edited(|t| t.replace(SYR_TUR_2023, &format!("{SYR_TUR_2023},0"))).unwrap();
    let err = refused(&bytes);
    assert_eq!(err.location.row, Some(line), "{err}");

    // An unknown code stops the import, naming it.
    let bytes =
        edited(|t| t.replace(SYR_TUR_2023, &SYR_TUR_2023.replace(",TUR,", ",QQQ,"))).unwrap();
    let err = refused(&bytes);
    let ImportErrorKind::UnknownAreas { names } = &err.kind else { panic!("{err}") };
    assert_eq!(names, &vec![("Türkiye (QQQ)".to_owned(), line)]);
}

#[test]
fn an_export_without_preamble_and_with_fewer_columns_is_read() {
    let Some(bytes) = edited(|t| {
        // The header and the lines of 2023 only, with the ISO codes and asylum-seekers.
        let mut out = String::new();
        let mut writer = csv::Writer::from_writer(Vec::new());
        for line in t.lines().skip(14).filter(|l| l.starts_with("Year") || l.starts_with("2023")) {
            let mut reader =
                csv::ReaderBuilder::new().has_headers(false).from_reader(line.as_bytes());
            let record = reader.records().next().unwrap().unwrap();
            writer.write_record([&record[0], &record[2], &record[4], &record[6]]).unwrap();
        }
        out.push_str(std::str::from_utf8(&writer.into_inner().unwrap()).unwrap());
        out
    }) else {
        return;
    };
    assert!(
        bytes.starts_with(b"Year,Country of origin (ISO),Country of asylum (ISO),Asylum-seekers\n")
    );
    assert_eq!(
        ingest::detect("population.csv", &bytes, &ingest::Limits::default()),
        Some(Kind::UnhcrPopulation)
    );
    let (dataset, diagnostics) = read(&bytes).unwrap();
    assert!(dataset.values.is_empty());
    assert!(dataset.pairs.iter().all(|p| p.indicator == Indicator::ASYLUM_SEEKERS));
    assert_eq!(pair(&dataset, Indicator::ASYLUM_SEEKERS, "VEN", "USA", 2023), Some(523_843.0));
    let p = dataset.pairs.iter().find(|p| p.from == iso("VEN") && p.to == iso("USA")).unwrap();
    assert_eq!(p.provenance.column.as_deref(), Some(ASYLUM_SEEKERS));
    assert_eq!(dataset.meta.edition, "2023");
    let notes: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(notes.iter().any(|n| n.contains("states no date")), "{notes:#?}");
}
