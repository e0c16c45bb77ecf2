/**
 * The cascade through the API: find a document's identity by symbol, draw its cascade, list who has
 * not answered, confirm which body an ambiguous citation means, and keep the issuing bodies.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { cascadeOf } from "../../link/cascade.js";
import type { Cascade, Subgraph } from "../../link/graph.js";
import { can, type Viewer } from "../../store/access.js";
import {
  ambiguousEdges,
  CascadeError,
  confirmEdge,
  findIdentities,
  listOrganisations,
  loadCascade,
  OrganisationError,
  recipientsOf,
  unanswered,
  updateOrganisation,
} from "../../store/cascade.js";
import type { Sql } from "../../store/db.js";
import { ApiError } from "../errors.js";
import { viewerOf } from "./auth.js";
import {
  ambiguousEdgeSchema,
  cascadeLookupSchema,
  cascadeQuery,
  cascadeSchema,
  confirmBody,
  edgeIdParam,
  keyParam,
  organisationPatch,
  organisationSchema,
  organisationsQuery,
  orgKeyParam,
  recipientGroupSchema,
  unansweredQuery,
  unansweredSchema,
} from "./cascade-schemas.js";
import { errors, json } from "./schemas.js";
import type { Api } from "./types.js";

/** A document's cascade with its recipients, as the API, the CLI's --json and the pages show it. */
export type CascadeView = Cascade & { recipients: Awaited<ReturnType<typeof recipientsOf>> };

/** The cascade around the identity `key` with the subgraph it was drawn from, or null when unknown. */
export async function cascadeWithGraph(
  sql: Sql,
  viewer: Viewer,
  key: string,
): Promise<{ cascade: CascadeView; graph: Subgraph } | null> {
  const graph = await loadCascade(sql, viewer, key);
  const cascade = graph && cascadeOf(graph, key);
  if (!graph || !cascade) return null;
  return { cascade: { ...cascade, recipients: await recipientsOf(sql, viewer, key) }, graph };
}

/** The cascade around the identity `key` as the viewer may see it, or null when it is unknown. */
export async function readCascade(sql: Sql, viewer: Viewer, key: string): Promise<CascadeView | null> {
  return (await cascadeWithGraph(sql, viewer, key))?.cascade ?? null;
}

const lookupRoute = createRoute({
  method: "get",
  path: "/api/cascade",
  summary: "The identities a symbol names (narrowed by issuer words), and the cascade when exactly one",
  request: { query: cascadeQuery },
  responses: {
    200: json(cascadeLookupSchema, "the matches, and the cascade of a single one"),
    ...errors(400, 401),
  },
});

const cascadeRoute = createRoute({
  method: "get",
  path: "/api/identities/{key}/cascade",
  summary: "A document's cascade: ancestors, the trees below the topmost ones with lags, related, recipients",
  request: { params: keyParam },
  responses: { 200: json(cascadeSchema, "the cascade"), ...errors(400, 401, 404) },
});

const recipientsRoute = createRoute({
  method: "get",
  path: "/api/identities/{key}/recipients",
  summary: "A document's recipients, resolved to bodies, each with the documents it answered with",
  request: { params: keyParam },
  responses: {
    200: json(z.object({ recipients: z.array(recipientGroupSchema) }), "the recipients"),
    ...errors(400, 401, 404),
  },
});

const unansweredRoute = createRoute({
  method: "get",
  path: "/api/unanswered",
  summary: "Per unit, the directives it was asked to act on and has not answered",
  request: { query: unansweredQuery },
  responses: {
    200: json(unansweredSchema, "the units and their unanswered directives"),
    ...errors(400, 401),
  },
});

const ambiguousRoute = createRoute({
  method: "get",
  path: "/api/edges/ambiguous",
  summary: "Citations whose issuer could be one of several bodies, waiting for a person to choose",
  responses: {
    200: json(z.object({ edges: z.array(ambiguousEdgeSchema) }), "the ambiguous edges"),
    ...errors(401),
  },
});

const confirmRoute = createRoute({
  method: "post",
  path: "/api/edges/{id}/confirm",
  summary: "Confirms which candidate an ambiguous citation means (clerks and administrators)",
  request: {
    params: edgeIdParam,
    body: { content: { "application/json": { schema: confirmBody } }, required: true },
  },
  responses: {
    200: json(z.object({ id: z.number().int(), key: z.string() }), "confirmed"),
    ...errors(400, 401, 403, 404),
  },
});

const organisationsRoute = createRoute({
  method: "get",
  path: "/api/organisations",
  summary: "The issuing bodies; review=true lists those named by documents but found in no table",
  request: { query: organisationsQuery },
  responses: {
    200: json(z.object({ organisations: z.array(organisationSchema) }), "the bodies"),
    ...errors(400, 401),
  },
});

const patchOrganisationRoute = createRoute({
  method: "patch",
  path: "/api/organisations/{key}",
  summary: "Corrects an issuing body's names, parent or review mark (administrators)",
  request: {
    params: orgKeyParam,
    body: { content: { "application/json": { schema: organisationPatch } }, required: true },
  },
  responses: { 200: json(organisationSchema, "the body as stored"), ...errors(400, 401, 403, 404) },
});

const refusals: Record<CascadeError["code"] | OrganisationError["code"], 400 | 404> = {
  edge_not_found: 404,
  not_a_candidate: 400,
  organisation_not_found: 404,
  parent_not_found: 400,
};

/** The store's refusals (an unknown edge or body, a key that is no candidate) as API errors. */
function refused(error: unknown): never {
  if (error instanceof CascadeError || error instanceof OrganisationError)
    throw new ApiError(refusals[error.code], error.code, error.message);
  throw error;
}

/** Adds the cascade routes. */
export function cascadeRoutes(app: Api): void {
  app.openapi(lookupRoute, async (c) => {
    const viewer = viewerOf(c);
    const { symbol, issuer } = c.req.valid("query");
    const db = c.get("db");
    const matches = await findIdentities(db, viewer, symbol, issuer || undefined);
    const cascade = matches.length === 1 ? await readCascade(db, viewer, matches[0]!.key) : null;
    return c.json({ matches, cascade }, 200);
  });

  app.openapi(cascadeRoute, async (c) => {
    const cascade = await readCascade(c.get("db"), viewerOf(c), c.req.valid("param").key);
    if (!cascade) throw new ApiError(404, "not_found", "no such document identity");
    return c.json(cascade, 200);
  });

  app.openapi(recipientsRoute, async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const { key } = c.req.valid("param");
    if (!(await loadCascade(db, viewer, key)))
      throw new ApiError(404, "not_found", "no such document identity");
    return c.json({ recipients: await recipientsOf(db, viewer, key) }, 200);
  });

  app.openapi(unansweredRoute, async (c) => {
    const q = c.req.valid("query");
    const units = await unanswered(c.get("db"), viewerOf(c), {
      unitKey: q.unit?.trim() || undefined,
      limit: q.limit || undefined,
    });
    return c.json({ units }, 200);
  });

  app.openapi(ambiguousRoute, async (c) => {
    return c.json({ edges: await ambiguousEdges(c.get("db"), viewerOf(c)) }, 200);
  });

  app.openapi(confirmRoute, async (c) => {
    const viewer = viewerOf(c);
    if (!can(viewer, "edge.confirm"))
      throw new ApiError(403, "forbidden", "only clerks and administrators confirm links");
    const { id } = c.req.valid("param");
    const { key } = c.req.valid("json");
    await confirmEdge(c.get("db"), id, key, { userId: viewer.userId, login: viewer.login }).catch(refused);
    return c.json({ id, key }, 200);
  });

  app.openapi(organisationsRoute, async (c) => {
    viewerOf(c);
    const q = c.req.valid("query");
    const organisations = await listOrganisations(c.get("db"), {
      q: q.q?.trim() || undefined,
      review: q.review ? q.review === "true" || q.review === "1" : undefined,
      limit: q.limit || undefined,
    });
    return c.json({ organisations }, 200);
  });

  app.openapi(patchOrganisationRoute, async (c) => {
    const viewer = viewerOf(c);
    if (!can(viewer, "organisation.manage"))
      throw new ApiError(403, "forbidden", "only an administrator corrects issuing bodies");
    const { key } = c.req.valid("param");
    const org = await updateOrganisation(c.get("db"), key, c.req.valid("json"), {
      userId: viewer.userId,
      login: viewer.login,
    }).catch(refused);
    return c.json(org, 200);
  });
}
