/**
 * In-app notifications (thông báo) and what each user wants to be told (notification_prefs): a
 * user's list, paged, with the unread count; marking read; reading and setting the preferences.
 * The reminders that write notifications are in reminders.ts: one per person per tick, listing its
 * items.
 */
import { z } from "zod";
import { type DigestItem, type ReminderKind, reminderKinds } from "../tasks/reminders.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";

/** One notification as its user sees it. */
export interface Notification {
  id: number;
  userId: number;
  /** The work item it is about (link: /task-items/:id), or null (a digest of several, say). */
  itemId: number | null;
  /** A reminder's kind (due-7, due-3, due-1, overdue), or "digest" for several reminders at once. */
  kind: string;
  title: string;
  body: string;
  /** The reminders' items as they stood when it was written, overdue first; empty when none. */
  items: DigestItem[];
  createdAt: string;
  readAt: string | null;
}

/** One page of a user's notifications, newest first. */
export interface NotificationPage {
  notifications: Notification[];
  /** How many there are in all (for the filter asked), and how many unread. */
  total: number;
  unread: number;
  page: number;
  pages: number;
}

/** What a user wants to be told, and how. */
export interface NotificationPrefs {
  /** In the app (trong ứng dụng). */
  inApp: boolean;
  /** By email, to `emailAddress`. */
  email: boolean;
  emailAddress: string | null;
  /** The reminders wanted (7/3/1 days before, overdue). */
  kinds: ReminderKind[];
}

/** The preferences of a user who never set any (the table's defaults, migrations/005-tasks.sql). */
export const defaultPrefs: Omit<NotificationPrefs, "emailAddress"> = {
  inApp: true,
  email: false,
  kinds: [...reminderKinds],
};

/** Preferences as a person sends them; email reminders need an address. */
export const prefsInput = z
  .object({
    inApp: z.boolean(),
    email: z.boolean(),
    emailAddress: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v),
      z.email().max(254).nullable(),
    ),
    kinds: z.array(z.enum(reminderKinds)).max(reminderKinds.length),
  })
  .refine((p) => !p.email || p.emailAddress !== null, {
    message: "email reminders need an email address",
    path: ["emailAddress"],
  });

/** Largest page of notifications. */
export const maxNotificationsPage = 100;

/**
 * An item of a notification as stored (notifications.items, migrations/009-reminder-digests.sql) and
 * as the API shows it.
 */
export const digestItemSchema = z.object({
  itemId: z.number().int(),
  kind: z.enum(reminderKinds),
  action: z.string(),
  unitLabel: z.string(),
  due: z.string(),
  symbol: z.string().nullable(),
  period: z.string(),
  daysLeft: z.number().int().describe("days to the deadline, negative once overdue"),
});
const storedItems = z.array(digestItemSchema);

/** The stored items, or none when what is stored is not a list of items (nothing to show beats a crash). */
function itemsOf(value: unknown): DigestItem[] {
  const parsed = storedItems.safeParse(value);
  return parsed.success ? parsed.data : [];
}

interface NotificationRow {
  id: number;
  user_id: number;
  item_id: number | null;
  kind: string;
  title: string;
  body: string;
  items: unknown;
  created_at: Date | string;
  read_at: Date | string | null;
}

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function fromRow(r: NotificationRow): Notification {
  return {
    id: r.id,
    userId: r.user_id,
    itemId: r.item_id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    items: itemsOf(r.items),
    createdAt: iso(r.created_at),
    readAt: r.read_at === null ? null : iso(r.read_at),
  };
}

/** How many notifications the user has not read. */
export async function unreadCount(sql: Sql, userId: number): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL",
    [userId],
  );
  return row?.n ?? 0;
}

/** A page of the user's notifications, newest first; `unreadOnly` keeps the unread ones. */
export async function listNotifications(
  sql: Sql,
  userId: number,
  options: { page?: number; limit?: number; unreadOnly?: boolean } = {},
): Promise<NotificationPage> {
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 20)), maxNotificationsPage);
  const unreadOnly = options.unreadOnly ?? false;
  const [counts] = await sql.query<{ total: number; unread: number }>(
    `SELECT count(*) FILTER (WHERE NOT $2::boolean OR read_at IS NULL)::int AS total,
       count(*) FILTER (WHERE read_at IS NULL)::int AS unread
     FROM notifications WHERE user_id = $1`,
    [userId, unreadOnly],
  );
  const total = counts?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const rows = await sql.query<NotificationRow>(
    `SELECT id, user_id, item_id, kind, title, body, items, created_at, read_at FROM notifications
     WHERE user_id = $1 AND (NOT $2::boolean OR read_at IS NULL)
     ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [userId, unreadOnly, limit, (page - 1) * limit],
  );
  return { notifications: rows.map(fromRow), total, unread: counts?.unread ?? 0, page, pages };
}

/**
 * Marks one of the user's notifications read; null when the user has no such notification. Reading
 * it again keeps the first time.
 */
export async function markRead(
  db: Db,
  userId: number,
  id: number,
  actor: string,
): Promise<Notification | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<NotificationRow>(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
       RETURNING id, user_id, item_id, kind, title, body, items, created_at, read_at`,
      [id, userId],
    );
    if (!row) return null;
    await audit(tx, { actor, userId, action: "notification.read", entity: "notification", entityId: id });
    return fromRow(row);
  });
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllRead(db: Db, userId: number, actor: string): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>(
      "UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id",
      [userId],
    );
    if (rows.length > 0)
      await audit(tx, {
        actor,
        userId,
        action: "notification.read-all",
        entity: "user",
        entityId: userId,
        detail: { count: rows.length },
      });
    return rows.length;
  });
}

/** The user's preferences (the defaults until set), with the address on their account. */
export async function getPrefs(sql: Sql, userId: number): Promise<NotificationPrefs> {
  const [row] = await sql.query<{
    email_address: string | null;
    in_app: boolean | null;
    email: boolean | null;
    kinds: string[] | null;
  }>(
    `SELECT u.email AS email_address, p.in_app, p.email, p.kinds
     FROM users u LEFT JOIN notification_prefs p ON p.user_id = u.id WHERE u.id = $1`,
    [userId],
  );
  if (!row) throw new Error(`no user ${userId}`);
  return {
    inApp: row.in_app ?? defaultPrefs.inApp,
    email: row.email ?? defaultPrefs.email,
    emailAddress: row.email_address,
    kinds: row.kinds ? reminderKinds.filter((k) => row.kinds!.includes(k)) : [...defaultPrefs.kinds],
  };
}

/**
 * Sets the user's preferences and email address. The input is validated here (a form's or the API's
 * as it came): a ZodError names what is wrong.
 */
export async function setPrefs(
  db: Db,
  userId: number,
  input: z.input<typeof prefsInput> | Record<string, unknown>,
  actor: string,
): Promise<NotificationPrefs> {
  const p = prefsInput.parse(input);
  const kinds = reminderKinds.filter((k) => p.kinds.includes(k));
  await db.transaction(async (tx) => {
    const updated = await tx.query("UPDATE users SET email = $2 WHERE id = $1 RETURNING id", [
      userId,
      p.emailAddress,
    ]);
    if (updated.length === 0) throw new Error(`no user ${userId}`);
    await tx.query(
      `INSERT INTO notification_prefs (user_id, in_app, email, kinds) VALUES ($1, $2, $3, $4::text[])
       ON CONFLICT (user_id) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, kinds = EXCLUDED.kinds`,
      [userId, p.inApp, p.email, kinds],
    );
    await audit(tx, {
      actor,
      userId,
      action: "notification-prefs.set",
      entity: "user",
      entityId: userId,
      detail: { inApp: p.inApp, email: p.email, emailAddress: p.emailAddress, kinds },
    });
  });
  return { inApp: p.inApp, email: p.email, emailAddress: p.emailAddress, kinds };
}
