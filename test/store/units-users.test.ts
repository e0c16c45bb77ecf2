/** Units and users: created with an audit row each; codes and logins are unique. */
import { expect, it } from "vitest";
import { auditTrail } from "../../src/store/audit.js";
import { createUnit, createUser, findUser, listUnits } from "../../src/store/units-users.js";
import { eachBackend } from "./backends.js";

eachBackend("units and users", (store) => {
  it("creates a unit under a parent and a user in it, each audited", async () => {
    const { db } = store();
    const city = await createUnit(db, { code: "UBND-TP", name: "Ủy ban nhân dân thành phố" }, "admin");
    const office = await createUnit(db, { code: "VP-UBND", name: "Văn phòng", parentId: city.id }, "admin");
    const user = await createUser(db, { login: "lan", name: "Nguyễn Thị Lan", unitId: office.id }, "admin");
    expect(await findUser(db, user.id)).toEqual(user);
    expect((await listUnits(db)).map((u) => [u.code, u.parentId])).toEqual([
      ["UBND-TP", null],
      ["VP-UBND", city.id],
    ]);
    expect((await auditTrail(db, "unit")).map((a) => [a.action, a.entityId])).toEqual([
      ["unit.created", String(city.id)],
      ["unit.created", String(office.id)],
    ]);
    expect((await auditTrail(db, "user", user.id)).map((a) => [a.action, a.actor])).toEqual([
      ["user.created", "admin"],
    ]);
  });

  const duplicates: Array<[string, (db: ReturnType<typeof store>["db"]) => Promise<unknown>, string]> = [
    ["unit code", (db) => createUnit(db, { code: "UBND-TP", name: "again" }, "admin"), "unit"],
    ["user login", (db) => createUser(db, { login: "lan", name: "again" }, "admin"), "user"],
  ];
  it.each(duplicates)("refuses a repeated %s, writing no audit row", async (_what, create, entity) => {
    const { db } = store();
    const before = (await auditTrail(db, entity)).length;
    await expect(create(db)).rejects.toThrow(/duplicate key|unique/);
    expect((await auditTrail(db, entity)).length).toBe(before);
  });

  it("refuses a user in a unit that does not exist", async () => {
    await expect(
      createUser(store().db, { login: "ghost", name: "x", unitId: 99_999 }, "admin"),
    ).rejects.toThrow(/foreign key/);
  });
});
