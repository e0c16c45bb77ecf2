/**
 * `GET /health` (public) and `GET /api/openapi.json` (signed in), the OpenAPI 3.1 document
 * generated from the routes' zod schemas.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { backends } from "../config.js";
import { parserVersion } from "../store/package-root.js";
import { json } from "./api/schemas.js";
import type { Api } from "./api/types.js";
import { sessionCookie } from "./context.js";

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  summary: "Whether the server and its store answer (no login)",
  security: [],
  responses: {
    200: json(z.object({ ok: z.literal(true), backend: z.enum(backends) }), "up"),
    503: json(z.object({ ok: z.literal(false), backend: z.enum(backends) }), "the store does not answer"),
  },
});

/** Adds /health and the OpenAPI document. */
export function openapiRoutes(app: Api): void {
  app.openapi(healthRoute, async (c) => {
    const db = c.get("db");
    try {
      await db.query("SELECT 1");
      return c.json({ ok: true as const, backend: db.backend }, 200);
    } catch {
      return c.json({ ok: false as const, backend: db.backend }, 503);
    }
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: sessionCookie,
    description: "set by POST /login; unsafe methods also need the x-csrf-token header",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "chidao",
      version: parserVersion,
      description:
        "Vietnamese official documents: search, read, correct, upload, and the incoming register. " +
        "Errors are { error: { code, message, issues? } }.",
    },
    security: [{ session: [] }],
  });
}
