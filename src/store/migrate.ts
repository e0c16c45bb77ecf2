/**
 * Versioned migrations: `migrations/NNN-name.sql`, applied in order, each once, on every start.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./db.js";
import { packageRoot } from "./package-root.js";

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations folder. The .sql files live beside the sources; the compiled dist/ has none, so the
 * folder is found from the package root (the first parent with a package.json).
 */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, "migrations");
  return existsSync(beside) ? beside : join(packageRoot(), "src", "store", "migrations");
}

/** Reads and orders the migration files; a name not shaped `NNN-name.sql` or a repeated number is an error. */
export async function loadMigrations(dir = migrationsDir()): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith(".sql"))) {
    const m = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migration file "${file}" is not named NNN-name.sql`);
    migrations.push({ version: Number(m[1]), name: m[2]!, sql: await readFile(join(dir, file), "utf8") });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (const [i, m] of migrations.entries()) {
    if (i > 0 && migrations[i - 1]!.version === m.version)
      throw new Error(`migration ${m.version} is repeated`);
  }
  return migrations;
}

/** Applies the migrations not yet applied, all in one transaction; returns the versions applied now. */
export async function migrate(db: Db, migrations?: Migration[]): Promise<number[]> {
  const todo = migrations ?? (await loadMigrations());
  return db.transaction(async (tx) => {
    // Two processes starting at once (or two test schemas on one server, sharing the extensions)
    // must not both apply: a database-wide lock, held until commit, makes them take turns.
    await tx.query("SELECT pg_advisory_xact_lock(7305410511)");
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of todo) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
