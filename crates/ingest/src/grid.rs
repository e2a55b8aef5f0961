//! A rectangular view of a worksheet or a CSV file, so that every reader addresses
//! cells the same way and builds its locations and provenance in one place.
//!
//! Rows and columns are 0-based and absolute (row 0 is the first row of the sheet or
//! the first record of the CSV file). Locations and provenance report them as the user
//! sees them: 1-based spreadsheet rows and column letters for workbooks; 1-based line
//! numbers and the column's header for CSV files.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Sheets};
use domain::Provenance;
use domain::provenance::column_letter;

use crate::container::check_container;
use crate::error::{ImportError, ImportErrorKind, Location};
use crate::limits::{Limit, Limits};

/// One cell, borrowed from its grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    /// Nothing in the cell.
    Empty,
    /// A number (workbook numbers, integers and dates as serial numbers).
    Number(f64),
    /// Text, as written (not trimmed).
    Text(&'a str),
}

impl<'a> Cell<'a> {
    /// The cell as text: numbers written without a trailing `.0` when integral.
    pub(crate) fn text(self) -> Cow<'a, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Number(n) => Cow::Owned(number_text(n)),
        }
    }

    /// Whether the cell is empty or holds only white space.
    pub(crate) fn is_blank(self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }

    /// The cell as a whole number, when it is one (a number, or digits as text).
    pub(crate) fn integer(self) -> Option<i64> {
        match self {
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(n as i64),
            Cell::Text(s) => {
                let t = s.trim();
                let t = t.strip_suffix(".0").unwrap_or(t);
                t.parse().ok()
            }
            _ => None,
        }
    }
}

/// Formats a number as a spreadsheet shows it by default.
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// What a value cell holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Value {
    /// No value: an empty cell or a publisher's missing-value mark (`..`, `-`, `…`).
    Missing,
    /// A number.
    Number(f64),
}

/// Reads a value cell: numbers, numbers written as text, or a missing-value mark.
///
/// # Errors
/// Returns the cell's text if it is neither.
pub(crate) fn value(cell: Cell<'_>) -> Result<Value, String> {
    match cell {
        Cell::Empty => Ok(Value::Missing),
        Cell::Number(n) if n.is_finite() => Ok(Value::Number(n)),
        Cell::Number(n) => Err(number_text(n)),
        Cell::Text(s) => {
            let t = s.trim();
            match t {
                "" | ".." | "..." | "…" | "-" | "–" | "—" | "NA" | "n/a" | "N/A" => {
                    Ok(Value::Missing)
                }
                _ => match t.parse::<f64>() {
                    Ok(n) if n.is_finite() => Ok(Value::Number(n)),
                    _ => Err(s.to_owned()),
                },
            }
        }
    }
}

/// A worksheet or a CSV file.
pub(crate) enum Grid {
    /// A worksheet of a workbook.
    Sheet {
        /// The sheet's name.
        name: String,
        /// Its cells.
        range: Range<Data>,
    },
    /// A CSV file.
    Csv {
        /// The records, in file order.
        records: Vec<csv::StringRecord>,
        /// The 1-based line on which each record starts.
        lines: Vec<u32>,
        /// The record holding the column headers, once the reader has found it.
        header: Option<usize>,
    },
}

impl Grid {
    /// Reads a whole CSV file (a UTF-8 byte-order mark is skipped).
    ///
    /// # Errors
    /// Returns [`ImportErrorKind::Unreadable`] if the bytes are not CSV in UTF-8.
    pub(crate) fn csv(file: &str, bytes: &[u8], delimiter: u8) -> Result<Grid, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(bytes);
        let mut records = Vec::new();
        let mut lines = Vec::new();
        let mut record = csv::StringRecord::new();
        // Line numbers are counted here from the byte offsets: the csv crate's own
        // line count lags by one per record in files with CRLF line ends.
        let (mut counted_to, mut newlines) = (0usize, 0u32);
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    let mut start =
                        record.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
                    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
                        start += 1;
                    }
                    if start > counted_to {
                        let n = bytes[counted_to..start].iter().filter(|&&b| b == b'\n').count();
                        newlines = newlines.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
                        counted_to = start;
                    }
                    lines.push(newlines.saturating_add(1));
                    records.push(std::mem::take(&mut record));
                }
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    return Err(ImportError::new(
                        Location::line(file, u32::try_from(line).unwrap_or(u32::MAX)),
                        ImportErrorKind::Unreadable {
                            expected: "a CSV file in UTF-8".to_owned(),
                            detail: e.to_string(),
                        },
                    ));
                }
            }
        }
        Ok(Grid::Csv { records, lines, header: None })
    }

    /// Marks `row` as the header row of a CSV file: its cells name the columns in
    /// locations and provenance. Does nothing for worksheets.
    pub(crate) fn set_header(&mut self, row: usize) {
        if let Grid::Csv { header, .. } = self {
            *header = Some(row);
        }
    }

    /// The sheet name, for worksheets.
    pub(crate) fn sheet(&self) -> Option<&str> {
        match self {
            Grid::Sheet { name, .. } => Some(name),
            Grid::Csv { .. } => None,
        }
    }

    /// One past the last row.
    pub(crate) fn n_rows(&self) -> usize {
        match self {
            Grid::Sheet { range, .. } => range.end().map_or(0, |(r, _)| r as usize + 1),
            Grid::Csv { records, .. } => records.len(),
        }
    }

    /// One past the last column of `row` (of the whole sheet for worksheets).
    pub(crate) fn n_cols(&self, row: usize) -> usize {
        match self {
            Grid::Sheet { range, .. } => range.end().map_or(0, |(_, c)| c as usize + 1),
            Grid::Csv { records, .. } => records.get(row).map_or(0, csv::StringRecord::len),
        }
    }

    /// The cell at `row`, `col`; [`Cell::Empty`] outside the grid.
    pub(crate) fn cell(&self, row: usize, col: usize) -> Cell<'_> {
        match self {
            Grid::Sheet { range, .. } => {
                let (Ok(r), Ok(c)) = (u32::try_from(row), u32::try_from(col)) else {
                    return Cell::Empty;
                };
                match range.get_value((r, c)) {
                    None | Some(Data::Empty) => Cell::Empty,
                    Some(Data::Float(f)) => Cell::Number(*f),
                    Some(Data::Int(i)) => Cell::Number(*i as f64),
                    Some(Data::String(s)) => Cell::Text(s),
                    Some(Data::Bool(b)) => Cell::Text(if *b { "TRUE" } else { "FALSE" }),
                    Some(Data::DateTime(d)) => Cell::Number(d.as_f64()),
                    Some(Data::DateTimeIso(s) | Data::DurationIso(s)) => Cell::Text(s),
                    Some(Data::Error(_)) => Cell::Text("#ERROR"),
                }
            }
            Grid::Csv { records, .. } => match records.get(row).and_then(|r| r.get(col)) {
                None | Some("") => Cell::Empty,
                Some(s) => Cell::Text(s),
            },
        }
    }

    /// The cell's text, trimmed.
    pub(crate) fn text(&self, row: usize, col: usize) -> Cow<'_, str> {
        match self.cell(row, col).text() {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
            Cow::Owned(s) => Cow::Owned(s.trim().to_owned()),
        }
    }

    /// The row as the user sees it: spreadsheet row or line number.
    pub(crate) fn row_number(&self, row: usize) -> u32 {
        match self {
            Grid::Sheet { .. } => u32::try_from(row + 1).unwrap_or(u32::MAX),
            // A row past the end (a header looked for in an empty file) is the line after
            // the last one.
            Grid::Csv { lines, .. } => lines.get(row).copied().unwrap_or_else(|| {
                let past = u32::try_from(row - lines.len()).unwrap_or(u32::MAX - 1);
                lines.last().map_or(1, |l| l.saturating_add(1)).saturating_add(past)
            }),
        }
    }

    /// The column as the user sees it: its letter, or its CSV header.
    pub(crate) fn column_name(&self, col: usize) -> String {
        match self {
            Grid::Sheet { .. } => column_letter(u32::try_from(col).unwrap_or(u32::MAX)),
            Grid::Csv { records, header, .. } => {
                let name = header.and_then(|h| records.get(h)).and_then(|r| r.get(col));
                match name {
                    Some(name) if !name.trim().is_empty() => name.trim().to_owned(),
                    _ => format!("#{}", col + 1),
                }
            }
        }
    }

    /// The location of a cell.
    pub(crate) fn location(&self, file: &str, row: usize, col: usize) -> Location {
        Location {
            file: file.to_owned(),
            sheet: self.sheet().map(str::to_owned),
            row: Some(self.row_number(row)),
            column: Some(self.column_name(col)),
        }
    }

    /// The location of a whole row.
    pub(crate) fn row_location(&self, file: &str, row: usize) -> Location {
        Location {
            file: file.to_owned(),
            sheet: self.sheet().map(str::to_owned),
            row: Some(self.row_number(row)),
            column: None,
        }
    }

    /// The location of the whole grid (the sheet, or the file).
    pub(crate) fn whole(&self, file: &str) -> Location {
        Location {
            file: file.to_owned(),
            sheet: self.sheet().map(str::to_owned),
            ..Location::default()
        }
    }

    /// The provenance of a value read from a cell; `column` is its name as given by
    /// [`Grid::column_name`] (passed in so that a reader names each column once).
    pub(crate) fn provenance(&self, file: &str, row: usize, column: &str) -> Provenance {
        match self {
            Grid::Sheet { name, .. } => Provenance::cell(file, name, self.row_number(row), column),
            Grid::Csv { .. } => Provenance::csv(file, self.row_number(row), column),
        }
    }

    /// Reads a value cell.
    ///
    /// # Errors
    /// Returns [`ImportErrorKind::BadValue`] at the cell if it holds text that is not a
    /// number nor a missing-value mark.
    pub(crate) fn value(
        &self,
        file: &str,
        row: usize,
        col: usize,
        expected: &str,
    ) -> Result<Value, ImportError> {
        value(self.cell(row, col)).map_err(|found| {
            ImportError::new(
                self.location(file, row, col),
                ImportErrorKind::BadValue { expected: expected.to_owned(), found },
            )
        })
    }

    /// Finds the first row among the first `max_rows` with a cell whose trimmed text
    /// satisfies `pred`; returns (row, column).
    pub(crate) fn find(
        &self,
        max_rows: usize,
        pred: impl Fn(&str) -> bool,
    ) -> Option<(usize, usize)> {
        for row in 0..self.n_rows().min(max_rows) {
            for col in 0..self.n_cols(row) {
                if let Cell::Text(s) = self.cell(row, col)
                    && pred(s.trim())
                {
                    return Some((row, col));
                }
            }
        }
        None
    }
}

/// Runs the spreadsheet reader, turning a panic inside it (an index past the end of
/// a damaged record, an arithmetic overflow) into an error naming the file: no input
/// may abort an import. Memory is bounded before the reader runs, not here.
fn guarded<T>(file: &str, sheet: Option<&str>, run: impl FnOnce() -> T) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        ImportError::new(
            Location {
                file: file.to_owned(),
                sheet: sheet.map(str::to_owned),
                ..Location::default()
            },
            ImportErrorKind::Unreadable {
                expected: "a workbook the spreadsheet reader can read".to_owned(),
                detail: format!("the spreadsheet reader failed on this file ({detail})"),
            },
        )
    })
}

/// The smallest rectangle holding a sheet's cells, as they are read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Span {
    first: (u32, u32),
    last: (u32, u32),
    any: bool,
}

impl Default for Span {
    fn default() -> Self {
        Span { first: (u32::MAX, u32::MAX), last: (0, 0), any: false }
    }
}

impl Span {
    /// Widens the rectangle to hold a cell at (row, column), both 0-based.
    pub(crate) fn add(&mut self, (row, col): (u32, u32)) {
        self.first = (self.first.0.min(row), self.first.1.min(col));
        self.last = (self.last.0.max(row), self.last.1.max(col));
        self.any = true;
    }

    /// Rows × columns of the rectangle (0 when it holds no cell).
    pub(crate) fn cells(&self) -> u64 {
        if !self.any {
            return 0;
        }
        u64::from(self.last.0 - self.first.0 + 1) * u64::from(self.last.1 - self.first.1 + 1)
    }

    /// The rectangle as a spreadsheet reference, e.g. `A1:XFD1048576`.
    pub(crate) fn reference(&self) -> String {
        if !self.any {
            return "no cell".to_owned();
        }
        let at = |(row, col): (u32, u32)| format!("{}{}", column_letter(col), u64::from(row) + 1);
        format!(
            "{}:{} ({} rows × {} columns)",
            at(self.first),
            at(self.last),
            u64::from(self.last.0 - self.first.0) + 1,
            u64::from(self.last.1 - self.first.1) + 1
        )
    }
}

/// An opened workbook (xlsx or xls), held to the import's [`Limits`].
pub(crate) struct Workbook<'a> {
    sheets: Sheets<Cursor<&'a [u8]>>,
    file: &'a str,
    limits: Limits,
}

impl<'a> Workbook<'a> {
    /// Opens a workbook from its bytes, checked first by [`check_container`]: an xlsx
    /// container's CRC-32s and limits, or an xls file's sector chains and the cells of
    /// its sheets (measured before they are read, since the spreadsheet reader reads all
    /// of them when it opens the file).
    ///
    /// # Errors
    /// Returns [`ImportErrorKind::Unreadable`] if the bytes are not an xlsx or xls
    /// workbook (a truncated file, a CSV file, an ods or xlsb workbook, ...), and
    /// [`ImportErrorKind::LimitExceeded`] for a file beyond a limit.
    pub(crate) fn open(
        file: &'a str,
        bytes: &'a [u8],
        limits: &Limits,
    ) -> Result<Workbook<'a>, ImportError> {
        check_container(file, bytes, limits)?;
        let unreadable = |detail: String| {
            ImportError::new(
                Location::file(file),
                ImportErrorKind::Unreadable {
                    expected: "a spreadsheet workbook (xlsx or xls)".to_owned(),
                    detail,
                },
            )
        };
        let sheets =
            guarded(file, None, || calamine::open_workbook_auto_from_rs(Cursor::new(bytes)))?
                .map_err(|e| unreadable(e.to_string()))?;
        match sheets {
            Sheets::Xlsx(_) | Sheets::Xls(_) => Ok(Workbook { sheets, file, limits: *limits }),
            Sheets::Xlsb(_) | Sheets::Ods(_) => {
                Err(unreadable("an xlsb or ods workbook, which Coherence does not read".to_owned()))
            }
        }
    }

    /// The names of the sheets, in workbook order.
    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }

    /// Whether the workbook has a sheet of that name.
    pub(crate) fn has_sheet(&self, name: &str) -> bool {
        self.sheets.sheet_names().iter().any(|n| n == name)
    }

    /// Reads a whole sheet.
    ///
    /// # Errors
    /// Returns [`ImportErrorKind::MissingHeader`] if there is no such sheet,
    /// [`ImportErrorKind::Unreadable`] if the sheet cannot be read, and
    /// [`ImportErrorKind::LimitExceeded`] if it spans more cells than
    /// [`Limits::sheet_cells`].
    pub(crate) fn sheet(&mut self, name: &str) -> Result<Grid, ImportError> {
        if !self.has_sheet(name) {
            return Err(ImportError::new(
                Location::file(self.file),
                ImportErrorKind::MissingHeader { expected: format!("a sheet named {name:?}") },
            ));
        }
        if matches!(self.sheets, Sheets::Xlsx(_)) {
            return self.xlsx_cells(name, u32::MAX);
        }
        // An xls workbook was read whole when it was opened, within the limits.
        let range = guarded(self.file, Some(name), || self.sheets.worksheet_range(name))?
            .map_err(|e| self.unreadable(name, &e))?;
        Ok(Grid::Sheet { name: name.to_owned(), range })
    }

    /// Reads the first `n_rows` rows of a sheet, without reading the rest where the
    /// format allows (xlsx): used to recognise a layout cheaply.
    ///
    /// # Errors
    /// As [`Workbook::sheet`].
    pub(crate) fn head(&mut self, name: &str, n_rows: u32) -> Result<Grid, ImportError> {
        if matches!(self.sheets, Sheets::Xlsx(_)) && self.has_sheet(name) {
            return self.xlsx_cells(name, n_rows);
        }
        self.sheet(name)
    }

    /// Reads the cells of an xlsx sheet's rows before `n_rows` one by one, and builds
    /// the grid only once it is known to span no more than [`Limits::sheet_cells`]:
    /// the cells are counted as they come (a sheet may repeat a cell), and the span is
    /// measured before the table is allocated.
    fn xlsx_cells(&mut self, name: &str, n_rows: u32) -> Result<Grid, ImportError> {
        let Sheets::Xlsx(xlsx) = &mut self.sheets else {
            unreachable!("xlsx_cells is called on xlsx workbooks only");
        };
        let max = self.limits.sheet_cells;
        let mut cells = Vec::new();
        let mut span = Span::default();
        let mut overflow = false;
        let file = self.file;
        let result: Result<(), calamine::XlsxError> = guarded(file, Some(name), || {
            let mut reader = match xlsx.worksheet_cells_reader(name) {
                // A chart sheet has no cells.
                Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(()),
                other => other?,
            };
            while let Some(cell) = reader.next_cell()? {
                let position = cell.get_position();
                if position.0 >= n_rows {
                    break;
                }
                if matches!(cell.get_value(), calamine::DataRef::Empty) {
                    continue;
                }
                if cells.len() as u64 >= max {
                    overflow = true;
                    break;
                }
                span.add(position);
                cells.push(calamine::Cell::new(position, Data::from(cell.get_value().clone())));
            }
            Ok(())
        })?;
        result.map_err(|e| self.unreadable(name, &e))?;
        let found = span.cells().max(cells.len() as u64 + u64::from(overflow));
        if found > max {
            return Err(ImportError::new(
                Location {
                    file: self.file.to_owned(),
                    sheet: Some(name.to_owned()),
                    ..Location::default()
                },
                ImportErrorKind::LimitExceeded {
                    limit: Limit::SheetCells,
                    found,
                    max,
                    what: format!("the sheet's cells ({})", span.reference()),
                },
            ));
        }
        Ok(Grid::Sheet { name: name.to_owned(), range: Range::from_sparse(cells) })
    }

    fn unreadable(&self, sheet: &str, e: &dyn std::fmt::Display) -> ImportError {
        ImportError::new(
            Location {
                file: self.file.to_owned(),
                sheet: Some(sheet.to_owned()),
                ..Location::default()
            },
            ImportErrorKind::Unreadable {
                expected: "a readable worksheet".to_owned(),
                detail: e.to_string(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_cells() {
        assert_eq!(value(Cell::Number(3.0)), Ok(Value::Number(3.0)));
        assert_eq!(value(Cell::Text(" 12.5 ")), Ok(Value::Number(12.5)));
        assert_eq!(value(Cell::Text("..")), Ok(Value::Missing));
        assert_eq!(value(Cell::Empty), Ok(Value::Missing));
        assert_eq!(value(Cell::Text("12 000")), Err("12 000".to_owned()));
    }

    #[test]
    fn csv_lines_with_crlf() {
        let grid = Grid::csv("a.csv", b"x,y\r\n1,2\r\n3,4\r\n", b',').unwrap();
        assert_eq!((grid.row_number(0), grid.row_number(1), grid.row_number(2)), (1, 2, 3));
    }

    #[test]
    fn csv_locations_use_lines_and_headers() {
        let mut grid =
            Grid::csv("a.csv", b"\xEF\xBB\xBFx,y\n1,\"two\nlines\"\n3,4\n", b',').unwrap();
        grid.set_header(0);
        assert_eq!(grid.n_rows(), 3);
        assert_eq!(grid.cell(2, 1), Cell::Text("4"));
        assert_eq!(grid.location("a.csv", 2, 1).to_string(), "a.csv, row 4, column y");
        assert_eq!(grid.text(0, 0), "x");
    }
}
