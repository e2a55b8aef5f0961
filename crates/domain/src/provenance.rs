//! Where a value came from.
//!
//! Every stored value carries a [`Provenance`]: the dataset import it belongs to and
//! the cell of the file it was read from. A figure in a report can be followed back to
//! that cell.

use std::fmt;

/// The location of a value in a source file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Provenance {
    /// The file name (not the full path: the path is where the user kept it, the name is
    /// what the publisher called it).
    pub file: String,
    /// The sheet of a workbook; `None` for CSV, JSON or TOML files.
    pub sheet: Option<String>,
    /// The 1-based row (line for text files, spreadsheet row for workbooks).
    pub row: Option<u32>,
    /// The column: its header for CSV files, its letter for workbooks.
    pub column: Option<String>,
}

impl Provenance {
    /// A whole file.
    pub fn file(file: &str) -> Provenance {
        Provenance { file: file.to_owned(), ..Provenance::default() }
    }

    /// A line of a text file.
    pub fn line(file: &str, row: u32) -> Provenance {
        Provenance { file: file.to_owned(), row: Some(row), ..Provenance::default() }
    }

    /// A cell of a CSV or text file: file, 1-based line and column header.
    pub fn csv(file: &str, row: u32, column: &str) -> Provenance {
        Provenance {
            file: file.to_owned(),
            sheet: None,
            row: Some(row),
            column: Some(column.to_owned()),
        }
    }

    /// A cell of a workbook: file, sheet, 1-based row and column letter.
    pub fn cell(file: &str, sheet: &str, row: u32, column: &str) -> Provenance {
        Provenance {
            file: file.to_owned(),
            sheet: Some(sheet.to_owned()),
            row: Some(row),
            column: Some(column.to_owned()),
        }
    }
}

impl fmt::Display for Provenance {
    /// Formats as `file, sheet "S", row R, column C`, leaving out the parts not known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet {sheet:?}")?;
        }
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        Ok(())
    }
}

/// Converts a 0-based column index to a spreadsheet column letter (`0` → `A`,
/// `26` → `AA`).
pub fn column_letter(index: u32) -> String {
    let mut n = u64::from(index) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        assert_eq!(
            Provenance::cell("f.xlsx", "Table 1", 12, "H").to_string(),
            "f.xlsx, sheet \"Table 1\", row 12, column H"
        );
        assert_eq!(Provenance::csv("a.csv", 3, "value").to_string(), "a.csv, row 3, column value");
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
