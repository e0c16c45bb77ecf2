/**
 * The signed-in user's notifications through the API: the list (paged, with the unread count),
 * marking one or all read, and how the user wants to be told (in the app, by email, which kinds).
 */
import { createRoute, z } from "@hono/zod-openapi";
import {
  digestItemSchema,
  getPrefs,
  listNotifications,
  markAllRead,
  markRead,
  maxNotificationsPage,
  type Notification,
  prefsInput,
  setPrefs,
} from "../../store/notifications.js";
import { reminderKinds } from "../../tasks/reminders.js";
import { ApiError } from "../errors.js";
import { viewerOf } from "./auth.js";
import { errors, idParam, json } from "./schemas.js";
import type { Api } from "./types.js";

/** A notification as the API shows it. */
export const notificationSchema = z
  .object({
    id: z.number().int(),
    itemId: z.number().int().nullable().openapi({ description: "the work item: /task-items/{itemId}" }),
    kind: z.string().openapi({ example: "due-3" }),
    title: z.string(),
    body: z.string(),
    items: z
      .array(digestItemSchema)
      .openapi({ description: "a digest's items (several reminders at once), overdue first" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    readAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("Notification");

const listSchema = z
  .object({
    notifications: z.array(notificationSchema),
    total: z.number().int(),
    unread: z.number().int(),
    page: z.number().int(),
    pages: z.number().int(),
  })
  .openapi("NotificationPage");

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  limit: z.coerce.number().int().min(1).max(maxNotificationsPage).optional(),
  unread: z.enum(["true", "false"]).optional().openapi({ description: "true: only the unread ones" }),
});

/** How a user wants to be told. */
export const prefsSchema = z
  .object({
    inApp: z.boolean(),
    email: z.boolean(),
    emailAddress: z.string().nullable(),
    kinds: z.array(z.enum(reminderKinds)),
  })
  .openapi("NotificationPrefs");

// The body is checked by the store's own schema (prefsInput) as well; this one documents it.
const prefsBody = z
  .object({
    inApp: z.boolean(),
    email: z.boolean(),
    emailAddress: z.string().max(254).nullable().openapi({ example: "chuyenvien@cantho.gov.vn" }),
    kinds: z.array(z.enum(reminderKinds)).max(reminderKinds.length),
  })
  .openapi("NotificationPrefsInput");

const listRoute = createRoute({
  method: "get",
  path: "/api/notifications",
  summary: "The signed-in user's notifications, newest first, with the unread count",
  request: { query: listQuery },
  responses: { 200: json(listSchema, "a page of notifications"), ...errors(400, 401) },
});

const readRoute = createRoute({
  method: "post",
  path: "/api/notifications/{id}/read",
  summary: "Marks one of the user's notifications read",
  request: { params: idParam },
  responses: { 200: json(notificationSchema, "the notification, read"), ...errors(400, 401, 403, 404) },
});

const readAllRoute = createRoute({
  method: "post",
  path: "/api/notifications/read-all",
  summary: "Marks every unread notification of the user read",
  responses: {
    200: json(z.object({ marked: z.number().int() }), "how many were marked"),
    ...errors(401, 403),
  },
});

const getPrefsRoute = createRoute({
  method: "get",
  path: "/api/me/notification-prefs",
  summary: "How the signed-in user wants to be told (in the app, by email, which reminders)",
  responses: { 200: json(prefsSchema, "the preferences"), ...errors(401) },
});

const putPrefsRoute = createRoute({
  method: "put",
  path: "/api/me/notification-prefs",
  summary: "Sets how the signed-in user wants to be told; email needs an address",
  request: { body: { content: { "application/json": { schema: prefsBody } }, required: true } },
  responses: { 200: json(prefsSchema, "the preferences as stored"), ...errors(400, 401, 403) },
});

/** A notification as the API shows it: its owner is the viewer, not repeated. */
function shown(n: Notification): z.infer<typeof notificationSchema> {
  const { userId: _owner, ...rest } = n;
  return rest;
}

/** Adds the notification routes. */
export function notificationRoutes(app: Api): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid("query");
    const list = await listNotifications(c.get("db"), viewerOf(c).userId, {
      page: q.page,
      limit: q.limit,
      unreadOnly: q.unread === "true",
    });
    return c.json({ ...list, notifications: list.notifications.map(shown) }, 200);
  });

  app.openapi(readAllRoute, async (c) => {
    const viewer = viewerOf(c);
    return c.json({ marked: await markAllRead(c.get("db"), viewer.userId, viewer.login) }, 200);
  });

  app.openapi(readRoute, async (c) => {
    const viewer = viewerOf(c);
    const read = await markRead(c.get("db"), viewer.userId, c.req.valid("param").id, viewer.login);
    // Another user's notification is as unknown as a missing one.
    if (!read) throw new ApiError(404, "not_found", "no such notification");
    return c.json(shown(read), 200);
  });

  app.openapi(getPrefsRoute, async (c) => c.json(await getPrefs(c.get("db"), viewerOf(c).userId), 200));

  app.openapi(putPrefsRoute, async (c) => {
    const viewer = viewerOf(c);
    const input = prefsInput.parse(c.req.valid("json"));
    return c.json(await setPrefs(c.get("db"), viewer.userId, input, viewer.login), 200);
  });
}
