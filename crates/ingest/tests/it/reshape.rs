//! Third-party reshapes of the UN DESA destination × origin table: the tidy CSV subset
//! (2024 edition) and the chord-diagram JSON (2020 edition), checked cell by cell
//! against the files read independently, and their malformed variants.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use domain::Sex;
use domain::dataset::Dataset;
use ingest::{DiagnosticKind, ImportErrorKind, Kind, ReadOptions};

const TIDY: &str =
    "undesa_ims_2024_bilateral_subset/undesa_ims_bilateral_2000-2020_iso3_migration_network.csv";
const CHORD_DIR: &str = "undesa_ims_2020_bilateral_chordjson";
/// The chord-diagram files and the sex each holds.
const CHORD: [(&str, Sex); 3] = [
    ("stock.json", Sex::Total),
    ("stock_female.json", Sex::Female),
    ("stock_male.json", Sex::Male),
];

fn note_mentions(diagnostics: &[ingest::Diagnostic], needle: &str) -> bool {
    diagnostics
        .iter()
        .any(|d| matches!(&d.kind, DiagnosticKind::Note { message } if message.contains(needle)))
}

#[test]
fn tidy_csv_every_line_is_one_stored_pair() {
    let Some((dataset, diagnostics, bytes)) =
        crate::common::import(TIDY, Kind::UndesaBilateralTidyCsv)
    else {
        return;
    };
    // The file read independently: line → (year, origin, destination, stock).
    let text = String::from_utf8(bytes).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("year,origin,destination,migrant_stock"));
    let by_line: HashMap<u32, (i32, String, String, f64)> = lines
        .enumerate()
        .map(|(i, l)| {
            let f: Vec<&str> = l.split(',').collect();
            let key =
                (f[0].parse().unwrap(), f[1].to_owned(), f[2].to_owned(), f[3].parse().unwrap());
            (u32::try_from(i + 2).unwrap(), key)
        })
        .collect();
    assert_eq!(by_line.len(), 38_530);
    assert_eq!(dataset.pairs.len(), 38_530, "every line stored, nothing dropped");
    let mut seen = BTreeSet::new();
    for p in &dataset.pairs {
        assert_eq!(p.indicator.code, "migrant_stock");
        assert_eq!(p.sex, Sex::Total);
        assert_eq!(p.provenance.column.as_deref(), Some("migrant_stock"));
        let line = p.provenance.row.unwrap();
        let (year, orig, dest, value) = &by_line[&line];
        assert_eq!(
            (p.year.get(), p.from.as_str(), p.to.as_str(), p.value),
            (*year, orig.as_str(), dest.as_str(), *value),
            "line {line}"
        );
        assert!(seen.insert(line));
    }
    let get = |o: &str, d: &str, y: i32| {
        dataset
            .pairs
            .iter()
            .find(|p| p.from.as_str() == o && p.to.as_str() == d && p.year.get() == y)
            .map(|p| p.value)
    };
    assert_eq!(get("MEX", "USA", 2020), Some(11_177_052.0));
    assert_eq!(get("AFG", "ARE", 2000), Some(2_588.0));
    assert_eq!(get("ZWE", "ZMB", 2020), Some(16_816.0));
    let years: BTreeSet<i32> = dataset.pairs.iter().map(|p| p.year.get()).collect();
    assert_eq!(years, BTreeSet::from([2000, 2005, 2010, 2015, 2020]));

    let meta = &dataset.meta;
    assert_eq!(meta.key, "undesa-ims-bilateral-tidy-2024");
    assert_ne!(meta.key, "undesa-ims-bilateral", "a reshape never takes the official key");
    assert_eq!(meta.edition, "2024");
    assert!(
        meta.publisher.contains("United Nations, DESA, Population Division"),
        "{}",
        meta.publisher
    );
    assert!(meta.publisher.contains("International Migrant Stock 2024"), "{}", meta.publisher);
    assert!(meta.publisher.contains("reshaped by a third party"), "{}", meta.publisher);
    assert!(meta.title.contains("tidy subset"), "{}", meta.title);
    assert!(note_mentions(&diagnostics, "fall short of the official"), "{diagnostics:?}");
    assert!(note_mentions(&diagnostics, "2024 inferred"), "{diagnostics:?}");
}

/// Reads one chord-diagram file (unknown names skipped) and the file's JSON on its own.
fn chord(file: &str) -> Option<(Dataset, Vec<ingest::Diagnostic>, serde_json::Value)> {
    let (name, bytes) = crate::common::shared(&format!("{CHORD_DIR}/{file}"))?;
    assert_eq!(
        ingest::detect(&name, &bytes, &ingest::Limits::default()),
        Some(Kind::UndesaBilateralChordJson),
        "{file}"
    );
    let (dataset, diagnostics) =
        ingest::read(Kind::UndesaBilateralChordJson, &name, &bytes, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
    Some((dataset, diagnostics, serde_json::from_slice(&bytes).unwrap()))
}

/// `$.matrix["2020"][12][40]` → ("2020", 12, 40).
fn parse_path(path: &str) -> (String, usize, usize) {
    let rest = path.strip_prefix("$.matrix[\"").unwrap();
    let (year, rest) = rest.split_once("\"][").unwrap();
    let (i, rest) = rest.split_once("][").unwrap();
    (year.to_owned(), i.parse().unwrap(), rest.strip_suffix(']').unwrap().parse().unwrap())
}

#[test]
fn chord_json_cells_keys_and_sexes() {
    let mut by_sex = BTreeMap::new();
    let mut keys = BTreeSet::new();
    for (file, sex) in CHORD {
        let Some((dataset, diagnostics, json)) = chord(file) else { return };
        let names = json["names"].as_array().unwrap();
        let regions: BTreeSet<u64> =
            json["regions"].as_array().unwrap().iter().map(|r| r.as_u64().unwrap()).collect();
        // Every stored value is the number at its path, between two countries.
        for p in &dataset.pairs {
            assert_eq!(p.sex, sex, "{file}");
            assert!(p.provenance.sheet.is_none() && p.provenance.row.is_none());
            let (year, i, j) = parse_path(p.provenance.column.as_deref().unwrap());
            assert_eq!(year, p.year.to_string());
            assert_eq!(
                json["matrix"][&year][i][j].as_f64(),
                Some(p.value),
                "{file} {year} {i} {j}"
            );
            assert!(!regions.contains(&(i as u64)) && !regions.contains(&(j as u64)));
            assert!(p.value > 0.0, "zeros are not stored");
        }
        // The region headers are reported as aggregates.
        let aggregates = crate::common::aggregates(&diagnostics);
        for r in &regions {
            let name = names[*r as usize].as_str().unwrap();
            assert!(aggregates.iter().any(|a| a == name), "{file}: {name} not reported");
        }
        assert!(note_mentions(&diagnostics, "sex taken from the file name"), "{file}");
        let meta = &dataset.meta;
        assert_eq!(meta.edition, "2020");
        assert!(meta.key.starts_with("undesa-ims-bilateral-chord-2020"), "{}", meta.key);
        assert!(meta.title.contains("chord-diagram JSON"), "{}", meta.title);
        assert!(
            meta.publisher.contains("International Migrant Stock 2020), reshaped by a third party")
        );
        keys.insert(meta.key.clone());
        let cells: HashMap<(String, String, i32), f64> = dataset
            .pairs
            .iter()
            .map(|p| ((p.from.to_string(), p.to.to_string(), p.year.get()), p.value))
            .collect();
        by_sex.insert(sex.as_str(), cells);
    }
    // One key per sex, none of them the official table's.
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(!keys.contains("undesa-ims-bilateral"));
    let k = |o: &str, d: &str, y: i32| (o.to_owned(), d.to_owned(), y);
    // Mexico → United States 2020, the 2020 edition's values.
    assert_eq!(by_sex["total"][&k("MEX", "USA", 2020)], 10_853_105.0);
    assert_eq!(by_sex["female"][&k("MEX", "USA", 2020)], 5_056_331.0);
    assert_eq!(by_sex["male"][&k("MEX", "USA", 2020)], 5_796_774.0);
    // Females plus males are both sexes, for every stored pair (a missing pair is zero).
    let all: BTreeSet<&(String, String, i32)> = by_sex.values().flat_map(HashMap::keys).collect();
    assert!(all.len() > 70_000, "{}", all.len());
    for key in all {
        let v = |s: &str| by_sex[s].get(key).copied().unwrap_or(0.0);
        assert_eq!(v("female") + v("male"), v("total"), "{key:?}");
    }
}

#[test]
fn chord_json_names_agree_with_the_metadata_file_and_all_match() {
    let Some((dataset, _, json)) = chord("stock.json") else { return };
    let Some(flags) = test_support::shared_data(&format!("{CHORD_DIR}/country-metadata-flags.csv"))
    else {
        return;
    };
    let names: Vec<&str> =
        json["names"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    // The code each name was stored under, from the values' paths.
    let mut stored: BTreeMap<&str, String> = BTreeMap::new();
    for p in &dataset.pairs {
        let (_, i, j) = parse_path(p.provenance.column.as_deref().unwrap());
        stored.insert(names[i], p.from.to_string());
        stored.insert(names[j], p.to.to_string());
    }
    // The metadata file lists some names twice (Chile as CHL and CHI): any of its codes.
    let mut codes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for record in csv::Reader::from_path(&flags).unwrap().records() {
        let record = record.unwrap();
        codes.entry(record[1].to_owned()).or_default().insert(record[0].to_owned());
    }
    let mut compared = 0;
    for (name, code) in &stored {
        if *name == "Channel Islands" {
            // The file's author mapped the Channel Islands to Jersey (JEY); Coherence keeps
            // them as one area under the World Bank's code CHI (docs/importers.md).
            assert_eq!(code, "CHI");
            continue;
        }
        if let Some(listed) = codes.get(*name) {
            assert!(listed.contains(code), "{name}: stored as {code}, listed as {listed:?}");
            compared += 1;
        }
    }
    assert!(compared > 200, "{compared}");
    // Under the default options every name matches (the matching ignores case, accents,
    // punctuation and "&" for "and"): nothing is skipped.
    let (name, bytes) = crate::common::shared(&format!("{CHORD_DIR}/stock.json")).unwrap();
    ingest::read(Kind::UndesaBilateralChordJson, &name, &bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else if path.is_file() {
            out.push(path);
        }
    }
}

#[test]
fn only_the_reshapes_are_detected_as_reshapes() {
    let Some(dir) = test_support::shared_data(".") else { return };
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    let mut recognised = BTreeSet::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let kind = ingest::detect(&name, &bytes, &ingest::Limits::default());
        if matches!(kind, Some(Kind::UndesaBilateralTidyCsv | Kind::UndesaBilateralChordJson)) {
            let relative = path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
            recognised.insert((relative, kind.unwrap().name()));
        }
    }
    assert!(files.len() > 100, "{}", files.len());
    let expected: BTreeSet<(String, &str)> =
        [(TIDY.to_owned(), Kind::UndesaBilateralTidyCsv.name())]
            .into_iter()
            .chain(
                CHORD.iter().map(|(f, _)| {
                    (format!("{CHORD_DIR}/{f}"), Kind::UndesaBilateralChordJson.name())
                }),
            )
            .collect();
    assert_eq!(recognised, expected);
}

fn read_err(kind: Kind, name: &str, bytes: &[u8]) -> ingest::ImportError {
    ingest::read(kind, name, bytes, &ReadOptions::default()).map(|_| ()).unwrap_err()
}

const SMALL_CHORD: &str = r#"{
  "names": ["North America", "Mexico", "United States"],
  "regions": [0],
  "matrix": {
    "2020": [
      [0, 0, 0],
      [0, 0, STOCK],
      [0, 0, 0]
    ]
  }
}"#;

#[test]
fn bad_chord_json_is_located() {
    // A small file in the layout is read.
    let good = SMALL_CHORD.replace("STOCK", "1234");
    assert_eq!(
        ingest::detect("c.json", good.as_bytes(), &ingest::Limits::default()),
        Some(Kind::UndesaBilateralChordJson)
    );
    let (d, _) = ingest::read(
        Kind::UndesaBilateralChordJson,
        "c.json",
        good.as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(d.pairs.len(), 1);
    assert_eq!(d.pairs[0].provenance.column.as_deref(), Some("$.matrix[\"2020\"][1][2]"));

    // A negative stock: the path of the number.
    let err = read_err(
        Kind::UndesaBilateralChordJson,
        "c.json",
        SMALL_CHORD.replace("STOCK", "-5").as_bytes(),
    );
    assert!(matches!(&err.kind, ImportErrorKind::BadValue { found, .. } if found == "-5"), "{err}");
    assert_eq!(
        err.to_string(),
        "c.json, column $.matrix[\"2020\"][1][2]: expected a non-negative number of persons, found \"-5\""
    );

    // Text where a stock should be: the line and character.
    let err = read_err(
        Kind::UndesaBilateralChordJson,
        "c.json",
        SMALL_CHORD.replace("STOCK", "\"12a\"").as_bytes(),
    );
    assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
    assert_eq!((err.location.file.as_str(), err.location.row), ("c.json", Some(7)), "{err}");
    assert!(err.to_string().contains("12a"), "{err}");

    // A row of the wrong length.
    let err = read_err(
        Kind::UndesaBilateralChordJson,
        "c.json",
        SMALL_CHORD.replace(", STOCK", "").as_bytes(),
    );
    assert_eq!(err.location.column.as_deref(), Some("$.matrix[\"2020\"][1]"), "{err}");

    // The real file cut short.
    if let Some((name, bytes)) = crate::common::shared(&format!("{CHORD_DIR}/stock.json")) {
        let err = read_err(Kind::UndesaBilateralChordJson, &name, &bytes[..bytes.len() / 2]);
        assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
        assert_eq!(err.location.file, "stock.json");
        assert!(err.location.row.is_some_and(|r| r > 100), "{err}");
    }

    // A file over the limit is refused before it is parsed.
    let mut huge = good.into_bytes();
    huge.resize(ingest::reshape::MAX_CHORD_BYTES + 1, b' ');
    let err = read_err(Kind::UndesaBilateralChordJson, "huge.json", &huge);
    assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
    assert!(err.to_string().starts_with("huge.json: "), "{err}");
}

#[test]
fn bad_tidy_csv_is_located() {
    let good = "year,origin,destination,migrant_stock\n2020,MEX,USA,11177052\n2020,IND,ARE,STOCK\n";
    assert_eq!(
        ingest::detect("t.csv", good.as_bytes(), &ingest::Limits::default()),
        Some(Kind::UndesaBilateralTidyCsv)
    );
    let (d, _) = ingest::read(
        Kind::UndesaBilateralTidyCsv,
        "t.csv",
        good.replace("STOCK", "3").as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(d.pairs.len(), 2);

    for (stock, found) in [("3.5e", "3.5e"), ("-3", "-3")] {
        let err = read_err(
            Kind::UndesaBilateralTidyCsv,
            "t.csv",
            good.replace("STOCK", stock).as_bytes(),
        );
        assert!(
            matches!(&err.kind, ImportErrorKind::BadValue { found: f, .. } if f == found),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "t.csv, row 3, column migrant_stock: expected a non-negative number of persons, found {found:?}"
            )
        );
    }
    // A line twice.
    let twice = good.replace("2020,IND,ARE,STOCK", "2020,MEX,USA,5");
    let err = read_err(Kind::UndesaBilateralTidyCsv, "t.csv", twice.as_bytes());
    assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 2, .. }), "{err}");
    // Another header.
    let err = read_err(Kind::UndesaBilateralTidyCsv, "t.csv", b"year,orig,dest,stock\n");
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    // An unknown code is listed with its line.
    let err = read_err(
        Kind::UndesaBilateralTidyCsv,
        "t.csv",
        good.replace("IND", "QQQ").replace("STOCK", "3").as_bytes(),
    );
    assert!(
        matches!(&err.kind, ImportErrorKind::UnknownAreas { names } if names == &[("QQQ".to_owned(), 3)]),
        "{err}"
    );
    // A file over the limit is refused before it is parsed.
    let mut huge = good.replace("STOCK", "3").into_bytes();
    huge.resize(ingest::reshape::MAX_TIDY_BYTES + 1, b'\n');
    let err = read_err(Kind::UndesaBilateralTidyCsv, "huge.csv", &huge);
    assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
    assert!(err.to_string().starts_with("huge.csv: "), "{err}");
}
