//! Form controls with their labels, hints and errors, the same on every page: each
//! control has a `<label>`, its hint and error are tied to it by `aria-describedby`, an
//! error sets `aria-invalid`, and a read-only control says why it is read-only. The
//! script (`static/app.js`) shows the browser's validation message in the same error
//! element as the visitor types, so the form validates as you go; the server checks
//! again on posting.

use report::html;
use report::html::Html;

use crate::error::ApiError;

/// What kind of control a [`Field`] is.
#[derive(Clone, Debug)]
pub(crate) enum Control {
    /// A one-line text box (`type` = `text`, `password`, `number`, `search`, `email`).
    Input(&'static str),
    /// A multi-line text box.
    TextArea,
    /// A list to choose one from: (value, label) pairs.
    Select(Vec<(String, String)>),
    /// A checkbox (checked when the value is not empty).
    Checkbox,
}

/// One labelled form control.
#[derive(Clone, Debug)]
pub(crate) struct Field {
    name: String,
    scope: Option<String>,
    label: String,
    control: Control,
    value: String,
    hint: Option<String>,
    error: Option<String>,
    read_only: Option<String>,
    required: bool,
    attrs: Vec<(&'static str, String)>,
}

impl Field {
    /// A control named `name` (the form field) labelled `label`.
    pub(crate) fn new(name: &str, label: &str, control: Control) -> Field {
        Field {
            name: name.to_owned(),
            scope: None,
            label: label.to_owned(),
            control,
            value: String::new(),
            hint: None,
            error: None,
            read_only: None,
            required: false,
            attrs: Vec::new(),
        }
    }

    /// A one-line text box.
    pub(crate) fn text(name: &str, label: &str) -> Field {
        Field::new(name, label, Control::Input("text"))
    }

    /// Scopes the control's `id` (`f-SCOPE-NAME`), for a page with several forms that
    /// have a field of the same name.
    pub(crate) fn scope(mut self, scope: &str) -> Field {
        self.scope = Some(scope.to_owned());
        self
    }

    /// Its current value.
    pub(crate) fn value(mut self, value: impl Into<String>) -> Field {
        self.value = value.into();
        self
    }

    /// A hint shown under the label.
    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Field {
        self.hint = Some(hint.into());
        self
    }

    /// The error of the last post, if any.
    pub(crate) fn error(mut self, error: Option<String>) -> Field {
        self.error = error;
        self
    }

    /// The error of `e` if it concerns this field.
    pub(crate) fn error_of(self, e: Option<&ApiError>) -> Field {
        let name = self.name.clone();
        self.error(
            e.filter(|e| e.field.as_deref() == Some(name.as_str())).map(|e| e.message.clone()),
        )
    }

    /// Read-only, saying why.
    pub(crate) fn read_only(mut self, why: Option<String>) -> Field {
        self.read_only = why;
        self
    }

    /// Required.
    pub(crate) fn required(mut self) -> Field {
        self.required = true;
        self
    }

    /// Another attribute of the control (`maxlength`, `min`, `max`, `step`, `pattern`,
    /// `autocomplete`, `list`, ...).
    pub(crate) fn attr(mut self, name: &'static str, value: impl Into<String>) -> Field {
        self.attrs.push((name, value.into()));
        self
    }

    /// The control's markup.
    pub(crate) fn render(&self) -> Html {
        let id = match &self.scope {
            Some(scope) => format!("f-{scope}-{}", self.name),
            None => format!("f-{}", self.name),
        };
        let mut described = Vec::new();
        let hint = match &self.hint {
            Some(h) => {
                described.push(format!("{id}-hint"));
                html!("<p class=\"hint\" id=\"{}-hint\">{}</p>", id, h)
            }
            None => Html::new(),
        };
        let why = match &self.read_only {
            Some(w) => {
                described.push(format!("{id}-why"));
                html!("<p class=\"why\" id=\"{}-why\">{}</p>", id, w)
            }
            None => Html::new(),
        };
        described.push(format!("{id}-error"));
        let error = html!(
            "<p class=\"error\" id=\"{}-error\" aria-live=\"polite\">{}</p>",
            id,
            self.error.as_deref().unwrap_or("")
        );
        let mut attrs = html!(
            " id=\"{}\" name=\"{}\" aria-describedby=\"{}\"",
            id,
            self.name,
            described.join(" ")
        );
        if self.error.is_some() {
            attrs.push(html!(" aria-invalid=\"true\""));
        }
        if self.required {
            attrs.push(html!(" required"));
        }
        if self.read_only.is_some() {
            attrs.push(match self.control {
                Control::Select(_) | Control::Checkbox => html!(" disabled"),
                _ => html!(" readonly"),
            });
        }
        for (name, value) in &self.attrs {
            attrs.push(html!(" {}=\"{}\"", Html::text(name), value));
        }
        let control = self.control_markup(&attrs);
        let class = if self.error.is_some() { "field invalid" } else { "field" };
        if matches!(self.control, Control::Checkbox) {
            return html!(
                "<div class=\"{} check\">{}<label for=\"{}\">{}</label>{}{}{}</div>\n",
                class,
                control,
                id,
                self.label,
                hint,
                why,
                error
            );
        }
        html!(
            "<div class=\"{}\"><label for=\"{}\">{}</label>{}{}{}{}</div>\n",
            class,
            id,
            self.label,
            hint,
            control,
            why,
            error
        )
    }

    fn control_markup(&self, attrs: &Html) -> Html {
        match &self.control {
            Control::Input(kind) => {
                html!("<input type=\"{}\"{} value=\"{}\">", *kind, attrs, self.value)
            }
            Control::TextArea => html!("<textarea{} rows=\"4\">{}</textarea>", attrs, self.value),
            Control::Select(options) => {
                let opts: Html = options
                    .iter()
                    .map(|(v, l)| {
                        let sel = if *v == self.value { html!(" selected") } else { Html::new() };
                        html!("<option value=\"{}\"{}>{}</option>", v, sel, l)
                    })
                    .collect();
                html!("<select{}>{}</select>", attrs, opts)
            }
            Control::Checkbox => {
                let checked = if self.value.is_empty() { Html::new() } else { html!(" checked") };
                html!("<input type=\"checkbox\" value=\"on\"{}{}>", attrs, checked)
            }
        }
    }
}

/// A form posting to `action`, validated as the visitor types, with `fields` and a
/// submit button labelled `submit`.
pub(crate) fn form(action: &str, fields: Html, submit: &str) -> Html {
    html!(
        "<form method=\"post\" action=\"{}\" data-validate>{}<p class=\"actions\"><button type=\"submit\">{}</button></p></form>\n",
        action,
        fields,
        submit
    )
}

/// A form of one button (an action such as "disable"), with an optional hidden field.
pub(crate) fn button_form(action: &str, label: &str, hidden: &[(&str, &str)]) -> Html {
    let hidden: Html = hidden
        .iter()
        .map(|(n, v)| html!("<input type=\"hidden\" name=\"{}\" value=\"{}\">", *n, *v))
        .collect();
    html!(
        "<form class=\"inline\" method=\"post\" action=\"{}\">{}<button type=\"submit\">{}</button></form>",
        action,
        hidden,
        label
    )
}

/// A message about what was just done (announced to screen readers).
pub(crate) fn notice(text: &str) -> Html {
    html!("<p class=\"notice\" role=\"status\">{}</p>\n", text)
}

/// A message about an error of the last post that concerns no one field.
pub(crate) fn problem(e: Option<&ApiError>, fields: &[&str]) -> Html {
    match e {
        Some(e) if !e.field.as_deref().is_some_and(|f| fields.contains(&f)) => {
            html!("<p class=\"problem\" role=\"alert\">{}</p>\n", e.message)
        }
        _ => Html::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_labelled_and_escapes_its_value() {
        let f = Field::text("title", "Title")
            .value("\"><script>x</script>")
            .required()
            .error(Some("<b>too long</b>".into()))
            .render();
        let s = f.as_str();
        assert!(s.contains("<label for=\"f-title\">Title</label>"));
        assert!(s.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""));
        assert!(s.contains("aria-invalid=\"true\""));
        assert!(s.contains("&lt;b&gt;too long&lt;/b&gt;"));
        assert!(!s.contains("<script>"));
    }

    #[test]
    fn a_read_only_field_says_why() {
        let f = Field::text("owner", "Owner").read_only(Some("owned by Labour".into())).render();
        assert!(f.as_str().contains(" readonly"));
        assert!(f.as_str().contains("aria-describedby=\"f-owner-why f-owner-error\""));
    }
}
