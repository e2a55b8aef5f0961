//! Labour migration and forced displacement in the brief and the profile workbook: a
//! series by year is charted from two years on (its table stays), partners are a bar
//! chart, and the workbook's two sheets hold the profile's numbers, each with its unit
//! column and its sources.

#[allow(dead_code, reason = "the fixture serves several test files")]
mod fixture;

use analysis::profile::{CountryProfile, Value};
use i18n::Lang;
use report::brief;
use report::xlsx::{Cell, Sheet};

/// The brief of `profile` in `lang`.
fn brief_in(profile: &CountryProfile, lang: Lang) -> String {
    brief::render(profile, &fixture::options().in_lang(lang))
}

/// The `<svg>` of the chart with element id `id`, if the page has it.
fn chart<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let at = html.find(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\""))?;
    let svg = &html[at..];
    Some(&svg[..svg.find("</svg>")? + "</svg>".len()])
}

#[test]
fn series_of_two_years_or_more_are_charted_beside_their_tables() {
    let profile = fixture::xandria();
    let html = brief_in(&profile, Lang::En);
    let deployments = chart(&html, "chart-deployments-by-year").expect("deployments chart");
    // One line, one marker per year, its values in the text alternative.
    assert_eq!(deployments.matches("<g class=\"series\"").count(), 1, "{deployments}");
    assert!(deployments.contains("Left for work abroad"), "{deployments}");
    assert!(deployments.contains("82,600"), "{deployments}");
    // One line per category of temporary inflows; permanent-type inflows have one year.
    let temporary = chart(&html, "chart-temporary-inflows").expect("temporary inflows chart");
    assert_eq!(temporary.matches("<g class=\"series\"").count(), 2, "{temporary}");
    assert!(temporary.contains("seasonal workers") && temporary.contains("intra-company"));
    assert!(chart(&html, "chart-permanent-inflows").is_none(), "one year: a table only");
    // Displacement: the four series with data, one line each.
    let displaced = chart(&html, "chart-displacement-by-year").expect("displacement chart");
    assert_eq!(displaced.matches("<g class=\"series\"").count(), 4, "{displaced}");
    assert!(!displaced.contains("Asylum-seekers abroad"), "no line without data");
    // Partners are bar charts with shares.
    for id in ["chart-deployments", "chart-refugee-origins", "chart-refugee-asylum"] {
        assert!(chart(&html, id).is_some_and(|svg| svg.contains('%')), "{id}");
    }
    // Every chart keeps its table: the tables' captions follow the charts.
    let section = &html[html.find("<section id=\"labour\"").expect("labour section")..];
    let after = &section[section.find("chart-deployments-by-year").expect("chart")..];
    assert!(after.contains("<caption>Nationals of Xandria who left for work abroad, by year"));
    let section = &html[html.find("<section id=\"displacement\"").expect("displacement")..];
    let after = &section[section.find("chart-displacement-by-year").expect("chart")..];
    assert!(after.contains("<caption>Refugees and asylum-seekers hosted by Xandria"));
    assert!(html.contains(">Permanent-type migrants admitted by Xandria, by category (persons)<"));
}

#[test]
fn a_single_year_is_a_table_without_a_chart() {
    let mut profile = fixture::xandria();
    profile.labour.keep_year(2023);
    profile.displacement.keep_year(2023);
    let html = brief_in(&profile, Lang::En);
    for id in [
        "chart-deployments-by-year",
        "chart-temporary-inflows",
        "chart-permanent-inflows",
        "chart-displacement-by-year",
    ] {
        assert!(chart(&html, id).is_none(), "{id} with one year");
    }
    assert!(html.contains("<caption>Nationals of Xandria who left for work abroad, by year"));
    assert!(chart(&html, "chart-deployments").is_some(), "the destinations' bars stay");
}

#[test]
fn the_charts_are_written_in_the_brief_s_language() {
    let profile = fixture::xandria();
    for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
        let html = brief_in(&profile, lang);
        let svg = chart(&html, "chart-deployments-by-year").expect("deployments chart");
        let series = lang.messages().text("brief-series-deployments");
        assert_ne!(series, Lang::En.messages().text("brief-series-deployments"), "{lang}");
        assert!(svg.contains(&report::markup::escape(&series)), "{lang}: {svg}");
        let summary = lang.messages().text("brief-deployments-summary");
        assert!(svg.contains(&report::markup::escape(&summary)), "{lang}: {summary}");
        assert!(!svg.contains("Left for work abroad"), "{lang}");
    }
}

/// The sheet named by the message `key` in `lang`.
fn sheet<'a>(sheets: &'a [Sheet], lang: Lang, key: &str) -> &'a Sheet {
    let name = lang.messages().text(key);
    sheets.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("{lang}: no sheet {name}"))
}

/// The column of a sheet whose header is the message `key` in `lang`.
fn column(s: &Sheet, lang: Lang, key: &str) -> usize {
    let header = lang.messages().text(key);
    s.columns.iter().position(|c| *c == header).unwrap_or_else(|| panic!("{header}"))
}

/// The row of a sheet at JSON path `path`.
fn row<'a>(s: &'a Sheet, path: &str) -> &'a [Cell] {
    let at = s.columns.len() - 1;
    s.rows.iter().find(|r| r[at] == Cell::from(path)).unwrap_or_else(|| panic!("no {path}"))
}

/// The number of `value`, as a cell.
fn number(value: &Value) -> Cell {
    Cell::Number(value.value)
}

#[test]
fn the_workbook_has_the_labour_sheet_with_the_profile_s_numbers() {
    let profile = fixture::xandria();
    let l = &profile.labour;
    for lang in [Lang::En, Lang::Ar] {
        let sheets = report::xlsx::profile::sheets_in(&profile, lang).unwrap();
        let s = sheet(&sheets, lang, "xlsx-sheet-labour");
        let col = |key| column(s, lang, key);
        let (year, persons) = (col("xlsx-col-year"), col("xlsx-col-value-persons"));
        let (men, women, share) =
            (col("xlsx-col-males"), col("xlsx-col-females"), col("xlsx-col-share-all"));
        assert_eq!(s.keys[persons], "value | total | deployments/value");
        for (i, v) in l.deployments.iter().enumerate() {
            let r = row(s, &format!("/labour/deployments/{i}"));
            assert_eq!(r[year], Cell::Number(f64::from(v.year)));
            assert_eq!(r[persons], number(&v.value));
            assert_eq!(
                r[col("xlsx-col-part")],
                Cell::Text(lang.messages().text("xlsx-row-deployments"))
            );
        }
        for (i, d) in l.top_destinations.iter().enumerate() {
            let r = row(s, &format!("/labour/top_destinations/{i}"));
            assert_eq!(r[col("xlsx-col-partner-code")], Cell::from(d.partner.as_str()));
            assert_eq!(r[persons], number(&d.total));
            assert_eq!(r[men], number(d.male.as_ref().unwrap()));
            assert_eq!(r[women], number(d.female.as_ref().unwrap()));
            assert_eq!(r[share], number(&d.share));
        }
        for (i, c) in l.channels.iter().enumerate() {
            let r = row(s, &format!("/labour/channels/{i}/values/0"));
            assert_eq!(r[col("xlsx-col-indicator-code")], Cell::from(c.indicator.as_str()));
            assert_eq!(r[persons], number(&c.values[0].value));
        }
        assert_eq!(row(s, "/labour")[share], number(l.reentry_share.as_ref().unwrap()));
        let t = &l.turnover[0];
        let r = row(s, "/labour/turnover/0");
        assert_eq!(r[persons], number(&t.deployments.value));
        assert_eq!(r[col("xlsx-col-stock-year")], Cell::Number(2020.0));
        assert_eq!(r[col("xlsx-col-stock")], number(&t.stock.value));
        assert_eq!(r[col("xlsx-col-turnover")], number(&t.ratio));
        for (key, list) in [
            ("temporary_inflows", &l.temporary_inflows),
            ("permanent_inflows", &l.permanent_inflows),
        ] {
            for (i, c) in list.iter().enumerate() {
                for (j, v) in c.values.iter().enumerate() {
                    let r = row(s, &format!("/labour/{key}/{i}/values/{j}"));
                    assert_eq!(
                        (r[year].clone(), r[persons].clone()),
                        (Cell::Number(f64::from(v.year)), number(&v.value))
                    );
                }
            }
        }
        let rows =
            l.deployments.len() + l.top_destinations.len() + l.channels.len() + 1 + 1 + 6 + 1;
        assert_eq!(s.rows.len(), rows, "{lang}");
        // Every row cites its sources.
        let sources = col("xlsx-col-sources");
        assert!(s.rows.iter().all(|r| matches!(&r[sources], Cell::Text(t) if t.starts_with('['))));
    }
}

#[test]
fn the_workbook_has_the_displacement_sheet_with_the_profile_s_numbers() {
    let profile = fixture::xandria();
    let d = &profile.displacement;
    let sheets = report::xlsx::profile::sheets(&profile).unwrap();
    let s = sheet(&sheets, Lang::En, "xlsx-sheet-displacement");
    let col = |key| column(s, Lang::En, key);
    let (year, persons) = (col("xlsx-col-year"), col("xlsx-col-value-persons"));
    for (key, list) in [
        ("refugees_hosted", &d.refugees_hosted),
        ("refugees_abroad", &d.refugees_abroad),
        ("asylum_seekers_hosted", &d.asylum_seekers_hosted),
        ("idps", &d.idps),
    ] {
        for (i, v) in list.iter().enumerate() {
            let r = row(s, &format!("/displacement/{key}/{i}"));
            assert_eq!(r[year], Cell::Number(f64::from(v.year)), "{key}");
            assert_eq!(r[persons], number(&v.value), "{key}");
        }
    }
    for (key, list) in [("top_origins", &d.top_origins), ("top_asylum", &d.top_asylum)] {
        for (i, p) in list.iter().enumerate() {
            let r = row(s, &format!("/displacement/{key}/{i}"));
            assert_eq!(r[col("xlsx-col-partner")], Cell::from(p.partner_name.as_str()));
            assert_eq!(r[persons], number(&p.total));
            assert_eq!(r[col("xlsx-col-males")], p.male.as_ref().map_or(Cell::Empty, number));
            assert_eq!(r[col("xlsx-col-share-all")], number(&p.share));
        }
    }
    assert_eq!(s.rows.len(), 3 + 3 + 2 + 2 + 2 + 2);
}

#[test]
fn a_profile_without_labour_or_displacement_data_has_neither_sheet() {
    let sheets = report::xlsx::profile::sheets(&fixture::sparse()).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert!(!names.contains(&"Labour migration") && !names.contains(&"Forced displacement"));
    let mut profile = fixture::xandria();
    profile.labour = Default::default();
    let sheets = report::xlsx::profile::sheets(&profile).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert!(!names.contains(&"Labour migration") && names.contains(&"Forced displacement"));
}
