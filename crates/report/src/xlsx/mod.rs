//! Excel workbooks (`.xlsx`) of tables: one sheet per table, a bold header row (and,
//! optionally, a second header row of field keys), numbers as numbers, text always as
//! text (`write_string`: a title such as `=HYPERLINK(...)` stays a string, never a
//! formula), frozen header rows, column widths set from the content, sheet names valid
//! and unique. The bytes depend only on the tables: the document's creation time is a
//! fixed date, not the clock.
//!
//! [`profile::workbook`] is a country profile's workbook.

pub mod profile;

use std::collections::BTreeSet;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

/// One cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text, written as a string cell.
    Text(String),
    /// A number; a value that is not finite is written as an empty cell.
    Number(f64),
    /// Nothing.
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<f64> for Cell {
    fn from(v: f64) -> Cell {
        Cell::Number(v)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Empty, Into::into)
    }
}

/// A table to write as a sheet.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    /// The sheet's name (Excel keeps 31 characters, refuses `[]:*?/\` and wants names
    /// unique regardless of case; names are made so).
    pub name: String,
    /// The header row.
    pub columns: Vec<String>,
    /// A second header row under `columns` (e.g. each column's field in a JSON
    /// document), in grey italics; none when empty.
    pub keys: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// A sheet of `columns` (one header row) and `rows`.
    pub fn new(name: impl Into<String>, columns: &[&str], rows: Vec<Vec<Cell>>) -> Sheet {
        Sheet {
            name: name.into(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            keys: Vec::new(),
            rows,
        }
    }

    /// How many header rows the sheet has (1, or 2 with keys).
    #[must_use]
    pub fn header_rows(&self) -> u32 {
        if self.keys.is_empty() { 1 } else { 2 }
    }
}

/// A workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    /// The writer failed (more rows or columns than a sheet holds).
    #[error("cannot write the workbook: {0}")]
    Writer(String),
    /// A value's unit is not the unit its column's header names (a defect of the
    /// layout, refused rather than mislabelled).
    #[error("sheet {sheet:?}, column {column:?}: a value in {found}, not in the column's unit")]
    Unit {
        /// The sheet.
        sheet: String,
        /// The column's header.
        column: String,
        /// The value's unit.
        found: String,
    },
}

/// The `.xlsx` bytes of a workbook holding `sheets` in order.
///
/// # Errors
/// If the writer fails (more rows than a sheet holds: 1,048,574 after two header rows).
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    workbook_with_direction(sheets, false)
}

/// The `.xlsx` bytes of a workbook holding `sheets` in order, each sheet laid out right
/// to left (column A at the right, as Excel shows an Arabic sheet) when `right_to_left`.
///
/// # Errors
/// As [`workbook`].
pub fn workbook_with_direction(
    sheets: &[Sheet],
    right_to_left: bool,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation date keeps the bytes a function of the tables alone.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let mut used = BTreeSet::new();
    for (n, sheet) in sheets.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(unique_name(&sheet_name(&sheet.name, n), &mut used)).map_err(err)?;
        ws.set_right_to_left(right_to_left);
        write_sheet(ws, sheet)?;
    }
    book.save_to_buffer().map_err(err)
}

fn err(e: rust_xlsxwriter::XlsxError) -> XlsxError {
    XlsxError::Writer(e.to_string())
}

/// Writes one sheet: headers, rows, frozen headers, column widths.
fn write_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let key = Format::new().set_italic().set_font_color(0x0059_5959);
    for (c, title) in sheet.columns.iter().enumerate() {
        ws.write_string_with_format(0, col(c)?, title, &bold).map_err(err)?;
    }
    for (c, k) in sheet.keys.iter().enumerate() {
        ws.write_string_with_format(1, col(c)?, k, &key).map_err(err)?;
    }
    let first = sheet.header_rows();
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r)
            .ok()
            .and_then(|r| r.checked_add(first))
            .ok_or_else(|| XlsxError::Writer("too many rows".into()))?;
        for (c, cell) in row.iter().enumerate() {
            match cell {
                // Always a string cell: text is never read as a formula.
                Cell::Text(s) => {
                    ws.write_string(r, col(c)?, s).map_err(err)?;
                }
                Cell::Number(v) if v.is_finite() => {
                    ws.write_number(r, col(c)?, *v).map_err(err)?;
                }
                Cell::Number(_) | Cell::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(first, 0).map_err(err)?;
    for (c, width) in widths(sheet).into_iter().enumerate() {
        ws.set_column_width(col(c)?, width).map_err(err)?;
    }
    Ok(())
}

/// Each column's width in characters: its longest header or cell (a number as Excel's
/// general format shows it, at most 11 characters), plus 2, between 6 and 60.
fn widths(sheet: &Sheet) -> Vec<f64> {
    let n = sheet.rows.iter().map(Vec::len).chain([sheet.columns.len(), sheet.keys.len()]).max();
    let mut widths = vec![0usize; n.unwrap_or(0)];
    let mut see = |c: usize, len: usize| widths[c] = widths[c].max(len);
    for headers in [&sheet.columns, &sheet.keys] {
        for (c, t) in headers.iter().enumerate() {
            see(c, t.chars().count());
        }
    }
    for row in &sheet.rows {
        for (c, cell) in row.iter().enumerate() {
            let len = match cell {
                Cell::Text(s) => s.chars().count(),
                Cell::Number(v) => v.to_string().len().min(11),
                Cell::Empty => 0,
            };
            see(c, len);
        }
    }
    widths.into_iter().map(|w| (w + 2).clamp(6, 60) as f64).collect()
}

fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c)
        .ok()
        .filter(|c| *c < 16_384)
        .ok_or_else(|| XlsxError::Writer("too many columns".into()))
}

/// A valid, unique-enough sheet name: Excel's forbidden characters replaced, at most 31
/// characters, never empty.
fn sheet_name(name: &str, n: usize) -> String {
    let clean: String = name
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '-' } else { c })
        .take(31)
        .collect();
    let clean = clean.trim_matches('\'').trim().to_owned();
    if clean.is_empty() { format!("Sheet{}", n + 1) } else { clean }
}

/// `name`, or, if a sheet already has it (Excel compares names regardless of case),
/// `name` shortened with " (2)", " (3)", ... after it; the name given is recorded.
fn unique_name(name: &str, used: &mut BTreeSet<String>) -> String {
    let mut candidate = name.to_owned();
    let mut n = 1;
    while used.contains(&candidate.to_lowercase()) {
        n += 1;
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.len();
        let stem: String = name.chars().take(keep).collect();
        candidate = format!("{}{suffix}", stem.trim_end());
    }
    used.insert(candidate.to_lowercase());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_same_bytes_for_the_same_tables() {
        let sheet = Sheet {
            name: "Profile: XAA/2020".to_owned(),
            columns: vec!["indicator".into(), "value".into()],
            keys: Vec::new(),
            rows: vec![
                vec!["stock".into(), 1234.5.into()],
                vec!["cost".into(), Cell::Number(f64::NAN)],
            ],
        };
        let a = workbook(std::slice::from_ref(&sheet)).unwrap();
        let b = workbook(&[sheet]).unwrap();
        assert_eq!(a, b);
        assert_eq!(&a[..2], b"PK");
    }

    #[test]
    fn sheet_names_are_made_valid() {
        assert_eq!(sheet_name("a/b:c", 0), "a-b-c");
        assert_eq!(sheet_name("", 2), "Sheet3");
        assert_eq!(sheet_name(&"x".repeat(40), 0).len(), 31);
        let mut used = BTreeSet::new();
        assert_eq!(unique_name("Costs", &mut used), "Costs");
        assert_eq!(unique_name("costs", &mut used), "costs (2)");
        let long = "y".repeat(31);
        assert_eq!(unique_name(&long, &mut used), long);
        let second = unique_name(&long, &mut used);
        assert_eq!((second.chars().count(), second.ends_with(" (2)")), (31, true));
    }

    #[test]
    fn widths_follow_the_content_within_bounds() {
        let sheet = Sheet::new(
            "t",
            &["a", "a long header here"],
            vec![
                vec!["x".repeat(100).into(), 1.0.into()],
                vec![Cell::Empty, 0.1234567891234.into()],
            ],
        );
        assert_eq!(widths(&sheet), vec![60.0, 20.0]);
    }
}
