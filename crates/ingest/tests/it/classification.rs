//! World Bank regions and income groups; ratifications of the migrant workers
//! convention.

use std::collections::HashMap;

use domain::{Indicator, Iso3};
use ingest::classification::{read_icmw_ratifications, read_wb_classification};
use ingest::formats::IncomeGroup;
use ingest::{Kind, ReadOptions};

use crate::common::{Sheets, aggregates, import, shared};

fn iso(code: &'static str) -> Iso3 {
    Iso3::from_static(code)
}

#[test]
fn income_groups_from_class_workbook_and_wdi_metadata() {
    let Some((name, bytes)) = shared("country_codes/WB_CLASS_income_groups_FY2024.xlsx") else {
        return;
    };
    let (rows, diagnostics) =
        read_wb_classification(&name, &bytes, &ReadOptions::default()).unwrap();
    let get = |code| rows.iter().find(|r| r.area == iso(code)).unwrap();
    assert_eq!(get("AFG").income_group, Some(IncomeGroup::Low));
    assert_eq!(get("AFG").region, "South Asia");
    assert_eq!(get("USA").income_group, Some(IncomeGroup::High));
    assert!(rows.len() > 200);
    assert!(aggregates(&diagnostics).iter().any(|a| a.ends_with("(WLD)")));
    // Each row's provenance is its income-group cell.
    let sheets = Sheets::open(&bytes);
    let afg = get("AFG");
    let row = afg.provenance.row.unwrap();
    let col = crate::common::column_index(afg.provenance.column.as_deref().unwrap());
    assert_eq!(sheets.text("List of economies", row - 1, col), "Low income");

    for file in [
        "wdi_gdp_per_capita/Metadata_Country_API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_5728866.csv",
        "wdi_tertiary_enrolment/Metadata_Country_API_SE.TER.ENRR_DS2_en_csv_v2_3403591.csv",
    ] {
        let Some((name, bytes)) = shared(file) else { return };
        let (rows, _) = read_wb_classification(&name, &bytes, &ReadOptions::default()).unwrap();
        let ind = rows.iter().find(|r| r.area == iso("IND")).unwrap();
        assert_eq!(ind.income_group, Some(IncomeGroup::LowerMiddle), "{file}");
        assert_eq!(ind.provenance.column.as_deref(), Some("IncomeGroup"));
    }
    // The sheet of the legacy WDI workbook.
    let Some((name, bytes)) = shared("wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls") else {
        return;
    };
    let (rows, _) = read_wb_classification(&name, &bytes, &ReadOptions::default()).unwrap();
    assert!(
        rows.iter()
            .any(|r| r.area == iso("PHL") && r.income_group == Some(IncomeGroup::LowerMiddle))
    );
}

#[test]
fn icmw_ratifications() {
    let Some((name, bytes)) = shared("un_treaty_ratifications/hr_status_icmw.csv") else { return };
    let (rows, diagnostics) =
        read_icmw_ratifications(&name, &bytes, &ReadOptions::default()).unwrap();
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(rows.len(), 193, "UN member states");
    assert_eq!(rows.iter().filter(|r| r.party).count(), 57);
    assert_eq!(rows.iter().filter(|r| r.signatory).count(), 11);
    let phl = rows.iter().find(|r| r.area == iso("PHL")).unwrap();
    assert!(phl.party && phl.year.is_some());
    let alb = rows.iter().find(|r| r.area == iso("ALB")).unwrap();
    assert_eq!((alb.year.map(|y| y.get()), alb.provenance.row), (Some(2007), Some(3)));
    let nam = rows.iter().find(|r| r.area == iso("NAM"));
    assert!(nam.is_some(), "Namibia's code NA is not a missing value");

    let bad = b"iso2,member,state party,year ratification or accession,signatory\nAL,Albania,yes,2007,0\n";
    let err = read_icmw_ratifications("icmw.csv", bad, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "icmw.csv, row 2, column state party: expected 0 or 1, found \"yes\""
    );
}

/// The stored value of an area's indicator: (value, year, provenance row, column).
fn stored(
    dataset: &domain::dataset::Dataset,
    code: &'static str,
) -> (f64, i64, u32, Option<String>) {
    let v = dataset.values.iter().find(|v| v.area == iso(code)).unwrap();
    (v.value, i64::from(v.year.get()), v.provenance.row.unwrap(), v.provenance.column.clone())
}

/// An income-group label coded as `income_group` stores it (1 low … 4 high).
fn label_code(label: &str) -> f64 {
    match label {
        "Low income" => 1.0,
        "Lower middle income" => 2.0,
        "Upper middle income" => 3.0,
        "High income" => 4.0,
        other => panic!("label {other:?}"),
    }
}

/// CSV lines read independently, one record per line (as `common::check_csv_cells`):
/// per value of column `key`, (1-based line, fields).
fn csv_records(bytes: &[u8], key: &str) -> HashMap<String, (u32, Vec<String>)> {
    let text = std::str::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}');
    let fields = |line: &str| -> Vec<String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        reader.records().next().unwrap().unwrap().iter().map(str::to_owned).collect()
    };
    let lines: Vec<&str> = text.lines().collect();
    let header = fields(lines[0]);
    let k = header.iter().position(|h| h == key).unwrap();
    let mut out = HashMap::new();
    for (i, line) in lines.iter().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()) {
        let f = fields(line);
        out.insert(f[k].clone(), (i as u32 + 1, f));
    }
    out
}

#[test]
fn wb_income_classification_kind() {
    let Some((dataset, diagnostics, bytes)) =
        import("country_codes/WB_CLASS_income_groups_FY2024.xlsx", Kind::WbIncomeClassification)
    else {
        return;
    };
    // The workbook's note: "set on 1 July 2022 remain in effect until 1 July 2023".
    assert_eq!(dataset.meta.edition, "FY2023");
    assert!(dataset.values.iter().all(|v| v.indicator == Indicator::INCOME_GROUP));
    assert!(dataset.values.len() > 200);
    let sheets = Sheets::open(&bytes);
    for code in ["AFG", "IND", "BRA", "USA", "PHL"] {
        let row = sheets.find_row("List of economies", 1, code);
        let (value, year, stored_row, column) = stored(&dataset, code);
        assert_eq!(value, label_code(&sheets.text("List of economies", row, 3)), "{code}");
        assert_eq!((year, stored_row, column.as_deref()), (2023, row + 1, Some("D")), "{code}");
    }
    // Venezuela is unclassified: reported, not stored; aggregates reported.
    assert!(dataset.values.iter().all(|v| v.area != iso("VEN")));
    assert!(diagnostics.iter().any(|d| d.to_string().contains("VEN has no income group")));
    assert!(aggregates(&diagnostics).iter().any(|a| a.ends_with("(WLD)")));
    assert!(diagnostics.iter().any(|d| d.to_string().contains("file name says FY2024")));
}

#[test]
fn icmw_ratifications_kind() {
    let Some((dataset, diagnostics, bytes)) =
        import("un_treaty_ratifications/hr_status_icmw.csv", Kind::IcmwRatifications)
    else {
        return;
    };
    assert_eq!(dataset.values.len(), 193);
    assert!(diagnostics.iter().any(|d| d.to_string().contains("states no date")));
    let records = csv_records(&bytes, "iso2");
    let latest = records.values().filter_map(|(_, f)| f[3].parse::<i64>().ok()).max().unwrap();
    for (iso2, code) in [("AL", "ALB"), ("PH", "PHL"), ("AF", "AFG"), ("DE", "DEU"), ("NA", "NAM")]
    {
        let (line, fields) = &records[iso2];
        let expected = if fields[2] == "1" {
            2.0
        } else if fields[4] == "1" {
            1.0
        } else {
            0.0
        };
        let year = if fields[2] == "1" { fields[3].parse().unwrap() } else { latest };
        let (value, stored_year, row, column) = stored(&dataset, code);
        assert_eq!(
            (value, stored_year, row, column.as_deref()),
            (expected, year, *line, Some("state party")),
            "{iso2}"
        );
    }
}

#[test]
fn wdi_metadata_country_kind() {
    let Some((dataset, diagnostics, bytes)) = import(
        "wdi_tertiary_enrolment/Metadata_Country_API_SE.TER.ENRR_DS2_en_csv_v2_3403591.csv",
        Kind::WdiMetadataCountry,
    ) else {
        return;
    };
    // No date in the file name; the file's notes say "as of FY24".
    assert_eq!(dataset.meta.edition, "FY2024");
    assert!(diagnostics.iter().any(|d| d.to_string().contains("as of FY")));
    assert!(aggregates(&diagnostics).iter().any(|a| a.contains("(AFE)")));
    let records = csv_records(&bytes, "Country Code");
    for code in ["IND", "NGA", "DEU", "CHN", "HTI"] {
        let (line, fields) = &records[code];
        let (value, year, row, column) = stored(&dataset, code);
        assert_eq!(
            (value, year, row, column.as_deref()),
            (label_code(&fields[2]), 2024, *line, Some("IncomeGroup")),
            "{code}"
        );
    }
}

#[test]
fn undesa_classification_annex() {
    let file = "undesa_ims_2020/aggregates_correspondence_table_2020_1.xlsx";
    let Some((dataset, diagnostics, bytes)) = import(file, Kind::UndesaClassificationAnnex) else {
        return;
    };
    assert_eq!(dataset.meta.key, "undesa-classification");
    assert_eq!(dataset.meta.edition, "2020");
    assert_eq!(dataset.meta.licence.as_deref(), Some("CC BY 3.0 IGO"));
    assert!(dataset.meta.title.contains("Classification of countries and areas"));
    assert!(dataset.meta.publisher.contains("Population Division"));
    let aggregates = aggregates(&diagnostics);
    assert!(aggregates.iter().any(|a| a == "WORLD (900)"), "{aggregates:?}");
    assert!(aggregates.iter().any(|a| a == "Least developed countries (941)"));

    // The layout, read independently: 0-based rows and columns of the sheet `Annex`.
    let sheets = Sheets::open(&bytes);
    let header = sheets.find_row("Annex", 4, "ISO3 Alpha-code");
    let column = |text: &str| sheets.find_col("Annex", header, text);
    let ldc_col = column("Least developed countries\n941");
    let lldc_col = column("Land-Locked Developing Countries (LLDC)\n1636");
    let sids_col = column("Small Island Developing States (SIDS)\n1637");
    let high_col = column("High-income Countries\n1503");
    let income_cols: HashMap<u32, f64> = [
        (high_col, 4.0),
        (column("Upper-middle-income Countries\n1502"), 3.0),
        (column("Lower-middle-income Countries\n1501"), 2.0),
        (column("Low-income Countries\n1500"), 1.0),
    ]
    .into();
    let value = |indicator: Indicator, code: &'static str| {
        dataset
            .values
            .iter()
            .find(|v| v.indicator == indicator && v.area == iso(code))
            .unwrap_or_else(|| panic!("no {} for {code}", indicator.code))
    };
    let cell = |p: &domain::Provenance| {
        let col = crate::common::column_index(p.column.as_deref().unwrap());
        (
            p.row.unwrap() - 1,
            col,
            sheets.number("Annex", p.row.unwrap(), p.column.as_deref().unwrap()),
        )
    };
    let nepal = sheets.find_row("Annex", 1, "Nepal");
    for (indicator, col, code) in
        [(Indicator::LDC, ldc_col, 941.0), (Indicator::LLDC, lldc_col, 1636.0)]
    {
        let v = value(indicator, "NPL");
        assert_eq!(v.value, 1.0);
        assert_eq!(v.year.get(), 2020);
        assert_eq!(cell(&v.provenance), (nepal, col, Some(code)));
    }
    let fiji = sheets.find_row("Annex", 1, "Fiji");
    let v = value(Indicator::SIDS, "FJI");
    assert_eq!(v.value, 1.0);
    assert_eq!(cell(&v.provenance), (fiji, sids_col, Some(1637.0)));
    let v = value(Indicator::LDC, "FJI");
    assert_eq!(v.value, 0.0);
    assert_eq!(cell(&v.provenance), (fiji, ldc_col, None));
    // Income groups are coded as the World Bank's own classification is.
    let germany = sheets.find_row("Annex", 1, "Germany");
    let v = value(Indicator::INCOME_GROUP, "DEU");
    assert_eq!(v.value, ingest::classification::income_code(IncomeGroup::High));
    assert_eq!(cell(&v.provenance), (germany, high_col, Some(1503.0)));
    assert_eq!(value(Indicator::DEVELOPMENT_GROUP, "DEU").value, 901.0);
    assert_eq!(value(Indicator::SDG_REGION, "DEU").value, 1829.0);
    assert_eq!(value(Indicator::GEO_REGION, "DEU").value, 908.0);
    assert_eq!(value(Indicator::GEO_SUBREGION, "DEU").value, 926.0);
    assert_eq!(value(Indicator::SDG_REGION, "NPL").value, 921.0);

    // Every stored value against its cell: flags are 1 where the cell holds the group's
    // code and 0 where it is empty; income groups are coded 1–4; the rest are the codes.
    for v in &dataset.values {
        let (row, col, number) = cell(&v.provenance);
        assert_eq!(sheets.text("Annex", row, 4), v.area.as_str(), "{}", v.provenance);
        let expected = match v.indicator {
            i if [Indicator::LDC, Indicator::LLDC, Indicator::SIDS].contains(&i) => {
                if number.is_some() { 1.0 } else { 0.0 }
            }
            Indicator::INCOME_GROUP => {
                assert!(number.is_some(), "{}", v.provenance);
                income_cols[&col]
            }
            _ => number.unwrap_or_else(|| panic!("{}: empty cell", v.provenance)),
        };
        assert_eq!(v.value, expected, "{} {}", v.indicator.code, v.provenance);
    }
    let countries = dataset.values.iter().filter(|v| v.indicator == Indicator::LDC).count();
    assert!(countries > 230, "{countries}");
}
