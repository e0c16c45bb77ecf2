/**
 * Accounts that sign in: argon2id password hashes, roles, and sessions found by the hash of a random
 * cookie token. The first run creates an administrator with a generated password.
 */
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { type Role, roles, type Viewer } from "./access.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";

/** What a new account needs; the password at least 8 characters. */
export const accountInput = z.object({
  // Lower-cased: sign-in matches logins case-insensitively, so "Lan" and "lan" must be one account.
  login: z
    .string()
    .trim()
    .toLowerCase()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i, "letters, digits, dot, dash or underscore"),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(8, "at least 8 characters").max(200),
  role: z.enum(roles),
  unitId: z.number().int().positive().nullable().default(null),
});

/** An account as listed (never with its hash). */
export interface Account extends Viewer {
  disabled: boolean;
  language: "vi" | "en";
}

type AccountRow = {
  id: number;
  login: string;
  name: string;
  role: Role;
  unit_id: number | null;
  disabled: boolean;
  language: "vi" | "en";
};

const accountColumns = "u.id, u.login, u.name, u.role, u.unit_id, u.disabled, u.language";

function fromRow(r: AccountRow): Account {
  return {
    userId: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    unitId: r.unit_id,
    disabled: r.disabled,
    language: r.language,
  };
}

/** Hashes a password with argon2id (the library's defaults: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the login does not exist, so that a wrong login and a wrong password take
// the same time.
const decoyHash = hash(randomBytes(16).toString("hex"));

/** Creates an account (audited as `actor`); a repeated login is a unique-constraint error. */
export async function createAccount(
  db: Db,
  input: z.input<typeof accountInput>,
  actor: string,
): Promise<Account> {
  const a = accountInput.parse(input);
  const passwordHash = await hashPassword(a.password);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AccountRow>(
      `INSERT INTO users AS u (login, name, unit_id, role, password_hash) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${accountColumns}`,
      [a.login, a.name, a.unitId, a.role, passwordHash],
    );
    const account = fromRow(row!);
    await audit(tx, {
      actor,
      action: "user.created",
      entity: "user",
      entityId: account.userId,
      detail: { login: a.login, name: a.name, role: a.role, unit_id: a.unitId },
    });
    return account;
  });
}

/** Replaces an account's password (audited). */
export async function setPassword(db: Db, userId: number, password: string, actor: string): Promise<void> {
  const valid = accountInput.shape.password.parse(password);
  const passwordHash = await hashPassword(valid);
  await db.transaction(async (tx) => {
    await tx.query("UPDATE users SET password_hash = $2 WHERE id = $1", [userId, passwordHash]);
    await tx.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
    await audit(tx, { actor, action: "user.password_set", entity: "user", entityId: userId });
  });
}

/** The account with this login and password, or null (unknown login, wrong password, disabled). */
export async function authenticate(sql: Sql, login: string, password: string): Promise<Account | null> {
  const [row] = await sql.query<AccountRow & { password_hash: string | null }>(
    `SELECT ${accountColumns}, u.password_hash FROM users u WHERE lower(u.login) = lower($1)`,
    [login.trim()],
  );
  const stored = row?.password_hash ?? (await decoyHash);
  const ok = await verify(stored, password).catch(() => false);
  if (!row?.password_hash || !ok || row.disabled) return null;
  return fromRow(row);
}

/** Every account, by login. */
export async function listAccounts(sql: Sql): Promise<Account[]> {
  return (await sql.query<AccountRow>(`SELECT ${accountColumns} FROM users u ORDER BY u.login`)).map(fromRow);
}

/** One account by id, or null. */
export async function findAccount(sql: Sql, userId: number): Promise<Account | null> {
  const [row] = await sql.query<AccountRow>(`SELECT ${accountColumns} FROM users u WHERE u.id = $1`, [
    userId,
  ]);
  return row ? fromRow(row) : null;
}

/** Sets the language an account reads the app in. */
export async function setLanguage(sql: Sql, userId: number, language: "vi" | "en"): Promise<void> {
  await sql.query("UPDATE users SET language = $2 WHERE id = $1", [userId, language]);
}

/** The token a session cookie carries; only its sha256 is stored. */
function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** An open session: the cookie's token and the CSRF token forms and API writes must echo. */
export interface Session {
  token: string;
  csrf: string;
  expiresAt: Date;
}

/** Opens a session for the account, valid for `ttlHours` (12 by default, a working day). */
export async function openSession(db: Db, userId: number, ttlHours = 12): Promise<Session> {
  const token = randomBytes(32).toString("base64url");
  const csrf = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.query("DELETE FROM sessions WHERE expires_at < now()");
    await tx.query(
      "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)",
      [tokenHash(token), userId, csrf, expiresAt],
    );
  });
  return { token, csrf, expiresAt };
}

/** The account and CSRF token of a live session, or null (unknown, expired, account disabled). */
export async function sessionOf(sql: Sql, token: string): Promise<{ account: Account; csrf: string } | null> {
  if (token.length === 0 || token.length > 200) return null;
  const [row] = await sql.query<AccountRow & { csrf_token: string }>(
    `SELECT ${accountColumns}, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash(token)],
  );
  return row ? { account: fromRow(row), csrf: row.csrf_token } : null;
}

/** Ends a session (signing out). */
export async function closeSession(sql: Sql, token: string): Promise<void> {
  await sql.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash(token)]);
}

/** A readable random password: 16 characters of letters and digits without look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * On first run (no account can sign in yet) creates the administrator `admin` with a generated
 * password and returns it, to be shown once; otherwise null.
 */
export async function ensureAdmin(db: Db): Promise<{ login: string; password: string } | null> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND password_hash IS NOT NULL AND NOT disabled",
  );
  if (row!.n > 0) return null;
  const password = generatePassword();
  await createAccount(db, { login: "admin", name: "Quản trị hệ thống", password, role: "admin" }, "system");
  return { login: "admin", password };
}

/**
 * Disables an account (or enables it again): a disabled account cannot sign in, and its open
 * sessions are closed. Audited; returns whether anything changed.
 */
export async function setDisabled(
  db: Db,
  userId: number,
  disabled: boolean,
  actor: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx.query(
      "UPDATE users SET disabled = $2 WHERE id = $1 AND disabled <> $2 RETURNING id",
      [userId, disabled],
    );
    if (disabled) await tx.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
    if (changed.length === 0) return false;
    await audit(tx, {
      actor,
      action: disabled ? "user.disabled" : "user.enabled",
      entity: "user",
      entityId: userId,
    });
    return true;
  });
}
