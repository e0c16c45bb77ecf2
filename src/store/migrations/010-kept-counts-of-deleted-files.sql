-- The per-directive counts of a deleted file go with it. 006's and 009's triggers take a deleted
-- file's items out of its counts before it goes, which leaves its rows at zero; the views then need
-- not join files to drop them and read which files a viewer may not see as a list
-- (task-views-cells.ts `readableFileCounts`).
CREATE FUNCTION task_counts_file_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM task_counts_directive WHERE file_id = OLD.id;
  DELETE FROM task_counts_undated_directive WHERE file_id = OLD.id;
  RETURN NULL;
END $$;

CREATE TRIGGER task_counts_file_gone AFTER DELETE ON files
  FOR EACH ROW EXECUTE FUNCTION task_counts_file_gone();

-- The rows of files deleted before.
DELETE FROM task_counts_directive c WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = c.file_id);
DELETE FROM task_counts_undated_directive c WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.id = c.file_id);
