//! A damaged workbook is refused as corrupt, naming the member, before any reader sees
//! it (issue "Hardening", item 2: one flipped bit in UN DESA's 2024 workbook imported
//! and replaced good values).

use std::io::Cursor;

const WORKBOOK: &str = "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx";

/// The largest member of a zip file: its name, and where its compressed data start and
/// how long they are.
fn largest_member(bytes: &[u8]) -> (String, usize, usize) {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut best = (String::new(), 0, 0);
    for i in 0..archive.len() {
        let m = archive.by_index(i).unwrap();
        if m.compressed_size() as usize > best.2 {
            let name = m.name().unwrap().into_owned();
            best = (name, m.data_start().unwrap() as usize, m.compressed_size() as usize);
        }
    }
    best
}

#[test]
fn one_flipped_bit_in_a_sheet_is_reported_as_a_corrupt_member() {
    let Some(path) = test_support::shared_data(WORKBOOK) else { return };
    let bytes = std::fs::read(path).unwrap();
    ingest::check_container("w.xlsx", &bytes, &ingest::Limits::default()).unwrap();
    let (name, start, len) = largest_member(&bytes);
    for at in [start + len / 3, start + len / 2, start + len - 16] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x04;
        let err = ingest::check_container("w.xlsx", &bad, &ingest::Limits::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("w.xlsx") && err.contains(&name) && err.contains("corrupt"), "{err}");
    }
}

#[test]
fn a_file_that_is_not_a_zip_passes_and_a_truncated_one_does_not() {
    assert!(ingest::check_container("a.csv", b"a,b\n1,2\n", &ingest::Limits::default()).is_ok());
    let Some(path) = test_support::shared_data(WORKBOOK) else { return };
    let bytes = std::fs::read(path).unwrap();
    let err =
        ingest::check_container("w.xlsx", &bytes[..bytes.len() / 2], &ingest::Limits::default())
            .unwrap_err();
    assert!(err.to_string().contains("zip directory"), "{err}");
}
