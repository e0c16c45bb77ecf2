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
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type Backend, loadConfig, type StoreConfig } from "../src/config.js";
import { parseBytes } from "../src/import/read.js";
import type { DocumentRecord } from "../src/parse/record.js";
import type { Viewer } from "../src/store/access.js";
import { type Db, openDb } from "../src/store/db.js";
import { parserVersion } from "../src/store/package-root.js";
import { type SearchQuery, searchDocuments } from "../src/store/search.js";
import { bodyRegions, bodyVector } from "../src/store/search-columns.js";
import { searchFold } from "../src/store/search-terms.js";

const AIM_P95_MS = 50;
const WARM_UP = 20;
const BATCH = 1000;
const UNITS = 5;

const root = fileURLToPath(new URL("../", import.meta.url));
const corpusDir = join(root, "..", "shared", "corpus", "docs");

interface Base {
  idx: number;
  name: string;
  format: string;
  text: string;
  record: DocumentRecord;
  /** The record's part of the text, and its search words, as the write path computes them. */
  region: [number, number];
  body: string;
}

/** A small deterministic generator, so that every run builds and asks the same. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function bases(): Promise<{ bases: Base[]; source: string }> {
  const files = [join(root, "samples")].flatMap((d) => readdirSync(d).map((f) => join(d, f)));
  let source = "samples/";
  if (existsSync(corpusDir)) {
    files.push(...readdirSync(corpusDir).map((f) => join(corpusDir, f)));
    source += ` + ${corpusDir}`;
  } else source += " (../shared absent: seeds only)";
  const out: Base[] = [];
  for (const file of files) {
    const reading = await parseBytes(readFileSync(file), file);
    if (!reading.ok || reading.text.length < 200) continue;
    const regions = bodyRegions(reading.documents, reading.text.length);
    for (const [i, record] of reading.documents.entries()) {
      const region = regions[i]!;
      const body = bodyVector(reading.text.slice(...region));
      out.push({
        idx: out.length,
        name: file,
        format: reading.format,
        text: reading.text,
        record,
        region,
        body,
      });
    }
  }
  return { bases: out, source };
}

/** The symbol with another number: the first digit run replaced, or the number put in front. */
function renumber(symbol: string | null, n: number): string {
  if (!symbol) return `${n}/UBND`;
  return /\d+/.test(symbol) ? symbol.replace(/\d+/, String(n)) : `${n}${symbol}`;
}

interface Built {
  docs: number;
  ms: number;
  symbols: string[];
  issuers: string[];
  types: string[];
}

/** Drops the secondary indexes of the search's tables (not keys or unique ones); returns how to rebuild them. */
async function dropIndexes(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = to_regnamespace(i.schemaname)::oid
     JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = current_schema() AND i.tablename IN ('documents', 'files') AND NOT x.indisunique`,
  );
  for (const r of rows) await db.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.def);
}

async function build(db: Db, all: Base[], n: number): Promise<Built> {
  const t0 = performance.now();
  const rand = prng(7);
  // A bulk load: the indexes are built once at the end, as a restore would.
  const indexes = await dropIndexes(db);
  await db.exec(`CREATE TABLE bench_base (idx integer PRIMARY KEY, format text, text text, record jsonb,
    body tsvector, body_start integer, body_end integer)`);
  for (const b of all) {
    await db.query("INSERT INTO bench_base VALUES ($1, $2, $3, $4::jsonb, $5::tsvector, $6, $7)", [
      b.idx,
      b.format,
      b.text,
      JSON.stringify(b.record),
      b.body,
      ...b.region,
    ]);
  }
  const unitIds: number[] = [];
  for (let u = 1; u <= UNITS; u++) {
    const [row] = await db.query<{ id: number }>(
      "INSERT INTO units (code, name) VALUES ($1, $2) RETURNING id",
      [`bench-${u}`, `Đơn vị ${u}`],
    );
    unitIds.push(row!.id);
  }
  const issuers = [...new Set(all.map((b) => b.record.issuer).filter((i): i is string => !!i))];
  const symbols: string[] = [];
  for (let start = 0; start < n; start += BATCH) {
    const size = Math.min(BATCH, n - start);
    const cols = {
      sha: [] as string[],
      base: [] as number[],
      unit: [] as Array<number | null>,
      pub: [] as boolean[],
      number: [] as string[],
      symbol: [] as string[],
      issuer: [] as Array<string | null>,
      date: [] as string[],
    };
    for (let k = 0; k < size; k++) {
      const i = start + k;
      const b = all[i % all.length]!;
      const number = 1 + Math.floor(rand() * 9000);
      const symbol = renumber(b.record.symbol, number);
      const privateTo = rand() < 0.1 ? unitIds[Math.floor(rand() * UNITS)]! : null;
      const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(rand() * 16 * 365) * 86_400_000);
      cols.sha.push(randomBytes(32).toString("hex"));
      cols.base.push(b.idx);
      cols.unit.push(privateTo);
      cols.pub.push(privateTo === null);
      cols.number.push(String(number));
      cols.symbol.push(symbol);
      cols.issuer.push(rand() < 0.7 ? b.record.issuer : issuers[Math.floor(rand() * issuers.length)]!);
      cols.date.push(day.toISOString().slice(0, 10));
      if (i % 97 === 0) symbols.push(symbol);
    }
    await db.transaction(async (tx) => {
      const files = await tx.query<{ id: number; ord: number }>(
        `WITH u AS (SELECT * FROM unnest($1::text[], $2::integer[], $3::integer[], $4::boolean[])
                      WITH ORDINALITY AS u (sha, base, unit, pub, ord)),
         ins AS (
           INSERT INTO files (sha256, name, size, media_type, bytes, format, text, status, parser_version,
             unit_id, public)
           SELECT u.sha, 'bench-' || u.ord || '.' || b.format, length(b.text), 'text/plain', '\\x'::bytea,
             b.format, b.text, 'parsed', $5, u.unit, u.pub
           FROM u JOIN bench_base b ON b.idx = u.base RETURNING id, sha256)
         SELECT ins.id, u.ord::integer AS ord FROM ins JOIN u ON u.sha = ins.sha256`,
        [cols.sha, cols.base, cols.unit, cols.pub, parserVersion],
      );
      const fileIds = new Array<number>(size);
      for (const f of files) fileIds[f.ord - 1] = f.id;
      await tx.query(
        `INSERT INTO file_access (file_id, unit_id)
         SELECT f, u FROM unnest($1::integer[], $2::integer[]) AS x (f, u) WHERE u IS NOT NULL`,
        [fileIds, cols.unit],
      );
      await tx.query(
        `INSERT INTO documents (file_id, record_id, position, attached_to, system, type, number, symbol, issuer,
           parent_issuer, place, date, subject, record, parsed, parser_version, search, body_start, body_end)
         SELECT x.file_id, b.record->>'id', 0, NULL, b.record->>'system', b.record->>'type', x.number, x.symbol,
           x.issuer, b.record->>'parent_issuer', b.record->>'place', x.date, b.record->>'subject', r.record,
           r.record, $7, b.body, b.body_start, b.body_end
         FROM unnest($1::integer[], $2::integer[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS x (file_id, base, number, symbol, issuer, date)
         JOIN bench_base b ON b.idx = x.base
         CROSS JOIN LATERAL (SELECT b.record || jsonb_build_object('attached_to', NULL, 'number', x.number,
           'symbol', x.symbol, 'issuer', x.issuer, 'date', x.date) AS record) r
`,
        [fileIds, cols.base, cols.number, cols.symbol, cols.issuer, cols.date, parserVersion],
      );
    });
    if ((start / BATCH) % 10 === 9) process.stderr.write(`  ${start + size} documents built\n`);
  }
  for (const def of indexes) await db.exec(def);
  await db.exec("DROP TABLE bench_base");
  // PGlite has no autovacuum: the visibility map and statistics a server would have by now.
  for (const table of ["files", "documents", "file_access"]) await db.exec(`VACUUM ANALYZE ${table}`);
  const types = [...new Set(all.map((b) => b.record.type).filter((t): t is string => !!t))];
  return { docs: n, ms: performance.now() - t0, symbols, issuers, types };
}

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
  const config = loadConfig();
  let store: StoreConfig;
  let dir: string | undefined;
  const schema = `chidao_bench_${randomBytes(6).toString("hex")}`;
  if (backend === "pglite") {
    dir = await mkdtemp(join(tmpdir(), "chidao-bench-search-"));
    store = { backend, dataDir: dir };
  } else {
    const url = config.store.backend === "postgres" ? config.store.url : config.test.databaseUrl;
    store = { backend, url, schema };
  }
  const db = await openDb(store);
  try {
    const built = await build(db, all, n);
    const [unit] = await db.query<{ id: number }>("SELECT id FROM units WHERE code = 'bench-1'");
    const timed = await timeQueries(db, queries(all, built, options.queries), unit!.id);
    return report(backend, built, timed);
  } finally {
    if (options.keep) console.log(`  kept: ${backend === "postgres" ? `schema ${schema}` : dir}`);
    else if (backend === "postgres") await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.close();
    if (dir && !options.keep) await rm(dir, { recursive: true, force: true });
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
