//! Acceptance tests of profiles on the real public datasets of the shared data folder
//! (reached only through `test_support::shared_data`; skipped visibly when it is absent).
//!
//! * SDG 17.3.2 recomputed from the imported WDI remittances (BX.TRF.PWKR.CD.DT) and
//!   GDP (NY.GDP.MKTP.CD) against WDI's own series BX.TRF.PWKR.DT.GD.ZS, read here
//!   directly from its workbook.
//! * Profiles of the Philippines, Mexico, India, Nepal, Germany and the United States
//!   spot-checked against source cells located independently (calamine and csv, by
//!   country code and year, not by the importers' provenance).
//!
//! The results are recorded in `docs/validation.md`.

#![allow(
    clippy::print_stdout,
    reason = "the validation figures are printed for docs/validation.md"
)]
#![allow(
    clippy::float_cmp,
    reason = "values copied from a cell must equal the cell exactly; computed ones use assert_close"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use analysis::profile::CountryProfile;
use analysis::{UnknownAreas, Workspace};
use calamine::{Data, Range, Reader};

/// The files imported into the shared test store.
const FILES: &[&str] = &[
    "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
    "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_origin.xlsx",
    "undesa_ims_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv",
    "wdi_gdp/wb_NY.GDP.MKTP.CD_gdp_current_usd.csv",
    "wdi_population/wb_SP.POP.TOTL_population.csv",
    "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
    "wdi_remittances/API_BM.TRF.PWKR.CD.DT_2023-05-10.xls",
    "wdi_remittances/API_SI.RMT.COST.IB.ZS_2023-05-10.xls",
    "wdi_net_migration/API_SM.POP.NETM_DS2_en_csv_v2_3401672.csv",
    "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
    "wb_bilateral_remittance_2018/Bilateralremittancematrix2018Oct2019.csv",
];

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// A store with every file of [`FILES`] imported, built once for all tests.
fn store() -> Option<&'static Path> {
    static STORE: OnceLock<Option<(tempfile::TempDir, PathBuf)>> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let paths: Vec<PathBuf> =
                FILES.iter().map(|f| test_support::shared_data(f)).collect::<Option<_>>()?;
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("real.sqlite");
            let inputs: Vec<analysis::Input> = paths
                .iter()
                .map(|p| analysis::Input::new(p.display().to_string(), std::fs::read(p).unwrap()))
                .collect();
            let read = analysis::read_files(
                &inputs,
                None,
                UnknownAreas::Reject,
                &analysis::Limits::default(),
            )
            .unwrap();
            runtime().block_on(async {
                let ws = Workspace::open(&db).await.unwrap();
                for file in &read {
                    ws.load(file.dataset(), &mut |_, _| {}).await.unwrap();
                }
            });
            Some((dir, db))
        })
        .as_ref()
        .map(|(_, db)| db.as_path())
}

fn profiles(queries: &[&str]) -> Option<Vec<CountryProfile>> {
    let db = store()?;
    Some(runtime().block_on(async {
        let ws = Workspace::open(db).await.unwrap();
        ws.profiles(queries).await.unwrap()
    }))
}

/// A sheet of a workbook in the shared data folder.
fn sheet(relative: &str, name: &str) -> Option<Range<Data>> {
    let path = test_support::shared_data(relative)?;
    let mut workbook = calamine::open_workbook_auto(&path).unwrap();
    Some(workbook.worksheet_range(name).unwrap())
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(v) => Some(*v),
        Data::Int(v) => Some(*v as f64),
        Data::String(s) => s.trim().replace(',', "").parse().ok(),
        _ => None,
    }
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_owned(),
        Data::Float(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Data::Int(v) => v.to_string(),
        other => other.to_string(),
    }
}

/// A WDI "Data" sheet as (country code, year) → value.
fn wdi_sheet(relative: &str) -> Option<BTreeMap<(String, i32), f64>> {
    let range = sheet(relative, "Data")?;
    let rows: Vec<&[Data]> = range.rows().collect();
    let header = rows.iter().position(|r| r.iter().any(|c| text(c) == "Country Code")).unwrap();
    let code_col = rows[header].iter().position(|c| text(c) == "Country Code").unwrap();
    let years: Vec<(usize, i32)> = rows[header]
        .iter()
        .enumerate()
        .filter_map(|(i, c)| text(c).parse::<i32>().ok().map(|y| (i, y)))
        .collect();
    let mut out = BTreeMap::new();
    for row in &rows[header + 1..] {
        let code = text(&row[code_col]);
        for &(col, year) in &years {
            if let Some(v) = row.get(col).and_then(number) {
                out.insert((code.clone(), year), v);
            }
        }
    }
    Some(out)
}

fn relative_difference(a: f64, b: f64) -> f64 {
    if a == b { 0.0 } else { (a - b).abs() / a.abs().max(b.abs()) }
}

#[test]
fn sdg_17_3_2_matches_wdi() {
    let Some(ratio) = wdi_sheet("wdi_remittances/API_BX.TRF.PWKR.DT.GD.ZS_2023-05-10.xls") else {
        return;
    };
    let received = wdi_sheet("wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls").unwrap();
    let codes: Vec<&str> = domain::area::real_areas().iter().map(|a| a.iso3.as_str()).collect();
    let Some(all) = profiles(&codes) else { return };
    let (mut compared, mut matched) = (0usize, 0usize);
    // (country, year, ours, WDI, GDP revision = WDI's implied GDP ÷ stored GDP − 1)
    let mut vintage: Vec<(String, i32, f64, f64, f64)> = Vec::new();
    let mut unexplained = Vec::new();
    for p in &all {
        for v in &p.remittances_pct_gdp {
            let key = (p.area.iso3.clone(), v.year);
            let Some(&wdi) = ratio.get(&key) else { continue };
            if wdi == 0.0 {
                continue;
            }
            compared += 1;
            if relative_difference(v.value.value, wdi) <= 1e-6 {
                matched += 1;
                continue;
            }
            // The numerator is the same vintage (2023-05-10) as WDI's ratio: check it
            // against the workbook cell, independently of the importer. Then the only
            // input that can differ is GDP, which WDI takes from its own vintage.
            let stored =
                p.remittances_received.iter().find(|r| r.year == v.year).unwrap().value.value;
            let cell = received.get(&key).copied();
            if cell != Some(stored) {
                unexplained
                    .push(format!("{key:?}: remittances stored {stored}, workbook {cell:?}"));
                continue;
            }
            let gdp = p.gdp.iter().find(|g| g.year == v.year).unwrap().value.value;
            let implied_gdp = 100.0 * stored / wdi;
            vintage.push((key.0, key.1, v.value.value, wdi, implied_gdp / gdp - 1.0));
        }
    }
    let mut by_year: BTreeMap<i32, usize> = BTreeMap::new();
    for e in &vintage {
        *by_year.entry(e.1).or_default() += 1;
    }
    let mut revisions: Vec<f64> = vintage.iter().map(|e| e.4.abs()).collect();
    revisions.sort_by(f64::total_cmp);
    let quantile = |q: f64| {
        revisions.get(((revisions.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(0.0)
    };
    println!("SDG 17.3.2 against WDI BX.TRF.PWKR.DT.GD.ZS (2023-05-10):");
    println!("  country-years compared: {compared}");
    println!("  equal within relative 1e-6: {matched}");
    println!(
        "  exceptions, GDP of a different vintage (remittances equal to the workbook cell): {}",
        vintage.len()
    );
    println!(
        "  GDP revision |WDI-implied GDP ÷ stored GDP − 1|: median {:.4}, 90th percentile {:.4}, max {:.4}",
        quantile(0.5),
        quantile(0.9),
        quantile(1.0)
    );
    println!("  exceptions by year: {by_year:?}");
    for (iso3, year, ours, wdi, revision) in &vintage {
        println!(
            "    {iso3} {year}: ours {ours:.6} %, WDI {wdi:.6} %, GDP revision {revision:+.6}"
        );
    }
    println!("  unexplained: {}", unexplained.len());
    assert!(compared > 5000, "{compared}");
    assert!(unexplained.is_empty(), "{unexplained:#?}");
    // Most country-years match exactly; the rest differ only through GDP, mostly by
    // small revisions between the two WDI vintages (see docs/validation.md).
    assert!(matched * 100 >= compared * 55, "{matched} of {compared}");
    assert!(quantile(0.5) < 0.05, "median GDP revision {}", quantile(0.5));
}

/// The row of a UN DESA "Table 1" whose location code is `m49`, and the column of
/// the first `year` header (both sexes), located without the importer.
fn undesa_cell(range: &Range<Data>, m49: u16, year: i32) -> (usize, usize, f64) {
    let rows: Vec<&[Data]> = range.rows().collect();
    let (header, col) = rows
        .iter()
        .enumerate()
        .take(20)
        .find_map(|(i, r)| {
            r.iter().position(|c| number(c) == Some(f64::from(year))).map(|c| (i, c))
        })
        .unwrap();
    let code_col =
        rows[header].iter().position(|c| text(c).to_lowercase().contains("location code")).unwrap();
    let row = (header + 1..rows.len())
        .find(|&r| rows[r].get(code_col).and_then(number) == Some(f64::from(m49)))
        .unwrap();
    (row, col, number(&rows[row][col]).unwrap())
}

/// The column letters of a 0-based index (A, B, …, AA…).
fn column_letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

/// `wb_SP.POP.TOTL_population.csv` style long files: (code, year) → value.
fn long_csv(relative: &str) -> Option<BTreeMap<(String, i32), f64>> {
    let path = test_support::shared_data(relative)?;
    let mut reader = csv::Reader::from_path(path).unwrap();
    let mut out = BTreeMap::new();
    for record in reader.records() {
        let r = record.unwrap();
        if let (Ok(year), Ok(value)) = (r[2].parse::<i32>(), r[3].parse::<f64>()) {
            out.insert((r[1].to_owned(), year), value);
        }
    }
    Some(out)
}

#[test]
fn real_profiles_match_source_cells() {
    let countries = ["PHL", "MEX", "IND", "NPL", "DEU", "USA"];
    let Some(all) = profiles(&countries) else { return };
    let Some(origin) =
        sheet("undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_origin.xlsx", "Table 1")
    else {
        return;
    };
    let destination =
        sheet("undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx", "Table 1")
            .unwrap();
    let received = wdi_sheet("wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls").unwrap();
    let population = long_csv("wdi_population/wb_SP.POP.TOTL_population.csv").unwrap();
    let gdp = long_csv("wdi_gdp/wb_NY.GDP.MKTP.CD_gdp_current_usd.csv").unwrap();

    for p in &all {
        let iso3 = p.area.iso3.as_str();
        let m49 = p.area.m49.unwrap();
        // Emigrants and immigrants, 2024, both sexes.
        let out_2024 = p.stock_out.iter().find(|s| s.year == 2024).unwrap();
        let (row, col, value) = undesa_cell(&origin, m49, 2024);
        assert_eq!(out_2024.total.value, value, "{iso3} emigrants");
        let cell = out_2024.total.source.cell.as_deref().unwrap();
        assert!(
            cell.ends_with(&format!(
                "row {}, column {}",
                row + 1 + origin.start().unwrap().0 as usize,
                column_letters(col + origin.start().unwrap().1 as usize)
            )),
            "{iso3}: {cell}"
        );
        let in_2024 = p.stock_in.iter().find(|s| s.year == 2024).unwrap();
        let (_, _, value) = undesa_cell(&destination, m49, 2024);
        assert_eq!(in_2024.total.value, value, "{iso3} immigrants");

        // Emigration rate, recomputed from the cells.
        let pop_2024 = population[&(iso3.to_owned(), 2024)];
        let rate = p.emigration_rate.iter().find(|r| r.year == 2024).unwrap();
        let expected =
            100.0 * out_2024.total.value / (pop_2024 - in_2024.total.value + out_2024.total.value);
        test_support::assert_close(
            &format!("{iso3} emigration rate"),
            rate.value.value,
            expected,
            1e-12,
            0.0,
        );

        // Remittances received and 17.3.2 in 2021.
        let r2021 = p.remittances_received.iter().find(|r| r.year == 2021).unwrap();
        assert_eq!(r2021.value.value, received[&(iso3.to_owned(), 2021)], "{iso3} remittances");
        let pct = p.remittances_pct_gdp.iter().find(|r| r.year == 2021).unwrap();
        test_support::assert_close(
            &format!("{iso3} 17.3.2"),
            pct.value.value,
            100.0 * received[&(iso3.to_owned(), 2021)] / gdp[&(iso3.to_owned(), 2021)],
            1e-12,
            0.0,
        );
        // Per capita.
        let per_capita = p.remittances_per_capita.iter().find(|r| r.year == 2021).unwrap();
        test_support::assert_close(
            &format!("{iso3} per capita"),
            per_capita.value.value,
            received[&(iso3.to_owned(), 2021)] / population[&(iso3.to_owned(), 2021)],
            1e-12,
            0.0,
        );
        // Every destination of the diaspora sums to the bilateral total of its year.
        let diaspora = p.diaspora.as_ref().unwrap();
        assert_eq!(diaspora.year, 2019);
        assert!(diaspora.destinations.windows(2).all(|w| w[0].persons >= w[1].persons));
        let hhi: f64 = {
            let total: f64 = diaspora.destinations.iter().map(|d| d.persons).sum();
            diaspora.destinations.iter().map(|d| (d.persons / total).powi(2)).sum()
        };
        test_support::assert_close(
            &format!("{iso3} HHI"),
            p.destination_concentration.as_ref().unwrap().index.value,
            hhi,
            1e-12,
            0.0,
        );
        // The safeguards list: Nepal only.
        assert_eq!(p.who_safeguards_list.as_ref().unwrap().yes, iso3 == "NPL", "{iso3}");
        // Groups: the SDG region and the world are among the 17.3.2 aggregates.
        assert!(p.remittances_pct_gdp_groups.iter().any(|g| g.code == "world"), "{iso3}");
        assert!(p.remittances_pct_gdp_groups.iter().any(|g| g.code.starts_with("sdg:")), "{iso3}");
    }

    // Top destinations in 2019, read from the CSV by name.
    let path = test_support::shared_data(
        "undesa_ims_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv",
    )
    .unwrap();
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let usa_2019 = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "2019" && &r[1] == "United States of America")
        .unwrap();
    for (iso3, name) in [("PHL", "Philippines"), ("MEX", "Mexico"), ("IND", "India")] {
        let p = all.iter().find(|p| p.area.iso3 == iso3).unwrap();
        let col = headers.iter().position(|h| h == name).unwrap();
        let expected: f64 = usa_2019[col].parse().unwrap();
        let usa = p.top_destinations.iter().find(|c| c.partner == "USA").unwrap();
        assert_eq!(usa.stock.value, expected, "{iso3} in the USA");
        if iso3 != "IND" {
            assert_eq!(p.top_destinations[0].partner, "USA", "{iso3}");
        }
        let trend = p.destination_trends.iter().find(|t| t.partner == "USA").unwrap();
        assert!(
            trend.stocks.iter().any(|s| s.year == 1990)
                && trend.stocks.iter().any(|s| s.year == 2019)
        );
    }
    // Mexico's remittance senders are concentrated in the United States.
    let mex = all.iter().find(|p| p.area.iso3 == "MEX").unwrap();
    assert!(mex.sender_concentration.as_ref().unwrap().index.value > 0.8);
}

#[test]
fn group_profiles_sum_members() {
    let Some(groups) = profiles(&["sdg:SSA", "Sub-Saharan Africa", "region:SDG-SSA", "world"])
    else {
        return;
    };
    let members = &groups[0].group.as_ref().unwrap().members;
    assert_eq!(members.len(), 53);
    assert_eq!(groups[1].group.as_ref().unwrap().members, *members);
    assert_eq!(groups[2].area.iso3, "sdg:SSA");
    let Some(singles) = profiles(&members.iter().map(String::as_str).collect::<Vec<_>>()) else {
        return;
    };
    // Emigrants 2024: the sum of the members' published totals.
    let sum: f64 = singles
        .iter()
        .filter_map(|p| p.stock_out.iter().find(|s| s.year == 2024).map(|s| s.total.value))
        .sum();
    let group_2024 = groups[0].stock_out.iter().find(|s| s.year == 2024).unwrap();
    test_support::assert_close("SSA emigrants", group_2024.total.value, sum, 1e-12, 0.0);
    // 17.3.2, GDP-weighted: Σ remittances ÷ Σ GDP over members with both.
    let (mut rem, mut gdp) = (0.0, 0.0);
    for p in &singles {
        let r = p.remittances_received.iter().find(|r| r.year == 2021);
        let g = p.gdp.iter().find(|g| g.year == 2021);
        if let (Some(r), Some(g)) = (r, g) {
            rem += r.value.value;
            gdp += g.value.value;
        }
    }
    let share = groups[0].remittances_pct_gdp.iter().find(|v| v.year == 2021).unwrap();
    test_support::assert_close("SSA 17.3.2", share.value.value, 100.0 * rem / gdp, 1e-12, 0.0);
    let world = &groups[3];
    assert!(world.remittances_pct_gdp.iter().any(|v| v.year == 2021));
    println!(
        "SDG 17.3.2, Sub-Saharan Africa 2021: {:.4} % (GDP-weighted; {})",
        share.value.value,
        share.value.source.derivation.as_deref().unwrap_or("")
    );
}
