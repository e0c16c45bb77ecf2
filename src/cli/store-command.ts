/**
 * What the commands that work on the store share: their streams, parsing their arguments, opening
 * the store (`--data DIR`, else the configuration), and turning failures into exit codes — 2 with
 * the usage for a wrong command line, 1 with one clear line for anything else, never a stack trace.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { ZodError } from "zod";
import { type Config, ConfigError, loadConfig, type StoreConfig } from "../config.js";
import type { Progress } from "../import/run.js";
import type { Viewer } from "../store/access.js";
import { type Db, openDb } from "../store/db.js";

/** Where a command reads and writes; tests give their own streams. */
/** The command line reads everything: whoever runs it holds the database. */
export const cliViewer: Viewer = { userId: 0, login: "cli", name: "cli", role: "admin", unitId: null };

export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
  /** Read by `user add` and `user password` for a password piped in. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** The process's own streams, with any given ones in their place. */
export function ioOf(io: Partial<Io> = {}): Io {
  return { out: io.out ?? process.stdout, err: io.err ?? process.stderr, stdin: io.stdin ?? process.stdin };
}

/** A wrong command line: exit 2 with the usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A failure to report in one line: exit 1. */
export class CommandError extends Error {
  override name = "CommandError";
}

/** The options node:util parseArgs takes: strings and booleans, never repeated. */
type Options = Record<string, { type: "string" | "boolean" }>;

/** The values parsed for `O`: a string option is a string, a boolean one a boolean. */
export type Values<O extends Options> = {
  [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean;
};

/** Parses a command's arguments; an unknown option or a missing value is a UsageError. */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
): { values: Values<O>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Values<O>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Exactly `names.length` positional arguments, else a UsageError naming what is missing or extra. */
export function expectPositionals(positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length)
    throw new UsageError(`missing ${names.slice(positionals.length).join(" ")}`);
  if (positionals.length > names.length)
    throw new UsageError(`unexpected argument "${positionals[names.length]}"`);
  return positionals;
}

/** Where to store: `--data DIR` means the embedded database there; otherwise the configuration. */
export function storeFor(config: Config, dataDir: string | undefined): StoreConfig {
  return dataDir ? { backend: "pglite", dataDir } : config.store;
}

/** The settings from the environment; an invalid one is a UsageError naming the variable. */
export function configOf(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The store the command works on: `--data DIR`, else CHIDAO_DATA or DATABASE_URL. */
export function storeOf(dataDir: string | undefined): StoreConfig {
  return storeFor(configOf(), dataDir);
}

/** Opens the store, runs `fn` on it and closes it, whatever happens. */
export async function withStore<T>(dataDir: string | undefined, fn: (db: Db) => Promise<T>): Promise<T> {
  const store = storeOf(dataDir);
  let db: Db;
  try {
    db = await openDb(store);
  } catch (error) {
    const where =
      store.backend === "pglite" ? `the embedded database in ${store.dataDir}` : "the PostgreSQL server";
    throw new CommandError(`cannot open ${where}: ${reason(error)}`);
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The one line that says why, for an error of any kind (a unique violation, a refused connection). */
function reason(error: unknown): string {
  if (error instanceof ZodError)
    return error.issues
      .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("; ");
  if (error instanceof AggregateError && error.errors.length > 0) return reason(error.errors[0]);
  const e = error as { code?: unknown; detail?: unknown; message?: unknown };
  // PostgreSQL's unique_violation, from both backends: the detail names the key ("(login)=(an)").
  if (e.code === "23505") {
    const key = typeof e.detail === "string" ? /Key \((.+?)\)=\((.*)\) already exists/.exec(e.detail) : null;
    return key ? `${key[1]} "${key[2]}" already exists` : "already exists";
  }
  if (typeof e.message === "string" && e.message.length > 0) return e.message;
  if (typeof e.code === "string") return e.code;
  return String(error);
}

/**
 * Runs a command's body and turns what it throws into an exit code: a UsageError or an invalid
 * input (zod) exits 2 with the usage, anything else 1 with the reason; the body's own code otherwise.
 */
export async function runCommand(
  name: string,
  usage: string,
  io: Io,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ZodError) {
      io.err.write(`chidao ${name}: ${reason(error)}\n\nUsage:\n${usage}`);
      return 2;
    }
    io.err.write(`chidao ${name}: ${reason(error)}\n`);
    return 1;
  }
}

/** Left-aligned columns with a header, for a listing. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

/** A progress bar on `stream` for a long run over files; silent where nobody watches (not a TTY, --json). */
export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  show: boolean,
): { update: (p: Progress) => void; stop: () => void } {
  if (!show || !stream.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: " {bar} {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {failed} failed",
      stream,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update(p) {
      const rate = (p.done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
      if (!running) {
        bar.start(p.total, p.done, { rate, failed: p.failed });
        running = true;
      } else bar.update(p.done, { rate, failed: p.failed });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
