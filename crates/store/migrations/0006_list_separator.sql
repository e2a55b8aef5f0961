-- Coherence store, schema version 6: one separator for the items of a policy's lists.
--
-- Versions 1 to 5 joined the items of `stages`, `partners`, `target_groups` and `tags`
-- with '|' in `policies` and `register_policies`, but with ';' in the audit log's old and
-- new values, in register CSV files and in edits (`field=a;b`). From this version every
-- list is joined with ';' (`domain::policy::LIST_SEPARATOR`). Items are identifiers, ISO
-- codes or stage names, so neither character occurs inside one. Portable SQL: it runs
-- unchanged on SQLite and PostgreSQL.

UPDATE policies SET
    stages = REPLACE(stages, '|', ';'),
    partners = REPLACE(partners, '|', ';'),
    target_groups = REPLACE(target_groups, '|', ';'),
    tags = REPLACE(tags, '|', ';');

UPDATE register_policies SET
    stages = REPLACE(stages, '|', ';'),
    partners = REPLACE(partners, '|', ';'),
    target_groups = REPLACE(target_groups, '|', ';'),
    tags = REPLACE(tags, '|', ';');
