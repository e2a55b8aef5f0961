//! A fast path for reading the used columns of a large, plain CSV panel: the body is cut
//! at line ends into chunks, each chunk's lines are counted (in parallel) so that every
//! column is allocated once at its final size, then the chunks are parsed in parallel
//! straight into their rows of the columns. Numbers go through an exact fast float
//! parser that also finds the end of the cell; label cells are numbered in order of
//! first appearance across the whole file.
//!
//! It handles only the plain case: no quote character anywhere in the body, `\r` only
//! as part of `\r\n`, every record with the header's number of fields, every numeric cell
//! a number or a missing-value mark. Anything else makes [`read`] return `None`, and the
//! caller reads the file with the `csv` crate, which gives the same values and names the
//! line and column of any error. Empty lines are skipped, as the `csv` crate does.
//!
//! Limits: fewer than 2³² distinct labels per column (more gives `None`).

use std::collections::HashMap;

use rayon::prelude::*;

/// What a field of a record is read as. A column may be both a number and a label.
#[derive(Clone, Copy, Debug, Default)]
struct Role {
    /// Slot among the numeric columns.
    numeric: Option<usize>,
    /// Slot among the label columns.
    label: Option<usize>,
}

/// The used columns of the body, row by row.
#[derive(Debug, Default)]
pub(crate) struct Columns {
    /// One vector per numeric column (in the order of `numeric`): `NaN` for a missing
    /// mark.
    pub(crate) numbers: Vec<Vec<f64>>,
    /// One vector per label column (in the order of `label`): dense ids numbered in order
    /// of first appearance (missing marks get ids too).
    pub(crate) labels: Vec<Vec<u32>>,
    /// Rows with a missing (or non-finite) number or a missing label.
    pub(crate) missing: Vec<bool>,
}

/// One chunk's rows of the output columns, written by the chunk's parser.
struct Rows<'o> {
    numbers: Vec<&'o mut [f64]>,
    labels: Vec<&'o mut [u32]>,
    missing: &'o mut [bool],
}

/// Per label column, one chunk's distinct cells in order of first appearance.
type ChunkKeys<'a> = Vec<Vec<&'a [u8]>>;

type LabelMap<'a> = HashMap<&'a [u8], u32, crate::gravity::BuildLabelHasher>;

/// Reads the body of a CSV file (the bytes after the header line) with `n_fields` fields
/// per record; `numeric` and `label` are the field indices to read as numbers and labels.
/// `is_missing` says which (trimmed) cells are missing-value marks; it must say no to
/// every plain decimal with at least one digit (such cells are read as numbers, or as
/// labels, without asking it). Returns `None` when the body is not plain (see the module
/// documentation); the caller then reads it the slow way.
pub(crate) fn read(
    body: &[u8],
    n_fields: usize,
    numeric: &[usize],
    label: &[usize],
    is_missing: fn(&[u8]) -> bool,
) -> Option<Columns> {
    if n_fields == 0 {
        return None;
    }
    let mut roles = vec![Role::default(); n_fields];
    for (slot, &index) in numeric.iter().enumerate() {
        roles.get_mut(index)?.numeric = Some(slot);
    }
    for (slot, &index) in label.iter().enumerate() {
        roles.get_mut(index)?.label = Some(slot);
    }
    let shape = Shape { roles: &roles, n_numeric: numeric.len(), n_label: label.len(), is_missing };
    let parts = split(body, rayon::current_num_threads() * 4);
    // Lines per chunk: at least its number of records (empty lines are skipped).
    let lines: Vec<usize> = parts.par_iter().map(|part| survey(part)).collect::<Option<_>>()?;
    let total: usize = lines.iter().sum();
    let mut out = Columns {
        numbers: vec![vec![0.0; total]; shape.n_numeric],
        labels: vec![vec![0; total]; shape.n_label],
        missing: vec![false; total],
    };
    let parsed: Vec<(usize, ChunkKeys<'_>)> = rows_of(&mut out, &lines)
        .into_par_iter()
        .zip(parts)
        .map(|(rows, part)| read_chunk(part, &shape, rows))
        .collect::<Option<_>>()?;
    let (counts, keys): (Vec<usize>, Vec<_>) = parsed.into_iter().unzip();
    renumber(&mut out, &lines, (&counts, &keys))?;
    close_gaps(&mut out, &lines, &counts);
    Some(out)
}

/// The number of line ends of `part` (plus one for a last line without its `\n`), or
/// `None` if it has a quote or a `\r` not followed by `\n` (the `csv` crate ends a record
/// at a lone `\r`; this reader does not).
fn survey(part: &[u8]) -> Option<usize> {
    if memchr::memchr(b'"', part).is_some() {
        return None;
    }
    if memchr::memchr(b'\r', part).is_some()
        && !memchr::memchr_iter(b'\r', part).all(|i| part.get(i + 1) == Some(&b'\n'))
    {
        return None;
    }
    let unended = usize::from(!part.is_empty() && !part.ends_with(b"\n"));
    Some(memchr::memchr_iter(b'\n', part).count() + unended)
}

/// The columns of `out` cut into consecutive pieces of `lengths[c]` rows, one per chunk.
fn rows_of<'o>(out: &'o mut Columns, lengths: &[usize]) -> Vec<Rows<'o>> {
    let mut numbers: Vec<&mut [f64]> = out.numbers.iter_mut().map(Vec::as_mut_slice).collect();
    let mut labels: Vec<&mut [u32]> = out.labels.iter_mut().map(Vec::as_mut_slice).collect();
    let mut missing: &mut [bool] = &mut out.missing;
    let mut pieces = Vec::with_capacity(lengths.len());
    for &n in lengths {
        let (head, tail) = std::mem::take(&mut missing).split_at_mut(n);
        missing = tail;
        let mut piece = Rows { numbers: Vec::new(), labels: Vec::new(), missing: head };
        for column in &mut numbers {
            let (head, tail) = std::mem::take(column).split_at_mut(n);
            *column = tail;
            piece.numbers.push(head);
        }
        for column in &mut labels {
            let (head, tail) = std::mem::take(column).split_at_mut(n);
            *column = tail;
            piece.labels.push(head);
        }
        pieces.push(piece);
    }
    pieces
}

/// `body` cut into about `parts` pieces, each ending just after a `\n` (the last one at
/// the end of `body`).
fn split(body: &[u8], parts: usize) -> Vec<&[u8]> {
    let target = (body.len() / parts.max(1)).max(1 << 16);
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < body.len() {
        let guess = (start + target).min(body.len());
        let end = match memchr::memchr(b'\n', &body[guess..]) {
            Some(offset) if guess < body.len() => guess + offset + 1,
            _ => body.len(),
        };
        pieces.push(&body[start..end]);
        start = end;
    }
    pieces
}

/// What every chunk needs to know about the record layout.
struct Shape<'r> {
    roles: &'r [Role],
    n_numeric: usize,
    n_label: usize,
    is_missing: fn(&[u8]) -> bool,
}

/// Parses one chunk (whole lines) into `rows`; returns the number of records and, per
/// label column, the chunk's distinct cells in order of first appearance (the ids written
/// are numbered within the chunk). `None` at the first record that is not plain.
fn read_chunk<'a>(
    part: &'a [u8],
    shape: &Shape<'_>,
    mut rows: Rows<'_>,
) -> Option<(usize, ChunkKeys<'a>)> {
    let mut interners: Vec<Interner<'a>> =
        (0..shape.n_label).map(|_| Interner::default()).collect();
    let n_fields = shape.roles.len();
    let (mut pos, mut row) = (0, 0);
    while pos < part.len() {
        // An empty line.
        if part[pos] == b'\n' {
            pos += 1;
            continue;
        }
        if part[pos] == b'\r' && part.get(pos + 1) == Some(&b'\n') {
            pos += 2;
            continue;
        }
        let mut missing = false;
        for (field, role) in shape.roles.iter().enumerate() {
            let (end, cell_missing) =
                read_cell(part, pos, *role, row, (&mut rows, &mut interners), shape)?;
            missing |= cell_missing;
            // The cell's terminator: a comma between fields, a line end after the last.
            pos = match (part.get(end), field + 1 == n_fields) {
                (Some(b','), false) => end + 1,
                (None, true) => end,
                (Some(b'\n'), true) => end + 1,
                (Some(b'\r'), true) if part.get(end + 1) == Some(&b'\n') => end + 2,
                _ => return None,
            };
        }
        *rows.missing.get_mut(row)? = missing;
        row += 1;
    }
    Some((row, interners.into_iter().map(|i| i.keys).collect()))
}

/// Reads the cell starting at `start` as `role` says into row `row`; returns where it
/// ends (its terminator, or the end of `part`) and whether it makes the row missing.
/// Plain decimals and small whole-number labels are read in the scan that finds their
/// end; any other cell is cut at the next `,` or `\n`, trimmed, and read in full.
fn read_cell<'a>(
    part: &'a [u8],
    start: usize,
    role: Role,
    row: usize,
    (rows, interners): (&mut Rows<'_>, &mut [Interner<'a>]),
    shape: &Shape<'_>,
) -> Option<(usize, bool)> {
    let ends_cell = |at: usize| part.get(at).is_none_or(|b| matches!(b, b',' | b'\n' | b'\r'));
    match (role.numeric, role.label) {
        (None, None) => {
            let end =
                memchr::memchr2(b',', b'\n', &part[start..]).map_or(part.len(), |o| start + o);
            return Some((end, false));
        }
        (Some(slot), None) => {
            if let Some((value, len)) = decimal_prefix(&part[start..])
                && ends_cell(start + len)
            {
                *rows.numbers[slot].get_mut(row)? = value;
                return Some((start + len, false));
            }
        }
        (None, Some(slot)) => {
            if let Some((value, len)) = small_whole_prefix(&part[start..])
                && ends_cell(start + len)
            {
                let id = interners[slot].id_small(value, &part[start..start + len])?;
                *rows.labels[slot].get_mut(row)? = id;
                return Some((start + len, false));
            }
        }
        (Some(_), Some(_)) => {}
    }
    let end = memchr::memchr2(b',', b'\n', &part[start..]).map_or(part.len(), |o| start + o);
    let cell = part[start..end].trim_ascii();
    let cell_missing = (shape.is_missing)(cell);
    let mut missing = false;
    if let Some(slot) = role.numeric {
        let value = if cell_missing { f64::NAN } else { parse_f64(cell)? };
        missing |= !value.is_finite();
        *rows.numbers[slot].get_mut(row)? = value;
    }
    if let Some(slot) = role.label {
        missing |= cell_missing;
        *rows.labels[slot].get_mut(row)? = interners[slot].id(cell)?;
    }
    Some((end, missing))
}

/// Label cells numbered in order of first appearance: small whole numbers written
/// plainly (`0`, `17`, not `017`) through a table indexed by their value, other cells
/// through a hash map. The two sets of cells are disjoint, so a cell has one id.
#[derive(Default)]
struct Interner<'a> {
    /// Id by value of the plain whole numbers below [`DENSE_LIMIT`] (`u32::MAX`: none yet).
    dense: Vec<u32>,
    /// Id of every other cell.
    map: LabelMap<'a>,
    /// Every distinct cell, in order of first appearance (index = id).
    keys: Vec<&'a [u8]>,
}

/// Plain whole-number labels below this use the table of [`Interner`] (at most 1 MiB per
/// column and chunk).
const DENSE_LIMIT: usize = 1 << 18;

impl<'a> Interner<'a> {
    /// The id of `cell`, a new one if it is new; `None` past `u32::MAX - 1` labels.
    fn id(&mut self, cell: &'a [u8]) -> Option<u32> {
        if let Some(value) = small_whole_number(cell) {
            return self.id_small(value, cell);
        }
        let next = u32::try_from(self.keys.len()).ok().filter(|&n| n < u32::MAX)?;
        let id = *self.map.entry(cell).or_insert(next);
        if id == next {
            self.keys.push(cell);
        }
        Some(id)
    }

    /// The id of `cell`, which is the small whole number `value` (see
    /// [`small_whole_number`]).
    fn id_small(&mut self, value: usize, cell: &'a [u8]) -> Option<u32> {
        if value >= self.dense.len() {
            self.dense.resize(value + 1, u32::MAX);
        }
        let slot = &mut self.dense[value];
        if *slot == u32::MAX {
            *slot = u32::try_from(self.keys.len()).ok().filter(|&n| n < u32::MAX)?;
            self.keys.push(cell);
        }
        Some(*slot)
    }
}

/// The value of `cell` if it is a whole number below [`DENSE_LIMIT`] written without
/// sign or leading zero.
fn small_whole_number(cell: &[u8]) -> Option<usize> {
    if cell.is_empty() || cell.len() > 6 || (cell[0] == b'0' && cell.len() > 1) {
        return None;
    }
    let mut value = 0usize;
    for &b in cell {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + usize::from(b - b'0');
    }
    (value < DENSE_LIMIT).then_some(value)
}

/// The small whole number at the start of `bytes` (see [`small_whole_number`]) and its
/// length, if the digits there (up to the first other byte) form one.
fn small_whole_prefix(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut value = 0usize;
    let mut len = 0;
    for &b in bytes.iter().take(7) {
        if !b.is_ascii_digit() {
            break;
        }
        value = value * 10 + usize::from(b - b'0');
        len += 1;
    }
    let plain = (1..=6).contains(&len) && (bytes[0] != b'0' || len == 1);
    (plain && value < DENSE_LIMIT).then_some((value, len))
}

/// Renumbers each chunk's label ids (its first `counts[c]` of `lengths[c]` rows) into
/// ids numbered in order of first appearance in the whole body; `keys[c]` are chunk
/// `c`'s distinct cells per label column.
fn renumber(
    out: &mut Columns,
    lengths: &[usize],
    (counts, keys): (&[usize], &[ChunkKeys<'_>]),
) -> Option<()> {
    let n_label = out.labels.len();
    let mut global: Vec<Interner<'_>> = (0..n_label).map(|_| Interner::default()).collect();
    // Per chunk and label column: local id -> global id.
    let mut tables: Vec<Vec<Vec<u32>>> = Vec::with_capacity(keys.len());
    for chunk in keys {
        let mut per_column = Vec::with_capacity(n_label);
        for (keys, interner) in chunk.iter().zip(&mut global) {
            per_column
                .push(keys.iter().map(|&key| interner.id(key)).collect::<Option<Vec<u32>>>()?);
        }
        tables.push(per_column);
    }
    drop(global);
    rows_of(out, lengths).into_par_iter().zip(&tables).zip(counts).try_for_each(
        |((rows, tables), &count)| {
            for (ids, table) in rows.labels.into_iter().zip(tables) {
                for id in &mut ids[..count] {
                    *id = *table.get(*id as usize)?;
                }
            }
            Some(())
        },
    )
}

/// Moves the rows of each chunk (`counts[c]` of its `lengths[c]`, fewer where it had
/// empty lines) together and drops the rest.
fn close_gaps(out: &mut Columns, lengths: &[usize], counts: &[usize]) {
    if lengths == counts {
        return;
    }
    fn close<T: Copy>(column: &mut Vec<T>, lengths: &[usize], counts: &[usize]) {
        let (mut from, mut to) = (0, 0);
        for (&length, &count) in lengths.iter().zip(counts) {
            column.copy_within(from..from + count, to);
            from += length;
            to += count;
        }
        column.truncate(to);
    }
    for column in &mut out.numbers {
        close(column, lengths, counts);
    }
    for column in &mut out.labels {
        close(column, lengths, counts);
    }
    close(&mut out.missing, lengths, counts);
}

/// Powers of ten that are exact in `f64` (10²² is the largest).
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `cell` as `f64`, equal bit for bit to `str::parse::<f64>`; `None` where that fails.
///
/// Plain decimals (`[+-]digits[.digits]`) whose digits, read as an integer `m`, satisfy
/// `m ≤ 2⁵³`, with at most 22 digits after the point, are computed as `m / 10^k`: both
/// operands are exact and IEEE division rounds correctly, so the result is the correctly
/// rounded value of the decimal, as the standard parser's. Everything else goes to the
/// standard parser.
pub(crate) fn parse_f64(cell: &[u8]) -> Option<f64> {
    simple_decimal(cell).or_else(|| std::str::from_utf8(cell).ok()?.parse().ok())
}

/// The exact fast path of [`parse_f64`]; `None` for anything it does not cover.
fn simple_decimal(cell: &[u8]) -> Option<f64> {
    decimal_prefix(cell).filter(|&(_, len)| len == cell.len()).map(|(value, _)| value)
}

/// The plain decimal at the start of `bytes` (`[+-]digits[.digits]`, up to the first
/// byte that cannot continue it) and its length in bytes, when the fast path of
/// [`parse_f64`] covers it (at least one digit, at most 19, `m ≤ 2⁵³`, at most 22 after
/// the point); `None` otherwise (also when more digits follow the 19th).
fn decimal_prefix(bytes: &[u8]) -> Option<(f64, usize)> {
    let (negative, skip) = match bytes.first()? {
        b'-' => (true, 1),
        b'+' => (false, 1),
        _ => (false, 0),
    };
    let mut mantissa: u64 = 0;
    let mut n_digits = 0u32;
    let mut fraction_digits = 0usize;
    let mut seen_point = false;
    let mut len = skip;
    for &byte in &bytes[skip..] {
        match byte {
            b'0'..=b'9' => {
                if n_digits == 19 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(byte - b'0');
                n_digits += 1;
                fraction_digits += usize::from(seen_point);
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        len += 1;
    }
    if n_digits == 0 || mantissa > 1 << 53 {
        return None;
    }
    let value = mantissa as f64 / *EXACT_POWERS_OF_TEN.get(fraction_digits)?;
    Some((if negative { -value } else { value }, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(cell: &[u8]) -> bool {
        matches!(cell, b"" | b"NA")
    }

    #[test]
    fn floats_equal_the_standard_parser_bit_for_bit() {
        let tricky = [
            "0",
            "-0",
            "+0",
            "0.0",
            "-0.000",
            "1",
            "-1",
            "+1.5",
            ".5",
            "5.",
            "-.5",
            "0.1",
            "0.2",
            "0.3",
            "2.5",
            "1.0000000000000002",
            "9007199254740992",
            "9007199254740993",
            "9007199254740991.5",
            "123456789012345678",
            "1234567890123456789",
            "12345678901234567890",
            "0.0000000000000000000001",
            "0.00000000000000000000001",
            "1e5",
            "1E-5",
            "-2.5e+10",
            "inf",
            "-inf",
            "NaN",
            "nan",
            "infinity",
            "1.7976931348623157e308",
            "4.9e-324",
            "2.2250738585072014e-308",
            "0.1219222396",
            "0.0103682530",
            "1.2.3",
            ".",
            "-",
            "+",
            "",
            "1_000",
            "0x10",
            " 1",
            "1 ",
            "٣",
            "1,5",
            "--1",
            "00000000000000000001",
            "3.14159265358979323846",
            "7.2057594037927933e16",
            "72057594037927933",
        ];
        for text in tricky {
            let ours = parse_f64(text.as_bytes()).map(f64::to_bits);
            let std = text.parse::<f64>().ok().map(f64::to_bits);
            assert_eq!(ours, std, "{text:?}");
        }
        // Many random plain decimals of every length, against the standard parser.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let digits = (next() % 21) as usize;
            let point = (next() % (digits as u64 + 2)) as usize;
            let mut text = String::new();
            if next() % 2 == 0 {
                text.push('-');
            }
            for i in 0..=digits {
                if i == point {
                    text.push('.');
                }
                text.push(char::from(b'0' + (next() % 10) as u8));
            }
            let ours = parse_f64(text.as_bytes()).map(f64::to_bits);
            assert_eq!(ours, text.parse::<f64>().ok().map(f64::to_bits), "{text:?}");
        }
    }

    #[test]
    fn chunks_give_the_same_columns_and_first_appearance_ids() {
        // Enough rows for several chunks.
        // Labels written as plain small numbers, with leading zeros, large and as text.
        let label = |i: usize| {
            let v = (i * 7919) % 1013;
            match i % 4 {
                0 => format!("{v}"),
                1 => format!("0{v}"),
                2 => format!("{}", v + DENSE_LIMIT - 500),
                _ => format!("c{v}"),
            }
        };
        let mut body = String::new();
        for i in 0..40_000 {
            let y = if i % 97 == 0 { "NA".to_owned() } else { format!("{}.{}", i % 13, i % 7) };
            body.push_str(&format!("{y},skip me, {} \r\n", label(i)));
            if i % 5000 == 0 {
                body.push_str("\r\n");
            }
        }
        let columns = read(body.as_bytes(), 3, &[0], &[2], missing).expect("plain");
        assert_eq!(columns.missing.len(), 40_000);
        let mut seen = HashMap::new();
        for i in 0..40_000usize {
            let next = seen.len() as u32;
            let id = *seen.entry(label(i)).or_insert(next);
            assert_eq!(columns.labels[0][i], id, "row {i}");
            let y = columns.numbers[0][i];
            if i % 97 == 0 {
                assert!(y.is_nan() && columns.missing[i]);
            } else {
                let text = format!("{}.{}", i % 13, i % 7);
                assert_eq!(y.to_bits(), text.parse::<f64>().unwrap().to_bits());
                assert!(!columns.missing[i]);
            }
        }
        assert!(seen.len() > 3000);
    }

    /// The columns of a plain `body` read one line and one field at a time.
    fn reference(body: &str, n_fields: usize, numeric: &[usize], label: &[usize]) -> Columns {
        let mut out = Columns {
            numbers: vec![Vec::new(); numeric.len()],
            labels: vec![Vec::new(); label.len()],
            missing: Vec::new(),
        };
        let mut seen: Vec<HashMap<&str, u32>> = vec![HashMap::new(); label.len()];
        for line in body.split('\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() {
                continue;
            }
            let cells: Vec<&str> = line.split(',').map(str::trim).collect();
            assert_eq!(cells.len(), n_fields);
            let mut row_missing = false;
            for (column, &i) in out.numbers.iter_mut().zip(numeric) {
                let cell = cells[i];
                let value = if missing(cell.as_bytes()) { f64::NAN } else { cell.parse().unwrap() };
                row_missing |= !f64::is_finite(value);
                column.push(value);
            }
            for ((column, seen), &i) in out.labels.iter_mut().zip(&mut seen).zip(label) {
                row_missing |= missing(cells[i].as_bytes());
                let next = seen.len() as u32;
                column.push(*seen.entry(cells[i]).or_insert(next));
            }
            out.missing.push(row_missing);
        }
        out
    }

    #[test]
    fn every_kind_of_cell_reads_as_one_field_at_a_time() {
        // Cells for the fast paths and for the full reading, in every position of the
        // record, a column read both as a number and as a label, empty lines and an
        // unended last line.
        let numbers = [
            "0",
            "-0",
            "+3",
            "12.5",
            ".5",
            "5.",
            " 7",
            "8 ",
            "1e5",
            "-2.5E-3",
            "NA",
            "",
            "nan",
            "12345678901234567890",
            "0.1000000000000000000000001",
            "inf",
            "9007199254740993",
        ];
        let labels =
            ["0", "7", "007", "262143", "262144", "1234567", "x1", " 5", "NA", "-1", "3.0"];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut body = String::new();
        for i in 0..30_000 {
            let both = numbers[next(numbers.len())];
            let row = [
                numbers[next(numbers.len())],
                labels[next(labels.len())],
                "skip me",
                both,
                numbers[next(numbers.len())],
            ];
            body.push_str(&row.join(","));
            body.push_str(if i % 3 == 0 { "\r\n" } else { "\n" });
            if i % 4001 == 0 {
                body.push_str(if i % 2 == 0 { "\n" } else { "\r\n" });
            }
        }
        body.push_str("1,2,3,4,5");
        let (numeric, label) = ([0, 3, 4], [1, 3]);
        let ours = read(body.as_bytes(), 5, &numeric, &label, missing).expect("plain");
        let expected = reference(&body, 5, &numeric, &label);
        assert_eq!(ours.missing, expected.missing);
        assert_eq!(ours.labels, expected.labels);
        for (a, b) in ours.numbers.iter().zip(&expected.numbers) {
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(a), bits(b));
        }
    }

    #[test]
    fn anything_not_plain_is_left_to_the_csv_reader() {
        let cases: [&[u8]; 5] = [
            b"1,\"a\nb\",2\n", // quoted field with a line break
            b"1,2,3\n4,5\n",   // too few fields
            b"1,2,3,4\n",      // too many fields
            b"1,2\r3\n",       // a lone carriage return ends a record for the csv crate
            b"x1,2,3\n",       // not a number
        ];
        for body in cases {
            assert!(
                read(body, 3, &[0], &[1], missing).is_none(),
                "{:?}",
                String::from_utf8_lossy(body)
            );
        }
        let last_line_unended = read(b"1,2,3\n\n4,5,6", 3, &[0], &[1], missing).unwrap();
        let bits: Vec<u64> = last_line_unended.numbers[0].iter().map(|v| v.to_bits()).collect();
        assert_eq!(bits, [1.0f64.to_bits(), 4.0f64.to_bits()]);
    }
}
