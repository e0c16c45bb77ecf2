-- The cascade (hệ thống văn bản chỉ đạo): issuing bodies, document identities and the edges between
-- them, as src/link computes them from the documents (src/store/cascade*.ts writes and reads them).

-- Bodies the documents name. Upserted on every link from src/link's tables; a row a person edited is
-- never overwritten by linking.
CREATE TABLE organisations (
  key text PRIMARY KEY,
  name text NOT NULL,
  short text NOT NULL,
  system text NOT NULL CHECK (system IN ('party', 'state', 'mass')),
  level text NOT NULL CHECK (level IN ('central', 'province', 'district', 'commune')),
  parent text,
  place jsonb NOT NULL DEFAULT '{}',
  valid_from text,
  valid_to text,
  successors jsonb NOT NULL DEFAULT '[]',
  aliases jsonb NOT NULL DEFAULT '[]',
  series text NOT NULL,
  review boolean NOT NULL DEFAULT false,
  edited boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_parent ON organisations (parent);
CREATE INDEX organisations_series ON organisations (series);
CREATE INDEX organisations_review ON organisations (key) WHERE review;

-- What each document says about an identity: its own (own) and those its edges name (cited). The
-- identities below are computed from these rows alone, so the graph does not depend on the order in
-- which documents arrived: a present identity takes its fields from the lowest document that is it,
-- a placeholder the least non-null value of each field over its citations. `stem` is the key without
-- its year (series|symbol), where a year-less citation meets the dated identity.
CREATE TABLE identity_claims (
  source_document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  own boolean NOT NULL,
  key text NOT NULL,
  stem text NOT NULL,
  series text NOT NULL,
  symbol text NOT NULL,
  year text NOT NULL,
  type text,
  date text,
  issuer text,
  org_key text,
  subject text
);
CREATE INDEX identity_claims_source ON identity_claims (source_document_id);
CREATE INDEX identity_claims_key ON identity_claims (key, source_document_id);
CREATE INDEX identity_claims_stem ON identity_claims (stem) WHERE year <> '?';

-- Keys whose claims went away (a relinked or deleted document): the next link recomputes them, so a
-- document removed by a re-parse (ON DELETE CASCADE) leaves no identity behind that nothing names.
CREATE TABLE cascade_stale (key text NOT NULL);

CREATE FUNCTION identity_claims_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cascade_stale (key) SELECT DISTINCT key FROM gone;
  RETURN NULL;
END
$$;

CREATE TRIGGER identity_claims_gone AFTER DELETE ON identity_claims
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION identity_claims_gone();

-- A document identity (issuer series + symbol + year); document_id null: a placeholder, cited but
-- not read. The row keeps its id when its document arrives or leaves.
CREATE TABLE identities (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL UNIQUE,
  stem text NOT NULL,
  series text NOT NULL,
  symbol text NOT NULL,
  symbol_tokens text[] NOT NULL DEFAULT '{}',
  year text NOT NULL,
  type text,
  date text,
  issuer text,
  org_key text,
  subject text,
  document_id integer REFERENCES documents (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identities_document ON identities (document_id);
CREATE INDEX identities_org ON identities (org_key);
CREATE INDEX identities_symbol_tokens ON identities USING gin (symbol_tokens);

-- An edge as its source document states it. cited_from/cited_to are the keys as linked; from_key/
-- to_key where they point now: a year-less citation (year '?', its stem in from_stem/to_stem) points
-- to the one dated identity of its stem when exactly one exists. Unique as linked, so re-pointing
-- never collides.
CREATE TABLE edges (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  from_key text NOT NULL,
  to_key text NOT NULL,
  cited_from text NOT NULL,
  cited_to text NOT NULL,
  from_stem text,
  to_stem text,
  relation text NOT NULL CHECK (relation IN ('implements', 'attaches', 'mentions', 'forwards')),
  inferred boolean NOT NULL DEFAULT false,
  evidence text NOT NULL DEFAULT '',
  symbol text NOT NULL DEFAULT '',
  candidates jsonb NOT NULL DEFAULT '[]',
  warning text,
  confirmed boolean NOT NULL DEFAULT false,
  UNIQUE (source_document_id, cited_from, cited_to, relation)
);
CREATE INDEX edges_from ON edges (from_key, relation);
CREATE INDEX edges_to ON edges (to_key, relation);
CREATE INDEX edges_from_stem ON edges (from_stem) WHERE from_stem IS NOT NULL;
CREATE INDEX edges_to_stem ON edges (to_stem) WHERE to_stem IS NOT NULL;
CREATE INDEX edges_open ON edges (id) WHERE candidates <> '[]' AND NOT confirmed;

-- A person's choice among an edge's candidates, kept by file and record id like corrections, so that
-- it outlives a re-parse and a relink; the linker reads it back for that document.
CREATE TABLE edge_confirmations (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id integer NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  record_id text NOT NULL,
  symbol text NOT NULL,
  chosen_key text NOT NULL,
  user_id integer NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_id, record_id, symbol)
);

-- Whom a document was sent to (Kính gửi, Nơi nhận): one row per body of each item (unit_key null for
-- an item that names none). `key` is the sending document's identity; only 'act' owes an answer.
CREATE TABLE recipients (
  source_document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  key text NOT NULL,
  position integer NOT NULL,
  unit_position integer NOT NULL,
  "group" text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('act', 'report', 'inform')),
  expanded boolean NOT NULL,
  unit_key text
);
CREATE INDEX recipients_source ON recipients (source_document_id);
CREATE INDEX recipients_act_unit ON recipients (unit_key) WHERE purpose = 'act';
