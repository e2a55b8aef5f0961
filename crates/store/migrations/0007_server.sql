-- Coherence store, schema version 7: what the server needs to let several people work
-- together: accounts, sessions and API tokens, workspaces with their members' roles,
-- what a corridor partnership shares, long-running jobs, cross-impact matrices scored by
-- several assessors, the sign-off of answer versions, and one append-only audit trail.
--
-- Times are RFC 3339 text in UTC (the server's clock), as elsewhere in the store.
-- Secrets are never stored: a password as its Argon2id hash (a PHC string), a session
-- cookie and an API token as the SHA-256 of their random value.

CREATE TABLE users (
    id                INTEGER PRIMARY KEY,
    -- The sign-in name: lower case letters, digits, '.', '-', '_' (checked by the server).
    name              TEXT    NOT NULL UNIQUE,
    display_name      TEXT    NOT NULL,
    password_hash     TEXT    NOT NULL,
    is_admin          INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    disabled          INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- Failed sign-ins since the last success, and until when the account is locked.
    failed_logins     INTEGER NOT NULL DEFAULT 0,
    locked_until      TEXT,
    created_at        TEXT    NOT NULL
);

CREATE TABLE sessions (
    -- SHA-256 (hex) of the cookie's value.
    id_hash       TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL,
    last_seen_at  TEXT    NOT NULL,
    -- The absolute expiry; the idle expiry is counted from `last_seen_at`.
    expires_at    TEXT    NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    name          TEXT    NOT NULL,
    -- SHA-256 (hex) of the token; the token itself is shown once, when it is made.
    token_hash    TEXT    NOT NULL UNIQUE,
    -- The token's first characters, to tell tokens apart in a list.
    prefix        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

-- A government's workspace holds the register and the answers of its country; a
-- partnership joins two governments' workspaces (origin and destination of a corridor).
CREATE TABLE workspaces (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL UNIQUE,
    kind               TEXT    NOT NULL CHECK (kind IN ('government', 'partnership')),
    -- The government's country (ISO 3166-1 alpha-3); NULL for a partnership.
    country            TEXT    UNIQUE,
    -- A partnership's two government workspaces; NULL for a government.
    origin_id          INTEGER REFERENCES workspaces (id),
    destination_id     INTEGER REFERENCES workspaces (id),
    created_at         TEXT    NOT NULL,
    created_by         INTEGER REFERENCES users (id),
    CHECK ((kind = 'government' AND country IS NOT NULL AND origin_id IS NULL AND destination_id IS NULL)
        OR (kind = 'partnership' AND country IS NULL AND origin_id IS NOT NULL AND destination_id IS NOT NULL
            AND origin_id <> destination_id)),
    UNIQUE (origin_id, destination_id)
);

CREATE TABLE memberships (
    workspace_id  INTEGER NOT NULL REFERENCES workspaces (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    role          TEXT    NOT NULL CHECK (role IN ('viewer', 'contributor', 'coordinator')),
    -- A contributor's ministry (what it may edit); NULL for the other roles.
    ministry      TEXT,
    created_at    TEXT    NOT NULL,
    CHECK ((role = 'contributor') = (ministry IS NOT NULL)),
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX memberships_by_user ON memberships (user_id);

-- What a government's workspace shares with a partnership it belongs to: `register`,
-- `answers`, `matrices` or `scenarios`. Nothing is shared without a row here.
CREATE TABLE shares (
    partnership_id  INTEGER NOT NULL REFERENCES workspaces (id),
    workspace_id    INTEGER NOT NULL REFERENCES workspaces (id),
    what            TEXT    NOT NULL CHECK (what IN ('register', 'answers', 'matrices', 'scenarios')),
    created_at      TEXT    NOT NULL,
    created_by      INTEGER REFERENCES users (id),
    PRIMARY KEY (partnership_id, workspace_id, what)
);

-- Every write made through the server (and the administrator's commands): who (a user
-- id), when, in which workspace, what (an action and its target), the old and the new
-- value (JSON text), and why. Rows are never changed or deleted: the triggers refuse it.
CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    user_id       INTEGER REFERENCES users (id),
    workspace_id  INTEGER REFERENCES workspaces (id),
    action        TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    old_value     TEXT,
    new_value     TEXT,
    reason        TEXT    NOT NULL
);
CREATE INDEX audit_log_by_workspace ON audit_log (workspace_id, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Long work (an import, an estimate, a scenario run). A job found `queued` or `running`
-- when a server starts was interrupted and is marked `failed`.
CREATE TABLE jobs (
    id              INTEGER PRIMARY KEY,
    workspace_id    INTEGER REFERENCES workspaces (id),
    kind            TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    -- Work done and to do, in the job's own unit (files, draws); total 0 when unknown.
    progress_done   INTEGER NOT NULL DEFAULT 0,
    progress_total  INTEGER NOT NULL DEFAULT 0,
    cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
    -- The request (JSON), the result (JSON) when done, the error when failed.
    params          TEXT    NOT NULL,
    result          TEXT,
    error           TEXT,
    created_by      INTEGER NOT NULL REFERENCES users (id),
    created_at      TEXT    NOT NULL,
    started_at      TEXT,
    finished_at     TEXT
);
CREATE INDEX jobs_by_workspace ON jobs (workspace_id, id);

-- Files a job produced (a scenario run's draws, summary, columnar file and manifest).
CREATE TABLE job_files (
    job_id        INTEGER NOT NULL REFERENCES jobs (id),
    name          TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    bytes         BLOB    NOT NULL,
    PRIMARY KEY (job_id, name)
);

-- A cross-impact matrix of a workspace: its elements (objectives or policies, JSON list
-- of {"id", "label"}) scored pairwise by several assessors.
CREATE TABLE matrices (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces (id),
    name          TEXT    NOT NULL,
    elements      TEXT    NOT NULL,
    created_by    INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL,
    UNIQUE (workspace_id, name)
);

-- One score per assessor per cell (the influence of `row_id` on `col_id`, -3..+3), with
-- the assessor's reason. A new score replaces the assessor's own; the audit log keeps
-- the old one.
CREATE TABLE matrix_scores (
    matrix_id    INTEGER NOT NULL REFERENCES matrices (id),
    assessor_id  INTEGER NOT NULL REFERENCES users (id),
    row_id       TEXT    NOT NULL,
    col_id       TEXT    NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN -3 AND 3),
    reason       TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    PRIMARY KEY (matrix_id, assessor_id, row_id, col_id)
);

-- The sign-off of a version of a country's answers by a coordinator: a signed version is
-- the government's validated answer.
CREATE TABLE answer_signoffs (
    set_id   INTEGER PRIMARY KEY REFERENCES assessment_answer_sets (id),
    user_id  INTEGER NOT NULL REFERENCES users (id),
    at       TEXT    NOT NULL,
    note     TEXT    NOT NULL
);

-- Which ministry answers which item of a framework for a country; a contributor stores
-- answers only for its ministry's items.
CREATE TABLE answer_assignments (
    country    TEXT NOT NULL,
    framework  TEXT NOT NULL,
    item       TEXT NOT NULL,
    ministry   TEXT NOT NULL,
    PRIMARY KEY (country, framework, item)
);

-- The user (an id, when the change came through the server) beside the free-text name
-- the command line records.
ALTER TABLE register_audit ADD COLUMN user_id INTEGER REFERENCES users (id);
ALTER TABLE assessment_answer_sets ADD COLUMN user_id INTEGER REFERENCES users (id);
