/** Migrations: applied in order, each once; badly named files refused; the extensions search needs are there. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMigrations, migrate } from "../../src/store/migrate.js";
import { eachBackend } from "./backends.js";

eachBackend("migrate", (store) => {
  it("records every migration once and applies nothing on a second start", async () => {
    const files = await loadMigrations();
    const rows = await store().db.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    expect(rows.map((r) => r.version)).toEqual(files.map((m) => m.version));
    expect(await migrate(store().db)).toEqual([]);
  });

  it("applies a new migration, and only that one", async () => {
    const next = { version: 999, name: "probe", sql: "CREATE TABLE probe_999 (id integer)" };
    expect(await migrate(store().db, [...(await loadMigrations()), next])).toEqual([999]);
    expect(await store().db.query("SELECT * FROM probe_999")).toEqual([]);
  });

  it("rolls back a failing migration whole", async () => {
    const broken = {
      version: 998,
      name: "broken",
      sql: "CREATE TABLE probe_998 (id integer); SELECT no_such_fn();",
    };
    await expect(migrate(store().db, [broken])).rejects.toThrow(/no_such_fn/);
    const [row] = await store().db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM schema_migrations WHERE version = 998",
    );
    expect(row?.n).toBe(0);
    await expect(store().db.query("SELECT * FROM probe_998")).rejects.toThrow();
  });

  const extensions: Array<[string, unknown, string]> = [
    ["SELECT unaccent('Chỉ thị Thành ủy') AS v", "Chi thi Thanh uy", "unaccent folds Vietnamese tones"],
    ["SELECT similarity('Ủy ban nhân dân', 'Uy ban nhan dan') > 0 AS v", true, "pg_trgm's similarity exists"],
  ];
  it.each(extensions)("%s (%s)", async (sql, expected) => {
    const [row] = await store().db.query<{ v: unknown }>(sql);
    expect(row?.v).toEqual(expected);
  });
});

describe("loadMigrations", () => {
  const names: Array<[string[], RegExp | null, string]> = [
    [["001-a.sql", "002-b.sql"], null, "well named"],
    [["1-a.sql"], /NNN-name/, "number not three digits"],
    [["001-A.sql"], /NNN-name/, "capitals in the name"],
    [["001-a.sql", "001-b.sql"], /repeated/, "two files with one number"],
  ];
  it.each(names)("%j (%s)", async (files, error) => {
    const dir = await mkdtemp(join(tmpdir(), "chidao-migrations-"));
    for (const f of files) await writeFile(join(dir, f), "SELECT 1;");
    const loading = loadMigrations(dir);
    if (error) await expect(loading).rejects.toThrow(error);
    else expect((await loading).map((m) => m.version)).toEqual([1, 2]);
  });
});
