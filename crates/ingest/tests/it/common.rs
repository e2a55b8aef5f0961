//! Helpers shared by the integration tests: reading shared files, and checking every
//! stored value against its source cell, read independently with calamine or csv.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Range, Reader};
use domain::Provenance;
use domain::dataset::Dataset;
use ingest::{Diagnostic, DiagnosticKind, Kind, ReadOptions};

/// Reads a shared-data file: its name and bytes; `None` when the folder is absent.
pub(crate) fn shared(relative: &str) -> Option<(String, Vec<u8>)> {
    let path = test_support::shared_data(relative)?;
    let bytes = std::fs::read(&path).expect("read shared data file");
    let name = Path::new(relative).file_name().unwrap().to_string_lossy().into_owned();
    Some((name, bytes))
}

/// Detects and reads a shared-data file, asserting the detected kind; returns the
/// dataset, the diagnostics and the bytes.
#[track_caller]
pub(crate) fn import(relative: &str, kind: Kind) -> Option<(Dataset, Vec<Diagnostic>, Vec<u8>)> {
    let (name, bytes) = shared(relative)?;
    assert_eq!(ingest::detect(&name, &bytes, &ingest::Limits::default()), Some(kind), "{relative}");
    let (dataset, diagnostics) = ingest::read(kind, &name, &bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{relative}: {e}"));
    assert_eq!(dataset.meta.source, name);
    assert_eq!(dataset.meta.files.len(), 1);
    assert_eq!(dataset.meta.files[0].sha256, ingest::sha256_hex(&bytes));
    assert_eq!(dataset.meta.files[0].bytes, bytes.len() as u64);
    Some((dataset, diagnostics, bytes))
}

/// The names of the aggregates a read reported as skipped.
pub(crate) fn aggregates(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| match &d.kind {
            DiagnosticKind::AggregateSkipped { name } => Some(name.clone()),
            _ => None,
        })
        .collect()
}

/// A spreadsheet column letter as a 0-based index.
pub(crate) fn column_index(letters: &str) -> u32 {
    letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1)) - 1
}

/// A number from a calamine cell (numbers, or numbers written as text).
pub(crate) fn number(cell: Option<&Data>) -> Option<f64> {
    match cell? {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A workbook's sheets, read independently of the crate under test.
pub(crate) struct Sheets {
    ranges: HashMap<String, Range<Data>>,
}

impl Sheets {
    /// Reads every sheet of a workbook.
    pub(crate) fn open(bytes: &[u8]) -> Sheets {
        let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).expect("workbook");
        let mut ranges = HashMap::new();
        for name in wb.sheet_names() {
            let range = wb.worksheet_range(&name).expect("sheet");
            ranges.insert(name, range);
        }
        Sheets { ranges }
    }

    /// The number in a cell given by 1-based row and column letter.
    pub(crate) fn number(&self, sheet: &str, row: u32, column: &str) -> Option<f64> {
        number(self.ranges[sheet].get_value((row - 1, column_index(column))))
    }

    /// The text of a cell (0-based row and column).
    pub(crate) fn text(&self, sheet: &str, row: u32, col: u32) -> String {
        match self.ranges[sheet].get_value((row, col)) {
            Some(Data::String(s)) => s.trim().to_owned(),
            Some(Data::Float(f)) => f.to_string(),
            _ => String::new(),
        }
    }

    /// The 0-based row whose column `col` holds exactly `text` (trimmed, `*` dropped).
    pub(crate) fn find_row(&self, sheet: &str, col: u32, text: &str) -> u32 {
        let range = &self.ranges[sheet];
        let (start, _) = range.start().unwrap();
        let (end, _) = range.end().unwrap();
        (start..=end)
            .find(|&r| self.text(sheet, r, col).trim_end_matches('*') == text)
            .unwrap_or_else(|| panic!("no row {text:?} in column {col} of {sheet}"))
    }

    /// The 0-based column whose row `row` holds exactly `text`.
    pub(crate) fn find_col(&self, sheet: &str, row: u32, text: &str) -> u32 {
        let (_, end) = self.ranges[sheet].end().unwrap();
        (0..=end)
            .find(|&c| self.text(sheet, row, c).trim_end_matches('*') == text)
            .unwrap_or_else(|| panic!("no column {text:?} in row {row} of {sheet}"))
    }
}

/// Checks that every stored value equals its source cell times `scale`, reading the
/// workbook independently.
#[track_caller]
pub(crate) fn check_workbook_cells(bytes: &[u8], dataset: &Dataset, scale: f64) {
    let sheets = Sheets::open(bytes);
    let check = |value: f64, p: &Provenance| {
        let sheet = p.sheet.as_deref().expect("a workbook value names its sheet");
        let cell = sheets.number(sheet, p.row.unwrap(), p.column.as_deref().unwrap());
        let cell = cell.unwrap_or_else(|| panic!("{p}: no number in the source cell"));
        assert!(
            (cell * scale - value).abs() <= 1e-9 * value.abs().max(1.0),
            "{p}: stored {value}, cell {cell}"
        );
    };
    for v in &dataset.values {
        check(v.value, &v.provenance);
    }
    for v in &dataset.pairs {
        check(v.value, &v.provenance);
    }
    assert!(!dataset.values.is_empty() || !dataset.pairs.is_empty(), "nothing was read");
}

/// Checks that every stored value equals its source cell times `scale`, reading the
/// CSV file independently: the file is split into lines and the value's line parsed on
/// its own (the files checked have no line breaks inside fields); `header_line` is the
/// 1-based line holding the column names.
#[track_caller]
pub(crate) fn check_csv_cells(bytes: &[u8], dataset: &Dataset, header_line: u32, scale: f64) {
    let text = std::str::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let fields = |line: u32| -> Vec<String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(lines[line as usize - 1].as_bytes());
        reader.records().next().unwrap().unwrap().iter().map(|f| f.trim().to_owned()).collect()
    };
    let names: HashMap<String, usize> =
        fields(header_line).into_iter().enumerate().map(|(i, n)| (n, i)).collect();
    let mut parsed: HashMap<u32, Vec<String>> = HashMap::new();
    let all = dataset
        .values
        .iter()
        .map(|v| &v.provenance)
        .chain(dataset.pairs.iter().map(|p| &p.provenance));
    for p in all {
        let line = p.row.unwrap();
        parsed.entry(line).or_insert_with(|| fields(line));
    }
    let check = |value: f64, p: &Provenance| {
        assert!(p.sheet.is_none());
        let record = &parsed[&p.row.unwrap()];
        let cell = &record[names[p.column.as_deref().unwrap()]];
        let cell: f64 = cell.parse().unwrap_or_else(|_| panic!("{p}: {cell:?}"));
        assert!(
            (cell * scale - value).abs() <= 1e-9 * value.abs().max(1.0),
            "{p}: stored {value}, cell {cell}"
        );
    };
    for v in &dataset.values {
        check(v.value, &v.provenance);
    }
    for v in &dataset.pairs {
        check(v.value, &v.provenance);
    }
    assert!(!dataset.values.is_empty() || !dataset.pairs.is_empty(), "nothing was read");
}
