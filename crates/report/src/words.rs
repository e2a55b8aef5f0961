//! The language of what this crate writes for people: the words of the brief, its
//! charts and maps come from the message files of [`i18n`] (`locales/LANG/brief.ftl`),
//! and its numbers are written by the language's conventions.
//!
//! A rendering runs inside a [`Scope`] that names its language for the current
//! thread ([`crate::brief::parts`] opens one); outside any scope the language is
//! English. Rendering is synchronous and never moves between threads, so one
//! thread renders one language at a time, and two threads may render two languages
//! at once. The scope keeps the language out of every function's signature, as the
//! web workspace's task-local language does for its pages.
//!
//! Texts that carry markup (a footnote mark, a link) are filled by [`html`]: the
//! message's own words are escaped, and each [`Piece::Html`] argument is inserted as
//! the markup it is, so a translation can move a footnote mark within its sentence.

use std::cell::Cell;

use i18n::{Arg, Lang};

use crate::html::Html;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// While alive, the current thread renders in one language; the previous language
/// returns when it is dropped (scopes nest).
#[must_use = "the language holds only while the scope lives"]
pub struct Scope {
    previous: Lang,
}

impl Scope {
    /// Renders in `lang` on this thread until the scope is dropped.
    pub fn enter(lang: Lang) -> Scope {
        Scope { previous: LANG.with(|l| l.replace(lang)) }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        LANG.with(|l| l.set(self.previous));
    }
}

/// The language being rendered on this thread.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The message `key` in the current language.
pub(crate) fn t(key: &str) -> String {
    lang().messages().text(key)
}

/// The message `key` with its arguments, in the current language.
pub(crate) fn tf(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    lang().messages().format(key, args)
}

/// The message `key`, escaped for a page.
pub(crate) fn h(key: &str) -> Html {
    Html::text(&t(key))
}

/// An argument of a message that carries markup.
pub(crate) enum Piece<'a> {
    /// Text or a number, escaped with the message's words.
    Arg(Arg<'a>),
    /// Markup inserted as it is (a footnote mark, a link, an emphasised figure).
    Html(Html),
}

impl<'a> From<Arg<'a>> for Piece<'a> {
    fn from(arg: Arg<'a>) -> Self {
        Piece::Arg(arg)
    }
}

impl From<Html> for Piece<'_> {
    fn from(html: Html) -> Self {
        Piece::Html(html)
    }
}

impl From<&Html> for Piece<'_> {
    fn from(html: &Html) -> Self {
        Piece::Html(html.clone())
    }
}

impl<'a> From<&'a str> for Piece<'a> {
    fn from(text: &'a str) -> Self {
        Piece::Arg(Arg::from(text))
    }
}

impl From<String> for Piece<'_> {
    fn from(text: String) -> Self {
        Piece::Arg(Arg::from(text))
    }
}

/// The private-use characters that stand for markup while a message is formatted and
/// escaped (no message or argument text contains them: [`html`] removes them from
/// text arguments).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The message `key` as markup: its words and text arguments escaped, each
/// [`Piece::Html`] argument inserted as it is.
pub(crate) fn html(key: &str, args: &[(&str, Piece<'_>)]) -> Html {
    let mut markup = Vec::new();
    let formatted: Vec<(&str, Arg<'_>)> = args
        .iter()
        .map(|(name, piece)| match piece {
            Piece::Arg(Arg::Text(text)) => (*name, Arg::from(text.replace([OPEN, CLOSE], ""))),
            Piece::Arg(arg) => (*name, arg.clone()),
            Piece::Html(h) => {
                markup.push(h.clone());
                (*name, Arg::from(format!("{OPEN}{}{CLOSE}", markup.len() - 1)))
            }
        })
        .collect();
    let text = tf(key, &formatted);
    let mut out = Html::new();
    let mut rest = text.as_str();
    while let Some(start) = rest.find(OPEN) {
        out.push(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else { break };
        if let Some(piece) = after[..end].parse::<usize>().ok().and_then(|i| markup.get(i)) {
            out.push(piece);
        }
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push(rest);
    out
}

/// The message key of a unit's name (`brief-unit-persons`), for any page that names
/// units in the reader's language.
pub fn unit_key(unit: domain::Unit) -> &'static str {
    use domain::Unit;
    match unit {
        Unit::Persons => "brief-unit-persons",
        Unit::UsdCurrent => "brief-unit-current-usd",
        Unit::UsdPpp => "brief-unit-ppp",
        Unit::Percent => "brief-unit-percent",
        Unit::PerThousand => "brief-unit-per-thousand",
        Unit::Number => "brief-unit-number",
    }
}

/// A number with `decimals` decimals, by the current language's conventions.
pub(crate) fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return t("brief-not-available");
    }
    i18n::number::decimal(lang(), value, decimals)
}

/// A percentage (`4.2` for 4.2 %), by the current language's conventions.
pub(crate) fn percent(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return t("brief-not-available");
    }
    i18n::number::percent(lang(), value, decimals)
}

/// A number already written (`"4.2"`), as a percentage in the current language
/// (`"4.2%"`, French `"4,2 %"`).
pub(crate) fn percent_sign(number: &str) -> String {
    format!("{number}{}%", i18n::number::separators(lang()).before_percent)
}

/// The decimal separator of the current language.
pub(crate) fn decimal_separator() -> &'static str {
    i18n::number::separators(lang()).decimal
}

/// A country's or area's name in the current language: the UN's short name of a real
/// country, else its stored (English) name. The article the UN's French and Spanish
/// lists add in brackets for sorting ("France (la)", "Estados Unidos de América
/// (los)") is left out, as the UN's running text leaves it; brackets that are part of
/// the name stay ("Iran (République islamique d')").
pub(crate) fn country(iso3: &str, english: &str) -> String {
    lang().country_in_text(iso3, english)
}

pub use analysis::said::{stage_key, status_key};

/// A sentence of the analysis ([`analysis::said::Said`]) in the current language.
pub(crate) fn said(said: &analysis::said::Said) -> String {
    said.in_lang(lang())
}

/// A stage's identifier as the current language names it; an identifier that names no
/// stage as it is stored.
pub(crate) fn stage_name(id: &str) -> String {
    domain::policy::Stage::parse(id).map_or_else(|| id.replace('_', " "), |s| t(stage_key(s)))
}

/// A status's identifier as the current language names it; an identifier that names no
/// status as it is stored.
pub(crate) fn status_name(id: &str) -> String {
    domain::policy::PolicyStatus::parse(id)
        .map_or_else(|| id.replace('_', " "), |s| t(status_key(s)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html;

    #[test]
    fn scopes_nest_and_end() {
        assert_eq!(lang(), Lang::En);
        {
            let _fr = Scope::enter(Lang::Fr);
            assert_eq!(lang(), Lang::Fr);
            {
                let _ar = Scope::enter(Lang::Ar);
                assert_eq!(lang(), Lang::Ar);
            }
            assert_eq!(lang(), Lang::Fr);
            assert_eq!(number(1234.5, 1), "1\u{202F}234,5");
        }
        assert_eq!(lang(), Lang::En);
        assert_eq!(number(1234.5, 1), "1,234.5");
    }

    #[test]
    fn country_names_leave_out_the_lists_article() {
        let _fr = Scope::enter(Lang::Fr);
        assert_eq!(country("FRA", "France"), "France");
        assert_eq!(country("IRN", "Iran"), "Iran (République islamique d')");
        let _es = Scope::enter(Lang::Es);
        assert_eq!(country("USA", "United States"), "Estados Unidos de América");
    }

    #[test]
    fn markup_arguments_are_kept_and_text_is_escaped() {
        let mark = html("brief-compact-k", &[("n", Piece::Html(html!("<sup>[1]</sup>")))]);
        assert_eq!(mark.as_str(), "<sup>[1]</sup>k");
        let text = html("brief-compact-k", &[("n", Piece::from("<b>&\u{E000}0\u{E001}"))]);
        assert_eq!(text.as_str(), "&lt;b&gt;&amp;0k");
    }
}
