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

const schema = z.object({
  CHIDAO_DATA: z.preprocess(blankIsUnset, z.string().default("./chidao-data")),
  DATABASE_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  CHIDAO_SCHEMA: z.preprocess(blankIsUnset, identifier.optional()),
  CHIDAO_WORKERS: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(256).optional()),
  CHIDAO_PORT: z.preprocess(blankIsUnset, z.coerce.number().int().min(0).max(65535).default(3000)),
  CHIDAO_HOST: z.preprocess(blankIsUnset, z.string().default("127.0.0.1")),
  CHIDAO_MAX_UPLOAD_MB: z.preprocess(blankIsUnset, z.coerce.number().positive().max(1024).default(20)),
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

/** The validated settings. */
export interface Config {
  store: StoreConfig;
  /** Parser threads for import; undefined lets the importer choose from the CPU count. */
  workers: number | undefined;
  /** Where the HTTP server listens and the largest upload it takes. */
  server: { port: number; host: string; maxUploadBytes: number };
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
    test: { backends: v.CHIDAO_TEST_BACKENDS, databaseUrl: v.CHIDAO_TEST_DATABASE_URL },
  };
}
