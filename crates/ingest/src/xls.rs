//! Legacy xls workbooks checked before the spreadsheet reader opens them.
//!
//! An xls file is a compound file (sectors chained through a table) holding a BIFF
//! stream of records. The spreadsheet reader (calamine) builds every sheet when it opens
//! the file: it reserves room for the cells a sheet's `DIMENSIONS` record declares and
//! then a dense grid spanning the sheet's cells, and it follows sector chains until they
//! end. One damaged byte (a cell record read as `DIMENSIONS`, a sector chain that loops)
//! made it ask for terabytes and abort the process (found by `coherence-fuzz`; a 3 KB
//! file declaring 2^32 rows asked for 128 GiB). This module walks the file as that
//! reader does, without building anything, and refuses it before the reader sees it
//! when the walk would not end or the sheets, which the reader holds all at once, would
//! together need more than [`Limits::sheet_cells`] cells. The largest xls of the shared
//! data spans 110,443 (IAB's 200 destination sheets).

use crate::error::{ImportError, ImportErrorKind, Location};
use crate::limits::{Limit, Limits};

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;

/// Checks a legacy xls file (one starting with the compound-file signature); other
/// files pass.
///
/// # Errors
/// [`ImportErrorKind::Unreadable`] naming the file, for a compound file whose sector
/// chains loop or point outside the file; [`ImportErrorKind::LimitExceeded`] for sheets
/// spanning more than [`Limits::sheet_cells`] cells together.
pub(crate) fn check(file: &str, bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    if !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(());
    }
    let refuse = |detail: String| {
        ImportError::new(
            Location::file(file),
            ImportErrorKind::Unreadable {
                expected: "an intact legacy workbook (xls)".to_owned(),
                detail,
            },
        )
    };
    let stream =
        workbook_stream(bytes).map_err(|e| refuse(format!("damaged compound file: {e}")))?;
    let cells = sheet_cells(&stream);
    if cells > limits.sheet_cells {
        return Err(ImportError::new(
            Location::file(file),
            ImportErrorKind::LimitExceeded {
                limit: Limit::SheetCells,
                found: cells,
                max: limits.sheet_cells,
                what: "the sheets of the xls workbook, read together".to_owned(),
            },
        ));
    }
    Ok(())
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// Sectors of the compound file, numbered from the end of the header.
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
    /// The highest sector id the reader accepts (file length / sector size).
    max_id: usize,
}

impl<'a> Sectors<'a> {
    /// Sector `id`: cut short at the end of the file, as the reader reads it.
    fn get(&self, id: u32) -> Result<&'a [u8], String> {
        let id = id as usize;
        let start =
            id.checked_mul(self.size).filter(|s| id <= self.max_id && *s <= self.data.len());
        let start = start.ok_or_else(|| format!("sector {id} is outside the file"))?;
        Ok(&self.data[start..(start + self.size).min(self.data.len())])
    }

    /// The chain from `first`, up to `len` bytes. A chain longer than the file has
    /// sectors loops: refused.
    fn chain(&self, first: u32, table: &[u32], len: usize) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut id = first;
        let mut steps = 0usize;
        while id != ENDOFCHAIN {
            steps += 1;
            if steps > self.max_id + 1 {
                return Err("a sector chain loops".to_owned());
            }
            let sector = self.get(id)?;
            out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            id = *table.get(id as usize).ok_or_else(|| format!("sector {id} has no entry"))?;
        }
        Ok(out)
    }
}

/// The `Workbook` (or `Book`) stream, assembled as the reader assembles it.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let header = bytes.get(..512).ok_or("shorter than its header")?;
    let (size, header_len) = match u16_at(header, 30) {
        Some(0x0009) => (512, 512),
        Some(0x000C) => (4096, 4096),
        _ => return Err("unknown sector size".to_owned()),
    };
    let large = size == 4096;
    let sectors = Sectors {
        data: bytes.get(header_len..).ok_or("shorter than its header")?,
        size,
        max_id: bytes.len() / size,
    };
    let at = |k| u32_at(header, k).unwrap_or(ENDOFCHAIN);
    // The sectors of the allocation table: listed in the header, then in a chain.
    let mut difat: Vec<u32> = u32s(&header[76..512]).collect();
    let mut id = at(68);
    let mut steps = 0;
    while id < RESERVED {
        steps += 1;
        if steps > sectors.max_id + 1 {
            return Err("the table of table sectors loops".to_owned());
        }
        difat.extend(u32s(sectors.get(id)?));
        id = difat.pop().ok_or("an empty table of table sectors")?;
    }
    let fat_ids: Vec<u32> = difat.into_iter().filter(|id| *id < DIFSECT).collect();
    if fat_ids.len() > sectors.max_id + 1 {
        return Err("more table sectors than the file has sectors".to_owned());
    }
    let mut fat = Vec::new();
    for id in fat_ids {
        fat.extend(u32s(sectors.get(id)?));
    }
    let dirs = sectors.chain(at(48), &fat, usize::MAX)?;
    let entries: Vec<(String, u32, usize)> =
        dirs.chunks_exact(128).map(|e| directory_entry(e, large)).collect();
    let version = u16_at(header, 26).unwrap_or(0);
    let Some(root) = entries.first() else { return Err("no directory".to_owned()) };
    if version != 3 && root.1 == ENDOFCHAIN {
        return Err("an empty root directory".to_owned());
    }
    let entry = |name: &str| entries.iter().find(|e| e.0.eq_ignore_ascii_case(name));
    let (_, start, len) =
        entry("Workbook").or_else(|| entry("Book")).ok_or("no Workbook stream")?;
    if *len >= 4096 {
        return sectors.chain(*start, &fat, *len);
    }
    let mini_fat_len = u32_at(header, 64).unwrap_or(0) as usize;
    if mini_fat_len == 0 {
        return Err("a small Workbook stream without a mini stream".to_owned());
    }
    let mini_stream = sectors.chain(root.1, &fat, root.2)?;
    let mini_fat: Vec<u32> =
        u32s(&sectors.chain(at(60), &fat, mini_fat_len.saturating_mul(size))?).collect();
    let minis = Sectors { data: &mini_stream, size: 64, max_id: mini_stream.len() / 64 };
    minis.chain(*start, &mini_fat, *len)
}

/// A directory entry: its name (UTF-16, up to the first NUL), first sector and length.
fn directory_entry(e: &[u8], large: bool) -> (String, u32, usize) {
    let units: Vec<u16> =
        e[..64].chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    let mut name = String::from_utf16_lossy(&units);
    if let Some(nul) = name.find('\0') {
        name.truncate(nul);
    }
    let start = u32_at(e, 116).unwrap_or(ENDOFCHAIN);
    let len = if large {
        u64::from_le_bytes(e[120..128].try_into().unwrap_or([0; 8]))
    } else {
        u64::from(u32_at(e, 120).unwrap_or(0))
    };
    (name, start, usize::try_from(len).unwrap_or(usize::MAX))
}

/// BIFF records from the start of `stream`, as the reader splits them (a `CONTINUE`
/// record's data joins the record before it); they end where a record is cut short.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        while rest.len() > 4 && u16_at(rest, 0) == Some(0x003C) {
            let len = usize::from(u16_at(rest, 2)?);
            rest = rest.get(4 + len..)?;
        }
        Some((typ, data))
    })
}

/// The cells the reader would hold for all sheets: per sheet, the largest of the cells
/// its `DIMENSIONS` records declare (as the reader computes them, wrapping), the
/// rectangle spanned by its cell records, and the number of those records (a cell
/// repeated is held each time).
fn sheet_cells(stream: &[u8]) -> u64 {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            0x0085 => sheets.extend(u32_at(data, 0).map(|p| p as usize)),
            0x000A => break,
            _ => {}
        }
    }
    let mut total: u64 = 0;
    for pos in sheets {
        let Some(sheet) = stream.get(pos..) else { continue };
        total = total.saturating_add(one_sheet(sheet));
    }
    total
}

/// The cells the reader would reserve and hold for the sheet whose records start `sheet`.
fn one_sheet(sheet: &[u8]) -> u64 {
    let mut declared: u64 = 0;
    let mut records_seen: u64 = 0;
    let (mut r0, mut r1, mut c0, mut c1) = (u16::MAX, 0u16, u16::MAX, 0u16);
    let mut any = false;
    let mut depth = 0usize;
    let mut seen_bof = false;
    for (typ, data) in records(sheet) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let mut cell = |row: u16, col: u16| {
            any = true;
            (r0, r1, c0, c1) = (r0.min(row), r1.max(row), c0.min(col), c1.max(col));
        };
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => declared = declared.max(dimensions(data)),
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    cell(row, col);
                    records_seen += 1;
                }
            }
            0x00BD => {
                if let (Some(row), Some(first), Some(last)) =
                    (u16_at(data, 0), u16_at(data, 2), u16_at(data, data.len().saturating_sub(2)))
                {
                    cell(row, first);
                    cell(row, last);
                    records_seen += u64::from(last.saturating_sub(first)) + 1;
                }
            }
            _ => {}
        }
    }
    let spanned = if any { (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1) } else { 0 };
    declared.max(spanned).max(records_seen)
}

/// The cells a `DIMENSIONS` record makes the reader reserve (its arithmetic: rows and
/// columns as 32-bit differences that wrap when the end is before the start).
fn dimensions(data: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).unwrap_or(0)),
            u32::from(u16_at(data, 2).unwrap_or(0)),
            u32::from(u16_at(data, 4).unwrap_or(0)),
            u32::from(u16_at(data, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(data, 0).unwrap_or(0),
            u32_at(data, 4).unwrap_or(0),
            u32::from(u16_at(data, 8).unwrap_or(0)),
            u32::from(u16_at(data, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let (start, end) =
        if rl >= 1 && cl >= 1 { ((rf, cf), (rl - 1, cl - 1)) } else { ((rf, cf), (rf, cf)) };
    let rows = u64::from(end.0.wrapping_sub(start.0).wrapping_add(1));
    let cols = u64::from(end.1.wrapping_sub(start.1).wrapping_add(1));
    rows.saturating_mul(cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_follow_the_readers_arithmetic() {
        let mut d = [0u8; 14];
        d[4..8].copy_from_slice(&10u32.to_le_bytes()); // rows 0..10
        d[10..12].copy_from_slice(&3u16.to_le_bytes()); // columns 0..3
        assert_eq!(dimensions(&d), 30);
        // The first row after the last: the reader's 32-bit difference wraps.
        d[0..4].copy_from_slice(&20u32.to_le_bytes());
        assert_eq!(dimensions(&d), u64::from(u32::MAX - 10 + 1) * 3);
    }

    #[test]
    fn other_files_pass() {
        assert!(check("a.csv", b"a,b\n", &Limits::default()).is_ok());
    }
}
