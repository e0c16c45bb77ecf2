/**
 * Accounts and sessions: argon2id hashes (never the password), sign-in that fails the same way for a
 * wrong login and a wrong password, sessions found by their token and ended by sign-out or expiry,
 * and the first-run administrator.
 */
import { expect, it } from "vitest";
import {
  authenticate,
  closeSession,
  createAccount,
  ensureAdmin,
  generatePassword,
  openSession,
  sessionOf,
  setPassword,
} from "../../src/store/accounts.js";
import { auditTrail } from "../../src/store/audit.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "./backends.js";

eachBackend("accounts", (store) => {
  it("creates the first administrator once, with a password that signs in", async () => {
    const { db } = store();
    const first = await ensureAdmin(db);
    expect(first?.login).toBe("admin");
    expect(first?.password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await ensureAdmin(db)).toBeNull();
    const admin = await authenticate(db, "admin", first!.password);
    expect(admin).toMatchObject({ login: "admin", role: "admin", unitId: null });
  });

  it("stores an argon2id hash, not the password, and audits the creation without it", async () => {
    const { db } = store();
    const unit = await createUnit(db, { code: "VP-TU", name: "Văn phòng Thành ủy" }, "admin");
    const password = "mật-khẩu-dài-đủ";
    const lan = await createAccount(
      db,
      { login: "lan", name: "Nguyễn Thị Lan", password, role: "clerk", unitId: unit.id },
      "admin",
    );
    const [row] = await db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE id = $1", [
      lan.userId,
    ]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(password);
    const trail = await auditTrail(db, "user", lan.userId);
    expect(JSON.stringify(trail)).not.toContain(password);
    expect(await authenticate(db, "LAN", password)).toMatchObject({ userId: lan.userId, role: "clerk" });
  });

  it("refuses a wrong password, an unknown login and a short password", async () => {
    const { db } = store();
    expect(await authenticate(db, "lan", "sai mật khẩu")).toBeNull();
    expect(await authenticate(db, "không-có", "mật-khẩu-dài-đủ")).toBeNull();
    await expect(
      createAccount(db, { login: "ngan", name: "Ngắn", password: "1234567", role: "officer" }, "admin"),
    ).rejects.toThrow(/8/);
  });

  it("opens a session found by its token, with its own CSRF token, and closes it", async () => {
    const { db } = store();
    const lan = await authenticate(db, "lan", "mật-khẩu-dài-đủ");
    const session = await openSession(db, lan!.userId);
    expect(session.token).not.toBe(session.csrf);
    const found = await sessionOf(db, session.token);
    expect(found).toMatchObject({ account: { login: "lan" }, csrf: session.csrf });
    const [stored] = await db.query<{ token_hash: string }>("SELECT token_hash FROM sessions LIMIT 1");
    expect(stored!.token_hash).not.toBe(session.token);
    expect(await sessionOf(db, `${session.token}x`)).toBeNull();
    await closeSession(db, session.token);
    expect(await sessionOf(db, session.token)).toBeNull();
  });

  it("does not honour an expired session or a disabled account", async () => {
    const { db } = store();
    const lan = await authenticate(db, "lan", "mật-khẩu-dài-đủ");
    const expired = await openSession(db, lan!.userId, -1);
    expect(await sessionOf(db, expired.token)).toBeNull();
    const live = await openSession(db, lan!.userId);
    await db.query("UPDATE users SET disabled = true WHERE id = $1", [lan!.userId]);
    expect(await sessionOf(db, live.token)).toBeNull();
    expect(await authenticate(db, "lan", "mật-khẩu-dài-đủ")).toBeNull();
    await db.query("UPDATE users SET disabled = false WHERE id = $1", [lan!.userId]);
  });

  it("a new password ends the account's sessions and replaces the old one", async () => {
    const { db } = store();
    const lan = await authenticate(db, "lan", "mật-khẩu-dài-đủ");
    const session = await openSession(db, lan!.userId);
    await setPassword(db, lan!.userId, "mật-khẩu-mới-hơn", "admin");
    expect(await sessionOf(db, session.token)).toBeNull();
    expect(await authenticate(db, "lan", "mật-khẩu-dài-đủ")).toBeNull();
    expect(await authenticate(db, "lan", "mật-khẩu-mới-hơn")).not.toBeNull();
  });
});

it("generates passwords without look-alike characters, different each time", () => {
  const seen = new Set(Array.from({ length: 50 }, generatePassword));
  expect(seen.size).toBe(50);
  for (const p of seen) expect(p).not.toMatch(/[0O1lI]/);
});
