/**
 * `chidao user` and `chidao unit` against an embedded store in a temporary folder: what they print
 * is what the store holds (a printed password signs in; a disabled account does not), and a wrong
 * command line exits 2 without touching the store.
 */
import { describe, expect, it } from "vitest";
import { unitCommand } from "../../src/cli/unit.js";
import { userCommand } from "../../src/cli/user.js";
import { authenticate, listAccounts } from "../../src/store/accounts.js";
import { auditTrail } from "../../src/store/audit.js";
import { listUnits } from "../../src/store/units-users.js";
import { testBackends } from "../store/backends.js";
import { run } from "./io.js";
import { onServerStore, storeFolderForFile } from "./stores.js";

const folder = storeFolderForFile();
const { inStore } = folder;

const passwordIn = (out: string) => /Password \(shown once\): (\S+)/.exec(out)?.[1];

describe("chidao unit", () => {
  it("adds units, a child under its parent, and lists them", async () => {
    expect(
      (await run(unitCommand, ["add", "UBND-CT", "--name", "UBND thành phố Cần Thơ", "--data", folder.dir]))
        .code,
    ).toBe(0);
    const child = await run(unitCommand, [
      "add",
      "VP-UBND",
      "--name",
      "Văn phòng UBND",
      "--parent",
      "UBND-CT",
      "--data",
      folder.dir,
    ]);
    expect(child).toMatchObject({ code: 0, err: "" });
    expect(child.out).toContain("VP-UBND");

    const units = await inStore(listUnits);
    const parent = units.find((u) => u.code === "UBND-CT");
    expect(units.find((u) => u.code === "VP-UBND")).toMatchObject({
      name: "Văn phòng UBND",
      parentId: parent?.id,
    });

    const listed = await run(unitCommand, ["list", "--json", "--data", folder.dir]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toEqual([
      { code: "UBND-CT", name: "UBND thành phố Cần Thơ", parent: null, body: null },
      { code: "VP-UBND", name: "Văn phòng UBND", parent: "UBND-CT", body: null },
    ]);
    const table = await run(unitCommand, ["list", "--data", folder.dir]);
    expect(table.out).toMatch(/^CODE\s+PARENT\s+NAME\s+BODY\n/);
    expect(table.out).toMatch(/VP-UBND\s+UBND-CT\s+Văn phòng UBND/);
  });

  it.each([
    [["add", "X"], /--name NAME is required/],
    [["add", "--name", "Nameless"], /missing CODE/],
    [["add", "X", "--name", "N", "--colour", "red"], /Unknown option '--colour'/],
    [["list", "extra"], /unexpected argument "extra"/],
    [["rename", "X"], /unknown subcommand "rename"/],
    [[], /^chidao unit: say what to do first: add, list, set-body\n/],
  ])("%j exits 2: %s", async (args, message) => {
    const r = await run(unitCommand, [...args, "--data", folder.dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Usage:");
  });

  it("a repeated code or an unknown parent exits 1 with the reason, and adds nothing", async () => {
    const before = (await inStore(listUnits)).length;
    const again = await run(unitCommand, ["add", "VP-UBND", "--name", "Again", "--data", folder.dir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^chidao unit add: code "VP-UBND" already exists\n$/);
    expect(again.err).not.toMatch(/\n\s+at /); // no stack trace
    const orphan = await run(unitCommand, [
      "add",
      "SO-TC",
      "--name",
      "Sở Tài chính",
      "--parent",
      "NOPE",
      "--data",
      folder.dir,
    ]);
    expect(orphan).toMatchObject({
      code: 1,
      err: 'chidao unit add: no unit "NOPE" (chidao unit list shows them)\n',
    });
    expect((await inStore(listUnits)).length).toBe(before);
  });
});

describe("chidao user", () => {
  it("add without a password: one is generated, printed once, and signs in", async () => {
    const r = await run(userCommand, [
      "add",
      "lan",
      "--name",
      "Nguyễn Thị Lan",
      "--role",
      "clerk",
      "--unit",
      "VP-UBND",
      "--data",
      folder.dir,
    ]);
    expect(r.code, r.err).toBe(0);
    const password = passwordIn(r.out);
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    const account = await inStore((db) => authenticate(db, "lan", password!));
    const units = await inStore(listUnits);
    expect(account).toMatchObject({
      login: "lan",
      name: "Nguyễn Thị Lan",
      role: "clerk",
      unitId: units.find((u) => u.code === "VP-UBND")?.id,
    });
  });

  it("add with a password piped on stdin takes its first line, and prints no password", async () => {
    const r = await run(
      userCommand,
      ["add", "minh", "--name", "Trần Minh", "--role", "officer", "--data", folder.dir],
      "piped secret 1\nignored\n",
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(/Password/);
    expect(await inStore((db) => authenticate(db, "minh", "piped secret 1"))).toMatchObject({
      login: "minh",
      unitId: null,
    });
  });

  it("add with --password; password changes it (piped, given, or generated) and the old one stops working", async () => {
    expect(
      (
        await run(userCommand, [
          "add",
          "hung",
          "--name",
          "Lê Hùng",
          "--role",
          "leader",
          "--password",
          "first-pass",
          "--data",
          folder.dir,
        ])
      ).code,
    ).toBe(0);
    expect(await inStore((db) => authenticate(db, "hung", "first-pass"))).not.toBeNull();

    const given = await run(userCommand, [
      "password",
      "hung",
      "--password",
      "second-pass",
      "--data",
      folder.dir,
    ]);
    expect(given.code, given.err).toBe(0);
    const piped = await run(userCommand, ["password", "HUNG", "--data", folder.dir], "third-pass\n");
    expect(piped.code, piped.err).toBe(0);
    expect(await inStore((db) => authenticate(db, "hung", "second-pass"))).toBeNull();
    expect(await inStore((db) => authenticate(db, "hung", "third-pass"))).not.toBeNull();

    const generated = await run(userCommand, ["password", "hung", "--data", folder.dir]);
    const password = passwordIn(generated.out);
    expect(password).toBeDefined();
    expect(await inStore((db) => authenticate(db, "hung", "third-pass"))).toBeNull();
    expect(await inStore((db) => authenticate(db, "hung", password!))).toMatchObject({ role: "leader" });
  });

  it("list shows every account with its unit; --json for scripts", async () => {
    const r = await run(userCommand, ["list", "--json", "--data", folder.dir]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<{
      login: string;
      role: string;
      unit: string | null;
      disabled: boolean;
    }>;
    const stored = await inStore(listAccounts);
    expect(rows.map((x) => x.login)).toEqual(stored.map((a) => a.login));
    expect(rows.find((x) => x.login === "lan")).toMatchObject({
      role: "clerk",
      unit: "VP-UBND",
      disabled: false,
    });
    const table = await run(userCommand, ["list", "--data", folder.dir]);
    expect(table.out).toMatch(/^LOGIN\s+ROLE\s+UNIT\s+STATUS\s+NAME\n/);
    expect(table.out).toMatch(/lan\s+clerk\s+VP-UBND\s+active\s+Nguyễn Thị Lan/);
  });

  it("disable: the account no longer signs in, audited once; enable brings it back", async () => {
    await run(userCommand, ["password", "minh", "--password", "minh-pass", "--data", folder.dir]);
    const r = await run(userCommand, ["disable", "minh", "--data", folder.dir]);
    expect(r).toMatchObject({ code: 0, out: "minh disabled; their sessions are closed\n" });
    expect(await inStore((db) => authenticate(db, "minh", "minh-pass"))).toBeNull();
    expect((await run(userCommand, ["disable", "minh", "--data", folder.dir])).out).toBe(
      "minh was already disabled\n",
    );
    const list = JSON.parse((await run(userCommand, ["list", "--json", "--data", folder.dir])).out) as Array<{
      login: string;
      disabled: boolean;
    }>;
    expect(list.find((x) => x.login === "minh")?.disabled).toBe(true);
    const audited = await inStore(async (db) => {
      const id = (await listAccounts(db)).find((a) => a.login === "minh")!.userId;
      return (await auditTrail(db, "user", id)).map((a) => a.action);
    });
    expect(audited.filter((a) => a === "user.disabled")).toHaveLength(1);

    expect((await run(userCommand, ["enable", "minh", "--data", folder.dir])).code).toBe(0);
    expect(await inStore((db) => authenticate(db, "minh", "minh-pass"))).not.toBeNull();
  });

  it.each([
    [["add", "an", "--role", "clerk"], /--name NAME is required/],
    [["add", "an", "--name", "An"], /--role is required/],
    [
      ["add", "an", "--name", "An", "--role", "boss"],
      /--role takes admin, clerk, officer, leader, not "boss"/,
    ],
    [
      ["add", "an", "--name", "An", "--role", "clerk", "--password", "short"],
      /password: at least 8 characters/,
    ],
    [["add", "bad login!", "--name", "An", "--role", "clerk"], /login: letters, digits/],
    [["add", "--name", "An", "--role", "clerk"], /missing LOGIN/],
    [["password"], /missing LOGIN/],
    [["list", "--verbose"], /Unknown option '--verbose'/],
    [["disable", "a", "b"], /unexpected argument "b"/],
    [["remove", "lan"], /unknown subcommand "remove"/],
  ])("%j exits 2: %s", async (args, message) => {
    const before = await inStore(listAccounts);
    const r = await run(userCommand, [...args, "--data", folder.dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Usage:");
    expect(await inStore(listAccounts)).toEqual(before);
  });

  it.each([
    [
      ["add", "lan", "--name", "Again", "--role", "clerk", "--password", "12345678"],
      /login "lan" already exists/,
    ],
    [
      ["add", "tuan", "--name", "Tuấn", "--role", "clerk", "--unit", "NOPE", "--password", "12345678"],
      /no unit "NOPE"/,
    ],
    [["password", "nobody", "--password", "12345678"], /no user "nobody"/],
    [["disable", "nobody"], /no user "nobody"/],
  ])("%j exits 1: %s", async (args, message) => {
    const r = await run(userCommand, [...args, "--data", folder.dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});

describe.skipIf(!testBackends.includes("postgres"))("chidao user on the server in DATABASE_URL", () => {
  it("adds and lists an account in the configured schema", async () => {
    await onServerStore(async (db) => {
      const r = await run(userCommand, ["add", "thu", "--name", "Phạm Thu", "--role", "admin"]);
      expect(r.code, r.err).toBe(0);
      expect(await authenticate(db, "thu", passwordIn(r.out)!)).toMatchObject({ role: "admin" });
      expect(JSON.parse((await run(userCommand, ["list", "--json"])).out)).toEqual([
        { login: "thu", name: "Phạm Thu", role: "admin", unit: null, disabled: false },
      ]);
    });
  });
});
