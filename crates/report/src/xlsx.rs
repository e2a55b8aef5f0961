//! Excel workbooks (`.xlsx`) of tables: one sheet per table, a bold header row, numbers
//! as numbers. The bytes depend only on the tables: the document's creation time is a
//! fixed date, not the clock.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

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
    /// The sheet's name (Excel keeps 31 characters and refuses `[]:*?/\`; those are
    /// replaced).
    pub name: String,
    /// The header row.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook could not be written (a defect: the tables are always writable).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the workbook: {0}")]
pub struct XlsxError(String);

/// The `.xlsx` bytes of a workbook holding `sheets` in order.
///
/// # Errors
/// If the writer fails (more rows than a sheet holds: 1,048,575 after the header).
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let err = |e: rust_xlsxwriter::XlsxError| XlsxError(e.to_string());
    let mut book = Workbook::new();
    // A fixed creation date keeps the bytes a function of the tables alone.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(err)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    for (n, sheet) in sheets.iter().enumerate() {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&sheet.name, n)).map_err(err)?;
        for (c, title) in sheet.columns.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, title, &bold).map_err(err)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| XlsxError("too many rows".into()))?;
            for (c, cell) in row.iter().enumerate() {
                match cell {
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
        if !sheet.columns.is_empty() {
            ws.set_freeze_panes(1, 0).map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

fn col(c: usize) -> Result<u16, XlsxError> {
    u16::try_from(c)
        .ok()
        .filter(|c| *c < 16_384)
        .ok_or_else(|| XlsxError("too many columns".into()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_same_bytes_for_the_same_tables() {
        let sheet = Sheet {
            name: "Profile: XAA/2020".to_owned(),
            columns: vec!["indicator".into(), "value".into()],
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
    }
}
