-- Coherence store, schema version 3: the user-editable policy register and its audit log.
--
-- The effective register of a country is the policies of its default imports, overlaid
-- by `register_policies`: a row here with the same (country, id) as an imported policy
-- replaces it (an edit); a row with a new id adds a policy (authored or imported from a
-- register file); `withdrawn = 1` hides the policy. Register rows do not belong to an
-- import, so deleting or replacing a dataset keeps users' edits.
-- Every change is one transaction that also writes `register_audit` rows: who, when,
-- why, which policy and field, the old and the new value.

CREATE TABLE register_policies (
    country        TEXT    NOT NULL,
    id             TEXT    NOT NULL,
    ministry       TEXT    NOT NULL,
    title          TEXT    NOT NULL,
    instrument     TEXT    NOT NULL,
    -- Lists are stored as text joined with '|', as in `policies`.
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
    withdrawn      INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
    -- The import the policy was first taken from, when it overlays an imported policy.
    base_import_id INTEGER,
    updated_at     TEXT    NOT NULL,
    PRIMARY KEY (country, id)
);

CREATE TABLE register_audit (
    seq        INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    user_name  TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    country    TEXT    NOT NULL,
    policy_id  TEXT    NOT NULL,
    -- `create`, `import` or `edit`.
    action     TEXT    NOT NULL,
    -- The field changed (for `edit`), else NULL.
    field      TEXT,
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX register_audit_by_policy ON register_audit (country, policy_id, seq);
