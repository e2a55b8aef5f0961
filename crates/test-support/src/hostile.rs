//! Builders of hostile files, so that tests generate them instead of committing them:
//! a minimal xlsx workbook around a sheet's XML, a zip member that inflates to any
//! size, and an xls workbook from raw BIFF records.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;

/// A workbook of one sheet named `sheet` whose `<sheetData>` is `sheet_data` (cells of
/// numbers or inline strings, e.g. `<row r="1"><c r="A1"><v>1</v></c></row>`).
pub fn xlsx(sheet: &str, sheet_data: &str) -> Vec<u8> {
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let sheet_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    for (name, body) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", workbook.as_str()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet_xml.as_str()),
    ] {
        zip.start_file(name, options).expect("zip member");
        zip.write_all(body.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A zip container (starting like an xlsx workbook) with one member that inflates to
/// `bytes` bytes: a block of `period` pseudo-random letters, repeated. A period of 1
/// deflates about 1,030 times (a few hundred KiB on disk per 256 MiB inflated); a
/// period of 16 KiB about 100 times.
pub fn zip_bomb(bytes: u64, period: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().large_file(bytes >= u64::from(u32::MAX));
    zip.start_file("xl/worksheets/sheet1.xml", options).expect("zip member");
    let mut state: u32 = 0x2545_F491;
    let pattern: Vec<u8> = (0..period.max(1))
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            b'a' + (state % 26) as u8
        })
        .collect();
    let block: Vec<u8> =
        pattern.iter().copied().cycle().take((1 << 20) / pattern.len() * pattern.len()).collect();
    let mut left = bytes;
    while left > 0 {
        let n = left.min(block.len() as u64) as usize;
        zip.write_all(&block[..n]).expect("zip write");
        left -= n as u64;
    }
    zip.finish().expect("zip").into_inner()
}

/// One BIFF8 record: its type and data.
pub fn biff(kind: u16, data: &[u8]) -> Vec<u8> {
    let mut out = kind.to_le_bytes().to_vec();
    out.extend(
        u16::try_from(data.len()).expect("a BIFF record holds at most 65535 bytes").to_le_bytes(),
    );
    out.extend(data);
    out
}

/// An xls workbook of one sheet, "Sheet1", whose records after its BOF are
/// `sheet_records` (an `EOF` record is added): the globals (BOF, BoundSheet8, EOF) are
/// written here, with the sheet's offset.
pub fn xls(sheet_records: &[u8]) -> Vec<u8> {
    // BOF: BIFF8 (0x0600), a workbook globals (0x0005) or worksheet (0x0010) stream.
    let bof = |dt: u16| {
        let mut d = 0x0600u16.to_le_bytes().to_vec();
        d.extend(dt.to_le_bytes());
        d.extend([0u8; 12]);
        biff(0x0809, &d)
    };
    let bound_sheet = |offset: u32| {
        let mut d = offset.to_le_bytes().to_vec();
        d.extend([0, 0]); // visible worksheet
        d.extend([6, 0]); // 6 characters, compressed
        d.extend(b"Sheet1");
        biff(0x0085, &d)
    };
    let globals_len = (bof(5).len() + bound_sheet(0).len() + biff(0x000A, &[]).len()) as u32;
    let mut stream = bof(5);
    stream.extend(bound_sheet(globals_len));
    stream.extend(biff(0x000A, &[]));
    stream.extend(bof(0x10));
    stream.extend(sheet_records);
    stream.extend(biff(0x000A, &[]));
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    file.create_stream("/Workbook").expect("stream").write_all(&stream).expect("write");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}
