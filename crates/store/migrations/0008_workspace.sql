-- Coherence store, schema version 8: what the web workspace needs beyond the API's
-- tables: when a user last signed in (so the home page can say what changed since),
-- the answers each ministry proposes for an item before the coordinator stores a
-- version (with a comment and evidence; two ministries may disagree), notes that the
-- two governments of a partnership exchange on a corridor finding, and the scenario
-- runs a workspace adds to its brief, and single policies a government shares with a
-- partnership (when it does not share its whole register).

ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
ALTER TABLE users ADD COLUMN previous_sign_in_at TEXT;

-- One ministry's proposed answer to one item of a framework for a government; the
-- ministry's latest proposal replaces its earlier one (the audit trail keeps the old).
CREATE TABLE answer_drafts (
    workspace_id  INTEGER NOT NULL REFERENCES workspaces (id),
    framework     TEXT    NOT NULL,
    item          TEXT    NOT NULL,
    ministry      TEXT    NOT NULL,
    answer        TEXT    NOT NULL,
    comment       TEXT    NOT NULL,
    evidence      TEXT    NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    at            TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, framework, item, ministry)
);

-- A note on a corridor finding (a rule's id, or `general`), written by a member of a
-- partnership for the other government to read.
CREATE TABLE corridor_notes (
    id            INTEGER PRIMARY KEY,
    workspace_id  INTEGER NOT NULL REFERENCES workspaces (id),
    finding       TEXT    NOT NULL,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    at            TEXT    NOT NULL,
    body          TEXT    NOT NULL
);
CREATE INDEX corridor_notes_by_workspace ON corridor_notes (workspace_id, finding);

-- A scenario run (a finished job) that a workspace shows in its brief's "Policy options".
CREATE TABLE brief_scenarios (
    workspace_id  INTEGER NOT NULL REFERENCES workspaces (id),
    job_id        INTEGER NOT NULL REFERENCES jobs (id),
    user_id       INTEGER NOT NULL REFERENCES users (id),
    at            TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, job_id)
);

-- One policy of a government's register shared with a partnership, when the government
-- does not share its whole register (`shares` with `what` = 'register').
CREATE TABLE shared_policies (
    partnership_id  INTEGER NOT NULL REFERENCES workspaces (id),
    workspace_id    INTEGER NOT NULL REFERENCES workspaces (id),
    policy_id       TEXT    NOT NULL,
    PRIMARY KEY (partnership_id, workspace_id, policy_id)
);
