//! A language's texts, from its Fluent message files (`locales/LANG/*.ftl`, compiled in):
//! `main.ftl` (the CLI's tables and the workspace's pages), `brief.ftl` (the brief),
//! `workspace.ftl` (the workspace's profile, workshop and policy-cycle words) and
//! `analysis.ftl` (what the analysis says in sentences: a profile's data gaps, the
//! corridor checks' statements; every front end words them from there). A key
//! lives in exactly one of them; the tests check that every language has the same keys.
//!
//! Keys are always written as literals where they are used (`msg.text("brief-title")`),
//! so that a test can find every key in the sources: a key that no code uses, or
//! that one language lacks, fails the tests (`tests/it.rs`).
//!
//! Numbers given as arguments are written by the language's conventions
//! ([`crate::number`]), and select the plural forms of the Unicode CLDR (French
//! `one` for 0 and 1, Arabic's six forms). Placeables are not wrapped in Unicode
//! isolation marks: the pages set `dir` on their elements instead.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::{Lang, number, pseudo};

/// A language's compiled messages.
pub struct Messages {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages").field("lang", &self.lang).finish_non_exhaustive()
    }
}

/// An argument of a message: a text, or a number (which also chooses plural forms).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// A text, inserted as it is.
    Text(Cow<'a, str>),
    /// A number, written by the language's conventions with at most the given
    /// decimals (trailing zeros kept: `2` writes `4.20`).
    Number(f64, usize),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64, 0)
    }
}

impl Arg<'_> {
    /// A value written as it displays, never grouped: a year, a code, a version.
    pub fn plain(value: impl std::fmt::Display) -> Arg<'static> {
        Arg::Text(Cow::Owned(value.to_string()))
    }
}

/// The names of each language's message files, in the order they are read.
pub const PARTS: [&str; 4] = ["main", "brief", "workspace", "analysis"];

/// Compiles in the message files of one language directory.
macro_rules! parts {
    ($dir:literal) => {
        [
            include_str!(concat!("../locales/", $dir, "/main.ftl")),
            include_str!(concat!("../locales/", $dir, "/brief.ftl")),
            include_str!(concat!("../locales/", $dir, "/workspace.ftl")),
            include_str!(concat!("../locales/", $dir, "/analysis.ftl")),
        ]
    };
}

/// The message files of each language, in the order of [`PARTS`].
fn sources(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::En | Lang::Pseudo => parts!("en"),
        Lang::Fr => parts!("fr"),
        Lang::Es => parts!("es"),
        Lang::Ar => parts!("ar"),
    }
}

/// The directory of a language's message files (the pseudo-language reads English's).
fn dir(lang: Lang) -> &'static str {
    if lang == Lang::Pseudo { "en" } else { lang.code() }
}

impl Messages {
    /// The messages of `lang`, compiled on first use.
    ///
    /// # Panics
    ///
    /// When a compiled-in message file does not parse: the tests parse every file,
    /// so this cannot happen in a tested build.
    pub fn of(lang: Lang) -> &'static Messages {
        static CELLS: [OnceLock<Messages>; 5] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        CELLS[index].get_or_init(|| match Messages::compile(lang) {
            Ok(m) => m,
            Err(e) => panic!("{e}"),
        })
    }

    /// Parses `lang`'s message files; an error names the file and each problem.
    pub fn compile(lang: Lang) -> Result<Messages, String> {
        let id = dir(lang);
        let langid = id.parse().map_err(|e| format!("locales/{id}: language {id}: {e}"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        for (part, text) in PARTS.iter().zip(sources(lang)) {
            let file = format!("locales/{id}/{part}.ftl");
            let resource = FluentResource::try_new(text.to_owned())
                .map_err(|(_, errors)| format!("{file}: {errors:?}"))?;
            bundle.add_resource(resource).map_err(|errors| format!("{file}: {errors:?}"))?;
        }
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match lang {
            Lang::En => format_en,
            Lang::Fr => format_fr,
            Lang::Es => format_es,
            Lang::Ar => format_ar,
            Lang::Pseudo => format_pseudo,
        }));
        if lang == Lang::Pseudo {
            bundle.set_transform(Some(|text: &str| Cow::Owned(pseudo::lengthen(text))));
        }
        Ok(Messages { lang, bundle })
    }

    /// The language of these messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `key` without arguments.
    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// The message `key` with its arguments. A key this language lacks is taken
    /// from English; a key no language has is returned as it is (the tests make
    /// both impossible for the keys the code uses).
    pub fn format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        if let Some(text) = self.try_format(key, args) {
            return text;
        }
        if self.lang != Lang::En {
            return Messages::of(Lang::En).format(key, args);
        }
        key.to_owned()
    }

    fn try_format(&self, key: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        let pattern = self.bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.as_ref()),
                Arg::Number(n, decimals) => {
                    let mut number = fluent_bundle::types::FluentNumber::from(*n);
                    // Fluent compares a number with a variant key (`[0]`) options and
                    // all, so whole numbers keep the default options (and are written
                    // with no decimals, which is the formatter's default).
                    if *decimals > 0 {
                        number.options.maximum_fraction_digits = Some(*decimals);
                        number.options.minimum_fraction_digits = Some(*decimals);
                    }
                    FluentValue::Number(number)
                }
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }

    /// The keys of this language's message files, in file order.
    pub fn keys(&self) -> Vec<String> {
        sources(self.lang).into_iter().flat_map(keys_of).collect()
    }
}

/// The message keys of a Fluent source.
fn keys_of(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Writes a number argument by `lang`'s conventions.
fn write_number<M>(lang: Lang, value: &FluentValue<'_>, _memoizer: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => {
            let decimals = n.options.maximum_fraction_digits.unwrap_or(0);
            Some(number::decimal(lang, n.value, decimals))
        }
        _ => None,
    }
}

fn format_en<M>(value: &FluentValue<'_>, memoizer: &M) -> Option<String> {
    write_number(Lang::En, value, memoizer)
}
fn format_fr<M>(value: &FluentValue<'_>, memoizer: &M) -> Option<String> {
    write_number(Lang::Fr, value, memoizer)
}
fn format_es<M>(value: &FluentValue<'_>, memoizer: &M) -> Option<String> {
    write_number(Lang::Es, value, memoizer)
}
fn format_ar<M>(value: &FluentValue<'_>, memoizer: &M) -> Option<String> {
    write_number(Lang::Ar, value, memoizer)
}
fn format_pseudo<M>(value: &FluentValue<'_>, memoizer: &M) -> Option<String> {
    write_number(Lang::Pseudo, value, memoizer)
}
