-- Document search (tìm kiếm văn bản): Vietnamese text with or without diacritics, tolerant symbols,
-- filters. unaccent is not IMMUTABLE, so nothing folded can be an index expression: the search
-- columns are computed when a document is written (the trigger below, and the body's words by
-- src/store/documents.ts) and indexed as columns.

-- Text folded for search: no diacritics (unaccent maps đ to d), lower case, every run of anything
-- but a-z0-9 one space. src/store/search-terms.ts folds the same way with src/text/fold.ts (tested
-- to agree on both backends).
CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(unaccent(coalesce(t, ''))), '[^a-z0-9]+', ' ', 'g'))
$$;

-- A symbol's tokens: folded, and letters parted from digits, so 677-CV/TU, "677 cv tu", 677cv/tu
-- and "cv 677" all meet in {677, cv, tu}.
CREATE FUNCTION search_tokens(t text) RETURNS text[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_to_array(nullif(
    regexp_replace(regexp_replace(search_fold(t), '([0-9])([a-z])', '\1 \2', 'g'), '([a-z])([0-9])', '\1 \2', 'g'),
    ''), ' '), '{}')
$$;

-- search: what a query matches. The subject (weight A), symbol (B) and issuer (C) with their
-- positions, then the distinct folded words of the document's own part of the file's text, each at
-- one position with weight D (the body matches; it does not rank, so a common word over 100 000
-- documents stays fast). search_head: the first part alone, small, for ranking (ts_rank_cd).
ALTER TABLE documents ADD COLUMN search tsvector NOT NULL DEFAULT ''::tsvector;
ALTER TABLE documents ADD COLUMN search_head tsvector NOT NULL DEFAULT ''::tsvector;
ALTER TABLE documents ADD COLUMN symbol_tokens text[] NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN subject_folded text NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN issuer_folded text NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN has_attachments boolean NOT NULL DEFAULT false;
-- The document's own part of files.text, [body_start, body_end): from its first span (the text's
-- start for the first document) to the first span of the next document of the file.
ALTER TABLE documents ADD COLUMN body_start integer NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN body_end integer NOT NULL DEFAULT 0;

-- The columns that follow from the row's own fields, on every write of them: a writer sets `search`
-- to the body's words (weight D; src/store/search-columns.ts), and a correction leaves it as it was;
-- either way the body part is kept and the head laid before it.
CREATE FUNCTION documents_search_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_head := setweight(to_tsvector('simple', search_fold(NEW.subject)), 'A')
    || setweight(to_tsvector('simple', search_fold(NEW.symbol)), 'B')
    || setweight(to_tsvector('simple', search_fold(NEW.issuer)), 'C');
  NEW.search := NEW.search_head || ts_filter(NEW.search, '{d}');
  NEW.symbol_tokens := search_tokens(NEW.symbol);
  NEW.subject_folded := search_fold(NEW.subject);
  NEW.issuer_folded := search_fold(NEW.issuer);
  NEW.has_attachments := CASE WHEN jsonb_typeof(NEW.record->'attachments') = 'array'
    THEN jsonb_array_length(NEW.record->'attachments') > 0 ELSE false END;
  RETURN NEW;
END
$$;

CREATE TRIGGER documents_search BEFORE INSERT OR UPDATE OF subject, symbol, issuer, record, search
  ON documents FOR EACH ROW EXECUTE FUNCTION documents_search_columns();

-- The documents stored before this migration get their body as the write path computes it
-- (search-columns.ts: bodyRegions, bodyWords: at most 300 000 characters, words of 1 to 100).
WITH firsts AS (
  SELECT d.id, d.file_id, d.position,
    (SELECT min((s.value->>0)::numeric::integer) FROM jsonb_each(
        CASE WHEN jsonb_typeof(d.record->'spans') = 'object' THEN d.record->'spans' ELSE '{}' END) s
      WHERE jsonb_typeof(s.value->0) = 'number') AS first
  FROM documents d
), regions AS (
  SELECT fi.id, coalesce(length(f.text), 0) AS len, f.text,
    CASE WHEN fi.position = 0 OR fi.first IS NULL THEN 0 ELSE fi.first END AS start,
    lead(fi.first) OVER (PARTITION BY fi.file_id ORDER BY fi.position) AS next
  FROM firsts fi JOIN files f ON f.id = fi.file_id
), bodies AS (
  SELECT id, text, least(start, len) AS body_start,
    CASE WHEN next > least(start, len) AND next <= len THEN next ELSE len END AS body_end
  FROM regions
)
UPDATE documents d SET
  body_start = b.body_start,
  body_end = b.body_end,
  search = array_to_string(ARRAY(
    SELECT DISTINCT w || ':1' FROM unnest(string_to_array(
      search_fold(left(substr(b.text, b.body_start + 1, b.body_end - b.body_start), 300000)), ' ')) w
    WHERE length(w) BETWEEN 1 AND 100), ' ')::tsvector
FROM bodies b
WHERE b.id = d.id;

CREATE INDEX documents_search ON documents USING gin (search);
CREATE INDEX documents_search_head ON documents USING gin (search_head);
CREATE INDEX documents_symbol_tokens ON documents USING gin (symbol_tokens);
CREATE INDEX documents_issuer_folded ON documents USING gin (issuer_folded gin_trgm_ops);
-- Newest first, undated last: the order of a list and of the matches in the text.
CREATE INDEX documents_newest ON documents (date DESC NULLS LAST, id DESC);
CREATE INDEX documents_type_newest ON documents (type, date DESC NULLS LAST, id DESC);
