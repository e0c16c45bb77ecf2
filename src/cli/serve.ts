/**
 * `chidao serve` runs the web app on a store; `chidao start` (what `npm start` runs) first stores
 * the sample documents as published documents, then serves. The first run creates the
 * administrator and prints its password once. Both stop cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { type Config, loadConfig } from "../config.js";
import { importPaths } from "../import/run.js";
import { createMailer } from "../notify/mail.js";
import { createApp } from "../server/app.js";
import { dailyJobs, type Scheduler, startScheduler } from "../server/scheduler.js";
import { startServer } from "../server/serve.js";
import { ensureAdmin } from "../store/accounts.js";
import { type Db, openDb } from "../store/db.js";
import { storeFor } from "./import.js";
import { samplesDir } from "./samples.js";

/** The usage line of `chidao serve`. */
export const serveUsage =
  "chidao serve [--port N] [--host ADDR] [--data DIR] [--secure-cookies] [--trust-proxy] [--no-scheduler]   run the web app";

/** The usage line of `chidao start`. */
export const startUsage =
  "chidao start [--port N] [--host ADDR] [--data DIR] [--no-scheduler]   store the samples, then run the web app";

/** Where the command writes, and (for tests and embedding) how to learn the URL and to stop it. */
export interface ServeIo {
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
  /** Stops the server when aborted (besides SIGINT and SIGTERM). */
  signal?: AbortSignal;
  /** Called once the server listens. */
  onListening?: (url: string) => void;
}

interface Settings {
  port: number;
  host: string;
  data: string | undefined;
  secureCookies: boolean;
  trustProxy: boolean;
  /** Run the reminders scheduler (CHIDAO_SCHEDULER=off or --no-scheduler: not). */
  scheduler: boolean;
}

function settingsOf(args: string[], config: Config): Settings {
  const { values, positionals } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      data: { type: "string" },
      "secure-cookies": { type: "boolean", default: false },
      "trust-proxy": { type: "boolean", default: false },
      "no-scheduler": { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  const port = values.port === undefined ? config.server.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port takes a port number 0–65535, not "${values.port}"`);
  return {
    port,
    host: values.host ?? config.server.host,
    data: values.data,
    secureCookies: values["secure-cookies"] ?? false,
    trustProxy: values["trust-proxy"] ?? false,
    scheduler: config.scheduler.enabled && !values["no-scheduler"],
  };
}

async function storeSamples(db: Db, out: NodeJS.WritableStream): Promise<void> {
  const dir = samplesDir();
  const { outcomes, failed } = await importPaths(db, [dir], { workers: 0, actor: "chidao start" });
  const stored = outcomes.filter((o) => o.status === "imported" || o.status === "reparsed");
  const documents = stored.reduce((n, o) => n + o.documents, 0);
  out.write(
    stored.length > 0
      ? `Sample documents: ${stored.length} file(s) stored, ${documents} document(s) (${dir})\n`
      : `Sample documents: already stored (${dir})\n`,
  );
  for (const f of failed) out.write(`  could not read ${f.path}: ${f.code} — ${f.reason}\n`);
}

function until(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (why: string) => () => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      signal?.removeEventListener("abort", onAbort);
      resolve(why);
    };
    const onInt = stop("SIGINT");
    const onTerm = stop("SIGTERM");
    const onAbort = stop("stop");
    process.once("SIGINT", onInt);
    process.once("SIGTERM", onTerm);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}

async function run(command: "serve" | "start", args: string[], io: ServeIo): Promise<number> {
  const out = io.out ?? process.stdout;
  const err = io.err ?? process.stderr;
  const usage = command === "serve" ? serveUsage : startUsage;
  let settings: Settings;
  let config: Config;
  try {
    config = loadConfig();
    settings = settingsOf(args, config);
  } catch (error) {
    err.write(`chidao ${command}: ${(error as Error).message}\n\nUsage:\n  ${usage}\n`);
    return 2;
  }
  let db: Db;
  try {
    db = await openDb(storeFor(config, settings.data));
  } catch (error) {
    err.write(`chidao ${command}: cannot open the store: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    if (command === "start") await storeSamples(db, out);
    const admin = await ensureAdmin(db);
    const app = createApp({
      db,
      maxUploadBytes: config.server.maxUploadBytes,
      secureCookies: settings.secureCookies,
      trustProxy: settings.trustProxy,
    });
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer(app, { port: settings.port, host: settings.host });
    } catch (error) {
      err.write(
        `chidao ${command}: cannot listen on ${settings.host}:${settings.port}: ${(error as Error).message}\n`,
      );
      return 1;
    }
    const lines = [`chidao is running at ${server.url}`];
    if (admin)
      lines.push(
        "",
        "  An administrator account was created. Its password is shown only this once:",
        `    login:    ${admin.login}`,
        `    password: ${admin.password}`,
        "",
      );
    else lines.push("  Sign in as admin (forgotten password? reset it: chidao user password admin)");
    lines.push("Press Ctrl+C to stop.");
    out.write(`${lines.join("\n")}\n`);
    const scheduler = settings.scheduler ? runScheduler(db, config, err) : null;
    out.write(
      scheduler
        ? `Reminders: every ${config.scheduler.intervalMs / 60_000} min, email ${config.mail.smtp ? `through ${config.mail.smtp.host}` : "to the log (no SMTP configured)"}\n`
        : "Reminders: off (run chidao remind to send them)\n",
    );
    io.onListening?.(server.url);
    const why = await until(io.signal);
    out.write(`Stopping (${why})…\n`);
    await scheduler?.stop();
    await server.close();
    return 0;
  } finally {
    await db.close();
  }
}

/** Starts the reminders scheduler; its failures and logged emails go to `err`. */
function runScheduler(db: Db, config: Config, err: NodeJS.WritableStream): Scheduler {
  const log = (line: string) => err.write(`${line}\n`);
  const mailer = createMailer(config.mail, log);
  const scheduler = startScheduler(db, {
    mailer,
    intervalMs: config.scheduler.intervalMs,
    dailyJobs,
    log,
    onError: (error) => log(`chidao scheduler: tick failed: ${(error as Error).message ?? String(error)}`),
  });
  return {
    runNow: scheduler.runNow,
    async stop() {
      await scheduler.stop();
      mailer.close();
    },
  };
}

/** Runs `chidao serve`; resolves with the exit code once the server has stopped. */
export function serveCommand(args: string[], io: ServeIo = {}): Promise<number> {
  return run("serve", args, io);
}

/** Runs `chidao start`: stores the sample documents (same bytes: no-op), then serves. */
export function startCommand(args: string[], io: ServeIo = {}): Promise<number> {
  return run("start", args, io);
}
