-- PostgreSQL: Coherence store, schema version 5: editions ordered by the date their label gives.
--
-- `edition_order` is `YYYY-MM-DD` read from the edition label by
-- `domain::edition::EditionOrder` (00 for parts the label does not give), so that its
-- text sorts as the date does: "last updated 10/18/2018" (2018-10-18) before "2021"
-- (2021-00-00). Version 4 compared the labels themselves as text, which put the 2018
-- label after "2021". The store fills the column for rows written before this version
-- when it opens (see `migrate::fill_edition_order`).
--
-- One edition may come in several files (a publisher's parts): an import is still one
-- row per (dataset key, edition), and a later file of the same edition adds its files
-- and values to that row.

ALTER TABLE imports ADD COLUMN edition_order TEXT COLLATE "C" NOT NULL DEFAULT '';

-- The default import of each dataset key: its newest edition by `edition_order`, ties
-- broken by the label's text (never by the order of imports).
DROP VIEW default_imports;
CREATE VIEW default_imports AS
SELECT i.* FROM imports i
WHERE NOT EXISTS (
    SELECT 1 FROM imports j
    WHERE j.dataset_key = i.dataset_key
      AND (j.edition_order > i.edition_order
           OR (j.edition_order = i.edition_order AND j.edition > i.edition))
);
