use super::*;

fn sdg() -> Framework {
    builtin_framework("sdg-10.7.2").unwrap().unwrap()
}

fn location(err: &ImportError) -> (Option<u32>, Option<String>) {
    (err.location.row, err.location.column.clone())
}

#[test]
fn every_builtin_framework_loads_and_validates() {
    for (id, _, _) in BUILTIN_FRAMEWORKS {
        let f = builtin_framework(id).unwrap().unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(f.id, *id);
    }
    let f = sdg();
    assert_eq!(f.domains.len(), 6);
    assert!(f.domains.iter().all(|d| d.items.len() == 5));
    assert_eq!(f.bands.len(), 4);
    assert!(f.adaptation.is_none());
    let half = f.scale("equal-access").unwrap().level("yes-regular-only").unwrap().points;
    assert_eq!(half, Rational::new(1, 2));
    for id in ["pcmd-origin", "pcmd-destination", "mgi-checklist"] {
        let f = builtin_framework(id).unwrap().unwrap();
        assert!(f.adaptation.as_deref().unwrap().starts_with("Coherence's adaptation"), "{id}");
    }
    let mgi = builtin_framework("mgi-checklist").unwrap().unwrap();
    assert_eq!(mgi.kind, FrameworkKind::Checklist);
    assert!(mgi.bands.is_empty());
    let pcmd = builtin_framework("pcmd-origin").unwrap().unwrap();
    assert!(pcmd.domains.iter().flat_map(|d| &d.items).all(|i| i.anchors.len() == 3));
    assert!(builtin_framework("nope").is_none());
}

#[test]
fn the_file_scores_the_29_and_a_half_vector_as_meets() {
    let f = sdg();
    let mut csv = String::from("item,answer\n");
    for d in &f.domains {
        for i in &d.items {
            let answer = match (d.id.as_str(), i.id.as_str()) {
                ("1", "1e") => "yes-regular-only",
                ("1", _) => "yes-all",
                _ => "YES",
            };
            csv.push_str(&format!("{},{answer}\n", i.id));
        }
    }
    let answers = read_answers("a.csv", csv.as_bytes(), &f).unwrap();
    let a = assess::score::score(&f, &answers).unwrap();
    let overall = a.overall.unwrap();
    assert_eq!(overall.percent_exact, Rational::new(295, 3));
    assert_eq!(overall.band.unwrap().label, "Meets");
    assert_eq!(a.domains[0].score.as_ref().unwrap().percent_exact, Rational::integer(90));
}

const GOOD: &str = r#"id = "test"
title = "A test"
source = "here"
kind = "scored"
overall = "mean-of-items"
non_response = "domain-not-computed"

[[scales]]
id = "yn"
levels = [
  { code = "yes", label = "Yes", points = 1 },
  { code = "no", label = "No", points = 0 },
]

[[bands]]
from = 0
code = 1
label = "Low"

[[bands]]
from = "50"
code = 2
label = "High"

[[domains]]
id = "1"
title = "One"
scale = "yn"

[[domains.items]]
id = "1a"
text = "First"

[[domains.items]]
id = "1b"
text = "Second"
"#;

fn read(text: &str) -> Result<Framework, ImportError> {
    read_framework("frameworks/test.toml", text.as_bytes())
}

#[test]
fn a_good_small_file_reads() {
    let f = read(GOOD).unwrap();
    assert_eq!(f.bands[1].from_percent, Rational::integer(50));
}

#[test]
fn malformed_files_name_file_line_and_field() {
    let cases: &[(&str, &str, u32, &str)] = &[
        // Float points are refused: they would not stay exact.
        ("points = 0 }", "points = 0.5 }", 12, "points"),
        // An unknown scale on a domain.
        (
            "scale = \"yn\"\n\n[[domains.items]]\nid = \"1a\"",
            "scale = \"yx\"\n\n[[domains.items]]\nid = \"1a\"",
            28,
            "domains[1].scale",
        ),
        // A duplicate item id.
        ("id = \"1b\"", "id = \"1a\"", 35, "domains[1].items[2].id"),
        // Bands out of order.
        ("from = \"50\"", "from = \"0\"", 21, "bands[2].from"),
        // An unknown keyword.
        ("kind = \"scored\"", "kind = \"ranked\"", 4, "kind"),
        // A duplicate level code.
        ("code = \"no\"", "code = \"yes\"", 12, "scales[1].levels[2].code"),
        // A misspelt field.
        ("title = \"One\"", "titel = \"One\"", 27, "titel"),
    ];
    for (from, to, line, field) in cases {
        assert!(GOOD.contains(from), "{from}");
        let err = read(&GOOD.replacen(from, to, 1)).unwrap_err();
        assert_eq!(location(&err), (Some(*line), Some((*field).to_owned())), "{to}: {err}");
        assert!(err.to_string().starts_with("frameworks/test.toml, row "), "{err}");
    }
}

#[test]
fn missing_fields_and_syntax_errors_are_located() {
    let err = read(&GOOD.replacen("source = \"here\"\n", "", 1)).unwrap_err();
    assert_eq!(err.location.column.as_deref(), Some("source"), "{err}");
    let err = read(&GOOD.replacen("label = \"Low\"", "label = \"Low", 1)).unwrap_err();
    assert_eq!(err.location.row, Some(18), "{err}");
}

#[test]
fn a_checklist_with_bands_is_refused() {
    let text = GOOD.replacen("kind = \"scored\"", "kind = \"checklist\"", 1).replacen(
        "overall = \"mean-of-items\"",
        "overall = \"none\"",
        1,
    );
    let err = read(&text).unwrap_err();
    assert_eq!(location(&err), (Some(16), Some("bands[1].from".to_owned())), "{err}");
    assert!(err.to_string().contains("never produces a score or a ranking"), "{err}");
}

#[test]
fn answers_are_checked_against_the_framework() {
    let f = sdg();
    let read = |text: &str| read_answers("answers.csv", text.as_bytes(), &f);
    let ok =
        read("# Pelaria, 2025\nitem,answer,note\n1a,Yes-All,x\n2a,no,\n3a,no-response,\n").unwrap();
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].answer, "yes-all");

    let err = read("item,answer\n1a,yes\n").unwrap_err();
    assert_eq!(location(&err), (Some(2), Some("answer".into())), "{err}");
    assert!(err.to_string().contains("yes-all, yes-regular-only, no"), "{err}");

    let err = read("item,answer\r\n1a,no\r\n7z,no\r\n").unwrap_err();
    assert_eq!(location(&err), (Some(3), Some("item".into())), "{err}");

    let err = read("item,answer\n2a,no\n2a,yes\n").unwrap_err();
    assert_eq!(location(&err), (Some(3), Some("item".into())), "{err}");
    assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 2, .. }));

    let err = read("item,reply\n2a,no\n").unwrap_err();
    assert_eq!(location(&err), (Some(1), Some("answer".into())), "{err}");
}

#[test]
fn judgements_read_and_errors_name_row_and_column() {
    let read = |text: &str| read_judgements("matrix.csv", text.as_bytes());
    let head = "assessor,from,to,score,confidence,rationale,evidence\n";
    let ok = read(&format!(
        "{head}A,Nurse recruitment,Health coverage,-2,high,\"drains staff, fast\",https://a.org; https://b.org\nB,x,y,+1,,ok,\n"
    ))
    .unwrap();
    assert_eq!(ok.len(), 2);
    assert_eq!(ok[0].score, -2);
    assert_eq!(ok[0].confidence, Some(Confidence::High));
    assert_eq!(ok[0].evidence, ["https://a.org", "https://b.org"]);
    assert_eq!(ok[0].row, 2);
    assert_eq!(ok[1].score, 1);
    // The quote an export puts before a formula-like text is removed; a score of -2
    // is a number, never quoted.
    let quoted = read(&format!(
        "{head}'=A,'-x,'@y,-2,,\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",'=e; f\n"
    ))
    .unwrap();
    assert_eq!((quoted[0].assessor.as_str(), quoted[0].from.as_str()), ("=A", "-x"));
    assert_eq!(quoted[0].to, "@y");
    assert_eq!(quoted[0].rationale, "=HYPERLINK(\"http://example.invalid\",\"x\")");
    assert_eq!(quoted[0].evidence, ["=e", "f"]);

    let cases: &[(&str, u32, &str)] = &[
        ("A,x,y,4,,r,\n", 2, "score"),
        ("A,x,y,two,,r,\n", 2, "score"),
        ("A,x,x,1,,r,\n", 2, "to"),
        ("A,x,y,1,sure,r,\n", 2, "confidence"),
        ("A,x,y,1,,,\n", 2, "rationale"),
        ("A,x,y,1,,r,\nA,x,y,2,,r,\n", 3, "to"),
    ];
    for (rows, line, column) in cases {
        let err = read(&format!("{head}{rows}")).unwrap_err();
        assert_eq!(location(&err), (Some(*line), Some((*column).to_owned())), "{rows}: {err}");
    }
    let err = read("assessor,from,to,score\nA,x,y,1\n").unwrap_err();
    assert_eq!(location(&err), (Some(1), Some("rationale".into())), "{err}");
}
