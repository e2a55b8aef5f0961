//! [`Html`]: markup that is safe to put in a page, and [`html!`](crate::html), the only
//! way to write it.
//!
//! User text reaches a page only through this type. An `Html` is built from literal
//! markup written in the code (the format string of `html!`, which must be a literal)
//! and from arguments that are escaped on the way in, unless they are `Html`
//! themselves. There is no constructor from a run-time string that does not escape it
//! ([`Html::from_static`] takes only a `&'static str`: a stylesheet or an attribute
//! list kept in a constant), so unescaped text cannot be passed by mistake: a `String`
//! given where `Html` is expected does not compile, and a `String` given to `html!` is
//! escaped.
//!
//! ```
//! use report::html;
//! use report::html::Html;
//!
//! let name = "<script>alert(1)</script>";
//! let cell: Html = html!("<td>{}</td>", name);
//! let row = html!("<tr>{}</tr>", cell);
//! assert_eq!(row.as_str(), "<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>");
//! ```
//!
//! The format string takes only positional `{}` placeholders (checked when compiling):
//! a named one such as `{name}` would read a variable without escaping it, so
//! `html!("<p>{name}</p>")` does not compile.
//!
//! ```compile_fail
//! let name = "<b>";
//! let _ = report::html!("<p>{name}</p>");
//! ```

use std::fmt::{self, Write as _};

use crate::markup::escape_into;

/// Markup that is safe to put in a page: literal markup from the code and escaped text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Html(String);

impl Html {
    /// Empty markup.
    pub const fn new() -> Html {
        Html(String::new())
    }

    /// `text`, escaped: `<` becomes `&lt;`, quotes become entities.
    pub fn text(text: &str) -> Html {
        let mut out = String::with_capacity(text.len());
        escape_into(text, &mut out);
        Html(out)
    }

    /// Markup written in the code, such as a stylesheet or an attribute list kept in a
    /// constant. Only for `'static` strings: text that comes from data goes through
    /// [`Html::text`] or [`html!`](crate::html).
    pub const fn from_static(markup: &'static str) -> HtmlStatic {
        HtmlStatic(markup)
    }

    /// Appends `part`: escaped if it is text, as it is if it is `Html`.
    pub fn push(&mut self, part: impl ToHtml) {
        part.write_html(&mut self.0);
    }

    /// The markup.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The markup, as a `String` (to send or write it).
    pub fn into_string(self) -> String {
        self.0
    }

    /// The length of the markup in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the markup is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `parts` with `separator` between them.
    pub fn join(parts: impl IntoIterator<Item = Html>, separator: &Html) -> Html {
        let mut out = Html::new();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.0.push_str(&separator.0);
            }
            out.0.push_str(&part.0);
        }
        out
    }

    /// What [`html!`](crate::html) builds: the formatted literal with its escaped
    /// arguments. Not for use outside the macro.
    #[doc(hidden)]
    pub fn __from_macro(formatted: String) -> Html {
        Html(formatted)
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromIterator<Html> for Html {
    fn from_iter<I: IntoIterator<Item = Html>>(iter: I) -> Html {
        let mut out = Html::new();
        out.extend(iter);
        out
    }
}

impl Extend<Html> for Html {
    fn extend<I: IntoIterator<Item = Html>>(&mut self, iter: I) {
        for part in iter {
            self.0.push_str(&part.0);
        }
    }
}

/// Markup written in the code, from [`Html::from_static`]: an argument of
/// [`html!`](crate::html) that is not escaped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HtmlStatic(&'static str);

impl ToHtml for HtmlStatic {
    fn write_html(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

/// Something that can be put in markup: `Html` as it is, text escaped, numbers as their
/// decimal digits, `None` as nothing.
pub trait ToHtml {
    /// Appends `self` to `out` as markup.
    fn write_html(&self, out: &mut String);
}

impl ToHtml for Html {
    fn write_html(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

impl ToHtml for str {
    fn write_html(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl ToHtml for String {
    fn write_html(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl ToHtml for char {
    fn write_html(&self, out: &mut String) {
        escape_into(self.encode_utf8(&mut [0; 4]), out);
    }
}

impl<T: ToHtml + ?Sized> ToHtml for &T {
    fn write_html(&self, out: &mut String) {
        (**self).write_html(out);
    }
}

impl<T: ToHtml> ToHtml for Option<T> {
    fn write_html(&self, out: &mut String) {
        if let Some(v) = self {
            v.write_html(out);
        }
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl ToHtml for $t {
            fn write_html(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
integers!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

/// Formats an argument of [`html!`](crate::html) as markup. Not for use outside the
/// macro.
#[doc(hidden)]
pub struct __Escaped<'a, T: ToHtml + ?Sized>(pub &'a T);

impl<T: ToHtml + ?Sized> fmt::Display for __Escaped<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.0.write_html(&mut out);
        f.write_str(&out)
    }
}

/// Whether a format string uses only `{}` placeholders (and `{{`, `}}`): what
/// [`html!`](crate::html) checks when compiling.
#[doc(hidden)]
pub const fn __only_positional(format: &str) -> bool {
    let b = format.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            if i + 1 < b.len() && (b[i + 1] == b'{' || b[i + 1] == b'}') {
                i += 2;
                continue;
            }
            return false;
        }
        i += 1;
    }
    true
}

/// Builds [`Html`] from a literal format string with `{}` placeholders: each argument is
/// escaped unless it is `Html` (see [`ToHtml`]). A named placeholder (`{x}`) does not
/// compile, since it would bypass the escaping.
#[macro_export]
macro_rules! html {
    ($format:literal $(, $arg:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::html::__only_positional($format),
            "html!: only positional placeholders are allowed; a named one would not be escaped"
        );
        $crate::html::Html::__from_macro(format!($format $(, $crate::html::__Escaped(&$arg))*))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_html_is_kept() {
        let evil = "\"><img src=x onerror=alert(1)>";
        let cell = crate::html!("<td title=\"{}\">{}</td>", evil, evil);
        assert_eq!(
            cell.as_str(),
            "<td title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>"
        );
        let row = crate::html!("<tr>{}</tr>", cell);
        assert!(row.as_str().starts_with("<tr><td title="));
        assert_eq!(crate::html!("{}{}", 42_u32, None::<&str>).as_str(), "42");
        assert_eq!(crate::html!("{{}}").as_str(), "{}");
    }

    #[test]
    fn static_markup_is_kept() {
        const STYLE: &str = "a>b{font-family:'Segoe UI'}";
        let page = crate::html!("<style>{}</style>{}", Html::from_static(STYLE), STYLE);
        assert_eq!(
            page.as_str(),
            "<style>a>b{font-family:'Segoe UI'}</style>a&gt;b{font-family:&#39;Segoe UI&#39;}"
        );
    }

    #[test]
    fn named_placeholders_are_refused() {
        assert!(__only_positional("<p>{}</p>{{x}}"));
        assert!(!__only_positional("<p>{name}</p>"));
        assert!(!__only_positional("<p>{:>4}</p>"));
    }

    #[test]
    fn joins_and_collects() {
        let parts = ["a<", "b"].iter().map(|s| Html::text(s));
        assert_eq!(Html::join(parts, &crate::html!(", ")).as_str(), "a&lt;, b");
        let all: Html = (1..=3).map(|i: u32| crate::html!("<li>{}</li>", i)).collect();
        assert_eq!(all.as_str(), "<li>1</li><li>2</li><li>3</li>");
    }
}
