-- Items without a due date (thường xuyên, định kỳ with no rhythm, a task whose text sets no deadline)
-- in a period. They are due in no month, so the counts of 006 put them under month '' and a period
-- left them out; yet they are most of the work. An undated item is live in a period when its
-- directive is dated on or before the period's end (or has no date) and it is still open, or was
-- closed in the period: done (done_on) or cancelled (the Vietnam date of status_changed_at).
--
-- So they are kept as well by the month their directive is dated ('' without a date) and the month
-- they were closed ('' while open): a view takes the whole months from here and reads the items only
-- for a period's partial first or last month (task-views-undated.ts).

CREATE TABLE task_counts_undated_directive (
  file_id integer NOT NULL,
  record_id text NOT NULL,
  opened text NOT NULL,
  closed text NOT NULL,
  n_new integer NOT NULL DEFAULT 0,
  n_in_progress integer NOT NULL DEFAULT 0,
  n_overdue integer NOT NULL DEFAULT 0,
  n_done integer NOT NULL DEFAULT 0,
  n_cancelled integer NOT NULL DEFAULT 0,
  PRIMARY KEY (file_id, record_id, opened, closed)
);
CREATE INDEX task_counts_undated_directive_closed ON task_counts_undated_directive (closed);

CREATE TABLE task_counts_undated_body (
  body text NOT NULL,
  org_key text NOT NULL,
  access integer NOT NULL,
  opened text NOT NULL,
  closed text NOT NULL,
  n_new integer NOT NULL DEFAULT 0,
  n_in_progress integer NOT NULL DEFAULT 0,
  n_overdue integer NOT NULL DEFAULT 0,
  n_done integer NOT NULL DEFAULT 0,
  n_cancelled integer NOT NULL DEFAULT 0,
  PRIMARY KEY (body, opened, closed, access, org_key)
);
CREATE INDEX task_counts_undated_body_closed ON task_counts_undated_body (closed);

-- The items of a period's partial months: of directives dated in a month, closed in a month.
CREATE INDEX tasks_directive_date ON tasks (directive_date);
CREATE INDEX task_items_undated_done ON task_items (done_on) WHERE due IS NULL AND status = 'done';
CREATE INDEX task_items_undated_cancelled ON task_items (status_changed_at) WHERE due IS NULL AND status = 'cancelled';

-- The day an item was closed, in Vietnam (UTC+7 all year): done_on, or the day it was cancelled.
CREATE FUNCTION task_closed_on(p_status text, p_done_on text, p_changed timestamptz) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT CASE p_status WHEN 'done' THEN p_done_on
    WHEN 'cancelled' THEN to_char((p_changed AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') END
$$;

-- Adds each undated row's `delta` (dated rows are skipped) to its cells, in key order.
CREATE FUNCTION task_counts_undated_apply(p_file integer[], p_record text[], p_access integer[], p_body text[],
  p_org text[], p_dated text[], p_due text[], p_status text[], p_done_on text[], p_changed timestamptz[],
  p_delta integer[])
  RETURNS void LANGUAGE sql AS $$
  WITH u AS (
    SELECT file_id, record_id, access, body, coalesce(org_key, '') AS org_key,
      coalesce(substr(dated, 1, 7), '') AS opened,
      -- '?': done without a day, live in no period.
      CASE WHEN status IN ('done', 'cancelled') THEN coalesce(substr(task_closed_on(status, done_on, changed), 1, 7), '?')
        ELSE '' END AS closed,
      status, delta
    FROM unnest(p_file, p_record, p_access, p_body, p_org, p_dated, p_due, p_status, p_done_on, p_changed, p_delta)
      AS u (file_id, record_id, access, body, org_key, dated, due, status, done_on, changed, delta)
    WHERE due IS NULL)
  INSERT INTO task_counts_undated_directive AS c (file_id, record_id, opened, closed, n_new, n_in_progress,
    n_overdue, n_done, n_cancelled)
  SELECT * FROM (
      SELECT file_id, record_id, opened, closed,
        coalesce(sum(delta) FILTER (WHERE status = 'new'), 0) AS a,
        coalesce(sum(delta) FILTER (WHERE status = 'in_progress'), 0) AS b,
        coalesce(sum(delta) FILTER (WHERE status = 'overdue'), 0) AS o,
        coalesce(sum(delta) FILTER (WHERE status = 'done'), 0) AS t,
        coalesce(sum(delta) FILTER (WHERE status = 'cancelled'), 0) AS x
      FROM u GROUP BY 1, 2, 3, 4) g
  WHERE a <> 0 OR b <> 0 OR o <> 0 OR t <> 0 OR x <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (file_id, record_id, opened, closed) DO UPDATE SET
    n_new = c.n_new + EXCLUDED.n_new, n_in_progress = c.n_in_progress + EXCLUDED.n_in_progress,
    n_overdue = c.n_overdue + EXCLUDED.n_overdue, n_done = c.n_done + EXCLUDED.n_done,
    n_cancelled = c.n_cancelled + EXCLUDED.n_cancelled;
  WITH u AS (
    SELECT file_id, record_id, access, body, coalesce(org_key, '') AS org_key,
      coalesce(substr(dated, 1, 7), '') AS opened,
      -- '?': done without a day, live in no period.
      CASE WHEN status IN ('done', 'cancelled') THEN coalesce(substr(task_closed_on(status, done_on, changed), 1, 7), '?')
        ELSE '' END AS closed,
      status, delta
    FROM unnest(p_file, p_record, p_access, p_body, p_org, p_dated, p_due, p_status, p_done_on, p_changed, p_delta)
      AS u (file_id, record_id, access, body, org_key, dated, due, status, done_on, changed, delta)
    WHERE due IS NULL)
  INSERT INTO task_counts_undated_body AS c (body, org_key, access, opened, closed, n_new, n_in_progress,
    n_overdue, n_done, n_cancelled)
  SELECT * FROM (
      SELECT body, org_key, access, opened, closed,
        coalesce(sum(delta) FILTER (WHERE status = 'new'), 0) AS a,
        coalesce(sum(delta) FILTER (WHERE status = 'in_progress'), 0) AS b,
        coalesce(sum(delta) FILTER (WHERE status = 'overdue'), 0) AS o,
        coalesce(sum(delta) FILTER (WHERE status = 'done'), 0) AS t,
        coalesce(sum(delta) FILTER (WHERE status = 'cancelled'), 0) AS x
      FROM u GROUP BY 1, 2, 3, 4, 5) g
  WHERE a <> 0 OR b <> 0 OR o <> 0 OR t <> 0 OR x <> 0
  ORDER BY 1, 4, 5, 3, 2
  ON CONFLICT (body, opened, closed, access, org_key) DO UPDATE SET
    n_new = c.n_new + EXCLUDED.n_new, n_in_progress = c.n_in_progress + EXCLUDED.n_in_progress,
    n_overdue = c.n_overdue + EXCLUDED.n_overdue, n_done = c.n_done + EXCLUDED.n_done,
    n_cancelled = c.n_cancelled + EXCLUDED.n_cancelled;
$$;

-- Items written: as 006's trigger, for the undated ones.
CREATE FUNCTION task_counts_undated_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM task_counts_undated_apply(array_agg(t.file_id), array_agg(t.record_id),
      array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(x.body), array_agg(x.org_key),
      array_agg(t.directive_date), array_agg(x.due), array_agg(x.status), array_agg(x.done_on),
      array_agg(x.status_changed_at), array_agg(1))
    FROM new_rows x JOIN tasks t ON t.id = x.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id
    WHERE x.due IS NULL;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM task_counts_undated_apply(array_agg(t.file_id), array_agg(t.record_id),
      array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(x.body), array_agg(x.org_key),
      array_agg(t.directive_date), array_agg(x.due), array_agg(x.status), array_agg(x.done_on),
      array_agg(x.status_changed_at), array_agg(-1))
    FROM old_rows x JOIN tasks t ON t.id = x.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id
    WHERE x.due IS NULL;
  ELSE
    PERFORM task_counts_undated_apply(array_agg(t.file_id), array_agg(t.record_id),
      array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(x.body), array_agg(x.org_key),
      array_agg(t.directive_date), array_agg(x.due), array_agg(x.status), array_agg(x.done_on),
      array_agg(x.status_changed_at), array_agg(x.delta))
    FROM (SELECT task_id, body, org_key, due, status, done_on, status_changed_at, -1 AS delta FROM old_rows
          WHERE due IS NULL
          UNION ALL SELECT task_id, body, org_key, due, status, done_on, status_changed_at, 1 FROM new_rows
          WHERE due IS NULL) x
    JOIN tasks t ON t.id = x.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER task_counts_undated_items_insert AFTER INSERT ON task_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_counts_undated_items();
CREATE TRIGGER task_counts_undated_items_update AFTER UPDATE ON task_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_counts_undated_items();
CREATE TRIGGER task_counts_undated_items_delete AFTER DELETE ON task_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_counts_undated_items();

-- Adds `delta` × the undated items of one task, under the given file, record, public flag and date.
CREATE FUNCTION task_counts_undated_task(p_delta integer, p_task integer, p_file integer, p_record text,
  p_public boolean, p_dated text)
  RETURNS void LANGUAGE sql AS $$
  SELECT task_counts_undated_apply(array_agg(p_file), array_agg(p_record),
    array_agg(CASE WHEN p_public THEN 0 ELSE p_file END), array_agg(i.body), array_agg(i.org_key),
    array_agg(p_dated), array_agg(i.due), array_agg(i.status), array_agg(i.done_on),
    array_agg(i.status_changed_at), array_agg(p_delta))
  FROM task_items i WHERE i.task_id = p_task AND i.due IS NULL;
$$;

-- A task that stops or starts standing, moves, or whose directive's date changes takes its items along.
CREATE FUNCTION task_counts_undated_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_public boolean;
BEGIN
  IF OLD.state IN ('active', 'gone') THEN
    SELECT public INTO v_public FROM files WHERE id = OLD.file_id;
    IF FOUND THEN
      PERFORM task_counts_undated_task(-1, OLD.id, OLD.file_id, OLD.record_id, v_public, OLD.directive_date);
    END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.state IN ('active', 'gone') THEN
    SELECT public INTO v_public FROM files WHERE id = NEW.file_id;
    IF FOUND THEN
      PERFORM task_counts_undated_task(1, NEW.id, NEW.file_id, NEW.record_id, v_public, NEW.directive_date);
    END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER task_counts_undated_tasks_update AFTER UPDATE OF state, file_id, record_id, directive_date ON tasks
  FOR EACH ROW WHEN ((OLD.state IN ('active', 'gone'), OLD.file_id, OLD.record_id, OLD.directive_date)
    IS DISTINCT FROM (NEW.state IN ('active', 'gone'), NEW.file_id, NEW.record_id, NEW.directive_date))
  EXECUTE FUNCTION task_counts_undated_tasks();
CREATE TRIGGER task_counts_undated_tasks_delete BEFORE DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_counts_undated_tasks();

-- A file made public (or private again), or deleted.
CREATE FUNCTION task_counts_undated_files() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT id, record_id, directive_date FROM tasks WHERE file_id = OLD.id AND state IN ('active', 'gone')
      ORDER BY id LOOP
    PERFORM task_counts_undated_task(-1, t.id, OLD.id, t.record_id, OLD.public, t.directive_date);
    IF TG_OP = 'UPDATE' THEN
      PERFORM task_counts_undated_task(1, t.id, NEW.id, t.record_id, NEW.public, t.directive_date);
    END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER task_counts_undated_files_update AFTER UPDATE OF public ON files
  FOR EACH ROW WHEN (OLD.public IS DISTINCT FROM NEW.public) EXECUTE FUNCTION task_counts_undated_files();
CREATE TRIGGER task_counts_undated_files_delete BEFORE DELETE ON files
  FOR EACH ROW EXECUTE FUNCTION task_counts_undated_files();

-- The counts of what is already stored.
SELECT task_counts_undated_apply(array_agg(t.file_id), array_agg(t.record_id),
  array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(i.body), array_agg(i.org_key),
  array_agg(t.directive_date), array_agg(i.due), array_agg(i.status), array_agg(i.done_on),
  array_agg(i.status_changed_at), array_agg(1))
FROM task_items i JOIN tasks t ON t.id = i.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id
WHERE i.due IS NULL;
