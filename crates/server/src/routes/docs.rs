//! The OpenAPI document and the page that presents it, both served from the binary and
//! public. The page is HTML written here from the document (no script, no network): each
//! operation with its method, path, summary, parameters, body and answers.

use std::sync::Arc;

use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;
use report::html;
use report::html::Html;
use serde_json::Value;

use crate::AppState;

/// `/api/v1/openapi.json`, `/api/v1/docs` and its style sheet.
pub(crate) fn router(doc_json: Arc<String>) -> axum::Router<AppState> {
    let page = Arc::new(page(&doc_json));
    axum::Router::new()
        .route(
            "/api/v1/openapi.json",
            get(move || {
                let doc = Arc::clone(&doc_json);
                async move {
                    ([(CONTENT_TYPE, "application/json")], doc.as_str().to_owned()).into_response()
                }
            }),
        )
        .route(
            "/api/v1/docs",
            get(move || {
                let page = Arc::clone(&page);
                async move {
                    ([(CONTENT_TYPE, "text/html; charset=utf-8")], page.as_str().to_owned())
                        .into_response()
                }
            }),
        )
        .route(
            "/api/v1/docs.css",
            get(|| async { ([(CONTENT_TYPE, "text/css")], STYLE).into_response() }),
        )
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\
h2{border-bottom:1px solid #ccc;margin-top:2rem}section{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #2a6f97;background:#f6f8fa}\
code{font-size:95%}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}table{border-collapse:collapse}\
td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}";

/// The page, written from the document's JSON.
fn page(doc_json: &str) -> String {
    let doc: Value = serde_json::from_str(doc_json).unwrap_or(Value::Null);
    let description = doc.pointer("/info/description").and_then(Value::as_str);
    let mut by_tag: std::collections::BTreeMap<String, Vec<Html>> = Default::default();
    for (path, item) in doc.get("paths").and_then(Value::as_object).into_iter().flatten() {
        for (method, op) in item.as_object().into_iter().flatten() {
            let tag = op.pointer("/tags/0").and_then(Value::as_str).unwrap_or("other").to_owned();
            by_tag.entry(tag).or_default().push(operation(&doc, method, path, op));
        }
    }
    let sections: Html = by_tag
        .into_iter()
        .map(|(tag, ops)| html!("<h2>{}</h2>{}", tag, ops.into_iter().collect::<Html>()))
        .collect();
    html!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Coherence API</title>\
         <link rel=\"stylesheet\" href=\"/api/v1/docs.css\"></head><body><main><h1>Coherence API</h1>\
         {}<p>The machine-readable document: <a href=\"/api/v1/openapi.json\">openapi.json</a> \
         (OpenAPI 3.1).</p>{}</main></body></html>",
        description.map(|d| html!("<p>{}</p>", d)),
        sections
    )
    .into_string()
}

/// One operation's section.
fn operation(doc: &Value, method: &str, path: &str, op: &Value) -> Html {
    let text = |p: &str| op.pointer(p).and_then(Value::as_str).unwrap_or("");
    let mut s = html!(
        "<section><p><span class=\"m\">{}</span><code>{}</code></p><p>{}</p>",
        method,
        path,
        text("/summary").trim()
    );
    let more = text("/description").trim();
    if !more.is_empty() {
        s.push(html!("<p>{}</p>", more));
    }
    if let Some(params) = op.get("parameters").and_then(Value::as_array) {
        let rows: Html = params
            .iter()
            .map(|p| {
                let field = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("");
                let required = p.get("required").and_then(Value::as_bool).unwrap_or(false);
                html!(
                    "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    field("name"),
                    field("in"),
                    if required { "yes" } else { "no" },
                    field("description")
                )
            })
            .collect();
        s.push(html!(
            "<table><tr><th>parameter</th><th>in</th><th>required</th><th>description</th></tr>{}</table>",
            rows
        ));
    }
    if let Some(reference) =
        op.pointer("/requestBody/content/application~1json/schema/$ref").and_then(Value::as_str)
    {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        s.push(html!("<p>Body: <code>{}</code></p>{}", name, fields(doc, name)));
    }
    if let Some(responses) = op.get("responses").and_then(Value::as_object) {
        let codes: Vec<&str> = responses.keys().map(String::as_str).collect();
        s.push(html!("<p>Answers: {}</p>", codes.join(", ")));
    }
    s.push(html!("</section>"));
    s
}

/// The fields of the schema `name` of the document's components, as a table.
fn fields(doc: &Value, name: &str) -> Html {
    let Some(schema) = doc.pointer(&format!("/components/schemas/{name}")) else {
        return Html::new();
    };
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let rows: Html = schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(field, spec)| {
            let kind = match spec.get("type") {
                Some(Value::String(t)) => t.clone(),
                Some(Value::Array(ts)) => {
                    ts.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(" or ")
                }
                _ => "object".to_owned(),
            };
            html!(
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                field,
                kind,
                if required.contains(&field.as_str()) { "yes" } else { "no" },
                spec.get("description").and_then(Value::as_str).unwrap_or("")
            )
        })
        .collect();
    html!(
        "<table><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>{}</table>",
        rows
    )
}
