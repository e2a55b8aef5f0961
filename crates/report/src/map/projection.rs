//! The Equal Earth projection.
//!
//! Bojan Šavrič, Tom Patterson and Bernhard Jenny (2018), "The Equal Earth map
//! projection", *International Journal of Geographical Information Science* 33(3),
//! 454–465, <https://doi.org/10.1080/13658816.2018.1504949>.
//!
//! An equal-area pseudocylindrical projection: areas on the map are proportional to
//! areas on the globe, so a large country does not look larger than it is, which
//! matters for a choropleth. It is the projection of d3-geo's `geoEqualEarth`, so a map
//! drawn here and one drawn in a browser agree. On the unit sphere the map spans
//! x ∈ [−[`X_MAX`], [`X_MAX`]] and y ∈ [−[`Y_MAX`], [`Y_MAX`]].

/// Polynomial coefficients of the projection (from the paper).
const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;

/// Half the width of the map on the unit sphere (x of longitude 180° on the equator).
pub const X_MAX: f64 = 2.706_629_9;

/// Half the height of the map on the unit sphere (y of the North Pole).
pub const Y_MAX: f64 = 1.317_362_9;

/// Projects a longitude and latitude in degrees onto the unit-sphere Equal Earth
/// plane; y points north. Latitudes are clamped to ±90°.
pub fn equal_earth(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let lambda = lon_deg.to_radians();
    let phi = lat_deg.clamp(-90.0, 90.0).to_radians();
    let theta = (m * phi.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = 2.0 * 3f64.sqrt() * lambda * theta.cos()
        / (3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1));
    let y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1);
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_match_the_constants() {
        let (x, y) = equal_earth(180.0, 0.0);
        assert!((x - X_MAX).abs() < 1e-6 && y.abs() < 1e-12);
        let (x, y) = equal_earth(0.0, 90.0);
        assert!(x.abs() < 1e-12 && (y - Y_MAX).abs() < 1e-6);
    }

    #[test]
    fn origin_is_centre() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
    }
}
