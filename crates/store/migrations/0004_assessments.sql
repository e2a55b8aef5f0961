-- Coherence store, schema version 4: framework answers stored per country, versioned.
--
-- A government's answers to a framework's questionnaire (`coherence assess COUNTRY
-- --answers FILE.csv --store`) are kept as numbered versions per (country, framework):
-- storing answers that differ from the latest version adds version N + 1, storing the
-- same answers again adds nothing. Older versions are never changed or deleted, so
-- every score ever shown can be recomputed (audit). Each version records who stored
-- it, when and why, and the file it came from with its SHA-256, as the register's
-- audit log does (`register_audit`: `at`, `user_name`, `reason`).

CREATE TABLE assessment_answer_sets (
    id         INTEGER PRIMARY KEY,
    country    TEXT    NOT NULL,
    framework  TEXT    NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    file_name  TEXT    NOT NULL,
    sha256     TEXT    NOT NULL,
    -- When (RFC 3339, UTC, the store's clock), who and why, as in `register_audit`.
    at         TEXT    NOT NULL,
    user_name  TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    UNIQUE (country, framework, version)
);

-- The answers of one version: an item id and the level code given (lower case, as
-- read). Unanswered items have no row.
CREATE TABLE assessment_answers (
    set_id  INTEGER NOT NULL REFERENCES assessment_answer_sets (id),
    item    TEXT    NOT NULL,
    answer  TEXT    NOT NULL,
    PRIMARY KEY (set_id, item)
);
