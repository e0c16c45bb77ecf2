/** `chidao import PATH... [--data DIR] [--workers N] [--json]`: files and folders into the store. */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { type Config, loadConfig, type StoreConfig } from "../config.js";
import { type FileOutcome, importPaths } from "../import/run.js";
import { openDb } from "../store/db.js";

/** The usage line of the command. */
export const importUsage =
  "chidao import PATH... [--data DIR] [--workers N] [--json]   store documents (files and folders, recursive)";

/** Where to store: `--data DIR` means the embedded database there; otherwise the configuration. */
export function storeFor(config: Config, dataDir: string | undefined): StoreConfig {
  return dataDir ? { backend: "pglite", dataDir } : config.store;
}

function describe(store: StoreConfig): string {
  return store.backend === "pglite"
    ? `embedded database in ${store.dataDir}`
    : `PostgreSQL server${store.schema ? ` (schema ${store.schema})` : ""}`;
}

/** Runs `chidao import` with its arguments; returns the exit code (1 when any file failed, 2 on bad usage). */
export async function importCommand(
  args: string[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  let values: { data?: string; workers?: string; json?: boolean };
  let positionals: string[];
  let config: Config;
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        data: { type: "string" },
        workers: { type: "string" },
        json: { type: "boolean", default: false },
      },
      allowPositionals: true,
    }));
    config = loadConfig();
  } catch (error) {
    err.write(`chidao import: ${(error as Error).message}\n\nUsage:\n  ${importUsage}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    err.write(`chidao import: give one or more files or folders\n\nUsage:\n  ${importUsage}\n`);
    return 2;
  }
  const workers = values.workers !== undefined ? Number(values.workers) : config.workers;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
    err.write("chidao import: --workers takes a whole number (0 parses on the main thread)\n");
    return 2;
  }
  const store = storeFor(config, values.data);
  const db = await openDb(store);
  const json = values.json ?? false;
  // A bar only where someone watches it; --json keeps stdout to one line per file.
  const bar =
    !json && err.isTTY
      ? new cliProgress.SingleBar(
          {
            format: " {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {failed} failed",
            stream: err,
            etaBuffer: 50,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const started = Date.now();
  const rate = (done: number) => (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
  try {
    if (!json) out.write(`Importing into the ${describe(store)}\n`);
    const summary = await importPaths(db, positionals, {
      workers: workers ?? Math.max(1, availableParallelism() - 1),
      onFile: json ? (o) => out.write(`${JSON.stringify(o)}\n`) : undefined,
      onProgress: (p) => {
        if (!bar) return;
        if (p.done === 0) bar.start(p.total, 0, { rate: "0.0", failed: 0 });
        else bar.update(p.done, { rate: rate(p.done), failed: p.failed });
      },
    });
    bar?.stop();
    if (!json) out.write(report(summary.outcomes, summary.failed, (Date.now() - started) / 1000));
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await db.close();
  }
}

function report(outcomes: FileOutcome[], failed: FileOutcome[], seconds: number): string {
  const count = (s: FileOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  const documents = outcomes.reduce((n, o) => n + o.documents, 0);
  const lines = [
    `${outcomes.length} files in ${seconds.toFixed(1)} s: ${count("imported")} imported (${documents} documents), ` +
      `${count("reparsed")} re-read, ${count("unchanged")} already stored, ${failed.length} failed`,
  ];
  if (failed.length > 0)
    lines.push("", "Failed:", ...failed.map((f) => `  ${f.path}: ${f.code} — ${f.reason}`));
  return `${lines.join("\n")}\n`;
}
