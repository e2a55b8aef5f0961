//! Where a store lives: an SQLite file (the default) or a PostgreSQL database.

use std::fmt;
use std::path::{Path, PathBuf};

/// Where a store lives, as given by `--db` / `COHERENCE_DB`: a `postgres://` or
/// `postgresql://` URL is a PostgreSQL database, anything else is the path of an SQLite
/// file.
///
/// Shown to a user ([`fmt::Display`] and [`fmt::Debug`]), a URL has its password
/// replaced by `***`, so no error or log line carries it.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// One SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL database, by its connection URL (which may hold a password).
    Postgres(PostgresUrl),
}

/// A PostgreSQL connection URL. Its password is never shown: [`fmt::Display`] and
/// [`fmt::Debug`] replace it with `***`; only the store's connecting code reads the
/// whole text ([`PostgresUrl::expose`]).
#[derive(Clone, PartialEq, Eq)]
pub struct PostgresUrl(String);

impl PostgresUrl {
    /// The whole URL, password included: for connecting only, never for showing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl Location {
    /// Reads a location from the text of `--db` or `COHERENCE_DB`.
    pub fn parse(text: &str) -> Location {
        let lower = text.get(..13).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Location::Postgres(PostgresUrl(text.to_owned()))
        } else {
            Location::Sqlite(PathBuf::from(text))
        }
    }

    /// The SQLite file's path, or `None` for a PostgreSQL database.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Location::Sqlite(path) => Some(path),
            Location::Postgres(_) => None,
        }
    }
}

impl From<PathBuf> for Location {
    fn from(path: PathBuf) -> Location {
        Location::Sqlite(path)
    }
}

impl From<&Path> for Location {
    fn from(path: &Path) -> Location {
        Location::Sqlite(path.to_owned())
    }
}

impl From<&PathBuf> for Location {
    fn from(path: &PathBuf) -> Location {
        Location::Sqlite(path.clone())
    }
}

impl From<&Location> for Location {
    fn from(location: &Location) -> Location {
        location.clone()
    }
}

impl std::str::FromStr for Location {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Location, Self::Err> {
        Ok(Location::parse(text))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => url.fmt(f),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Location::Postgres(url) => f.debug_tuple("Postgres").field(url).finish(),
        }
    }
}

impl fmt::Display for PostgresUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact(&self.0))
    }
}

impl fmt::Debug for PostgresUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", redact(&self.0))
    }
}

/// `url` with the password of its user information (`user:password@`) and of a
/// `password=` query parameter replaced by `***`.
fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else { return url.to_owned() };
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let mut out = url[..scheme_end].to_owned();
    match authority.rfind('@') {
        Some(at) => {
            let userinfo = &authority[..at];
            match userinfo.find(':') {
                Some(colon) => {
                    out.push_str(&userinfo[..colon]);
                    out.push_str(":***");
                }
                None => out.push_str(userinfo),
            }
            out.push_str(&authority[at..]);
        }
        None => out.push_str(authority),
    }
    let tail = &rest[authority_end..];
    match tail.find('?') {
        Some(q) => {
            out.push_str(&tail[..=q]);
            let (query, fragment) =
                tail[q + 1..].split_at(tail[q + 1..].find('#').unwrap_or(tail.len() - q - 1));
            let params: Vec<String> = query
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => p.to_owned(),
                })
                .collect();
            out.push_str(&params.join("&"));
            out.push_str(fragment);
        }
        None => out.push_str(tail),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_postgres_and_everything_else_a_file() {
        assert!(matches!(Location::parse("postgres://u@h/db"), Location::Postgres(_)));
        assert!(matches!(Location::parse("PostgreSQL://u@h/db"), Location::Postgres(_)));
        assert_eq!(Location::parse("team.sqlite"), Location::Sqlite("team.sqlite".into()));
        assert_eq!(
            Location::parse("postgres-notes/x.sqlite"),
            Location::Sqlite("postgres-notes/x.sqlite".into())
        );
    }

    #[test]
    fn passwords_are_never_shown() {
        let cases = [
            ("postgres://ann:s3cret@db.example/coh", "postgres://ann:***@db.example/coh"),
            (
                "postgres://ann@db/coh?password=s3cret&sslmode=require",
                "postgres://ann@db/coh?password=***&sslmode=require",
            ),
            ("postgresql://a:b:c@h:5432/d?host=/tmp", "postgresql://a:***@h:5432/d?host=/tmp"),
            ("postgres://h/d", "postgres://h/d"),
        ];
        for (url, shown) in cases {
            let location = Location::parse(url);
            assert_eq!(location.to_string(), shown);
            assert!(!format!("{location:?}").contains("s3cret"), "{location:?}");
        }
    }
}
