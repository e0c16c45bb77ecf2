/** The unit's incoming register (sổ văn bản đến): read a year, register a received document. */
import { createRoute, z } from "@hono/zod-openapi";
import { RegisterError, registerIncoming, registerInput, registerOf } from "../../store/register.js";
import { ApiError } from "../errors.js";
import { viewerOf } from "./auth.js";
import { errors, json, registerEntrySchema } from "./schemas.js";
import type { Api } from "./types.js";

const registerQuery = z.object({
  year: z.union([z.literal(""), z.coerce.number().int().min(1945).max(9999)]).optional(),
  unitId: z
    .union([z.literal(""), z.coerce.number().int().positive()])
    .optional()
    .openapi({ description: "another unit's register (administrators only)" }),
});

const readRoute = createRoute({
  method: "get",
  path: "/api/register",
  summary: "A year of the viewer's unit register, latest first",
  request: { query: registerQuery },
  responses: {
    200: json(
      z.object({ unitId: z.number().int(), year: z.number().int(), entries: z.array(registerEntrySchema) }),
      "the register",
    ),
    ...errors(400, 401, 403),
  },
});

const writeRoute = createRoute({
  method: "post",
  path: "/api/register",
  summary: "Registers a document as received by the viewer's unit (next số đến of the year)",
  request: { body: { content: { "application/json": { schema: registerInput } }, required: true } },
  responses: {
    201: json(registerEntrySchema, "the new register line"),
    ...errors(400, 401, 403, 404, 409),
  },
});

const statusOf = { forbidden: 403, no_unit: 400, document_not_found: 404, already_registered: 409 } as const;

/** Adds the register routes. */
export function registerRoutes(app: Api): void {
  app.openapi(readRoute, async (c) => {
    const viewer = viewerOf(c);
    const q = c.req.valid("query");
    if (q.unitId && q.unitId !== viewer.unitId && viewer.role !== "admin")
      throw new ApiError(403, "forbidden", "only an administrator reads another unit's register");
    const unitId = q.unitId || viewer.unitId;
    if (!unitId) throw new ApiError(400, "no_unit", "the account belongs to no unit; give unitId");
    const year = q.year || new Date().getFullYear();
    return c.json({ unitId, year, entries: await registerOf(c.get("db"), unitId, year) }, 200);
  });

  app.openapi(writeRoute, async (c) => {
    try {
      return c.json(await registerIncoming(c.get("db"), viewerOf(c), c.req.valid("json")), 201);
    } catch (error) {
      if (error instanceof RegisterError) throw new ApiError(statusOf[error.code], error.code, error.message);
      throw error;
    }
  });
}
