/**
 * Import benchmark (`npm run bench:import`): documents through the real import path — `importPaths`
 * with its parser threads, as `chidao import` runs it — into the embedded PGlite (a temporary
 * folder) and into PostgreSQL (a fresh schema, dropped afterwards).
 *
 * The inputs are made from the corpus texts (txt/md/html of ../shared/corpus/docs, and samples/):
 * N files taken round-robin from them, each copy varied so that its sha256 is new — its document
 * number changed ("Số: 677" → "Số: 6771"), or, where the text has none or is not UTF-8, a trailing
 * comment or line ends — and checked (once per source) to read into as many records as the source.
 * They are written to a temporary folder first, not timed.
 *
 * Each backend runs in its own process, so that its peak RSS (process.resourceUsage().maxRSS: the
 * parser threads live in the same process, so it includes them) is its own. Prints files/s and
 * documents/s, wall time, peak RSS and the store's size; then where the time goes, on a sample of
 * the same mix: parsing alone on the same threads, and storing alone (pre-parsed readings, one file
 * at a time) with the time of each SQL statement.
 *
 *   npm run bench:import -- [--files N] [--backend pglite|postgres|both] [--workers N] [--sample N]
 *
 * PostgreSQL is the test server (CHIDAO_TEST_DATABASE_URL, postgres://postgres@127.0.0.1:5432/test).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type Backend, loadConfig, type StoreConfig } from "../src/config.js";
import { ParsePool } from "../src/import/pool.js";
import { parseBytes } from "../src/import/read.js";
import { importPaths } from "../src/import/run.js";
import { type Db, openDb } from "../src/store/db.js";
import { sha256 } from "../src/store/files.js";
import { type Reading, storeReading } from "../src/store/ingest.js";
import { timed } from "./timed-db.js";

/** The aims (issue): documents per second on each backend. */
const AIM: Record<Backend, number> = { pglite: 200, postgres: 500 };

const root = fileURLToPath(new URL("../", import.meta.url));
const corpusDir = join(root, "..", "shared", "corpus", "docs");
const samplesDir = join(root, "samples");
const TEXT = /\.(txt|md|markdown|html?)$/i;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mb = (bytes: number) => bytes / 1e6;

interface Settings {
  files: number;
  backends: Backend[];
  workers: number;
  sample: number;
}

function settings(): Settings & { child?: { backend: Backend; dir: string } } {
  const { values } = parseArgs({
    options: {
      files: { type: "string", default: "10000" },
      backend: { type: "string", default: "both" },
      workers: { type: "string" },
      sample: { type: "string" },
      child: { type: "string" },
      dir: { type: "string" },
    },
  });
  const files = Number(values.files);
  const workers =
    values.workers === undefined ? Math.max(1, availableParallelism() - 1) : Number(values.workers);
  const sample = values.sample === undefined ? Math.min(1000, files) : Number(values.sample);
  const backend = values.backend;
  if (!Number.isInteger(files) || files < 1) throw new Error("--files takes a whole number ≥ 1");
  if (!Number.isInteger(workers) || workers < 0) throw new Error("--workers takes a whole number ≥ 0");
  if (!Number.isInteger(sample) || sample < 0) throw new Error("--sample takes a whole number ≥ 0");
  if (backend !== "pglite" && backend !== "postgres" && backend !== "both")
    throw new Error("--backend takes pglite, postgres or both");
  const backends: Backend[] = backend === "both" ? ["pglite", "postgres"] : [backend];
  const child =
    values.child && values.dir ? { backend: values.child as Backend, dir: values.dir } : undefined;
  return { files, backends, workers, sample: Math.min(sample, files), child };
}

// ---------------------------------------------------------------------------------------------
// The inputs: varied copies of the corpus texts.

interface Source {
  path: string;
  bytes: Uint8Array;
  records: number;
  /** Copy k of the source (k ≥ 1), different bytes for every k. */
  vary: (k: number) => Uint8Array;
  how: "number" | "trailer";
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const numberLine = /(Số\s*:?\s*)(\d+)/u;

function byNumber(bytes: Uint8Array): ((k: number) => Uint8Array) | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null; // a legacy encoding: its bytes are not touched
  }
  if (!numberLine.test(text)) return null;
  return (k) => Buffer.from(text.replace(numberLine, (_m, head: string, n: string) => `${head}${n}${k}`));
}

// ASCII only, so it is the same in every encoding the reader accepts: a comment in HTML, line ends elsewhere.
function byTrailer(path: string, bytes: Uint8Array): (k: number) => Uint8Array {
  return /\.html?$/i.test(path)
    ? (k) => Buffer.concat([bytes, Buffer.from(`\n<!-- copy ${k} -->\n`)])
    : (k) => Buffer.concat([bytes, Buffer.from("\n".repeat(k))]);
}

async function records(bytes: Uint8Array, name: string): Promise<number> {
  const reading = await parseBytes(bytes, name);
  return reading.ok ? reading.documents.length : 0;
}

async function sources(): Promise<{ list: Source[]; skipped: string[]; from: string }> {
  const dirs = existsSync(corpusDir) ? [corpusDir, samplesDir] : [samplesDir];
  const list: Source[] = [];
  const skipped: string[] = [];
  for (const dir of dirs)
    for (const name of (await readdir(dir)).filter((n) => TEXT.test(n)).sort()) {
      const path = join(dir, name);
      const bytes = new Uint8Array(await readFile(path));
      const count = await records(bytes, name);
      if (count === 0) {
        skipped.push(`${name}: no records`);
        continue;
      }
      // Keep the variation that reads into as many records as the source (checked on a copy).
      const number = byNumber(bytes);
      if (number && (await records(number(1), name)) === count) {
        list.push({ path, bytes, records: count, vary: number, how: "number" });
        continue;
      }
      const trailer = byTrailer(path, bytes);
      if ((await records(trailer(1), name)) === count)
        list.push({ path, bytes, records: count, vary: trailer, how: "trailer" });
      else skipped.push(`${name}: its copies read differently`);
    }
  return { list, skipped, from: dirs.join(" + ") };
}

/** Writes `n` copies round-robin over the sources; returns the expected record count and bytes. */
async function writeVariants(
  list: Source[],
  n: number,
  dir: string,
): Promise<{ records: number; bytes: number }> {
  let recordsTotal = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const source = list[i % list.length]!;
    const copy = source.vary(Math.floor(i / list.length) + 1);
    // Numbered names keep the round-robin order in the import's sorted walk.
    await writeFile(join(dir, `${String(i).padStart(6, "0")}-${basename(source.path)}`), copy);
    recordsTotal += source.records;
    bytes += copy.byteLength;
  }
  return { records: recordsTotal, bytes };
}

// ---------------------------------------------------------------------------------------------
// One backend, in a child process.

interface Result {
  backend: Backend;
  /** The machine's 1-minute load average before and after the import: others' work shares the CPUs. */
  load: [number, number];
  files: number;
  documents: number;
  storedDocuments: number;
  failed: string[];
  wallS: number;
  rssMb: number;
  storeMb: number;
  split?: {
    files: number;
    documents: number;
    parseS: number;
    storeS: number;
    statements: Array<{ sql: string; ms: number; calls: number }>;
  };
}

/** A store of the backend, fresh, and how to remove it. */
async function freshStore(
  backend: Backend,
): Promise<{ db: Db; size: () => Promise<number>; drop: () => Promise<void> }> {
  if (backend === "pglite") {
    const parent = await mkdtemp(join(tmpdir(), "chidao-bench-db-"));
    const dataDir = join(parent, "data");
    const db = await openDb({ backend, dataDir });
    return {
      db,
      size: () => folderSize(dataDir),
      drop: async () => {
        await db.close().catch(() => undefined);
        await rm(parent, { recursive: true, force: true });
      },
    };
  }
  const schema = `chidao_bench_${randomBytes(6).toString("hex")}`;
  const store: StoreConfig = { backend, url: loadConfig().test.databaseUrl, schema };
  const db = await openDb(store);
  return {
    db,
    size: async () => {
      const [row] = await db.query<{ n: string }>(
        `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::text AS n FROM pg_class c
         JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'`,
        [schema],
      );
      return Number(row?.n ?? 0);
    },
    drop: async () => {
      await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(path) : (await stat(path)).size;
  }
  return total;
}

async function runBackend(backend: Backend, dir: string, s: Settings): Promise<Result> {
  const names = (await readdir(dir)).sort();
  const store = await freshStore(backend);
  let result: Result;
  try {
    gc();
    const loadBefore = loadavg()[0]!;
    const started = performance.now();
    let shown = 0;
    const summary = await importPaths(store.db, [dir], {
      workers: s.workers,
      onProgress: (p) => {
        // A line every tenth, on stderr: a long run shows it is alive.
        if (p.total > 0 && p.done >= ((shown + 1) * p.total) / 10) {
          shown = Math.floor((p.done * 10) / p.total);
          const elapsed = (performance.now() - started) / 1000;
          process.stderr.write(
            `  [${backend}] ${p.done}/${p.total} files, ${fmt(elapsed)} s, ${fmt(p.done / elapsed)} files/s\n`,
          );
        }
      },
    });
    const wallS = (performance.now() - started) / 1000;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const [stored] = await store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents");
    result = {
      backend,
      load: [loadBefore, loadavg()[0]!],
      files: summary.outcomes.length,
      documents: summary.outcomes.reduce((n, o) => n + o.documents, 0),
      storedDocuments: stored?.n ?? 0,
      failed: summary.failed.map((f) => `${f.path}: ${f.code} — ${f.reason}`),
      wallS,
      rssMb,
      storeMb: mb(await store.size()),
    };
  } finally {
    await store.drop();
  }
  if (s.sample > 0)
    result.split = await split(
      backend,
      names.slice(0, s.sample).map((n) => join(dir, n)),
      s,
    );
  return result;
}

/** Parsing alone on the import's threads, then storing alone the readings it made, into a fresh store. */
async function split(backend: Backend, paths: string[], s: Settings): Promise<NonNullable<Result["split"]>> {
  const inputs = await Promise.all(
    paths.map(async (path) => ({ path, bytes: new Uint8Array(await readFile(path)) })),
  );
  const pool = new ParsePool(s.workers);
  gc();
  const t0 = performance.now();
  let readings: Reading[];
  try {
    readings = await Promise.all(inputs.map((i) => pool.read(i.bytes, basename(i.path))));
  } finally {
    await pool.close();
  }
  const parseS = (performance.now() - t0) / 1000;

  const store = await freshStore(backend);
  const statements = new Map<string, { ms: number; calls: number }>();
  const db = timed(store.db, statements);
  gc();
  const t1 = performance.now();
  try {
    for (const [i, input] of inputs.entries()) {
      const file = { name: basename(input.path), bytes: input.bytes, sha256: sha256(input.bytes) };
      await storeReading(db, file, readings[i]!, { actor: "bench" });
    }
  } finally {
    await store.drop();
  }
  const storeS = (performance.now() - t1) / 1000;
  return {
    files: inputs.length,
    documents: readings.reduce((n, r) => n + (r.ok ? r.documents.length : 0), 0),
    parseS,
    storeS,
    statements: [...statements].map(([sql, v]) => ({ sql, ...v })).sort((a, b) => b.ms - a.ms),
  };
}

function child(dir: string, backend: Backend, s: Settings): Promise<Result> {
  const args = [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    ...["--child", backend, "--dir", dir, "--workers", String(s.workers), "--sample", String(s.sample)],
  ];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on("close", (code) => {
      const last = out.trimEnd().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as Result);
      else reject(new Error(`the ${backend} run exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------

function report(results: Result[], s: Settings): void {
  console.log(
    "\nbackend     files  documents  failed   wall s  files/s   docs/s  peak RSS  store size  load   aim (docs/s)",
  );
  for (const r of results) {
    const docsPerS = r.documents / r.wallS;
    console.log(
      `${r.backend.padEnd(9)} ${String(r.files).padStart(7)} ${String(r.documents).padStart(10)} ${String(r.failed.length).padStart(7)} ` +
        `${fmt(r.wallS).padStart(8)} ${fmt(r.files / r.wallS).padStart(8)} ${fmt(docsPerS).padStart(8)} ` +
        `${fmt(r.rssMb, 0).padStart(6)} MB ${fmt(r.storeMb, 0).padStart(8)} MB  ${r.load.map((l) => fmt(l)).join("→")}  ≥ ${AIM[r.backend]}: ${docsPerS >= AIM[r.backend] ? "ok" : "MISSED"}`,
    );
    if (r.storedDocuments !== r.documents)
      console.log(`  ! ${r.storedDocuments} documents in the store, ${r.documents} reported`);
    for (const f of r.failed.slice(0, 10)) console.log(`  ! ${f}`);
  }
  const splits = results.filter((r) => r.split);
  if (splits.length === 0) return;
  const first = splits[0]!.split!;
  console.log(
    `\nWhere the time goes (the first ${first.files} files of the same mix, ${first.documents} documents):`,
  );
  for (const r of splits) {
    const sp = r.split!;
    console.log(
      `  ${r.backend}: parse only (${s.workers} parser thread(s)) ${fmt(sp.files / sp.parseS)} files/s; ` +
        `store only (pre-parsed, one file at a time) ${fmt(sp.files / sp.storeS)} files/s, ${fmt((sp.storeS * 1000) / sp.files)} ms/file`,
    );
    const total = sp.statements.reduce((n, x) => n + x.ms, 0);
    for (const x of sp.statements.slice(0, 8))
      console.log(
        `      ${fmt(x.ms / sp.files, 2).padStart(6)} ms/file ${fmt((100 * x.ms) / total, 0).padStart(3)}%  ${x.sql} (${x.calls})`,
      );
  }
}

async function main(): Promise<void> {
  const s = settings();
  if (s.child) {
    const result = await runBackend(s.child.backend, s.child.dir, s);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const cpus = availableParallelism();
  console.log(
    `chidao import benchmark — node ${process.version}, ${cpus} CPUs, ${s.workers} parser thread(s), ${s.files} files`,
  );
  const t0 = performance.now();
  const { list, skipped, from } = await sources();
  if (list.length === 0) throw new Error(`no source reads into records in ${from}`);
  const byNumberCount = list.filter((x) => x.how === "number").length;
  console.log(
    `sources: ${list.length} text documents (${fmt(mb(list.reduce((n, x) => n + x.bytes.byteLength, 0)), 2)} MB) from ${from}; ` +
      `copies varied by their number (${byNumberCount}) or a trailer (${list.length - byNumberCount})`,
  );
  for (const x of skipped) console.log(`  skipped ${x}`);
  const parent = await mkdtemp(join(tmpdir(), "chidao-bench-"));
  const dir = join(parent, "files");
  await mkdir(dir);
  try {
    const written = await writeVariants(list, s.files, dir);
    console.log(
      `inputs: ${s.files} files, ${fmt(mb(written.bytes))} MB, ${written.records} documents expected, written to ${dir} ` +
        `in ${fmt((performance.now() - t0) / 1000)} s (not timed)`,
    );
    const results: Result[] = [];
    for (const backend of s.backends) {
      console.log(`\n${backend}: importing…`);
      results.push(await child(dir, backend, s));
    }
    report(results, s);
    console.log(
      "\npeak RSS: the import's process, parser threads included (they share it); PostgreSQL's own server\n" +
        "processes are not counted. store size: the data folder (PGlite) or the schema's tables (PostgreSQL).\n" +
        `load: the 1-minute load average before → after the import, on ${availableParallelism()} CPUs.`,
    );
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
}

await main();
