/**
 * `chidao import` as the command line sees it: usage errors exit 2, a failed file exits 1 and is
 * listed; --unit and --private decide who may read what is stored.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../../src/cli/import.js";
import type { Io } from "../../src/cli/store-command.js";
import { unitCommand } from "../../src/cli/unit.js";
import { canReadFile } from "../../src/store/access.js";
import { openDb } from "../../src/store/db.js";
import { findFileBySha, sha256 } from "../../src/store/files.js";
import { listUnits } from "../../src/store/units-users.js";
import { dataFolder, run, sink } from "./io.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const missing = fileURLToPath(new URL("./no-such-file.txt", import.meta.url));

const importer = (args: string[], io: Partial<Io>) => importCommand(args, io.out, io.err);

describe("chidao import", () => {
  const usage: Array<[string[], RegExp, string]> = [
    [[], /give one or more files/, "nothing to import"],
    [["samples", "--workers", "two"], /--workers takes a whole number/, "threads not a number"],
    [["samples", "--bogus"], /Unknown option/, "unknown flag"],
  ];
  it.each(usage)("%j exits 2: %s (%s)", async (args, message) => {
    const err = sink();
    expect(await importCommand(args, sink() as never, err as never)).toBe(2);
    expect(err.text()).toMatch(message);
  });

  it("imports on a parser thread, lists the failed path and exits 1", async () => {
    const out = sink();
    const code = await importCommand(
      [samples, missing, "--data", "memory://", "--workers", "1"],
      out as never,
    );
    expect(code).toBe(1);
    expect(out.text()).toMatch(
      /3 files .*: 2 imported \(\d+ documents\), 0 re-read, 0 already stored, 1 failed/,
    );
    expect(out.text()).toContain(`${missing}: file_unreadable — ENOENT`);
  });
});

describe("chidao import --unit, --private", () => {
  let dir: string;
  let remove: () => Promise<void>;
  const seedA = join(samples, "can-tho-677-CV-TU.txt");
  const seedB = join(samples, "can-gio-1237-UBND.txt");

  beforeAll(async () => {
    ({ dir, remove } = await dataFolder());
    for (const code of ["VP-TU", "SO-TC"])
      expect((await run(unitCommand, ["add", code, "--name", code, "--data", dir])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await remove();
  });

  /** The stored file's owner, public flag and the units that may read it, and who of them can. */
  async function ownership(path: string) {
    const db = await openDb({ backend: "pglite", dataDir: dir });
    try {
      const file = await findFileBySha(db, sha256(await readFile(path)));
      const [row] = await db.query<{ unit: string | null; public: boolean }>(
        "SELECT u.code AS unit, f.public FROM files f LEFT JOIN units u ON u.id = f.unit_id WHERE f.id = $1",
        [file!.id],
      );
      const access = await db.query<{ code: string }>(
        "SELECT u.code FROM file_access a JOIN units u ON u.id = a.unit_id WHERE a.file_id = $1 ORDER BY u.code",
        [file!.id],
      );
      const readers: string[] = [];
      for (const unit of await listUnits(db)) {
        const viewer = { userId: 1, login: "x", name: "x", role: "officer" as const, unitId: unit.id };
        if (await canReadFile(db, viewer, file!.id)) readers.push(unit.code);
      }
      return { ...row, access: access.map((a) => a.code), readers };
    } finally {
      await db.close();
    }
  }

  it("--unit --private: the unit's own file, readable by that unit only", async () => {
    const r = await run(importer, [seedA, "--unit", "VP-TU", "--private", "--data", dir, "--workers", "0"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/for VP-TU \(private\)/);
    expect(await ownership(seedA)).toEqual({
      unit: "VP-TU",
      public: false,
      access: ["VP-TU"],
      readers: ["VP-TU"],
    });
  });

  it("--unit alone: the unit's file, public", async () => {
    expect((await run(importer, [seedB, "--unit", "SO-TC", "--data", dir, "--workers", "0"])).code).toBe(0);
    expect(await ownership(seedB)).toEqual({
      unit: "SO-TC",
      public: true,
      access: ["SO-TC"],
      readers: ["SO-TC", "VP-TU"],
    });
  });

  it("the same bytes from another unit: not read again, shared with that unit, still private", async () => {
    const r = await run(importer, [seedA, "--unit", "SO-TC", "--private", "--json", "--data", dir]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: "unchanged" });
    expect(await ownership(seedA)).toEqual({
      unit: "VP-TU",
      public: false,
      access: ["SO-TC", "VP-TU"],
      readers: ["SO-TC", "VP-TU"],
    });
  });

  it("--private without --unit exits 2; an unknown unit exits 1; neither stores anything", async () => {
    const missing = await run(importer, [samples, "--private", "--data", dir]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--private needs --unit CODE/);
    const unknown = await run(importer, [samples, "--unit", "NOPE", "--data", dir]);
    expect(unknown).toMatchObject({
      code: 1,
      err: 'chidao import: no unit "NOPE" (chidao unit list shows them)\n',
    });
  });
});
