//! A profile as CSV: one value per row with its unit and source (the dataset, the cell it
//! was read from, or how it was derived), as `coherence --format csv profile` and the
//! API's `?format=csv` write it ([`CountryProfile::to_csv`]). A text field that a
//! spreadsheet would read as a formula is written with a `'` before it.

use crate::profile::{CountryProfile, Value};

/// A field as the CSV writes it: text a spreadsheet would take for a formula gets a `'`
/// before it (`domain::spreadsheet`); numbers are unchanged.
fn safe(field: &str) -> String {
    domain::spreadsheet::formula_safe(field).into_owned()
}

impl CountryProfile {
    /// The profile as CSV text, with a header row.
    ///
    /// # Errors
    /// Only if the CSV writer fails (it writes to memory).
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        csv_of(self)
    }
}

fn csv_of(p: &CountryProfile) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "country",
        "measure",
        "year",
        "partner",
        "sex",
        "value",
        "unit",
        "dataset_id",
        "dataset",
        "cell",
        "derivation",
        "notice",
    ])?;
    let notice = p.fictional_notice.clone().unwrap_or_default();
    let mut row = |measure: &str, year: i32, partner: &str, sex: &str, v: &Value| {
        w.write_record(
            [
                p.area.iso3.as_str(),
                measure,
                &year.to_string(),
                partner,
                sex,
                &v.value.to_string(),
                v.unit.as_str(),
                &v.source.dataset_id.to_string(),
                &v.source.dataset,
                v.source.cell.as_deref().unwrap_or(""),
                v.source.derivation.as_deref().unwrap_or(""),
                &notice,
            ]
            .map(safe),
        )
    };
    for (measure, list) in [("stock_in", &p.stock_in), ("stock_out", &p.stock_out)] {
        for s in list {
            row(measure, s.year, "", "total", &s.total)?;
            if let Some(v) = &s.male {
                row(measure, s.year, "", "male", v)?;
            }
            if let Some(v) = &s.female {
                row(measure, s.year, "", "female", v)?;
            }
            if let Some(v) = &s.share_of_population {
                row(&format!("{measure}_pct_population"), s.year, "", "total", v)?;
            }
        }
    }
    for (measure, list) in
        [("stock_out_by_destination", &p.top_destinations), ("stock_in_by_origin", &p.top_origins)]
    {
        for c in list {
            row(measure, c.year, &c.partner, "total", &c.stock)?;
        }
    }
    for (measure, list) in [
        ("population", &p.population),
        ("gdp_usd", &p.gdp),
        ("remittances_received_usd", &p.remittances_received),
        ("remittances_paid_usd", &p.remittances_paid),
        ("remittances_pct_gdp_recomputed", &p.remittances_pct_gdp),
        ("sdg_17_3_2", &p.sdg_17_3_2),
    ] {
        for v in list {
            row(measure, v.year, "", "total", &v.value)?;
        }
    }
    for f in &p.estimated_flows {
        // The year is the period's last; the method and period are in the derivation.
        row("estimated_inflow", f.period_end, "", "total", &f.inflow)?;
        row("estimated_outflow", f.period_end, "", "total", &f.outflow)?;
        row("estimated_net_flow", f.period_end, "", "total", &f.net)?;
    }
    for c in &p.costs_to {
        row("remittance_cost_200_pct_to", c.year, &c.sender, "total", &c.cost_pct)?;
    }
    for c in &p.costs_from {
        row("remittance_cost_200_pct_from", c.year, &c.receiver, "total", &c.cost_pct)?;
    }
    for (measure, v) in [
        ("skilled_emigration_rate", &p.skilled_emigration_rate),
        ("health_worker_emigration_rate", &p.health_worker_emigration_rate),
        ("physicians_per_1000", &p.physicians_per_1000),
    ] {
        if let Some(v) = v {
            row(measure, v.year, "", "total", &v.value)?;
        }
    }
    let (l, d) = (&p.labour, &p.displacement);
    for (measure, list) in [
        ("deployments", &l.deployments),
        ("refugees_hosted", &d.refugees_hosted),
        ("refugees_abroad", &d.refugees_abroad),
        ("asylum_seekers_hosted", &d.asylum_seekers_hosted),
        ("asylum_seekers_abroad", &d.asylum_seekers_abroad),
        ("idps", &d.idps),
    ] {
        for v in list {
            row(measure, v.year, "", "total", &v.value)?;
        }
    }
    for c in l.channels.iter().chain(&l.temporary_inflows).chain(&l.permanent_inflows) {
        for v in &c.values {
            row(&c.indicator, v.year, "", "total", &v.value)?;
        }
    }
    for (measure, list) in [
        ("deployments_by_destination", &l.top_destinations),
        ("refugees_hosted_by_origin", &d.top_origins),
        ("refugees_abroad_by_asylum", &d.top_asylum),
    ] {
        for c in list {
            row(measure, c.year, &c.partner, "total", &c.total)?;
            if let Some(v) = &c.male {
                row(measure, c.year, &c.partner, "male", v)?;
            }
            if let Some(v) = &c.female {
                row(measure, c.year, &c.partner, "female", v)?;
            }
        }
    }
    if let Some(v) = &l.reentry_share {
        let year = l.deployments.last().map_or(0, |d| d.year);
        row("deployments_reentry_share", year, "", "total", v)?;
    }
    for t in &l.turnover {
        row("deployments_pct_stock", t.deployments.year, &t.partner, "total", &t.ratio)?;
    }
    // Stored framework assessments: no dataset; the answers' version, file, who, when
    // and why are in the dataset and derivation columns.
    for a in &p.assessments {
        let prov = &a.answers;
        let dataset = format!("answers version {} ({})", prov.version, prov.file);
        let scores = std::iter::once(("overall".to_owned(), a.overall.as_ref()))
            .chain(a.domains.iter().map(|d| (format!("domain_{}", d.id), d.score.as_ref())));
        for (part, score) in scores {
            let Some(s) = score else { continue };
            let band =
                s.band.as_ref().map_or(String::new(), |b| format!("band {} {}; ", b.code, b.label));
            w.write_record(
                [
                    p.area.iso3.as_str(),
                    &format!("{}_{part}", a.framework),
                    "",
                    "",
                    "total",
                    &s.percent.to_string(),
                    "percent",
                    "",
                    &dataset,
                    "",
                    &format!(
                        "{band}exactly {}; stored {} by {}: {}",
                        s.percent_exact, prov.stored_at, prov.stored_by, prov.reason
                    ),
                    &notice,
                ]
                .map(safe),
            )?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    // Every field written is a Rust string: the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
