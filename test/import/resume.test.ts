/**
 * `chidao import` killed mid-way (SIGKILL, no chance to clean up) and run again ends with every
 * document stored exactly once: nothing lost, nothing doubled. Real processes over the two samples
 * and generated copies of them (each copy different bytes, so a new file), on every backend.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoreConfig } from "../../src/config.js";
import { parseBytes } from "../../src/import/read.js";
import type { FileOutcome } from "../../src/import/run.js";
import { openDb } from "../../src/store/db.js";
import { openTestStore, type TestStore, testBackends } from "../store/backends.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const seeds = ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"];
const copies = 15;
const killAfter = 5;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  outcomes: FileOutcome[];
  stderr: string;
}

/** Runs `chidao import DIR --json` from source; with `killAt`, SIGKILLs it once that many files are stored. */
function runImport(dir: string, store: StoreConfig, killAt?: number): Promise<Run> {
  const where =
    store.backend === "pglite"
      ? { args: ["--data", store.dataDir], env: {} }
      : { args: [], env: { DATABASE_URL: store.url, CHIDAO_SCHEMA: store.schema ?? "" } };
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "import", dir, "--json", "--workers", "1", ...where.args],
    // The child gets this environment as it is, plus where its store lives.
    { cwd: root, env: { ...process.env, DATABASE_URL: "", CHIDAO_DATA: "", ...where.env } },
  );
  const outcomes: FileOutcome[] = [];
  let stderr = "";
  let buffered = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) outcomes.push(JSON.parse(line) as FileOutcome);
    if (killAt !== undefined && outcomes.length >= killAt) child.kill("SIGKILL");
  });
  return new Promise((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, outcomes, stderr })),
  );
}

describe.each(testBackends)("import killed and run again [%s]", (backend) => {
  let dir: string;
  let expected: Map<string, number>;
  let server: TestStore | undefined;
  let store: StoreConfig;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "chidao-resume-"));
    expected = new Map();
    for (const seed of seeds) {
      const bytes = await readFile(join(root, "samples", seed));
      const reading = await parseBytes(bytes, seed);
      if (!reading.ok) throw new Error(`${seed} must parse`);
      // Trailing blank lines: new bytes (a new sha256), the same records.
      for (let i = 0; i <= copies; i++) {
        const name = i === 0 ? seed : `${seed.replace(/\.txt$/, "")}-copy-${String(i).padStart(3, "0")}.txt`;
        await writeFile(join(dir, name), Buffer.concat([bytes, Buffer.from("\n".repeat(i))]));
        expected.set(name, reading.documents.length);
      }
    }
    if (backend === "postgres") {
      server = await openTestStore("postgres");
      store = server.store;
    } else {
      store = { backend: "pglite", dataDir: join(await mkdtemp(join(tmpdir(), "chidao-resume-db-")), "db") };
    }
  }, 60_000);

  afterAll(async () => {
    await server?.drop();
  });

  it("stores every document exactly once", async () => {
    const total = expected.size;
    const first = await runImport(dir, store, killAfter);
    expect(first.signal, `the first run must be killed mid-way; stderr: ${first.stderr}`).toBe("SIGKILL");
    expect(first.outcomes.length).toBeLessThan(total);

    const second = await runImport(dir, store);
    expect(second.code, second.stderr).toBe(0);
    expect(second.outcomes.length).toBe(total);
    const status = (s: string) => second.outcomes.filter((o) => o.status === s).length;
    expect(status("unchanged")).toBeGreaterThanOrEqual(killAfter);
    expect(status("imported") + status("unchanged")).toBe(total);

    const db = server?.db ?? (await openDb(store));
    try {
      const rows = await db.query<{ name: string; documents: number; imports: number }>(
        `SELECT f.name,
           (SELECT count(*)::int FROM documents d WHERE d.file_id = f.id) AS documents,
           (SELECT count(*)::int FROM audit_log a
             WHERE a.entity = 'file' AND a.entity_id = f.id::text AND a.action = 'file.imported') AS imports
         FROM files f ORDER BY f.name`,
      );
      expect(new Map(rows.map((r) => [r.name, r.documents]))).toEqual(expected);
      expect(rows.filter((r) => r.imports !== 1)).toEqual([]);
      const [docs] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM documents");
      expect(docs?.n).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    } finally {
      if (!server) await db.close();
    }
  }, 120_000);
});
