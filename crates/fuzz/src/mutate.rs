//! Mutations of bytes and of text: bit flips, inserted, deleted and duplicated ranges,
//! interesting numbers and tokens, line and cell operations, splices with other corpus
//! files, very long runs and broken UTF-8.

use crate::dice::Dice;

/// Most bytes a mutated input may have; longer results are cut.
pub(crate) const MAX_INPUT: usize = 8 << 20;

/// Numbers and words that break parsers: extremes, non-finite values, signs, empty.
pub(crate) const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "0.5",
    "1e308",
    "-1e308",
    "1e309",
    "1e-320",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "255",
    "256",
    "65535",
    "65536",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999999999",
    "1.7976931348623157e308",
    "+3",
    "--1",
    "1_000",
    "0x10",
    "1,5",
    "1.2.3",
    "",
    " ",
    "..",
    "e",
    "9999",
    "-9999",
    "1900",
    "2100",
    "10000",
];

/// Tokens with meaning in CSV, TOML, JSON, formulas or spreadsheets.
const TOKENS: &[&str] = &[
    "\"",
    "\"\"",
    "'",
    "'''",
    "\"\"\"",
    ",",
    ";",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\0",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "#",
    ":",
    ".",
    "\\",
    "\\u",
    "é",
    "🙂",
    "\u{202e}",
    "~",
    "|",
    "^",
    "+",
    "-",
    "*",
    "(",
    ")",
    "log(",
    "exp(",
    "i(",
    "0 +",
    "A1",
    "XFD1048576",
    "ZZZ1",
    "true",
    "false",
    "null",
    "..",
    "nan",
    "\u{a0}",
    "<",
    ">",
    "&amp;",
    "&#0;",
    "]]>",
];

/// The kinds of input a target reads, which decide the mutations that fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Text (CSV, TOML, JSON, formulas): text, line and cell mutations weigh more.
    Text,
    /// Binary (legacy workbooks): byte and integer mutations.
    Binary,
}

/// Applies one to a dozen mutations to `data`. `others` are other corpus inputs for
/// splices and borrowed lines.
pub(crate) fn mutate(dice: &mut Dice, data: &mut Vec<u8>, others: &[&[u8]], shape: Shape) {
    let mut rounds = 1;
    while rounds < 12 && dice.chance(45) {
        rounds += 1;
    }
    for _ in 0..rounds {
        match shape {
            Shape::Text => mutate_text_once(dice, data, others),
            Shape::Binary => mutate_binary_once(dice, data, others),
        }
    }
    data.truncate(MAX_INPUT);
}

fn mutate_text_once(dice: &mut Dice, data: &mut Vec<u8>, others: &[&[u8]]) {
    match dice.below(16) {
        0 => flip_bit(dice, data),
        1 => set_byte(dice, data),
        2 => delete_range(dice, data),
        3 => duplicate_range(dice, data),
        4 | 5 => replace_number(dice, data),
        6 => insert_token(dice, data),
        7 | 8 => line_op(dice, data, others),
        9 | 10 => cell_op(dice, data),
        11 => splice(dice, data, others),
        12 => long_run(dice, data),
        13 => break_utf8(dice, data),
        14 => truncate(dice, data),
        _ => replace_word(dice, data),
    }
}

fn mutate_binary_once(dice: &mut Dice, data: &mut Vec<u8>, others: &[&[u8]]) {
    match dice.below(10) {
        0 | 1 => flip_bit(dice, data),
        2 => set_byte(dice, data),
        3 | 4 => overwrite_integer(dice, data),
        5 => delete_range(dice, data),
        6 => duplicate_range(dice, data),
        7 => splice(dice, data, others),
        8 => truncate(dice, data),
        _ => insert_random(dice, data),
    }
}

fn flip_bit(dice: &mut Dice, data: &mut [u8]) {
    if !data.is_empty() {
        let i = dice.below(data.len());
        data[i] ^= 1 << dice.below(8);
    }
}

fn set_byte(dice: &mut Dice, data: &mut [u8]) {
    if !data.is_empty() {
        let i = dice.below(data.len());
        data[i] = *dice.pick(&[0, 0xff, 0x7f, 0x80, b'\n', b',', b'"', b'0', b'9', b'-', b'.'])
            ^ if dice.chance(20) { dice.bits() as u8 } else { 0 };
    }
}

fn insert_random(dice: &mut Dice, data: &mut Vec<u8>) {
    let at = dice.below(data.len() + 1);
    let n = dice.small_len(64);
    let bytes: Vec<u8> = (0..n).map(|_| dice.bits() as u8).collect();
    data.splice(at..at, bytes);
}

fn delete_range(dice: &mut Dice, data: &mut Vec<u8>) {
    if data.is_empty() {
        return;
    }
    let at = dice.below(data.len());
    let n = dice.small_len(data.len() - at);
    data.drain(at..at + n);
}

fn duplicate_range(dice: &mut Dice, data: &mut Vec<u8>) {
    if data.is_empty() {
        return;
    }
    let from = dice.below(data.len());
    let n = dice.small_len((data.len() - from).min(4096));
    let chunk = data[from..from + n].to_vec();
    let times = if dice.chance(10) { dice.small_len(1000) } else { 1 };
    let at = dice.below(data.len() + 1);
    let repeated: Vec<u8> = chunk.iter().copied().cycle().take(n * times).collect();
    data.splice(at..at, repeated);
}

fn truncate(dice: &mut Dice, data: &mut Vec<u8>) {
    let at = dice.below(data.len() + 1);
    data.truncate(at);
}

/// Writes an interesting integer (little- or big-endian, 1 to 8 bytes) over the data.
fn overwrite_integer(dice: &mut Dice, data: &mut [u8]) {
    const VALUES: &[u64] = &[
        0,
        1,
        0x7f,
        0x80,
        0xff,
        0x100,
        0x7fff,
        0x8000,
        0xffff,
        0x1_0000,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_fffe,
        0xffff_ffff,
        u64::MAX,
        u64::MAX - 1,
        1 << 40,
    ];
    let width = *dice.pick(&[1usize, 2, 4, 8]);
    if data.len() < width {
        return;
    }
    let at = dice.below(data.len() - width + 1);
    let value = *dice.pick(VALUES);
    let bytes = if dice.chance(80) { value.to_le_bytes() } else { value.to_be_bytes() };
    let start = if dice.chance(80) { 0 } else { 8 - width };
    data[at..at + width].copy_from_slice(&bytes[start..start + width]);
}

/// Replaces a run of digits (with its sign, point and exponent) by an interesting number.
fn replace_number(dice: &mut Dice, data: &mut Vec<u8>) {
    let Some((start, end)) = find_run(dice, data, |b| b.is_ascii_digit()) else {
        return insert_token(dice, data);
    };
    let mut start = start;
    let mut end = end;
    while start > 0 && matches!(data[start - 1], b'-' | b'+' | b'.' | b'0'..=b'9') {
        start -= 1;
    }
    while end < data.len() && matches!(data[end], b'.' | b'e' | b'E' | b'-' | b'0'..=b'9') {
        end += 1;
    }
    let number = dice.pick(NUMBERS).as_bytes().to_vec();
    data.splice(start..end, number);
}

/// Replaces a run of letters by a token, a number or another run of letters.
fn replace_word(dice: &mut Dice, data: &mut Vec<u8>) {
    let Some((start, end)) = find_run(dice, data, |b| b.is_ascii_alphabetic() || b == b'_') else {
        return insert_token(dice, data);
    };
    let with: Vec<u8> = match dice.below(4) {
        0 => dice.pick(NUMBERS).as_bytes().to_vec(),
        1 => dice.pick(TOKENS).as_bytes().to_vec(),
        2 => Vec::new(),
        _ => match find_run(dice, data, |b| b.is_ascii_alphabetic() || b == b'_') {
            Some((s, e)) => data[s..e].to_vec(),
            None => Vec::new(),
        },
    };
    data.splice(start..end, with);
}

/// A maximal run of bytes that `class` accepts, found from a random position.
fn find_run(dice: &mut Dice, data: &[u8], class: impl Fn(u8) -> bool) -> Option<(usize, usize)> {
    if data.is_empty() {
        return None;
    }
    let from = dice.below(data.len());
    let start = (from..data.len()).chain(0..from).find(|&i| class(data[i]))?;
    let mut begin = start;
    while begin > 0 && class(data[begin - 1]) {
        begin -= 1;
    }
    let mut end = start;
    while end < data.len() && class(data[end]) {
        end += 1;
    }
    Some((begin, end))
}

fn insert_token(dice: &mut Dice, data: &mut Vec<u8>) {
    let at = dice.below(data.len() + 1);
    let token = if dice.chance(50) { *dice.pick(TOKENS) } else { *dice.pick(NUMBERS) };
    data.splice(at..at, token.bytes());
}

/// Start offsets of the lines of `data`.
fn line_starts(data: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(data.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1));
    starts
}

/// The line around a random position: `(start, end)` with the newline excluded.
fn some_line(dice: &mut Dice, data: &[u8]) -> (usize, usize) {
    let starts = line_starts(data);
    let k = dice.below(starts.len());
    let start = starts[k];
    let end = starts.get(k + 1).map_or(data.len(), |&s| s - 1);
    (start, end.max(start))
}

/// Deletes, duplicates (sometimes a thousand times), swaps or borrows whole lines.
fn line_op(dice: &mut Dice, data: &mut Vec<u8>, others: &[&[u8]]) {
    let (start, end) = some_line(dice, data);
    let mut line = data[start..end].to_vec();
    line.push(b'\n');
    match dice.below(4) {
        0 => {
            let stop = (end + 1).min(data.len());
            data.drain(start..stop);
        }
        1 => {
            let times = if dice.chance(15) { dice.small_len(5000) } else { 1 };
            let len = (line.len() * times).min(MAX_INPUT);
            let repeated: Vec<u8> = line.iter().copied().cycle().take(len).collect();
            data.splice(start..start, repeated);
        }
        2 => {
            let (s2, e2) = some_line(dice, data);
            if e2 <= start {
                let other = data[s2..e2].to_vec();
                data.splice(start..end, other);
                data.splice(s2..e2, line[..line.len() - 1].iter().copied());
            }
        }
        _ => {
            if others.is_empty() {
                return;
            }
            let other = *dice.pick(others);
            let (s, e) = some_line(dice, other);
            let mut borrowed = other[s..e].to_vec();
            borrowed.push(b'\n');
            data.splice(start..start, borrowed);
        }
    }
}

/// Replaces, deletes or duplicates one cell of a line split at commas (or tabs).
fn cell_op(dice: &mut Dice, data: &mut Vec<u8>) {
    let (start, end) = some_line(dice, data);
    let line = &data[start..end];
    let sep = if line.contains(&b'\t') && !line.contains(&b',') { b'\t' } else { b',' };
    let mut cells: Vec<Vec<u8>> = line.split(|b| *b == sep).map(<[u8]>::to_vec).collect();
    let k = dice.below(cells.len());
    match dice.below(5) {
        0 if cells.len() > 1 => {
            cells.remove(k);
        }
        1 => {
            let cell = cells[k].clone();
            cells.insert(k, cell);
        }
        2 => cells[k] = dice.pick(TOKENS).as_bytes().to_vec(),
        3 => {
            let n = cells.len();
            cells.swap(k, dice.below(n));
        }
        _ => cells[k] = dice.pick(NUMBERS).as_bytes().to_vec(),
    }
    let joined = cells.join(&sep);
    data.splice(start..end, joined);
}

/// The start of `data` up to a line, then another input from one of its lines.
fn splice(dice: &mut Dice, data: &mut Vec<u8>, others: &[&[u8]]) {
    if others.is_empty() {
        return;
    }
    let other = *dice.pick(others);
    let cut = *dice.pick(&line_starts(data));
    let from = *dice.pick(&line_starts(other));
    data.truncate(cut);
    let take = (other.len() - from).min(MAX_INPUT.saturating_sub(cut));
    data.extend_from_slice(&other[from..from + take]);
}

/// A very long run of one character: deep nesting, huge numbers, long names.
fn long_run(dice: &mut Dice, data: &mut Vec<u8>) {
    let byte = *dice.pick(b"A9[{(\"-,#\n ");
    let n = *dice.pick(&[100usize, 1000, 10_000, 100_000, 1_000_000]);
    let at = dice.below(data.len() + 1);
    data.splice(at..at, std::iter::repeat_n(byte, n));
}

/// A lone continuation byte, an overlong or truncated sequence, or 0xFF.
fn break_utf8(dice: &mut Dice, data: &mut Vec<u8>) {
    const BAD: [&[u8]; 5] = [&[0x80], &[0xC3], &[0xE2, 0x82], &[0xFF], &[0xC0, 0xAF]];
    let bad = *dice.pick(&BAD);
    let at = dice.below(data.len() + 1);
    data.splice(at..at, bad.iter().copied());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_are_deterministic_and_change_the_input() {
        let seed = b"iso3,year,value\nXAA,2020,1.5\nXAB,2021,2\n".to_vec();
        let other: &[u8] = b"a,b\n1,2\n";
        let run = |case| {
            let mut d = Dice::for_case(9, case);
            let mut data = seed.clone();
            mutate(&mut d, &mut data, &[other], Shape::Text);
            data
        };
        assert_eq!(run(1), run(1));
        let changed = (0..50).filter(|&c| run(c) != seed).count();
        assert!(changed > 40, "only {changed} of 50 cases changed the input");
    }

    #[test]
    fn empty_inputs_survive_every_mutation() {
        for case in 0..500 {
            let mut d = Dice::for_case(1, case);
            let mut data = Vec::new();
            mutate(&mut d, &mut data, &[], Shape::Text);
            let mut d = Dice::for_case(1, case);
            let mut data = Vec::new();
            mutate(&mut d, &mut data, &[], Shape::Binary);
        }
    }
}
