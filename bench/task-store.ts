/**
 * A store of tasks at the size of a province's office, built in bulk SQL for bench:tasks (not
 * timed): `bodies` bodies (organisations rows), the office's units standing for the first of them,
 * `directives` directives (a file and its document each, one in ten private to a unit), `tasks`
 * tasks spread over them (a few gone or superseded), and ≈1.5 work items per task due over three
 * years around `today` (how they spread is told where the items are made). Pseudo-random by hashes
 * of the row numbers, so every run builds the same store; the counts of migrations/007 are kept by
 * its triggers as the rows go in, as on the write path.
 */
import type { Db } from "../src/store/db.js";

export interface TaskStoreSize {
  bodies: number;
  units: number;
  directives: number;
  tasks: number;
  /** The day the statuses are set against (past dues mostly done, future ones open). */
  today: string;
}

export interface BuiltTasks {
  items: number;
  tasks: number;
  ms: number;
  /** The users the queries run as: an administrator and a leader of unit 1. */
  admin: { userId: number; unitId: number | null };
  leader: { userId: number; unitId: number };
  directiveKeys: string[];
  orgKeys: string[];
}

/** A pseudo-random integer in [0, n) from the row's words (PostgreSQL's hashtext, the same on both backends). */
const rnd = (words: string, n: number) => `(abs(hashtext(${words})) % ${n})`;

export async function buildTasks(db: Db, size: TaskStoreSize): Promise<BuiltTasks> {
  const t0 = performance.now();
  await db.query(
    `INSERT INTO organisations (key, name, short, system, level, series)
     SELECT 'bench/body-' || n, 'Cơ quan thử nghiệm số ' || n, 'CQ ' || n, 'state', 'district', 'bench/body-' || n
     FROM generate_series(1, $1::integer) n`,
    [size.bodies],
  );
  await db.query(
    `INSERT INTO units (code, name, org_key)
     SELECT 'bench-unit-' || n, 'Đơn vị thử nghiệm ' || n, 'bench/body-' || n FROM generate_series(1, $1::integer) n`,
    [size.units],
  );
  const [unit1] = await db.query<{ id: number }>("SELECT id FROM units WHERE code = 'bench-unit-1'");
  const [leader] = await db.query<{ id: number }>(
    "INSERT INTO users (login, name, unit_id, role) VALUES ('bench-leader', 'Lãnh đạo', $1, 'leader') RETURNING id",
    [unit1!.id],
  );
  const [admin] = await db.query<{ id: number }>(
    "INSERT INTO users (login, name, role) VALUES ('bench-admin', 'Quản trị', 'admin') RETURNING id",
  );
  // Directives: one file and one document each; one in ten private to a unit.
  await db.query(
    `INSERT INTO files (sha256, name, size, media_type, bytes, format, text, status, parser_version, unit_id, public)
     SELECT encode(sha256(('bench-directive-' || n)::bytea), 'hex'), 'directive-' || n || '.txt', 0, 'text/plain',
       '\\x'::bytea, 'text', '', 'parsed', 'bench',
       CASE WHEN ${rnd("'p' || n", 10)} = 0 THEN u.id END, ${rnd("'p' || n", 10)} <> 0
     FROM generate_series(1, $1::integer) n
     LEFT JOIN units u ON u.code = 'bench-unit-' || (1 + ${rnd("'u' || n", size.units)})`,
    [size.directives],
  );
  await db.exec(
    "INSERT INTO file_access (file_id, unit_id) SELECT id, unit_id FROM files WHERE NOT public AND unit_id IS NOT NULL",
  );
  await db.exec(
    `INSERT INTO documents (file_id, record_id, position, system, type, symbol, issuer, date, subject, record, parsed,
       parser_version)
     SELECT f.id, 'd1', 0, 'state', 'Kế hoạch', f.id || '/KH-UBND', 'Ủy ban nhân dân thử nghiệm',
       to_char(date '2023-01-01' + ${rnd("'dd' || f.id", 1000)}, 'YYYY-MM-DD'),
       'Triển khai thực hiện chỉ thị số ' || f.id, '{}'::jsonb, '{}'::jsonb, 'bench'
     FROM files f WHERE f.name LIKE 'directive-%'`,
  );
  // Tasks: spread over the directives; 2% gone (kept for their work), 1% superseded (not counted).
  await db.query(
    `INSERT INTO tasks (file_id, record_id, position, fingerprint, origin, state, clause, action, deadline_text,
       assignees, directive_key, directive_date)
     SELECT d.file_id, 'd1', n, 'bench-' || n, 'extracted',
       CASE ${rnd("'s' || n", 100)} WHEN 0 THEN 'superseded' WHEN 1 THEN 'gone' WHEN 2 THEN 'gone' ELSE 'active' END,
       (1 + n % 9)::text, 'Xây dựng kế hoạch triển khai nội dung ' || n, 'trước ngày 15/12', '[]'::jsonb,
       'bench|' || d.file_id, d.date
     FROM generate_series(1, $1::integer) n
     JOIN documents d ON d.file_id = (SELECT min(id) FROM files) + ${rnd("'t' || n", size.directives)}`,
    [size.tasks],
  );
  // Items. A directive sets one to three deadlines, 30–180 days after its date, and addresses a dozen
  // bodies (the first ones more often: a province's departments carry more than a commune); each
  // task is due at one of its directive's deadlines and led by one (70%), two (20%) or three bodies,
  // or (5%) comes back every quarter for a year, one item per period. Past dues are mostly done (a
  // quarter of them late), some late and open, a few cancelled; future ones open. Two in five one-off
  // tasks set no deadline (thường xuyên, a text with no day): undated items, mostly open, the done ones
  // done within 400 days of their directive.
  const st = rnd("'st' || y.id || y.j", 100);
  await db.query(
    `INSERT INTO task_items (task_id, body, org_key, unit_label, period, due, status, done_on, handler_user_id)
     SELECT x.id, x.body, x.body, 'Cơ quan thử nghiệm', x.period, to_char(x.due, 'YYYY-MM-DD'), x.status,
       CASE WHEN x.status = 'done' THEN to_char(coalesce(x.due + (${rnd("'o' || x.id || x.j", 40)} - 30),
         x.dd + ${rnd("'o' || x.id || x.j", 400)}), 'YYYY-MM-DD') END,
       CASE WHEN ${rnd("'h' || x.id || x.j", 100)} = 0 THEN $3::integer END
     FROM (
       SELECT y.*, CASE WHEN to_char(y.due, 'YYYY-MM-DD') < $2 THEN
           CASE WHEN ${st} < 75 THEN 'done' WHEN ${st} < 85 THEN 'overdue' WHEN ${st} < 90 THEN 'in_progress'
                WHEN ${st} < 93 THEN 'new' ELSE 'cancelled' END
         ELSE
           CASE WHEN ${st} < 55 THEN 'new' WHEN ${st} < 90 THEN 'in_progress' WHEN ${st} < 97 THEN 'done'
                ELSE 'cancelled' END
         END AS status
       FROM (
         SELECT tk.id, j.j, tk.dd,
           'bench/body-' || (1 + (floor(power(${rnd("'b' || tk.file_id", 1000)} / 1000.0, 2) * $1)::integer
             + CASE WHEN tk.recurring THEN 0 ELSE (${rnd("'bt' || tk.id", 12)} + j.j * 5) % 12 END) % $1) AS body,
           CASE WHEN tk.recurring THEN 'Q' || j.j ELSE '' END AS period,
           CASE WHEN tk.recurring THEN tk.dd + 90 * j.j
                WHEN ${rnd("'ud' || tk.id", 100)} < 40 THEN NULL
                ELSE tk.dd + 30 + ${rnd("'dl' || tk.file_id || '-' || tk.deadline", 150)} END AS due
         FROM (
           SELECT t.id, t.file_id, t.directive_date::date AS dd, ${rnd("'r' || t.id", 100)} < 5 AS recurring,
             ${rnd("'dn' || t.id", 3)} AS deadline,
             CASE WHEN ${rnd("'r' || t.id", 100)} < 5 THEN 4 WHEN ${rnd("'k' || t.id", 100)} < 70 THEN 1
                  WHEN ${rnd("'k' || t.id", 100)} < 90 THEN 2 ELSE 3 END AS k
           FROM tasks t WHERE t.fingerprint LIKE 'bench-%') tk
         CROSS JOIN LATERAL generate_series(1, tk.k) AS j (j)) y) x`,
    [size.bodies, size.today, leader!.id],
  );
  for (const table of ["organisations", "units", "files", "file_access", "documents", "tasks", "task_items"])
    await db.exec(`VACUUM ANALYZE ${table}`);
  const [counts] = await db.query<{ tasks: number; items: number }>(
    "SELECT (SELECT count(*) FROM tasks)::integer AS tasks, (SELECT count(*) FROM task_items)::integer AS items",
  );
  const directiveKeys = (
    await db.query<{ key: string }>(
      "SELECT DISTINCT directive_key AS key FROM tasks WHERE directive_key IS NOT NULL ORDER BY 1",
    )
  ).map((r) => r.key);
  const orgKeys = (await db.query<{ key: string }>("SELECT key FROM organisations ORDER BY key")).map(
    (r) => r.key,
  );
  return {
    tasks: counts!.tasks,
    items: counts!.items,
    ms: performance.now() - t0,
    admin: { userId: admin!.id, unitId: null },
    leader: { userId: leader!.id, unitId: unit1!.id },
    directiveKeys,
    orgKeys,
  };
}
