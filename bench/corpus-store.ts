/**
 * The documents the store benchmarks stand on: the seeds and the corpus parsed once (`bases`), then N
 * documents built from them in bulk (`build`) — one file per document carrying a parsed text, the
 * record with another number (so symbols vary), date and issuer, one file in ten private to a unit,
 * the body's search words as the write path computes them. Used by bench:search and bench:link.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Backend, loadConfig, type StoreConfig } from "../src/config.js";
import { parseBytes } from "../src/import/read.js";
import type { DocumentRecord } from "../src/parse/record.js";
import { type Db, openDb } from "../src/store/db.js";
import { parserVersion } from "../src/store/package-root.js";
import { bodyRegions, bodyVector } from "../src/store/search-columns.js";

const BATCH = 1000;
const UNITS = 5;

const root = fileURLToPath(new URL("../", import.meta.url));
const corpusDir = join(root, "..", "shared", "corpus", "docs");

export interface Base {
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
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function bases(): Promise<{ bases: Base[]; source: string }> {
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
export function renumber(symbol: string | null, n: number): string {
  if (!symbol) return `${n}/UBND`;
  return /\d+/.test(symbol) ? symbol.replace(/\d+/, String(n)) : `${n}${symbol}`;
}

export interface Built {
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

export async function build(db: Db, all: Base[], n: number): Promise<Built> {
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
      "INSERT INTO units (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id",
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

/**
 * A store for one benchmark run: PGlite in a temporary folder, or PostgreSQL (DATABASE_URL, else
 * CHIDAO_TEST_DATABASE_URL) in a fresh schema; `close` removes it unless asked to keep it.
 */
export async function openBenchStore(
  backend: Backend,
  name: string,
): Promise<{ db: Db; close: (keep?: boolean) => Promise<void> }> {
  const config = loadConfig();
  let store: StoreConfig;
  let dir: string | undefined;
  const schema = `chidao_bench_${randomBytes(6).toString("hex")}`;
  if (backend === "pglite") {
    dir = await mkdtemp(join(tmpdir(), `chidao-bench-${name}-`));
    store = { backend, dataDir: dir };
  } else {
    const url = config.store.backend === "postgres" ? config.store.url : config.test.databaseUrl;
    store = { backend, url, schema };
  }
  const db = await openDb(store);
  return {
    db,
    async close(keep = false) {
      if (keep) console.log(`  kept: ${backend === "postgres" ? `schema ${schema}` : dir}`);
      else if (backend === "postgres") await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
      if (dir && !keep) await rm(dir, { recursive: true, force: true });
    },
  };
}
