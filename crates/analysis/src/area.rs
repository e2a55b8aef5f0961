//! Resolving what a user typed to a country or area.

use domain::area::{Area, AreaKind, Iso3, M49, real_area, real_area_by_m49, real_areas};

use crate::Error;

/// A resolved country or area.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AreaRef {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// UN M49 code, for real areas.
    pub m49: Option<u16>,
    /// Name.
    pub name: String,
    /// Whether the area is fictional.
    pub fictional: bool,
}

impl AreaRef {
    fn from_area(area: &Area) -> AreaRef {
        AreaRef {
            iso3: area.iso3.as_str().to_owned(),
            m49: area.m49.map(M49::get),
            name: area.name.clone(),
            fictional: area.kind == AreaKind::Fictional,
        }
    }

    /// The ISO alpha-3 code, parsed.
    pub fn code(&self) -> Iso3 {
        Iso3::parse(&self.iso3).unwrap_or(Iso3::from_static("ZZZ"))
    }
}

/// Every known area once: those defined by stored datasets (by name), then the real ones
/// (by name) that no dataset redefines.
pub(crate) fn all(defined: &[(i64, Area)]) -> Vec<AreaRef> {
    let mut own: Vec<AreaRef> = defined.iter().map(|(_, a)| AreaRef::from_area(a)).collect();
    own.sort_by(|a, b| a.name.cmp(&b.name).then(a.iso3.cmp(&b.iso3)));
    own.dedup_by(|a, b| a.iso3 == b.iso3);
    let mut real: Vec<AreaRef> = real_areas()
        .iter()
        .map(|r| AreaRef::from_area(&r.to_area()))
        .filter(|r| !own.iter().any(|o| o.iso3 == r.iso3))
        .collect();
    real.sort_by(|a, b| a.name.cmp(&b.name));
    own.extend(real);
    own
}

/// Every known area: those defined by stored datasets first, then the real ones.
fn candidates(defined: &[(i64, Area)]) -> Vec<Area> {
    let mut out: Vec<Area> = defined.iter().map(|(_, a)| a.clone()).collect();
    out.extend(real_areas().iter().map(|r| r.to_area()));
    out
}

pub(crate) fn resolve(query: &str, defined: &[(i64, Area)]) -> Result<AreaRef, Error> {
    let q = query.trim();
    if let Ok(code) = Iso3::parse(q) {
        if let Some((_, a)) = defined.iter().find(|(_, a)| a.iso3 == code) {
            return Ok(AreaRef::from_area(a));
        }
        if let Some(r) = real_area(code) {
            return Ok(AreaRef::from_area(&r.to_area()));
        }
    }
    if let Some(r) = M49::parse(q).ok().and_then(real_area_by_m49) {
        return Ok(AreaRef::from_area(&r.to_area()));
    }
    let all = candidates(defined);
    let folded = fold(q);
    if let Some(a) = all.iter().find(|a| fold(&a.name) == folded) {
        return Ok(AreaRef::from_area(a));
    }
    // The names datasets use and the common English short forms ("United Kingdom",
    // "Tanzania"), from the reviewed alias table the importers read.
    if let Some(ingest::areas::AreaMatch::Area(code)) = ingest::areas::match_name(q)
        && let Some(r) = real_area(code)
    {
        return Ok(AreaRef::from_area(&r.to_area()));
    }
    Err(Error::UnknownArea { query: q.to_owned(), suggestions: suggest(&folded, &all) })
}

/// Lower-cases and keeps letters and digits only, so "côte d'ivoire" and
/// "Cote dIvoire" differ only by the accent.
pub(crate) fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The closest areas to a query: by edit distance to the code and the name, and by the
/// name starting with or containing the query.
fn suggest(folded: &str, all: &[Area]) -> Vec<String> {
    if folded.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, String)> = all
        .iter()
        .map(|a| {
            let name = fold(&a.name);
            let code = a.iso3.as_str().to_ascii_lowercase();
            let mut score = levenshtein(folded, &name).min(levenshtein(folded, &code) + 1);
            if name.starts_with(folded) || (folded.len() >= 4 && name.contains(folded)) {
                score = score.min(1);
            }
            (score, format!("{} ({})", a.name, a.iso3))
        })
        .collect();
    scored.sort();
    let limit = (folded.len() / 3).max(2);
    scored.into_iter().filter(|(s, _)| *s <= limit).take(3).map(|(_, s)| s).collect()
}

pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_datasets_use_finds_its_country() {
        for (q, code) in [("United Kingdom", "GBR"), ("Tanzania", "TZA"), ("vietnam", "VNM")] {
            assert_eq!(resolve(q, &[]).unwrap().iso3.as_str(), code, "{q}");
        }
        assert!(resolve("UK", &[]).is_err(), "not a name in the alias table");
    }

    fn demo() -> Vec<(i64, Area)> {
        vec![(
            1,
            Area {
                iso3: Iso3::from_static("XAA"),
                m49: None,
                name: "Aldoria".to_owned(),
                kind: AreaKind::Fictional,
            },
        )]
    }

    #[test]
    fn resolves_codes_and_names() {
        assert_eq!(resolve("xaa", &demo()).unwrap().name, "Aldoria");
        assert_eq!(resolve("ALDORIA", &demo()).unwrap().iso3, "XAA");
        assert!(resolve("XAA", &demo()).unwrap().fictional);
        assert_eq!(resolve("PHL", &[]).unwrap().m49, Some(608));
        assert_eq!(resolve("608", &[]).unwrap().iso3, "PHL");
        assert_eq!(resolve("philippines", &[]).unwrap().iso3, "PHL");
    }

    #[test]
    fn suggests_on_a_typo() {
        let err = resolve("Aldorai", &demo()).unwrap_err();
        let Error::UnknownArea { suggestions, .. } = &err else { panic!("{err}") };
        assert_eq!(suggestions.first().map(String::as_str), Some("Aldoria (XAA)"));
        assert!(err.to_string().contains("did you mean Aldoria (XAA)"), "{err}");
        let err = resolve("Phillipines", &[]).unwrap_err();
        assert!(err.to_string().contains("Philippines (PHL)"), "{err}");
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("abc", "abc"), 0);
    }
}
