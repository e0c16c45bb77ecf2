-- Accounts that sign in, documents that belong to a unit, and the incoming register.

-- Roles follow an office's work: admin (quản trị), clerk (văn thư), officer (chuyên viên), leader
-- (lãnh đạo). A user without a password hash cannot sign in (created before accounts existed).
ALTER TABLE users ADD COLUMN password_hash text;
ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'officer'
  CHECK (role IN ('admin', 'clerk', 'officer', 'leader'));
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en'));

-- A session is found by the sha256 of its cookie token, so a leaked table does not leak sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Who a file belongs to: a unit's own documents are readable by that unit only unless public.
-- Published documents (the samples, a public import) have no unit and are public.
ALTER TABLE files ADD COLUMN unit_id integer REFERENCES units (id);
ALTER TABLE files ADD COLUMN public boolean NOT NULL DEFAULT true;
ALTER TABLE files ADD COLUMN uploaded_by integer REFERENCES users (id);
CREATE INDEX files_unit ON files (unit_id);

-- The same bytes may reach several units (one directive sent to many): each that uploads or
-- registers it gains access to the one stored copy.
CREATE TABLE file_access (
  file_id integer NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  unit_id integer NOT NULL REFERENCES units (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (file_id, unit_id)
);
CREATE INDEX file_access_unit ON file_access (unit_id);

-- Sổ văn bản đến: a unit's register of incoming documents, numbered from 1 each year (số đến) with
-- the day received (ngày đến). Keyed by file and record id, like corrections, to outlive a re-parse.
CREATE TABLE incoming_register (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units (id),
  year integer NOT NULL CHECK (year BETWEEN 1945 AND 9999),
  number integer NOT NULL CHECK (number > 0),
  received_on date NOT NULL,
  file_id integer NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  record_id text NOT NULL,
  handler text,
  note text,
  registered_by integer NOT NULL REFERENCES users (id),
  registered_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, year, number),
  UNIQUE (unit_id, file_id, record_id)
);
