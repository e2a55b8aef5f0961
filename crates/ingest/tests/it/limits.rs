//! The limits every file is held to (`ingest::Limits`): hostile workbooks built here
//! are refused before the memory they ask for is allocated, naming the limit.

use ingest::{ImportError, ImportErrorKind, Kind, Limit, Limits, ReadOptions};
use test_support::hostile;

/// Reads `bytes` as UN DESA's destination totals (a reader of the whole sheet
/// "Table 1") within `limits`.
fn read(bytes: &[u8], limits: Limits) -> Result<(), ImportError> {
    let options = ReadOptions { limits, ..ReadOptions::default() };
    ingest::read(Kind::UndesaDestination, "bomb.xlsx", bytes, &options).map(|_| ())
}

fn exceeded(err: &ImportError) -> (Limit, u64, u64) {
    match &err.kind {
        ImportErrorKind::LimitExceeded { limit, found, max, .. } => (*limit, *found, *max),
        other => panic!("expected a limit, got {other:?} ({err})"),
    }
}

fn cell(reference: &str, value: u32) -> String {
    let row: String = reference.chars().filter(char::is_ascii_digit).collect();
    format!(r#"<row r="{row}"><c r="{reference}"><v>{value}</v></c></row>"#)
}

#[test]
fn a_cell_at_the_last_column_and_row_is_refused_before_the_sheet_is_built() {
    // 5 KB on disk; read as a table it would span 2^34 cells (512 GiB).
    let bytes = hostile::xlsx("Table 1", &(cell("A1", 1) + &cell("XFD1048576", 2)));
    assert!(bytes.len() < 5_000);
    let err = read(&bytes, Limits::default()).unwrap_err();
    assert_eq!(exceeded(&err), (Limit::SheetCells, 16_384 * 1_048_576, 1 << 24));
    let text = err.to_string();
    assert!(text.contains("sheet-cells") && text.contains("A1:XFD1048576"), "{text}");
    assert_eq!(err.location.sheet.as_deref(), Some("Table 1"));
    // Recognising the layout reads only the head of a sheet, and does not fail.
    assert_eq!(ingest::detect("bomb.xlsx", &bytes, &Limits::default()), None);
}

#[test]
fn a_tall_sheet_of_one_value_is_refused() {
    // One value at CV1000000 used to cost 3.1 GB.
    let bytes = hostile::xlsx("Table 1", &(cell("A1", 1) + &cell("CV1000000", 2)));
    let err = read(&bytes, Limits::default()).unwrap_err();
    assert_eq!(exceeded(&err), (Limit::SheetCells, 100 * 1_000_000, 1 << 24));
}

#[test]
fn a_cell_repeated_is_counted_each_time() {
    let data: String = (0..50).map(|i| cell("A1", i)).collect();
    let bytes = hostile::xlsx("Table 1", &data);
    let limits = Limits { sheet_cells: 10, ..Limits::default() };
    let (limit, found, max) = exceeded(&read(&bytes, limits).unwrap_err());
    assert_eq!((limit, max), (Limit::SheetCells, 10));
    assert!(found > 10, "{found}");
}

#[test]
fn a_sheet_within_the_limit_is_read() {
    // A1 and B2 span 4 cells: a limit of 4 passes it on to the layout, which then
    // misses its header (the sheet holds none); 3 refuses it.
    let bytes = hostile::xlsx("Table 1", &(cell("A1", 1) + &cell("B2", 2)));
    let err = read(&bytes, Limits { sheet_cells: 4, ..Limits::default() }).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    let err = read(&bytes, Limits { sheet_cells: 3, ..Limits::default() }).unwrap_err();
    assert_eq!(exceeded(&err), (Limit::SheetCells, 4, 3));
}

#[test]
fn members_that_inflate_too_far_are_refused_while_inflating() {
    let bytes = hostile::zip_bomb(3 << 20, 1);
    let limits = Limits { uncompressed: 2 << 20, ..Limits::default() };
    let err = ingest::check_container("bomb.xlsx", &bytes, &limits).unwrap_err();
    let (limit, found, max) = exceeded(&err);
    assert_eq!((limit, max), (Limit::Uncompressed, 2 << 20));
    assert!(found > 2 << 20 && found <= 3 << 20, "{found}");
    // The reader checks the container itself: a caller cannot forget to.
    assert_eq!(exceeded(&read(&bytes, limits).unwrap_err()).0, Limit::Uncompressed);

    // Past 16 MiB, a member may inflate at most `ratio` times its stored size.
    let bytes = hostile::zip_bomb(17 << 20, 1);
    let limits = Limits { ratio: 100, ..Limits::default() };
    let err = ingest::check_container("bomb.xlsx", &bytes, &limits).unwrap_err();
    assert_eq!(exceeded(&err).0, Limit::Ratio, "{err}");
    // A member of one repeated byte deflates about 1,030 times: past the default too,
    // while real workbooks' members inflate at most 13 times.
    let err = ingest::check_container("bomb.xlsx", &bytes, &Limits::default()).unwrap_err();
    let (limit, found, max) = exceeded(&err);
    assert_eq!((limit, max), (Limit::Ratio, 1_000));
    assert!(found > 1_000, "{found}");
    let limits = Limits { ratio: 2_000, ..Limits::default() };
    assert!(ingest::check_container("bomb.xlsx", &bytes, &limits).is_ok());
}

#[test]
fn too_many_members_are_refused_from_the_directory() {
    let bytes = hostile::xlsx("Table 1", &cell("A1", 1));
    let limits = Limits { members: 3, ..Limits::default() };
    let err = ingest::check_container("w.xlsx", &bytes, &limits).unwrap_err();
    assert_eq!(exceeded(&err), (Limit::Members, 5, 3));
}

/// A BIFF8 DIMENSIONS record: first row, last row + 1, first column, last column + 1.
fn dimensions(rows: (u32, u32), cols: (u16, u16)) -> Vec<u8> {
    let mut d = rows.0.to_le_bytes().to_vec();
    d.extend(rows.1.to_le_bytes());
    d.extend(cols.0.to_le_bytes());
    d.extend(cols.1.to_le_bytes());
    d.extend([0, 0]);
    hostile::biff(0x0200, &d)
}

/// A BIFF8 Number record.
fn number(row: u16, col: u16, value: f64) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend([0, 0]);
    d.extend(value.to_le_bytes());
    hostile::biff(0x0203, &d)
}

fn detect_and_read_xls(bytes: &[u8]) -> ImportError {
    // An xls file is read whole when it is opened, so even recognising it is guarded.
    assert_eq!(ingest::detect("bomb.xls", bytes, &Limits::default()), None);
    let options = ReadOptions::default();
    ingest::read(Kind::WdiBulkXls, "bomb.xls", bytes, &options).map(|_| ()).unwrap_err()
}

#[test]
fn an_xls_sheet_declaring_four_billion_rows_is_refused_before_it_is_opened() {
    let bytes = hostile::xls(&dimensions((0, u32::MAX), (0, 256)));
    let err = detect_and_read_xls(&bytes);
    assert_eq!(exceeded(&err), (Limit::SheetCells, u64::from(u32::MAX) * 256, 1 << 24));
}

#[test]
fn an_inverted_xls_dimensions_record_is_refused() {
    // The reader's 32-bit difference wraps: rows 100..10 are 2^32 - 90 rows.
    let bytes = hostile::xls(&dimensions((100, 10), (0, 4)));
    let err = detect_and_read_xls(&bytes);
    assert_eq!(exceeded(&err), (Limit::SheetCells, (u64::from(u32::MAX) - 89) * 4, 1 << 24));
}

#[test]
fn xls_cells_spanning_too_far_are_refused() {
    let records = [number(0, 0, 1.0), number(65_535, 65_535, 2.0)].concat();
    let bytes = hostile::xls(&records);
    let err = detect_and_read_xls(&bytes);
    assert_eq!(exceeded(&err), (Limit::SheetCells, 65_536 * 65_536, 1 << 24));
}

#[test]
fn a_small_xls_passes_the_check_and_opens() {
    let records = [dimensions((0, 2), (0, 2)), number(0, 0, 1.0), number(1, 1, 2.0)].concat();
    let bytes = hostile::xls(&records);
    // The layout is not WDI's, so the reader says what it misses, not a limit.
    let err = detect_and_read_xls(&bytes);
    assert!(!matches!(err.kind, ImportErrorKind::LimitExceeded { .. }), "{err}");
    assert!(!err.to_string().contains("reader failed"), "{err}");
}
