//! Absolute http(s) URLs, and the mirror rule.

use std::fmt;

use crate::FetchError;

/// An absolute `http://` or `https://` URL with a host, without a fragment.
///
/// Only what the fetcher needs is modelled: the text, and where the path (with its
/// query) begins, so that a mirror can serve the same paths.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Url {
    text: String,
    /// Byte offset of the path in `text` (`text.len()` when the URL has no path).
    path_start: usize,
}

impl Url {
    /// Parses an absolute http(s) URL.
    ///
    /// # Errors
    /// [`FetchError::InvalidUrl`] when the scheme is not http or https, the host is
    /// empty, or the text contains white space, control characters or a fragment.
    pub fn parse(text: &str) -> Result<Url, FetchError> {
        let invalid = |reason: &str| FetchError::InvalidUrl {
            url: text.to_owned(),
            reason: reason.to_owned(),
        };
        let rest = if let Some(rest) = text.strip_prefix("https://") {
            rest
        } else if let Some(rest) = text.strip_prefix("http://") {
            rest
        } else {
            return Err(invalid("expected an http:// or https:// URL"));
        };
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid("contains white space or a control character"));
        }
        if text.contains('#') {
            return Err(invalid("contains a fragment (#)"));
        }
        let authority_len = rest.find(['/', '?']).unwrap_or(rest.len());
        let authority = &rest[..authority_len];
        if authority.is_empty() || authority.starts_with(':') || authority.contains('@') {
            return Err(invalid("expected a host name after the scheme"));
        }
        let path_start = text.len() - rest.len() + authority_len;
        Ok(Url { text: text.to_owned(), path_start })
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The path and query (`/v2/en/indicator/SP.POP.TOTL?downloadformat=csv`), always
    /// starting with `/`.
    pub fn path_and_query(&self) -> String {
        match &self.text[self.path_start..] {
            "" => "/".to_owned(),
            p if p.starts_with('?') => format!("/{p}"),
            p => p.to_owned(),
        }
    }

    /// The same file on a mirror: `mirror`'s base (without a trailing `/`) followed by
    /// this URL's path and query. A mirror `https://m.example/coherence/` turns
    /// `https://www.un.org/a/b.xlsx` into `https://m.example/coherence/a/b.xlsx`.
    pub fn on_mirror(&self, mirror: &Url) -> Url {
        let base = mirror.text.trim_end_matches('/');
        let text = format!("{base}{}", self.path_and_query());
        Url { text, path_start: mirror.path_start.min(base.len()) }
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::str::FromStr for Url {
    type Err = FetchError;

    fn from_str(s: &str) -> Result<Url, FetchError> {
        Url::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_and_query_keep_the_query() {
        let url =
            Url::parse("https://api.worldbank.org/v2/en/indicator/SP.POP.TOTL?downloadformat=csv")
                .unwrap();
        assert_eq!(url.path_and_query(), "/v2/en/indicator/SP.POP.TOTL?downloadformat=csv");
        assert_eq!(Url::parse("https://example.org").unwrap().path_and_query(), "/");
    }

    #[test]
    fn mirror_takes_the_official_path() {
        let official = Url::parse("https://www.un.org/a/b.xlsx?x=1").unwrap();
        for base in ["http://127.0.0.1:8080", "http://127.0.0.1:8080/"] {
            let mirror = Url::parse(base).unwrap();
            assert_eq!(official.on_mirror(&mirror).as_str(), "http://127.0.0.1:8080/a/b.xlsx?x=1");
        }
        let prefixed = Url::parse("https://m.example/coherence/").unwrap();
        let url = official.on_mirror(&prefixed);
        assert_eq!(url.as_str(), "https://m.example/coherence/a/b.xlsx?x=1");
        assert_eq!(url.path_and_query(), "/coherence/a/b.xlsx?x=1");
    }

    #[test]
    fn rejects_what_is_not_an_absolute_http_url() {
        for bad in ["ftp://x/y", "www.un.org/x", "https:///x", "https://a b/", "https://x/#f"] {
            assert!(Url::parse(bad).is_err(), "{bad}");
        }
    }
}
