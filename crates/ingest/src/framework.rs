//! Assessment frameworks, questionnaire answers and cross-impact judgements: the
//! readers of their files.
//!
//! * [`read_framework`] reads a framework file (TOML: domains, items, answer scales,
//!   bands, see `docs/assessment.md`) into an [`assess::Framework`] and validates it;
//!   every mistake names the file, the line and the field.
//! * [`builtin_framework`] returns one of the frameworks shipped in the binary
//!   (the files of the repository's `frameworks/` folder): [`BUILTIN_FRAMEWORKS`].
//! * [`read_answers`] reads a questionnaire as `item,answer` rows, checking each item
//!   and answer against the framework.
//! * [`read_judgements`] reads cross-impact judgements as
//!   `assessor,from,to,score,confidence,rationale,evidence` rows.

#![allow(clippy::result_large_err, reason = "ImportError is the crate's one error type")]

use std::collections::HashMap;
use std::ops::Range;

use assess::framework::{
    AnswerScale, Band, Domain, FieldPath, FrameworkKind, Item, Level, NonResponse, Overall,
};
use assess::matrix::{Confidence, Judgement};
use assess::score::Answer;
use assess::{Framework, Rational};
use domain::spreadsheet::unquote;
use serde::Deserialize;
use toml::Spanned;

use crate::{ImportError, ImportErrorKind, Location};

/// The frameworks shipped in the binary: (id, file name, file text).
pub const BUILTIN_FRAMEWORKS: &[(&str, &str, &str)] = &[
    (
        "sdg-10.7.2",
        "frameworks/sdg-10.7.2.toml",
        include_str!("../../../frameworks/sdg-10.7.2.toml"),
    ),
    (
        "pcmd-origin",
        "frameworks/pcmd-origin.toml",
        include_str!("../../../frameworks/pcmd-origin.toml"),
    ),
    (
        "pcmd-destination",
        "frameworks/pcmd-destination.toml",
        include_str!("../../../frameworks/pcmd-destination.toml"),
    ),
    (
        "mgi-checklist",
        "frameworks/mgi-checklist.toml",
        include_str!("../../../frameworks/mgi-checklist.toml"),
    ),
];

/// The built-in framework `id`, or `None` if there is none by that id.
///
/// # Errors
/// An [`ImportError`] if the embedded file is invalid (a test guards against it).
pub fn builtin_framework(id: &str) -> Option<Result<Framework, ImportError>> {
    BUILTIN_FRAMEWORKS
        .iter()
        .find(|(fid, _, _)| *fid == id)
        .map(|(_, file, text)| read_framework(file, text.as_bytes()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFramework {
    id: Spanned<String>,
    title: Spanned<String>,
    source: Spanned<String>,
    adaptation: Option<Spanned<String>>,
    notes: Option<String>,
    kind: Spanned<String>,
    overall: Spanned<String>,
    non_response: Spanned<String>,
    #[serde(default)]
    scales: Vec<RawScale>,
    #[serde(default)]
    bands: Vec<RawBand>,
    #[serde(default)]
    domains: Vec<RawDomain>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    id: Spanned<String>,
    #[serde(default)]
    levels: Vec<RawLevel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    code: Spanned<String>,
    label: Spanned<String>,
    points: Spanned<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    from: Spanned<toml::Value>,
    code: Spanned<u32>,
    label: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDomain {
    id: Spanned<String>,
    title: Spanned<String>,
    question: Option<String>,
    scale: Spanned<String>,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    text: Spanned<String>,
    scale: Option<Spanned<String>>,
    anchors: Option<Spanned<Vec<String>>>,
    measure: Option<Spanned<String>>,
}

/// The 1-based line of byte offset `offset` in `text`.
fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

fn bad_value(
    file: &str,
    row: Option<u32>,
    field: &str,
    expected: &str,
    found: &str,
) -> ImportError {
    ImportError::new(
        Location { file: file.to_owned(), sheet: None, row, column: Some(field.to_owned()) },
        ImportErrorKind::BadValue { expected: expected.to_owned(), found: found.to_owned() },
    )
}

/// An exact number from a TOML integer or a string (`"0.5"`, `"1/2"`); floats are
/// refused so that points and band edges stay exact.
fn exact_number(
    file: &str,
    text: &str,
    field: &str,
    value: &Spanned<toml::Value>,
) -> Result<Rational, ImportError> {
    let row = Some(line_of(text, value.span().start));
    let expected = "an integer or an exact number written as a string, e.g. \"0.5\" or \"1/2\"";
    match value.get_ref() {
        toml::Value::Integer(i) => Ok(Rational::integer(*i)),
        toml::Value::String(s) => {
            Rational::parse(s).map_err(|_| bad_value(file, row, field, expected, s))
        }
        other => Err(bad_value(file, row, field, expected, &other.to_string())),
    }
}

fn keyword<T: Copy>(
    file: &str,
    text: &str,
    field: &str,
    value: &Spanned<String>,
    options: &[(&str, T)],
) -> Result<T, ImportError> {
    options.iter().find(|(name, _)| *name == value.get_ref().as_str()).map(|(_, v)| *v).ok_or_else(
        || {
            let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
            bad_value(
                file,
                Some(line_of(text, value.span().start)),
                field,
                &format!("one of: {}", names.join(", ")),
                value.get_ref(),
            )
        },
    )
}

/// The span of the field a validation error names.
fn span_of(raw: &RawFramework, path: FieldPath) -> Option<Range<usize>> {
    match path {
        FieldPath::Top(field) => match field {
            "id" => Some(raw.id.span()),
            "title" => Some(raw.title.span()),
            "source" => Some(raw.source.span()),
            "adaptation" => raw.adaptation.as_ref().map(Spanned::span),
            "kind" => Some(raw.kind.span()),
            "overall" => Some(raw.overall.span()),
            "non_response" => Some(raw.non_response.span()),
            _ => None,
        },
        FieldPath::Scale { scale, .. } => raw.scales.get(scale).map(|s| s.id.span()),
        FieldPath::Level { scale, level, field } => {
            let l = raw.scales.get(scale)?.levels.get(level)?;
            Some(match field {
                "label" => l.label.span(),
                "points" => l.points.span(),
                _ => l.code.span(),
            })
        }
        FieldPath::Band { band, field } => {
            let b = raw.bands.get(band)?;
            Some(match field {
                "code" => b.code.span(),
                "label" => b.label.span(),
                _ => b.from.span(),
            })
        }
        FieldPath::Domain { domain, field } => {
            let d = raw.domains.get(domain)?;
            Some(match field {
                "title" => d.title.span(),
                "scale" => d.scale.span(),
                _ => d.id.span(),
            })
        }
        FieldPath::Item { domain, item, field } => {
            let i = raw.domains.get(domain)?.items.get(item)?;
            Some(match field {
                "text" => i.text.span(),
                "scale" => {
                    i.scale.as_ref().map_or_else(|| raw.domains[domain].scale.span(), Spanned::span)
                }
                "anchors" => i.anchors.as_ref().map_or_else(|| i.id.span(), Spanned::span),
                "measure" => i.measure.as_ref().map_or_else(|| i.id.span(), Spanned::span),
                _ => i.id.span(),
            })
        }
    }
}

/// Reads and validates a framework file.
///
/// # Errors
/// An [`ImportError`] naming the file, the line and the field: TOML syntax, a missing
/// or unknown field, an unknown keyword, a number that is not exact, or any rule of
/// [`Framework::validate`] (duplicate ids, unknown scales, bands out of order, a
/// checklist with bands, ...).
pub fn read_framework(file_name: &str, bytes: &[u8]) -> Result<Framework, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(
            Location::file(file_name),
            ImportErrorKind::Unreadable { expected: "UTF-8 text".into(), detail: e.to_string() },
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawFramework = toml::from_str(text).map_err(|e| toml_error(file_name, text, &e))?;
    let f = file_name;
    let kind = keyword(
        f,
        text,
        "kind",
        &raw.kind,
        &[("scored", FrameworkKind::Scored), ("checklist", FrameworkKind::Checklist)],
    )?;
    let overall = keyword(
        f,
        text,
        "overall",
        &raw.overall,
        &[
            ("mean-of-items", Overall::MeanOfItems),
            ("mean-of-domains", Overall::MeanOfDomains),
            ("none", Overall::None),
        ],
    )?;
    let non_response = keyword(
        f,
        text,
        "non_response",
        &raw.non_response,
        &[
            ("domain-not-computed", NonResponse::DomainNotComputed),
            ("exclude-item", NonResponse::ExcludeItem),
            ("count-as-zero", NonResponse::CountAsZero),
        ],
    )?;
    let mut scales = Vec::with_capacity(raw.scales.len());
    for s in &raw.scales {
        let mut levels = Vec::with_capacity(s.levels.len());
        for l in &s.levels {
            levels.push(Level {
                code: l.code.get_ref().clone(),
                label: l.label.get_ref().clone(),
                points: exact_number(f, text, "points", &l.points)?,
            });
        }
        scales.push(AnswerScale { id: s.id.get_ref().clone(), levels });
    }
    let mut bands = Vec::with_capacity(raw.bands.len());
    for b in &raw.bands {
        bands.push(Band {
            from_percent: exact_number(f, text, "from", &b.from)?,
            code: *b.code.get_ref(),
            label: b.label.get_ref().clone(),
        });
    }
    let domains = raw
        .domains
        .iter()
        .map(|d| Domain {
            id: d.id.get_ref().clone(),
            title: d.title.get_ref().clone(),
            question: d.question.clone(),
            scale: d.scale.get_ref().clone(),
            items: d
                .items
                .iter()
                .map(|i| Item {
                    id: i.id.get_ref().clone(),
                    text: i.text.get_ref().clone(),
                    scale: i.scale.as_ref().map(|s| s.get_ref().clone()),
                    anchors: i.anchors.as_ref().map(|a| a.get_ref().clone()).unwrap_or_default(),
                    measure: i.measure.as_ref().map(|m| m.get_ref().clone()),
                })
                .collect(),
        })
        .collect();
    let framework = Framework {
        id: raw.id.get_ref().clone(),
        title: raw.title.get_ref().clone(),
        source: raw.source.get_ref().clone(),
        adaptation: raw.adaptation.as_ref().map(|a| a.get_ref().clone()),
        notes: raw.notes.clone(),
        kind,
        overall,
        non_response,
        scales,
        bands,
        domains,
    };
    if let Err(err) = framework.validate() {
        return Err(match err {
            assess::Error::Framework { path, message } => {
                let row = span_of(&raw, path).map(|s| line_of(text, s.start));
                ImportError::new(
                    Location {
                        file: file_name.to_owned(),
                        sheet: None,
                        row,
                        column: Some(path.to_string()),
                    },
                    ImportErrorKind::Unreadable {
                        expected: "a valid framework".into(),
                        detail: message,
                    },
                )
            }
            other => ImportError::new(
                Location::file(file_name),
                ImportErrorKind::Unreadable {
                    expected: "a valid framework".into(),
                    detail: other.to_string(),
                },
            ),
        });
    }
    Ok(framework)
}

/// A TOML syntax or shape error: the line from its span, the field from the message
/// (missing and unknown fields) or from the key on that line.
fn toml_error(file: &str, text: &str, err: &toml::de::Error) -> ImportError {
    let row = err.span().map(|span| line_of(text, span.start));
    let message = err.message().trim().to_owned();
    let column = message
        .split_once("field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(field, _)| field.to_owned())
        .or_else(|| {
            let line = text.lines().nth(usize::try_from(row?).ok()?.checked_sub(1)?)?;
            let key = line.split_once('=')?.0.trim();
            (!key.is_empty()).then(|| key.to_owned())
        });
    ImportError::new(
        Location { file: file.to_owned(), sheet: None, row, column },
        ImportErrorKind::Unreadable { expected: "a framework file (TOML)".into(), detail: message },
    )
}

/// A CSV file's header and records, each record with its 1-based line.
struct Csv {
    header: Vec<String>,
    rows: Vec<(u32, csv::StringRecord)>,
}

fn read_csv(file: &str, bytes: &[u8], what: &str) -> Result<Csv, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(
            Location::file(file),
            ImportErrorKind::Unreadable { expected: "UTF-8 text".into(), detail: e.to_string() },
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let csv_error = |e: &csv::Error| {
        ImportError::new(
            Location {
                row: e.position().and_then(|p| u32::try_from(p.line()).ok()),
                ..Location::file(file)
            },
            ImportErrorKind::Unreadable { expected: what.to_owned(), detail: e.to_string() },
        )
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> =
        reader.headers().map_err(|e| csv_error(&e))?.iter().map(str::to_lowercase).collect();
    let bytes = text.as_bytes();
    let mut rows = Vec::new();
    // Lines from byte offsets, so files with CRLF line ends report their real lines.
    let (mut counted_to, mut newlines) = (0usize, 0usize);
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e))?;
        let mut start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > counted_to {
            newlines += bytes[counted_to..start].iter().filter(|&&b| b == b'\n').count();
            counted_to = start;
        }
        rows.push((u32::try_from(newlines + 1).unwrap_or(u32::MAX), record));
    }
    Ok(Csv { header, rows })
}

impl Csv {
    fn column(&self, file: &str, name: &str, required: &[&str]) -> Result<usize, ImportError> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            ImportError::new(
                Location::csv(file, 1, name),
                ImportErrorKind::MissingHeader {
                    expected: format!(
                        "a column {name:?} in the header line (required columns: {})",
                        required.join(",")
                    ),
                },
            )
        })
    }

    fn optional_column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }
}

/// Answers that mean "not answered": the row is kept out of the answers.
pub const NO_RESPONSE: &[&str] = &["", "no-response", "na"];

/// Reads a questionnaire's answers (`item,answer` rows; other columns such as a
/// `note` are allowed and ignored; lines starting with `#` are comments). Codes are
/// compared without regard to case. An empty answer, `no-response` or `na` leaves the
/// item unanswered, which the framework's non-response rule then handles.
///
/// # Errors
/// An [`ImportError`] naming the file, line and column: a missing `item` or `answer`
/// column, an item the framework does not have, an answer that is not a level of the
/// item's scale (the allowed codes are listed), or an item answered twice.
pub fn read_answers(
    file_name: &str,
    bytes: &[u8],
    framework: &Framework,
) -> Result<Vec<Answer>, ImportError> {
    let table = read_csv(file_name, bytes, "a CSV file of item,answer rows")?;
    let required = ["item", "answer"];
    let item_col = table.column(file_name, "item", &required)?;
    let answer_col = table.column(file_name, "answer", &required)?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for (line, record) in &table.rows {
        let item = record.get(item_col).unwrap_or("").to_lowercase();
        let answer = record.get(answer_col).unwrap_or("").to_lowercase();
        let Some((domain, found)) = framework.item(&item) else {
            let ids: Vec<&str> = framework
                .domains
                .iter()
                .flat_map(|d| d.items.iter().map(|i| i.id.as_str()))
                .collect();
            let expected = match (ids.first(), ids.last()) {
                (Some(first), Some(last)) => {
                    format!("an item of {} ({first} … {last})", framework.id)
                }
                _ => format!("an item of {}", framework.id),
            };
            return Err(bad_value(file_name, Some(*line), "item", &expected, &item));
        };
        if let Some(first) = seen.get(&item) {
            return Err(ImportError::new(
                Location::csv(file_name, *line, "item"),
                ImportErrorKind::Duplicate {
                    key: format!("answer to item {item}"),
                    first_row: *first,
                },
            ));
        }
        seen.insert(item.clone(), *line);
        if NO_RESPONSE.contains(&answer.as_str()) {
            continue;
        }
        let scale = framework.item_scale(domain, found);
        if scale.level(&answer).is_none() {
            let codes: Vec<&str> = scale.levels.iter().map(|l| l.code.as_str()).collect();
            return Err(bad_value(
                file_name,
                Some(*line),
                "answer",
                &format!("for item {item}, one of: {} (or no-response)", codes.join(", ")),
                &answer,
            ));
        }
        out.push(Answer { item, answer });
    }
    Ok(out)
}

/// Reads cross-impact judgements: columns `assessor,from,to,score,rationale` (required)
/// and `confidence`, `evidence` (optional); lines starting with `#` are comments.
/// `score` is an integer from −3 to +3 (a leading `+` is allowed), `confidence` is
/// `low`, `medium`, `high` or empty, `evidence` is a list of links separated by `;`.
/// A text cell that starts with `'` before a formula character (as the exports write
/// text a spreadsheet would take for a formula, `domain::spreadsheet::formula_safe`)
/// is read without that quote, so an exported file reads back to the texts it holds.
///
/// # Errors
/// An [`ImportError`] naming the file, line and column: a missing column, an empty
/// assessor, node or rationale, a score outside −3 … +3, an unknown confidence, a node
/// judged against itself, or the same assessor judging the same pair twice.
pub fn read_judgements(file_name: &str, bytes: &[u8]) -> Result<Vec<Judgement>, ImportError> {
    let what = "a CSV file of assessor,from,to,score,confidence,rationale,evidence rows";
    let table = read_csv(file_name, bytes, what)?;
    let required = ["assessor", "from", "to", "score", "rationale"];
    let mut cols = [0usize; 5];
    for (k, name) in required.iter().enumerate() {
        cols[k] = table.column(file_name, name, &required)?;
    }
    let confidence_col = table.optional_column("confidence");
    let evidence_col = table.optional_column("evidence");
    let mut seen: HashMap<(String, String, String), u32> = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let line = *line;
        let cell = |k: usize| unquote(record.get(cols[k]).unwrap_or(""));
        for (k, name) in required.iter().enumerate() {
            if cell(k).is_empty() {
                return Err(bad_value(file_name, Some(line), name, "a non-empty value", ""));
            }
        }
        let (assessor, from, to) = (cell(0), cell(1), cell(2));
        let score_text = cell(3);
        let score = score_text
            .strip_prefix('+')
            .unwrap_or(score_text)
            .parse::<i8>()
            .ok()
            .filter(|s| (-3..=3).contains(s))
            .ok_or_else(|| {
                bad_value(
                    file_name,
                    Some(line),
                    "score",
                    "an integer from -3 to +3 (Nilsson scale)",
                    score_text,
                )
            })?;
        if from == to {
            return Err(bad_value(
                file_name,
                Some(line),
                "to",
                "a node other than `from` (the diagonal is undefined)",
                to,
            ));
        }
        let confidence = match confidence_col.map(|c| record.get(c).unwrap_or("").to_lowercase()) {
            None => None,
            Some(c) if c.is_empty() => None,
            Some(c) => Some(Confidence::parse(&c).ok_or_else(|| {
                bad_value(file_name, Some(line), "confidence", "low, medium, high or empty", &c)
            })?),
        };
        let evidence = evidence_col
            .map(|c| {
                record
                    .get(c)
                    .map_or("", unquote)
                    .split(';')
                    .map(str::trim)
                    .filter(|e| !e.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let key = (assessor.to_owned(), from.to_owned(), to.to_owned());
        if let Some(first) = seen.insert(key, line) {
            return Err(ImportError::new(
                Location::csv(file_name, line, "to"),
                ImportErrorKind::Duplicate {
                    key: format!("judgement of {from} → {to} by {assessor}"),
                    first_row: first,
                },
            ));
        }
        out.push(Judgement {
            assessor: assessor.to_owned(),
            from: from.to_owned(),
            to: to.to_owned(),
            score,
            confidence,
            rationale: cell(4).to_owned(),
            evidence,
            row: line,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
