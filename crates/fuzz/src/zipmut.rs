//! Mutations of xlsx workbooks that reach the sheet reader: one member is inflated, its
//! XML mutated (cell references, the declared dimension, shared-string indices, cell
//! types and values, whole rows, sheet names, or any text mutation) and the workbook
//! re-zipped with correct CRC-32s; and mutations of the container itself (members
//! dropped or duplicated, headers overwritten).

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

use crate::dice::Dice;
use crate::mutate::{self, NUMBERS, Shape};

/// Cell references from the first cell to past the last one a sheet may have.
const REFS: &[&str] = &[
    "A1",
    "A0",
    "A",
    "1",
    "",
    "XFD1048576",
    "XFE1",
    "A1048577",
    "CV1000000",
    "ZZZZZZ1",
    "A4294967296",
    "A99999999999999999999",
    "B2",
    "IV65536",
    "a1",
    "$A$1",
    "A1:XFD1048576",
    "XFD1048576:A1",
    "A1:B2:C3",
    "\u{e9}1",
];

/// Cell types of the `t` attribute, valid and not.
const TYPES: &[&str] = &["s", "n", "str", "b", "e", "inlineStr", "d", "x", ""];

/// Mutates the xlsx workbook `data`: mostly inside a member (re-zipped so the CRCs
/// match), sometimes the container's members, sometimes its raw bytes.
pub(crate) fn mutate_workbook(dice: &mut Dice, data: &mut Vec<u8>, others: &[&[u8]]) {
    let roll = dice.below(100);
    let done = if roll < 75 {
        rezip(dice, data, Edit::Member, others)
    } else if roll < 85 {
        rezip(dice, data, Edit::Container, others)
    } else {
        false
    };
    if !done {
        mutate::mutate(dice, data, others, Shape::Binary);
    }
}

/// What a re-zip changes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edit {
    /// The inflated XML of one member.
    Member,
    /// One member is dropped, duplicated under another name, or given another's bytes.
    Container,
}

/// Writes a new workbook from `data`'s members: the chosen one changed (stored or
/// deflated at random), the others copied as they were. `false` if `data` is not a
/// readable zip.
fn rezip(dice: &mut Dice, data: &mut Vec<u8>, edit: Edit, others: &[&[u8]]) -> bool {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(data.as_slice())) else {
        return false;
    };
    let n = archive.len();
    if n == 0 {
        return false;
    }
    let names: Vec<String> = (0..n)
        .map(|i| archive.name_for_index(i).and_then(Result::ok).map(|c| c.into_owned()))
        .collect::<Option<_>>()
        .unwrap_or_default();
    if names.len() != n {
        return false;
    }
    let interesting: Vec<usize> = (0..n)
        .filter(|&i| {
            let m = &names[i];
            m.contains("worksheets/") || m.contains("sharedStrings") || m.contains("workbook.xml")
        })
        .collect();
    let k = if !interesting.is_empty() && dice.chance(85) {
        *dice.pick(&interesting)
    } else {
        dice.below(n)
    };
    let method = if dice.chance(50) {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let options = SimpleFileOptions::default().compression_method(method);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let action = dice.below(3);
    for (i, name) in names.iter().enumerate() {
        let written = if i != k {
            archive.by_index_raw(i).and_then(|f| writer.raw_copy_file(f)).is_ok()
        } else if edit == Edit::Container && action == 0 {
            true // dropped
        } else if edit == Edit::Container && action == 1 {
            archive.by_index_raw(i).and_then(|f| writer.raw_copy_file(f)).is_ok()
                && archive
                    .by_index_raw(i)
                    .and_then(|f| writer.raw_copy_file_rename(f, format!("{name}x")))
                    .is_ok()
        } else {
            let source = if edit == Edit::Container { dice.below(n) } else { i };
            let mut xml = Vec::new();
            if archive.by_index(source).and_then(|mut f| Ok(f.read_to_end(&mut xml)?)).is_err() {
                return false;
            }
            if edit == Edit::Member {
                mutate_xml(dice, &mut xml, others);
            }
            writer.start_file(name.as_str(), options).is_ok() && writer.write_all(&xml).is_ok()
        };
        if !written {
            return false;
        }
    }
    match writer.finish() {
        Ok(cursor) => {
            *data = cursor.into_inner();
            true
        }
        Err(_) => false,
    }
}

/// Mutates the XML of one member: cell references, the declared dimension, cell types,
/// values, sheet names, whole rows, or any text mutation.
fn mutate_xml(dice: &mut Dice, xml: &mut Vec<u8>, others: &[&[u8]]) {
    let rounds = 1 + usize::from(dice.chance(30)) + usize::from(dice.chance(10));
    for _ in 0..rounds {
        match dice.below(8) {
            0 | 1 => replace_attribute(dice, xml, b" r=\"", REFS),
            2 => replace_attribute(dice, xml, b"<dimension ref=\"", REFS),
            3 => replace_attribute(dice, xml, b" t=\"", TYPES),
            4 => replace_element(dice, xml, b"<v>", b"</v>"),
            5 => replace_attribute(dice, xml, b" name=\"", &["", "Table 1", "Data", "\u{0}", "A"]),
            6 => row_op(dice, xml),
            _ => mutate::mutate(dice, xml, others, Shape::Text),
        }
    }
}

/// Offsets where `needle` occurs, at most the first 100,000.
fn occurrences(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() && out.len() < 100_000 {
        if hay[i..].starts_with(needle) {
            out.push(i);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Replaces the value of one attribute starting with `prefix` (`... ref="` up to the
/// closing quote) by one of `values`, or by a random cell reference.
fn replace_attribute(dice: &mut Dice, xml: &mut Vec<u8>, prefix: &[u8], values: &[&str]) {
    let at = occurrences(xml, prefix);
    if at.is_empty() {
        return;
    }
    let start = *dice.pick(&at) + prefix.len();
    let Some(len) = xml[start..].iter().position(|b| *b == b'"') else { return };
    let value = if prefix == b" r=\"" && dice.chance(30) {
        random_ref(dice)
    } else {
        (*dice.pick(values)).to_owned()
    };
    xml.splice(start..start + len, value.into_bytes());
}

/// A cell reference with a random column (1 to 4 letters) and row.
fn random_ref(dice: &mut Dice) -> String {
    let letters = 1 + dice.below(4);
    let col: String = (0..letters).map(|_| char::from(b'A' + dice.below(26) as u8)).collect();
    let row = match dice.below(3) {
        0 => dice.below(100),
        1 => dice.below(1_100_000),
        _ => dice.bits() as usize,
    };
    format!("{col}{row}")
}

/// Replaces the text between an `open` and the next `close` tag by an interesting
/// number (or a shared-string index far out of range).
fn replace_element(dice: &mut Dice, xml: &mut Vec<u8>, open: &[u8], close: &[u8]) {
    let at = occurrences(xml, open);
    if at.is_empty() {
        return;
    }
    let start = *dice.pick(&at) + open.len();
    let Some(len) = xml[start..].windows(close.len()).position(|w| w == close) else { return };
    xml.splice(start..start + len, dice.pick(NUMBERS).bytes());
}

/// Deletes or duplicates one `<row ...>...</row>` element.
fn row_op(dice: &mut Dice, xml: &mut Vec<u8>) {
    let at = occurrences(xml, b"<row ");
    if at.is_empty() {
        return;
    }
    let start = *dice.pick(&at);
    let Some(len) = xml[start..].windows(6).position(|w| w == b"</row>") else { return };
    let end = start + len + 6;
    if dice.chance(50) {
        xml.drain(start..end);
    } else {
        let row = xml[start..end].to_vec();
        xml.splice(end..end, row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &[u8] = b"<worksheet><dimension ref=\"A1:B2\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"B2\"><v>2.5</v></c></row></sheetData></worksheet>";

    fn workbook() -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default();
        w.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        w.write_all(SHEET).unwrap();
        w.start_file("xl/sharedStrings.xml", options).unwrap();
        w.write_all(b"<sst><si><t>Country</t></si></sst>").unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn rezipped_workbooks_pass_the_crc_check_and_differ() {
        let original = workbook();
        let mut changed = 0;
        for case in 0..200 {
            let mut d = Dice::for_case(5, case);
            let mut data = original.clone();
            assert!(rezip(&mut d, &mut data, Edit::Member, &[]));
            ingest::check_container("t.xlsx", &data, &ingest::Limits::default())
                .expect("a re-zipped workbook is intact");
            let mut archive = zip::ZipArchive::new(Cursor::new(data.as_slice())).unwrap();
            let mut sheet = Vec::new();
            archive.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_end(&mut sheet).unwrap();
            changed += usize::from(!SHEET.starts_with(&sheet) || sheet.len() != SHEET.len());
        }
        assert!(changed > 50, "{changed}");
    }
}
