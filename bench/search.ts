/**
 * Search benchmark (`npm run bench:search [-- --docs N] [-- --backend pglite|postgres|both]`): how
 * fast `searchDocuments` answers over a large store, on each backend.
 *
 * Parses the seeds (samples/) and the corpus (../shared/corpus/docs, when present) once, then builds
 * N documents (default 100 000) in bulk: one file per document carrying a parsed text, the record
 * with another number (so symbols vary), date and issuer, one file in ten private to a unit; the
 * body's search words come from src/store/search-columns.ts and the rest from the trigger, as on the
 * write path; the search indexes are dropped for the load and built again after it. Then times 200 mixed
 * queries (accented, accent-free, symbol spellings, filtered, empty query with filters, later pages;
 * half as an admin, half as a unit's officer) after a warm-up, and prints p50/p95/max per backend
 * with the build time. PGlite lives in a temporary folder; PostgreSQL (DATABASE_URL, else
 * CHIDAO_TEST_DATABASE_URL) in a fresh schema; both are removed at the end (`--keep` keeps them, to
 * EXPLAIN a query there).
 */
import { parseArgs } from "node:util";
import type { Backend } from "../src/config.js";
import type { Viewer } from "../src/store/access.js";
import type { Db } from "../src/store/db.js";
import { type SearchQuery, searchDocuments } from "../src/store/search.js";
import { searchFold } from "../src/store/search-terms.js";
import { type Base, type Built, bases, build, openBenchStore, prng } from "./corpus-store.js";

const AIM_P95_MS = 50;
const WARM_UP = 20;

interface Timed {
  kind: string;
  query: SearchQuery;
  ms: number;
  total: number;
}

function words(text: string, rand: () => number, count: number): string {
  const ws = text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  const at = Math.floor(rand() * Math.max(1, ws.length - count));
  return ws.slice(at, at + count).join(" ");
}

/** The mixed queries: what a clerk types, spelled every way. */
function queries(all: Base[], built: Built, count: number): Array<{ kind: string; query: SearchQuery }> {
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const subjects = all.map((b) => b.record.subject).filter((s): s is string => !!s && s.length > 20);
  const out: Array<{ kind: string; query: SearchQuery }> = [];
  for (let i = 0; out.length < count + WARM_UP; i++) {
    const subject = pick(subjects);
    const symbol = pick(built.symbols);
    const tokens = searchFold(symbol).split(" ");
    const page = rand() < 0.15 ? 2 + Math.floor(rand() * 4) : 1;
    const year = 2010 + Math.floor(rand() * 15);
    switch (i % 10) {
      case 0:
      case 1:
        out.push({ kind: "accented", query: { q: words(subject, rand, 2 + (i % 3)), page } });
        break;
      case 2:
      case 3:
        out.push({ kind: "accent-free", query: { q: searchFold(words(subject, rand, 1 + (i % 3))), page } });
        break;
      case 4:
        out.push({ kind: "symbol", query: { q: symbol } });
        break;
      case 5:
        out.push({
          kind: "symbol",
          query: { q: pick([tokens.join(" "), symbol.toLowerCase(), [...tokens].reverse().join(" ")]) },
        });
        break;
      case 6:
        out.push({
          kind: "filtered",
          query: {
            q: searchFold(words(subject, rand, 1)),
            system: pick(["party", "state"] as const),
            dateFrom: `${year}-01-01`,
            dateTo: `${year + 2}-12-31`,
          },
        });
        break;
      case 7:
        out.push({
          kind: "filtered",
          query: {
            q: words(subject, rand, 2),
            issuer: searchFold(pick(built.issuers)).split(" ").slice(-2).join(" "),
          },
        });
        break;
      case 8:
        out.push({
          kind: "empty+filter",
          query: { type: pick(built.types), hasAttachments: rand() < 0.5, page },
        });
        break;
      default:
        out.push({
          kind: "empty+filter",
          query: { issuer: pick(built.issuers), dateFrom: `${year}-01-01`, dateTo: `${year}-06-30` },
        });
    }
  }
  return out;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function timeQueries(
  db: Db,
  qs: Array<{ kind: string; query: SearchQuery }>,
  unitId: number,
): Promise<Timed[]> {
  const admin: Viewer = { userId: 0, login: "bench", name: "bench", role: "admin", unitId: null };
  const officer: Viewer = { userId: 0, login: "bench-officer", name: "bench", role: "officer", unitId };
  const timed: Timed[] = [];
  for (const [i, { kind, query }] of qs.entries()) {
    const t0 = performance.now();
    const r = await searchDocuments(db, i % 2 === 0 ? admin : officer, query);
    const ms = performance.now() - t0;
    if (i >= WARM_UP) timed.push({ kind, query, ms, total: r.total });
  }
  return timed;
}

function report(backend: Backend, built: Built, timed: Timed[]): boolean {
  const all = timed.map((t) => t.ms).sort((a, b) => a - b);
  console.log(
    `\n${backend}: ${built.docs} documents built in ${(built.ms / 1000).toFixed(1)} s (${Math.round(built.docs / (built.ms / 1000))} documents/s)`,
  );
  if (all.length === 0) return true;
  const p95 = pct(all, 95);
  console.log(
    `  ${timed.length} queries: p50 ${fmt(pct(all, 50))}, p95 ${fmt(p95)}, max ${fmt(all.at(-1)!)}   aim p95 ≤ ${AIM_P95_MS} ms: ${p95 <= AIM_P95_MS ? "ok" : "MISSED"}`,
  );
  const kinds = [...new Set(timed.map((t) => t.kind))];
  for (const kind of kinds) {
    const ms = timed
      .filter((t) => t.kind === kind)
      .map((t) => t.ms)
      .sort((a, b) => a - b);
    const hits = timed.filter((t) => t.kind === kind).map((t) => t.total);
    console.log(
      `    ${kind.padEnd(13)} ${String(ms.length).padStart(3)} queries  p50 ${fmt(pct(ms, 50)).padStart(9)}  p95 ${fmt(pct(ms, 95)).padStart(9)}  max ${fmt(ms.at(-1)!).padStart(9)}  median total ${pct(
        hits.sort((a, b) => a - b),
        50,
      )}`,
    );
  }
  console.log("  slowest:");
  for (const t of [...timed].sort((a, b) => b.ms - a.ms).slice(0, 3))
    console.log(`    ${fmt(t.ms).padStart(9)}  ${t.total} hits  ${JSON.stringify(t.query)}`);
  return p95 <= AIM_P95_MS;
}

async function run(
  backend: Backend,
  all: Base[],
  n: number,
  options: { keep: boolean; queries: number },
): Promise<boolean> {
  const bench = await openBenchStore(backend, "search");
  const db = bench.db;
  try {
    const built = await build(db, all, n);
    const [unit] = await db.query<{ id: number }>("SELECT id FROM units WHERE code = 'bench-1'");
    const timed = await timeQueries(db, queries(all, built, options.queries), unit!.id);
    return report(backend, built, timed);
  } finally {
    await bench.close(options.keep);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: "string", default: "100000" },
      backend: { type: "string", default: "both" },
      keep: { type: "boolean", default: false },
      queries: { type: "string", default: "200" },
    },
  });
  const n = Number(values.docs);
  const queries = Number(values.queries);
  if (!Number.isInteger(n) || n < 1) throw new Error("--docs takes a whole number ≥ 1");
  if (!Number.isInteger(queries) || queries < 0) throw new Error("--queries takes a whole number");
  if (!["pglite", "postgres", "both"].includes(values.backend!))
    throw new Error("--backend is pglite, postgres or both");
  const backends: Backend[] =
    values.backend === "both" ? ["pglite", "postgres"] : [values.backend as Backend];
  const { bases: all, source } = await bases();
  console.log(
    `chidao search benchmark — node ${process.version}; ${all.length} parsed records from ${source}; ${n} documents per backend`,
  );
  let ok = true;
  for (const backend of backends) {
    (globalThis as { gc?: () => void }).gc?.();
    ok = (await run(backend, all, n, { keep: values.keep ?? false, queries })) && ok;
  }
  process.exitCode = ok ? 0 : 1;
}

await main();
