-- The first schema: original files, the documents read from them, human corrections, units and
-- users, and an audit log of every write. Plain PostgreSQL that PGlite runs unchanged.

-- Accent- and typo-tolerant search over Vietnamese needs both; installed in public so that every
-- schema on a server shares one copy (search_path always ends in public).
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE units (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  parent_id integer REFERENCES units (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  unit_id integer REFERENCES units (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per distinct content: the sha256 makes re-importing the same bytes a no-op. The bytes stay
-- so that a newer parser can read them again; a file the parser could not read keeps its error.
CREATE TABLE files (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  name text NOT NULL,
  size bigint NOT NULL CHECK (size >= 0),
  media_type text NOT NULL,
  bytes bytea NOT NULL,
  format text,
  text text,
  warnings jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('parsed', 'failed')),
  error_code text,
  error text,
  parser_version text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  parsed_at timestamptz NOT NULL DEFAULT now()
);

-- The record's fields as columns (with corrections applied), the record itself as JSON (`record`,
-- corrected) and as the parser wrote it (`parsed`).
CREATE TABLE documents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id integer NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  record_id text NOT NULL,
  position integer NOT NULL,
  attached_to text,
  system text,
  type text,
  number text,
  symbol text,
  issuer text,
  parent_issuer text,
  place text,
  date text,
  subject text,
  record jsonb NOT NULL,
  parsed jsonb NOT NULL,
  parser_version text NOT NULL,
  parsed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_id, record_id)
);
CREATE INDEX documents_symbol ON documents (symbol);
CREATE INDEX documents_date ON documents (date);

-- Keyed by file and record id, not by the documents row: a re-parse replaces documents, and the
-- correction must outlive that and be applied again on top.
CREATE TABLE corrections (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id integer NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  record_id text NOT NULL,
  field text NOT NULL,
  old jsonb,
  new jsonb,
  user_id integer NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX corrections_record ON corrections (file_id, record_id);

CREATE TABLE audit_log (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  user_id integer REFERENCES users (id),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
