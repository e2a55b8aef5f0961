//! The profile tables' "Labour migration" and "Forced displacement" sections.

use std::collections::BTreeMap;
use std::io::Write;

use analysis::labour::{CategorySeries, PartnerValue};
use analysis::profile::{CountryProfile, YearValue};
use i18n::Arg;

use super::Tables;
use crate::commands::Error;
use crate::output::plain_table as table;

impl Tables {
    /// Deployments by year and destination, channels, turnover, and inflows by category.
    pub(super) fn labour(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        let l = &p.labour;
        writeln!(out, "\n{}", self.text("profile-labour"))?;
        let empty = l.deployments.is_empty()
            && l.temporary_inflows.is_empty()
            && l.permanent_inflows.is_empty();
        if empty {
            return Ok(self.no_data(out)?);
        }
        if !l.deployments.is_empty() {
            writeln!(out, "\n{}", self.text("profile-deployments"))?;
            let rows: Vec<Vec<String>> = l
                .deployments
                .iter()
                .map(|v| vec![v.year.to_string(), self.show(&v.value)])
                .collect();
            let head = ["col-year", "col-deployments"].map(|k| self.text(k));
            table(out, &head.each_ref().map(String::as_str), &rows)?;
        }
        if let Some(first) = l.top_destinations.first() {
            let title = self
                .msg
                .format("profile-deployment-destinations", &[("year", Arg::plain(first.year))]);
            self.partners(out, &title, &l.top_destinations)?;
        }
        self.channels(out, p)?;
        self.turnover(out, p)?;
        for (key, list) in [
            ("profile-temporary-inflows", &l.temporary_inflows),
            ("profile-permanent-inflows", &l.permanent_inflows),
        ] {
            if !list.is_empty() {
                writeln!(out, "\n{}", self.text(key))?;
                self.categories(out, list)?;
            }
        }
        Ok(())
    }

    /// The latest year's channels and skill levels, and the re-entry share.
    fn channels(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        let l = &p.labour;
        let Some(year) = l.channels.iter().flat_map(|c| &c.values).map(|v| v.year).max() else {
            return Ok(());
        };
        writeln!(out, "\n{}", self.msg.format("profile-channels", &[("year", Arg::plain(year))]))?;
        let rows: Vec<Vec<String>> = l
            .channels
            .iter()
            .filter_map(|c| {
                let v = c.values.iter().find(|v| v.year == year)?;
                Some(vec![self.indicator(&c.indicator), self.show(&v.value)])
            })
            .collect();
        let head = ["col-channel", "col-deployments"].map(|k| self.text(k));
        table(out, &head.each_ref().map(String::as_str), &rows)?;
        if let Some(share) = &l.reentry_share {
            let line =
                self.msg.format("profile-reentry-share", &[("share", self.show(share).into())]);
            writeln!(out, "  {line}")?;
        }
        Ok(())
    }

    /// Deployments ÷ stock along the largest corridors.
    fn turnover(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        if p.labour.turnover.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{}", self.text("profile-turnover"))?;
        let rows: Vec<Vec<String>> = p
            .labour
            .turnover
            .iter()
            .map(|t| {
                vec![
                    self.country(&t.partner, &t.partner_name),
                    t.deployments.year.to_string(),
                    self.show(&t.deployments.value),
                    t.stock.year.to_string(),
                    self.show(&t.stock.value),
                    self.show(&t.ratio),
                ]
            })
            .collect();
        let head = [
            "col-country",
            "col-year",
            "col-deployments",
            "col-stock-year",
            "col-stock",
            "col-turnover",
        ]
        .map(|k| self.text(k));
        Ok(table(out, &head.each_ref().map(String::as_str), &rows)?)
    }

    /// Series of categories side by side, a row per year.
    fn categories(&self, out: &mut dyn Write, list: &[CategorySeries]) -> Result<(), Error> {
        let columns: Vec<&[YearValue]> = list.iter().map(|c| c.values.as_slice()).collect();
        let rows = self.by_year(&columns);
        let mut head = vec![self.text("col-year")];
        head.extend(list.iter().map(|c| self.indicator(&c.indicator)));
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        Ok(table(out, &head, &rows)?)
    }

    /// Refugees and asylum-seekers hosted and abroad by year, IDPs, and the largest
    /// origins and countries of asylum.
    pub(super) fn displacement(
        &self,
        out: &mut dyn Write,
        p: &CountryProfile,
    ) -> Result<(), Error> {
        let d = &p.displacement;
        writeln!(out, "\n{}", self.text("profile-displacement"))?;
        let series: [(&str, &[YearValue]); 5] = [
            ("col-refugees-hosted", &d.refugees_hosted),
            ("col-asylum-seekers-hosted", &d.asylum_seekers_hosted),
            ("col-refugees-abroad", &d.refugees_abroad),
            ("col-asylum-seekers-abroad", &d.asylum_seekers_abroad),
            ("col-idps", &d.idps),
        ];
        if series.iter().all(|(_, s)| s.is_empty()) {
            return Ok(self.no_data(out)?);
        }
        let columns: Vec<&[YearValue]> = series.iter().map(|(_, s)| *s).collect();
        let rows = self.by_year(&columns);
        let mut head = vec![self.text("col-year")];
        head.extend(series.iter().map(|(k, _)| self.text(k)));
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        table(out, &head, &rows)?;
        for (key, list) in
            [("profile-refugee-origins", &d.top_origins), ("profile-refugee-asylum", &d.top_asylum)]
        {
            if let Some(first) = list.first() {
                let title = self.msg.format(key, &[("year", Arg::plain(first.year))]);
                self.partners(out, &title, list)?;
            }
        }
        Ok(())
    }

    /// Partners of one year with their split by sex and share.
    fn partners(
        &self,
        out: &mut dyn Write,
        title: &str,
        list: &[PartnerValue],
    ) -> Result<(), Error> {
        writeln!(out, "\n{title}")?;
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|c| {
                vec![
                    self.country(&c.partner, &c.partner_name),
                    self.show(&c.total),
                    self.show_opt(c.male.as_ref()),
                    self.show_opt(c.female.as_ref()),
                    self.show(&c.share),
                ]
            })
            .collect();
        let head = ["col-country", "col-persons", "col-male", "col-female", "col-share"]
            .map(|k| self.text(k));
        Ok(table(out, &head.each_ref().map(String::as_str), &rows)?)
    }

    /// One row per year, a column per series ("—" where a series has no value).
    fn by_year(&self, columns: &[&[YearValue]]) -> Vec<Vec<String>> {
        let mut years: BTreeMap<i32, Vec<String>> = BTreeMap::new();
        for (i, values) in columns.iter().enumerate() {
            for v in *values {
                let row =
                    years.entry(v.year).or_insert_with(|| vec!["—".to_owned(); columns.len()]);
                row[i] = self.show(&v.value);
            }
        }
        years
            .into_iter()
            .map(|(year, mut cells)| {
                cells.insert(0, year.to_string());
                cells
            })
            .collect()
    }

    /// An indicator's name in the tables' language.
    fn indicator(&self, code: &str) -> String {
        analysis::said::indicator_name(self.lang, code)
    }
}
