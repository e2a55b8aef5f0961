//! Tests of the world map: the embedded boundaries, the projection, the antimeridian,
//! the colour classes and the rendered SVG.

#[path = "fixture/mod.rs"]
#[allow(dead_code)]
mod fixture;

use analysis::profile::{Diaspora, DiasporaDestination, ProfileArea};
use report::brief;
use report::map::projection::equal_earth;
use report::map::{COUNTRIES_50M, DiasporaMap, class_breaks, countries, diaspora_map, topojson};

/// Width of the map in user units (the `viewBox` width).
const MAP_WIDTH: f64 = 720.0;

/// The subpaths of SVG path data written with `M`, `l` and `z`, as absolute points.
/// Panics on any other command, so the test also pins the format down.
fn subpaths(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut numbers: Vec<f64> = Vec::new();
    let mut command = ' ';
    let flush = |command: char, numbers: &mut Vec<f64>, out: &mut Vec<Vec<(f64, f64)>>| {
        assert_eq!(numbers.len() % 2, 0, "odd number of coordinates in {d:.80}");
        for pair in numbers.chunks(2) {
            match command {
                'M' => out.push(vec![(pair[0], pair[1])]),
                'l' => {
                    let ring = out.last_mut().expect("l after M");
                    let &(x, y) = ring.last().expect("a current point");
                    ring.push((x + pair[0], y + pair[1]));
                }
                other => panic!("unexpected command {other:?}"),
            }
        }
        numbers.clear();
    };
    let mut token = String::new();
    for c in d.chars().chain(std::iter::once(' ')) {
        let ends_token = c.is_ascii_alphabetic() || c == ' ' || (c == '-' && !token.is_empty());
        if ends_token && !token.is_empty() {
            numbers.push(token.parse().unwrap_or_else(|_| panic!("bad number {token:?}")));
            token.clear();
        }
        if c.is_ascii_alphabetic() {
            flush(command, &mut numbers, &mut out);
            command = c;
            if c == 'z' {
                let ring = out.last_mut().expect("z after M");
                ring.push(ring[0]);
            }
        } else if c != ' ' {
            token.push(c);
        }
    }
    flush(command, &mut numbers, &mut out);
    out
}

/// The `d` attributes of the country paths in a rendered map.
fn country_paths(svg: &str) -> Vec<&str> {
    let start = svg.find("<g class=\"countries\"").expect("countries group");
    let end = start + svg[start..].find("</g>").expect("group closed");
    svg[start..end]
        .split("<path d=\"")
        .skip(1)
        .map(|p| &p[..p.find('"').expect("d closed")])
        .collect()
}

/// The widest horizontal step between consecutive points of any subpath.
fn widest_step(d: &str) -> f64 {
    subpaths(d)
        .iter()
        .flat_map(|ring| ring.windows(2).map(|w| (w[1].0 - w[0].0).abs()))
        .fold(0.0, f64::max)
}

fn philippines() -> DiasporaMap {
    DiasporaMap {
        id: "diaspora".to_owned(),
        title: "Where emigrants from the Philippines live".to_owned(),
        description: "Emigrants from the Philippines by country of residence.".to_owned(),
        origin_m49: Some(608),
        values: vec![
            (840, 2_100_000.0),
            (682, 700_000.0),
            (124, 600_000.0),
            (784, 680_000.0),
            (36, 300_000.0),
            (392, 280_000.0),
            (380, 170_000.0),
            (826, 160_000.0),
            (702, 200_000.0),
            (344, 200_000.0),
            (242, 3_000.0),
            (643, 5_000.0),
            (798, 100.0),
            (484, 2_500.0),
        ],
    }
}

#[test]
fn the_boundaries_decode_to_241_features_with_iso_numeric_ids() {
    let features = topojson::decode(COUNTRIES_50M, "countries").unwrap();
    assert_eq!(features.len(), 241);
    let name_of =
        |id: &str| features.iter().find(|f| f.id.as_deref() == Some(id)).map(|f| f.name.as_str());
    assert_eq!(name_of("608"), Some("Philippines"));
    assert_eq!(name_of("484"), Some("Mexico"));
    assert_eq!(name_of("004"), Some("Afghanistan"));
    assert_eq!(name_of("643"), Some("Russia"));
    let without_id: Vec<&str> =
        features.iter().filter(|f| f.id.is_none()).map(|f| f.name.as_str()).collect();
    assert_eq!(without_id.len(), 5, "{without_id:?}");
    assert!(without_id.contains(&"Kosovo") && without_id.contains(&"Somaliland"));
    for f in &features {
        for ring in f.polygons.iter().flatten() {
            assert_eq!(ring.first(), ring.last(), "{}: rings are closed", f.name);
            assert!(ring.iter().all(|&(lon, lat)| lon.abs() <= 180.0 && lat.abs() <= 90.0));
        }
    }
    let world = countries();
    assert_eq!(world.len(), 241);
    assert!(world.iter().any(|c| c.m49 == Some(608) && c.bounds.is_some()));
    assert!(world.iter().any(|c| c.m49 == Some(4)), "zero-padded ids parse");
}

/// Equal Earth from the paper's formulas, written out again here so that the crate's
/// implementation is checked against an independent transcription.
fn reference(lon: f64, lat: f64) -> (f64, f64) {
    let (a1, a2, a3, a4) = (1.340264, -0.081106, 0.000893, 0.003796);
    let theta = ((3f64.sqrt() / 2.0) * lat.to_radians().sin()).asin();
    let y = a1 * theta + a2 * theta.powi(3) + a3 * theta.powi(7) + a4 * theta.powi(9);
    let dy = a1 + 3.0 * a2 * theta.powi(2) + 7.0 * a3 * theta.powi(6) + 9.0 * a4 * theta.powi(8);
    let x = 2.0 * 3f64.sqrt() * lon.to_radians() * theta.cos() / (3.0 * dy);
    (x, y)
}

#[test]
fn equal_earth_matches_the_published_formula_and_bounds() {
    for (lon, lat) in
        [(0.0, 0.0), (180.0, 0.0), (0.0, 90.0), (-75.0, 45.0), (120.0, -30.0), (10.0, 60.0)]
    {
        let (x, y) = equal_earth(lon, lat);
        let (rx, ry) = reference(lon, lat);
        assert!((x - rx).abs() < 1e-12 && (y - ry).abs() < 1e-12, "({lon}, {lat})");
        // Symmetric about both axes.
        let (xw, yw) = equal_earth(-lon, lat);
        let (xs, ys) = equal_earth(lon, -lat);
        assert!((xw + x).abs() < 1e-12 && (yw - y).abs() < 1e-12);
        assert!((xs - x).abs() < 1e-12 && (ys + y).abs() < 1e-12);
    }
    // The published extent: ±2.7064 by ±1.3173 on the unit sphere (to 4 decimals).
    let (x_max, _) = equal_earth(180.0, 0.0);
    let (_, y_max) = equal_earth(0.0, 90.0);
    assert!((x_max - 2.7064).abs() < 5e-4, "{x_max}");
    assert!((y_max - 1.3173).abs() < 1e-4, "{y_max}");
    for lat in (-90..=90).step_by(5) {
        for lon in (-180..=180).step_by(5) {
            let (x, y) = equal_earth(f64::from(lon), f64::from(lat));
            assert!(x.abs() <= x_max + 1e-12 && y.abs() <= y_max + 1e-12);
        }
    }
}

#[test]
fn equal_earth_preserves_area() {
    // The area element of the unit sphere is cos φ dλ dφ; an equal-area map has a
    // Jacobian determinant equal to it everywhere.
    let h = 1e-6;
    for (lon, lat) in [(0.0, 0.0), (40.0, 30.0), (-150.0, -60.0), (100.0, 80.0)] {
        let d = |dl: f64, dp: f64| {
            let (x1, y1) = equal_earth(lon + dl, lat + dp);
            let (x0, y0) = equal_earth(lon - dl, lat - dp);
            ((x1 - x0) / (2.0 * h), (y1 - y0) / (2.0 * h))
        };
        let (xl, yl) = d(h, 0.0);
        let (xp, yp) = d(0.0, h);
        let det = (xl * yp - xp * yl).abs() * (180.0 / std::f64::consts::PI).powi(2);
        let expected = f64::to_radians(lat).cos();
        assert!(
            (det - expected).abs() < 1e-3 * expected.max(0.1),
            "{lon} {lat}: {det} vs {expected}"
        );
    }
}

#[test]
fn no_path_jumps_across_the_map() {
    for country in countries() {
        let widest = widest_step(&country.path);
        assert!(widest < MAP_WIDTH / 2.0, "{} jumps {widest}", country.name);
    }
    let svg = diaspora_map(&philippines()).into_string();
    for d in country_paths(&svg) {
        assert!(widest_step(d) < MAP_WIDTH / 2.0);
    }
}

#[test]
fn fiji_and_chukotka_are_cut_at_the_antimeridian() {
    for (code, name) in [(242, "Fiji"), (643, "Russia")] {
        let country = countries().iter().find(|c| c.m49 == Some(code)).unwrap();
        let rings = subpaths(&country.path);
        let xs: Vec<f64> = rings.iter().flatten().map(|p| p.0).collect();
        assert!(xs.iter().any(|&x| x < 150.0), "{name} has a piece east of 180°");
        assert!(xs.iter().any(|&x| x > 570.0), "{name} has a piece west of 180°");
        for ring in &rings {
            let (lo, hi) =
                ring.iter().fold((f64::MAX, f64::MIN), |(l, h), p| (l.min(p.0), h.max(p.0)));
            assert!(hi - lo < MAP_WIDTH / 2.0 || name == "Russia", "{name}: a ring spans the map");
        }
    }
}

#[test]
fn the_map_is_deterministic_and_order_independent() {
    let map = philippines();
    let a = diaspora_map(&map).into_string();
    assert_eq!(a, diaspora_map(&map).into_string());
    let mut reversed = map.clone();
    reversed.values.reverse();
    assert_eq!(a, diaspora_map(&reversed).into_string());
}

#[test]
fn the_map_is_accessible_and_describes_the_data() {
    let svg = diaspora_map(&philippines()).into_string();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains("aria-labelledby=\"diaspora-title diaspora-desc\""));
    assert!(svg.contains(
        "<title id=\"diaspora-title\">Where emigrants from the Philippines live</title>"
    ));
    let desc = &svg[svg.find("<desc").unwrap()..svg.find("</desc>").unwrap()];
    let us = desc.find("United States of America 2,100,000").expect("largest named with its value");
    let saudi = desc.find("Saudi Arabia 700,000").expect("second named");
    assert!(us < saudi, "largest first");
    assert!(desc.contains("Not drawn (no outline at this scale): Tuvalu"));
    assert!(desc.contains("Philippines is hatched"));
    assert!(desc.contains("do not imply official endorsement"));
    assert!(svg.contains("class=\"origin\""));
    assert!(svg.contains("fill=\"url(#diaspora-hatch)\""));
    for bad in ["NaN", "inf", "-0.0 "] {
        assert!(!svg.contains(bad), "{bad}");
    }
    assert!(svg.ends_with("</svg>"));
}

#[test]
fn legend_classes_cover_the_values_and_fills_follow_them() {
    let map = philippines();
    let svg = diaspora_map(&map).into_string();
    // Tuvalu (798) has no outline, so it is not part of the scale.
    let drawn: Vec<f64> = map.values.iter().filter(|v| v.0 != 798).map(|v| v.1).collect();
    let classes = class_breaks(&drawn);
    assert!(classes.colours.len() >= 3);
    let labels = classes.labels(&drawn);
    for label in &labels {
        assert!(svg.contains(&format!(">{label}</text>")), "legend shows {label}");
    }
    for &v in &drawn {
        let class = classes.class_of(v);
        assert!(class < classes.colours.len());
        if class > 0 {
            assert!(classes.breaks[class - 1] <= v);
        }
        if class < classes.breaks.len() {
            assert!(v < classes.breaks[class]);
        }
    }
    // Mexico's path has the fill of its class.
    let mexico = svg.find("<title>Mexico: 2,500 persons</title>").expect("Mexico has a tooltip");
    let path_start = svg[..mexico].rfind("<path").unwrap();
    let expected = format!("fill=\"{}\"", classes.colours[classes.class_of(2_500.0)]);
    assert!(svg[path_start..mexico].contains(&expected));
}

#[test]
fn an_empty_or_unknown_input_draws_a_grey_world() {
    for values in [vec![], vec![(999, 5.0), (0, 1.0), (840, f64::NAN), (124, -3.0)]] {
        let svg = diaspora_map(&DiasporaMap {
            id: "empty map".to_owned(),
            title: "Where emigrants from Aland live".to_owned(),
            description: String::new(),
            origin_m49: None,
            values,
        })
        .into_string();
        assert!(svg.contains("id=\"empty-map\""));
        assert!(svg.contains("no data for any destination"));
        assert!(svg.contains("No destination on the map has data"));
        assert!(!svg.contains("NaN") && !svg.contains("class=\"origin\""));
        assert_eq!(
            country_paths(&svg).len(),
            countries().iter().filter(|c| c.bounds.is_some()).count()
        );
        assert!(svg.ends_with("</svg>"));
    }
}

#[test]
fn the_map_size_is_reasonable() {
    let svg = diaspora_map(&philippines()).into_string();
    assert!(svg.len() < 800_000, "{} bytes", svg.len());
}

/// The fixture profile moved to a real country, with real destination codes.
fn real_profile() -> analysis::profile::CountryProfile {
    let mut p = fixture::xandria();
    p.area = ProfileArea {
        iso3: "PHL".to_owned(),
        m49: Some(608),
        name: "Philippines".to_owned(),
        fictional: false,
    };
    p.fictional_notice = None;
    for (c, code) in p.top_destinations.iter_mut().zip(["USA", "SAU", "CAN", "ARE", "AUS", "JPN"]) {
        c.partner = code.to_owned();
    }
    p
}

#[test]
fn the_brief_maps_a_real_country_from_its_top_destinations() {
    let mut profile = real_profile();
    profile.diaspora = None;
    let html = brief::render(&profile, &fixture::options());
    assert!(html.contains("<h3>Where the diaspora lives</h3>"));
    assert!(html.contains("id=\"map-diaspora\""));
    assert!(html.contains("the main destinations only"));
    assert!(html.contains("United States of America"));
    assert!(html.contains("class=\"origin\""), "the Philippines are hatched");
    assert!(!html.contains("cannot be mapped"));
    assert!(html.len() < 1_500_000, "brief is {} bytes", html.len());
}

#[test]
fn the_brief_maps_every_destination_when_the_profile_lists_them() {
    let mut profile = real_profile();
    let source = profile.top_destinations[0].stock.source.clone();
    profile.diaspora = Some(Diaspora {
        year: 2024,
        source,
        destinations: vec![
            DiasporaDestination {
                iso3: "USA".to_owned(),
                m49: Some(840),
                name: "United States".to_owned(),
                persons: 2_000_000.0,
            },
            DiasporaDestination {
                iso3: "FJI".to_owned(),
                m49: Some(242),
                name: "Fiji".to_owned(),
                persons: 1_500.0,
            },
            DiasporaDestination {
                iso3: "XBB".to_owned(),
                m49: None,
                name: "Bellmora".to_owned(),
                persons: 10.0,
            },
        ],
    });
    let html = brief::render(&profile, &fixture::options());
    assert!(html.contains("id=\"map-diaspora\""));
    assert!(html.contains("every destination"));
    assert!(html.contains("Fiji: 1,500 persons"));
}

#[test]
fn the_brief_says_the_demo_world_cannot_be_mapped() {
    let html = brief::render(&fixture::xandria(), &fixture::options());
    assert!(html.contains("<h3>Where the diaspora lives</h3>"));
    assert!(html.contains("The demo world cannot be mapped"));
    assert!(!html.contains("map-diaspora"));
}
