//! The labour-migration and forced-displacement evidence of a profile
//! ([`analysis::labour`]) as two sheets, as the brief's sections of those names show
//! it:
//!
//! * *Labour migration*: deployments by year; the latest year's destinations (men,
//!   women, share of all); deployments by channel or skill level and the re-entries'
//!   share; deployments beside the migrant stock (turnover); temporary and
//!   permanent-type inflows, a row per category and year;
//! * *Forced displacement*: refugees and asylum-seekers hosted and abroad and the
//!   internally displaced, a row per series and year; the origins of the refugees
//!   hosted and the countries of asylum of those from the country.
//!
//! Rows of different parts share the columns; the "Part" column says which part a row
//! belongs to and its JSON path names the object it is read from. Where the parts'
//! objects name a column's field differently, its second header row lists the fields
//! separated by ` | ` (`value | total`: a yearly value's `value`, a partner's `total`).
//! A sheet without any row is left out of the workbook, as every section's is.

use analysis::labour::{CategorySeries, PartnerValue};
use analysis::profile::{CountryProfile, YearValue};
use domain::Unit;

use super::{Item, Notes, Table, Words, col, text, year};
use crate::xlsx::{Sheet, XlsxError};

/// The *Labour migration* sheet.
pub(super) fn labour(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let (persons, pct) = (Some(Unit::Persons), Some(Unit::Percent));
    let mut t = Table::new(
        w,
        "xlsx-sheet-labour",
        &[
            col(w, "xlsx-col-part", "", None),
            col(w, "xlsx-col-indicator-code", "", None),
            col(w, "xlsx-col-category", "", None),
            col(w, "xlsx-col-partner-code", "partner", None),
            col(w, "xlsx-col-partner", w.name_key("partner_name"), None),
            col(w, "xlsx-col-year", "year | deployments/year", None),
            col(w, "xlsx-col-value-persons", "value | total | deployments/value", persons),
            col(w, "xlsx-col-males", "male", persons),
            col(w, "xlsx-col-females", "female", persons),
            col(w, "xlsx-col-share-all", "share | reentry_share", pct),
            col(w, "xlsx-col-stock-year", "stock/year", None),
            col(w, "xlsx-col-stock", "stock/value", persons),
            col(w, "xlsx-col-turnover", "ratio", pct),
        ],
    );
    let l = &p.labour;
    let deployments = domain::Indicator::DEPLOYMENTS.code;
    let part = w.t("xlsx-row-deployments");
    for (i, v) in l.deployments.iter().enumerate() {
        let items = yearly(&part, deployments, w, v);
        t.push(notes, format!("/labour/deployments/{i}"), items, &[])?;
    }
    let part = w.t("xlsx-row-deployments-by-destination");
    partners(
        &mut t,
        notes,
        (&part, deployments, w),
        "/labour/top_destinations",
        &l.top_destinations,
    )?;
    let part = w.t("xlsx-row-deployments-by-channel");
    categories(&mut t, notes, (&part, w), "/labour/channels", &l.channels)?;
    if let Some(share) = &l.reentry_share {
        let code = domain::Indicator::DEPLOYMENTS_REENTRY.code;
        // The share is of the latest year's deployments, the year the channels' rows
        // show; the profile holds no year of its own for it, so its cell stays empty.
        let mut items = vec![
            Item::Text(w.t("xlsx-row-reentry-share")),
            text(code),
            Item::Text(w.indicator(code)),
            text(""),
            text(""),
            Item::Val(None),
        ];
        items.extend([Item::Val(None), Item::Val(None), Item::Val(None), Item::Val(Some(share))]);
        t.push(notes, "/labour".to_owned(), items, &[])?;
    }
    let part = w.t("xlsx-row-turnover");
    for (i, r) in l.turnover.iter().enumerate() {
        let items = vec![
            text(&part),
            text(deployments),
            Item::Text(w.indicator(deployments)),
            text(&r.partner),
            Item::Text(w.country(&r.partner, &r.partner_name)),
            year(r.deployments.year),
            Item::Val(Some(&r.deployments.value)),
            Item::Val(None),
            Item::Val(None),
            Item::Val(None),
            year(r.stock.year),
            Item::Val(Some(&r.stock.value)),
            Item::Val(Some(&r.ratio)),
        ];
        t.push(notes, format!("/labour/turnover/{i}"), items, &[])?;
    }
    for (key, part, list) in [
        ("temporary_inflows", "xlsx-row-temporary-inflows", &l.temporary_inflows),
        ("permanent_inflows", "xlsx-row-permanent-inflows", &l.permanent_inflows),
    ] {
        let part = w.t(part);
        categories(&mut t, notes, (&part, w), &format!("/labour/{key}"), list)?;
    }
    Ok(t.sheet)
}

/// The *Forced displacement* sheet.
pub(super) fn displacement(
    p: &CountryProfile,
    w: &Words,
    notes: &mut Notes,
) -> Result<Sheet, XlsxError> {
    let persons = Some(Unit::Persons);
    let mut t = Table::new(
        w,
        "xlsx-sheet-displacement",
        &[
            col(w, "xlsx-col-part", "", None),
            col(w, "xlsx-col-indicator-code", "", None),
            col(w, "xlsx-col-category", "", None),
            col(w, "xlsx-col-partner-code", "partner", None),
            col(w, "xlsx-col-partner", w.name_key("partner_name"), None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-value-persons", "value | total", persons),
            col(w, "xlsx-col-males", "male", persons),
            col(w, "xlsx-col-females", "female", persons),
            col(w, "xlsx-col-share-all", "share", Some(Unit::Percent)),
        ],
    );
    let d = &p.displacement;
    let (refugees, asylum) =
        (domain::Indicator::REFUGEES.code, domain::Indicator::ASYLUM_SEEKERS.code);
    for (key, part, code, list) in [
        ("refugees_hosted", "xlsx-row-refugees-hosted", refugees, &d.refugees_hosted),
        ("refugees_abroad", "xlsx-row-refugees-abroad", refugees, &d.refugees_abroad),
        (
            "asylum_seekers_hosted",
            "xlsx-row-asylum-seekers-hosted",
            asylum,
            &d.asylum_seekers_hosted,
        ),
        (
            "asylum_seekers_abroad",
            "xlsx-row-asylum-seekers-abroad",
            asylum,
            &d.asylum_seekers_abroad,
        ),
        ("idps", "xlsx-row-idps", domain::Indicator::IDPS.code, &d.idps),
    ] {
        let part = w.t(part);
        for (i, v) in list.iter().enumerate() {
            let items = yearly(&part, code, w, v);
            t.push(notes, format!("/displacement/{key}/{i}"), items, &[])?;
        }
    }
    for (key, part, list) in [
        ("top_origins", "xlsx-row-refugees-by-origin", &d.top_origins),
        ("top_asylum", "xlsx-row-refugees-by-asylum", &d.top_asylum),
    ] {
        let part = w.t(part);
        let path = format!("/displacement/{key}");
        partners(&mut t, notes, (&part, refugees, w), &path, list)?;
    }
    Ok(t.sheet)
}

/// The first cells of a row of a yearly series, to its persons column: part,
/// indicator (code and name), no partner, year and value.
fn yearly<'v>(part: &str, code: &str, w: &Words, v: &'v YearValue) -> Vec<Item<'v>> {
    vec![
        text(part),
        text(code),
        Item::Text(w.indicator(code)),
        text(""),
        text(""),
        year(v.year),
        Item::Val(Some(&v.value)),
    ]
}

/// A row per partner: persons, men, women and the share of all partners.
fn partners(
    t: &mut Table,
    notes: &mut Notes,
    (part, code, w): (&str, &str, &Words),
    path: &str,
    list: &[PartnerValue],
) -> Result<(), XlsxError> {
    for (i, x) in list.iter().enumerate() {
        let items = vec![
            text(part),
            text(code),
            Item::Text(w.indicator(code)),
            text(&x.partner),
            Item::Text(w.country(&x.partner, &x.partner_name)),
            year(x.year),
            Item::Val(Some(&x.total)),
            Item::Val(x.male.as_ref()),
            Item::Val(x.female.as_ref()),
            Item::Val(Some(&x.share)),
        ];
        t.push(notes, format!("{path}/{i}"), items, &[])?;
    }
    Ok(())
}

/// A row per category and year.
fn categories(
    t: &mut Table,
    notes: &mut Notes,
    (part, w): (&str, &Words),
    path: &str,
    list: &[CategorySeries],
) -> Result<(), XlsxError> {
    for (i, c) in list.iter().enumerate() {
        for (j, v) in c.values.iter().enumerate() {
            let items = yearly(part, &c.indicator, w, v);
            t.push(notes, format!("{path}/{i}/values/{j}"), items, &[])?;
        }
    }
    Ok(())
}
