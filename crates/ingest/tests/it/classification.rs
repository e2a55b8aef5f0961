//! World Bank regions and income groups; ratifications of the migrant workers
//! convention.

use domain::Iso3;
use ingest::ReadOptions;
use ingest::classification::{read_icmw_ratifications, read_wb_classification};
use ingest::formats::IncomeGroup;

use crate::common::{Sheets, aggregates, shared};

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
