-- Tasks (nhiệm vụ): what each directive assigns, tracked to done. src/tasks extracts them (pure);
-- src/store/tasks*.ts keeps them, their work items, statuses, evidence, reminders and notifications.
-- Dates are ISO text ('2024-03-31'), as documents.date: they compare as text on both backends.

-- Which body (organisations.key) a unit of this office is, so that what is assigned to that body
-- reaches its people; and where a user's email reminders go.
ALTER TABLE units ADD COLUMN org_key text;
CREATE INDEX units_org ON units (org_key);
ALTER TABLE users ADD COLUMN email text;

-- One assignment of a document, as extracted or as a person corrected or added it. Kept by file and
-- record id (like corrections) so that a re-parse keeps ids: a re-extracted task meets its row by
-- `fingerprint` (clause + action + assignees). A row a person edited (`edited`) or added
-- (origin 'person') is never rewritten by extraction; one that is no longer extracted but has been
-- worked on is kept as 'gone' rather than deleted; split and merged tasks are 'superseded'.
CREATE TABLE tasks (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id integer NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  record_id text NOT NULL,
  position integer NOT NULL,
  fingerprint text NOT NULL,
  origin text NOT NULL CHECK (origin IN ('extracted', 'person')),
  edited boolean NOT NULL DEFAULT false,
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'superseded', 'gone')),
  superseded_by integer[] NOT NULL DEFAULT '{}',
  clause text,
  action text NOT NULL,
  deliverable text,
  deadline text,
  deadline_text text,
  recurrence text CHECK (recurrence IN ('monthly', 'quarterly', '6-monthly', 'yearly', 'periodic', 'ongoing')),
  reports_to text,
  span_start integer,
  span_end integer,
  -- [{unit, role}] as written ("Ủy ban nhân dân các xã"); the bodies they stand for are in task_items.
  assignees jsonb NOT NULL DEFAULT '[]',
  -- The directive: its identity key in the cascade, its issuing body, its date (copied at extraction
  -- so that views need no join to the record).
  directive_key text,
  directive_org text,
  directive_date text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_id, record_id, fingerprint)
);
CREATE INDEX tasks_record ON tasks (file_id, record_id);
CREATE INDEX tasks_directive ON tasks (directive_key);

-- The tracked work: one lead body of a task × one due instance (a recurring task has one item per
-- period, per Nghị định 09/2019; a one-off task one item with `period` ''). `body` is the
-- organisations key, or 'name:' + the words when no table knows the body. Coordinating bodies
-- (phối hợp) hold no item: they are shown on the task.
CREATE TABLE task_items (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id integer NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  body text NOT NULL,
  org_key text,
  unit_label text NOT NULL,
  period text NOT NULL DEFAULT '',
  due text,
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'in_progress', 'done', 'overdue', 'cancelled')),
  handler_user_id integer REFERENCES users (id),
  done_on text,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (task_id, body, period)
);
CREATE INDEX task_items_org ON task_items (org_key, status, due);
CREATE INDEX task_items_due ON task_items (due) WHERE status IN ('new', 'in_progress', 'overdue');
CREATE INDEX task_items_status ON task_items (status, due);
CREATE INDEX task_items_handler ON task_items (handler_user_id) WHERE handler_user_id IS NOT NULL;

-- Every change of an item's status: who (user, or 'system' for the scheduler's overdue mark), when,
-- why.
CREATE TABLE task_status_history (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id integer NOT NULL REFERENCES task_items (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  user_id integer REFERENCES users (id),
  actor text NOT NULL,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_status_history_item ON task_status_history (item_id, at);

-- What shows an item done: an implementing document (by identity key, which outlives a re-parse;
-- document_id where it is read), an uploaded report (its bytes), or a note.
CREATE TABLE task_evidence (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id integer NOT NULL REFERENCES task_items (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('document', 'file', 'note')),
  identity_key text,
  document_id integer REFERENCES documents (id) ON DELETE SET NULL,
  file_name text,
  media_type text,
  size bigint,
  bytes bytea,
  note text,
  user_id integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_evidence_item ON task_evidence (item_id);

-- The corrections people made to tasks (sửa, tách, gộp, thêm, bỏ), as a log; their effect is on the
-- task rows themselves (edited / person / superseded), which extraction leaves alone.
CREATE TABLE task_corrections (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id integer REFERENCES tasks (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('correct', 'split', 'merge', 'add', 'remove')),
  detail jsonb NOT NULL DEFAULT '{}',
  user_id integer REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_corrections_task ON task_corrections (task_id);

-- What each user wants to be told, and how.
CREATE TABLE notification_prefs (
  user_id integer PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  in_app boolean NOT NULL DEFAULT true,
  email boolean NOT NULL DEFAULT false,
  kinds text[] NOT NULL DEFAULT '{due-7,due-3,due-1,overdue}'
);

-- A reminder is claimed by inserting its row: the unique key makes a second claim (another tick,
-- a restarted server) a no-op, so none is sent twice. The in-app notification is written in the
-- same transaction; email goes out after the claim and marks the row sent or failed.
CREATE TABLE reminders (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id integer NOT NULL REFERENCES task_items (id) ON DELETE CASCADE,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('due-7', 'due-3', 'due-1', 'overdue')),
  on_date text NOT NULL,
  email_state text NOT NULL DEFAULT 'none' CHECK (email_state IN ('none', 'pending', 'sent', 'logged', 'failed')),
  email_error text,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (item_id, user_id, kind, on_date)
);
CREATE INDEX reminders_pending ON reminders (id) WHERE email_state = 'pending';

-- In-app notifications (thông báo).
CREATE TABLE notifications (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  item_id integer REFERENCES task_items (id) ON DELETE CASCADE,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- The scheduler's own state, so that a restart knows which day it last ran for.
CREATE TABLE scheduler_state (
  name text PRIMARY KEY,
  last_day text,
  last_run_at timestamptz
);
