/**
 * The only reader of `process.env`: every setting the program takes from its environment, validated
 * once, with its default and its meaning.
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `CHIDAO_DATA` | `./chidao-data` | folder of the embedded (PGlite) database; not `./data`, which holds the domain tables |
 * | `DATABASE_URL` | unset | a PostgreSQL server; when set it replaces the embedded database |
 * | `CHIDAO_SCHEMA` | unset | schema on that server (created when missing); unset keeps the server's search path |
 * | `CHIDAO_WORKERS` | CPUs − 1 | parser threads for `chidao import` (0 parses on the main thread) |
 * | `CHIDAO_PORT` | `3000` | TCP port `chidao serve` / `chidao start` listen on (0: any free port) |
 * | `CHIDAO_HOST` | `127.0.0.1` | address the server binds (`0.0.0.0` to serve the network) |
 * | `CHIDAO_MAX_UPLOAD_MB` | `20` | largest file (and upload request) the server accepts, in MiB |
 * | `CHIDAO_BASE_URL` | `http://localhost:PORT` | the app's address as users reach it (links in reminder emails) |
 * | `CHIDAO_SMTP_URL` | unset | the mail server, `smtp://user:password@host:587` or `smtps://…:465` |
 * | `CHIDAO_SMTP_HOST` | unset | or the mail server by parts: host (and `_PORT`, `_USER`, `_PASSWORD`, `_SECURE`) |
 * | `CHIDAO_SMTP_PORT` | 465 if secure, else 587 | the mail server's port |
 * | `CHIDAO_SMTP_SECURE` | true on port 465 | TLS from the start (`true`/`false`); otherwise STARTTLS when offered |
 * | `CHIDAO_SMTP_FROM` | the SMTP user, when an address | the sender of reminder emails (`Chỉ Đạo <nhacviec@…>`) |
 * | `CHIDAO_SCHEDULER` | `on` | `off`: `chidao serve` sends no reminders (another process runs `chidao remind`) |
 * | `CHIDAO_SCHEDULER_MINUTES` | `15` | minutes between the scheduler's ticks |
 * | `CHIDAO_TEST_BACKENDS` | `pglite,postgres` | which backends the store tests run on |
 * | `CHIDAO_TEST_DATABASE_URL` | `postgres://postgres@127.0.0.1:5432/test` | the server the store tests use |
 */
import { z } from "zod";

/** The two places a store can live. */
export const backends = ["pglite", "postgres"] as const;

/** A store backend: the embedded PGlite or a PostgreSQL server. */
export type Backend = (typeof backends)[number];

const blankIsUnset = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// A schema name goes into `CREATE SCHEMA` and `search_path`, which take no parameters: allow only plain identifiers.
const identifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, "a lower-case SQL identifier");

// A yes/no setting.
const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** An email sender: `a@b.vn` or `Name <a@b.vn>`. */
function isSender(v: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/.exec(v.trim());
  return ADDRESS.test(named ? named[1]!.trim() : v.trim());
}

const schema = z.object({
  CHIDAO_DATA: z.preprocess(blankIsUnset, z.string().default("./chidao-data")),
  DATABASE_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  CHIDAO_SCHEMA: z.preprocess(blankIsUnset, identifier.optional()),
  CHIDAO_WORKERS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(256).optional()),
  CHIDAO_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(3000)),
  CHIDAO_HOST: z.preprocess(blankIsUnset, z.string().default("127.0.0.1")),
  CHIDAO_MAX_UPLOAD_MB: z.preprocess(blankIsUnset, z.coerce.number().positive().max(1024).default(20)),
  CHIDAO_BASE_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  CHIDAO_SMTP_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^smtps?$/ }).optional()),
  CHIDAO_SMTP_HOST: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^[^\s/:@]+$/, "a host name")
      .optional(),
  ),
  CHIDAO_SMTP_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(65535).optional()),
  CHIDAO_SMTP_USER: z.preprocess(blankIsUnset, z.string().optional()),
  CHIDAO_SMTP_PASSWORD: z.preprocess(blankIsUnset, z.string().optional()),
  CHIDAO_SMTP_SECURE: z.preprocess(blankIsUnset, flag.optional()),
  CHIDAO_SMTP_FROM: z.preprocess(blankIsUnset, z.string().refine(isSender, "an email address").optional()),
  CHIDAO_SCHEDULER: z.preprocess(blankIsUnset, z.enum(["on", "off"]).default("on")),
  CHIDAO_SCHEDULER_MINUTES: z.preprocess(blankIsUnset, z.coerce.number().int().min(1).max(1440).default(15)),
  CHIDAO_TEST_BACKENDS: z.preprocess(
    blankIsUnset,
    z
      .string()
      .default(backends.join(","))
      .transform((s) => s.split(",").map((b) => b.trim()))
      .pipe(z.array(z.enum(backends)).min(1)),
  ),
  CHIDAO_TEST_DATABASE_URL: z.preprocess(
    blankIsUnset,
    z.url({ protocol: /^postgres(ql)?$/ }).default("postgres://postgres@127.0.0.1:5432/test"),
  ),
});

/** Where the store lives: the embedded database's folder, or a server (and a schema on it). */
export type StoreConfig =
  | { backend: "pglite"; dataDir: string }
  | { backend: "postgres"; url: string; schema: string | undefined };

/** A mail server for reminder emails. */
export interface SmtpConfig {
  /** The URL when given as one (nodemailer reads its options from it); otherwise built from the parts. */
  url: string | null;
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The sender: `a@b.vn` or `Name <a@b.vn>`. */
  from: string;
}

/** The validated settings. */
export interface Config {
  store: StoreConfig;
  /** Parser threads for import; undefined lets the importer choose from the CPU count. */
  workers: number | undefined;
  /** Where the HTTP server listens and the largest upload it takes. */
  server: { port: number; host: string; maxUploadBytes: number };
  /** Reminder emails: the mail server (null: none, emails go to the log) and the app's address for links. */
  mail: { smtp: SmtpConfig | null; baseUrl: string };
  /** The reminders scheduler `chidao serve` runs. */
  scheduler: { enabled: boolean; intervalMs: number };
  test: { backends: Backend[]; databaseUrl: string };
}

/** Thrown when a variable does not validate; the message names the variable and what it expects. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads the settings from an environment (`process.env` unless given).
 *
 * @example
 * loadConfig({ DATABASE_URL: "postgres://u@db/chidao" }).store; // { backend: "postgres", url: "postgres://u@db/chidao", schema: undefined }
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${problems.join("; ")}`);
  }
  const v = parsed.data;
  const store: StoreConfig = v.DATABASE_URL
    ? { backend: "postgres", url: v.DATABASE_URL, schema: v.CHIDAO_SCHEMA }
    : { backend: "pglite", dataDir: v.CHIDAO_DATA };
  return {
    store,
    workers: v.CHIDAO_WORKERS,
    server: {
      port: v.CHIDAO_PORT,
      host: v.CHIDAO_HOST,
      maxUploadBytes: Math.round(v.CHIDAO_MAX_UPLOAD_MB * 1024 * 1024),
    },
    mail: {
      smtp: smtpOf(v),
      baseUrl: (v.CHIDAO_BASE_URL ?? `http://localhost:${v.CHIDAO_PORT}`).replace(/\/+$/, ""),
    },
    scheduler: { enabled: v.CHIDAO_SCHEDULER === "on", intervalMs: v.CHIDAO_SCHEDULER_MINUTES * 60_000 },
    test: { backends: v.CHIDAO_TEST_BACKENDS, databaseUrl: v.CHIDAO_TEST_DATABASE_URL },
  };
}

/** The mail server from either its URL or its parts; settings that cannot work are named. */
function smtpOf(v: z.infer<typeof schema>): SmtpConfig | null {
  const fail = (message: string): never => {
    throw new ConfigError(`invalid environment: ${message}`);
  };
  const parts = [
    "CHIDAO_SMTP_PORT",
    "CHIDAO_SMTP_USER",
    "CHIDAO_SMTP_PASSWORD",
    "CHIDAO_SMTP_SECURE",
  ] as const;
  if (v.CHIDAO_SMTP_URL && v.CHIDAO_SMTP_HOST)
    fail("CHIDAO_SMTP_URL and CHIDAO_SMTP_HOST: set one of them, not both");
  if (!v.CHIDAO_SMTP_URL && !v.CHIDAO_SMTP_HOST) {
    const stray = parts.find((p) => v[p] !== undefined);
    if (stray) fail(`${stray}: set CHIDAO_SMTP_HOST (or CHIDAO_SMTP_URL) too`);
    return null;
  }
  let smtp: Omit<SmtpConfig, "from">;
  if (v.CHIDAO_SMTP_URL) {
    const doubled = parts.find((p) => v[p] !== undefined);
    if (doubled) fail(`${doubled}: CHIDAO_SMTP_URL already says it; give the URL or the parts`);
    const url = new URL(v.CHIDAO_SMTP_URL);
    if (!url.hostname) fail("CHIDAO_SMTP_URL: no host");
    const secure = url.protocol === "smtps:";
    smtp = {
      url: v.CHIDAO_SMTP_URL,
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      user: url.username ? decodeURIComponent(url.username) : null,
      password: url.password ? decodeURIComponent(url.password) : null,
    };
  } else {
    const secure = v.CHIDAO_SMTP_SECURE ?? v.CHIDAO_SMTP_PORT === 465;
    smtp = {
      url: null,
      host: v.CHIDAO_SMTP_HOST!,
      port: v.CHIDAO_SMTP_PORT ?? (secure ? 465 : 587),
      secure,
      user: v.CHIDAO_SMTP_USER ?? null,
      password: v.CHIDAO_SMTP_PASSWORD ?? null,
    };
  }
  if (smtp.password !== null && smtp.user === null)
    fail("CHIDAO_SMTP_PASSWORD: a password needs CHIDAO_SMTP_USER");
  const from = v.CHIDAO_SMTP_FROM ?? (smtp.user && isSender(smtp.user) ? smtp.user : null);
  if (!from) return fail("CHIDAO_SMTP_FROM: the sender's address is needed (the SMTP user is not one)");
  return { ...smtp, from };
}
