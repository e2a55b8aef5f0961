//! The brief in French, Spanish and Arabic: the page says its language and direction,
//! no English text of the brief's own is left in it, and numbers and dates follow the
//! language.

mod fixture;

use i18n::Lang;
use report::brief;
use report::markup::escape;

/// The brief of the fictional Xandria in `lang`.
fn brief_in(lang: Lang) -> String {
    brief::render(&fixture::xandria(), &fixture::options().in_lang(lang))
}

/// The English texts of the brief's messages that are whole texts of an element
/// (headings, column headers, labels, notes, the analysis's data gaps: messages without
/// arguments), each with its key.
fn english_texts() -> Vec<(String, String)> {
    let en = Lang::En.messages();
    en.keys()
        .into_iter()
        .filter(|k| k.starts_with("brief-") || k.starts_with("gap-"))
        .map(|k| (en.text(&k), k))
        .filter(|(text, _)| {
            !text.contains('{') && text.chars().filter(char::is_ascii_alphabetic).count() > 3
        })
        .collect()
}

#[test]
fn each_language_says_its_language_and_direction() {
    for (lang, head) in [
        (Lang::En, "<html lang=\"en\" dir=\"ltr\">"),
        (Lang::Fr, "<html lang=\"fr\" dir=\"ltr\">"),
        (Lang::Es, "<html lang=\"es\" dir=\"ltr\">"),
        (Lang::Ar, "<html lang=\"ar\" dir=\"rtl\">"),
    ] {
        let html = brief_in(lang);
        assert!(html.starts_with(&format!("<!DOCTYPE html>\n{head}")), "{lang}");
    }
}

#[test]
fn no_english_text_of_the_brief_is_left_in_another_language() {
    let texts = english_texts();
    assert!(texts.len() > 100, "{} English texts", texts.len());
    let english = brief_in(Lang::En);
    // The check can fail: the English brief shows these texts as whole element texts.
    let shown: Vec<&(String, String)> =
        texts.iter().filter(|(t, _)| english.contains(&format!(">{}<", escape(t)))).collect();
    assert!(shown.len() > 40, "only {} English texts are shown whole", shown.len());
    for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
        let html = brief_in(lang);
        let messages = lang.messages();
        for (text, key) in &shown {
            // A word both languages write alike ("Diaspora", "Total") is not a leftover.
            if messages.text(key) == *text {
                continue;
            }
            // Data kept in English is marked so (`lang="en"`), e.g. a policy's area.
            let whole = html.matches(&format!(">{}<", escape(text))).count();
            let marked = html.matches(&format!("lang=\"en\">{}<", escape(text))).count();
            assert_eq!(whole, marked, "{lang}: the English {key} ({text:?}) is in the brief");
        }
    }
}

#[test]
fn headings_are_translated_and_the_brief_stays_the_same_bytes() {
    let headings = ["brief-h-summary", "brief-h-stocks", "brief-h-remittances", "brief-h-costs"];
    for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
        let html = brief_in(lang);
        for key in headings {
            let text = lang.messages().text(key);
            assert_ne!(text, Lang::En.messages().text(key), "{lang}: {key} is not translated");
            assert!(html.contains(&escape(&text)), "{lang}: no {key} ({text})");
        }
        assert_eq!(brief_in(lang), html, "{lang}: the same profile gives the same bytes");
    }
}

#[test]
fn numbers_and_dates_follow_the_language() {
    let fr = brief_in(Lang::Fr);
    assert!(fr.contains("7 décembre 2026"), "the French date");
    // French groups thousands with a narrow no-break space and writes a decimal comma.
    assert!(fr.contains("\u{202F}"), "French thousands");
    assert!(!fr.contains("12,345 "), "no English grouping in French");
    let es = brief_in(Lang::Es);
    assert!(es.contains("7 de diciembre de 2026"), "the Spanish date");
    let ar = brief_in(Lang::Ar);
    assert!(ar.contains("2026"), "Arabic keeps the digits 0–9");
    assert!(!ar.contains('٢'), "no Arabic-Indic digits");
}

#[test]
fn notes_of_missing_data_are_written_in_the_language() {
    for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
        let html = brief::render(&fixture::sparse(), &fixture::options().in_lang(lang));
        let gaps = escape(&lang.messages().text("brief-h-gaps"));
        let note = html.split("<p class=\"no-data\">").nth(1).expect("a no-data note");
        let note = &note[..note.find("</p>").expect("closed")];
        assert!(note.contains(&format!(">{gaps}</a>")), "{lang}: {note}");
        assert!(!note.contains("No data on"), "{lang}: {note}");
    }
}

#[test]
fn the_analysis_sentences_are_written_in_the_language() {
    let english = brief_in(Lang::En);
    assert!(english.contains("Estimated migration flows: none is stored; they can be estimated"));
    assert!(english.contains("<li>Health-worker emigration rate: needs doctors"));
    let gaps = fixture::xandria().gaps;
    for (lang, flows) in [
        (Lang::Fr, "Flux migratoires estimés\u{a0}: aucune estimation"),
        (Lang::Es, "Flujos migratorios estimados: no hay ninguna estimación"),
        (Lang::Ar, "تدفقات الهجرة المقدرة: لا توجد أي تقديرات"),
    ] {
        let html = brief_in(lang);
        assert!(html.contains(flows), "{lang}: {flows}");
        for gap in &gaps {
            let said = gap.said.in_lang(lang);
            assert!(html.contains(&format!("<li>{}</li>", escape(&said))), "{lang}: {said}");
            assert!(!html.contains(&escape(&gap.said.text)), "{lang}: {}", gap.said.text);
        }
        // The dataset's title stays as its publisher wrote it.
        assert!(
            html.contains("UN DESA International Migrant Stock (édition 2024)") || lang != Lang::Fr
        );
    }
}
