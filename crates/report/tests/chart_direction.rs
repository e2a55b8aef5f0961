//! The brief's charts follow its language: in Arabic every chart with a value axis has
//! it on the right and runs from right to left, and each SVG keeps its texts' layout in
//! the right-to-left page; in English nothing is mirrored.

mod fixture;

use i18n::Lang;
use report::brief;

/// The brief of the fictional Xandria in `lang`.
fn brief_in(lang: Lang) -> String {
    brief::render(&fixture::xandria(), &fixture::options().in_lang(lang))
}

/// Each `<svg>…</svg>` of a page.
fn svgs(html: &str) -> Vec<&str> {
    html.split("<svg ").skip(1).map(|s| &s[..s.find("</svg>").expect("closed svg")]).collect()
}

/// The numbers of attribute `name` in `markup`, in order.
fn numbers(markup: &str, name: &str) -> Vec<f64> {
    markup
        .split(&format!(" {name}=\""))
        .skip(1)
        .map(|s| s.split('"').next().expect("value").parse().expect("number"))
        .collect()
}

/// Of a chart with a value axis: the x where its grid lines end on the right, and the
/// x of its value labels; `None` for a chart without one.
fn value_axis(svg: &str) -> Option<(f64, f64, Vec<f64>)> {
    let grid = &svg[svg.find("class=\"y-axis\"")?..];
    let grid = &grid[..grid.find("</g>")?];
    let left = numbers(grid, "x1").into_iter().fold(f64::INFINITY, f64::min);
    let right = numbers(grid, "x2").into_iter().fold(f64::NEG_INFINITY, f64::max);
    let labels = &svg[svg.find("class=\"y-labels\"")?..];
    let labels = &labels[..labels.find("</g>")?];
    Some((left, right, numbers(labels, "x")))
}

#[test]
fn the_arabic_briefs_value_axes_are_on_the_right() {
    let html = brief_in(Lang::Ar);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    // The page's style sheet orders each chart text by its own letters; the charts
    // carry no inline style (the workspace's pages allow none).
    assert!(html.contains(report::svg::RTL_TEXT_CSS));
    let charts = svgs(&html);
    let mut axes = 0;
    for svg in &charts {
        assert!(svg.contains(" direction=\"ltr\""), "{svg}");
        assert!(!svg.contains("<style"), "{svg}");
        if let Some((_, right, xs)) = value_axis(svg) {
            axes += 1;
            assert!(!xs.is_empty() && xs.iter().all(|x| *x > right), "{xs:?} ≤ {right}: {svg}");
        }
    }
    assert!(axes >= 3, "{axes} charts with a value axis");
}

#[test]
fn the_english_briefs_value_axes_are_on_the_left() {
    let html = brief_in(Lang::En);
    let mut axes = 0;
    for svg in svgs(&html) {
        assert!(!svg.contains("<style"), "{svg}");
        if let Some((left, _, xs)) = value_axis(svg) {
            axes += 1;
            assert!(!xs.is_empty() && xs.iter().all(|x| *x < left), "{xs:?} ≥ {left}: {svg}");
        }
    }
    assert!(axes >= 3, "{axes} charts with a value axis");
}

#[test]
fn a_sparse_arabic_brief_draws_no_english_chart_text() {
    let html = brief::render(&fixture::sparse(), &fixture::options().in_lang(Lang::Ar));
    let charts = svgs(&html);
    assert!(!charts.is_empty(), "the sparse brief draws charts");
    for svg in charts {
        assert!(svg.contains(" direction=\"ltr\""), "{svg}");
        for english in ["No data available", "Values in", "Reference line", "persons:"] {
            assert!(!svg.contains(english), "{english} in {svg}");
        }
    }
}
