//! Nepal, Department of Foreign Employment: labour permits issued in one month, by
//! destination country, channel and sex (`<month>-<year>.csv`, tables converted from
//! the department's PDFs by a third party).
//!
//! **Layout.** A row of channel groups (`Recruiting Agency`, `Individual-New`, `G-to-G`
//! or `G2G EPS Korea` in some months, `Individual-Legalization` in some months,
//! `Individual-ReEntry`, `Total with ReEntry`, `Total without ReEntry` in some months),
//! then the header `Country,Male,Female,Total,…` (one `Male,Female,Total` triple per
//! group), then one row per destination and usually a `Total`/`Grand Total` row. The
//! file may start with an empty row or a byte-order mark. Columns are mapped by their
//! group label, which the conversion sometimes wrote over the second column of its
//! triple: the label is the one non-empty cell above the triple.
//!
//! **Stored** (origin NPL, persons, by sex): `Total with ReEntry` as
//! [`Indicator::DEPLOYMENTS`], `Recruiting Agency` as `DEPLOYMENTS_AGENCY`,
//! `Individual-New` as `DEPLOYMENTS_INDIVIDUAL`, the G-to-G group as `DEPLOYMENTS_G2G`,
//! `Individual-ReEntry` as `DEPLOYMENTS_REENTRY`. `Individual-Legalization` (permits
//! for workers already abroad) has no indicator of its own: it is counted in the total
//! only. `Total without ReEntry` is not stored (the total less the re-entries). Zero
//! cells are not stored (one note gives their number).
//!
//! **Time.** The content does not state the month: it is taken from the file name
//! (`shrawan`/`shrawn`, `bhadra`, `ashoj`/`asoj`, `kartik`, `mangsir`, `poush`/`push`,
//! `magh`, `falgun`, `chaitra`, `baisakh`, `jestha`, `asar`/`ashad`), the fiscal year
//! from the four-digit Nepali year in it, which names the fiscal year (the files of
//! Baisakh, Jestha and Asar 2080 are named `…-2079`). Each month is its own dataset
//! (key `dofe-nepal-<fy>-<nn>-<month>`), stored at the calendar year in which the fiscal
//! year starts (FY 2079/80 → 2022): the store keeps one value per pair, year and sex in
//! a dataset, and a file is read alone, so months cannot be summed at import; the
//! fiscal-year total is the sum of the twelve monthly datasets at that year.
//!
//! **Checks** (reported as notes, never corrected): male + female = total in every
//! group; the channels add up to `Total with ReEntry`; `Total without ReEntry` = the
//! total less the re-entries; the total row equals the sum of the country rows.

use domain::{Indicator, Iso3, Provenance, Sex, Year};

use super::{Deployment, PERSONS, destination, push};
use crate::areas::AreaMatch;
use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value};
use crate::read::{Builder, bad_value, missing};

/// The origin of every value.
const NEPAL: Iso3 = Iso3::from_static("NPL");

/// The months of a Nepali fiscal year, in order, with the spellings accepted in file
/// names and the approximate Gregorian dates of fiscal year 2079/80.
const MONTHS: [(&str, &[&str], &str); 12] = [
    ("Shrawan", &["shrawan", "shrawn", "saun", "srawan"], "17 July – 16 August 2022"),
    ("Bhadra", &["bhadra", "bhadau"], "17 August – 16 September 2022"),
    ("Ashoj", &["ashoj", "asoj", "ashwin"], "17 September – 17 October 2022"),
    ("Kartik", &["kartik"], "18 October – 16 November 2022"),
    ("Mangsir", &["mangsir", "mangshir"], "17 November – 15 December 2022"),
    ("Poush", &["poush", "push", "paush"], "16 December 2022 – 14 January 2023"),
    ("Magh", &["magh"], "15 January – 12 February 2023"),
    ("Falgun", &["falgun", "phalgun"], "13 February – 14 March 2023"),
    ("Chaitra", &["chaitra", "chait"], "15 March – 13 April 2023"),
    ("Baisakh", &["baisakh", "baishakh", "baishak"], "14 April – 14 May 2023"),
    ("Jestha", &["jestha", "jeth"], "15 May – 14 June 2023"),
    ("Asar", &["asar", "ashad", "ashadh", "asadh"], "15 June – 16 July 2023"),
];

/// The group labels of the first header row.
const GROUPS: &str = "Recruiting Agency, Individual-New, G-to-G, Individual-Legalization, \
                      Individual-ReEntry, Total with ReEntry or Total without ReEntry";

/// A channel group of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Agency,
    IndividualNew,
    G2g,
    Legalization,
    ReEntry,
    TotalWith,
    TotalWithout,
}

impl Group {
    /// Recognises a group label: case, spaces and punctuation do not matter.
    fn parse(label: &str) -> Option<Group> {
        let key: String =
            label.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
        match key.as_str() {
            "recruitingagency" => Some(Group::Agency),
            "individualnew" => Some(Group::IndividualNew),
            k if k.starts_with("g2g") || k.starts_with("gtog") => Some(Group::G2g),
            "individuallegalization" | "individuallegalisation" => Some(Group::Legalization),
            "individualreentry" => Some(Group::ReEntry),
            "totalwithreentry" => Some(Group::TotalWith),
            "totalwithoutreentry" => Some(Group::TotalWithout),
            _ => None,
        }
    }

    /// The indicator the group is stored as, if any.
    fn indicator(self) -> Option<Indicator> {
        match self {
            Group::Agency => Some(Indicator::DEPLOYMENTS_AGENCY),
            Group::IndividualNew => Some(Indicator::DEPLOYMENTS_INDIVIDUAL),
            Group::G2g => Some(Indicator::DEPLOYMENTS_G2G),
            Group::ReEntry => Some(Indicator::DEPLOYMENTS_REENTRY),
            Group::TotalWith => Some(Indicator::DEPLOYMENTS),
            Group::Legalization | Group::TotalWithout => None,
        }
    }

    /// Whether the group is one of the channels that add up to the total.
    fn is_channel(self) -> bool {
        !matches!(self, Group::TotalWith | Group::TotalWithout)
    }
}

/// A group's three columns (male, female, total) and its label as written.
struct Triple {
    group: Group,
    label: String,
    first: usize,
}

/// The three sexes in the order of a triple's columns.
const SEXES: [(Sex, &str); 3] =
    [(Sex::Male, "Male"), (Sex::Female, "Female"), (Sex::Total, "Total")];

/// Whether the text is a DoFE monthly table: its first lines hold the `Recruiting
/// Agency` and `Total with ReEntry` group labels and a `Country,Male,Female,Total` header.
pub(crate) fn is_monthly_table(text: &str) -> bool {
    let head: Vec<&str> = text.lines().take(4).collect();
    let has = |needle: &str| head.iter().any(|l| l.to_ascii_lowercase().contains(needle));
    has("recruiting agency")
        && has("total with reentry")
        && head
            .iter()
            .any(|l| l.trim_start_matches('\u{feff}').starts_with("Country,Male,Female,Total"))
}

/// The month's position in the fiscal year (1 = Shrawan), its name, its dates and the
/// first Nepali year of the fiscal year, from the file name.
fn month_of(file: &str) -> Result<(usize, &'static str, &'static str, i64), ImportError> {
    let lower = file.to_ascii_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    let month = MONTHS
        .iter()
        .enumerate()
        .find(|(_, (_, spellings, _))| words.iter().any(|w| spellings.contains(w)))
        .ok_or_else(|| {
            missing(
                Location::file(file),
                "a Nepali month in the file name (e.g. `shrawan-2079.csv`): the table does not \
                 state its month",
            )
        })?;
    let year = words
        .iter()
        .filter(|w| w.len() == 4)
        .find_map(|w| w.parse::<i64>().ok().filter(|y| (2000..=2200).contains(y)))
        .ok_or_else(|| {
            missing(
                Location::file(file),
                "the Nepali fiscal year in the file name (e.g. `shrawan-2079.csv`)",
            )
        })?;
    let (i, (name, _, dates)) = month;
    Ok((i + 1, name, dates, year))
}

/// Reads one monthly table.
pub(crate) fn read(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let (position, month, dates, fy) = month_of(file)?;
    // The Nepali year begins in mid-April: a fiscal year starting in Shrawan of year
    // `fy` starts in July of `fy − 57`.
    let start = fy - 57;
    let year = Year::new(start).map_err(|_| {
        bad_value(Location::file(file), "a Nepali year in the file name", fy.to_string())
    })?;
    let fy_label = format!("{fy}/{:02}", (fy + 1) % 100);
    out.meta.key =
        format!("dofe-nepal-{fy}-{:02}-{:02}-{}", (fy + 1) % 100, position, month.to_lowercase());
    out.meta.publisher = "Department of Foreign Employment, Government of Nepal (PDF tables \
                          converted to CSV by a third party)"
        .to_owned();
    out.meta.title = format!(
        "Labour permits by destination, channel and sex, {month} (month {position} of fiscal \
         year {fy_label})"
    );
    let dates = if fy == 2079 { format!(", about {dates}") } else { String::new() };
    out.meta.edition = format!(
        "FY {fy_label} ({start}/{:02}), month {position}: {month}{dates}",
        (start + 1) % 100
    );
    let mut grid = out.csv()?;
    let header = (0..grid.n_rows().min(6))
        .find(|&r| grid.text(r, 0).eq_ignore_ascii_case("Country"))
        .ok_or_else(|| missing(grid.whole(file), "a header row `Country,Male,Female,Total,…`"))?;
    grid.set_header(header);
    let triples = triples(file, &grid, header)?;
    out.note(
        grid.whole(file),
        format!(
            "{month} of fiscal year {fy_label} (from the file name), stored at {start}, the \
             calendar year in which the fiscal year starts; each month is a dataset of its own"
        ),
    );
    let rows = Rows { grid: &grid, triples: &triples, year, first: header + 1 };
    rows.read(out)
}

/// Finds each group's `Male,Female,Total` columns and its label above them.
fn triples(file: &str, grid: &Grid, header: usize) -> Result<Vec<Triple>, ImportError> {
    let above = header.checked_sub(1).ok_or_else(|| {
        missing(grid.row_location(file, header), format!("a row of groups ({GROUPS}) above"))
    })?;
    let mut triples: Vec<Triple> = Vec::new();
    let mut col = 1;
    while !grid.cell(header, col).is_blank() {
        for (offset, (_, expected)) in SEXES.iter().enumerate() {
            let found = grid.text(header, col + offset);
            if !found.eq_ignore_ascii_case(expected) {
                return Err(bad_value(grid.location(file, header, col + offset), *expected, found));
            }
        }
        let labels: Vec<usize> =
            (col..col + 3).filter(|&c| !grid.cell(above, c).is_blank()).collect();
        let [label_col] = labels[..] else {
            return Err(missing(
                grid.location(file, above, col),
                format!("one group label ({GROUPS}) above columns {}–{}", col + 1, col + 3),
            ));
        };
        let label = grid.text(above, label_col).into_owned();
        let group = Group::parse(&label).ok_or_else(|| {
            bad_value(grid.location(file, above, label_col), GROUPS, label.as_str())
        })?;
        if triples.iter().any(|t| t.group == group) {
            return Err(bad_value(grid.location(file, above, label_col), "each group once", label));
        }
        triples.push(Triple { group, label, first: col });
        col += 3;
    }
    if !triples.iter().any(|t| t.group == Group::TotalWith) {
        return Err(missing(grid.row_location(file, above), "a `Total with ReEntry` group"));
    }
    Ok(triples)
}

/// The rows of one table, read with its columns.
struct Rows<'g> {
    grid: &'g Grid,
    triples: &'g [Triple],
    year: Year,
    /// The first row below the header.
    first: usize,
}

/// A destination's values: its first row, and the lines of further rows added to it.
struct Found {
    destination: Iso3,
    row: usize,
    numbers: Numbers,
    more: Vec<u32>,
}

/// One row's numbers: `[triple][sex]`, a missing cell as `None`.
type Numbers = Vec<[Option<f64>; 3]>;

impl Rows<'_> {
    /// Reads the country rows, checks them and the total row, and stores the values.
    fn read(&self, out: &mut Builder<'_>) -> Result<(), ImportError> {
        let file = out.file;
        let grid = self.grid;
        let mut sums: Vec<[f64; 3]> = vec![[0.0; 3]; self.triples.len()];
        let (mut zeros, mut totals) = (0usize, 0usize);
        let mut found: Vec<Found> = Vec::new();
        for row in self.first..grid.n_rows() {
            let width = self.triples.len() * 3 + 1;
            if (0..width).all(|c| grid.cell(row, c).is_blank()) {
                continue;
            }
            let name = grid.text(row, 0).into_owned();
            if name.is_empty() {
                return Err(missing(grid.location(file, row, 0), "a destination country"));
            }
            let numbers = self.numbers(file, row)?;
            if name.to_ascii_lowercase().contains("total") {
                totals += 1;
                out.skip_area(name.clone(), AreaMatch::Aggregate, || grid.location(file, row, 0));
                self.check_total(out, row, &numbers, &sums);
                continue;
            }
            for (sum, values) in sums.iter_mut().zip(&numbers) {
                for (s, v) in sum.iter_mut().zip(values) {
                    *s += v.unwrap_or(0.0);
                }
            }
            self.check_row(out, row, &name, &numbers);
            let Some(destination) = destination(out, &name, || grid.location(file, row, 0)) else {
                continue;
            };
            match found.iter_mut().find(|f| f.destination == destination) {
                Some(first) => {
                    out.note(
                        grid.row_location(file, row),
                        format!(
                            "{name}: a second row for {destination} (first on line {}); the two \
                             rows are added",
                            grid.row_number(first.row)
                        ),
                    );
                    for (sum, values) in first.numbers.iter_mut().zip(&numbers) {
                        for (s, v) in sum.iter_mut().zip(values) {
                            *s = match (*s, v) {
                                (None, None) => None,
                                (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
                            };
                        }
                    }
                    first.more.push(grid.row_number(row));
                }
                None => found.push(Found { destination, row, numbers, more: Vec::new() }),
            }
        }
        for f in &found {
            zeros += self.store(out, f)?;
        }
        if totals == 0 {
            out.note(
                grid.whole(file),
                "the table has no total row: its sums were not checked".to_owned(),
            );
        }
        if zeros > 0 {
            out.note(grid.whole(file), format!("{zeros} zero cells were not stored (no permits)"));
        }
        Ok(())
    }

    /// Reads a row's value cells.
    fn numbers(&self, file: &str, row: usize) -> Result<Numbers, ImportError> {
        let mut numbers = Vec::with_capacity(self.triples.len());
        for t in self.triples {
            let mut values = [None; 3];
            for (offset, slot) in values.iter_mut().enumerate() {
                let col = t.first + offset;
                let column = || format!("{} / {}", t.label, SEXES[offset].1);
                let value = self.grid.value(file, row, col, PERSONS).map_err(|mut e| {
                    e.location.column = Some(column());
                    e
                })?;
                *slot = match value {
                    Value::Missing => None,
                    Value::Number(n) if n >= 0.0 => Some(n),
                    Value::Number(n) => {
                        let mut location = self.grid.location(file, row, col);
                        location.column = Some(column());
                        return Err(bad_value(location, PERSONS, crate::grid::number_text(n)));
                    }
                };
            }
            numbers.push(values);
        }
        Ok(numbers)
    }

    /// Stores a country row's values; returns the number of zero cells left out.
    fn store(&self, out: &mut Builder<'_>, found: &Found) -> Result<usize, ImportError> {
        let mut zeros = 0;
        for (t, values) in self.triples.iter().zip(&found.numbers) {
            let Some(indicator) = t.group.indicator() else { continue };
            for ((sex, sex_label), value) in SEXES.iter().zip(values) {
                let Some(value) = *value else { continue };
                if value == 0.0 {
                    zeros += 1;
                    continue;
                }
                let mut column = format!("{} / {sex_label}", t.label);
                for line in &found.more {
                    column.push_str(&format!(" (+ line {line})"));
                }
                push(
                    out,
                    Deployment {
                        indicator,
                        origin: NEPAL,
                        destination: found.destination,
                        year: self.year,
                        sex: *sex,
                        value,
                        provenance: Provenance::csv(
                            out.file,
                            self.grid.row_number(found.row),
                            &column,
                        ),
                    },
                )?;
            }
        }
        Ok(zeros)
    }

    /// Notes a row whose sums do not hold.
    fn check_row(&self, out: &mut Builder<'_>, row: usize, name: &str, numbers: &Numbers) {
        let file = out.file;
        let value = |group: Group, sex: usize| {
            self.triples
                .iter()
                .zip(numbers)
                .find(|(t, _)| t.group == group)
                .map(|(_, v)| v[sex].unwrap_or(0.0))
        };
        for (t, v) in self.triples.iter().zip(numbers) {
            let (m, f, total) = (v[0].unwrap_or(0.0), v[1].unwrap_or(0.0), v[2].unwrap_or(0.0));
            if differ(m + f, total) {
                out.note(
                    self.grid.row_location(file, row),
                    format!(
                        "{name}, {}: males {m} + females {f} ≠ total {total} (as published)",
                        t.label
                    ),
                );
            }
        }
        for (sex, (_, sex_label)) in SEXES.iter().enumerate() {
            let channels: f64 = self
                .triples
                .iter()
                .zip(numbers)
                .filter(|(t, _)| t.group.is_channel())
                .map(|(_, v)| v[sex].unwrap_or(0.0))
                .sum();
            let total = value(Group::TotalWith, sex).unwrap_or(0.0);
            if differ(channels, total) {
                out.note(
                    self.grid.row_location(file, row),
                    format!(
                        "{name}, {sex_label}: the channels add up to {channels}, Total with ReEntry \
                         is {total} (as published)"
                    ),
                );
            }
            if let Some(without) = value(Group::TotalWithout, sex) {
                let reentry = value(Group::ReEntry, sex).unwrap_or(0.0);
                if differ(without, total - reentry) {
                    out.note(
                        self.grid.row_location(file, row),
                        format!(
                            "{name}, {sex_label}: Total without ReEntry {without} ≠ Total with \
                             ReEntry {total} − ReEntry {reentry} (as published)"
                        ),
                    );
                }
            }
        }
    }

    /// Notes the total row's cells that differ from the sum of the country rows above.
    fn check_total(&self, out: &mut Builder<'_>, row: usize, numbers: &Numbers, sums: &[[f64; 3]]) {
        let file = out.file;
        for ((t, values), sum) in self.triples.iter().zip(numbers).zip(sums) {
            for (offset, (value, s)) in values.iter().zip(sum).enumerate() {
                let v = value.unwrap_or(0.0);
                if differ(v, *s) {
                    out.note(
                        self.grid.location(file, row, t.first + offset),
                        format!("{} / {}: the total row says {v}, the rows above add up to {s} (as published)", t.label, SEXES[offset].1),
                    );
                }
            }
        }
    }
}

/// Whether two counts of persons differ: they are whole numbers, so anything below half
/// a person is rounding of the sums, not a difference.
fn differ(a: f64, b: f64) -> bool {
    (a - b).abs() >= 0.5
}
