-- Coherence store, schema version 1.
-- Every dataset is stored as one import: a row of `imports` with its files, and the
-- values it brought. Deleting an import removes all of its rows (ON DELETE CASCADE).

CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    dataset_key  TEXT    NOT NULL,
    publisher    TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    edition      TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    licence      TEXT,
    fictional    INTEGER NOT NULL CHECK (fictional IN (0, 1)),
    -- The files' names and SHA-256s, sorted: equal fingerprints mean equal inputs.
    fingerprint  TEXT    NOT NULL,
    imported_at  TEXT    NOT NULL,
    n_areas      INTEGER NOT NULL,
    n_values     INTEGER NOT NULL,
    n_pairs      INTEGER NOT NULL,
    n_policies   INTEGER NOT NULL,
    UNIQUE (dataset_key, edition)
);

CREATE TABLE import_files (
    id         INTEGER PRIMARY KEY,
    import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    sha256     TEXT,
    bytes      INTEGER,
    UNIQUE (import_id, name)
);

-- Areas defined by an import (fictional areas, or areas the built-in table lacks).
CREATE TABLE areas (
    import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    iso3       TEXT    NOT NULL,
    m49        INTEGER,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    PRIMARY KEY (import_id, iso3)
);

CREATE TABLE area_values (
    import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    indicator  TEXT    NOT NULL,
    area       TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    sex        TEXT    NOT NULL,
    value      REAL    NOT NULL,
    unit       TEXT    NOT NULL,
    file_id    INTEGER NOT NULL REFERENCES import_files (id) ON DELETE CASCADE,
    sheet      TEXT,
    row_no     INTEGER,
    col        TEXT,
    PRIMARY KEY (import_id, indicator, area, year, sex)
);
CREATE INDEX area_values_by_area ON area_values (area, indicator);

CREATE TABLE pair_values (
    import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    indicator  TEXT    NOT NULL,
    from_area  TEXT    NOT NULL,
    to_area    TEXT    NOT NULL,
    year       INTEGER NOT NULL,
    sex        TEXT    NOT NULL,
    value      REAL    NOT NULL,
    unit       TEXT    NOT NULL,
    file_id    INTEGER NOT NULL REFERENCES import_files (id) ON DELETE CASCADE,
    sheet      TEXT,
    row_no     INTEGER,
    col        TEXT,
    PRIMARY KEY (import_id, indicator, from_area, to_area, year, sex)
);
CREATE INDEX pair_values_by_from ON pair_values (from_area, indicator);
CREATE INDEX pair_values_by_to ON pair_values (to_area, indicator);

CREATE TABLE policies (
    import_id      INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
    id             TEXT    NOT NULL,
    country        TEXT    NOT NULL,
    ministry       TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    instrument     TEXT    NOT NULL,
    -- Lists are stored as text joined with '|'.
    stages         TEXT    NOT NULL,
    area           TEXT    NOT NULL,
    partners       TEXT    NOT NULL,
    target_groups  TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    start_year     INTEGER,
    end_year       INTEGER,
    objectives     TEXT    NOT NULL,
    tags           TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    PRIMARY KEY (import_id, id)
);
CREATE INDEX policies_by_country ON policies (country);

-- The default import of each dataset key: its newest edition. Editions are compared as
-- text, which orders publishers' year-first editions ("2020", "2024", "2024.1").
CREATE VIEW default_imports AS
SELECT i.* FROM imports i
WHERE NOT EXISTS (
    SELECT 1 FROM imports j WHERE j.dataset_key = i.dataset_key AND j.edition > i.edition
);
