//! SDMX-CSV: the OECD International Migration Database's standardised inflows, as
//! exported by the OECD Data Explorer, checked against the cells read here with the csv
//! crate; a small SDMX-CSV 1.0 file written here; malformed copies of the real file.

use domain::dataset::Dataset;
use domain::{Indicator, Iso3, Sex, Year};
use ingest::{Diagnostic, DiagnosticKind, ImportErrorKind, Kind, ReadOptions};

use crate::common::{check_csv_cells, import};

const TEMPORARY: &str = "oecd_imd_2024/standardised_inflows_of_temporary_migrants.csv";
const PERMANENT: &str = "oecd_imd_2024/standardised_inflows_of_permanent-type_migrants.csv";

/// The stored value of an indicator, area and year (both sexes), with its line.
fn stored(dataset: &Dataset, indicator: Indicator, area: &str, year: i64) -> Option<(f64, u32)> {
    let (area, year) = (Iso3::parse(area).unwrap(), Year::new(year).unwrap());
    let found: Vec<_> = dataset
        .values
        .iter()
        .filter(|v| v.indicator == indicator && v.area == area && v.year == year)
        .collect();
    assert!(found.len() <= 1);
    let v = found.first()?;
    assert_eq!(v.sex, Sex::Total);
    assert_eq!(v.provenance.column.as_deref(), Some("OBS_VALUE"));
    Some((v.value, v.provenance.row.unwrap()))
}

/// The file's `OBS_VALUE` (and 1-based line) where the named columns hold the codes,
/// read with the csv crate.
fn cell(bytes: &[u8], key: &[(&str, &str)]) -> (String, u32) {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader.headers().unwrap().clone();
    let index = |name: &str| headers.iter().position(|h| h.trim_start_matches('\u{feff}') == name);
    let value = index("OBS_VALUE").unwrap();
    let key: Vec<(usize, &str)> = key.iter().map(|(n, c)| (index(n).unwrap(), *c)).collect();
    let mut found = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.unwrap();
        if key.iter().all(|(col, code)| &record[*col] == *code) {
            found.push((record[value].to_owned(), u32::try_from(i).unwrap() + 2));
        }
    }
    assert_eq!(found.len(), 1, "{key:?}");
    found.remove(0)
}

fn notes(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| matches!(d.kind, DiagnosticKind::Note { .. }))
        .map(ToString::to_string)
        .collect()
}

#[test]
fn temporary_inflows_equal_the_cells() {
    let Some((dataset, diagnostics, bytes)) = import(TEMPORARY, Kind::SdmxCsv) else { return };
    assert_eq!(dataset.meta.key, "oecd-imd-temporary-inflows");
    assert_eq!(dataset.meta.publisher, "OECD");
    assert_eq!(dataset.meta.title, "Standardised inflows of temporary migrants");
    assert_eq!(dataset.meta.edition, "2024");
    // Seasonal workers admitted by the United States in 2023.
    let (text, line) =
        cell(&bytes, &[("REF_AREA", "USA"), ("MIGRATION_TYPE", "SEAS"), ("TIME_PERIOD", "2023")]);
    let usa = stored(&dataset, Indicator::TEMPORARY_INFLOW_SEASONAL, "USA", 2023).unwrap();
    assert_eq!(usa, (text.parse::<f64>().unwrap(), line));
    assert_eq!(usa, (446_078.0, 1717));
    // 2,232 observations, 98 without a value; 34 countries, six categories.
    assert_eq!(dataset.values.len(), 2232 - 98);
    let notes = notes(&diagnostics);
    assert!(
        notes.iter().any(|n| n.contains("98 observation(s) with an empty OBS_VALUE")),
        "{notes:#?}"
    );
    assert!(!notes.iter().any(|n| n.contains("stored with OBS_STATUS")), "{notes:#?}");
    let areas: std::collections::HashSet<_> = dataset.values.iter().map(|v| v.area).collect();
    assert_eq!(areas.len(), 34);
    check_csv_cells(&bytes, &dataset, 1, 1.0);
}

#[test]
fn permanent_inflows_keep_their_flags() {
    let Some((dataset, diagnostics, bytes)) = import(PERMANENT, Kind::SdmxCsv) else { return };
    assert_eq!(dataset.meta.key, "oecd-imd-permanent-inflows");
    assert_eq!(dataset.meta.title, "Standardised inflows of permanent-type migrants");
    assert_eq!(dataset.meta.edition, "2024");
    let (text, line) =
        cell(&bytes, &[("REF_AREA", "USA"), ("MIGRATION_TYPE", "WO"), ("TIME_PERIOD", "2023")]);
    let usa = stored(&dataset, Indicator::PERMANENT_INFLOW_WORK, "USA", 2023).unwrap();
    assert_eq!(usa, (text.parse::<f64>().unwrap(), line));
    assert_eq!(usa, (78_310.218_18, 607));
    assert_eq!(dataset.values.len(), 1882 - 15);
    check_csv_cells(&bytes, &dataset, 1, 1.0);
    // Germany's free movements in 2024 are estimated (E): stored, and the flag noted at
    // its OBS_STATUS cell.
    let (value, line) =
        stored(&dataset, Indicator::PERMANENT_INFLOW_FREE_MOVEMENT, "DEU", 2024).unwrap();
    assert_eq!((value, line), (273_847.376_9, 321));
    let flagged: Vec<&Diagnostic> =
        diagnostics.iter().filter(|d| d.to_string().contains("stored with OBS_STATUS")).collect();
    assert_eq!(flagged.len(), 29 + 24, "29 estimated, 24 provisional values");
    let deu = flagged.iter().find(|d| d.location.row == Some(321)).unwrap();
    assert_eq!(deu.location.column.as_deref(), Some("OBS_STATUS"));
    assert!(
        deu.to_string().ends_with(
            "permanent_inflow_free_movement DEU 2024 stored with OBS_STATUS E (Estimated value)"
        ),
        "{deu}"
    );
    let notes = notes(&diagnostics);
    assert!(
        notes.iter().any(|n| n.contains("15 observation(s) with an empty OBS_VALUE")),
        "{notes:#?}"
    );
}

/// A small SDMX-CSV 1.0 file: `DATAFLOW` first, no label columns, values in thousands.
fn version_1(dataflow: &str, extra: &str) -> String {
    format!(
        "DATAFLOW,REF_AREA,FREQ,MEASURE,MIGRATION_TYPE,UNIT_MEASURE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT\n\
         {dataflow},USA,A,MIG_FLW,SEAS,PS,2023,446.078,A,3\n\
         {dataflow},CAN,A,MIG_FLW,STU,PS,2022,12.5,P,3\n\
         {dataflow},CAN,A,MIG_FLW,WHM,PS,2022,,A,3\n{extra}"
    )
}

#[test]
fn sdmx_csv_1_0_with_a_unit_multiplier() {
    let text = version_1("OECD.ELS.IMD:DSD_MIG_INT@DF_MIG_INT_TEMP(1.0)", "");
    let limits = ingest::Limits::default();
    assert_eq!(ingest::detect("flows.csv", text.as_bytes(), &limits), Some(Kind::SdmxCsv));
    let (dataset, diagnostics) =
        ingest::read(Kind::SdmxCsv, "flows.csv", text.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(dataset.meta.key, "oecd-imd-temporary-inflows");
    assert_eq!(dataset.meta.title, "Standardised inflows of temporary migrants");
    assert_eq!(dataset.meta.edition, "2023");
    assert_eq!(dataset.values.len(), 2);
    assert_eq!(
        stored(&dataset, Indicator::TEMPORARY_INFLOW_SEASONAL, "USA", 2023),
        Some((446_078.0, 2))
    );
    assert_eq!(
        stored(&dataset, Indicator::TEMPORARY_INFLOW_STUDENTS, "CAN", 2022),
        Some((12_500.0, 3))
    );
    let notes = notes(&diagnostics);
    assert!(
        notes.iter().any(|n| n
            == "flows.csv, row 3, column OBS_STATUS: temporary_inflow_students CAN 2022 \
                stored with OBS_STATUS P (provisional value)"),
        "{notes:#?}"
    );
    assert!(notes.iter().any(|n| n.contains("1 observation(s) with an empty OBS_VALUE")));

    // A dataflow no indicator is mapped to: recognised, and refused naming it.
    let other = version_1("OECD.ELS.IMD:DSD_MIG@DF_MIG_OTHER(2.1)", "");
    assert_eq!(ingest::detect("other.csv", other.as_bytes(), &limits), Some(Kind::SdmxCsv));
    let err = ingest::read(Kind::SdmxCsv, "other.csv", other.as_bytes(), &ReadOptions::default())
        .unwrap_err();
    assert!(
        err.to_string().contains(
            "SDMX-CSV dataflow OECD.ELS.IMD:DSD_MIG@DF_MIG_OTHER(2.1): no Coherence indicator \
             is mapped to it"
        ),
        "{err}"
    );
    // Two dataflows in one file.
    let mixed = version_1(
        "OECD.ELS.IMD:DSD_MIG_INT@DF_MIG_INT_TEMP(1.0)",
        "OECD.ELS.IMD:DSD_MIG_INT@DF_MIG_INT_PER(1.0),USA,A,MIG_FLW,WO,PS,2023,1,A,0\n",
    );
    let err = ingest::read(Kind::SdmxCsv, "mixed.csv", mixed.as_bytes(), &ReadOptions::default())
        .unwrap_err();
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(5), Some("DATAFLOW")));
}

/// Reads a copy of the temporary-inflows file with line `line` (1-based) changed by `f`.
fn malformed(
    bytes: &[u8],
    line: usize,
    f: impl Fn(&str) -> String,
) -> Result<(Dataset, Vec<Diagnostic>), ingest::ImportError> {
    let text = std::str::from_utf8(bytes).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let changed = f(&lines[line - 1]);
    assert_ne!(changed, lines[line - 1]);
    lines[line - 1] = changed;
    let name = "standardised_inflows_of_temporary_migrants.csv";
    ingest::read(Kind::SdmxCsv, name, lines.join("\n").as_bytes(), &ReadOptions::default())
}

#[test]
fn malformed_copies_are_refused_at_the_cell() {
    let Some((_, bytes)) = crate::common::shared(TEMPORARY) else { return };
    let name = "standardised_inflows_of_temporary_migrants.csv";

    let err = malformed(&bytes, 1717, |l| l.replace(",446078,", ",44607x,")).unwrap_err();
    assert!(matches!(&err.kind, ImportErrorKind::BadValue { found, .. } if found == "44607x"));
    assert_eq!(
        (err.location.file.as_str(), err.location.row, err.location.column.as_deref()),
        (name, Some(1717), Some("OBS_VALUE"))
    );

    let err = malformed(&bytes, 1, |l| l.replace(",TIME_PERIOD,", ",PERIOD,")).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!((err.location.file.as_str(), err.location.row), (name, Some(1)));
    assert!(err.to_string().contains("a column TIME_PERIOD"), "{err}");

    let err = malformed(&bytes, 1717, |l| l.replace(",A,Annual,", ",Q,Quarterly,")).unwrap_err();
    assert!(matches!(&err.kind, ImportErrorKind::BadValue { found, .. } if found == "Q"));
    assert_eq!(
        (err.location.file.as_str(), err.location.row, err.location.column.as_deref()),
        (name, Some(1717), Some("FREQ"))
    );
    assert!(err.to_string().contains("annual"), "{err}");
}

#[test]
fn labels_in_the_cells_and_refused_actions() {
    let text = "DATAFLOW,REF_AREA: Reference area,FREQ: Frequency,MEASURE: Measure,\
                MIGRATION_TYPE: Entry category,UNIT_MEASURE: Unit,TIME_PERIOD: Time,OBS_VALUE,\
                OBS_STATUS: Status\n\
                OECD.ELS.IMD:DSD_MIG_INT@DF_MIG_INT_PER(1.0),USA: United States,A: Annual,\
                MIG_FLW: Migration flows,WO: Work,PS: Persons,2023,5,E: Estimated value\n";
    let limits = ingest::Limits::default();
    assert_eq!(ingest::detect("labels.csv", text.as_bytes(), &limits), Some(Kind::SdmxCsv));
    let (dataset, diagnostics) =
        ingest::read(Kind::SdmxCsv, "labels.csv", text.as_bytes(), &ReadOptions::default())
            .unwrap();
    assert_eq!(stored(&dataset, Indicator::PERMANENT_INFLOW_WORK, "USA", 2023), Some((5.0, 2)));
    assert!(
        notes(&diagnostics).iter().any(|n| n.ends_with("OBS_STATUS E (Estimated value)")),
        "{diagnostics:#?}"
    );

    // SDMX-CSV 2.0 with ACTION D (a deletion) is not data.
    let text = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,MIGRATION_TYPE,TIME_PERIOD,OBS_VALUE\n\
                dataflow,OECD.ELS.IMD:DSD_MIG_INT@DF_MIG_INT_PER(1.0),D,USA,WO,2023,5\n";
    let err =
        ingest::read(Kind::SdmxCsv, "d.csv", text.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(2), Some("ACTION")));
}
