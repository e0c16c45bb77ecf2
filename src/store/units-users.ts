/** Units (the organisations a user belongs to) and users: the people who correct records. */
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";

/** A unit: "VP-UBND", "Văn phòng UBND thành phố". */
export interface Unit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}

/** A user, possibly in a unit. */
export interface User {
  id: number;
  login: string;
  name: string;
  unitId: number | null;
}

/** Creates a unit (audited as `actor`). A repeated code is a unique-constraint error. */
export async function createUnit(
  db: Db,
  unit: { code: string; name: string; parentId?: number | null },
  actor: string,
): Promise<Unit> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      "INSERT INTO units (code, name, parent_id) VALUES ($1, $2, $3) RETURNING id",
      [unit.code, unit.name, unit.parentId ?? null],
    );
    const created = { id: row!.id, code: unit.code, name: unit.name, parentId: unit.parentId ?? null };
    await audit(tx, { actor, action: "unit.created", entity: "unit", entityId: created.id, detail: unit });
    return created;
  });
}

/** Creates a user (audited as `actor`). A repeated login is a unique-constraint error. */
export async function createUser(
  db: Db,
  user: { login: string; name: string; unitId?: number | null },
  actor: string,
): Promise<User> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      "INSERT INTO users (login, name, unit_id) VALUES ($1, $2, $3) RETURNING id",
      [user.login, user.name, user.unitId ?? null],
    );
    const created = { id: row!.id, login: user.login, name: user.name, unitId: user.unitId ?? null };
    await audit(tx, { actor, action: "user.created", entity: "user", entityId: created.id, detail: user });
    return created;
  });
}

/** A user by id, or null. */
export async function findUser(sql: Sql, id: number): Promise<User | null> {
  const [row] = await sql.query<{ id: number; login: string; name: string; unit_id: number | null }>(
    "SELECT id, login, name, unit_id FROM users WHERE id = $1",
    [id],
  );
  return row ? { id: row.id, login: row.login, name: row.name, unitId: row.unit_id } : null;
}

/** The units, by code. */
export async function listUnits(sql: Sql): Promise<Unit[]> {
  const rows = await sql.query<{ id: number; code: string; name: string; parent_id: number | null }>(
    "SELECT id, code, name, parent_id FROM units ORDER BY code",
  );
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id }));
}
