/**
 * `chidao unit add --body` and `chidao unit set-body` against an embedded store in a temporary folder:
 * what they print is what the store holds, an unknown body or unit exits 1 with the reason and
 * changes nothing, a wrong command line exits 2 with the usage.
 */
import { describe, expect, it } from "vitest";
import { unitCommand } from "../../src/cli/unit.js";
import { auditTrail } from "../../src/store/audit.js";
import { listUnits } from "../../src/store/units-users.js";
import { testBackends } from "../store/backends.js";
import { run } from "./io.js";
import { onServerStore, storeFolderForFile } from "./stores.js";

const CAN_GIO = "state/ubnd@huyen-can-gio.ho-chi-minh";
const CAN_THO = "party/thanh-uy@can-tho";

const folder = storeFolderForFile();
const units = () => folder.inStore(listUnits);

describe("chidao unit and bodies", () => {
  it("adds a unit standing for a body, and lists the body", async () => {
    const added = await run(unitCommand, [
      "add",
      "UBND-CG",
      "--name",
      "UBND huyện Cần Giờ",
      "--body",
      CAN_GIO,
      "--data",
      folder.dir,
    ]);
    expect(added).toEqual({
      code: 0,
      out: `Created unit UBND-CG (UBND huyện Cần Giờ), standing for ${CAN_GIO}\n`,
      err: "",
    });
    expect((await units()).find((u) => u.code === "UBND-CG")?.orgKey).toBe(CAN_GIO);
    const listed = await run(unitCommand, ["list", "--json", "--data", folder.dir]);
    expect(JSON.parse(listed.out)).toEqual([
      { code: "UBND-CG", name: "UBND huyện Cần Giờ", parent: null, body: CAN_GIO },
    ]);
    const table = await run(unitCommand, ["list", "--data", folder.dir]);
    expect(table.out).toMatch(
      new RegExp(`UBND-CG\\s+—\\s+UBND huyện Cần Giờ\\s+${CAN_GIO.replace(/[.]/g, "\\.")}`),
    );
  });

  it("set-body changes and clears the body, each audited", async () => {
    const set = await run(unitCommand, ["set-body", "UBND-CG", CAN_THO, "--data", folder.dir]);
    expect(set).toEqual({ code: 0, out: `Unit UBND-CG stands for ${CAN_THO}\n`, err: "" });
    expect((await units())[0]?.orgKey).toBe(CAN_THO);
    const cleared = await run(unitCommand, ["set-body", "UBND-CG", "--none", "--data", folder.dir]);
    expect(cleared).toEqual({ code: 0, out: "Unit UBND-CG stands for no body\n", err: "" });
    expect((await units())[0]?.orgKey).toBeNull();
    const trail = await folder.inStore((db) => auditTrail(db, "unit"));
    expect(trail.filter((a) => a.action === "unit.body").map((a) => [a.actor, a.detail])).toEqual([
      ["chidao unit", { old: CAN_GIO, new: CAN_THO }],
      ["chidao unit", { old: CAN_THO, new: null }],
    ]);
  });

  it("an unknown body or unit exits 1 with the reason and changes nothing", async () => {
    const body = await run(unitCommand, ["set-body", "UBND-CG", "state/khong-co", "--data", folder.dir]);
    expect(body).toMatchObject({ code: 1, out: "" });
    expect(body.err).toMatch(/^chidao unit set-body: no body "state\/khong-co"/);
    const unit = await run(unitCommand, ["set-body", "NOPE", CAN_GIO, "--data", folder.dir]);
    expect(unit).toMatchObject({
      code: 1,
      err: 'chidao unit set-body: no unit "NOPE" (chidao unit list shows them)\n',
    });
    const add = await run(unitCommand, ["add", "X", "--name", "X", "--body", "nope", "--data", folder.dir]);
    expect(add.code).toBe(1);
    expect(add.err).toMatch(/no body "nope"/);
    expect((await units()).map((u) => [u.code, u.orgKey])).toEqual([["UBND-CG", null]]);
  });

  it.each([
    [["set-body", "UBND-CG"], /missing KEY/],
    [["set-body"], /missing CODE/],
    [["set-body", "UBND-CG", CAN_GIO, "extra"], /unexpected argument "extra"/],
    [["set-body", "UBND-CG", CAN_GIO, "--none"], /unexpected argument/],
    [["add", "Y", "--name", "Y", "--body", " "], /--body KEY must not be empty/],
  ])("%j exits 2 with the usage", async (args, message) => {
    const r = await run(unitCommand, [...args, "--data", folder.dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("chidao unit set-body CODE KEY|--none");
  });
});

describe.skipIf(!testBackends.includes("postgres"))("chidao unit on the server in DATABASE_URL", () => {
  it("adds a unit and sets its body in the configured schema", async () => {
    await onServerStore(async (db) => {
      expect((await run(unitCommand, ["add", "TU-CT", "--name", "Văn phòng Thành ủy"])).code).toBe(0);
      const r = await run(unitCommand, ["set-body", "TU-CT", CAN_THO]);
      expect(r.code, r.err).toBe(0);
      expect((await listUnits(db)).map((u) => [u.code, u.orgKey])).toEqual([["TU-CT", CAN_THO]]);
    });
  });
});
