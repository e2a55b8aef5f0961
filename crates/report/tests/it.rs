//! Integration tests of the country brief, on hand-built profiles of fictional
//! countries (`fixture`).

mod escaping;
mod fixture;

use std::collections::BTreeSet;

use report::brief;

/// Elements that have no end tag in HTML.
const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];

/// Checks that every element of `html` is closed in order. Returns the tag names
/// seen. Panics with the position of the first mismatch.
#[track_caller]
fn check_balanced(html: &str) -> BTreeSet<String> {
    let mut stack: Vec<String> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut rest = html;
    let mut offset = 0;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after
            .find('>')
            .unwrap_or_else(|| panic!("unterminated tag at byte {}", offset + start));
        let tag = &after[..end];
        let consumed = start + 1 + end + 1;
        if tag.starts_with('!') {
            assert!(tag.eq_ignore_ascii_case("!DOCTYPE html"), "unexpected declaration <{tag}>");
        } else if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing at byte {}", offset + start));
            assert_eq!(open, name, "</{name}> closes <{open}> at byte {}", offset + start);
        } else {
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            assert!(
                !name.is_empty(),
                "a '<' that starts no tag at byte {}: {:?}",
                offset + start,
                &tag
            );
            assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes in <{tag}>");
            seen.insert(name.clone());
            if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
                stack.push(name.clone());
            }
            if name == "style" {
                // The style sheet contains no '<'; skip to its end tag.
                let close = rest[consumed..].find("</style>").expect("style is closed");
                offset += consumed + close;
                rest = &rest[consumed + close..];
                continue;
            }
        }
        offset += consumed;
        rest = &rest[consumed..];
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
    seen
}

/// The values of every `attr="..."` in `html`.
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let value = &html[i + needle.len()..];
            &value[..value.find('"').expect("attribute value is closed")]
        })
        .collect()
}

/// Text between the first `open` and the next `close` after it.
fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("{open} not found")) + open.len();
    let end = html[start..].find(close).unwrap_or_else(|| panic!("{close} not found")) + start;
    &html[start..end]
}

/// Checks everything any brief must satisfy.
#[track_caller]
fn check_brief(html: &str) {
    let tags = check_balanced(html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(tags.contains("h1") && tags.contains("h2"));

    // Nothing is loaded from anywhere.
    for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src="] {
        assert!(!html.contains(forbidden), "found {forbidden}");
    }
    for href in attr_values(html, "href") {
        assert!(href.starts_with('#'), "external link {href}");
    }
    for ns in attr_values(html, "xmlns") {
        assert_eq!(ns, "http://www.w3.org/2000/svg");
    }

    // No non-numbers.
    for token in html.split(|c: char| !c.is_ascii_alphanumeric()) {
        assert!(
            !["NaN", "nan", "inf", "Inf", "infinity", "Infinity"].contains(&token),
            "found {token}"
        );
    }

    // Every internal link resolves; every source reference resolves and every source
    // entry is cited.
    let ids: BTreeSet<&str> = attr_values(html, "id").into_iter().collect();
    assert_eq!(ids.len(), attr_values(html, "id").len(), "duplicate ids");
    let mut cited = BTreeSet::new();
    for href in attr_values(html, "href") {
        let target = &href[1..];
        assert!(ids.contains(target), "link to missing #{target}");
        if let Some(n) = target.strip_prefix("src-") {
            cited.insert(n.parse::<usize>().expect("source numbers are numbers"));
        }
    }
    let entries: BTreeSet<usize> = ids
        .iter()
        .filter_map(|id| id.strip_prefix("src-"))
        .map(|n| n.parse().expect("number"))
        .collect();
    assert_eq!(cited, entries, "cited sources and source entries differ");
    if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
        assert_eq!((*first, *last), (1, entries.len()), "sources are numbered 1..n");
    }
    assert_eq!(html.matches("<li id=\"src-").count(), entries.len());

    // Every chart is accessible, and followed by a table of its numbers.
    for (i, _) in html.match_indices("<svg ") {
        let tag = &html[i..i + html[i..].find('>').expect("svg tag closed")];
        assert!(tag.contains("role=\"img\""), "{tag}");
        let labelled = between(tag, "aria-labelledby=\"", "\"");
        let label_ids: Vec<&str> = labelled.split(' ').collect();
        assert_eq!(label_ids.len(), 2);
        let svg = &html[i..i + html[i..].find("</svg>").expect("svg closed")];
        assert!(svg.contains(&format!("<title id=\"{}\">", label_ids[0])), "{svg}");
        assert!(svg.contains(&format!("<desc id=\"{}\">", label_ids[1])), "{svg}");
        let desc = between(svg, "<desc", "</desc>");
        assert!(desc.len() > 20, "description too short: {desc}");
    }
    for (i, _) in html.match_indices("</figure>") {
        let rest = &html[i..];
        let table = rest.find("<table").expect("a table follows every chart");
        let next_figure = rest.find("<figure").unwrap_or(usize::MAX);
        assert!(table < next_figure, "chart without its table");
    }
    // Every table has a caption and scoped headers.
    assert_eq!(html.matches("<table").count(), html.matches("<caption>").count());
    for (i, _) in html.match_indices("<th") {
        if html[i..].starts_with("<thead") {
            continue;
        }
        assert!(
            html[i..].starts_with("<th scope=\"col\"")
                || html[i..].starts_with("<th scope=\"row\"")
        );
    }
}

#[test]
fn full_brief_is_well_formed_and_sourced() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    check_brief(&html);
    assert_eq!(
        html.matches("<svg ").count(),
        14,
        "stocks in and out, destinations, origins, two remittance charts, costs to and from; \
         deployments by year and by destination, temporary inflows, displacement by year, \
         refugees' origins and countries of asylum"
    );
    assert!(html.contains("<h1>Xandria</h1>"));
}

#[test]
fn fictional_notice_is_in_the_title_and_a_banner_at_the_top() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    let title = between(&html, "<title>", "</title>");
    assert!(title.contains(fixture::NOTICE), "{title}");
    assert!(title.contains("Xandria"));
    let body = between(&html, "<body>\n", "</body>");
    assert!(body.starts_with("<p class=\"fictional\""), "the banner comes first: {}", &body[..80]);
    assert!(between(body, "<p class=\"fictional\"", "</p>").contains(fixture::NOTICE));
}

#[test]
fn banner_label_is_not_repeated() {
    let mut profile = fixture::xandria();
    let html = brief::render(&profile, &fixture::options());
    assert!(html.contains("<strong>Fictional data</strong> — <strong>Demo world:"));
    profile.fictional_notice = Some("FICTIONAL DEMO WORLD: invented.".to_owned());
    let html = brief::render(&profile, &fixture::options());
    check_brief(&html);
    assert!(html.contains("role=\"note\"><strong>FICTIONAL DEMO WORLD: invented.</strong></p>"));
}

#[test]
fn no_banner_without_a_notice() {
    let mut profile = fixture::xandria();
    profile.fictional_notice = None;
    let html = brief::render(&profile, &fixture::options());
    check_brief(&html);
    assert!(!html.contains("class=\"fictional\""));
    assert_eq!(between(&html, "<title>", "</title>"), "Xandria: migration and development brief");
}

#[test]
fn headline_numbers_carry_units_and_sources() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    let headline = between(&html, "<section id=\"headline\"", "</section>");
    for expected in [
        "438,900 persons",
        "4.0% of the population",
        "1,254,000 persons",
        "11.5% of the population",
        "US$ 2.35 billion",
        "current US$",
        "8.8% of GDP in 2023 (recomputed here; the official SDG 17.3.2 series is not loaded)",
        // (7.85 + 5.42 + 2.61 + 3.94) / 4 = 4.955
        "4.96%",
        "above the 3% target by 1.96 percentage points",
        "18.6%",
        "24.3%",
    ] {
        assert!(headline.contains(expected), "headline lacks {expected:?}: {headline}");
    }
    // The average cost cites the dataset of the four corridors it averages, once.
    let cost_card = between(headline, "Average cost of sending US$200", "</div>");
    assert_eq!(cost_card.matches("href=\"#src-").count(), 1);
}

#[test]
fn sources_are_listed_once_with_dataset_publisher_and_cell() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    let sources = between(&html, "<ol class=\"sources\">", "</ol>");
    let entries: Vec<&str> = sources.split("</li>").filter(|e| !e.is_empty()).collect();
    let unique: BTreeSet<&str> = entries.iter().map(|e| &e[e.find('>').expect("li")..]).collect();
    assert_eq!(unique.len(), entries.len(), "a source is listed twice");
    assert!(
        sources.contains(
            "<cite>Demo International Migrant Stock 2024</cite>, Demo Statistics Office."
        ),
        "{sources}"
    );
    // The cell, or the derivation, is one hover away: in the figure's tooltip.
    assert!(html.contains("title=\"Demo International Migrant Stock 2024, Demo Statistics Office; cell: stocks.xlsx, sheet &quot;Table 1&quot;, row 25, column F\""), "{html}");
    assert!(html.contains("derived: stock divided by mid-year population, times 100\""));
    let about = between(&html, "<section id=\"about\"", "</section>");
    assert!(about.contains("XAA"));
    for dataset in [
        "Demo International Migrant Stock 2024",
        "Demo Development Indicators 2025",
        "Demo Remittance Prices 2025 Q2",
        "Demo Skilled Emigration Database",
    ] {
        assert!(about.contains(dataset), "about lacks {dataset}");
    }
}

#[test]
fn costs_are_compared_with_the_target() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    let costs = between(&html, "<section id=\"costs\"", "</section>");
    assert!(costs.contains("SDG target 3%") && costs.contains(">5%<"));
    assert!(costs.contains("at or below the 3% target"));
    assert!(costs.contains("above the 3% target by 4.85 percentage points"));
    assert!(costs.contains("3 of 4 above 3.00%"));
}

#[test]
fn output_is_deterministic() {
    let a = brief::render(&fixture::xandria(), &fixture::options());
    let b = brief::render(&fixture::xandria().clone(), &fixture::options());
    assert_eq!(a, b);
}

#[test]
fn the_colophon_carries_the_given_date_the_version_and_the_editions() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    // The date the caller gave, nothing read from a clock.
    assert!(html.contains("<time datetime=\"2026-12-07\">7 December 2026</time>"), "{html}");
    assert_eq!(html.matches("datetime=\"2026-12-07\"").count(), 3, "header, about, footer");
    assert!(html.contains("by Coherence 9.8.7-test from"), "{html}");
    assert!(html.contains("<dt>Coherence version</dt><dd>9.8.7-test</dd>"), "{html}");
    assert!(html.contains("<dt>Dataset editions used</dt>"), "{html}");
    let other = brief::BriefOptions::new(brief::Colophon::at(0, "1.0.0"));
    let html = brief::render(&fixture::xandria(), &other);
    assert!(html.contains("<time datetime=\"1970-01-01\">1 January 1970</time>"), "{html}");
    assert!(!html.contains("2026-12-07"));
}

#[test]
fn the_brief_never_asks_for_a_command() {
    for profile in [fixture::xandria(), fixture::sparse()] {
        let html = brief::render(&profile, &fixture::options());
        for command in ["coherence ", "<code>coherence", "--store", "--answers", "register log"] {
            assert!(!html.contains(command), "{command:?} in the brief");
        }
    }
}

#[test]
fn text_is_escaped() {
    let mut profile = fixture::xandria();
    profile.area.name = "Tom & <script>alert(1)</script>".to_owned();
    profile.top_destinations[0].partner_name = "Bell & <b>mora</b>".to_owned();
    profile.policies[0].title = "<script>x</script> & more".to_owned();
    profile.gaps.push(analysis::profile::Gap {
        said: fixture::said_naming("a <gap> & \"quotes\""),
        fill: None,
    });
    profile.fictional_notice = Some("Fictional & <i>invented</i>".to_owned());
    let html = brief::render(&profile, &fixture::options());
    check_brief(&html);
    assert!(
        !html.contains("<script")
            && !html.contains("<b>")
            && !html.contains("<i>")
            && !html.contains("<gap>")
    );
    assert!(html.contains("Tom &amp; &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Bell &amp; &lt;b&gt;mora&lt;/b&gt;"));
    assert!(
        between(&html, "<title>", "</title>")
            .starts_with("Fictional &amp; &lt;i&gt;invented&lt;/i&gt;")
    );
}

#[test]
fn sparse_profile_renders_with_no_data_notes() {
    let html = brief::render(&fixture::sparse(), &fixture::options());
    check_brief(&html);
    assert!(html.contains("No data on immigrants in this profile"));
    assert!(html.contains("No policies are registered"));
    assert!(html.contains("The profile records no data gaps."));
    assert!(html.contains("No data on where emigrants live"));
    assert!(html.contains("12,345 persons"));
    // The single-year emigrant stock still gets a chart (one point) and a table.
    assert_eq!(html.matches("<svg ").count(), 1);
    assert_eq!(brief::render(&fixture::sparse(), &fixture::options()), html);
}

#[test]
fn empty_profile_renders() {
    let mut profile = fixture::sparse();
    profile.stock_out.clear();
    profile.fictional_notice = None;
    let html = brief::render(&profile, &fixture::options());
    check_brief(&html);
    assert!(html.contains("No figures are cited."));
    assert_eq!(html.matches("<svg ").count(), 0);
}

#[test]
fn partial_remittance_data() {
    let mut profile = fixture::xandria();
    profile.remittances_received.clear();
    profile.remittances_paid.clear();
    profile.remittances_pct_gdp.clear();
    let html = brief::render(&profile, &fixture::options());
    check_brief(&html);
    assert!(html.contains("No data on remittances received or paid in this profile"));
    // GDP alone still gets its table, after an empty chart.
    assert!(html.contains("GDP (current US$ million)") && html.contains("21,400.0"));
    assert!(html.contains("<dt>Remittances received</dt><dd class=\"big\">Not available</dd>"));
}

#[test]
fn values_that_are_not_numbers_do_not_leak() {
    let mut profile = fixture::xandria();
    profile.stock_in[2].total.value = f64::NAN;
    profile.stock_out[1].female.as_mut().expect("fixture has females").value = f64::INFINITY;
    profile.costs_to[0].cost_pct.value = f64::NAN;
    profile.remittances_pct_gdp[4].value.value = f64::NEG_INFINITY;
    profile.top_origins[1].share.value = f64::NAN;
    let html = brief::render(&profile, &fixture::options());
    check_brief(&html);
    assert!(html.contains("n/a"));
}

#[test]
fn sdg_dependence_diaspora_and_governance_sections() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    check_brief(&html);
    let sdg = between(&html, "<section id=\"sdg\"", "</section>");
    for expected in [
        "Remittances ÷ GDP, GDP-weighted, recomputed — World Bank income group: Lower middle income",
        "3.71",
        "GDP-weighted over 3 of 4 members; 1 without data",
        "10.c.1 Average cost of the corridors to the country (4 corridors)",
        "4.96",
        "50.0",
        "1.96",
        "Remittance Prices Worldwide country average to the country",
    ] {
        assert!(sdg.contains(expected), "SDG section lacks {expected:?}: {sdg}");
    }
    let dependence = between(&html, "<section id=\"dependence\"", "</section>");
    for expected in ["% of exports", "31.40", "216", "0.412", "over 9 partners"] {
        assert!(dependence.contains(expected), "dependence lacks {expected:?}: {dependence}");
    }
    let diaspora = between(&html, "<section id=\"diaspora\"", "</section>");
    for expected in ["Brevmark", "480,000", "512,300", "All 2 destinations", "Corvania", "1,700"] {
        assert!(diaspora.contains(expected), "diaspora lacks {expected:?}: {diaspora}");
    }
    let governance = between(&html, "<section id=\"governance\"", "</section>");
    assert!(governance.contains("On the list"), "{governance}");
    assert!(governance.contains("Not a state party"), "{governance}");
    assert_eq!(governance.matches("href=\"#src-").count(), 2);
    let headline = between(&html, "<section id=\"headline\"", "</section>");
    assert!(
        headline.contains("Emigration rate (2024)") && headline.contains("11.2%"),
        "{headline}"
    );
    assert!(
        headline.contains("Net migration (2023)") && headline.contains("-41,500"),
        "{headline}"
    );
}

#[test]
fn sparse_profile_has_the_new_sections_with_no_data_notes() {
    let html = brief::render(&fixture::sparse(), &fixture::options());
    check_brief(&html);
    for id in ["sdg", "dependence", "diaspora", "governance"] {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
    assert!(!html.contains("<section id=\"members\""));
}

/// Xandria turned into a country of destination: more immigrants than emigrants, more
/// remittances paid than received, and no cost of sending to it.
fn destination() -> analysis::profile::CountryProfile {
    let mut p = fixture::xandria();
    std::mem::swap(&mut p.stock_in, &mut p.stock_out);
    for (paid, received) in p.remittances_paid.iter_mut().zip(&p.remittances_received) {
        paid.value.value = received.value.value * 2.0;
    }
    p.costs_to.clear();
    p
}

#[test]
fn the_headline_follows_the_country_s_role() {
    let origin = brief::render(&fixture::xandria(), &fixture::options());
    assert!(origin.contains("Xandria is mainly a country of origin: 438,900 immigrants against 1.3 million emigrants"), "{origin}");
    assert!(origin.contains("Average cost of sending US$200 to Xandria"));
    assert!(origin.contains("Remittances received ("));
    assert!(
        !origin.contains("<dt>Remittances paid ("),
        "an origin's headline shows what it receives"
    );

    let dest = brief::render(&destination(), &fixture::options());
    assert!(dest.contains("Xandria is mainly a country of destination: 1.3 million immigrants against 438,900 emigrants"), "{dest}");
    assert!(dest.contains("remittances paid (US$"), "{dest}");
    assert!(dest.contains("<dt>Remittances paid ("), "{dest}");
    assert!(dest.contains("Average cost of sending US$200 from Xandria"), "{dest}");
    assert!(
        !dest.contains("Cost of sending US$200 to Xandria</dt>"),
        "no 'not available' card for the side without data"
    );
    assert!(dest.contains("id=\"chart-costs-from\""));
    assert!(
        !dest.contains("No data on cost of sending US$200 to"),
        "the side without data is left out"
    );

    // Signals that disagree: more emigrants, but more remittances paid.
    let mut both = fixture::xandria();
    both.remittances_paid = destination().remittances_paid;
    let both = brief::render(&both, &fixture::options());
    assert!(both.contains("Xandria is both a country of origin and of destination"), "{both}");
    assert!(both.contains("<dt>Remittances paid (") && both.contains("<dt>Remittances received ("));
}

#[test]
fn a_profile_without_stocks_or_remittances_has_no_role_from_data() {
    let html = brief::render(&fixture::sparse(), &fixture::options());
    assert!(
        html.contains("so its role as a country of origin or destination is not known"),
        "{html}"
    );
    assert!(
        html.contains("Cost of sending US$200 to Zembla</dt>"),
        "the origin side, as not available"
    );
}

#[test]
fn a_table_cites_its_source_once_and_marks_each_change_of_source() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    let stocks = between(&html, "<section id=\"stocks\"", "</section>");
    let first = between(stocks, "<table", "</p>");
    // One dataset: no figure carries a number; the note under the table cites it once.
    assert_eq!(between(first, "<tbody>", "</tbody>").matches("href=\"#src-").count(), 0);
    assert!(first.contains("<p class=\"table-note\">Source: <sup"), "{first}");

    // The received remittances switch datasets in 2022: the 2022 figure carries the new
    // dataset's number and the note says where the series breaks.
    let mut p = fixture::xandria();
    let n = p.remittances_received.len();
    for v in &mut p.remittances_received[n - 2..] {
        v.value.source.dataset = "Demo Remittance Workbook 2024".to_owned();
        v.value.source.dataset_id = 99;
    }
    let html = brief::render(&p, &fixture::options());
    let remittances = between(&html, "<section id=\"remittances\"", "</section>");
    let table = between(remittances, "<table", "</p>");
    let body = between(table, "<tbody>", "</tbody>");
    assert_eq!(body.matches("href=\"#src-").count(), 2, "the first figure of each run: {body}");
    assert!(table.contains("Break in series</strong>"), "{table}");
    assert!(
        table.contains("Received (current US$ million), from 2022: the figures come from"),
        "{table}"
    );
    assert!(table.contains("Demo Remittance Workbook 2024, "), "the note names the new dataset");
    // The chart draws the two datasets' parts apart, each named with its source's number,
    // and its caption says why.
    let chart = between(remittances, "<figure>", "</figure>");
    let new = between(body, "href=\"#src-", "\"");
    assert!(chart.contains(&format!("Received [{new}]")), "{chart}");
    assert!(chart.contains("A change of dataset breaks a series"), "{chart}");
    let whole = brief::render(&fixture::xandria(), &fixture::options());
    let whole_chart = between(&whole, "<section id=\"remittances\"", "</figure>");
    assert!(!whole_chart.contains("breaks a series"), "one dataset, one line");
}

#[test]
fn a_long_year_table_moves_to_the_appendix_and_the_body_keeps_the_last_years() {
    let mut p = fixture::xandria();
    let template = p.remittances_received[0].clone();
    p.remittances_received = (1990..2024)
        .map(|year| {
            let mut v = template.clone();
            v.year = year;
            v.value.value = f64::from(year - 1900) * 1e7;
            v
        })
        .collect();
    let html = brief::render(&p, &fixture::options());
    check_balanced(&html);
    let remittances = between(&html, "<section id=\"remittances\"", "</section>");
    let body = between(
        remittances,
        "Personal remittances of Xandria, by year, the last 5 years",
        "</table>",
    );
    assert_eq!(body.matches("<tr>").count(), 1 + 5, "header and five years: {body}");
    assert!(body.contains("<th scope=\"row\">2023</th>") && !body.contains(">2018</th>"));
    assert!(
        remittances.contains("<a href=\"#table-a1\">All years: Appendix table A1</a> (34 rows)")
    );
    let appendix = between(&html, "<section id=\"appendix\"", "</section>");
    assert!(appendix.contains("<div id=\"table-a1\" class=\"appendix-table\">"), "{appendix}");
    assert!(appendix.contains("Table A1. Personal remittances of Xandria, by year"));
    assert_eq!(between(appendix, "<tbody>", "</tbody>").matches("<tr>").count(), 34);
    assert!(html.find("id=\"appendix\"") < html.find("id=\"sources\""), "before the sources");
    assert!(html.contains("<a href=\"#appendix\">Appendix: tables</a>"), "in the contents");
    // A brief without long tables has no appendix.
    let short = brief::render(&fixture::xandria(), &fixture::options());
    assert!(!short.contains("id=\"appendix\"") && !short.contains("#appendix"));
}

#[test]
fn the_summary_comes_first_with_the_role_key_figures_and_findings() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    let summary = between(&html, "<section id=\"summary\"", "</section>");
    assert!(html.find("id=\"summary\"") < html.find("id=\"headline\""), "right after the header");
    assert!(summary.contains("Xandria is mainly a country of origin"), "{summary}");
    let figures = between(summary, "<ul class=\"key-figures\">", "</ul>");
    let n = figures.matches("<li>").count();
    assert!((4..=6).contains(&n), "{n} key figures: {figures}");
    assert!(figures.contains("Emigrants: <strong>1,254,000 persons</strong> (2024)"), "{figures}");
    assert_eq!(n, figures.matches("href=\"#src-").count(), "each figure with its source number");
    let findings = between(summary, "<ul class=\"findings\">", "</ul>");
    assert!((3..=5).contains(&findings.matches("<li>").count()), "{findings}");
    assert!(
        findings.contains("The cost of sending US$200 to Xandria averaged 4.96% over 4 corridors"),
        "{findings}"
    );
    assert!(findings.contains("above the SDG target of 3%"), "{findings}");
    assert!(findings.contains("grew from 655,000 in"), "{findings}");
}
