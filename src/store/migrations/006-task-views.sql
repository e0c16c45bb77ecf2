-- The task views' counts (src/store/task-views*.ts). A leader's dashboard over a province's office
-- (100 000 tasks, 150 000 work items) must answer in well under a second on the embedded backend too,
-- where joining and grouping every item on each request does not. So the counts are kept as the
-- items change, per directive and month, and per body and month, by the triggers below; a view adds
-- up the whole months of its period from them and reads the items themselves only for the current
-- month (where "late" depends on the day) and for a period's partial first and last months.
--
-- What counts: the items of tasks still standing (state active or gone, not superseded). `month` is
-- the due date's 'YYYY-MM' ('' without one); `on_time` is "done on or before the due date" as
-- task-views-sql.ts defines it.

-- A cell holds the items of its key by status (done split by on time), as columns: one row per key
-- and month, so a view reads a row where it would read up to six.

-- Per directive (the task's file and record) — its visibility is its file's, joined when read.
CREATE TABLE task_counts_directive (
  file_id integer NOT NULL,
  record_id text NOT NULL,
  month text NOT NULL,
  n_new integer NOT NULL DEFAULT 0,
  n_in_progress integer NOT NULL DEFAULT 0,
  n_overdue integer NOT NULL DEFAULT 0,
  n_done_on_time integer NOT NULL DEFAULT 0,
  n_done_late integer NOT NULL DEFAULT 0,
  n_cancelled integer NOT NULL DEFAULT 0,
  PRIMARY KEY (file_id, record_id, month)
);
CREATE INDEX task_counts_directive_month ON task_counts_directive (month);

-- Per body. Which files an item comes from is folded into `access`: 0 for public files, which every
-- viewer reads, else the (private) file's id, matched against file_access when read.
CREATE TABLE task_counts_body (
  body text NOT NULL,
  org_key text NOT NULL,
  month text NOT NULL,
  access integer NOT NULL,
  n_new integer NOT NULL DEFAULT 0,
  n_in_progress integer NOT NULL DEFAULT 0,
  n_overdue integer NOT NULL DEFAULT 0,
  n_done_on_time integer NOT NULL DEFAULT 0,
  n_done_late integer NOT NULL DEFAULT 0,
  n_cancelled integer NOT NULL DEFAULT 0,
  PRIMARY KEY (body, month, access, org_key)
);
CREATE INDEX task_counts_body_month ON task_counts_body (month);

-- The items due in a range of days, whatever their status (the current month, a partial month).
CREATE INDEX task_items_due_any ON task_items (due);
-- A body's next open due date.
CREATE INDEX task_items_body_open ON task_items (body, due) WHERE status IN ('new', 'in_progress');

-- Adds each row's `delta` (±1) to the counts of its cell: the one write path of both tables. Cells
-- are written in key order, so that two transactions meet on the same cells in the same order.
CREATE FUNCTION task_counts_apply(p_file integer[], p_record text[], p_access integer[], p_body text[],
  p_org text[], p_due text[], p_status text[], p_done_on text[], p_delta integer[])
  RETURNS void LANGUAGE sql AS $$
  INSERT INTO task_counts_directive AS c (file_id, record_id, month, n_new, n_in_progress, n_overdue,
    n_done_on_time, n_done_late, n_cancelled)
  SELECT file_id, record_id, month, coalesce(a, 0), coalesce(b, 0), coalesce(o, 0), coalesce(t, 0),
    coalesce(l, 0), coalesce(x, 0)
  FROM (
    SELECT file_id, record_id, coalesce(substr(due, 1, 7), '') AS month,
      sum(delta) FILTER (WHERE status = 'new'), sum(delta) FILTER (WHERE status = 'in_progress'),
      sum(delta) FILTER (WHERE status = 'overdue'),
      sum(delta) FILTER (WHERE status = 'done' AND coalesce(due IS NULL OR done_on <= due, false)),
      sum(delta) FILTER (WHERE status = 'done' AND NOT coalesce(due IS NULL OR done_on <= due, false)),
      sum(delta) FILTER (WHERE status = 'cancelled')
    FROM unnest(p_file, p_record, p_due, p_status, p_done_on, p_delta)
      AS u (file_id, record_id, due, status, done_on, delta)
    GROUP BY 1, 2, 3) AS g (file_id, record_id, month, a, b, o, t, l, x)
  WHERE a <> 0 OR b <> 0 OR o <> 0 OR t <> 0 OR l <> 0 OR x <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (file_id, record_id, month) DO UPDATE SET
    n_new = c.n_new + EXCLUDED.n_new, n_in_progress = c.n_in_progress + EXCLUDED.n_in_progress,
    n_overdue = c.n_overdue + EXCLUDED.n_overdue, n_done_on_time = c.n_done_on_time + EXCLUDED.n_done_on_time,
    n_done_late = c.n_done_late + EXCLUDED.n_done_late, n_cancelled = c.n_cancelled + EXCLUDED.n_cancelled;
  INSERT INTO task_counts_body AS c (body, org_key, month, access, n_new, n_in_progress, n_overdue,
    n_done_on_time, n_done_late, n_cancelled)
  SELECT body, org_key, month, access, coalesce(a, 0), coalesce(b, 0), coalesce(o, 0), coalesce(t, 0),
    coalesce(l, 0), coalesce(x, 0)
  FROM (
    SELECT body, coalesce(org_key, ''), coalesce(substr(due, 1, 7), ''), access,
      sum(delta) FILTER (WHERE status = 'new'), sum(delta) FILTER (WHERE status = 'in_progress'),
      sum(delta) FILTER (WHERE status = 'overdue'),
      sum(delta) FILTER (WHERE status = 'done' AND coalesce(due IS NULL OR done_on <= due, false)),
      sum(delta) FILTER (WHERE status = 'done' AND NOT coalesce(due IS NULL OR done_on <= due, false)),
      sum(delta) FILTER (WHERE status = 'cancelled')
    FROM unnest(p_access, p_body, p_org, p_due, p_status, p_done_on, p_delta)
      AS u (access, body, org_key, due, status, done_on, delta)
    GROUP BY 1, 2, 3, 4) AS g (body, org_key, month, access, a, b, o, t, l, x)
  WHERE a <> 0 OR b <> 0 OR o <> 0 OR t <> 0 OR l <> 0 OR x <> 0
  ORDER BY 1, 3, 4, 2
  ON CONFLICT (body, month, access, org_key) DO UPDATE SET
    n_new = c.n_new + EXCLUDED.n_new, n_in_progress = c.n_in_progress + EXCLUDED.n_in_progress,
    n_overdue = c.n_overdue + EXCLUDED.n_overdue, n_done_on_time = c.n_done_on_time + EXCLUDED.n_done_on_time,
    n_done_late = c.n_done_late + EXCLUDED.n_done_late, n_cancelled = c.n_cancelled + EXCLUDED.n_cancelled;
$$;

-- Items written: once per statement, over the rows it wrote (an import's or the scheduler's batch is
-- one grouped write). An item whose task is gone (deleted with it) was taken out by the task's trigger.
CREATE FUNCTION task_counts_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM task_counts_apply(array_agg(t.file_id), array_agg(t.record_id),
      array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(x.body), array_agg(x.org_key),
      array_agg(x.due), array_agg(x.status), array_agg(x.done_on), array_agg(1))
    FROM new_rows x JOIN tasks t ON t.id = x.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM task_counts_apply(array_agg(t.file_id), array_agg(t.record_id),
      array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(x.body), array_agg(x.org_key),
      array_agg(x.due), array_agg(x.status), array_agg(x.done_on), array_agg(-1))
    FROM old_rows x JOIN tasks t ON t.id = x.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id;
  ELSE
    PERFORM task_counts_apply(array_agg(t.file_id), array_agg(t.record_id),
      array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(x.body), array_agg(x.org_key),
      array_agg(x.due), array_agg(x.status), array_agg(x.done_on), array_agg(x.delta))
    FROM (SELECT task_id, body, org_key, due, status, done_on, -1 AS delta FROM old_rows
          UNION ALL SELECT task_id, body, org_key, due, status, done_on, 1 FROM new_rows) x
    JOIN tasks t ON t.id = x.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER task_counts_items_insert AFTER INSERT ON task_items
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_counts_items();
CREATE TRIGGER task_counts_items_update AFTER UPDATE ON task_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION task_counts_items();
CREATE TRIGGER task_counts_items_delete AFTER DELETE ON task_items
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION task_counts_items();

-- Adds `delta` × the items of one task, counted under the given file, record and public flag.
CREATE FUNCTION task_counts_task(p_delta integer, p_task integer, p_file integer, p_record text, p_public boolean)
  RETURNS void LANGUAGE sql AS $$
  SELECT task_counts_apply(array_agg(p_file), array_agg(p_record),
    array_agg(CASE WHEN p_public THEN 0 ELSE p_file END), array_agg(i.body), array_agg(i.org_key),
    array_agg(i.due), array_agg(i.status), array_agg(i.done_on), array_agg(p_delta))
  FROM task_items i WHERE i.task_id = p_task;
$$;

-- A task that stops or starts standing, or moves to another file or record, takes its items along; a
-- deleted one takes them out before they go. A task whose file is gone was taken out by the file's.
CREATE FUNCTION task_counts_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_public boolean;
BEGIN
  IF OLD.state IN ('active', 'gone') THEN
    SELECT public INTO v_public FROM files WHERE id = OLD.file_id;
    IF FOUND THEN PERFORM task_counts_task(-1, OLD.id, OLD.file_id, OLD.record_id, v_public); END IF;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.state IN ('active', 'gone') THEN
    SELECT public INTO v_public FROM files WHERE id = NEW.file_id;
    IF FOUND THEN PERFORM task_counts_task(1, NEW.id, NEW.file_id, NEW.record_id, v_public); END IF;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER task_counts_tasks_update AFTER UPDATE OF state, file_id, record_id ON tasks
  FOR EACH ROW WHEN ((OLD.state IN ('active', 'gone'), OLD.file_id, OLD.record_id)
    IS DISTINCT FROM (NEW.state IN ('active', 'gone'), NEW.file_id, NEW.record_id))
  EXECUTE FUNCTION task_counts_tasks();
CREATE TRIGGER task_counts_tasks_delete BEFORE DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_counts_tasks();

-- A file made public (or private again) moves its items' body counts; a deleted file takes them out
-- before its tasks go.
CREATE FUNCTION task_counts_files() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT id, record_id FROM tasks WHERE file_id = OLD.id AND state IN ('active', 'gone') ORDER BY id LOOP
    PERFORM task_counts_task(-1, t.id, OLD.id, t.record_id, OLD.public);
    IF TG_OP = 'UPDATE' THEN PERFORM task_counts_task(1, t.id, NEW.id, t.record_id, NEW.public); END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER task_counts_files_update AFTER UPDATE OF public ON files
  FOR EACH ROW WHEN (OLD.public IS DISTINCT FROM NEW.public) EXECUTE FUNCTION task_counts_files();
CREATE TRIGGER task_counts_files_delete BEFORE DELETE ON files
  FOR EACH ROW EXECUTE FUNCTION task_counts_files();

-- The counts of what is already stored.
SELECT task_counts_apply(array_agg(t.file_id), array_agg(t.record_id),
  array_agg(CASE WHEN f.public THEN 0 ELSE f.id END), array_agg(i.body), array_agg(i.org_key), array_agg(i.due),
  array_agg(i.status), array_agg(i.done_on), array_agg(1))
FROM task_items i JOIN tasks t ON t.id = i.task_id AND t.state IN ('active', 'gone') JOIN files f ON f.id = t.file_id;
