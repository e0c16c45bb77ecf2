/**
 * Units (the organisations a user belongs to) and users: the people who correct records. A unit of
 * the office stands for one body of the cascade (`orgKey`, an organisations key), so that what a
 * directive assigns to that body reaches the unit's people.
 */
import { organisationByKey } from "../link/organisations.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";

/** A unit: "VP-UBND", "Văn phòng UBND thành phố". */
export interface Unit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  /** The body (organisations key) this unit stands for: "state/ubnd@huyen-can-gio.ho-chi-minh". */
  orgKey: string | null;
}

/** Why a unit change was refused: no such unit, or a body key nobody knows. */
export class UnitError extends Error {
  constructor(
    readonly code: "unit_not_found" | "unknown_body",
    message: string,
  ) {
    super(message);
    this.name = "UnitError";
  }
}

/** Whether `key` names a body: one the organisations table keeps, or one src/link's tables make. */
export async function isKnownBody(sql: Sql, key: string): Promise<boolean> {
  if (organisationByKey(key)) return true;
  const rows = await sql.query("SELECT 1 FROM organisations WHERE key = $1", [key]);
  return rows.length > 0;
}

async function checkBody(sql: Sql, key: string | null): Promise<void> {
  if (key !== null && !(await isKnownBody(sql, key)))
    throw new UnitError("unknown_body", `no body "${key}" (the organisations list shows the keys)`);
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
  unit: { code: string; name: string; parentId?: number | null; orgKey?: string | null },
  actor: string,
): Promise<Unit> {
  return db.transaction(async (tx) => {
    const orgKey = unit.orgKey ?? null;
    await checkBody(tx, orgKey);
    const [row] = await tx.query<{ id: number }>(
      "INSERT INTO units (code, name, parent_id, org_key) VALUES ($1, $2, $3, $4) RETURNING id",
      [unit.code, unit.name, unit.parentId ?? null, orgKey],
    );
    const created = {
      id: row!.id,
      code: unit.code,
      name: unit.name,
      parentId: unit.parentId ?? null,
      orgKey,
    };
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

type UnitRow = { id: number; code: string; name: string; parent_id: number | null; org_key: string | null };

function unitOf(r: UnitRow): Unit {
  return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id, orgKey: r.org_key };
}

/** The units, by code. */
export async function listUnits(sql: Sql): Promise<Unit[]> {
  const rows = await sql.query<UnitRow>("SELECT id, code, name, parent_id, org_key FROM units ORDER BY code");
  return rows.map(unitOf);
}

/**
 * Says which body the unit stands for (null: none), audited as `actor`. The key must name a known
 * body; a unit that does not exist is refused. Several units may stand for one body (two offices of
 * the same committee).
 *
 * @example
 * await setUnitBody(db, unit.id, "state/ubnd@huyen-can-gio.ho-chi-minh", "admin");
 */
export async function setUnitBody(
  db: Db,
  unitId: number,
  orgKey: string | null,
  actor: string,
): Promise<Unit> {
  return db.transaction(async (tx) => {
    const [before] = await tx.query<UnitRow>(
      "SELECT id, code, name, parent_id, org_key FROM units WHERE id = $1 FOR UPDATE",
      [unitId],
    );
    if (!before) throw new UnitError("unit_not_found", `no unit ${unitId}`);
    await checkBody(tx, orgKey);
    await tx.query("UPDATE units SET org_key = $2 WHERE id = $1", [unitId, orgKey]);
    await audit(tx, {
      actor,
      action: "unit.body",
      entity: "unit",
      entityId: unitId,
      detail: { old: before.org_key, new: orgKey },
    });
    return unitOf({ ...before, org_key: orgKey });
  });
}
