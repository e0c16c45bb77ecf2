/**
 * What the reminders tests share: a mailer that keeps what it was asked to send (and can refuse
 * some addresses), day arithmetic, emptying the task tables between tests, and reading back what a
 * tick wrote (reminder rows, digests, notifications with their items).
 */
import type { Sql } from "../../src/store/db.js";
import type { ReminderEmail, ReminderMailer } from "../../src/store/reminders.js";

/** A mailer that records every message; addresses in `refuse` throw, as a refusing server would. */
export interface FakeMailer extends ReminderMailer {
  sent: ReminderEmail[];
  refuse: Set<string>;
  /** Waits this long in each send (to hold a tick open). */
  delayMs: number;
}

export function fakeMailer(transport: "smtp" | "log" = "smtp"): FakeMailer {
  const mailer: FakeMailer = {
    transport,
    sent: [],
    refuse: new Set(),
    delayMs: 0,
    async sendReminder(mail) {
      if (mailer.delayMs > 0) await new Promise((r) => setTimeout(r, mailer.delayMs));
      if (mailer.refuse.has(mail.to)) throw new Error(`550 mailbox unavailable: ${mail.to}`);
      mailer.sent.push(mail);
    },
  };
  return mailer;
}

/** The ISO day `n` days after `iso`. */
export function plus(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Empties what the reminders tests write, so each test counts only its own rows. */
export async function resetTasks(sql: Sql): Promise<void> {
  await sql.query("DELETE FROM reminders");
  await sql.query("DELETE FROM reminder_digests");
  await sql.query("DELETE FROM notifications");
  await sql.query("DELETE FROM task_status_history");
  await sql.query("DELETE FROM task_items");
  await sql.query("DELETE FROM tasks");
  await sql.query("DELETE FROM scheduler_state");
  await sql.query("DELETE FROM notification_prefs");
}

/** A reminder row as the tests read it. */
export interface ReminderRow {
  item_id: number;
  login: string;
  kind: string;
  on_date: string;
  email_state: string;
  email_error: string | null;
  email_attempts: number;
  /** The digest it was delivered in. */
  digest_id: number | null;
}

/** Every reminder, by item, login, kind and day. */
export async function reminderRows(sql: Sql): Promise<ReminderRow[]> {
  return sql.query<ReminderRow>(
    `SELECT r.item_id, u.login, r.kind, r.on_date, r.email_state, r.email_error, r.email_attempts, r.digest_id
     FROM reminders r JOIN users u ON u.id = r.user_id ORDER BY r.item_id, u.login, r.kind, r.on_date`,
  );
}

/** A digest row as the tests read it. */
export interface DigestRow {
  id: number;
  login: string;
  on_date: string;
  notification_id: number | null;
  email_state: string;
  email_attempts: number;
}

/** Every digest, by id. */
export async function digestRows(sql: Sql): Promise<DigestRow[]> {
  return sql.query<DigestRow>(
    `SELECT d.id, u.login, d.on_date, d.notification_id, d.email_state, d.email_attempts
     FROM reminder_digests d JOIN users u ON u.id = d.user_id ORDER BY d.id`,
  );
}

/** A notification as the tests read it, with the ids and kinds of its items in their order. */
export interface NotificationRow {
  id: number;
  item_id: number | null;
  login: string;
  kind: string;
  title: string;
  body: string;
  /** "item:kind", in the order stored. */
  items: string[];
}

/** Every notification, by login and then as written. */
export async function notificationRows(sql: Sql): Promise<NotificationRow[]> {
  const rows = await sql.query<
    Omit<NotificationRow, "items"> & { items: Array<{ itemId: number; kind: string }> }
  >(
    `SELECT n.id, n.item_id, u.login, n.kind, n.title, n.body, n.items FROM notifications n
     JOIN users u ON u.id = n.user_id ORDER BY u.login, n.id`,
  );
  return rows.map((r) => ({ ...r, items: r.items.map((i) => `${i.itemId}:${i.kind}`) }));
}

/** Sets a user's preferences directly (the store's setPrefs validates; tests also want odd ones). */
export async function prefs(
  sql: Sql,
  userId: number,
  p: { inApp?: boolean; email?: boolean; kinds?: string[] },
): Promise<void> {
  await sql.query(
    `INSERT INTO notification_prefs (user_id, in_app, email, kinds) VALUES ($1, $2, $3, $4::text[])
     ON CONFLICT (user_id) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, kinds = EXCLUDED.kinds`,
    [userId, p.inApp ?? true, p.email ?? false, p.kinds ?? ["due-7", "due-3", "due-1", "overdue"]],
  );
}
