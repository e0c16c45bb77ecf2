/** Units and accounts (minimal): anyone signed in lists units; an administrator manages both. */
import { createRoute, z } from "@hono/zod-openapi";
import { can, type Viewer } from "../../store/access.js";
import { accountInput, createAccount, listAccounts } from "../../store/accounts.js";
import { createUnit, listUnits, setUnitBody, UnitError } from "../../store/units-users.js";
import { ApiError, sqlState } from "../errors.js";
import { viewerOf } from "./auth.js";
import { errors, idParam, json, unitBodyInput, unitInput, unitSchema, userSchema } from "./schemas.js";
import type { Api } from "./types.js";

function requireAdmin(viewer: Viewer): Viewer {
  if (!can(viewer, "user.manage")) throw new ApiError(403, "forbidden", "only an administrator manages this");
  return viewer;
}

/** Maps the unique and foreign-key violations of a create to 409 and 400, an unknown body to 400. */
function conflict(error: unknown, what: string): never {
  if (error instanceof UnitError) unitRefused(error);
  if (sqlState(error) === "23505") throw new ApiError(409, "conflict", `${what} already exists`);
  if (sqlState(error) === "23503") throw new ApiError(400, "invalid_reference", "no such unit");
  throw error;
}

const listUnitsRoute = createRoute({
  method: "get",
  path: "/api/units",
  summary: "The units",
  responses: { 200: json(z.object({ units: z.array(unitSchema) }), "the units"), ...errors(401) },
});

const createUnitRoute = createRoute({
  method: "post",
  path: "/api/units",
  summary: "Creates a unit (administrators)",
  request: { body: { content: { "application/json": { schema: unitInput } }, required: true } },
  responses: { 201: json(unitSchema, "the new unit"), ...errors(400, 401, 403, 409) },
});

const unitBodyRoute = createRoute({
  method: "patch",
  path: "/api/units/{id}",
  summary: "Says which body of the cascade a unit stands for (administrators)",
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: unitBodyInput } }, required: true },
  },
  responses: { 200: json(unitSchema, "the unit as stored"), ...errors(400, 401, 403, 404) },
});

/** The store's refusal of a unit change as an API error. */
function unitRefused(error: unknown): never {
  if (error instanceof UnitError)
    throw new ApiError(error.code === "unit_not_found" ? 404 : 400, error.code, error.message);
  throw error;
}

const listUsersRoute = createRoute({
  method: "get",
  path: "/api/users",
  summary: "The accounts (administrators)",
  responses: {
    200: json(z.object({ users: z.array(userSchema.extend({ disabled: z.boolean() })) }), "the accounts"),
    ...errors(401, 403),
  },
});

const createUserRoute = createRoute({
  method: "post",
  path: "/api/users",
  summary: "Creates an account (administrators)",
  request: { body: { content: { "application/json": { schema: accountInput } }, required: true } },
  responses: { 201: json(userSchema, "the new account"), ...errors(400, 401, 403, 409) },
});

/** Adds the unit and account routes. */
export function adminRoutes(app: Api): void {
  app.openapi(listUnitsRoute, async (c) => {
    viewerOf(c);
    return c.json({ units: await listUnits(c.get("db")) }, 200);
  });

  app.openapi(createUnitRoute, async (c) => {
    const viewer = requireAdmin(viewerOf(c));
    const input = c.req.valid("json");
    const unit = await createUnit(c.get("db"), input, viewer.login).catch((e) =>
      conflict(e, "a unit with this code"),
    );
    return c.json(unit, 201);
  });

  app.openapi(unitBodyRoute, async (c) => {
    const viewer = requireAdmin(viewerOf(c));
    const { id } = c.req.valid("param");
    const { orgKey } = c.req.valid("json");
    const unit = await setUnitBody(c.get("db"), id, orgKey, viewer.login).catch(unitRefused);
    return c.json(unit, 200);
  });

  app.openapi(listUsersRoute, async (c) => {
    requireAdmin(viewerOf(c));
    const users = (await listAccounts(c.get("db"))).map((a) => ({
      id: a.userId,
      login: a.login,
      name: a.name,
      role: a.role,
      unitId: a.unitId,
      language: a.language,
      disabled: a.disabled,
    }));
    return c.json({ users }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const viewer = requireAdmin(viewerOf(c));
    const a = await createAccount(c.get("db"), c.req.valid("json"), viewer.login).catch((e) =>
      conflict(e, "an account with this login"),
    );
    return c.json(
      { id: a.userId, login: a.login, name: a.name, role: a.role, unitId: a.unitId, language: a.language },
      201,
    );
  });
}
