/**
 * Issuing bodies as the store keeps them: written by linking (from src/link's tables, or named by a
 * document and marked for review), listed and corrected by a person. A person's edit wins for good:
 * linking never overwrites a row marked `edited`.
 */
import { z } from "zod";
import type { Organisation, Place } from "../link/types.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";
import { toJson } from "./json.js";
import { searchFold } from "./search-terms.js";

/** A change a person makes to a body. */
export const organisationPatch = z
  .object({
    name: z.string().trim().min(1).max(300).optional(),
    short: z.string().trim().min(1).max(200).optional(),
    aliases: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
    parent: z.string().min(1).max(300).nullable().optional(),
    review: z.boolean().optional(),
  })
  .strict();

/** Thrown for a body or a parent that does not exist (stable `code`). */
export class OrganisationError extends Error {
  override name = "OrganisationError";
  constructor(
    readonly code: "organisation_not_found" | "parent_not_found",
    message: string,
  ) {
    super(message);
  }
}

type OrganisationRow = {
  key: string;
  name: string;
  short: string;
  system: Organisation["system"];
  level: Organisation["level"];
  parent: string | null;
  place: Partial<Place> | null;
  valid_from: string | null;
  valid_to: string | null;
  successors: string[] | null;
  aliases: string[] | null;
  series: string;
  review: boolean;
};

const columns =
  "key, name, short, system, level, parent, place, valid_from, valid_to, successors, aliases, series, review";

function fromRow(r: OrganisationRow): Organisation {
  return {
    key: r.key,
    name: r.name,
    short: r.short,
    system: r.system,
    level: r.level,
    parent: r.parent,
    place: {
      province: r.place?.province ?? null,
      district: r.place?.district ?? null,
      commune: r.place?.commune ?? null,
    },
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successors: r.successors ?? [],
    aliases: r.aliases ?? [],
    series: r.series,
    review: r.review,
  };
}

/**
 * Writes the bodies linking found (one statement); a row a person edited is left as it is. Bodies
 * are deduplicated by key, the first one kept.
 */
export async function upsertOrganisations(tx: Sql, orgs: readonly Organisation[]): Promise<void> {
  const byKey = new Map<string, Organisation>();
  for (const o of orgs) if (!byKey.has(o.key)) byKey.set(o.key, o);
  if (byKey.size === 0) return;
  await tx.query(
    `INSERT INTO organisations AS o (${columns})
     SELECT x.key, x.name, x.short, x.system, x.level, x.parent, coalesce(x.place, '{}'), x."validFrom",
       x."validTo", coalesce(x.successors, '[]'), coalesce(x.aliases, '[]'), x.series, coalesce(x.review, false)
     FROM jsonb_to_recordset($1::jsonb) AS x(key text, name text, short text, system text, level text,
       parent text, place jsonb, "validFrom" text, "validTo" text, successors jsonb, aliases jsonb,
       series text, review boolean)
     ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, short = EXCLUDED.short, system = EXCLUDED.system,
       level = EXCLUDED.level, parent = EXCLUDED.parent, place = EXCLUDED.place,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, successors = EXCLUDED.successors,
       aliases = EXCLUDED.aliases, series = EXCLUDED.series, review = EXCLUDED.review, updated_at = now()
     WHERE NOT o.edited AND (o.name, o.short, o.system, o.level, o.parent, o.place, o.valid_from, o.valid_to,
       o.successors, o.aliases, o.series, o.review) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.short,
       EXCLUDED.system, EXCLUDED.level, EXCLUDED.parent, EXCLUDED.place, EXCLUDED.valid_from,
       EXCLUDED.valid_to, EXCLUDED.successors, EXCLUDED.aliases, EXCLUDED.series, EXCLUDED.review)`,
    // In key order, so that two writers lock the rows they share in the same order.
    [toJson([...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)))],
  );
}

/** One body by key, or null. */
export async function findOrganisation(sql: Sql, key: string): Promise<Organisation | null> {
  const [row] = await sql.query<OrganisationRow>(`SELECT ${columns} FROM organisations WHERE key = $1`, [
    key,
  ]);
  return row ? fromRow(row) : null;
}

/**
 * Bodies by name: `review` true lists those a document named but no table knows; `q` matches the
 * name, short form, aliases or key, accent-free, every word.
 */
export async function listOrganisations(
  sql: Sql,
  options: { review?: boolean; q?: string; limit?: number; offset?: number } = {},
): Promise<Organisation[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 100), 1), 1000);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const rows = await sql.query<OrganisationRow>(
    `SELECT ${columns} FROM organisations WHERE ${FILTER} ORDER BY short, key LIMIT $3 OFFSET $4`,
    [...filterParams(options), limit, offset],
  );
  return rows.map(fromRow);
}

/** How many bodies `listOrganisations` pages through with the same filter. */
export async function countOrganisations(
  sql: Sql,
  options: { review?: boolean; q?: string } = {},
): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM organisations WHERE ${FILTER}`,
    filterParams(options),
  );
  return row?.n ?? 0;
}

// The review mark ($1, null for any) and every folded word of the query ($2) in the body's names.
const FILTER = `($1::boolean IS NULL OR review = $1)
  AND NOT EXISTS (SELECT 1 FROM unnest($2::text[]) w
    WHERE position(w IN search_fold(name || ' ' || short || ' ' || aliases::text || ' ' || key)) = 0)`;

function filterParams(options: { review?: boolean; q?: string }): [boolean | null, string[]] {
  const words = searchFold(options.q ?? "")
    .split(" ")
    .filter((w) => w !== "");
  return [options.review ?? null, words];
}

/**
 * Corrects a body (name, short form, aliases, parent, review mark): marked `edited` so that linking
 * keeps it, and audited, in one transaction.
 *
 * @example
 * await updateOrganisation(db, "party/thanh-uy@can-tho", { short: "Thành ủy Cần Thơ" }, { userId: 1, login: "admin" });
 */
export async function updateOrganisation(
  db: Db,
  key: string,
  patch: z.input<typeof organisationPatch>,
  actor: { userId: number; login: string },
): Promise<Organisation> {
  const change = organisationPatch.parse(patch);
  return db.transaction(async (tx) => {
    const [old] = await tx.query<OrganisationRow>(
      `SELECT ${columns} FROM organisations WHERE key = $1 FOR UPDATE`,
      [key],
    );
    if (!old) throw new OrganisationError("organisation_not_found", `no organisation ${key}`);
    if (change.parent != null) {
      const [parent] = await tx.query("SELECT 1 FROM organisations WHERE key = $1", [change.parent]);
      if (!parent || change.parent === key)
        throw new OrganisationError("parent_not_found", `no organisation ${change.parent} to be the parent`);
    }
    const [row] = await tx.query<OrganisationRow>(
      `UPDATE organisations SET name = coalesce($2, name), short = coalesce($3, short),
         aliases = coalesce($4::jsonb, aliases), parent = CASE WHEN $5 THEN $6 ELSE parent END,
         review = coalesce($7, review), edited = true, updated_at = now()
       WHERE key = $1 RETURNING ${columns}`,
      [
        key,
        change.name ?? null,
        change.short ?? null,
        change.aliases === undefined ? null : toJson(change.aliases),
        change.parent !== undefined,
        change.parent ?? null,
        change.review ?? null,
      ],
    );
    const before = fromRow(old);
    const changed = Object.keys(change) as Array<keyof typeof change>;
    await audit(tx, {
      actor: actor.login,
      userId: actor.userId,
      action: "organisation.updated",
      entity: "organisation",
      entityId: key,
      detail: {
        old: Object.fromEntries(changed.map((f) => [f, before[f]])),
        new: change,
      },
    });
    return fromRow(row!);
  });
}
