/**
 * `chidao import PATH... [--data DIR] [--workers N] [--unit CODE [--private]] [--json]`: files and
 * folders into the store, as published documents or as a unit's own.
 */
import { availableParallelism } from "node:os";
import type { StoreConfig } from "../config.js";
import { type FileOutcome, importPaths } from "../import/run.js";
import type { Ownership } from "../store/files.js";
import {
  CommandError,
  configOf,
  type Io,
  ioOf,
  parseCommandArgs,
  progressBar,
  runCommand,
  storeOf,
  UsageError,
  withStore,
} from "./store-command.js";
import { unitIdByCode } from "./user.js";

export { storeFor } from "./store-command.js";

/** The usage line of the command. */
export const importUsage =
  "chidao import PATH... [--data DIR] [--workers N] [--unit CODE [--private]] [--json]\n" +
  "      store documents (files and folders, recursive); --unit: the unit's own, --private: readable by\n" +
  "      that unit only (otherwise by everyone)";

function describe(store: StoreConfig): string {
  return store.backend === "pglite"
    ? `embedded database in ${store.dataDir}`
    : `PostgreSQL server${store.schema ? ` (schema ${store.schema})` : ""}`;
}

/** Parser threads: --workers, else CHIDAO_WORKERS, else one less than the CPUs (at least one). */
export function workersOf(given: string | undefined, configured: number | undefined): number {
  const workers = given !== undefined ? Number(given) : configured;
  if (workers === undefined) return Math.max(1, availableParallelism() - 1);
  if (!(Number.isInteger(workers) && workers >= 0 && workers <= 256))
    throw new UsageError("--workers takes a whole number up to 256 (0 parses on the main thread)");
  return workers;
}

/** Runs `chidao import` with its arguments; returns the exit code (1 when any file failed, 2 on bad usage). */
export function importCommand(
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Promise<number> {
  const io: Io = ioOf({ out, err });
  return runCommand("import", `  ${importUsage}\n`, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      data: { type: "string" },
      workers: { type: "string" },
      unit: { type: "string" },
      private: { type: "boolean" },
      json: { type: "boolean" },
    });
    if (positionals.length === 0) throw new UsageError("give one or more files or folders");
    if (values.private && values.unit === undefined)
      throw new UsageError("--private needs --unit CODE: the unit that may read the files");
    const store = storeOf(values.data);
    const workers = workersOf(values.workers, configOf().workers);
    const json = values.json ?? false;
    return withStore(values.data, async (db) => {
      const owner: Ownership | undefined =
        values.unit === undefined
          ? undefined
          : { unitId: await unitIdByCode(db, values.unit), public: !values.private, uploadedBy: null };
      // A bar only where someone watches it; --json keeps stdout to one line per file.
      const bar = progressBar(err, !json);
      const started = Date.now();
      try {
        if (!json)
          out.write(
            `Importing into the ${describe(store)}${values.unit ? ` for ${values.unit}${values.private ? " (private)" : ""}` : ""}\n`,
          );
        const summary = await importPaths(db, positionals, {
          workers,
          owner,
          onFile: json ? (o) => out.write(`${JSON.stringify(o)}\n`) : undefined,
          onProgress: bar.update,
        });
        bar.stop();
        if (!json) out.write(report(summary.outcomes, summary.failed, (Date.now() - started) / 1000));
        return summary.failed.length > 0 ? 1 : 0;
      } catch (error) {
        throw new CommandError(`import stopped: ${(error as Error).message}`);
      } finally {
        bar.stop();
      }
    });
  });
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
