-- Views for researchers' common questions, and the indexes that search and
-- the views use. docs/schema.md documents every view and column: the views
-- are part of the public interface, so columns may be added, never renamed
-- or removed.
--
-- The views show current documents only (documents.superseded_by IS NULL);
-- older versions stay in the tables.

-- document_dates gives each document the date researchers file it under:
-- the meeting's date for minutes, the publication (or last inspection day)
-- for an Ofsted report, or the meeting date its fetcher recorded. date is
-- an ISO 8601 date or NULL; year is its first four digits as an integer.
CREATE VIEW document_dates AS
SELECT document_id, date, CAST(substr(date, 1, 4) AS INTEGER) AS year
FROM (
  SELECT d.id AS document_id,
         nullif(coalesce(
           (SELECT m.date FROM meetings m WHERE m.document_id = d.id),
           (SELECT coalesce(n.published_date, n.end_date) FROM inspections n WHERE n.document_id = d.id),
           json_extract(d.meta, '$.meeting_date'), ''), '') AS date
  FROM documents d
);

-- question_answers puts each question beside each answer recorded for it:
-- one row per question and answer, and one row with empty answer columns
-- for a question with no answer linked to it.
CREATE VIEW question_answers AS
SELECT q.id                AS question_id,
       q.document_id       AS document_id,
       d.path              AS document,
       d.authority         AS authority,
       m.committee         AS committee,
       dd.date             AS date,
       q.item_id           AS item_id,
       i.number            AS item,
       i.label             AS item_label,
       i.title             AS item_title,
       q.speaker           AS asker,
       q.speaker_role      AS asker_role,
       q.text              AS question,
       q.page              AS question_page,
       q.start             AS question_start,
       q.end               AS question_end,
       coalesce(a.speaker, q.answered_by) AS answerer,
       a.speaker_role      AS answerer_role,
       a.id                AS answer_id,
       a.text              AS answer,
       a.page              AS answer_page,
       a.start             AS answer_start,
       a.end               AS answer_end,
       q.rule              AS question_rule,
       a.rule              AS answer_rule
FROM findings q
JOIN documents d ON d.id = q.document_id
JOIN document_dates dd ON dd.document_id = d.id
LEFT JOIN meetings m ON m.document_id = d.id
LEFT JOIN items i ON i.id = q.item_id
LEFT JOIN findings a ON a.answer_to = q.id AND a.kind = 'answer'
WHERE q.kind = 'question' AND d.superseded_by IS NULL;

-- recommendations lists every recommendation with its authority and date:
-- an inspectorate's recommendations and areas for improvement (source
-- ofsted) and what council reports recommend to a committee (source report).
CREATE VIEW recommendations AS
SELECT f.id          AS id,
       f.document_id AS document_id,
       d.path        AS document,
       d.doc_type    AS doc_type,
       d.authority   AS authority,
       dd.date       AS date,
       dd.year       AS year,
       f.source      AS source,
       f.inspection  AS inspection,
       f.item_id     AS item_id,
       i.number      AS item,
       i.title       AS item_title,
       f.text        AS text,
       f.page        AS page,
       f.start       AS start,
       f.end         AS end,
       f.rule        AS rule
FROM findings f
JOIN documents d ON d.id = f.document_id
JOIN document_dates dd ON dd.document_id = d.id
LEFT JOIN items i ON i.id = f.item_id
WHERE f.kind = 'recommendation' AND d.superseded_by IS NULL;

-- recommendations_by_authority_year counts recommendations per authority,
-- year and source, with the number of documents they come from.
CREATE VIEW recommendations_by_authority_year AS
SELECT authority,
       year,
       source,
       count(*)                    AS recommendations,
       count(DISTINCT document_id) AS documents
FROM recommendations
GROUP BY authority, year, source;

-- resolutions lists what meetings resolved, agreed or noted, with the
-- meeting and agenda item it belongs to.
CREATE VIEW resolutions AS
SELECT f.id          AS id,
       f.document_id AS document_id,
       d.path        AS document,
       d.authority   AS authority,
       m.committee   AS committee,
       dd.date       AS date,
       dd.year       AS year,
       f.item_id     AS item_id,
       i.number      AS item,
       i.label       AS item_label,
       i.title       AS item_title,
       f.outcome     AS outcome,
       f.text        AS text,
       f.page        AS page,
       f.start       AS start,
       f.end         AS end,
       f.rule        AS rule
FROM findings f
JOIN documents d ON d.id = f.document_id
JOIN document_dates dd ON dd.document_id = d.id
LEFT JOIN meetings m ON m.document_id = d.id
LEFT JOIN items i ON i.id = f.item_id
WHERE f.kind = 'resolution' AND d.superseded_by IS NULL;

-- documents_search covers what search reads of a document for each match
-- (whether it is current, its authority and path, its fetcher metadata),
-- so that a search need not step over a document's full text, stored in
-- the same row, thousands of times. Search names it with INDEXED BY.
CREATE INDEX documents_search ON documents(id, superseded_by, authority, path, meta);

-- items_search does the same for agenda items: their rows hold their
-- text, and search only needs to know which document an item is in.
CREATE INDEX items_search ON items(id, document_id, procedural);

-- Judgements by area and grade: the search and export filters, and the
-- per-area questions researchers ask of inspections.
CREATE INDEX findings_area_grade ON findings(area, grade) WHERE area IS NOT NULL;

-- Filtered search. A search narrowed by authority, date, kind or grade must
-- not read every match of its words to find the few that pass the filter:
-- "children" matches most findings. findings_search indexes each finding's
-- words together with its filter values, one column each, so that FTS5
-- itself intersects them ({text speaker}: (children) AND {authority}:
-- "Durham" AND {year}: (2023 OR 2024)). It is contentless: finding_facets
-- keeps the filter values as indexed, so that a finding's entry can be
-- deleted exactly when they change. Only its rowids and bm25 are used;
-- snippets come from findings_fts.
CREATE TABLE finding_facets (
  id        INTEGER PRIMARY KEY,  -- findings.id; the triggers below keep it, not a foreign key
  kind      TEXT NOT NULL,
  area      TEXT NOT NULL,
  grade     TEXT NOT NULL,
  source    TEXT NOT NULL,
  authority TEXT NOT NULL,
  year      TEXT NOT NULL,
  state     TEXT NOT NULL   -- 'current' or 'superseded', and 'procedural' for a procedural item
);

-- finding_facet_values computes what finding_facets should hold now.
CREATE VIEW finding_facet_values AS
SELECT f.id AS id, f.document_id AS document_id, f.item_id AS item_id, f.kind AS kind,
       coalesce(f.area, '') AS area, coalesce(f.grade, '') AS grade, coalesce(f.source, '') AS source,
       coalesce(d.authority, '') AS authority, coalesce(CAST(dd.year AS TEXT), '') AS year,
       CASE WHEN d.superseded_by IS NULL THEN 'current' ELSE 'superseded' END
         || CASE WHEN i.procedural = 1 THEN ' procedural' ELSE '' END AS state
FROM findings f
JOIN documents d ON d.id = f.document_id
JOIN document_dates dd ON dd.document_id = d.id
LEFT JOIN items i ON i.id = f.item_id;

CREATE VIRTUAL TABLE findings_search USING fts5(
  text, speaker, kind, area, grade, source, authority, year, state,
  content='',
  tokenize='porter unicode61 remove_diacritics 2'
);

INSERT INTO finding_facets (id, kind, area, grade, source, authority, year, state)
SELECT id, kind, area, grade, source, authority, year, state FROM finding_facet_values;
INSERT INTO findings_search (rowid, text, speaker, kind, area, grade, source, authority, year, state)
SELECT f.id, f.text, coalesce(f.speaker, ''), x.kind, x.area, x.grade, x.source, x.authority, x.year, x.state
FROM findings f JOIN finding_facets x ON x.id = f.id;

CREATE TRIGGER findings_search_ai AFTER INSERT ON findings BEGIN
  INSERT INTO finding_facets (id, kind, area, grade, source, authority, year, state)
  SELECT id, kind, area, grade, source, authority, year, state FROM finding_facet_values WHERE id = new.id;
  INSERT INTO findings_search (rowid, text, speaker, kind, area, grade, source, authority, year, state)
  SELECT new.id, new.text, coalesce(new.speaker, ''), kind, area, grade, source, authority, year, state
  FROM finding_facets WHERE id = new.id;
END;

CREATE TRIGGER findings_search_ad AFTER DELETE ON findings BEGIN
  INSERT INTO findings_search (findings_search, rowid, text, speaker, kind, area, grade, source, authority, year, state)
  SELECT 'delete', old.id, old.text, coalesce(old.speaker, ''), kind, area, grade, source, authority, year, state
  FROM finding_facets WHERE id = old.id;
  DELETE FROM finding_facets WHERE id = old.id;
END;

CREATE TRIGGER findings_search_au AFTER UPDATE OF text, speaker, kind, area, grade, source, item_id, document_id ON findings BEGIN
  INSERT INTO findings_search (findings_search, rowid, text, speaker, kind, area, grade, source, authority, year, state)
  SELECT 'delete', old.id, old.text, coalesce(old.speaker, ''), kind, area, grade, source, authority, year, state
  FROM finding_facets WHERE id = old.id;
  DELETE FROM finding_facets WHERE id = old.id;
  INSERT INTO finding_facets (id, kind, area, grade, source, authority, year, state)
  SELECT id, kind, area, grade, source, authority, year, state FROM finding_facet_values WHERE id = new.id;
  INSERT INTO findings_search (rowid, text, speaker, kind, area, grade, source, authority, year, state)
  SELECT new.id, new.text, coalesce(new.speaker, ''), kind, area, grade, source, authority, year, state
  FROM finding_facets WHERE id = new.id;
END;

-- findings_search_refresh re-indexes a document's findings when a fact their
-- filter values come from changes: the document's version or authority,
-- its meeting or inspection date, an item's procedural flag. The view
-- holds the findings to redo; inserting into it runs the three steps.
CREATE VIEW findings_search_refresh (document_id, item_id) AS SELECT NULL, NULL WHERE 0;
CREATE TRIGGER findings_search_refresh_ii INSTEAD OF INSERT ON findings_search_refresh BEGIN
  INSERT INTO findings_search (findings_search, rowid, text, speaker, kind, area, grade, source, authority, year, state)
  SELECT 'delete', f.id, f.text, coalesce(f.speaker, ''), x.kind, x.area, x.grade, x.source, x.authority, x.year, x.state
  FROM findings f JOIN finding_facets x ON x.id = f.id
  WHERE f.document_id = new.document_id AND (new.item_id IS NULL OR f.item_id = new.item_id);
  DELETE FROM finding_facets WHERE id IN (SELECT id FROM findings
    WHERE document_id = new.document_id AND (new.item_id IS NULL OR item_id = new.item_id));
  INSERT INTO finding_facets (id, kind, area, grade, source, authority, year, state)
  SELECT id, kind, area, grade, source, authority, year, state FROM finding_facet_values
  WHERE document_id = new.document_id AND (new.item_id IS NULL OR item_id = new.item_id);
  INSERT INTO findings_search (rowid, text, speaker, kind, area, grade, source, authority, year, state)
  SELECT f.id, f.text, coalesce(f.speaker, ''), x.kind, x.area, x.grade, x.source, x.authority, x.year, x.state
  FROM findings f JOIN finding_facets x ON x.id = f.id
  WHERE f.document_id = new.document_id AND (new.item_id IS NULL OR f.item_id = new.item_id);
END;

CREATE TRIGGER documents_refacet_au AFTER UPDATE OF superseded_by, authority, meta ON documents BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (new.id, NULL);
END;
CREATE TRIGGER meetings_refacet_ai AFTER INSERT ON meetings BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (new.document_id, NULL);
END;
CREATE TRIGGER meetings_refacet_au AFTER UPDATE ON meetings BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (old.document_id, NULL);
  INSERT INTO findings_search_refresh (document_id, item_id) SELECT new.document_id, NULL WHERE new.document_id <> old.document_id;
END;
CREATE TRIGGER meetings_refacet_ad AFTER DELETE ON meetings BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (old.document_id, NULL);
END;
CREATE TRIGGER inspections_refacet_ai AFTER INSERT ON inspections BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (new.document_id, NULL);
END;
CREATE TRIGGER inspections_refacet_au AFTER UPDATE ON inspections BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (old.document_id, NULL);
  INSERT INTO findings_search_refresh (document_id, item_id) SELECT new.document_id, NULL WHERE new.document_id <> old.document_id;
END;
CREATE TRIGGER inspections_refacet_ad AFTER DELETE ON inspections BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (old.document_id, NULL);
END;
CREATE TRIGGER items_refacet_au AFTER UPDATE OF procedural ON items BEGIN
  INSERT INTO findings_search_refresh (document_id, item_id) VALUES (new.document_id, new.id);
END;
