//! Inputs found by `coherence-fuzz` (docs/reliability.md, "Fuzzing") that made the
//! spreadsheet reader panic: each is now an error naming the file. The hostile files are
//! made here from small generated workbooks or from the shared data, never committed.

use std::io::{Cursor, Read, Write};

use ingest::{Kind, Limits, ReadOptions};

/// A small valid xlsx workbook (sheet `Table 1`, a few cells).
fn workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Table 1").unwrap();
    ws.write_string(0, 0, "Region, development group, country or area").unwrap();
    ws.write_number(1, 1, 4.0).unwrap();
    wb.save_to_buffer().unwrap()
}

/// `bytes` with the first sheet's XML passed through `edit`, re-zipped (so the CRC-32s
/// match and the container check passes).
fn with_sheet_xml(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).unwrap();
        let name = member.name().unwrap().into_owned();
        let mut text = Vec::new();
        member.read_to_end(&mut text).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            text = edit(&String::from_utf8(text).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Detecting and reading `bytes` (as a forced layout too) gives errors, never a panic;
/// a read error names the file.
fn refused_without_panic(name: &str, bytes: &[u8], kind: Kind) -> String {
    let _ = ingest::detect(name, bytes, &Limits::default());
    let err = ingest::read(kind, name, bytes, &ReadOptions::default()).unwrap_err().to_string();
    assert!(err.contains(name), "{err}");
    err
}

#[test]
fn a_cell_reference_whose_column_overflows_is_an_error() {
    // Nine letters: 26^9 overflows the reader's u32 column (a panic where overflow is
    // checked, as in tests and debug builds).
    let bytes = with_sheet_xml(&workbook(), |xml| xml.replace("r=\"B2\"", "r=\"ZZZZZZZZZ2\""));
    ingest::check_container("w.xlsx", &bytes, &Limits::default()).unwrap();
    refused_without_panic("w.xlsx", &bytes, Kind::UndesaDestination);
}

#[test]
fn a_declared_dimension_that_ends_before_it_starts_is_an_error() {
    let bytes = with_sheet_xml(&workbook(), |xml| {
        let start = xml.find("<dimension ref=\"").unwrap() + 16;
        let end = start + xml[start..].find('"').unwrap();
        format!("{}C3:A1{}", &xml[..start], &xml[end..])
    });
    ingest::check_container("w.xlsx", &bytes, &Limits::default()).unwrap();
    refused_without_panic("w.xlsx", &bytes, Kind::UndesaDestination);
}

#[test]
fn a_damaged_formula_in_a_legacy_workbook_is_an_error() {
    // Seed 1, case 245 of `coherence-fuzz run import-xls`: one byte of a formula record
    // (a `PtgNameX` token) whose data is shorter than the token says.
    let Some(path) = test_support::shared_data("iab_brain_drain/iabbd_8010_v1_gender.xls") else {
        return;
    };
    let mut bytes = std::fs::read(path).unwrap();
    bytes[408_153] = 0x39;
    ingest::check_container("iabbd_8010_v1_gender.xls", &bytes, &Limits::default()).unwrap();
    let err = refused_without_panic("iabbd_8010_v1_gender.xls", &bytes, Kind::IabBrainDrainGender);
    assert!(err.contains("spreadsheet reader failed"), "{err}");
}

const WDI_XLS: &str = "wdi_remittances/API_BM.TRF.PWKR.CD.DT_2023-05-10.xls";

/// A damaged copy of the WDI workbook: refused by the readers without a panic, and by the
/// container check that `coherence import` runs first, naming the file. Returns the
/// readers' error.
fn wdi_xls_refused(bytes: &[u8]) -> String {
    let err =
        refused_without_panic("API_BM.TRF.PWKR.CD.DT_2023-05-10.xls", bytes, Kind::WdiBulkXls);
    let checked =
        ingest::check_container("w.xls", bytes, &Limits::default()).unwrap_err().to_string();
    assert!(checked.contains("w.xls"), "{checked}");
    err
}

/// The first `NUMBER` record (type 0x0203, 14 bytes) of a legacy workbook: its offset.
fn first_number_record(bytes: &[u8]) -> usize {
    bytes.windows(4).position(|w| w == [0x03, 0x02, 0x0E, 0x00]).unwrap()
}

#[test]
fn a_cell_record_read_as_declared_dimensions_is_refused_before_the_reader_allocates() {
    // Seed 1, case 136 of `coherence-fuzz run import-xls`: one byte turns a NUMBER
    // record into DIMENSIONS, whose "last row" is then before its first; the reader
    // reserved room for 2^51 bytes of cells and the process aborted.
    let Some(path) = test_support::shared_data(WDI_XLS) else { return };
    let mut bytes = std::fs::read(path).unwrap();
    let at = first_number_record(&bytes);
    bytes[at] = 0x00;
    let err = wdi_xls_refused(&bytes);
    assert!(err.contains("beyond the limit sheet-cells"), "{err}");
}

#[test]
fn a_cell_far_out_is_refused_before_the_reader_builds_its_grid() {
    // Seed 1, case 222 (the same class): a cell at row 65,536, column 32,769 made the
    // reader allocate a dense grid of 2^31 cells (64 GiB).
    let Some(path) = test_support::shared_data(WDI_XLS) else { return };
    let mut bytes = std::fs::read(path).unwrap();
    let at = first_number_record(&bytes) + 4;
    bytes[at..at + 4].copy_from_slice(&[0xFF, 0xFF, 0x00, 0x80]);
    let err = wdi_xls_refused(&bytes);
    assert!(err.contains("beyond the limit sheet-cells"), "{err}");
}

#[test]
fn a_sector_chain_that_loops_is_refused() {
    // The directory's sector chain made to point at itself: the reader followed it
    // for ever, growing its buffer until memory ran out.
    let Some(path) = test_support::shared_data(WDI_XLS) else { return };
    let mut bytes = std::fs::read(path).unwrap();
    let u32_at = |b: &[u8], k: usize| u32::from_le_bytes(b[k..k + 4].try_into().unwrap()) as usize;
    let dir_start = u32_at(&bytes, 48);
    // The allocation table's sector holding the directory's entry (from the header's list).
    let fat_sector = u32_at(&bytes, 76 + 4 * (dir_start / 128));
    let entry = 512 + fat_sector * 512 + (dir_start % 128) * 4;
    bytes[entry..entry + 4].copy_from_slice(&(dir_start as u32).to_le_bytes());
    let err = wdi_xls_refused(&bytes);
    assert!(err.contains("loops"), "{err}");
}

/// The built-in SDG 10.7.2 framework's text with one level's points replaced.
fn sdg_with_points(points: &str) -> String {
    let text = ingest::framework::BUILTIN_FRAMEWORKS
        .iter()
        .find(|(id, _, _)| *id == "sdg-10.7.2")
        .map(|(_, _, text)| (*text).to_owned())
        .unwrap();
    assert!(text.contains(r#"points = "1/2""#));
    text.replacen(r#"points = "1/2""#, &format!("points = \"{points}\""), 1)
}

/// Every item of `framework` answered with the level at `level` of its scale.
fn every_item_answered(framework: &assess::Framework, level: usize) -> Vec<assess::score::Answer> {
    framework
        .domains
        .iter()
        .flat_map(|d| d.items.iter().map(move |i| (d, i)))
        .map(|(d, i)| assess::score::Answer {
            item: i.id.clone(),
            answer: framework.item_scale(d, i).levels[level].code.clone(),
        })
        .collect()
}

#[test]
fn points_at_the_edge_of_64_bits_are_read_or_refused_and_scores_that_overflow_are_errors() {
    // Seed 1, cases 122152, 134445, 153182 of `coherence-fuzz run framework`: points of
    // "-9223372036854775808/2" overflowed while reducing the fraction (a panic).
    let text = sdg_with_points("-9223372036854775808/2");
    let framework = ingest::framework::read_framework("sdg.toml", text.as_bytes());
    // i64::MIN / 2 is -2^62 exactly: it is a number; the framework may refuse it as points.
    if let Ok(framework) = framework {
        let _ = assess::score::score(&framework, &every_item_answered(&framework, 1));
    }
    // A fraction whose lowest terms do not fit is not a number.
    let text = sdg_with_points("-9223372036854775808/-1");
    let err = ingest::framework::read_framework("sdg.toml", text.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("sdg.toml"), "{err}");
}

#[test]
fn a_score_too_large_for_exact_fractions_is_an_error() {
    let text = sdg_with_points("9223372036854775807");
    let framework = ingest::framework::read_framework("sdg.toml", text.as_bytes()).unwrap();
    let err = assess::score::score(&framework, &every_item_answered(&framework, 0)).unwrap_err();
    assert!(matches!(err, assess::Error::Overflow { .. }), "{err}");
    assert!(err.to_string().contains("does not fit in 64-bit fractions"), "{err}");
}
