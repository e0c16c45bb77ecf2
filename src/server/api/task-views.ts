/**
 * The task views through the API: my tasks, a directive's progress, the load per body and the
 * leader's dashboard. Reading only; every count is of what the viewer may read.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { dashboard, directiveProgress, myItems, type StatsFilter, unitLoad } from "../../store/task-views.js";
import { ApiError } from "../errors.js";
import { viewerOf } from "./auth.js";
import { errors, idParam, json } from "./schemas.js";
import {
  dashboardSchema,
  myTasksQuery,
  myTasksSchema,
  progressSchema,
  statsQuery,
  unitLoadSchema,
} from "./task-view-schemas.js";
import type { Api } from "./types.js";

const tags = ["task views"];

const myTasksRoute = createRoute({
  method: "get",
  path: "/api/my/tasks",
  tags,
  summary: "My work items: my unit's body's and those I handle, late first, then by due date",
  request: { query: myTasksQuery },
  responses: { 200: json(myTasksSchema, "one page of items and their total"), ...errors(400, 401) },
});

const progressRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/tasks",
  tags,
  summary: "A directive's tasks with their items and its progress",
  request: { params: idParam },
  responses: { 200: json(progressSchema, "the tasks and counts"), ...errors(400, 401, 404) },
});

const loadRoute = createRoute({
  method: "get",
  path: "/api/task-load",
  tags,
  summary:
    "Per body: items, open, done, done on time, late, next due date (due in the period, and apart those without a due date live in it)",
  request: { query: statsQuery },
  responses: {
    200: json(z.object({ units: z.array(unitLoadSchema) }), "the bodies, most late first"),
    ...errors(400, 401),
  },
});

const dashboardRoute = createRoute({
  method: "get",
  path: "/api/dashboard",
  tags,
  summary:
    "The leader's dashboard: counts (those without a due date live in the period apart), on-time rate of dated items, top directives and bodies, months",
  request: { query: statsQuery },
  responses: { 200: json(dashboardSchema, "the dashboard"), ...errors(400, 401) },
});

/** The store's filter of the counting views from their query (`org` and `directive` are keys). */
function statsFilter(q: z.infer<typeof statsQuery>): StatsFilter {
  return { from: q.from, to: q.to, orgKey: q.org, directiveKey: q.directive };
}

/** Adds the task view routes. */
export function taskViewRoutes(app: Api): void {
  app.openapi(myTasksRoute, async (c) => {
    const q = c.req.valid("query");
    const page = await myItems(c.get("db"), viewerOf(c), {
      status: q.status,
      due: q.due,
      mine: q.mine,
      offset: q.offset,
      limit: q.limit,
    });
    return c.json(page, 200);
  });

  app.openapi(progressRoute, async (c) => {
    const progress = await directiveProgress(c.get("db"), viewerOf(c), c.req.valid("param").id);
    if (!progress) throw new ApiError(404, "not_found", "no such document, or not readable");
    return c.json(progress, 200);
  });

  app.openapi(loadRoute, async (c) => {
    const units = await unitLoad(c.get("db"), viewerOf(c), statsFilter(c.req.valid("query")));
    return c.json({ units }, 200);
  });

  app.openapi(dashboardRoute, async (c) => {
    const view = await dashboard(c.get("db"), viewerOf(c), statsFilter(c.req.valid("query")));
    return c.json(view, 200);
  });
}
