//! Malformed input is rejected with the file, sheet, row and column of the problem.

use ingest::{DiagnosticKind, ImportErrorKind, Kind, ReadOptions, UnknownAreas};

use crate::undesa::{Cell, PairRow, bilateral_workbook, cells, sample_rows};

const NAME: &str = "bilateral.xlsx";

fn read(
    kind: Kind,
    name: &str,
    bytes: &[u8],
) -> Result<(domain::dataset::Dataset, Vec<ingest::Diagnostic>), ingest::ImportError> {
    ingest::read(kind, name, bytes, &ReadOptions::default())
}

#[test]
fn truncated_workbook() {
    let bytes = bilateral_workbook(&sample_rows(), true);
    let truncated = &bytes[..bytes.len() / 2];
    let err = read(Kind::UndesaBilateral, NAME, truncated).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
    assert!(err.to_string().starts_with(NAME), "{err}");
    // A real workbook cut short, too.
    if let Some((name, bytes)) = crate::common::shared(
        "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
    ) {
        let err = read(Kind::UndesaDestination, &name, &bytes[..bytes.len() - 5000]).unwrap_err();
        assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
        assert_eq!(err.location.file, name);
    }
}

#[test]
fn missing_header() {
    let bytes = bilateral_workbook(&sample_rows(), false);
    assert_eq!(
        ingest::detect(NAME, &bytes, &ingest::Limits::default()),
        None,
        "without its header the layout is not recognised"
    );
    let err = read(Kind::UndesaBilateral, NAME, &bytes).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!(err.location.sheet.as_deref(), Some("Table 1"));
    assert!(err.to_string().contains("Location code of destination"), "{err}");
    // A workbook without the sheet at all.
    let err = read(Kind::UndesaDestination, NAME, &bytes).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
}

#[test]
fn text_in_a_numeric_cell() {
    let mut rows = sample_rows();
    rows[1].cells[10] = Cell::Text("12 3a"); // 2005, males: column R.
    let bytes = bilateral_workbook(&rows, true);
    let err = read(Kind::UndesaBilateral, NAME, &bytes).unwrap_err();
    assert!(
        matches!(&err.kind, ImportErrorKind::BadValue { found, .. } if found == "12 3a"),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{NAME}, sheet \"Table 1\", row 13, column R: expected a non-negative number of persons, found \"12 3a\""
        )
    );
    // A negative count is rejected too.
    let mut rows = sample_rows();
    rows[1].cells[0] = Cell::Num(-5.0);
    let err = read(Kind::UndesaBilateral, NAME, &bilateral_workbook(&rows, true)).unwrap_err();
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(13), Some("H")), "{err}");
}

#[test]
fn duplicated_rows() {
    let mut rows = sample_rows();
    rows.push(PairRow {
        dest: ("United States of America", 840.0),
        orig: ("Mexico", 484.0),
        cells: cells(7.0),
    });
    let bytes = bilateral_workbook(&rows, true);
    let err = read(Kind::UndesaBilateral, NAME, &bytes).unwrap_err();
    let ImportErrorKind::Duplicate { key, first_row } = &err.kind else { panic!("{err}") };
    assert_eq!(*first_row, 13);
    assert!(key.contains("MEX→USA 1990"), "{key}");
    assert_eq!(
        (err.location.sheet.as_deref(), err.location.row, err.location.column.as_deref()),
        (Some("Table 1"), Some(19), Some("H"))
    );
}

#[test]
fn unknown_countries_are_all_listed_or_skipped_on_request() {
    let mut rows = sample_rows();
    rows.push(PairRow { dest: ("Atlantis", 899.0), orig: ("Mexico", 484.0), cells: cells(1.0) });
    rows.push(PairRow { dest: ("Germany", 276.0), orig: ("Utopia", 898.0), cells: cells(1.0) });
    let bytes = bilateral_workbook(&rows, true);
    let err = read(Kind::UndesaBilateral, NAME, &bytes).unwrap_err();
    let ImportErrorKind::UnknownAreas { names } = &err.kind else { panic!("{err}") };
    assert_eq!(names, &vec![("Atlantis (899)".to_owned(), 19), ("Utopia (898)".to_owned(), 20)]);
    assert_eq!(
        (err.location.sheet.as_deref(), err.location.row, err.location.column.as_deref()),
        (Some("Table 1"), Some(19), Some("B"))
    );
    assert!(err.to_string().contains("2 unknown country or area name(s)"), "{err}");

    let options = ReadOptions { unknown_areas: UnknownAreas::Skip, ..ReadOptions::default() };
    let (dataset, diagnostics) =
        ingest::read(Kind::UndesaBilateral, NAME, &bytes, &options).unwrap();
    assert_eq!(dataset.pairs.len(), 21 + 19 + 21, "the known pairs are read");
    let skipped: Vec<_> = diagnostics
        .iter()
        .filter_map(|d| match &d.kind {
            DiagnosticKind::UnknownAreaSkipped { name } => Some((name.as_str(), d.location.row)),
            _ => None,
        })
        .collect();
    assert_eq!(skipped, vec![("Atlantis (899)", Some(19)), ("Utopia (898)", Some(20))]);
}

#[test]
fn csv_layouts_locate_their_errors() {
    let name = "UN_MigrantStockByOriginAndDestination_2019_clean.csv";
    let kind = Kind::UndesaBilateral2019Csv;
    let ok =
        b"Year,Dest,Mexico,Canada\n2019,United States of America,11489684,\"840,000\"\n".to_vec();
    assert_eq!(ingest::detect(name, &ok, &ingest::Limits::default()), Some(kind));
    let err = read(kind, name, &ok).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{name}, row 2, column Canada: expected a non-negative number of persons, found \"840,000\""
        )
    );

    let unknown =
        b"Year,Dest,Mexico,Atlantis\n2019,United States of America,5,6\n2019,Utopia,1,2\n";
    let err = read(kind, name, unknown).unwrap_err();
    let ImportErrorKind::UnknownAreas { names } = &err.kind else { panic!("{err}") };
    assert_eq!(names, &vec![("Atlantis".to_owned(), 1), ("Utopia".to_owned(), 3)]);

    let duplicate =
        b"Year,Dest,Mexico\n2019,United States of America,5\n2019,United States of America,6\n";
    let err = read(kind, name, duplicate).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 2, .. }), "{err}");
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(3), Some("Mexico")));

    let bad_year = b"Year,Dest,Mexico\n20x9,United States of America,5\n";
    let err = read(kind, name, bad_year).unwrap_err();
    assert_eq!(
        (err.location.row, err.location.column.as_deref()),
        (Some(2), Some("Year")),
        "{err}"
    );

    let no_header = b"\"Data Source\",\"World Development Indicators\",\n\n\"Aruba\",\"ABW\",\"Population, total\",\"SP.POP.TOTL\",\"54922\"\n";
    let err = read(Kind::WdiBulkCsv, "API_SP.POP.TOTL_DS2_en_csv_v2_1.csv", no_header).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");

    let not_utf8 = b"Year,Dest,Mexico\n2019,Cura\xE7ao,5\n";
    let err = read(kind, name, not_utf8).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
    assert_eq!(err.location.row, Some(2));
}

#[test]
fn matrix_rows_of_values_need_a_name() {
    let name = "Bilateralremittancematrix2018Oct2019.csv";
    let mut header = String::new();
    for country in ["Mexico", "India", "Philippines", "China", "Nigeria"].iter().cycle().take(60) {
        header.push(',');
        header.push_str(country);
    }
    // Blank lines and notes (no values) are passed over; a row of values without a
    // name is an error, never dropped.
    let body = format!("{header}\nUnited States,1,2\n\nNotes: estimates\n,5,6\n");
    assert_eq!(
        ingest::detect(name, body.as_bytes(), &ingest::Limits::default()),
        Some(Kind::WbBilateralRemittancesCsv)
    );
    let err = read(Kind::WbBilateralRemittancesCsv, name, body.as_bytes()).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!(err.location.row, Some(5), "{err}");
}

#[test]
fn a_value_that_overflows_in_its_base_unit_names_its_cell() {
    // Thousands of persons × 1,000 overflows f64: never stored as infinity.
    let name = "wpp2024_mig.csv";
    let csv = b"country_code,year,mig\n4,2020,12.5\n4,2021,1e306\n";
    assert_eq!(ingest::detect(name, csv, &ingest::Limits::default()), Some(Kind::WppNetMigration));
    let err = read(Kind::WppNetMigration, name, csv).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::BadValue { .. }), "{err}");
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(3), Some("mig")), "{err}");
    assert!(err.to_string().contains("finite"), "{err}");
}

#[test]
fn an_empty_file_read_as_a_csv_layout_names_row_1() {
    for kind in
        [Kind::WppNetMigration, Kind::WppPeriodIndicators, Kind::OecdDiocE, Kind::WdiDatabank]
    {
        let err = read(kind, "empty.csv", b"").unwrap_err();
        assert_eq!(err.location.row, Some(1), "{kind:?}: {err}");
    }
}
