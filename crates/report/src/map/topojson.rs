//! A small TopoJSON decoder: enough of the format for polygonal world boundaries.
//!
//! It reads one named object of a topology (a `GeometryCollection`) and returns its
//! `Polygon` and `MultiPolygon` geometries as rings of longitude/latitude points. It
//! supports quantized, delta-encoded arcs (a `transform` with `scale` and
//! `translate`) and plain arcs (no `transform`), and reverses an arc referenced by a
//! negative index `!i` (TopoJSON's one's complement). Other geometry types (points,
//! lines, null geometries) are skipped: a choropleth has nothing to fill for them.
//!
//! Specification: <https://github.com/topojson/topojson-specification>.

use serde_json::Value;

/// A point as (longitude, latitude) in degrees.
pub type LonLat = (f64, f64);

/// A closed ring: the first point equals the last.
pub type Ring = Vec<LonLat>;

/// A polygon: an outer ring followed by its holes.
pub type Polygon = Vec<Ring>;

/// One geometry of the decoded object.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// The geometry's `id` as written in the file (`"608"`), if any.
    pub id: Option<String>,
    /// `properties.name`, or an empty string.
    pub name: String,
    /// The polygons (one for a `Polygon`, several for a `MultiPolygon`).
    pub polygons: Vec<Polygon>,
}

/// Why a topology could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid TopoJSON: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

fn err(what: impl Into<String>) -> DecodeError {
    DecodeError(what.into())
}

/// A number at `value[idx]`.
fn number(value: &Value, idx: usize, what: &str) -> Result<f64, DecodeError> {
    value
        .get(idx)
        .and_then(Value::as_f64)
        .filter(|v| v.is_finite())
        .ok_or_else(|| err(format!("{what}[{idx}] is not a number")))
}

/// Decodes every arc into absolute longitude/latitude points.
fn decode_arcs(topology: &Value) -> Result<Vec<Vec<LonLat>>, DecodeError> {
    let transform = match topology.get("transform") {
        None | Some(Value::Null) => None,
        Some(t) => {
            let scale = t.get("scale").ok_or_else(|| err("transform has no scale"))?;
            let translate = t.get("translate").ok_or_else(|| err("transform has no translate"))?;
            Some((
                (number(scale, 0, "scale")?, number(scale, 1, "scale")?),
                (number(translate, 0, "translate")?, number(translate, 1, "translate")?),
            ))
        }
    };
    let arcs =
        topology.get("arcs").and_then(Value::as_array).ok_or_else(|| err("no arcs array"))?;
    arcs.iter()
        .enumerate()
        .map(|(idx, arc)| {
            let positions =
                arc.as_array().ok_or_else(|| err(format!("arc {idx} is not an array")))?;
            let mut out = Vec::with_capacity(positions.len());
            let (mut qx, mut qy) = (0.0, 0.0);
            for p in positions {
                let (x, y) = (number(p, 0, "position")?, number(p, 1, "position")?);
                out.push(match transform {
                    // Quantized: positions are deltas from the previous position.
                    Some(((sx, sy), (tx, ty))) => {
                        qx += x;
                        qy += y;
                        (qx * sx + tx, qy * sy + ty)
                    }
                    None => (x, y),
                });
            }
            if out.len() < 2 {
                return Err(err(format!("arc {idx} has fewer than two positions")));
            }
            Ok(out)
        })
        .collect()
}

/// Joins the arcs of one ring; a negative index `i` means arc `!i` reversed. The first
/// point of each arc after the first equals the last point of the previous one and is
/// written once.
fn ring(indices: &Value, arcs: &[Vec<LonLat>]) -> Result<Ring, DecodeError> {
    let indices = indices.as_array().ok_or_else(|| err("a ring is not an array of arcs"))?;
    let mut out: Ring = Vec::new();
    for index in indices {
        let i = index.as_i64().ok_or_else(|| err("an arc index is not an integer"))?;
        let (arc_idx, reversed) = if i >= 0 { (i, false) } else { (!i, true) };
        let arc = usize::try_from(arc_idx)
            .ok()
            .and_then(|a| arcs.get(a))
            .ok_or_else(|| err(format!("arc index {i} is out of range")))?;
        let skip = usize::from(!out.is_empty());
        if reversed {
            out.extend(arc.iter().rev().skip(skip));
        } else {
            out.extend(arc.iter().skip(skip));
        }
    }
    if out.len() < 4 {
        return Err(err("a ring has fewer than four positions"));
    }
    Ok(out)
}

/// The polygon whose rings are the arc lists in `rings`.
fn polygon(rings: &Value, arcs: &[Vec<LonLat>]) -> Result<Polygon, DecodeError> {
    rings
        .as_array()
        .ok_or_else(|| err("a polygon is not an array of rings"))?
        .iter()
        .map(|r| ring(r, arcs))
        .collect()
}

/// Decodes the polygonal geometries of the object `object` of the topology `text`, in
/// file order.
///
/// # Errors
/// Returns [`DecodeError`] if the text is not JSON, the object is missing or not a
/// `GeometryCollection`, or an arc, ring or index is malformed.
pub fn decode(text: &str, object: &str) -> Result<Vec<Feature>, DecodeError> {
    let topology: Value = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
    if topology.get("type").and_then(Value::as_str) != Some("Topology") {
        return Err(err("the root is not a Topology"));
    }
    let arcs = decode_arcs(&topology)?;
    let collection = topology
        .get("objects")
        .and_then(|o| o.get(object))
        .ok_or_else(|| err(format!("no object {object:?}")))?;
    let geometries = collection
        .get("geometries")
        .and_then(Value::as_array)
        .ok_or_else(|| err(format!("object {object:?} is not a GeometryCollection")))?;
    let mut features = Vec::with_capacity(geometries.len());
    for g in geometries {
        let polygons = match g.get("type").and_then(Value::as_str) {
            Some("Polygon") => vec![polygon(&g["arcs"], &arcs)?],
            Some("MultiPolygon") => g["arcs"]
                .as_array()
                .ok_or_else(|| err("a MultiPolygon's arcs is not an array"))?
                .iter()
                .map(|p| polygon(p, &arcs))
                .collect::<Result<_, _>>()?,
            _ => continue,
        };
        let id = match g.get("id") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let name = g
            .get("properties")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        features.push(Feature { id, name, polygons });
    }
    Ok(features)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two squares sharing an edge (arc 1), quantized on a 0..10 grid scaled by 2.
    const TINY: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [2, 1], "translate": [-10, -5]},
        "objects": {"c": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "id": "004", "properties": {"name": "West"}, "arcs": [[0, 1]]},
            {"type": "MultiPolygon", "arcs": [[[2, -2]]]},
            {"type": "Point", "coordinates": [0, 0]}
        ]}},
        "arcs": [
            [[5, 0], [-5, 0], [0, 10], [5, 0]],
            [[5, 10], [0, -10]],
            [[5, 10], [5, 0], [0, -10], [-5, 0]]
        ]
    }"#;

    #[test]
    fn decodes_quantized_arcs_and_reverses_negative_indices() {
        let f = decode(TINY, "c").unwrap();
        assert_eq!(f.len(), 2, "the Point is skipped");
        assert_eq!(f[0].id.as_deref(), Some("004"));
        assert_eq!(f[0].name, "West");
        // x = q * 2 - 10, y = q * 1 - 5.
        assert_eq!(
            f[0].polygons,
            vec![vec![vec![(0.0, -5.0), (-10.0, -5.0), (-10.0, 5.0), (0.0, 5.0), (0.0, -5.0)]]]
        );
        assert_eq!(f[1].id, None);
        assert_eq!(f[1].name, "");
        // Arc 2, then arc 1 reversed: from (0,-5) back up to (0,5).
        assert_eq!(
            f[1].polygons,
            vec![vec![vec![(0.0, 5.0), (10.0, 5.0), (10.0, -5.0), (0.0, -5.0), (0.0, 5.0)]]]
        );
    }

    #[test]
    fn rejects_malformed_input() {
        assert!(decode("[]", "c").is_err());
        assert!(decode(TINY, "missing").is_err());
        let bad_index = TINY.replace("[[0, 1]]", "[[0, 7]]");
        assert!(decode(&bad_index, "c").unwrap_err().to_string().contains("out of range"));
    }
}
