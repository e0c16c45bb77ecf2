/**
 * Link benchmark (`npm run bench:link [-- --docs N] [--backend pglite|postgres|both] [--new M]`).
 *
 * 1. The linker alone: `linkDocument` over N records (default 100 000) made from the seeds and the
 *    corpus (bench/corpus-store.ts: every record with another number, date and issuer, so that the
 *    identities vary), in memory — time, documents/s, identities and edges, peak RSS.
 * 2. The store: N such documents built in bulk (not timed), then `relinkAll` timed — the full
 *    relink, writing every identity, placeholder, edge, recipient and body — with the process's peak
 *    RSS; then M new documents (default 200) stored and linked one at a time, each in its own
 *    transaction as an import links a file: p50/p95/max of the link step.
 *
 * Aims (issue 6): full relink ≤ 10 s, incremental ≤ 10 ms (p95).
 */
import { parseArgs } from "node:util";
import type { Backend } from "../src/config.js";
import { linkDocument } from "../src/link/link.js";
import { linkDocuments, relinkAll } from "../src/store/cascade.js";
import { type Base, bases, build, openBenchStore, prng, renumber } from "./corpus-store.js";
import { type StatementTimes, timed } from "./timed-db.js";

const AIM_FULL_S = 10;
const AIM_INCREMENTAL_MS = 10;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** The linker alone over n varied records. */
function linkInMemory(all: Base[], n: number): void {
  gc();
  const rand = prng(11);
  const issuers = [...new Set(all.map((b) => b.record.issuer).filter((i): i is string => !!i))];
  const keys = new Set<string>();
  let edges = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const b = all[i % all.length]!;
    const record = {
      ...b.record,
      symbol: renumber(b.record.symbol, 1 + Math.floor(rand() * 9000)),
      issuer: rand() < 0.7 ? b.record.issuer : issuers[Math.floor(rand() * issuers.length)]!,
      date: `${2010 + Math.floor(rand() * 16)}${(b.record.date ?? "-01-01").slice(4)}`,
    };
    const linked = linkDocument(record, b.text, { anchor: `bench-${i}` });
    keys.add(linked.identity.key);
    for (const c of linked.cited) keys.add(c.key);
    edges += linked.edges.length;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `linker alone: ${n} documents in ${s.toFixed(2)} s (${Math.round(n / s)} documents/s), ` +
      `${keys.size} identities, ${edges} edges, peak RSS ${rssMb().toFixed(0)} MB`,
  );
}

/** The statements that took the most time, with their share. */
function printTimes(title: string, times: StatementTimes, per: number): void {
  const rows = [...times].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((n, [, v]) => n + v.ms, 0);
  console.log(`${title}:`);
  for (const [sql, v] of rows.slice(0, 8))
    console.log(
      `    ${(v.ms / per).toFixed(per > 1 ? 2 : 0).padStart(8)} ms  ${Math.round((100 * v.ms) / total)
        .toString()
        .padStart(3)}%  ${sql} (${v.calls})`,
    );
}

async function inStore(backend: Backend, all: Base[], n: number, fresh: number): Promise<boolean> {
  const bench = await openBenchStore(backend, "link");
  const db = bench.db;
  try {
    const built = await build(db, all, n);
    console.log(`${backend}: ${built.docs} documents built in ${(built.ms / 1000).toFixed(1)} s (not timed)`);
    gc();
    const rssBefore = rssMb();
    const t0 = performance.now();
    const relinkTimes: StatementTimes = new Map();
    const full = await relinkAll(timed(db, relinkTimes));
    const fullS = (performance.now() - t0) / 1000;
    console.log(
      `  full relink: ${full.documents} documents in ${fullS.toFixed(2)} s → ${full.identities} identities, ` +
        `${full.edges} edges; peak RSS ${rssMb().toFixed(0)} MB (${rssBefore.toFixed(0)} MB before)   ` +
        `aim ≤ ${AIM_FULL_S} s: ${fullS <= AIM_FULL_S ? "ok" : "MISSED"}`,
    );
    // New arrivals: built like the rest (not linked), then linked one at a time as an import does.
    await build(db, all, fresh);
    const newIds = (
      await db.query<{ id: number }>("SELECT id FROM documents ORDER BY id DESC LIMIT $1", [fresh])
    ).map((r) => r.id);
    const times: number[] = [];
    const linkTimes: StatementTimes = new Map();
    const timedDb = timed(db, linkTimes);
    for (const id of newIds.reverse()) {
      const t = performance.now();
      await timedDb.transaction((tx) => linkDocuments(tx, [id]));
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p95 = pct(times, 95);
    console.log(
      `  incremental: ${times.length} new documents linked one at a time: p50 ${pct(times, 50).toFixed(1)} ms, ` +
        `p95 ${p95.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms   ` +
        `aim p95 ≤ ${AIM_INCREMENTAL_MS} ms: ${p95 <= AIM_INCREMENTAL_MS ? "ok" : "MISSED"}`,
    );
    printTimes("  where the full relink's store time goes", relinkTimes, 1);
    printTimes("  where one new document's link time goes (per document)", linkTimes, times.length);
    return fullS <= AIM_FULL_S && p95 <= AIM_INCREMENTAL_MS;
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: "string", default: "100000" },
      backend: { type: "string", default: "both" },
      new: { type: "string", default: "200" },
    },
  });
  const n = Number(values.docs);
  const fresh = Number(values.new);
  const backends: Backend[] =
    values.backend === "both" ? ["pglite", "postgres"] : [values.backend as Backend];
  const { bases: all, source } = await bases();
  console.log(`bench:link — ${all.length} records from ${source}; ${n} documents, ${fresh} new ones`);
  linkInMemory(all, n);
  for (const backend of backends) await inStore(backend, all, n, fresh);
}

await main();
