-- Coherence store: fitted gravity models (PPML or OLS with fixed effects), stored under
-- a name with their provenance so that scenarios can use them. Deleting an estimate
-- removes its coefficients, variance matrix and removal counts (ON DELETE CASCADE).

CREATE TABLE estimates (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    estimator       TEXT    NOT NULL CHECK (estimator IN ('ppml', 'ols')),
    formula         TEXT    NOT NULL,
    vcov_type       TEXT    NOT NULL,
    ssc             TEXT    NOT NULL,
    data_file       TEXT    NOT NULL,
    data_sha256     TEXT    NOT NULL,
    data_rows       INTEGER NOT NULL,
    n_obs           INTEGER NOT NULL,
    converged       INTEGER NOT NULL CHECK (converged IN (0, 1)),
    iterations      INTEGER,
    deviance        REAL,
    log_likelihood  REAL,
    created_at      TEXT    NOT NULL
);

-- Every regressor in formula order; coef and se are NULL for one dropped as collinear.
CREATE TABLE estimate_coefficients (
    estimate_id  INTEGER NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT    NOT NULL,
    coef         REAL,
    se           REAL,
    PRIMARY KEY (estimate_id, position)
);

-- The variance matrix over the estimated coefficients (those with a coef), in their
-- order: row and col count 0, 1, ... over estimated coefficients only.
CREATE TABLE estimate_vcov (
    estimate_id  INTEGER NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
    row          INTEGER NOT NULL,
    col          INTEGER NOT NULL,
    value        REAL    NOT NULL,
    PRIMARY KEY (estimate_id, row, col)
);

-- Input rows left out of the estimation, counted by reason.
CREATE TABLE estimate_removed (
    estimate_id  INTEGER NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
    reason       TEXT    NOT NULL,
    n_rows       INTEGER NOT NULL,
    PRIMARY KEY (estimate_id, reason)
);
