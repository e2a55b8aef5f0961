//! Text measurement and label placement for the charts, without a browser.
//!
//! A chart is laid out before any font is known: the reader's system sans-serif draws it.
//! Widths are therefore *estimated conservatively*: [`text_width`] uses the advance
//! widths of DejaVu Sans (Debian's default sans-serif, and among the widest common
//! sans-serif faces; Segoe UI, Roboto, Helvetica and Arial are narrower) plus a margin, so
//! that a label laid out to fit fits in any of them. Nothing assumes English: widths are
//! per character, and characters outside the table get a generous width by class (capital,
//! small letter, CJK ideograph, other).
//!
//! Placement works on boxes ([`Rect`]): a label's box is its estimated width by the font
//! size plus ascent and descent, so two labels whose boxes do not [`Rect::intersects`] do
//! not overlap on the page. [`rows_for`] stacks intervals into rows without overlap (the
//! labels of reference lines), [`flow`] lays items out left to right in rows that fit a
//! width (legends), and [`fit`] and [`wrap`] shorten or break a text to a width.

/// DejaVu Sans advance widths of the printable ASCII characters (`' '` to `'~'`), in
/// units of 1/2048 em.
const ASCII_WIDTHS: [u16; 95] = [
    651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651,
    690, // ' '–'/'
    1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, // '0'–'9'
    690, 690, 1716, 1716, 1716, 1087, 2048, // ':'–'@'
    1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, // 'A'–'M'
    1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, // 'N'–'Z'
    799, 690, 799, 1716, 1024, 1024, // '['–'`'
    1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, // 'a'–'m'
    1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, // 'n'–'z'
    1303, 690, 1303, 1716, // '{'–'~'
];

/// The safety margin on every estimated width: 4 %.
const MARGIN: f64 = 1.04;

/// Height of a line of text, in em: ascent plus descent of the font.
pub const LINE_EM: f64 = 1.17;
/// The part of [`LINE_EM`] above the baseline.
const ASCENT_EM: f64 = 0.93;

/// The estimated advance of one character, in em.
fn char_em(c: char) -> f64 {
    let code = c as u32;
    if (0x20..0x7f).contains(&code) {
        return f64::from(ASCII_WIDTHS[(code - 0x20) as usize]) / 2048.0;
    }
    match c {
        '\u{a0}' | '\u{2009}' | '\u{202f}' => 0.32,
        '–' | '‘' | '’' | '‚' | '“' | '”' => 0.52,
        '—' | '…' | '‰' | '€' | '£' | '¥' => 1.0,
        '·' | '•' | '×' | '°' => 0.84,
        // Combining marks take no room of their own, nor do the marks of direction
        // (a right-to-left mark begins some Arabic texts) and the joiners.
        '\u{300}'..='\u{36f}'
        | '\u{64b}'..='\u{65f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => 0.0,
        // CJK, kana, Hangul and full-width forms are square.
        '\u{1100}'..='\u{11ff}'
        | '\u{2e80}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}' => 1.0,
        c if c.is_uppercase() => 0.82,
        c if c.is_alphabetic() => 0.68,
        c if c.is_numeric() => 0.64,
        _ => 0.9,
    }
}

/// The estimated width in user units of `text` set at `size` (its font size): an upper
/// bound for the common sans-serif system fonts.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size * MARGIN
}

/// `text` shortened from the end, with an ellipsis, so that it is at most `max_width`
/// wide at `size`; the whole text when it fits. Never empty unless `text` is: at least
/// one character and the ellipsis are kept.
pub fn fit(text: &str, max_width: f64, size: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let room = max_width - text_width("…", size);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = char_em(c) * size * MARGIN;
        if width + w > room && !out.is_empty() {
            break;
        }
        width += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// `text` broken at spaces into at most `max_lines` lines of at most `max_width` at
/// `size`. A word longer than a line, or text beyond the last line, is shortened with
/// [`fit`]; the caller keeps the full text in a `<title>`.
pub fn wrap(text: &str, max_width: f64, size: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(last) if text_width(&format!("{last} {word}"), size) <= max_width => {
                last.push(' ');
                last.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > max_lines.max(1) {
        let rest = lines.split_off(max_lines.max(1) - 1).join(" ");
        lines.push(rest);
    }
    lines.into_iter().map(|l| fit(&l, max_width, size)).collect()
}

/// Whether `text` fits on `max_lines` lines of `max_width` at `size` without shortening.
pub fn wraps_within(text: &str, max_width: f64, size: f64, max_lines: usize) -> bool {
    wrap(text, max_width, size, max_lines).concat().replace(' ', "")
        == text.split_whitespace().collect::<String>()
}

/// Where a text's `x` is: its start, middle or end (SVG's `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is where the text starts.
    Start,
    /// `x` is the middle of the text.
    Middle,
    /// `x` is where the text ends.
    End,
}

/// An axis-aligned box in user units: `x0 <= x1`, `y0 <= y1` (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl Rect {
    /// The box of one line of `text` at `size` whose anchor point is (`x`, `baseline`).
    pub fn of_text(text: &str, x: f64, baseline: f64, size: f64, anchor: Anchor) -> Rect {
        let w = text_width(text, size);
        let x0 = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - w / 2.0,
            Anchor::End => x - w,
        };
        let top = baseline - ASCENT_EM * size;
        Rect { x0, y0: top, x1: x0 + w, y1: top + LINE_EM * size }
    }

    /// Whether the two boxes share an area (touching edges do not count).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Whether this box lies inside `outer` (edges may touch).
    pub fn inside(&self, outer: &Rect) -> bool {
        self.x0 >= outer.x0 && self.x1 <= outer.x1 && self.y0 >= outer.y0 && self.y1 <= outer.y1
    }

    /// This box grown by `pad` on every side.
    pub fn padded(&self, pad: f64) -> Rect {
        Rect { x0: self.x0 - pad, y0: self.y0 - pad, x1: self.x1 + pad, y1: self.y1 + pad }
    }
}

/// Assigns each interval `(start, end)` the lowest row in which it overlaps no interval
/// placed before it (with `gap` between neighbours); returns the row of each, in input
/// order. Intervals are placed by increasing start, so the result does not depend on
/// the input order of equal intervals beyond their index.
pub fn rows_for(intervals: &[(f64, f64)], gap: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    order.sort_by(|&a, &b| intervals[a].0.total_cmp(&intervals[b].0).then(a.cmp(&b)));
    let mut row_ends: Vec<f64> = Vec::new();
    let mut rows = vec![0; intervals.len()];
    for i in order {
        let (start, end) = intervals[i];
        let row = row_ends.iter().position(|&e| e + gap <= start).unwrap_or(row_ends.len());
        if row == row_ends.len() {
            row_ends.push(end);
        } else {
            row_ends[row] = end;
        }
        rows[i] = row;
    }
    rows
}

/// Lays items of the given widths out left to right from 0, starting a new row when
/// the next item would pass `max_width`; returns each item's (x, row). An item wider
/// than `max_width` gets a row of its own.
pub fn flow(widths: &[f64], max_width: f64, gap: f64) -> Vec<(f64, usize)> {
    let mut out = Vec::with_capacity(widths.len());
    let (mut x, mut row) = (0.0, 0);
    for &w in widths {
        if x > 0.0 && x + w > max_width {
            x = 0.0;
            row += 1;
        }
        out.push((x, row));
        x += w + gap;
    }
    out
}

/// Moves labels along one axis so that none overlaps the next: `centres` are the wished
/// positions, `sizes` the labels' extents along the axis, `[lo, hi]` the room. Keeps the
/// order of the labels and moves each as little as a forward-then-backward sweep allows.
/// Returns `None` when the labels cannot fit in the room at all.
pub fn spread(centres: &[f64], sizes: &[f64], lo: f64, hi: f64) -> Option<Vec<f64>> {
    if sizes.iter().sum::<f64>() > hi - lo + 1e-9 {
        return None;
    }
    let mut order: Vec<usize> = (0..centres.len()).collect();
    order.sort_by(|&a, &b| centres[a].total_cmp(&centres[b]).then(a.cmp(&b)));
    let mut pos: Vec<f64> = order.iter().map(|&i| centres[i]).collect();
    let size: Vec<f64> = order.iter().map(|&i| sizes[i]).collect();
    // Forward: each label at least after the previous one, and inside the room.
    let mut floor = lo;
    for k in 0..pos.len() {
        pos[k] = pos[k].max(floor + size[k] / 2.0);
        floor = pos[k] + size[k] / 2.0;
    }
    // Backward: each label at most before the next one, and inside the room.
    let mut ceiling = hi;
    for k in (0..pos.len()).rev() {
        pos[k] = pos[k].min(ceiling - size[k] / 2.0);
        ceiling = pos[k] - size[k] / 2.0;
    }
    let mut out = vec![0.0; centres.len()];
    for (k, &i) in order.iter().enumerate() {
        out[i] = pos[k];
    }
    Some(out)
}

/// The value of attribute `name` in the tag text `tag`.
#[cfg(test)]
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    tag[start..].split('"').next()
}

/// Text with its markup removed and the escapes the charts write undone.
#[cfg(test)]
fn plain_text(markup: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
}

/// The estimated box of every line of text in `svg` (a chart or map), with its text,
/// and the box of the chart (its `viewBox`): what a layout test compares. Text anchors
/// and font sizes are inherited from enclosing `<g>` elements as in SVG; a `transform`
/// on a text is refused (the charts write none).
#[cfg(test)]
pub(crate) fn text_boxes(svg: &str) -> (Rect, Vec<(String, Rect)>) {
    let view: Vec<f64> = attr(svg, "viewBox")
        .expect("viewBox")
        .split(' ')
        .map(|v| v.parse().expect("number"))
        .collect();
    let frame = Rect { x0: view[0], y0: view[1], x1: view[0] + view[2], y1: view[1] + view[3] };
    let mut stack: Vec<(Anchor, f64)> = vec![(Anchor::Start, 12.0)];
    let mut boxes = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let end = rest.find('>').expect("tag end");
        let tag = &rest[..=end];
        let (anchor, size) = *stack.last().expect("root");
        let anchor_of = |tag: &str| match attr(tag, "text-anchor") {
            Some("middle") => Anchor::Middle,
            Some("end") => Anchor::End,
            Some(_) => Anchor::Start,
            None => anchor,
        };
        let size_of = |tag: &str| attr(tag, "font-size").map_or(size, |v| v.parse().expect("size"));
        if tag.starts_with("<g") {
            stack.push((anchor_of(tag), size_of(tag)));
        } else if tag.starts_with("</g") {
            stack.pop();
        } else if tag.starts_with("<text") {
            assert!(attr(tag, "transform").is_none(), "a transformed text: {tag}");
            let close = rest.find("</text>").expect("text end");
            let mut body = rest[end + 1..close].to_owned();
            while let (Some(a), Some(b)) = (body.find("<title>"), body.find("</title>")) {
                body.replace_range(a..b + "</title>".len(), "");
            }
            let (anchor, size) = (anchor_of(tag), size_of(tag));
            let num = |t: &str, k: &str| attr(t, k).map(|v| v.parse::<f64>().expect("number"));
            if body.contains("<tspan") {
                for span in body.split("<tspan").skip(1) {
                    let x = num(span, "x").or(num(tag, "x")).expect("x");
                    let y = num(span, "y").or(num(tag, "y")).expect("y");
                    let text = plain_text(&format!("<tspan{span}"));
                    boxes.push((text.clone(), Rect::of_text(&text, x, y, size, anchor)));
                }
            } else {
                let text = plain_text(&body);
                if !text.is_empty() {
                    let (x, y) = (num(tag, "x").expect("x"), num(tag, "y").expect("y"));
                    boxes.push((text.clone(), Rect::of_text(&text, x, y, size, anchor)));
                }
            }
            rest = &rest[close..];
        }
        rest = &rest[1..];
    }
    (frame, boxes)
}

/// Fails, naming the texts, when a text of `svg` lies outside the chart or two texts
/// overlap.
#[cfg(test)]
#[track_caller]
pub(crate) fn assert_no_collisions(svg: &str) {
    let (frame, boxes) = text_boxes(svg);
    assert!(!boxes.is_empty(), "no text in {svg}");
    for (text, rect) in &boxes {
        assert!(rect.inside(&frame.padded(0.01)), "{text:?} at {rect:?} is outside {frame:?}");
    }
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[i + 1..] {
            assert!(!ra.intersects(rb), "{a:?} at {ra:?} overlaps {b:?} at {rb:?}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_per_character_and_conservative() {
        // Chromium with DejaVu Sans at 12 px measures "Philippines" 64.65 px and "SDG
        // target 3%" 89.31 px wide; the estimates are a little above.
        let w = text_width("Philippines", 12.0);
        assert!((64.65..68.0).contains(&w), "{w}");
        let w = text_width("SDG target 3%", 12.0);
        assert!((89.31..94.0).contains(&w), "{w}");
        assert!(text_width("WWW", 12.0) > text_width("iii", 12.0) * 3.0);
        // Not English-only: accented, Arabic and CJK text gets room too.
        assert!(text_width("Türkiye", 12.0) >= text_width("Turkiye", 12.0));
        assert!(text_width("الفلبين", 12.0) > 7.0 * 6.0);
        assert!(text_width("日本", 12.0) >= 24.0);
        assert!(text_width("", 12.0).abs() < 1e-12);
        assert!(text_width("\u{200f}\u{2067}\u{2069}", 12.0).abs() < 1e-12, "marks are invisible");
    }

    #[test]
    fn fit_shortens_to_the_width_and_keeps_short_text() {
        assert_eq!(fit("Nepal", 100.0, 12.0), "Nepal");
        let long = "United Kingdom of Great Britain and Northern Ireland";
        let short = fit(long, 120.0, 12.0);
        assert!(short.ends_with('…') && text_width(&short, 12.0) <= 120.0, "{short}");
        assert!(short.starts_with("United Kingdom"));
        // Even a width too small for anything keeps one character.
        assert_eq!(fit(long, 1.0, 12.0), "U…");
    }

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        let lines = wrap("Bosnia and Herzegovina", 80.0, 12.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| text_width(l, 12.0) <= 80.0), "{lines:?}");
        assert!(wraps_within("Viet Nam", 60.0, 12.0, 2));
        assert!(!wraps_within("Bosnia and Herzegovina", 60.0, 12.0, 2));
    }

    #[test]
    fn boxes_intersect_only_when_they_share_area() {
        let a = Rect::of_text("4.40%", 100.0, 50.0, 12.0, Anchor::Middle);
        let b = Rect::of_text("4.20%", 100.0 + a.x1 - a.x0, 50.0, 12.0, Anchor::Middle);
        assert!(!a.intersects(&b), "side by side, touching");
        let c = Rect::of_text("4.20%", 120.0, 50.0, 12.0, Anchor::Middle);
        assert!(a.intersects(&c));
        let below =
            Rect::of_text("4.20%", 100.0, 50.0 + LINE_EM * 12.0 + 0.01, 12.0, Anchor::Middle);
        assert!(!a.intersects(&below));
        assert!(a.inside(&a.padded(1.0)) && !a.padded(1.0).inside(&a));
    }

    #[test]
    fn rows_never_hold_overlapping_intervals() {
        let intervals = [(0.0, 50.0), (40.0, 90.0), (60.0, 100.0), (10.0, 20.0), (95.0, 130.0)];
        let rows = rows_for(&intervals, 4.0);
        for i in 0..intervals.len() {
            for j in i + 1..intervals.len() {
                if rows[i] == rows[j] {
                    let (a, b) = (intervals[i], intervals[j]);
                    assert!(a.1 + 4.0 <= b.0 || b.1 + 4.0 <= a.0, "{a:?} {b:?} in row {}", rows[i]);
                }
            }
        }
        assert_eq!(rows[0], 0);
        assert_eq!(rows[1], 1);
        assert_eq!(rows[2], 0);
    }

    #[test]
    fn flow_wraps_to_the_width() {
        let placed = flow(&[100.0, 100.0, 100.0, 500.0], 250.0, 10.0);
        assert_eq!(placed, vec![(0.0, 0), (110.0, 0), (0.0, 1), (0.0, 2)]);
    }

    #[test]
    fn spread_separates_labels_within_the_room() {
        let out = spread(&[50.0, 52.0, 51.0], &[14.0, 14.0, 14.0], 0.0, 200.0).expect("room");
        let mut sorted = out.clone();
        sorted.sort_by(f64::total_cmp);
        assert!(sorted.windows(2).all(|w| w[1] - w[0] >= 14.0 - 1e-9), "{out:?}");
        // Order kept: the label wished lowest stays lowest.
        assert!(out[0] < out[2] && out[2] < out[1]);
        // Pushed inside the room from its edge.
        let edge = spread(&[1.0, 2.0], &[10.0, 10.0], 0.0, 100.0).expect("room");
        assert!(edge[0] >= 5.0 && edge[1] >= 15.0);
        assert_eq!(spread(&[0.0, 0.0], &[60.0, 60.0], 0.0, 100.0), None);
    }
}
