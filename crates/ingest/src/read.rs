//! Recognising a file's layout and reading it: [`Kind`], [`detect`], [`read`].
//!
//! Every reader turns the bytes of one official file into a [`Dataset`] whose values
//! each carry the file, sheet, row and column they were read from, and a list of
//! [`Diagnostic`]s: what was read but deliberately not stored (aggregates, areas
//! without ISO code, unknown names when told to skip them). A file that does not fit
//! its layout is an [`ImportError`] at the cell where the problem is.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::{HashMap, HashSet};
use std::fmt;

use domain::dataset::{AreaValue, Dataset, DatasetMeta, PairValue, SourceFile};
use domain::measure::Unit;
use domain::{Indicator, Iso3, Provenance, Sex, Year};

use crate::areas::{self, AreaMatch};
use crate::error::{ImportError, ImportErrorKind, Location};
use crate::grid::{Grid, Workbook};
use crate::limits::Limits;
use crate::{
    classification, deployments, dioc, iab, ilostat, reshape, rpw, sdmx, undesa, unhcr, wdi,
    worldbank, wpp,
};

/// A file layout Coherence can read. Each has a stable kebab-case name, used by
/// `coherence import --kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// UN DESA International Migrant Stock, totals by destination (2020 and 2024
    /// editions, `Table 1`): migrants living in each area, by sex.
    UndesaDestination,
    /// UN DESA International Migrant Stock, totals by origin (2020 and 2024 editions,
    /// `Table 1`): emigrants born in each area, by sex.
    UndesaOrigin,
    /// UN DESA International Migrant Stock by destination and origin (2020 and 2024
    /// editions, `Table 1`): one row per destination–origin pair, by sex.
    UndesaBilateral,
    /// UN DESA Trends in International Migrant Stock, Rev. 2015, origin × destination
    /// matrix (`Table 16`, 2015, both sexes).
    UndesaBilateral2015,
    /// UN DESA International Migrant Stock 2019 origin × destination matrix as CSV
    /// (`Year,Dest,<origins>…`), both sexes.
    UndesaBilateral2019Csv,
    /// World Bank bilateral migration matrix (origin down, destination across).
    WbBilateralMigration,
    /// World Bank/KNOMAD bilateral remittance matrix, workbook (sender down, receiver
    /// across, US$ millions).
    WbBilateralRemittances,
    /// World Bank/KNOMAD bilateral remittance matrix exported as CSV (sender down,
    /// receiver across, US$ millions).
    WbBilateralRemittancesCsv,
    /// KNOMAD annual remittance inflows (US$ millions).
    KnomadInflows,
    /// KNOMAD annual remittance outflows (US$ millions).
    KnomadOutflows,
    /// WDI bulk download as CSV (`API_<code>_DS2_*.csv`).
    WdiBulkCsv,
    /// WDI bulk download as a legacy workbook (`API_<code>_DS2_*.xls`, sheet `Data`).
    WdiBulkXls,
    /// WDI series in long form (`Country Name,Country Code,Year,Value`), the series
    /// code taken from the file name.
    WdiLongCsv,
    /// WDI DataBank export with series down and years across (`Series Name`,
    /// `Series Code`, `Country Name`, `Country Code`, `2017 [YR2017]`…).
    WdiDatabank,
    /// WDI DataBank export with years down and series across (`Time`, `Time Code`,
    /// `Country Name`, `Country Code`, `<name> [<code>]`…).
    WdiDatabankBySeries,
    /// World Bank API v2 JSON (`[{page…}, [{indicator, country, countryiso3code,
    /// date, value}…]]`).
    WdiApiJson,
    /// Remittance Prices Worldwide corridor averages, DataBank CSV extract (senders
    /// and receivers down, quarters across).
    RpwCorridors,
    /// Remittance Prices Worldwide dataset of quotes: one row per service, corridor and
    /// quarter (sheet `Dataset …`).
    RpwDataset,
    /// UN World Population Prospects net migration in long form
    /// (`country_code,year,mig`, M49 codes, thousands).
    WppNetMigration,
    /// OECD DIOC-E 2010/11 File 1 (by age), CSV: tertiary-educated emigrants aged 25+
    /// by country of birth and native-born tertiary-educated residents aged 25+.
    OecdDiocE,
    /// IAB brain-drain data, gender file (`iabbd_8010_v1_gender.xls`): one sheet per
    /// destination, migrant stocks by country of birth and sex, 1980–2010.
    IabBrainDrainGender,
    /// World Bank income classification, `CLASS.xlsx` (sheet `List of economies`):
    /// each economy's income group for the classification's fiscal year.
    WbIncomeClassification,
    /// Ratifications of the 1990 migrant workers convention (ICMW), a table compiled
    /// from the UN Treaty Collection (`iso2,member,state party,…`).
    IcmwRatifications,
    /// WDI bulk download's country metadata (`Metadata_Country_….csv`: `Country Code,
    /// Region, IncomeGroup, SpecialNotes, TableName`): income groups.
    WdiMetadataCountry,
    /// UN DESA International Migrant Stock 2020 annex (sheet `Annex`): each country's
    /// development group, SDG region, geographic region and subregion (M49 codes),
    /// LDC/LLDC/SIDS membership and World Bank income group.
    UndesaClassificationAnnex,
    /// UN DESA International Migrant Stock destination × origin table reshaped by a
    /// third party into a tidy CSV (`year,origin,destination,migrant_stock`, ISO3
    /// codes, both sexes; zero pairs and some areas dropped).
    UndesaBilateralTidyCsv,
    /// UN DESA International Migrant Stock destination × origin table reshaped by a
    /// third party into chord-diagram JSON (`names`, `regions`, `matrix[year][i][j]`);
    /// the sex is taken from the file name.
    UndesaBilateralChordJson,
    /// UN World Population Prospects period indicators as CSV (`LocID, Location, VarID,
    /// Variant, Time, …`, e.g. `WPP2019_Period_Indicators_Medium.csv`): births, deaths by
    /// sex and the sex ratio at birth per five-year period, thousands.
    WppPeriodIndicators,
    /// The UN World Population Prospects R package's population by sex and five-year age
    /// group (`popM.txt`, `popF.txt`: `country_code, name, age, 1950, 1955, …`,
    /// tab-separated, thousands on 1 July); the sex from the file name, the edition from
    /// the file's path.
    WppPopulationByAge,
    /// SDMX-CSV data (1.0 or 2.0, with or without label columns), e.g. an OECD Data
    /// Explorer export; its dataflow says what it holds, and only the dataflows mapped to
    /// Coherence indicators are stored (OECD International Migration Database inflows).
    SdmxCsv,
    /// UNHCR Refugee Data Finder population figures as CSV (`Year, Country of origin,
    /// Country of origin (ISO), Country of asylum, Country of asylum (ISO)`, then one
    /// column per population type): refugees, asylum-seekers and others in need of
    /// international protection by origin and asylum, IDPs by country, end-year stocks.
    UnhcrPopulation,
    /// ILOSTAT `MNA_OEMP_SEX_CDS_NB` (outflow of nationals for employment by sex and
    /// country of destination, thousands) in Gapminder's DDF datapoints layout
    /// (`ref_area,sex,classif1,time,mna_oemp_sex_cds_nb`).
    IlostatDdf,
    /// ILOSTAT `MNA_OEMP_SEX_CDS_NB` in ILOSTAT's own bulk CSV layout (`ref_area,
    /// source, indicator, sex, classif1, time, obs_value, obs_status, …`).
    IlostatCsv,
    /// Nepal, Department of Foreign Employment: labour permits of one month by
    /// destination, channel and sex (`<month>-<year>.csv`, converted from PDF by a third
    /// party); the month and fiscal year from the file name.
    DofeNepalMonthly,
    /// Sri Lanka Bureau of Foreign Employment registrations by destination, skill level
    /// and sex (`{"columns": […], "rows": […]}` JSON); the year from the file's path.
    SlbfeRegistrations,
    /// Coherence's own deployments CSV (`origin,destination,year,sex,channel,skill,
    /// persons,source`).
    CoherenceDeploymentsCsv,
}

impl Kind {
    /// Every kind, in a stable order.
    pub const ALL: [Kind; 36] = [
        Kind::UndesaDestination,
        Kind::UndesaOrigin,
        Kind::UndesaBilateral,
        Kind::UndesaBilateral2015,
        Kind::UndesaBilateral2019Csv,
        Kind::WbBilateralMigration,
        Kind::WbBilateralRemittances,
        Kind::WbBilateralRemittancesCsv,
        Kind::KnomadInflows,
        Kind::KnomadOutflows,
        Kind::WdiBulkCsv,
        Kind::WdiBulkXls,
        Kind::WdiLongCsv,
        Kind::WdiDatabank,
        Kind::WdiDatabankBySeries,
        Kind::WdiApiJson,
        Kind::RpwCorridors,
        Kind::RpwDataset,
        Kind::WppNetMigration,
        Kind::OecdDiocE,
        Kind::IabBrainDrainGender,
        Kind::WbIncomeClassification,
        Kind::IcmwRatifications,
        Kind::WdiMetadataCountry,
        Kind::UndesaClassificationAnnex,
        Kind::UndesaBilateralTidyCsv,
        Kind::UndesaBilateralChordJson,
        Kind::WppPeriodIndicators,
        Kind::WppPopulationByAge,
        Kind::SdmxCsv,
        Kind::UnhcrPopulation,
        Kind::IlostatDdf,
        Kind::IlostatCsv,
        Kind::DofeNepalMonthly,
        Kind::SlbfeRegistrations,
        Kind::CoherenceDeploymentsCsv,
    ];

    /// The stable kebab-case name, as `--kind` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::UndesaDestination => "undesa-destination",
            Kind::UndesaOrigin => "undesa-origin",
            Kind::UndesaBilateral => "undesa-bilateral",
            Kind::UndesaBilateral2015 => "undesa-bilateral-2015",
            Kind::UndesaBilateral2019Csv => "undesa-bilateral-2019-csv",
            Kind::WbBilateralMigration => "wb-bilateral-migration",
            Kind::WbBilateralRemittances => "wb-bilateral-remittances",
            Kind::WbBilateralRemittancesCsv => "wb-bilateral-remittances-csv",
            Kind::KnomadInflows => "knomad-inflows",
            Kind::KnomadOutflows => "knomad-outflows",
            Kind::WdiBulkCsv => "wdi-bulk-csv",
            Kind::WdiBulkXls => "wdi-bulk-xls",
            Kind::WdiLongCsv => "wdi-long-csv",
            Kind::WdiDatabank => "wdi-databank",
            Kind::WdiDatabankBySeries => "wdi-databank-by-series",
            Kind::WdiApiJson => "wdi-api-json",
            Kind::RpwCorridors => "rpw-corridors",
            Kind::RpwDataset => "rpw-dataset",
            Kind::WppNetMigration => "wpp-net-migration",
            Kind::OecdDiocE => "oecd-dioc-e",
            Kind::IabBrainDrainGender => "iab-brain-drain-gender",
            Kind::WbIncomeClassification => "wb-income-classification",
            Kind::IcmwRatifications => "icmw-ratifications",
            Kind::WdiMetadataCountry => "wdi-metadata-country",
            Kind::UndesaClassificationAnnex => "undesa-classification-annex",
            Kind::UndesaBilateralTidyCsv => "undesa-bilateral-tidy-csv",
            Kind::UndesaBilateralChordJson => "undesa-bilateral-chord-json",
            Kind::WppPeriodIndicators => "wpp-period-indicators",
            Kind::WppPopulationByAge => "wpp-population-by-age",
            Kind::SdmxCsv => "sdmx-csv",
            Kind::UnhcrPopulation => "unhcr-population",
            Kind::IlostatDdf => "ilostat-ddf",
            Kind::IlostatCsv => "ilostat-csv",
            Kind::DofeNepalMonthly => "dofe-nepal-monthly",
            Kind::SlbfeRegistrations => "slbfe-registrations",
            Kind::CoherenceDeploymentsCsv => "coherence-deployments-csv",
        }
    }

    /// Parses [`Kind::name`]'s output.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// A one-line description, for `coherence import` to say what it recognised.
    pub fn description(self) -> &'static str {
        match self {
            Kind::UndesaDestination => "UN DESA International Migrant Stock, totals by destination",
            Kind::UndesaOrigin => "UN DESA International Migrant Stock, totals by origin",
            Kind::UndesaBilateral => {
                "UN DESA International Migrant Stock by destination and origin"
            }
            Kind::UndesaBilateral2015 => {
                "UN DESA Trends in International Migrant Stock 2015, origin × destination"
            }
            Kind::UndesaBilateral2019Csv => {
                "UN DESA International Migrant Stock 2019, origin × destination (CSV)"
            }
            Kind::WbBilateralMigration => "World Bank bilateral migration matrix",
            Kind::WbBilateralRemittances => "World Bank/KNOMAD bilateral remittance matrix",
            Kind::WbBilateralRemittancesCsv => {
                "World Bank/KNOMAD bilateral remittance matrix (CSV)"
            }
            Kind::KnomadInflows => "KNOMAD annual remittance inflows",
            Kind::KnomadOutflows => "KNOMAD annual remittance outflows",
            Kind::WdiBulkCsv => "World Development Indicators, bulk CSV",
            Kind::WdiBulkXls => "World Development Indicators, bulk workbook",
            Kind::WdiLongCsv => "World Development Indicators, one series in long form",
            Kind::WdiDatabank => "World Development Indicators, DataBank export (series down)",
            Kind::WdiDatabankBySeries => {
                "World Development Indicators, DataBank export (series across)"
            }
            Kind::WdiApiJson => "World Bank API v2 JSON",
            Kind::RpwCorridors => "Remittance Prices Worldwide, corridor averages (DataBank)",
            Kind::RpwDataset => "Remittance Prices Worldwide, dataset of quotes",
            Kind::WppNetMigration => "UN World Population Prospects, net migration",
            Kind::OecdDiocE => "OECD DIOC-E 2010/11, File 1 (population by age)",
            Kind::IabBrainDrainGender => "IAB brain-drain data, migrant stocks by gender",
            Kind::WbIncomeClassification => "World Bank income classification (CLASS.xlsx)",
            Kind::IcmwRatifications => "Migrant workers convention (ICMW) ratifications",
            Kind::WdiMetadataCountry => "World Development Indicators, country metadata",
            Kind::UndesaClassificationAnnex => {
                "UN DESA International Migrant Stock 2020, classification of countries (annex)"
            }
            Kind::UndesaBilateralTidyCsv => {
                "UN DESA International Migrant Stock by destination and origin, tidy subset reshaped by a third party"
            }
            Kind::UndesaBilateralChordJson => {
                "UN DESA International Migrant Stock by destination and origin, chord-diagram JSON reshaped by a third party"
            }
            Kind::WppPeriodIndicators => {
                "UN World Population Prospects, period indicators (births, deaths, sex ratio at birth)"
            }
            Kind::WppPopulationByAge => {
                "UN World Population Prospects R package, population by sex and age group"
            }
            Kind::SdmxCsv => "SDMX-CSV data (e.g. an OECD Data Explorer export)",
            Kind::UnhcrPopulation => {
                "UNHCR Refugee Data Finder, population figures (refugees, asylum-seekers, IDPs)"
            }
            Kind::IlostatDdf => {
                "ILOSTAT outflow of nationals for employment by destination (DDF datapoints)"
            }
            Kind::IlostatCsv => {
                "ILOSTAT outflow of nationals for employment by destination (bulk CSV)"
            }
            Kind::DofeNepalMonthly => {
                "Nepal Department of Foreign Employment, monthly labour permits by destination"
            }
            Kind::SlbfeRegistrations => {
                "Sri Lanka Bureau of Foreign Employment, registrations by destination and skill level"
            }
            Kind::CoherenceDeploymentsCsv => "Coherence deployments CSV",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What to do with names or codes that match no country, area or aggregate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownAreas {
    /// Stop the import with the complete list ([`ImportErrorKind::UnknownAreas`]).
    #[default]
    Reject,
    /// Skip their values and report each name as a [`Diagnostic`].
    Skip,
}

/// Options of [`read`]. The default rejects unknown areas and knows no path.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// What to do with unknown country or area names and codes.
    pub unknown_areas: UnknownAreas,
    /// The file's path as the caller found it (as the user named it, or under a folder
    /// the user named), when there is one. Only a layout that does not state something
    /// its dataset needs reads it: the WPP R package's population tables
    /// ([`Kind::WppPopulationByAge`]) take their edition from the nearest folder named
    /// `wpp<year>…`, and say so in a note. Values' provenance still names the file only.
    pub path: Option<String>,
    /// The limits the file is held to ([`Limits::default`] unless raised).
    pub limits: Limits,
    /// Areas outside the UN list that a file's ISO alpha-3 code columns may name: the
    /// built-in demo world's fictional countries, read with its deployments table. Empty
    /// for users' files, whose areas must be real (a defined area's data comes in
    /// Coherence's own area-aware formats).
    pub defined_areas: Vec<Iso3>,
}

/// Something read but deliberately not stored, or worth knowing about the import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where: for skipped areas, the first cell naming them.
    pub location: Location,
    /// What.
    pub kind: DiagnosticKind,
}

/// The kind of a [`Diagnostic`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// An aggregate (world, region, income group, "Other South"…): its values are
    /// not stored; Coherence stores countries and areas only and computes aggregates.
    AggregateSkipped {
        /// The name or code as written.
        name: String,
    },
    /// A real area without an ISO 3166-1 code (e.g. Kosovo, Channel Islands): its
    /// values are not stored.
    NoIsoCodeSkipped {
        /// The name or code as written.
        name: String,
    },
    /// An unknown name or code whose values were skipped ([`UnknownAreas::Skip`]).
    UnknownAreaSkipped {
        /// The name or code as written.
        name: String,
    },
    /// Anything else, e.g. series of a WDI file that Coherence does not store.
    Note {
        /// The message.
        message: String,
    },
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        match &self.kind {
            DiagnosticKind::AggregateSkipped { name } => {
                write!(f, "{name:?} is an aggregate, not a country; its values were not stored")
            }
            DiagnosticKind::NoIsoCodeSkipped { name } => {
                write!(f, "{name:?} has no ISO 3166-1 code; its values were not stored")
            }
            DiagnosticKind::UnknownAreaSkipped { name } => {
                write!(f, "unknown country or area {name:?}; its values were skipped")
            }
            DiagnosticKind::Note { message } => f.write_str(message),
        }
    }
}

/// Recognises a file's layout from its content (the name is only used to find a WDI
/// series code that the content does not state). Returns `None` if no layout fits, or
/// if a workbook cannot be opened within `limits` (`read` then names the reason).
pub fn detect(file_name: &str, bytes: &[u8], limits: &Limits) -> Option<Kind> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return detect_workbook(file_name, bytes, limits);
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &text[..text.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    let trimmed = head.trim_start();
    if trimmed.starts_with('[') {
        return Some(Kind::WdiApiJson);
    }
    if trimmed.starts_with('{') && reshape::is_chord_json(text) {
        return Some(Kind::UndesaBilateralChordJson);
    }
    let first_line = head.lines().next().unwrap_or("");
    if wpp::is_population_header(first_line) {
        return Some(Kind::WppPopulationByAge);
    }
    let fields: Vec<String> =
        first_line.split(',').map(|f| f.trim().trim_matches('"').trim().to_owned()).collect();
    let field = |i: usize| fields.get(i).map_or("", String::as_str);
    match (field(0), field(1)) {
        ("Year", "Dest") => return Some(Kind::UndesaBilateral2019Csv),
        ("Data Source", _) | ("Country Name", "Country Code")
            if field(2) == "Indicator Name" || field(0) == "Data Source" =>
        {
            return Some(Kind::WdiBulkCsv);
        }
        ("Country Name", "Country Code") if field(2) == "Year" => return Some(Kind::WdiLongCsv),
        ("Series Name", "Series Code") => return Some(Kind::WdiDatabank),
        ("Sending Countries Name", _) => return Some(Kind::RpwCorridors),
        ("country_code", "year") if field(2) == "mig" => return Some(Kind::WppNetMigration),
        ("Time", "Time Code") => return Some(Kind::WdiDatabankBySeries),
        ("LocID", _) if fields.len() >= 5 && fields[..5] == wpp::PERIOD_HEADER => {
            return Some(Kind::WppPeriodIndicators);
        }
        ("Country Code", "Region") if field(2) == "IncomeGroup" => {
            return Some(Kind::WdiMetadataCountry);
        }
        ("iso2", "member") if fields.iter().any(|f| f == "state party") => {
            return Some(Kind::IcmwRatifications);
        }
        ("", _) if fields.len() > 50 => return Some(Kind::WbBilateralRemittancesCsv),
        _ => {}
    }
    let names: Vec<&str> = fields.iter().map(String::as_str).collect();
    if reshape::is_tidy_header(&names) {
        return Some(Kind::UndesaBilateralTidyCsv);
    }
    if dioc::is_header(&names) {
        return Some(Kind::OecdDiocE);
    }
    if sdmx::is_header(&names) {
        return Some(Kind::SdmxCsv);
    }
    if unhcr::is_export(&head) {
        return Some(Kind::UnhcrPopulation);
    }
    if ilostat::is_ddf_header(&names) {
        return Some(Kind::IlostatDdf);
    }
    if ilostat::is_bulk(&head) {
        return Some(Kind::IlostatCsv);
    }
    if trimmed.starts_with('{') && deployments::slbfe::is_table(text) {
        return Some(Kind::SlbfeRegistrations);
    }
    if deployments::dofe::is_monthly_table(&head) {
        return Some(Kind::DofeNepalMonthly);
    }
    if deployments::own::is_header(&names) {
        return Some(Kind::CoherenceDeploymentsCsv);
    }
    None
}

fn detect_workbook(file_name: &str, bytes: &[u8], limits: &Limits) -> Option<Kind> {
    let mut wb = Workbook::open(file_name, bytes, limits).ok()?;
    let names = wb.sheet_names();
    if wb.has_sheet("Table 1") {
        let head = wb.head("Table 1", 16).ok()?;
        if head.find(16, |s| s.eq_ignore_ascii_case("Location code of destination")).is_some() {
            return Some(Kind::UndesaBilateral);
        }
        if head.find(16, |s| s.eq_ignore_ascii_case("Location code")).is_some() {
            let title =
                |needle: &str| head.find(12, |s| s.to_ascii_lowercase().contains(needle)).is_some();
            if title("country or area of destination") {
                return Some(Kind::UndesaDestination);
            }
            if title("country or area of origin") {
                return Some(Kind::UndesaOrigin);
            }
        }
    }
    if wb.has_sheet("List of economies") {
        let head = wb.head("List of economies", 4).ok()?;
        let has = |name: &str| head.find(4, |s| s.eq_ignore_ascii_case(name)).is_some();
        if has("Code") && has("Income group") {
            return Some(Kind::WbIncomeClassification);
        }
    }
    if wb.has_sheet("Annex") {
        let head = wb.head("Annex", 16).ok()?;
        let has = |prefix: &str| {
            head.find(16, |s| s.to_ascii_lowercase().starts_with(&prefix.to_ascii_lowercase()))
                .is_some()
        };
        if has("ISO3 Alpha-code") && has("Least developed countries") && has("Small Island") {
            return Some(Kind::UndesaClassificationAnnex);
        }
    }
    if iab::is_gender_file(&mut wb) {
        return Some(Kind::IabBrainDrainGender);
    }
    if wb.has_sheet("Table 16") {
        let head = wb.head("Table 16", 20).ok()?;
        if head.find(20, |s| s.eq_ignore_ascii_case("Country of origin")).is_some() {
            return Some(Kind::UndesaBilateral2015);
        }
    }
    if wb.has_sheet("Data") {
        let head = wb.head("Data", 8).ok()?;
        let cell = |r: usize, c: usize| head.text(r, c).into_owned();
        if cell(0, 0) == "Series Name" && cell(0, 1) == "Series Code" {
            return Some(Kind::WdiDatabank);
        }
        if cell(0, 0) == "Time" && cell(0, 1) == "Time Code" {
            return Some(Kind::WdiDatabankBySeries);
        }
        if head.find(8, |s| s == "Indicator Code").is_some() {
            return Some(Kind::WdiBulkXls);
        }
    }
    for name in names.iter().filter(|n| n.to_ascii_lowercase().starts_with("dataset")) {
        let Ok(head) = wb.head(name, 10) else { continue };
        if head.find(10, |s| s.eq_ignore_ascii_case("cc1 total cost %")).is_some() {
            return Some(Kind::RpwDataset);
        }
    }
    for name in &names {
        let Ok(head) = wb.head(name, 4) else { continue };
        let Some((row, col)) = head.find(4, |s| !s.is_empty()) else { continue };
        let lower = head.text(row, col).to_ascii_lowercase();
        if lower.starts_with("remittance inflows") {
            return Some(Kind::KnomadInflows);
        }
        if lower.starts_with("remittance outflows") {
            return Some(Kind::KnomadOutflows);
        }
        if lower.contains("bilateral") && lower.contains("remittance") {
            return Some(Kind::WbBilateralRemittances);
        }
        if lower.contains("bilateral") && lower.contains("migra") {
            return Some(Kind::WbBilateralMigration);
        }
    }
    None
}

/// Reads a file as the given layout.
///
/// `file_name` is the name the values' provenance records (not a path); `bytes` are
/// the whole file. The dataset's metadata are filled from the file (publisher, title,
/// edition, licence where stated) with `source` = `file_name` and the file's SHA-256.
/// Values are in the base units of their [`Indicator`]s: persons, US dollars.
///
/// # Errors
/// Returns an [`ImportError`] naming the file, sheet, row and column if the file does
/// not fit the layout: unreadable bytes, a missing header, text in a numeric cell, a
/// duplicated key, or unknown country names (all listed) unless
/// [`ReadOptions::unknown_areas`] says to skip them.
pub fn read(
    kind: Kind,
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Dataset, Vec<Diagnostic>), ImportError> {
    let mut out = Builder::new(file_name, bytes, options);
    match kind {
        Kind::UndesaDestination => undesa::read_totals(&mut out, undesa::Side::Destination)?,
        Kind::UndesaOrigin => undesa::read_totals(&mut out, undesa::Side::Origin)?,
        Kind::UndesaBilateral => undesa::read_bilateral(&mut out)?,
        Kind::UndesaBilateral2015 => undesa::read_2015(&mut out)?,
        Kind::UndesaBilateral2019Csv => undesa::read_2019_csv(&mut out)?,
        Kind::WbBilateralMigration => {
            worldbank::read_matrix(&mut out, worldbank::Matrix::Migration)?
        }
        Kind::WbBilateralRemittances => {
            worldbank::read_matrix(&mut out, worldbank::Matrix::Remittances)?;
        }
        Kind::WbBilateralRemittancesCsv => worldbank::read_remittance_csv(&mut out)?,
        Kind::KnomadInflows => worldbank::read_knomad(&mut out, worldbank::Flow::Inflows)?,
        Kind::KnomadOutflows => worldbank::read_knomad(&mut out, worldbank::Flow::Outflows)?,
        Kind::WdiBulkCsv => wdi::read_bulk_csv(&mut out)?,
        Kind::WdiBulkXls => wdi::read_bulk_xls(&mut out)?,
        Kind::WdiLongCsv => wdi::read_long_csv(&mut out)?,
        Kind::WdiDatabank => wdi::read_databank(&mut out)?,
        Kind::WdiDatabankBySeries => wdi::read_databank_by_series(&mut out)?,
        Kind::WdiApiJson => wdi::read_api_json(&mut out)?,
        Kind::RpwCorridors => rpw::read_corridors(&mut out)?,
        Kind::RpwDataset => rpw::read_dataset(&mut out)?,
        Kind::WppNetMigration => undesa::read_wpp_net_migration(&mut out)?,
        Kind::OecdDiocE => dioc::read(&mut out)?,
        Kind::IabBrainDrainGender => iab::read_gender(&mut out)?,
        Kind::WbIncomeClassification => classification::read_class_dataset(&mut out)?,
        Kind::IcmwRatifications => classification::read_icmw_dataset(&mut out)?,
        Kind::WdiMetadataCountry => classification::read_metadata_country(&mut out)?,
        Kind::UndesaClassificationAnnex => classification::read_undesa_annex(&mut out)?,
        Kind::UndesaBilateralTidyCsv => reshape::read_tidy_csv(&mut out)?,
        Kind::UndesaBilateralChordJson => reshape::read_chord_json(&mut out)?,
        Kind::WppPeriodIndicators => wpp::read_period_indicators(&mut out)?,
        Kind::WppPopulationByAge => wpp::read_population_by_age(&mut out)?,
        Kind::SdmxCsv => sdmx::read(&mut out)?,
        Kind::UnhcrPopulation => unhcr::read(&mut out)?,
        Kind::IlostatDdf => ilostat::read_ddf(&mut out)?,
        Kind::IlostatCsv => ilostat::read_bulk(&mut out)?,
        Kind::DofeNepalMonthly => deployments::dofe::read(&mut out)?,
        Kind::SlbfeRegistrations => deployments::slbfe::read(&mut out)?,
        Kind::CoherenceDeploymentsCsv => deployments::own::read(&mut out)?,
    }
    out.finish()
}

/// How a reader names an area: by name, by UN M49 code or by World Bank code.
#[derive(Clone, Copy, Debug)]
pub(crate) enum AreaId<'a> {
    /// A name.
    Name(&'a str),
    /// A UN M49 code, with the name beside it for messages.
    M49(u16, &'a str),
    /// A World Bank (ISO alpha-3 or aggregate) code, with the name beside it.
    Wb(&'a str, &'a str),
}

impl AreaId<'_> {
    fn label(&self) -> String {
        match self {
            AreaId::Name(name) => name.trim().to_owned(),
            AreaId::M49(code, name) if name.trim().is_empty() => format!("M49 code {code}"),
            AreaId::M49(code, name) => format!("{} ({code})", name.trim()),
            AreaId::Wb(code, name) => format!("{} ({})", name.trim(), code.trim()),
        }
    }
}

/// The output of a reader under construction: metadata, values, diagnostics, and the
/// bookkeeping that finds duplicates and unknown areas.
pub(crate) struct Builder<'a> {
    /// The file name, for locations and provenance.
    pub(crate) file: &'a str,
    /// The file's bytes.
    pub(crate) bytes: &'a [u8],
    options: &'a ReadOptions,
    /// The dataset's metadata; readers fill key, publisher, title, edition, licence.
    pub(crate) meta: DatasetMeta,
    values: Vec<AreaValue>,
    pairs: Vec<PairValue>,
    diagnostics: Vec<Diagnostic>,
    reported: HashSet<String>,
    unknown: Vec<(String, u32)>,
    unknown_location: Option<Location>,
    value_keys: HashMap<(&'static str, Iso3, Year, Sex), u32>,
    pair_keys: HashMap<(&'static str, Iso3, Iso3, Year, Sex), u32>,
}

impl<'a> Builder<'a> {
    /// Starts the output of a reader.
    pub(crate) fn new(file: &'a str, bytes: &'a [u8], options: &'a ReadOptions) -> Builder<'a> {
        let meta = DatasetMeta {
            source: file.to_owned(),
            files: vec![SourceFile {
                name: file.to_owned(),
                sha256: crate::sha256_hex(bytes),
                bytes: bytes.len() as u64,
            }],
            ..DatasetMeta::default()
        };
        Builder {
            file,
            bytes,
            options,
            meta,
            values: Vec::new(),
            pairs: Vec::new(),
            diagnostics: Vec::new(),
            reported: HashSet::new(),
            unknown: Vec::new(),
            unknown_location: None,
            value_keys: HashMap::new(),
            pair_keys: HashMap::new(),
        }
    }

    /// The file's path as the caller found it ([`ReadOptions::path`]).
    pub(crate) fn path(&self) -> Option<&'a str> {
        self.options.path.as_deref()
    }

    /// Opens the file as a workbook.
    pub(crate) fn workbook(&self) -> Result<Workbook<'a>, ImportError> {
        Workbook::open(self.file, self.bytes, &self.options.limits)
    }

    /// Reads the file as CSV.
    pub(crate) fn csv(&self) -> Result<Grid, ImportError> {
        Grid::csv(self.file, self.bytes, b',')
    }

    /// Adds a diagnostic.
    pub(crate) fn note(&mut self, location: Location, message: String) {
        self.diagnostics.push(Diagnostic { location, kind: DiagnosticKind::Note { message } });
    }

    /// Resolves an area. Returns the ISO code of a real area with one; for anything
    /// else records a diagnostic (once per name) or an unknown name, and returns
    /// `None`: the caller skips the area's values.
    pub(crate) fn area(
        &mut self,
        id: AreaId<'_>,
        location: impl FnOnce() -> Location,
    ) -> Option<Iso3> {
        if let AreaId::Wb(code, _) = id
            && let Some(iso3) = self.options.defined_areas.iter().find(|c| c.as_str() == code)
        {
            return Some(*iso3);
        }
        let found = match id {
            AreaId::Name(name) => areas::match_name(name),
            AreaId::M49(code, _) => areas::match_m49(code),
            AreaId::Wb(code, name) => {
                areas::match_wb_code(code).or_else(|| areas::match_name(name))
            }
        };
        if let Some(AreaMatch::Area(iso3)) = found {
            return Some(iso3);
        }
        let label = id.label();
        if !self.reported.insert(label.clone()) {
            return None;
        }
        let location = location();
        let kind = match found {
            Some(AreaMatch::Aggregate) => DiagnosticKind::AggregateSkipped { name: label },
            Some(AreaMatch::WithoutIsoCode) => DiagnosticKind::NoIsoCodeSkipped { name: label },
            Some(AreaMatch::Area(_)) => return None,
            None => {
                if self.unknown_location.is_none() {
                    self.unknown_location = Some(location.clone());
                }
                self.unknown.push((label.clone(), location.row.unwrap_or(0)));
                if self.options.unknown_areas == UnknownAreas::Reject {
                    return None;
                }
                DiagnosticKind::UnknownAreaSkipped { name: label }
            }
        };
        self.diagnostics.push(Diagnostic { location, kind });
        None
    }

    /// Reports an area that a reader recognised itself as not stored (a publisher's own
    /// code for a region, a former state or an unknown origin), once per label.
    pub(crate) fn skip_area(
        &mut self,
        label: String,
        kind: AreaMatch,
        location: impl FnOnce() -> Location,
    ) {
        if !self.reported.insert(label.clone()) {
            return;
        }
        let kind = match kind {
            AreaMatch::WithoutIsoCode => DiagnosticKind::NoIsoCodeSkipped { name: label },
            AreaMatch::Aggregate | AreaMatch::Area(_) => {
                DiagnosticKind::AggregateSkipped { name: label }
            }
        };
        self.diagnostics.push(Diagnostic { location: location(), kind });
    }

    /// Adds a value for one area.
    ///
    /// # Errors
    /// Returns [`ImportErrorKind::Duplicate`] if the same indicator, area, year and sex
    /// was already read.
    pub(crate) fn push_value(&mut self, value: AreaValue) -> Result<(), ImportError> {
        finite(&value.provenance, value.value, value.indicator.unit)?;
        let key = (value.indicator.code, value.area, value.year, value.sex);
        let row = value.provenance.row.unwrap_or(0);
        if let Some(first_row) = self.value_keys.insert(key, row) {
            return Err(duplicate(
                &value.provenance,
                format!("{} {} {} {}", value.indicator.code, value.area, value.year, value.sex),
                first_row,
            ));
        }
        self.values.push(value);
        Ok(())
    }

    /// Adds a value for a pair of areas.
    ///
    /// # Errors
    /// Returns [`ImportErrorKind::Duplicate`] if the same indicator, pair, year and sex
    /// was already read.
    pub(crate) fn push_pair(&mut self, pair: PairValue) -> Result<(), ImportError> {
        finite(&pair.provenance, pair.value, pair.indicator.unit)?;
        let key = (pair.indicator.code, pair.from, pair.to, pair.year, pair.sex);
        let row = pair.provenance.row.unwrap_or(0);
        if let Some(first_row) = self.pair_keys.insert(key, row) {
            return Err(duplicate(
                &pair.provenance,
                format!(
                    "{} {}→{} {} {}",
                    pair.indicator.code, pair.from, pair.to, pair.year, pair.sex
                ),
                first_row,
            ));
        }
        self.pairs.push(pair);
        Ok(())
    }

    /// Convenience: a value for one area read from a grid cell.
    #[allow(
        clippy::too_many_arguments,
        reason = "one call site per layout; a struct would only rename the arguments"
    )]
    pub(crate) fn area_value(
        &mut self,
        indicator: Indicator,
        area: Iso3,
        year: Year,
        sex: Sex,
        value: f64,
        provenance: Provenance,
    ) -> Result<(), ImportError> {
        self.push_value(AreaValue { indicator, area, year, sex, value, provenance })
    }

    /// Ends a reader that returns rows of its own instead of a dataset: the
    /// diagnostics, or the error listing every unknown area.
    pub(crate) fn finish_rows(self) -> Result<Vec<Diagnostic>, ImportError> {
        self.finish().map(|(_, diagnostics)| diagnostics)
    }

    fn finish(self) -> Result<(Dataset, Vec<Diagnostic>), ImportError> {
        if !self.unknown.is_empty() && self.options.unknown_areas == UnknownAreas::Reject {
            return Err(ImportError::new(
                self.unknown_location.unwrap_or_else(|| Location::file(self.file)),
                ImportErrorKind::UnknownAreas { names: self.unknown },
            ));
        }
        let dataset = Dataset {
            meta: self.meta,
            areas: Vec::new(),
            values: self.values,
            pairs: self.pairs,
            policies: Vec::new(),
        };
        Ok((dataset, self.diagnostics))
    }
}

fn duplicate(provenance: &Provenance, key: String, first_row: u32) -> ImportError {
    ImportError::new(location_of(provenance), ImportErrorKind::Duplicate { key, first_row })
}

fn location_of(provenance: &Provenance) -> Location {
    Location {
        file: provenance.file.clone(),
        sheet: provenance.sheet.clone(),
        row: provenance.row,
        column: provenance.column.clone(),
    }
}

/// Every stored value is finite in its base unit: a cell whose value overflows when
/// converted (thousands to persons, millions to US$) is an error naming the cell, never
/// an infinite value in the store.
fn finite(provenance: &Provenance, value: f64, unit: Unit) -> Result<(), ImportError> {
    if value.is_finite() {
        return Ok(());
    }
    Err(bad_value(
        location_of(provenance),
        format!("a number that stays finite in {}", unit.label()),
        value.to_string(),
    ))
}

/// The error for a header, sheet or column the layout requires but the file lacks.
pub(crate) fn missing(location: Location, expected: impl Into<String>) -> ImportError {
    ImportError::new(location, ImportErrorKind::MissingHeader { expected: expected.into() })
}

/// The error for a cell that holds something other than what its column requires.
pub(crate) fn bad_value(
    location: Location,
    expected: impl Into<String>,
    found: impl Into<String>,
) -> ImportError {
    ImportError::new(
        location,
        ImportErrorKind::BadValue { expected: expected.into(), found: found.into() },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip_and_are_kebab_case() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.name()), Some(kind));
            assert!(
                kind.name()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            );
        }
    }

    #[test]
    fn nothing_recognised_in_random_text() {
        assert_eq!(detect("notes.txt", b"hello, world\n", &Limits::default()), None);
    }
}
