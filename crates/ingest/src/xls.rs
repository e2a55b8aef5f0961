//! Measures an xls workbook (BIFF records in a Compound File Binary container) before
//! the spreadsheet reader opens it. That reader reads every sheet when it opens the
//! file, reserving room for the rows × columns a sheet's `DIMENSIONS` record declares
//! and then a table spanning its cells, both taken from the file as written: a few
//! hundred bytes could ask for hundreds of GiB, and the allocation failure would abort
//! the program. So the records are walked here first, the way that reader walks them
//! (the globals, then each sheet from the offset its `BoundSheet8` record gives, nested
//! substreams skipped), and a file is refused before it is opened if
//!
//! - a stream of the container claims more bytes than the file has,
//! - a sheet's offset lies outside the workbook stream,
//! - a sheet's `DIMENSIONS` record is inverted, or declares more cells than
//!   [`Limits::sheet_cells`],
//! - a sheet's cells span, or number, more than [`Limits::sheet_cells`].
//!
//! Records are described in Microsoft's [MS-XLS] specification (sections 2.4.21 BOF,
//! 2.4.28 BoundSheet8, 2.4.90 Dimensions, and the cell records named below).

use std::io::{Cursor, Read};

use crate::error::{ImportError, ImportErrorKind, Location};
use crate::grid::Span;
use crate::limits::{Limit, Limits};

/// The signature of a Compound File Binary container.
const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const DIMENSIONS: u16 = 0x0200;
const MUL_RK: u16 = 0x00BD;
/// Records holding one cell whose row and column are the record's first two `u16`s:
/// Number, Label, RString, BoolErr, RK, LabelSst, Formula.
const CELLS: [u16; 7] = [0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];

/// Checks an xls file against the limits; any other file passes.
///
/// # Errors
/// [`ImportErrorKind::Unreadable`] for a container or stream that is inconsistent in
/// a way the spreadsheet reader would not survive, and
/// [`ImportErrorKind::LimitExceeded`] for a sheet beyond [`Limits::sheet_cells`].
pub(crate) fn check(file: &str, bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    if !bytes.starts_with(&SIGNATURE) {
        return Ok(());
    }
    let stream = workbook_stream(file, bytes)?;
    let mut sheets = Vec::new();
    for record in Records::new(&stream) {
        if record.kind == BOUND_SHEET && record.data.len() >= 4 {
            sheets.push(u32::from_le_bytes([
                record.data[0],
                record.data[1],
                record.data[2],
                record.data[3],
            ]));
        }
    }
    for (index, offset) in sheets.into_iter().enumerate() {
        let at = usize::try_from(offset).unwrap_or(usize::MAX);
        let Some(rest) = stream.get(at..) else {
            return Err(unreadable(
                file,
                format!(
                    "sheet {} starts at byte {offset}, past the workbook stream's end",
                    index + 1
                ),
            ));
        };
        check_sheet(file, index, rest, limits)?;
    }
    Ok(())
}

/// Reads the workbook stream (`Workbook`, or `Book` in files of Excel 5), refusing a
/// container whose streams claim more bytes than the file holds.
fn workbook_stream(file: &str, bytes: &[u8]) -> Result<Vec<u8>, ImportError> {
    let mut container = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| unreadable(file, format!("the compound file cannot be read: {e}")))?;
    let size = bytes.len() as u64;
    let mut found: Option<(u8, String)> = None;
    for entry in container.walk() {
        if !entry.is_stream() {
            continue;
        }
        if entry.len() > size {
            return Err(unreadable(
                file,
                format!(
                    "stream {:?} claims {} bytes, more than the file's {size}",
                    entry.name(),
                    entry.len()
                ),
            ));
        }
        let rank = if entry.name().eq_ignore_ascii_case("Workbook") {
            0
        } else if entry.name().eq_ignore_ascii_case("Book") {
            1
        } else {
            continue;
        };
        if found.as_ref().is_none_or(|(r, _)| rank < *r) {
            found = Some((rank, entry.path().to_string_lossy().into_owned()));
        }
    }
    let Some((_, path)) = found else {
        return Err(unreadable(file, "it has no workbook stream".to_owned()));
    };
    let mut stream = Vec::new();
    container
        .open_stream(&path)
        .and_then(|s| s.take(size).read_to_end(&mut stream))
        .map_err(|e| unreadable(file, format!("the workbook stream cannot be read: {e}")))?;
    Ok(stream)
}

/// Walks one sheet's records from its `BOF` to its `EOF`, as the spreadsheet reader
/// does, measuring the room it would reserve and the table it would build.
fn check_sheet(
    file: &str,
    index: usize,
    records: &[u8],
    limits: &Limits,
) -> Result<(), ImportError> {
    let max = limits.sheet_cells;
    let sheet = format!("sheet {}", index + 1);
    let over = |found: u64, what: String| {
        ImportError::new(
            Location { file: file.to_owned(), sheet: Some(sheet.clone()), ..Location::default() },
            ImportErrorKind::LimitExceeded { limit: Limit::SheetCells, found, max, what },
        )
    };
    let mut span = Span::default();
    let mut cells: u64 = 0;
    let mut depth = 0usize;
    let mut seen_bof = false;
    for record in Records::new(records) {
        if depth > 0 {
            match record.kind {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        let data = record.data;
        match record.kind {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => {
                let declared = declared_cells(data).ok_or_else(|| {
                    unreadable(file, format!("{sheet}'s DIMENSIONS record is inverted"))
                })?;
                if declared > max {
                    return Err(over(declared, "the sheet's declared dimensions".to_owned()));
                }
            }
            MUL_RK if data.len() >= 6 => {
                let row = u16_at(data, 0);
                let (first, last) = (u16_at(data, 2), u16_at(data, data.len() - 2));
                if last < first {
                    return Err(unreadable(file, format!("{sheet} has an inverted MulRk record")));
                }
                span.add((u32::from(row), u32::from(first)));
                span.add((u32::from(row), u32::from(last)));
                cells += u64::from(last - first) + 1;
            }
            kind if CELLS.contains(&kind) && data.len() >= 4 => {
                span.add((u32::from(u16_at(data, 0)), u32::from(u16_at(data, 2))));
                cells += 1;
            }
            _ => {}
        }
        if span.cells() > max || cells > max {
            let what = format!("the sheet's cells ({})", span.reference());
            return Err(over(span.cells().max(cells), what));
        }
    }
    Ok(())
}

/// The cells a `DIMENSIONS` record declares, as the spreadsheet reader computes them
/// (rows and columns past the last used ones; a first column past 255, or past the last,
/// read as 0), or `None` when the last row or column comes before the first.
fn declared_cells(data: &[u8]) -> Option<u64> {
    let (first_row, last_row, first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0)),
            u32::from(u16_at(data, 2)),
            u32::from(u16_at(data, 4)),
            u32::from(u16_at(data, 6)),
        ),
        14 | 16 => (
            u32::from_le_bytes([data[0], data[1], data[2], data[3]]),
            u32::from_le_bytes([data[4], data[5], data[6], data[7]]),
            u32::from(u16_at(data, 8)),
            u32::from(u16_at(data, 10)),
        ),
        // The reader refuses other lengths before reserving anything.
        _ => return Some(0),
    };
    let first_col = if first_col > 0xFF || last_col < first_col { 0 } else { first_col };
    if last_row == 0 || last_col == 0 {
        return Some(1);
    }
    let rows = (last_row - 1).checked_sub(first_row)? + 1;
    let cols = (last_col - 1).checked_sub(first_col)? + 1;
    Some(u64::from(rows) * u64::from(cols))
}

fn u16_at(data: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([data[at], data[at + 1]])
}

fn unreadable(file: &str, detail: String) -> ImportError {
    ImportError::new(
        Location::file(file),
        ImportErrorKind::Unreadable { expected: "an intact xls workbook".to_owned(), detail },
    )
}

/// One BIFF record: its type and data (`Continue` records are skipped, as they extend
/// the record before them).
struct Record<'a> {
    kind: u16,
    data: &'a [u8],
}

/// The records of a BIFF stream, ending at the first one that does not fit.
struct Records<'a> {
    rest: &'a [u8],
}

impl<'a> Records<'a> {
    fn new(stream: &'a [u8]) -> Self {
        Records { rest: stream }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Record<'a>;

    fn next(&mut self) -> Option<Record<'a>> {
        loop {
            if self.rest.len() < 4 {
                return None;
            }
            let kind = u16_at(self.rest, 0);
            let len = usize::from(u16_at(self.rest, 2));
            let data = self.rest.get(4..4 + len)?;
            self.rest = &self.rest[4 + len..];
            if kind != 0x003C {
                return Some(Record { kind, data });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_cells_follow_the_readers_arithmetic() {
        let biff8 = |rf: u32, rl: u32, cf: u16, cl: u16| {
            let mut d = Vec::new();
            d.extend(rf.to_le_bytes());
            d.extend(rl.to_le_bytes());
            d.extend(cf.to_le_bytes());
            d.extend(cl.to_le_bytes());
            d.extend([0, 0]);
            d
        };
        assert_eq!(declared_cells(&biff8(0, 300, 0, 20)), Some(6000));
        assert_eq!(declared_cells(&biff8(0, u32::MAX, 0, 256)), Some(u64::from(u32::MAX) * 256));
        assert_eq!(declared_cells(&biff8(10, 5, 0, 3)), None);
        // A first column past 255 is read as 0.
        assert_eq!(declared_cells(&biff8(0, 2, 300, 4)), Some(8));
        assert_eq!(declared_cells(&biff8(0, 0, 0, 0)), Some(1));
    }

    #[test]
    fn records_skip_continue_and_stop_at_a_short_one() {
        let stream = [0x09, 0x08, 1, 0, 7, 0x3C, 0, 1, 0, 9, 0x0A, 0, 0, 0, 0xFF, 0xFF, 9, 0];
        let kinds: Vec<u16> = Records::new(&stream).map(|r| r.kind).collect();
        assert_eq!(kinds, [BOF, EOF]);
    }
}
