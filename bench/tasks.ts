/**
 * Tasks benchmark (`npm run bench:tasks [-- --tasks N] [--backend pglite|postgres|both] [--keep]
 * [--explain]`).
 *
 * 1. Extraction: every file of samples/ and ../shared/corpus/docs (skipped, saying so, when absent)
 *    parsed and its records' tasks extracted — documents/s and tasks/s of parse + extract, and of
 *    `extractTasks` alone over the parsed records until ≥ 2 s have passed.
 * 2. The views, per backend (PostgreSQL when reachable): a store of N tasks (default 100 000, ≈1.5
 *    work items each, 300 bodies, 5 000 directives; bench/task-store.ts) built in bulk SQL, not timed;
 *    then 200 dashboards with varied filters (no period, a month, a quarter, 6 months, a year, a
 *    custom range; a body; a directive; as an administrator or as a unit's leader), 100 unit loads
 *    and 100 pages of "my tasks", after a warm-up — p50/p95/max of each; then 100 status changes of
 *    one item, each its own transaction, for what keeping the counts costs a write.
 *
 * Aim (issue 7): dashboard p95 ≤ 100 ms on both backends.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Backend } from "../src/config.js";
import { parseBytes } from "../src/import/read.js";
import type { DocumentRecord } from "../src/parse/record.js";
import type { Viewer } from "../src/store/access.js";
import type { Db } from "../src/store/db.js";
import { dashboard, myItems, type StatsFilter, unitLoad } from "../src/store/task-views.js";
import { addDays } from "../src/store/task-views-sql.js";
import { extractTasks } from "../src/tasks/extract.js";
import { openBenchStore, prng } from "./corpus-store.js";
import { buildTasks } from "./task-store.js";

const AIM_DASHBOARD_P95_MS = 100;
const WARM_UP = 10;
const TODAY = "2025-06-30";

const root = fileURLToPath(new URL("../", import.meta.url));
const corpusDir = join(root, "..", "shared", "corpus", "docs");
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function extraction(): Promise<void> {
  const files = readdirSync(join(root, "samples")).map((f) => join(root, "samples", f));
  if (existsSync(corpusDir)) files.push(...readdirSync(corpusDir).map((f) => join(corpusDir, f)));
  else console.log(`extraction: ${corpusDir} absent — samples/ only`);
  gc();
  const parsed: Array<{ record: DocumentRecord; text: string }> = [];
  let tasks = 0;
  const t0 = performance.now();
  for (const file of files) {
    const reading = await parseBytes(readFileSync(file), file);
    if (!reading.ok) continue;
    for (const record of reading.documents) {
      parsed.push({ record, text: reading.text });
      tasks += extractTasks(record, reading.text).length;
    }
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `extraction: ${files.length} files, ${parsed.length} documents, ${tasks} tasks; parse + extract ` +
      `${(parsed.length / s).toFixed(1)} documents/s, ${(tasks / s).toFixed(1)} tasks/s (${s.toFixed(2)} s)`,
  );
  if (parsed.length === 0) return;
  let rounds = 0;
  let alone = 0;
  const t1 = performance.now();
  while (performance.now() - t1 < 2000) {
    for (const p of parsed) alone += extractTasks(p.record, p.text).length;
    rounds++;
  }
  const s1 = (performance.now() - t1) / 1000;
  console.log(
    `  extractTasks alone: ${rounds} rounds, ${((rounds * parsed.length) / s1).toFixed(0)} documents/s, ` +
      `${(alone / s1).toFixed(0)} tasks/s`,
  );
}

interface Case<Q> {
  viewer: Viewer;
  q: Q;
}

/** The periods a leader picks: none, a month, a quarter, 6 months, a year, a custom range. */
function period(rand: () => number): Pick<StatsFilter, "from" | "to"> {
  const year = 2023 + Math.floor(rand() * 3);
  const kind = Math.floor(rand() * 6);
  if (kind === 0) return {};
  if (kind === 5) {
    const from = addDays("2023-07-01", Math.floor(rand() * 900));
    return { from, to: addDays(from, 20 + Math.floor(rand() * 200)) };
  }
  const months = [1, 3, 6, 12][kind - 1]!;
  const first = 1 + months * Math.floor((rand() * 12) / months);
  const from = `${year}-${String(first).padStart(2, "0")}-01`;
  const to = addDays(
    first + months > 12 ? `${year + 1}-01-01` : `${year}-${String(first + months).padStart(2, "0")}-01`,
    -1,
  );
  return { from, to };
}

function statsCases(
  count: number,
  seed: number,
  viewers: Viewer[],
  built: Awaited<ReturnType<typeof buildTasks>>,
): Array<Case<StatsFilter>> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: count + WARM_UP }, () => {
    const q: StatsFilter = { ...period(rand), today: TODAY };
    if (rand() < 0.3) q.orgKey = pick(built.orgKeys.slice(0, 60));
    if (rand() < 0.2) q.directiveKey = pick(built.directiveKeys);
    return { viewer: pick(viewers), q };
  });
}

async function time<Q>(
  label: string,
  cases: Array<Case<Q>>,
  run: (c: Case<Q>) => Promise<unknown>,
  aimMs?: number,
): Promise<{ p95: number; slowest: Case<Q> }> {
  const times: Array<{ ms: number; c: Case<Q> }> = [];
  for (const [i, c] of cases.entries()) {
    const t = performance.now();
    await run(c);
    if (i >= WARM_UP) times.push({ ms: performance.now() - t, c });
  }
  const sorted = times.map((x) => x.ms).sort((a, b) => a - b);
  const p95 = pct(sorted, 95);
  console.log(
    `  ${label}: ${times.length} queries: p50 ${pct(sorted, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
      `max ${sorted[sorted.length - 1]!.toFixed(1)} ms` +
      (aimMs === undefined ? "" : `   aim p95 ≤ ${aimMs} ms: ${p95 <= aimMs ? "ok" : "MISSED"}`),
  );
  const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a)).c;
  return { p95, slowest };
}

async function inStore(backend: Backend, tasks: number, keep: boolean, explain: boolean): Promise<void> {
  let bench: Awaited<ReturnType<typeof openBenchStore>>;
  try {
    bench = await openBenchStore(backend, "tasks");
  } catch (error) {
    console.log(`${backend}: not reachable (${(error as Error).message}) — skipped`);
    return;
  }
  const db: Db = bench.db;
  try {
    const built = await buildTasks(db, {
      bodies: 300,
      units: 30,
      directives: Math.max(1, Math.round(tasks / 20)),
      tasks,
      today: TODAY,
    });
    console.log(
      `${backend}: ${built.tasks} tasks, ${built.items} items, ${built.directiveKeys.length} directives, ` +
        `${built.orgKeys.length} bodies built in ${(built.ms / 1000).toFixed(1)} s (not timed)`,
    );
    const admin: Viewer = {
      userId: built.admin.userId,
      login: "bench-admin",
      name: "",
      role: "admin",
      unitId: null,
    };
    const leader: Viewer = {
      userId: built.leader.userId,
      login: "bench-leader",
      name: "",
      role: "leader",
      unitId: built.leader.unitId,
    };
    const viewers = [admin, leader, leader];
    gc();
    const dash = await time(
      "dashboard",
      statsCases(200, 1, viewers, built),
      (c) => dashboard(db, c.viewer, c.q),
      AIM_DASHBOARD_P95_MS,
    );
    await time("unit load", statsCases(100, 2, viewers, built), (c) => unitLoad(db, c.viewer, c.q));
    const rand = prng(3);
    const dues = [undefined, "overdue", "week", "month"] as const;
    const myCases = Array.from({ length: 100 + WARM_UP }, () => ({
      viewer: leader,
      q: {
        due: dues[Math.floor(rand() * dues.length)],
        mine: rand() < 0.2,
        offset: rand() < 0.2 ? 50 * Math.floor(rand() * 5) : 0,
        limit: 50,
        today: TODAY,
      },
    }));
    await time("my tasks", myCases, (c) => myItems(db, c.viewer, c.q));
    // The write path's price for the kept counts: one item's status changed, in its own transaction.
    const ids = (
      await db.query<{ id: number }>("SELECT id FROM task_items ORDER BY id LIMIT $1 OFFSET 1000", [
        100 + WARM_UP,
      ])
    ).map((r) => ({ viewer: admin, q: r.id }));
    await time("status change (write)", ids, (c) =>
      db.transaction((tx) =>
        tx.query(
          `UPDATE task_items SET status = CASE WHEN status = 'done' THEN 'in_progress' ELSE 'done' END,
             done_on = CASE WHEN status = 'done' THEN NULL ELSE due END WHERE id = $1`,
          [c.q],
        ),
      ),
    );
    if (explain) await explainDashboard(db, dash.slowest);
  } finally {
    await bench.close(keep);
  }
}

/** Prints the plan of the slowest dashboard, by re-running it with EXPLAIN ANALYZE captured. */
async function explainDashboard(db: Db, c: Case<StatsFilter>): Promise<void> {
  console.log(`  slowest dashboard: ${JSON.stringify(c.q)} as ${c.viewer.role}`);
  const explaining: Db = {
    ...db,
    async query<T>(text: string, params?: unknown[]) {
      const rows = await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      for (const r of rows) console.log(`    ${Object.values(r)[0]}`);
      return [] as T[];
    },
  };
  await dashboard(explaining, c.viewer, c.q);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tasks: { type: "string", default: "100000" },
      backend: { type: "string", default: "both" },
      keep: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
      "skip-extraction": { type: "boolean", default: false },
    },
  });
  if (!["pglite", "postgres", "both"].includes(values.backend!))
    throw new Error("--backend is pglite, postgres or both");
  const backends: Backend[] =
    values.backend === "both" ? ["pglite", "postgres"] : [values.backend as Backend];
  const tasks = Number(values.tasks);
  console.log(`bench:tasks — ${tasks} tasks; dashboards measured against ${TODAY}`);
  if (!values["skip-extraction"]) await extraction();
  for (const backend of backends) await inStore(backend, tasks, values.keep!, values.explain!);
}

await main();
