//! Country and group profiles: a chooser of every country (the real ones and the demo
//! world's) and group, and each profile as the brief shows it — the same server-side SVG
//! charts and map, tables, every figure's source one click away — with downloads (CSV,
//! XLSX, JSON, the HTML brief, the PDF brief printed by headless Chromium). What the visitor may not read of governments' work (their
//! registers and answers) is left out, as in the API.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use i18n::Lang;
use report::html;
use report::html::Html;
use serde::Deserialize;

use crate::AppState;
use crate::auth::Caller;
use crate::cache::PagePart;
use crate::error::{ApiError, Kind};
use crate::routes::data::{brief_options, cached_bytes, cached_page, readable_profile};
use crate::web::form::Field;
use crate::web::lang;
use crate::web::layout::{Page, Section};
use crate::web::{PageResult, Pages, Visitor, WebQuery, download, see_other, url_encode};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("ws-prof-title");
    pub(crate) const INTRO: Msg = Msg("ws-prof-intro");
    pub(crate) const AREA: Msg = Msg("ws-prof-area");
    pub(crate) const AREA_HINT: Msg = Msg("ws-prof-area-hint");
    pub(crate) const SHOW: Msg = Msg("ws-prof-show");
    pub(crate) const COUNTRIES: Msg = Msg("ws-prof-countries");
    pub(crate) const GROUPS: Msg = Msg("ws-prof-groups");
    pub(crate) const FICTIONAL: Msg = Msg("ws-prof-fictional");
    pub(crate) const DOWNLOADS: Msg = Msg("ws-prof-downloads");
    pub(crate) const CSV: Msg = Msg("ws-prof-csv");
    pub(crate) const XLSX: Msg = Msg("ws-prof-xlsx");
    pub(crate) const JSON: Msg = Msg("ws-prof-json");
    pub(crate) const BRIEF: Msg = Msg("ws-prof-brief");
    pub(crate) const PDF: Msg = Msg("ws-prof-pdf");
    pub(crate) const NO_CHROMIUM: Msg = Msg("ws-prof-no-chromium");
    pub(crate) const VIEW_BRIEF: Msg = Msg("ws-prof-view-brief");
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/profiles", chooser)
        .get("/profiles/{area}", profile)
        .get("/profiles/{area}/download/{format}", download_profile)
}

#[derive(Deserialize, Default)]
struct Choice {
    area: Option<String>,
}

async fn chooser(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    WebQuery(q): WebQuery<Choice>,
) -> PageResult {
    if let Some(area) = q.area.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        return Ok(see_other(&format!("/profiles/{}", url_encode(area))));
    }
    chooser_page(&state, &caller, None, "").await
}

async fn chooser_page(
    state: &AppState,
    caller: &Caller,
    error: Option<&ApiError>,
    typed: &str,
) -> PageResult {
    let lang = lang::current();
    let mut areas: Vec<(String, analysis::AreaRef)> = state
        .app
        .profile_areas()
        .await?
        .into_iter()
        .map(|a| (lang.country_name(&a.iso3, &a.name), a))
        .collect();
    areas.sort_by_cached_key(|(name, a)| (alphabetical(name), a.iso3.clone()));
    let countries: Html = areas
        .iter()
        .map(|(name, a)| {
            let note = if a.fictional {
                html!(" <span class=\"badge\">{}</span>", text::FICTIONAL)
            } else {
                Html::new()
            };
            html!(
                "<li><a href=\"/profiles/{}\">{}</a> <span class=\"muted\">{}</span>{}</li>",
                a.iso3,
                name.as_str(),
                a.iso3,
                note
            )
        })
        .collect();
    let groups: Html = state
        .app
        .profile_groups()
        .iter()
        .map(|(q, name)| {
            html!(
                "<li><a href=\"/profiles/{}\">{}</a> <span class=\"muted\">{}</span></li>",
                url_encode(q),
                name,
                q
            )
        })
        .collect();
    let field = Field::text("area", &text::AREA.text())
        .hint(text::AREA_HINT)
        .value(typed)
        .required()
        .attr("maxlength", "200")
        .error(error.map(|e| e.message.clone()))
        .render();
    let body = html!(
        "<h1>{}</h1><p>{}</p><form method=\"get\" action=\"/profiles\" data-validate>{}\
         <p class=\"actions\"><button type=\"submit\">{}</button></p></form>\
         <h2>{}</h2><ul class=\"columns\">{}</ul><h2>{}</h2><ul class=\"columns\">{}</ul>",
        text::TITLE,
        text::INTRO,
        field,
        text::SHOW,
        text::GROUPS,
        groups,
        text::COUNTRIES,
        countries
    );
    let status = error.map_or(StatusCode::OK, |e| e.kind.status());
    Ok((status, Page::new(text::TITLE, caller, Section::Profiles).body(body).response())
        .into_response())
}

async fn profile(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(area): Path<String>,
) -> PageResult {
    let lang = lang::current();
    let key = format!("page-profile\u{0}{area}\u{0}{}", lang.code());
    let st = state.clone();
    let area_q = area.clone();
    let computed = cached_page(&state, &caller, key, |withheld| async move {
        let profile = readable_profile(&st, &area_q, &withheld).await?;
        let parts = report::brief::parts(&profile, &[], &brief_options().in_lang(lang));
        let html = html!(
            "{}<div class=\"brief-page\"><header class=\"brief-head\">{}</header>{}{}<footer class=\"brief-foot\">{}</footer></div>",
            parts.banner,
            parts.header,
            downloads(&area_q),
            parts.main,
            parts.footer
        );
        Ok(PagePart { title: parts.title, html })
    })
    .await;
    let part = match computed {
        Ok(part) => part,
        Err(e) if matches!(e.kind, Kind::NotFound | Kind::InvalidInput) => {
            return chooser_page(&state, &caller, Some(&e), &area).await;
        }
        Err(e) => return Err(e.into()),
    };
    let mut page = Page::new(part.title.clone(), &caller, Section::Profiles);
    page.brief_styles = true;
    page.body = part.html.clone();
    Ok(page.response())
}

/// The downloads of a profile.
fn downloads(area: &str) -> Html {
    let a = url_encode(area);
    html!(
        "<section aria-labelledby=\"downloads\"><h2 id=\"downloads\">{}</h2><ul class=\"downloads\">\
         <li><a href=\"/profiles/{}/download/csv\" download>{}</a></li>\
         <li><a href=\"/profiles/{}/download/xlsx\" download>{}</a></li>\
         <li><a href=\"/profiles/{}/download/json\" download>{}</a></li>\
         <li><a href=\"/profiles/{}/download/html\" download>{}</a></li>\
         <li><a href=\"/profiles/{}/download/pdf\" download>{}</a></li>\
         <li><a href=\"/api/v1/briefs/{}?lang={}\">{}</a></li></ul></section>",
        text::DOWNLOADS,
        a,
        text::CSV,
        a,
        text::XLSX,
        a,
        text::JSON,
        a,
        text::BRIEF,
        a,
        text::PDF,
        a,
        lang::current().code(),
        text::VIEW_BRIEF
    )
}

#[derive(Deserialize, Default)]
struct Year {
    year: Option<i32>,
    /// The PDF's paper size: a4 (the default) or letter.
    paper: Option<String>,
}

async fn download_profile(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((area, format)): Path<(String, String)>,
    WebQuery(q): WebQuery<Year>,
) -> PageResult {
    // The briefs (HTML, PDF) and the workbook are in the reader's language (their words
    // and country names); the data files (CSV, JSON) are not.
    let lang =
        if matches!(format.as_str(), "html" | "pdf" | "xlsx") { lang::current() } else { Lang::En };
    let key = format!(
        "download\u{0}{area}\u{0}{format}\u{0}{:?}\u{0}{:?}\u{0}{}",
        q.year,
        q.paper,
        lang.code()
    );
    let st = state.clone();
    let (area_q, fmt) = (area.clone(), format.clone());
    let (content_type, bytes) = cached_bytes(&state, &caller, key, |withheld| async move {
        let mut profile = readable_profile(&st, &area_q, &withheld).await?;
        if let Some(year) = q.year {
            profile.keep_year(year);
        }
        let internal = |e: &dyn std::fmt::Display| ApiError::hidden(Kind::Internal, e);
        Ok(match fmt.as_str() {
            "csv" => (
                "text/csv; charset=utf-8",
                profile.to_csv().map_err(|e| internal(&e))?.into_bytes(),
            ),
            "json" => {
                ("application/json", serde_json::to_vec_pretty(&profile).map_err(|e| internal(&e))?)
            }
            "html" => (
                "text/html; charset=utf-8",
                report::brief::render(&profile, &brief_options().in_lang(lang)).into_bytes(),
            ),
            "pdf" => ("application/pdf", pdf(&profile, q.paper.as_deref(), lang).await?),
            "xlsx" => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                report::xlsx::profile::workbook_in(&profile, lang).map_err(|e| internal(&e))?,
            ),
            _ => {
                return Err(ApiError::not_found(format!(
                    "the format {fmt:?} (csv, xlsx, json, html or pdf)"
                )));
            }
        })
    })
    .await?;
    let extension = if format == "html" { "html" } else { format.as_str() };
    let name = format!("coherence-profile-{}.{extension}", area.replace(':', "-"));
    Ok(download(content_type, &name, bytes.to_vec()))
}

/// How many briefs are printed at once (each print starts a Chromium of its own).
static PRINTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(2);

/// The brief of `profile` printed to PDF by headless Chromium, on a blocking thread;
/// 503 when the server has no Chromium.
async fn pdf(
    profile: &analysis::profile::CountryProfile,
    paper: Option<&str>,
    lang: Lang,
) -> Result<Vec<u8>, ApiError> {
    let paper: print::Paper = match paper {
        Some(p) => p.parse().map_err(|e: String| ApiError::invalid("paper", e))?,
        None => print::Paper::A4,
    };
    let html = report::brief::render(profile, &brief_options().in_lang(lang));
    let labels = report::print_css::page_labels(profile, lang);
    let furniture = print::Furniture {
        page: labels.page,
        of: labels.of,
        lang: lang.code().to_owned(),
        dir: lang.dir().to_owned(),
    };
    let options =
        print::PdfOptions { paper, title: labels.title, banner: labels.banner, furniture };
    let _permit = PRINTS.acquire().await.map_err(|e| ApiError::hidden(Kind::Internal, &e))?;
    let printed = tokio::task::spawn_blocking(move || {
        print::Printer::start(&print::Options::from_env())?.print(&html, &options)
    })
    .await
    .map_err(|e| ApiError::hidden(Kind::Internal, &e))?;
    printed.map_err(|e| match e.kind() {
        print::ErrorKind::NotFound => ApiError::new(Kind::Unavailable, text::NO_CHROMIUM),
        _ => ApiError::hidden(Kind::Internal, &e),
    })
}

/// The key that orders names alphabetically in any offered language: lower case, the
/// accents of Latin letters set aside (`Égypte` among the names in E, not after
/// `Zimbabwe`). Arabic letters are in alphabetical order in Unicode already.
fn alphabetical(name: &str) -> String {
    const FOLDS: [(&str, char); 9] = [
        ("àáâãäåā", 'a'),
        ("çčć", 'c'),
        ("èéêëē", 'e'),
        ("ìíîïī", 'i'),
        ("ñń", 'n'),
        ("òóôõöøō", 'o'),
        ("šś", 's'),
        ("ùúûüū", 'u'),
        ("ýÿ", 'y'),
    ];
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| FOLDS.iter().find(|(from, _)| from.contains(c)).map_or(c, |(_, to)| *to))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::alphabetical;

    #[test]
    fn accented_names_sort_with_their_plain_letters() {
        let mut names = vec!["Zambie (la)", "Érythrée (l')", "Espagne (l')", "Égypte (l')"];
        names.sort_by_key(|n| alphabetical(n));
        assert_eq!(names, ["Égypte (l')", "Érythrée (l')", "Espagne (l')", "Zambie (la)"]);
        assert_eq!(alphabetical("Côte d’Ivoire"), "cote d’ivoire");
    }
}
