//! UN World Population Prospects 2019 demographic inputs: the period indicators CSV
//! (births, deaths, sex ratio at birth per five-year period) and the R package's
//! population by sex and age group (`popM.txt`, `popF.txt`). Small files written here
//! imitate the layouts (first lines as in the shared copies); the shared copies are
//! read through `test_support::shared_data`.

use domain::dataset::Dataset;
use domain::{Indicator, Iso3, Sex};
use ingest::{Diagnostic, DiagnosticKind, ImportError, ImportErrorKind, Kind, ReadOptions};

use crate::common::{aggregates, check_csv_cells, import};

const PERIOD_FILE: &str = "WPP2019_Period_Indicators_Medium.csv";
const PERIOD_HEADER: &str = "LocID,Location,VarID,Variant,Time,TFR,NRR,CBR,Births,LEx,LExMale,\
LExFemale,IMR,Q5,CDR,Deaths,DeathsMale,DeathsFemale,CNMR,NetMigrations,GrowthRate,NatIncr,SRB,MAC";

/// One line of the period indicators CSV: the stored columns as given, the others 0.
fn period_line(loc: &str, time: &str, births: &str, deaths: [&str; 3], srb: &str) -> String {
    let (code, name) = loc.split_once(':').unwrap();
    format!(
        "{code},{name},2,Medium,{time},0,0,0,{births},0,0,0,0,0,0,{},{},{},0,0,0,0,{srb},0",
        deaths[0], deaths[1], deaths[2]
    )
}

/// A period indicators file with CRLF line ends, as the UN writes it.
fn period_file(lines: &[String]) -> Vec<u8> {
    let mut text = format!("{PERIOD_HEADER}\r\n");
    for line in lines {
        text.push_str(line);
        text.push_str("\r\n");
    }
    text.into_bytes()
}

/// Afghanistan 1990–1995 as published, in thousands.
fn afghanistan_1990() -> String {
    period_line(
        "4:Afghanistan",
        "1990-1995",
        "3701.778",
        ["1079.813", "573.875", "505.938"],
        "1.06",
    )
}

fn read(
    name: &str,
    bytes: &[u8],
    path: Option<&str>,
) -> Result<(Dataset, Vec<Diagnostic>), ImportError> {
    let kind = ingest::detect(name, bytes, &ingest::Limits::default()).expect("layout recognised");
    let options = ReadOptions { path: path.map(str::to_owned), ..ReadOptions::default() };
    ingest::read(kind, name, bytes, &options)
}

fn value(dataset: &Dataset, indicator: Indicator, area: &str, year: i32, sex: Sex) -> Option<f64> {
    let area = Iso3::parse(area).unwrap();
    let found: Vec<f64> = dataset
        .values
        .iter()
        .filter(|v| {
            v.indicator == indicator && v.area == area && v.year.get() == year && v.sex == sex
        })
        .map(|v| v.value)
        .collect();
    assert!(found.len() <= 1, "{} {area} {year} {sex} stored twice", indicator.code);
    found.first().copied()
}

fn notes(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter_map(|d| match &d.kind {
            DiagnosticKind::Note { message } => Some(message.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn period_indicators_store_the_estimates_of_countries_and_areas() {
    let bytes = period_file(&[
        afghanistan_1990(),
        period_line(
            "4:Afghanistan",
            "2020-2025",
            "6118.618",
            ["1215.439", "660.197", "555.242"],
            "1.06",
        ),
        period_line(
            "900:World",
            "1990-1995",
            "677349.04",
            ["255143.6", "135000.1", "120143.5"],
            "1.07",
        ),
        period_line("16:American Samoa", "1990-1995", "", ["", "", ""], ""),
    ]);
    assert_eq!(
        ingest::detect(PERIOD_FILE, &bytes, &ingest::Limits::default()),
        Some(Kind::WppPeriodIndicators)
    );
    let (dataset, diagnostics) = read(PERIOD_FILE, &bytes, None).unwrap();
    assert_eq!(dataset.meta.key, "wpp-period-indicators");
    assert_eq!(dataset.meta.edition, "2019");
    assert_eq!(dataset.meta.licence.as_deref(), Some("CC BY 3.0 IGO"));

    // Thousands become whole persons, stored at the period's first year.
    let afg = |indicator, sex| value(&dataset, indicator, "AFG", 1990, sex);
    assert_eq!(afg(Indicator::BIRTHS_5Y, Sex::Total), Some(3_701_778.0));
    assert_eq!(afg(Indicator::DEATHS_5Y, Sex::Total), Some(1_079_813.0));
    assert_eq!(afg(Indicator::DEATHS_5Y, Sex::Male), Some(573_875.0));
    assert_eq!(afg(Indicator::DEATHS_5Y, Sex::Female), Some(505_938.0));
    assert_eq!(afg(Indicator::SEX_RATIO_AT_BIRTH, Sex::Total), Some(1.06));
    // Births are published for both sexes only, and are not split here.
    assert_eq!(afg(Indicator::BIRTHS_5Y, Sex::Male), None);
    let births = dataset.values.iter().find(|v| v.indicator == Indicator::BIRTHS_5Y).unwrap();
    assert_eq!(births.provenance.to_string(), format!("{PERIOD_FILE}, row 2, column Births"));

    // The projection 2020–2025, the world and the empty cells are not stored.
    assert_eq!(dataset.values.len(), 5, "{:?}", dataset.values);
    assert_eq!(aggregates(&diagnostics), ["World (900)"]);
    let notes = notes(&diagnostics);
    assert!(
        notes.iter().any(|n| n.starts_with("1 rows of countries and areas for the period 2020-2025 were not stored: they are projections")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("5 empty cells of 1 countries and areas were not stored")
                && n.ends_with("American Samoa")),
        "{notes:?}"
    );
    // Without India's 2050–2055 row the revision cannot be told, and the title says none.
    assert!(!dataset.meta.title.contains("revision"), "{}", dataset.meta.title);
    assert!(notes.iter().any(|n| n.starts_with("the revision of the 2019 edition")), "{notes:?}");
}

#[test]
fn the_revision_is_told_from_india_s_net_migration_2050_2055() {
    let india = |net: &str| {
        format!(
            "356,India,2,Medium,2050-2055,0,0,0,95587.347,0,0,0,0,0,0,83184.6,45091.945,38092.655,0,{net},0,0,1.08,0"
        )
    };
    for (net, revision) in
        [("-2280.804", "August 2019 revision (rev1)"), ("-2067.186", "June 2019 release")]
    {
        let bytes = period_file(&[afghanistan_1990(), india(net)]);
        let (dataset, _) = read(PERIOD_FILE, &bytes, None).unwrap();
        assert!(
            dataset.meta.title.contains(&format!("2019, {revision}: ")),
            "{}",
            dataset.meta.title
        );
        // The row itself is a projection.
        assert!(dataset.values.iter().all(|v| v.area.as_str() == "AFG"));
    }
}

#[test]
fn a_bad_period_cell_names_file_row_and_column() {
    let check = |line: String, column: &str, found: &str| {
        let bytes = period_file(&[afghanistan_1990(), line]);
        let err = read(PERIOD_FILE, &bytes, None).unwrap_err();
        assert!(
            matches!(&err.kind, ImportErrorKind::BadValue { found: f, .. } if f == found),
            "{err}"
        );
        assert_eq!(err.location.file, PERIOD_FILE);
        assert_eq!(err.location.row, Some(3), "{err}");
        assert_eq!(err.location.column.as_deref(), Some(column), "{err}");
    };
    check(
        period_line("4:Afghanistan", "1995-2000", "4755.1x", ["1", "1", "0"], "1.06"),
        "Births",
        "4755.1x",
    );
    check(
        period_line("4:Afghanistan", "1995-2000", "4755.189", ["-1", "1", "0"], "1.06"),
        "Deaths",
        "-1",
    );
    check(
        period_line("4:Afghanistan", "1995/2000", "4755.189", ["1", "1", "0"], "1.06"),
        "Time",
        "1995/2000",
    );
    check(
        period_line("4:Afghanistan", "1995-1996", "4755.189", ["1", "1", "0"], "1.06"),
        "Time",
        "1995-1996",
    );
}

#[test]
fn the_edition_is_never_guessed() {
    let bytes = period_file(&[afghanistan_1990()]);
    // A renamed file outside a `wpp<year>` folder: refused, saying what is missing.
    let err =
        read("period_indicators.csv", &bytes, Some("downloads/period_indicators.csv")).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert!(err.to_string().contains("World Population Prospects edition"), "{err}");
    // In a `wpp2019…` folder: the edition is the folder's, and a note says so.
    let (dataset, diagnostics) =
        read("period_indicators.csv", &bytes, Some("downloads/WPP2019/period_indicators.csv"))
            .unwrap();
    assert_eq!(dataset.meta.edition, "2019");
    assert!(
        notes(&diagnostics)
            .iter()
            .any(|n| n.starts_with("edition 2019 taken from the folder name \"WPP2019\"")),
        "{diagnostics:?}"
    );
    // An edition whose projections Coherence cannot tell from its estimates is refused.
    let err = read("WPP2017_Period_Indicators_Medium.csv", &bytes, None).unwrap_err();
    assert!(
        matches!(&err.kind, ImportErrorKind::BadValue { found, .. } if found == "2017"),
        "{err}"
    );
}

/// A population table of the R package: `country_code, name, age` and the years, one
/// block of 21 age groups per location; `value(location, age, year)` fills the cells.
fn population_file(
    years: &[i32],
    locations: &[(u16, &str)],
    value: impl Fn(u16, usize, usize) -> String,
) -> Vec<u8> {
    const AGES: [&str; 21] = [
        "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49",
        "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95-99",
        "100+",
    ];
    let mut text = String::from("country_code\tname\tage");
    for y in years {
        text.push_str(&format!("\t{y}"));
    }
    text.push('\n');
    for (code, name) in locations {
        for (a, age) in AGES.iter().enumerate() {
            text.push_str(&format!("{code}\t{name}\t{age}"));
            for y in 0..years.len() {
                text.push_str(&format!("\t{}", value(*code, a, y)));
            }
            text.push('\n');
        }
    }
    text.into_bytes()
}

/// 1.001 thousand per age group in the first year, 2.002 in the second, and so on.
fn per_age(_: u16, _: usize, year: usize) -> String {
    format!("{}.{:03}", year + 1, year + 1)
}

#[test]
fn population_is_summed_over_age_groups_with_its_sex_from_the_file_name() {
    let bytes =
        population_file(&[1990, 2020, 2025], &[(900, "World"), (826, "United Kingdom")], per_age);
    assert_eq!(
        ingest::detect("popM.txt", &bytes, &ingest::Limits::default()),
        Some(Kind::WppPopulationByAge)
    );
    for (name, sex) in [("popM.txt", Sex::Male), ("popF.txt", Sex::Female)] {
        let path = format!("/data/wpp2019_Rpkg/{name}");
        let (dataset, diagnostics) = read(name, &bytes, Some(&path)).unwrap();
        assert_eq!(dataset.meta.key, "wpp-population");
        assert_eq!(dataset.meta.edition, "2019");
        // 21 × 1.001 thousand = 21,021 persons; 21 × 2.002 thousand = 42,042.
        assert_eq!(value(&dataset, Indicator::POPULATION, "GBR", 1990, sex), Some(21_021.0));
        assert_eq!(value(&dataset, Indicator::POPULATION, "GBR", 2020, sex), Some(42_042.0));
        // No total from one sex's file; 2025 is a projection; the world is an aggregate.
        assert_eq!(dataset.values.len(), 2, "{:?}", dataset.values);
        assert_eq!(aggregates(&diagnostics), ["World (900)"]);
        // The provenance names the first of the 21 rows summed (line 23: after the
        // header and the world's 21 rows) and the year.
        let p = &dataset.values[0].provenance;
        assert_eq!((p.file.as_str(), p.row, p.column.as_deref()), (name, Some(23), Some("1990")));
        let notes = notes(&diagnostics);
        for start in [
            "edition 2019 taken from the folder name \"wpp2019_Rpkg\"",
            "each value is the sum of a country's or area's 21 age groups",
            "the year column 2025 was not stored: projections",
        ] {
            assert!(notes.iter().any(|n| n.starts_with(start)), "{start}: {notes:?}");
        }
    }
}

#[test]
fn a_population_table_without_edition_or_sex_is_refused() {
    let bytes = population_file(&[1990], &[(826, "United Kingdom")], per_age);
    // No edition in the name nor on the path: the table does not state it.
    for path in [None, Some("popM.txt"), Some("downloads/popM.txt")] {
        let err = read("popM.txt", &bytes, path).unwrap_err();
        assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
        assert!(
            err.to_string()
                .starts_with("popM.txt: expected the World Population Prospects edition"),
            "{err}"
        );
    }
    // The sex comes only from the package's file names.
    let err = read("popMprojMed.txt", &bytes, Some("wpp2019/popMprojMed.txt")).unwrap_err();
    assert!(err.to_string().contains("popM.txt (males) or popF.txt (females)"), "{err}");
}

#[test]
fn a_bad_population_cell_names_file_row_and_column() {
    let path = Some("wpp2019_Rpkg/popF.txt");
    // Text in a count: line 5 is the fourth age group (15-19).
    let bytes = population_file(&[1990, 1995], &[(826, "United Kingdom")], |_, age, year| {
        if age == 3 && year == 1 { "1.2.3".to_owned() } else { "1".to_owned() }
    });
    let err = read("popF.txt", &bytes, path).unwrap_err();
    assert!(
        matches!(&err.kind, ImportErrorKind::BadValue { found, .. } if found == "1.2.3"),
        "{err}"
    );
    assert_eq!(
        (err.location.row, err.location.column.as_deref()),
        (Some(5), Some("1995")),
        "{err}"
    );

    // An age group missing: the block of 21 rows must hold them all, in order.
    let mut text =
        String::from_utf8(population_file(&[1990], &[(826, "United Kingdom")], per_age)).unwrap();
    text = text.replace("826\tUnited Kingdom\t5-9\t1.001\n", "");
    let err = read("popF.txt", text.as_bytes(), path).unwrap_err();
    assert!(
        matches!(&err.kind, ImportErrorKind::BadValue { found, .. } if found == "10-14"),
        "{err}"
    );
    assert_eq!((err.location.row, err.location.column.as_deref()), (Some(3), Some("age")), "{err}");
}

#[test]
fn other_files_of_the_folder_are_not_taken_for_these_layouts() {
    for (name, first_line) in [
        (
            "derived_wpp2019_demo_inputs_1990_2020.csv",
            "LocID,name,is_country,period,pop_start,pop_end,births\n",
        ),
        ("derived_wpp2019_poptotal_1990_2020.csv", "LocID,name,is_country,1990,1995\n"),
        ("migration.txt", "country_code\tname\t1950-1955\t1955-1960\n"),
        ("UNlocations.txt", "name\tcountry_code\treg_code\treg_name\n"),
    ] {
        assert_eq!(
            ingest::detect(name, first_line.as_bytes(), &ingest::Limits::default()),
            None,
            "{name}"
        );
    }
}

// The shared copies (`wpp2019_demographic_inputs/`); figures checked against the files
// with a few lines of Python (sums in exact decimals).

const SHARED_PERIODS: &str = "wpp2019_demographic_inputs/WPP2019_Period_Indicators_Medium.csv";

#[test]
fn the_shared_period_indicators_of_wpp_2019() {
    let Some((dataset, diagnostics, bytes)) = import(SHARED_PERIODS, Kind::WppPeriodIndicators)
    else {
        return;
    };
    assert_eq!(dataset.meta.edition, "2019");
    assert!(
        dataset
            .meta
            .title
            .starts_with("World Population Prospects 2019, August 2019 revision (rev1): "),
        "{}",
        dataset.meta.title
    );
    let afg = |indicator, sex| value(&dataset, indicator, "AFG", 1990, sex);
    assert_eq!(afg(Indicator::BIRTHS_5Y, Sex::Total), Some(3_701_778.0));
    assert_eq!(afg(Indicator::DEATHS_5Y, Sex::Total), Some(1_079_813.0));
    assert_eq!(afg(Indicator::DEATHS_5Y, Sex::Male), Some(573_875.0));
    assert_eq!(afg(Indicator::DEATHS_5Y, Sex::Female), Some(505_938.0));
    let gbr = |indicator| value(&dataset, indicator, "GBR", 1990, Sex::Total);
    assert_eq!(gbr(Indicator::BIRTHS_5Y), Some(3_810_523.0));
    assert_eq!(gbr(Indicator::DEATHS_5Y), Some(3_217_897.0));

    // 201 countries and areas with births in 1990–1995; the 34 without age detail have
    // none (a note lists them); periods from 1950–1955 to 2015–2020, none projected.
    let with_births: std::collections::BTreeSet<Iso3> = dataset
        .values
        .iter()
        .filter(|v| v.indicator == Indicator::BIRTHS_5Y && v.year.get() == 1990)
        .map(|v| v.area)
        .collect();
    assert_eq!(with_births.len(), 201);
    let years: std::collections::BTreeSet<i32> =
        dataset.values.iter().map(|v| v.year.get()).collect();
    assert_eq!((years.first(), years.last(), years.len()), (Some(&1950), Some(&2015), 14));
    assert_eq!(dataset.values.len(), 201 * 14 * 5);
    // No aggregate is stored: the world and the regions are reported, not kept.
    assert!(dataset.values.iter().all(|v| domain::area::real_area(v.area).is_some()));
    let skipped = aggregates(&diagnostics);
    assert!(skipped.contains(&"World (900)".to_owned()), "{skipped:?}");
    assert_eq!(skipped.len(), 498 - 235, "every location not a country or area");
    let notes = notes(&diagnostics);
    assert!(
        notes.iter().any(|n| n.starts_with(
            "3760 rows of countries and areas for the periods 2020-2025 to 2095-2100"
        )),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.starts_with("2380 empty cells of 34 countries and areas")),
        "{notes:?}"
    );

    // Every value against its cell, read independently: counts in thousands, the sex
    // ratio as published.
    let (counts, ratios): (Vec<_>, Vec<_>) =
        dataset.values.iter().cloned().partition(|v| v.indicator != Indicator::SEX_RATIO_AT_BIRTH);
    check_csv_cells(&bytes, &Dataset { values: counts, ..dataset.clone() }, 1, 1000.0);
    check_csv_cells(&bytes, &Dataset { values: ratios, ..dataset.clone() }, 1, 1.0);
}

/// Reads a shared population table as `coherence import` does: with its path, whose
/// folder `wpp2019_Rpkg` gives the edition.
fn shared_population(name: &str) -> Option<(Dataset, Vec<Diagnostic>, Vec<u8>)> {
    let path =
        test_support::shared_data(&format!("wpp2019_demographic_inputs/wpp2019_Rpkg/{name}"))?;
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(
        ingest::detect(name, &bytes, &ingest::Limits::default()),
        Some(Kind::WppPopulationByAge)
    );
    let (dataset, diagnostics) = read(name, &bytes, Some(&path.display().to_string())).unwrap();
    Some((dataset, diagnostics, bytes))
}

/// The sum of a column over the 21 lines from `row` (1-based), read independently, in
/// thousandths of a thousand (whole persons).
fn independent_sum(bytes: &[u8], row: u32, column: &str) -> f64 {
    let text = std::str::from_utf8(bytes).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let col = lines[0].split('\t').position(|c| c == column).unwrap();
    let persons: i64 = (row..row + 21)
        .map(|r| {
            let cell = lines[r as usize - 1].split('\t').nth(col).unwrap();
            let (whole, fraction) = cell.split_once('.').unwrap_or((cell, ""));
            let fraction = format!("{fraction:0<3}");
            whole.parse::<i64>().unwrap() * 1000 + fraction.parse::<i64>().unwrap()
        })
        .sum();
    persons as f64
}

#[test]
fn the_shared_population_of_wpp_2019() {
    let Some((males, _, male_bytes)) = shared_population("popM.txt") else { return };
    let Some((females, diagnostics, female_bytes)) = shared_population("popF.txt") else { return };
    for d in [&males, &females] {
        assert_eq!((d.meta.key.as_str(), d.meta.edition.as_str()), ("wpp-population", "2019"));
        assert!(d.values.iter().all(|v| v.indicator == Indicator::POPULATION));
        let areas: std::collections::BTreeSet<Iso3> = d.values.iter().map(|v| v.area).collect();
        assert_eq!(areas.len(), 201, "201 countries and areas; 48 aggregates are not stored");
        assert_eq!(d.values.len(), 201 * 15, "1950, 1955, …, 2020");
    }
    assert!(males.values.iter().all(|v| v.sex == Sex::Male));
    assert!(females.values.iter().all(|v| v.sex == Sex::Female));
    assert_eq!(aggregates(&diagnostics).len(), 48);
    // The United Kingdom (826): males 27,772,100 and females 29,362,277 in 1990, which
    // make the 57,134,377 of the UN's total population; 2015 and 2020 likewise.
    let gbr = |d: &Dataset, year, sex| value(d, Indicator::POPULATION, "GBR", year, sex).unwrap();
    assert_eq!(gbr(&males, 1990, Sex::Male), 27_772_100.0);
    assert_eq!(gbr(&females, 1990, Sex::Female), 29_362_277.0);
    for (year, total) in [(1990, 57_134_377.0), (2015, 65_860_149.0), (2020, 67_886_004.0)] {
        assert_eq!(
            gbr(&males, year, Sex::Male) + gbr(&females, year, Sex::Female),
            total,
            "{year}"
        );
    }
    // Every value is the sum of the 21 rows its provenance starts, read independently.
    for (d, bytes) in [(&males, &male_bytes), (&females, &female_bytes)] {
        for v in &d.values {
            let p = &v.provenance;
            let sum = independent_sum(bytes, p.row.unwrap(), p.column.as_deref().unwrap());
            assert_eq!(v.value, sum, "{p}");
        }
    }
    let uk =
        males.values.iter().find(|v| v.area.as_str() == "GBR" && v.year.get() == 1990).unwrap();
    assert_eq!(uk.provenance.to_string(), "popM.txt, row 4727, column 1990");
}
