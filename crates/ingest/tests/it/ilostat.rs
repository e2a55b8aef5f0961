//! ILOSTAT outflow of nationals for employment by destination (`MNA_OEMP_SEX_CDS_NB`):
//! Gapminder's DDF datapoints file from the shared data, checked against its cells read
//! here with the csv crate, and ILOSTAT's bulk CSV layout on a file written here.

use std::collections::HashMap;

use domain::dataset::Dataset;
use domain::{Indicator, Iso3, Sex, Year};
use ingest::{Diagnostic, ImportErrorKind, Kind, ReadOptions};

use crate::common::{aggregates, check_csv_cells, import, shared};

const FILE: &str =
    "ilostat_outflows/ddf--datapoints--mna_oemp_sex_cds_nb--by--ref_area--sex--classif1--time.csv";
const VALUE: &str = "mna_oemp_sex_cds_nb";

/// One data line of the DDF file, read independently: origin, sex, destination, year,
/// value in thousands, 1-based line.
struct Cell {
    origin: String,
    sex: String,
    dest: String,
    year: i32,
    thousands: f64,
    line: u32,
}

fn cells(bytes: &[u8]) -> Vec<Cell> {
    let mut reader = csv::Reader::from_reader(bytes);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["ref_area", "sex", "classif1", "time", VALUE]
    );
    reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            let r = r.unwrap();
            Cell {
                origin: r[0].to_owned(),
                sex: r[1].to_owned(),
                dest: r[2].to_owned(),
                year: r[3].parse().unwrap(),
                thousands: r[4].parse().unwrap(),
                line: u32::try_from(i).unwrap() + 2,
            }
        })
        .collect()
}

fn stored(dataset: &Dataset, from: &str, to: &str, year: i32, sex: Sex) -> Option<f64> {
    let (from, to) = (Iso3::parse(from).unwrap(), Iso3::parse(to).unwrap());
    let year = Year::new(i64::from(year)).unwrap();
    let found: Vec<f64> = dataset
        .pairs
        .iter()
        .filter(|p| p.from == from && p.to == to && p.year == year && p.sex == sex)
        .map(|p| p.value)
        .collect();
    assert!(found.len() <= 1);
    found.first().copied()
}

fn persons(thousands: f64) -> f64 {
    (thousands * 1000.0).round()
}

fn notes(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn philippines_latest_year_equals_the_cells() {
    let Some((dataset, diagnostics, bytes)) = import(FILE, Kind::IlostatDdf) else { return };
    let cells = cells(&bytes);
    let phl: Vec<&Cell> = cells.iter().filter(|c| c.origin == "phl").collect();
    let latest = phl.iter().map(|c| c.year).max().unwrap();
    assert_eq!(latest, 2024);
    let of = |sex: &str, dest: &str| {
        phl.iter().find(|c| c.year == latest && c.sex == sex && c.dest == dest).unwrap().thousands
    };
    // The total over all destinations is reported, not stored; the stored destinations
    // and "other destinations" (CDS_DES_X) add up to it.
    let total = persons(of("sex_t", "cds_des_total"));
    assert_eq!(total, 1_827_799.0);
    let stored_sum: f64 = dataset
        .pairs
        .iter()
        .filter(|p| {
            p.from == Iso3::from_static("PHL")
                && p.year == Year::new(2024).unwrap()
                && p.sex == Sex::Total
        })
        .map(|p| p.value)
        .sum();
    assert_eq!(stored_sum + persons(of("sex_t", "cds_des_x")), total);
    assert_eq!(stored_sum, 1_227_625.0);

    // The top five destinations, from the file's cells.
    let mut dests: Vec<&&Cell> = phl
        .iter()
        .filter(|c| {
            c.year == latest
                && c.sex == "sex_t"
                && !["cds_des_total", "cds_des_x"].contains(&c.dest.as_str())
        })
        .collect();
    dests.sort_by(|a, b| b.thousands.total_cmp(&a.thousands));
    let top: Vec<(String, f64)> = dests
        .iter()
        .take(5)
        .map(|c| (c.dest["cds_des_".len()..].to_ascii_uppercase(), persons(c.thousands)))
        .collect();
    let expected = [
        ("SAU", 419_355.0),
        ("ARE", 303_626.0),
        ("SGP", 195_346.0),
        ("HKG", 166_214.0),
        ("QAT", 143_084.0),
    ];
    for ((code, cell), (want_code, want)) in top.iter().zip(expected) {
        assert_eq!((code.as_str(), *cell), (want_code, want));
        assert_eq!(stored(&dataset, "PHL", code, latest, Sex::Total), Some(*cell), "{code}");
    }

    // Men and women: the Philippines to Saudi Arabia, 2024.
    let female = stored(&dataset, "PHL", "SAU", 2024, Sex::Female).unwrap();
    let male = stored(&dataset, "PHL", "SAU", 2024, Sex::Male).unwrap();
    assert_eq!((female, male), (persons(of("sex_f", "cds_des_sau")), 151_963.0));
    assert_eq!(female, 267_392.0);
    assert_eq!(female + male, 419_355.0);

    // Every stored value is its cell × 1,000, a whole number of persons.
    check_csv_cells(&bytes, &dataset, 1, 1000.0);
    assert!(dataset.pairs.iter().all(|p| p.value.fract() == 0.0));
    assert!(dataset.pairs.iter().all(|p| p.indicator == Indicator::DEPLOYMENTS));

    // Totals against the sum of the other destination cells, in whole persons.
    // (origin, sex, year) → (total, sum of the other cells, number of other cells).
    type Sums<'a> = HashMap<(&'a str, &'a str, i32), (Option<i64>, i64, usize)>;
    let mut sums: Sums<'_> = HashMap::new();
    for c in &cells {
        let e = sums.entry((c.origin.as_str(), c.sex.as_str(), c.year)).or_default();
        let n = persons(c.thousands) as i64;
        if c.dest == "cds_des_total" {
            e.0 = Some(n);
        } else {
            e.1 += n;
            e.2 += 1;
        }
    }
    let with_parts: Vec<_> = sums.values().filter(|(t, _, n)| t.is_some() && *n > 0).collect();
    let differ = with_parts.iter().filter(|(t, s, _)| *t != Some(*s)).count();
    let totals = sums.values().filter(|(t, _, _)| t.is_some()).count();
    assert_eq!((totals, with_parts.len(), differ), (650, 237, 18));
    let notes = notes(&diagnostics);
    let summary = "650 origin-year-sex totals, 413 without any other destination cell; the destination \
         cells (countries, CDS_DES_X and regions) add up to the total in 219 and differ from it \
         in 18";
    assert!(notes.iter().any(|n| n.contains(summary)), "{notes:#?}");
    assert!(
        notes.iter().any(|n| n.ends_with(
            "ARM 2018 male: the 3 destination cells add up to 64654 persons, the total \
             (CDS_DES_TOTAL, stored as deployments_total) is 63211"
        )),
        "{notes:#?}"
    );
    let listed = notes.iter().filter(|n| n.contains("destination cells add up to")).count();
    assert_eq!(listed, 18);
}

#[test]
fn counts_provenance_and_aggregates() {
    let Some((dataset, diagnostics, bytes)) = import(FILE, Kind::IlostatDdf) else { return };
    let cells = cells(&bytes);
    let not_pairs = ["cds_des_total", "cds_des_x", "cds_des_usacan", "cds_des_cis"];
    let pairs: Vec<&Cell> =
        cells.iter().filter(|c| !not_pairs.contains(&c.dest.as_str())).collect();
    assert_eq!(cells.len(), 1975);
    assert_eq!(pairs.len(), 1104);
    assert_eq!(dataset.pairs.len(), pairs.len());
    let mut by_sex: HashMap<Sex, usize> = HashMap::new();
    for p in &dataset.pairs {
        *by_sex.entry(p.sex).or_default() += 1;
    }
    let count = |sex: &str| pairs.iter().filter(|c| c.sex == sex).count();
    assert_eq!(by_sex[&Sex::Total], count("sex_t"));
    assert_eq!(by_sex[&Sex::Male], count("sex_m"));
    assert_eq!(by_sex[&Sex::Female], count("sex_f"));

    // Provenance: the line of the cell and the indicator column.
    let cell = pairs
        .iter()
        .find(|c| {
            c.origin == "phl" && c.dest == "cds_des_sau" && c.year == 2024 && c.sex == "sex_f"
        })
        .unwrap();
    let year = Year::new(2024).unwrap();
    let p = dataset
        .pairs
        .iter()
        .find(|p| {
            p.from == Iso3::from_static("PHL")
                && p.to == Iso3::from_static("SAU")
                && p.year == year
                && p.sex == Sex::Female
        })
        .unwrap();
    assert_eq!(p.provenance.file, FILE.rsplit('/').next().unwrap());
    assert_eq!((p.provenance.row, p.provenance.column.as_deref()), (Some(cell.line), Some(VALUE)));
    assert_eq!(p.provenance.sheet, None);

    assert_eq!(dataset.meta.key, "ilostat-outflows-ddf");
    // The totals go back to 1980 (the Philippines), the pairs to 2014.
    assert_eq!(dataset.meta.edition, "1980–2024");
    assert_eq!(dataset.meta.licence.as_deref(), Some("CC BY 4.0"));
    let aggregates = aggregates(&diagnostics);
    for code in &not_pairs[1..] {
        assert!(aggregates.iter().any(|a| a.starts_with(code)), "{code}: {aggregates:?}");
    }
    // Each origin's total over all destinations is stored as an area value, by sex.
    let totals: Vec<&Cell> = cells.iter().filter(|c| c.dest == "cds_des_total").collect();
    let stored: Vec<_> =
        dataset.values.iter().filter(|v| v.indicator == Indicator::DEPLOYMENTS_TOTAL).collect();
    assert_eq!(stored.len(), totals.len());
    assert_eq!(stored.len(), 650);
    let phl = stored
        .iter()
        .find(|v| v.area == Iso3::from_static("PHL") && v.year == year && v.sex == Sex::Total)
        .unwrap();
    assert_eq!(phl.value, 1_827_799.0);
}

const BULK_HEADER: &str = "ref_area,source,indicator,sex,classif1,time,obs_value,obs_status,note_classif,note_indicator,note_source\n";

fn bulk_file() -> String {
    let mut text = BULK_HEADER.to_owned();
    for line in [
        "PHL,DA:1,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_TOTAL,2024,1827.799,,,,",
        "PHL,DA:1,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_SAU,2024,419.355,,,,",
        "PHL,DA:1,MNA_OEMP_SEX_CDS_NB,SEX_M,CDS_DES_SAU,2024,151.963,P,,,",
        "PHL,DA:1,MNA_OEMP_SEX_CDS_NB,SEX_F,CDS_DES_SAU,2024,267.392,P,,T7:1,",
        "PHL,DA:1,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_X,2024,1408.444,,,,",
        "IDN,DA:2,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_MYS,2023,72.26,B,,,",
        "IDN,DA:2,MNA_OEMP_SEX_CDS_NB,SEX_T,CDS_DES_HKG,2023,,U,,,",
        "IDN,DA:2,MNA_IMM_SEX_NB,SEX_T,CDS_DES_HKG,2023,5,,,,",
    ] {
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn read_bulk(bytes: &[u8]) -> Result<(Dataset, Vec<Diagnostic>), ingest::ImportError> {
    ingest::read(Kind::IlostatCsv, "MNA_OEMP_SEX_CDS_NB_A.csv", bytes, &ReadOptions::default())
}

#[test]
fn bulk_csv_layout() {
    let text = bulk_file();
    let bytes = text.as_bytes();
    let name = "MNA_OEMP_SEX_CDS_NB_A.csv";
    assert_eq!(ingest::detect(name, bytes, &ingest::Limits::default()), Some(Kind::IlostatCsv));
    let (dataset, diagnostics) = read_bulk(bytes).unwrap();
    assert_eq!(dataset.pairs.len(), 4);
    assert_eq!(stored(&dataset, "PHL", "SAU", 2024, Sex::Total), Some(419_355.0));
    assert_eq!(stored(&dataset, "PHL", "SAU", 2024, Sex::Male), Some(151_963.0));
    assert_eq!(stored(&dataset, "PHL", "SAU", 2024, Sex::Female), Some(267_392.0));
    assert_eq!(stored(&dataset, "IDN", "MYS", 2023, Sex::Total), Some(72_260.0));
    let p = dataset.pairs.iter().find(|p| p.sex == Sex::Female).unwrap();
    assert_eq!((p.provenance.row, p.provenance.column.as_deref()), (Some(5), Some("obs_value")));
    check_csv_cells(bytes, &dataset, 1, 1000.0);
    assert_eq!(dataset.meta.key, "ilostat-outflows");
    assert_eq!(dataset.meta.edition, "2023–2024");
    let notes = notes(&diagnostics);
    let has = |s: &str| notes.iter().any(|n| n.contains(s));
    assert!(
        has("row 4: 2 stored values carry the ILOSTAT observation flag obs_status \"P\""),
        "{notes:#?}"
    );
    assert!(
        has("row 7: 1 stored values carry the ILOSTAT observation flag obs_status \"B\""),
        "{notes:#?}"
    );
    assert!(has("row 8: 1 rows without a value were not stored"), "{notes:#?}");
    assert!(has("1 rows of indicator \"MNA_IMM_SEX_NB\" were not read"), "{notes:#?}");
    assert!(has("add up to the total in 1 and differ from it in 0"), "{notes:#?}");

    // A bulk file of another indicator, or a DDF file of another indicator, is not
    // taken for these layouts.
    let other = text.replace("MNA_OEMP_SEX_CDS_NB,", "EMP_TEMP_SEX_AGE_NB,");
    assert_eq!(ingest::detect(name, other.as_bytes(), &ingest::Limits::default()), None);
    let ddf =
        b"ref_area,sex,classif1,time,emp_temp_sex_age_nb\nphl,sex_t,age_ythadult_ygt15,2020,1\n";
    assert_eq!(ingest::detect("ddf--datapoints--x.csv", ddf, &ingest::Limits::default()), None);

    // A missing column.
    let no_value = text.replace(",obs_value,", ",value,");
    let err = read_bulk(no_value.as_bytes()).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(1), Some("obs_value")));
}

/// Reads a copy of the DDF file with `from` replaced by `to` on the given 1-based line.
fn read_edited(bytes: &[u8], line: usize, from: &str, to: &str) -> ingest::ImportError {
    let text = std::str::from_utf8(bytes).unwrap();
    let edited: Vec<String> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| if i + 1 == line { l.replacen(from, to, 1) } else { l.to_owned() })
        .collect();
    let edited = edited.join("\n");
    assert_ne!(edited, text);
    let name = "ddf--datapoints--mna_oemp_sex_cds_nb--by--ref_area--sex--classif1--time.csv";
    ingest::read(Kind::IlostatDdf, name, edited.as_bytes(), &ReadOptions::default()).unwrap_err()
}

#[test]
fn malformed_copies_are_refused_at_the_cell() {
    let Some((name, bytes)) = shared(FILE) else { return };
    let where_ = |err: &ingest::ImportError| {
        (err.location.file.clone(), err.location.row, err.location.column.clone())
    };
    // Line 2: `arm,sex_f,cds_des_rus,2018,3.198`.
    let err = read_edited(&bytes, 2, "3.198", "3.1x8");
    assert!(matches!(err.kind, ImportErrorKind::BadValue { .. }), "{err}");
    assert_eq!(where_(&err), (name.clone(), Some(2), Some(VALUE.to_owned())));
    assert!(err.to_string().contains("\"3.1x8\""), "{err}");

    let err = read_edited(&bytes, 3, "sex_f", "sex_q");
    assert!(matches!(err.kind, ImportErrorKind::BadValue { .. }), "{err}");
    assert_eq!(where_(&err), (name.clone(), Some(3), Some("sex".to_owned())));

    let err = read_edited(&bytes, 1, "classif1", "classif");
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!(where_(&err), (name.clone(), Some(1), Some("classif1".to_owned())));

    let err = read_edited(&bytes, 4, "2010", "20x0");
    assert_eq!(where_(&err), (name.clone(), Some(4), Some("time".to_owned())));

    let err = read_edited(&bytes, 2, "cds_des_rus", "cds_des_zzz");
    let ImportErrorKind::UnknownAreas { names } = &err.kind else { panic!("{err}") };
    assert_eq!(names.len(), 1, "{names:?}");
    assert_eq!(names[0].1, 2);
}
