//! From longitude/latitude rings to compact SVG path data: cutting rings at the
//! antimeridian, projecting, rounding to 0.1 user units and writing relative
//! coordinates.

use super::projection::{X_MAX, Y_MAX, equal_earth};
use super::topojson::LonLat;

/// Largest latitude step when a cut ring is closed along a map edge (degrees): the
/// ±180° meridians are curves in Equal Earth, so the edge is followed, not cut across.
const EDGE_STEP_DEG: f64 = 1.0;
/// Largest longitude step along a pole line when a ring that winds around a pole is
/// closed (degrees).
const POLE_STEP_DEG: f64 = 10.0;

/// The Equal Earth plane scaled to a `width`-wide frame placed at (`left`, `top`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    /// x of longitude −180° on the equator.
    pub(crate) left: f64,
    /// y of the North Pole.
    pub(crate) top: f64,
    /// User units per unit of the unit-sphere projection.
    pub(crate) scale: f64,
}

impl Frame {
    /// A frame `width` wide with its top-left corner at (`left`, `top`).
    pub(crate) fn new(left: f64, top: f64, width: f64) -> Frame {
        Frame { left, top, scale: width / (2.0 * X_MAX) }
    }

    /// The frame's height.
    pub(crate) fn height(&self) -> f64 {
        2.0 * Y_MAX * self.scale
    }

    /// Projects a point into SVG user units (y down).
    pub(crate) fn project(&self, (lon, lat): LonLat) -> (f64, f64) {
        let (x, y) = equal_earth(lon, lat);
        (self.left + (x + X_MAX) * self.scale, self.top + (Y_MAX - y) * self.scale)
    }

    /// Projects a point and rounds it to tenths of a user unit (as integers).
    fn project_tenths(&self, p: LonLat) -> (i64, i64) {
        let (x, y) = self.project(p);
        ((x * 10.0).round() as i64, (y * 10.0).round() as i64)
    }
}

/// Whether the step from `a` to `b` crosses the antimeridian (a jump of more than 180°
/// of longitude is shorter the other way round).
fn crosses(a: LonLat, b: LonLat) -> bool {
    (b.0 - a.0).abs() > 180.0
}

/// Where the step from `a` to `b` meets the antimeridian: the latitude, interpolated
/// linearly in longitude, and the edge longitude on `a`'s side (±180°).
fn crossing(a: LonLat, b: LonLat) -> (f64, f64) {
    let (edge, b_lon) = if a.0 > 0.0 { (180.0, b.0 + 360.0) } else { (-180.0, b.0 - 360.0) };
    let span = b_lon - a.0;
    let t = if span.abs() > f64::EPSILON { ((edge - a.0) / span).clamp(0.0, 1.0) } else { 0.0 };
    (a.1 + t * (b.1 - a.1), edge)
}

/// Points from `from` to `to` (both excluded) along the meridian `lon`.
fn along_meridian(lon: f64, from: f64, to: f64, out: &mut Vec<LonLat>) {
    let steps = ((to - from).abs() / EDGE_STEP_DEG).ceil().max(1.0) as usize;
    for k in 1..steps {
        out.push((lon, from + (to - from) * k as f64 / steps as f64));
    }
}

/// Closes a piece of a cut ring whose ends lie on the antimeridian: along the edge when
/// both ends are on the same side, or down one edge, along the nearer pole line and up
/// the other edge when the ring winds around a pole (Antarctica).
fn close_piece(mut piece: Vec<LonLat>) -> Vec<LonLat> {
    let (Some(&first), Some(&last)) = (piece.first(), piece.last()) else {
        return piece;
    };
    let edge = |east: bool| if east { 180.0 } else { -180.0 };
    let (start_east, end_east) = (first.0 > 0.0, last.0 > 0.0);
    let (start_edge, end_edge) = (edge(start_east), edge(end_east));
    if start_east == end_east {
        along_meridian(end_edge, last.1, first.1, &mut piece);
    } else {
        let mean_lat = piece.iter().map(|p| p.1).sum::<f64>() / piece.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        along_meridian(end_edge, last.1, pole, &mut piece);
        piece.push((end_edge, pole));
        let steps = (360.0 / POLE_STEP_DEG) as usize;
        for k in 1..steps {
            piece.push((end_edge + (start_edge - end_edge) * k as f64 / steps as f64, pole));
        }
        piece.push((start_edge, pole));
        along_meridian(start_edge, pole, first.1, &mut piece);
    }
    piece.push(first);
    piece
}

/// Cuts a closed ring where it crosses the antimeridian and closes each piece along the
/// map's edge, so that no ring draws a line across the whole map. A ring that does not
/// cross is returned as it is.
///
/// Filled with the even-odd rule, the closed pieces cover exactly the part of the
/// polygon on each side of the cut.
pub(crate) fn split_at_antimeridian(ring: &[LonLat]) -> Vec<Vec<LonLat>> {
    let mut v: &[LonLat] = ring;
    if v.len() > 1 && v.first() == v.last() {
        v = &v[..v.len() - 1];
    }
    let m = v.len();
    let Some(first_cross) = (0..m).find(|&i| crosses(v[i], v[(i + 1) % m])) else {
        return vec![ring.to_vec()];
    };
    let mut pieces = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for s in 0..m {
        let i = (first_cross + s) % m;
        let (a, b) = (v[i], v[(i + 1) % m]);
        if crosses(a, b) {
            let (lat, edge) = crossing(a, b);
            if !current.is_empty() {
                current.push((edge, lat));
                pieces.push(close_piece(std::mem::take(&mut current)));
            }
            current.push((-edge, lat));
        }
        current.push(b);
    }
    // The last piece ends at the first crossing.
    let (lat, edge) = crossing(v[first_cross], v[(first_cross + 1) % m]);
    current.push((edge, lat));
    pieces.push(close_piece(current));
    pieces
}

/// Writes a coordinate given in tenths as a short decimal: `123` → `12.3`, `-5` →
/// `-.5`, `40` → `4`.
fn push_tenths(out: &mut String, value: i64) {
    use std::fmt::Write as _;
    let (sign, abs) = if value < 0 { ("-", value.unsigned_abs()) } else { ("", value as u64) };
    let (int, frac) = (abs / 10, abs % 10);
    // Writing to a String cannot fail.
    let _ = match (int, frac) {
        (i, 0) => write!(out, "{sign}{i}"),
        (0, f) => write!(out, "{sign}.{f}"),
        (i, f) => write!(out, "{sign}{i}.{f}"),
    };
}

/// Appends a number to path data, with a space before it unless its minus sign
/// separates it from the previous one.
fn push_number(out: &mut String, value: i64, after_command: bool) {
    if !after_command && value >= 0 {
        out.push(' ');
    }
    push_tenths(out, value);
}

/// The bounding box of what was drawn, in user units: (min x, min y, max x, max y).
pub(crate) type Bounds = (f64, f64, f64, f64);

/// Appends the SVG path data of a ring (already cut at the antimeridian): an absolute
/// move, relative lines between points rounded to 0.1 user units, and `z`. Consecutive
/// points that round to the same position are written once (no information is lost at
/// that precision). A ring that collapses to fewer than three positions is skipped.
/// Returns the ring's bounds if it was written.
pub(crate) fn push_ring(out: &mut String, ring: &[LonLat], frame: &Frame) -> Option<Bounds> {
    let mut pts: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
    for &p in ring {
        let q = frame.project_tenths(p);
        if pts.last() != Some(&q) {
            pts.push(q);
        }
    }
    while pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        return None;
    }
    out.push('M');
    push_number(out, pts[0].0, true);
    push_number(out, pts[0].1, false);
    out.push('l');
    let mut first = true;
    for w in pts.windows(2) {
        push_number(out, w[1].0 - w[0].0, first);
        push_number(out, w[1].1 - w[0].1, false);
        first = false;
    }
    out.push('z');
    let (mut x0, mut y0, mut x1, mut y1) = (i64::MAX, i64::MAX, i64::MIN, i64::MIN);
    for &(x, y) in &pts {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    Some((x0 as f64 / 10.0, y0 as f64 / 10.0, x1 as f64 / 10.0, y1 as f64 / 10.0))
}

/// The outline of the whole globe: the ±180° meridians (followed every degree, as
/// they are curves) joined by the pole lines.
pub(crate) fn sphere_ring() -> Vec<LonLat> {
    let mut ring = Vec::new();
    ring.extend((-90..=90).map(|lat| (-180.0, f64::from(lat))));
    ring.extend((-90..=90).rev().map(|lat| (180.0, f64::from(lat))));
    ring.push((-180.0, -90.0));
    ring
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_are_short() {
        let mut s = String::new();
        for v in [123, -5, 40, 0, -120] {
            push_number(&mut s, v, false);
        }
        assert_eq!(s, " 12.3-.5 4 0-12");
    }

    #[test]
    fn a_ring_that_does_not_cross_is_kept() {
        let ring = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)];
        assert_eq!(split_at_antimeridian(&ring), vec![ring]);
    }

    #[test]
    fn a_ring_across_the_antimeridian_becomes_two_closed_pieces() {
        // A square from 170°E to 170°W, 10°S to 10°N.
        let ring =
            vec![(170.0, -10.0), (-170.0, -10.0), (-170.0, 10.0), (170.0, 10.0), (170.0, -10.0)];
        let pieces = split_at_antimeridian(&ring);
        assert_eq!(pieces.len(), 2);
        for piece in &pieces {
            assert_eq!(piece.first(), piece.last(), "closed");
            let east = piece[0].0 > 0.0;
            assert!(piece.iter().all(|p| (p.0 > 0.0) == east), "one side only: {piece:?}");
            assert!(piece.windows(2).all(|w| !crosses(w[0], w[1])));
        }
        assert!(pieces.iter().any(|p| p.contains(&(180.0, 0.0))), "closed along the edge");
    }

    #[test]
    fn a_ring_around_the_pole_is_closed_along_the_pole_line() {
        let ring = vec![(-180.0, -70.0), (0.0, -65.0), (179.0, -70.0), (-180.0, -70.0)];
        let pieces = split_at_antimeridian(&ring);
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].contains(&(0.0, -90.0)));
        assert!(pieces[0].windows(2).all(|w| (w[1].0 - w[0].0).abs() <= 180.0));
    }
}
