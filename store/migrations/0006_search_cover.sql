-- findings_search_cover covers what a filtered search reads of a finding
-- for each match (its document and item, and the columns the filters
-- test), as documents_search and items_search do for documents and
-- items: a finding's row holds its text, and a search checking 2,000
-- matches read some 5,000 pages of them. Search names it with INDEXED BY.
CREATE INDEX findings_search_cover ON findings(id, document_id, item_id, kind, area, grade, source);

-- documents_superseded lists the documents a newer version replaced: an
-- unfiltered search sets their findings and items aside rather than
-- joining each match to its document to ask.
CREATE INDEX documents_superseded ON documents(id) WHERE superseded_by IS NOT NULL;
