//! A fast path for reading the used columns of a large, plain CSV panel: the body is cut
//! at line ends into chunks parsed in parallel, numbers go through an exact fast float
//! parser, label cells are numbered in order of first appearance across the whole file.
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

/// One chunk's columns, with labels numbered within the chunk.
struct Chunk<'a> {
    columns: Columns,
    /// Per label column, the chunk's distinct cells in order of first appearance.
    keys: Vec<Vec<&'a [u8]>>,
}

type LabelMap<'a> = HashMap<&'a [u8], u32, crate::gravity::BuildLabelHasher>;

/// Reads the body of a CSV file (the bytes after the header line) with `n_fields` fields
/// per record; `numeric` and `label` are the field indices to read as numbers and labels.
/// `is_missing` says which (trimmed) cells are missing-value marks. Returns `None` when the
/// body is not plain (see the module documentation); the caller then reads it the slow way.
pub(crate) fn read(
    body: &[u8],
    n_fields: usize,
    numeric: &[usize],
    label: &[usize],
    is_missing: fn(&[u8]) -> bool,
) -> Option<Columns> {
    if memchr::memchr(b'"', body).is_some() || !carriage_returns_end_lines(body) {
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
    let chunks: Vec<Chunk<'_>> = split(body, rayon::current_num_threads() * 4)
        .into_par_iter()
        .map(|part| read_chunk(part, &shape))
        .collect::<Option<_>>()?;
    merge(chunks, &shape)
}

/// Whether every `\r` of `bytes` is followed by `\n` (the `csv` crate ends a record at a
/// lone `\r`; this reader does not).
fn carriage_returns_end_lines(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\r', bytes).all(|i| bytes.get(i + 1) == Some(&b'\n'))
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

/// Parses one chunk (whole lines); `None` at the first record that is not plain.
fn read_chunk<'a>(part: &'a [u8], shape: &Shape<'_>) -> Option<Chunk<'a>> {
    let rows_guess = part.len() / 24 + 1;
    let mut columns = Columns {
        numbers: vec![Vec::with_capacity(rows_guess); shape.n_numeric],
        labels: vec![Vec::with_capacity(rows_guess); shape.n_label],
        missing: Vec::with_capacity(rows_guess),
    };
    let mut interners: Vec<Interner<'a>> =
        (0..shape.n_label).map(|_| Interner::default()).collect();
    // A last line without its `\n` ends at the end of the chunk.
    let end = (!part.ends_with(b"\n")).then_some(part.len());
    let (mut start, mut field, mut missing) = (0, 0, false);
    for at in memchr::memchr2_iter(b',', b'\n', part).chain(end) {
        let cell = &part[start..at];
        start = at + 1;
        let line_end = part.get(at).is_none_or(|&b| b == b'\n');
        if line_end && field == 0 && matches!(cell, b"" | b"\r") {
            continue; // An empty line.
        }
        let role = *shape.roles.get(field)?;
        field += 1;
        if role.numeric.is_some() || role.label.is_some() {
            let cell = cell.trim_ascii();
            let cell_missing = (shape.is_missing)(cell);
            if let Some(slot) = role.numeric {
                let value = if cell_missing { f64::NAN } else { parse_f64(cell)? };
                missing |= !value.is_finite();
                columns.numbers[slot].push(value);
            }
            if let Some(slot) = role.label {
                missing |= cell_missing;
                columns.labels[slot].push(interners[slot].id(cell)?);
            }
        }
        if line_end {
            if field != shape.roles.len() {
                return None;
            }
            columns.missing.push(missing);
            (field, missing) = (0, false);
        }
    }
    let keys = interners.into_iter().map(|i| i.keys).collect();
    Some(Chunk { columns, keys })
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
        let next = u32::try_from(self.keys.len()).ok().filter(|&n| n < u32::MAX)?;
        if let Some(value) = small_whole_number(cell) {
            if value >= self.dense.len() {
                self.dense.resize(value + 1, u32::MAX);
            }
            let slot = &mut self.dense[value];
            if *slot == u32::MAX {
                *slot = next;
                self.keys.push(cell);
            }
            return Some(*slot);
        }
        let id = *self.map.entry(cell).or_insert(next);
        if id == next {
            self.keys.push(cell);
        }
        Some(id)
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

/// Joins the chunks in order, renumbering each chunk's labels into ids numbered in order
/// of first appearance in the whole body.
fn merge(chunks: Vec<Chunk<'_>>, shape: &Shape<'_>) -> Option<Columns> {
    let mut global: Vec<Interner<'_>> = (0..shape.n_label).map(|_| Interner::default()).collect();
    // Per chunk and label column: local id -> global id.
    let mut renumber: Vec<Vec<Vec<u32>>> = Vec::with_capacity(chunks.len());
    for chunk in &chunks {
        let mut tables = Vec::with_capacity(shape.n_label);
        for (keys, interner) in chunk.keys.iter().zip(&mut global) {
            tables.push(keys.iter().map(|&key| interner.id(key)).collect::<Option<Vec<u32>>>()?);
        }
        renumber.push(tables);
    }
    drop(global);
    let mut parts: Vec<Columns> = chunks.into_iter().map(|c| c.columns).collect();
    parts.par_iter_mut().zip(&renumber).for_each(|(part, tables)| {
        for (ids, table) in part.labels.iter_mut().zip(tables) {
            for id in ids.iter_mut() {
                *id = table[*id as usize];
            }
        }
    });
    let rows: usize = parts.iter().map(|p| p.missing.len()).sum();
    let mut out = Columns {
        numbers: vec![Vec::with_capacity(rows); shape.n_numeric],
        labels: vec![Vec::with_capacity(rows); shape.n_label],
        missing: Vec::with_capacity(rows),
    };
    for part in parts {
        for (all, some) in out.numbers.iter_mut().zip(part.numbers) {
            all.extend_from_slice(&some);
        }
        for (all, some) in out.labels.iter_mut().zip(part.labels) {
            all.extend_from_slice(&some);
        }
        out.missing.extend_from_slice(&part.missing);
    }
    Some(out)
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
    let (negative, digits) = match cell.first()? {
        b'-' => (true, &cell[1..]),
        b'+' => (false, &cell[1..]),
        _ => (false, cell),
    };
    let mut mantissa: u64 = 0;
    let mut n_digits = 0u32;
    let mut fraction_digits = 0usize;
    let mut seen_point = false;
    for &byte in digits {
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
            _ => return None,
        }
    }
    if n_digits == 0 || mantissa > 1 << 53 {
        return None;
    }
    let value = mantissa as f64 / *EXACT_POWERS_OF_TEN.get(fraction_digits)?;
    Some(if negative { -value } else { value })
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
