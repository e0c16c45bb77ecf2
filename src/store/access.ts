/**
 * Who may read and do what. Roles follow an office's work; reading follows the file's unit: a unit's
 * own documents are for that unit (and the units it was shared with) unless public.
 */
import type { Sql } from "./db.js";

/** The roles: quản trị, văn thư, chuyên viên, lãnh đạo. */
export const roles = ["admin", "clerk", "officer", "leader"] as const;

/** A user's role. */
export type Role = (typeof roles)[number];

/** The signed-in person a request acts for. */
export interface Viewer {
  userId: number;
  login: string;
  name: string;
  role: Role;
  unitId: number | null;
}

/** What a role may do beyond reading what its unit may read. */
export const permissions = {
  "document.upload": ["admin", "clerk"],
  "document.correct": ["admin", "clerk", "officer"],
  "document.reparse": ["admin"],
  "register.write": ["admin", "clerk"],
  // Choosing which body an ambiguous citation means is a clerk's registry work (xác nhận liên kết).
  "edge.confirm": ["admin", "clerk"],
  "organisation.manage": ["admin"],
  // Working a task item (status, evidence, handler) is for the people of the body it is assigned to;
  // the store checks the unit as well as the role.
  "task.work": ["admin", "clerk", "officer", "leader"],
  // Correcting what extraction read (sửa, tách, gộp, thêm nhiệm vụ) is the registry's work.
  "task.correct": ["admin", "clerk", "officer"],
  // Cancelling (hủy) a task is a leader's decision.
  "task.cancel": ["admin", "leader"],
  "report.create": ["admin", "clerk", "officer", "leader"],
  "user.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

/** An action a role may or may not take. */
export type Action = keyof typeof permissions;

/** Whether the viewer's role allows the action. */
export function can(viewer: Pick<Viewer, "role">, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(viewer.role);
}

/**
 * The SQL condition "the viewer may read the file aliased `file`", its parameters appended to
 * `params` (so it composes into a larger parameterised statement).
 *
 * @example
 * const params: unknown[] = [];
 * const where = readableFiles("f", viewer, params); // "(f.public OR EXISTS (…unit_id = $1))"
 */
export function readableFiles(file: string, viewer: Viewer, params: unknown[]): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(file)) throw new Error(`not a table alias: ${file}`);
  if (viewer.role === "admin") return "true";
  if (viewer.unitId === null) return `${file}.public`;
  params.push(viewer.unitId);
  return `(${file}.public OR EXISTS (SELECT 1 FROM file_access fa WHERE fa.file_id = ${file}.id AND fa.unit_id = $${params.length}))`;
}

/** Whether the viewer may read the stored file (false when it does not exist). */
export async function canReadFile(sql: Sql, viewer: Viewer, fileId: number): Promise<boolean> {
  const params: unknown[] = [fileId];
  const rows = await sql.query(
    `SELECT 1 FROM files f WHERE f.id = $1 AND ${readableFiles("f", viewer, params)}`,
    params,
  );
  return rows.length > 0;
}
