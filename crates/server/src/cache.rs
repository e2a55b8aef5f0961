//! Answers computed from the shared data (profiles, briefs), kept while the store's data
//! stay the same.
//!
//! Every request reads the store's [`store::Generation`] (one query); the cache is
//! emptied when it changed, so an import, an estimate, a register change or new answers
//! made by any server process (or the command line) are seen by the next request. The
//! cache holds at most [`Cache::MAX_BYTES`]; past that it starts again empty.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::Bytes;

/// The cached answers.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    generation: Option<store::Generation>,
    bytes: usize,
    entries: HashMap<String, (&'static str, Bytes)>,
    pages: HashMap<String, std::sync::Arc<PagePart>>,
}

/// A part of a web page computed from the data: its title and markup.
#[derive(Debug)]
pub(crate) struct PagePart {
    /// The page's title (text).
    pub(crate) title: String,
    /// The markup.
    pub(crate) html: report::html::Html,
}

impl Cache {
    /// The most the cache holds, in bytes of answers.
    pub(crate) const MAX_BYTES: usize = 256 * 1024 * 1024;

    /// The answer cached under `key` at `generation` (its content type and bytes).
    pub(crate) fn get(
        &self,
        generation: store::Generation,
        key: &str,
    ) -> Option<(&'static str, Bytes)> {
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if inner.generation != Some(generation) {
            *inner = Inner { generation: Some(generation), ..Inner::default() };
            return None;
        }
        inner.entries.get(key).cloned()
    }

    /// The page part cached under `key` at `generation`.
    pub(crate) fn get_page(
        &self,
        generation: store::Generation,
        key: &str,
    ) -> Option<std::sync::Arc<PagePart>> {
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if inner.generation != Some(generation) {
            *inner = Inner { generation: Some(generation), ..Inner::default() };
            return None;
        }
        inner.pages.get(key).cloned()
    }

    /// Keeps `part` under `key`, computed at `generation`.
    pub(crate) fn put_page(
        &self,
        generation: store::Generation,
        key: String,
        part: std::sync::Arc<PagePart>,
    ) {
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if inner.generation != Some(generation) {
            return;
        }
        let size = part.html.len() + part.title.len();
        if inner.bytes + size > Self::MAX_BYTES {
            inner.entries.clear();
            inner.pages.clear();
            inner.bytes = 0;
        }
        inner.bytes += size;
        if let Some(old) = inner.pages.insert(key, part) {
            inner.bytes -= old.html.len() + old.title.len();
        }
    }

    /// Keeps `bytes` under `key`, computed at `generation`.
    pub(crate) fn put(
        &self,
        generation: store::Generation,
        key: String,
        content_type: &'static str,
        bytes: Bytes,
    ) {
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if inner.generation != Some(generation) {
            // Computed from data that have changed since: not kept.
            return;
        }
        if inner.bytes + bytes.len() > Self::MAX_BYTES {
            inner.entries.clear();
            inner.pages.clear();
            inner.bytes = 0;
        }
        inner.bytes += bytes.len();
        if let Some((_, old)) = inner.entries.insert(key, (content_type, bytes)) {
            inner.bytes -= old.len();
        }
    }
}

/// What one user may not read of governments' work, by country (ISO alpha-3), as of one
/// generation of the store.
#[derive(Debug, Default, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Withheld {
    /// Countries whose register the user may not read.
    pub(crate) register: Vec<String>,
    /// Countries whose answers the user may not read.
    pub(crate) answers: Vec<String>,
    /// Countries whose register the user reads only in part: the policies it may read
    /// (shared one by one with a partnership of the user), by country.
    pub(crate) policies: Vec<(String, Vec<String>)>,
}

impl Withheld {
    /// How much of `country`'s register the user reads: `None` none of it, `Some(None)`
    /// all of it, `Some(Some(ids))` only those policies.
    pub(crate) fn register_of(&self, country: &str) -> Option<Option<&[String]>> {
        if self.register.iter().any(|c| c == country) {
            return None;
        }
        Some(self.policies.iter().find(|(c, _)| c == country).map(|(_, ids)| ids.as_slice()))
    }
}

/// [`Withheld`] per user, for the current generation.
#[derive(Debug, Default)]
pub(crate) struct WithheldCache {
    inner: Mutex<(Option<store::Generation>, ByUser)>,
}

/// What each user may not read, by user id.
type ByUser = HashMap<i64, std::sync::Arc<Withheld>>;

impl WithheldCache {
    /// What `user_id` may not read at `generation`, if known.
    pub(crate) fn get(
        &self,
        generation: store::Generation,
        user_id: i64,
    ) -> Option<std::sync::Arc<Withheld>> {
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if inner.0 != Some(generation) {
            *inner = (Some(generation), HashMap::new());
        }
        inner.1.get(&user_id).cloned()
    }

    /// Keeps what `user_id` may not read at `generation`.
    pub(crate) fn put(
        &self,
        generation: store::Generation,
        user_id: i64,
        withheld: std::sync::Arc<Withheld>,
    ) {
        let mut inner = self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if inner.0 == Some(generation) && inner.1.len() < 100_000 {
            inner.1.insert(user_id, withheld);
        }
    }
}
