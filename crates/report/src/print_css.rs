//! The brief on paper: the print style sheet, and the words of the PDF's page header
//! and footer.
//!
//! [`PRINT_CSS`] follows [`CSS`](crate::brief::CSS) in the brief's `<style>`, so its
//! rules win over the screen sheet's `@media print` block. Chromium honours all of it
//! when `coherence report --pdf` prints the brief; a browser's own "Print" does too.

use analysis::profile::CountryProfile;
use i18n::{Arg, Lang};

use crate::words::{t, tf};

/// The print rules: the table of contents shown as a linked list, headings kept with
/// what follows, charts, cards and short tables never split across pages (a table of
/// more than 30 rows may break, between rows, with its header repeated), wide tables in
/// a smaller type, folded details (the full list of a diaspora's destinations)
/// unfolded, links in a dark blue that stays readable in grey, and the sources, the
/// brief's footnotes, starting on a page of their own at the end.
pub const PRINT_CSS: &str = "\
@media print{\
@page{margin:16mm 15mm}\
nav{display:block;margin:.75rem 0 0;padding:.4rem .6rem;border:1px solid #c8c8c8;break-inside:avoid}\
nav::before{content:attr(aria-label);display:block;font-weight:600}\
nav ul{display:block;columns:2;column-gap:2rem;margin:.25rem 0 0;font-size:9.5pt}\
nav li{break-inside:avoid}\
a,sup.fn a,nav a{color:#004a75}\
nav a{text-decoration:underline}\
h2,h3,h4,caption{break-after:avoid;break-inside:avoid}\
h2+*,h3+*{break-before:avoid}\
section{break-before:auto}\
figure,.card,.no-data,dl.about dd,tr{break-inside:avoid}\
figure svg{max-width:100%}\
table{break-inside:avoid}\
table:has(>tbody>tr:nth-child(31)){break-inside:auto}\
thead{display:table-header-group}\
table:has(>thead>tr>th:nth-child(9)){font-size:7.5pt}\
table:has(>thead>tr>th:nth-child(9)) :is(th,td){padding:.15rem .3rem}\
details::details-content{content-visibility:visible;display:block}\
details>summary{list-style:none;font-weight:600}\
#sources{break-before:page}\
ol.sources{font-size:8.5pt}\
ol.sources li{break-inside:avoid}\
footer{break-inside:avoid}\
}";

/// The words of a printed brief's page furniture, in the brief's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageLabels {
    /// The footer's title (text).
    pub title: String,
    /// The header's notice on every page, for a brief of fictional data (text).
    pub banner: Option<String>,
    /// The word before the page number ("page").
    pub page: String,
    /// The word between the page number and the page count ("of").
    pub of: String,
    /// The language.
    pub lang: Lang,
}

/// The footer's title and the banner of the brief of `profile` in `lang`: the
/// country's name and "migration and development brief"; the fictional-data notice,
/// labelled as such, when the profile carries one; the words of "page N of M".
pub fn page_labels(profile: &CountryProfile, lang: Lang) -> PageLabels {
    let _scope = crate::words::Scope::enter(lang);
    let name = crate::words::country(&profile.area.iso3, &profile.area.name);
    let title = tf("brief-title", &[("country", Arg::from(name))]);
    let banner = crate::brief::fictional_notice(profile).map(|notice| {
        if crate::brief::notice_says_fictional(profile) {
            notice
        } else {
            format!("{} — {notice}", t("brief-fictional-label"))
        }
    });
    PageLabels { title, banner, page: t("brief-page"), of: t("brief-page-of"), lang }
}
