/**
 * The reminders of task deadlines, sent exactly once (nhắc việc): one tick marks the items past
 * their deadline overdue, claims the reminders due today, and sends the emails.
 *
 * Exactly once: a reminder is claimed by inserting its row into `reminders`, unique by (item, user,
 * kind, day), with INSERT … ON CONFLICT DO NOTHING RETURNING; the in-app notification is written in
 * the same transaction, for the rows that insert returned only. A second tick — concurrent, or after
 * a restart — claims nothing already claimed, so it writes nothing again.
 *
 * Email goes after the claim commits: a claimed row that wants email is 'pending'; a sender takes it
 * with a lease (migrations/008-reminders.sql), sends it through the mailer and marks it 'sent',
 * 'logged' (no SMTP: written to the log) or 'failed' (with the error; retried on later ticks up to
 * `maxAttempts`). Rows a crash left pending are sent by the next tick once their lease is over. The
 * one window where a mail can go twice is a crash after the SMTP server accepted it and before the
 * 'sent' update committed: nothing on this side can know the server took it.
 */
import {
  deadlinesMarkedOn,
  type ReminderCandidate,
  type ReminderKind,
  reminderMessage,
  reminderOn,
  reminderRecipients,
} from "../tasks/reminders.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";
import { defaultPrefs } from "./notifications.js";
import { openStatuses } from "./task-model.js";

/** One email reminder, ready to be written out by a mailer. */
export interface ReminderEmail {
  to: string;
  /** The recipient's name, for the greeting. */
  name: string;
  itemId: number;
  kind: ReminderKind;
  onDate: string;
  title: string;
  body: string;
}

/** What sends reminder emails (src/notify/mail.ts): SMTP, or the log when SMTP is not configured. */
export interface ReminderMailer {
  readonly transport: "smtp" | "log";
  /** Resolves once the message is accepted (or logged); throws when it was not. */
  sendReminder(mail: ReminderEmail): Promise<void>;
}

/** What one tick did. */
export interface TickResult {
  today: string;
  /** Items marked overdue. */
  marked: number;
  /** Reminders claimed (new rows in `reminders`). */
  claimed: number;
  /** In-app notifications written. */
  notified: number;
  /** Emails sent (or, without SMTP, logged), including those left from earlier ticks. */
  emailed: number;
  /** Emails that failed this tick (retried later). */
  failed: number;
}

/** How a tick runs. */
export interface ReminderOptions {
  /** The day the tick is for, ISO (in Vietnam's time: src/server/scheduler.ts). */
  today: string;
  mailer: ReminderMailer;
  /** Where failures of email are told (default: nowhere; the row keeps the error). */
  log?: (line: string) => void;
  /** How long a sender holds an email before another may take it (default 10 minutes). */
  leaseMs?: number;
  /** Tries before a failing email is given up (default 5). */
  maxAttempts?: number;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(today: string): void {
  if (!ISO_DAY.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))
    throw new Error(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(today)}`);
}

/** The scheduler's own rows in scheduler_state. */
export const remindersJob = "reminders";

/**
 * Marks the open items whose deadline is before `today` overdue (quá hạn), each with a history row
 * by 'system', and one audit row; returns how many. One statement, so atomic on either backend
 * whether `sql` is the store or a transaction; rows another tick marked first are skipped.
 */
export async function markOverdue(sql: Sql, today: string): Promise<number> {
  checkDay(today);
  const [row] = await sql.query<{ n: number }>(
    `WITH late AS (
       SELECT id, status FROM task_items
       WHERE status IN ('new', 'in_progress') AND due IS NOT NULL AND due < $1::text
       ORDER BY id FOR UPDATE
     ), marked AS (
       UPDATE task_items i SET status = 'overdue', status_changed_at = now()
       FROM late WHERE i.id = late.id AND i.status IN ('new', 'in_progress')
       RETURNING i.id, late.status AS from_status, i.due
     ), history AS (
       INSERT INTO task_status_history (item_id, from_status, to_status, actor, note)
       SELECT id, from_status, 'overdue', 'system', 'Quá hạn: hạn ' || due FROM marked
     ), logged AS (
       INSERT INTO audit_log (actor, action, entity, detail)
       SELECT 'system', 'task-item.overdue', 'task_item',
         jsonb_build_object('today', $1::text, 'items', jsonb_agg(id ORDER BY id))
       FROM marked HAVING count(*) > 0
     )
     SELECT count(*)::int AS n FROM marked`,
    [today],
  );
  return row?.n ?? 0;
}

interface ItemRow {
  id: number;
  org_key: string | null;
  unit_label: string;
  period: string;
  due: string;
  handler_user_id: number | null;
  action: string;
  symbol: string | null;
}

interface PersonRow {
  item_id: number;
  user_id: number;
  role: string;
  email: string | null;
  handler: boolean;
  of_body: boolean;
  in_app: boolean | null;
  email_on: boolean | null;
  kinds: string[] | null;
}

/** A reminder to claim: who, about what, how it is delivered. */
interface Planned {
  itemId: number;
  userId: number;
  kind: ReminderKind;
  inApp: boolean;
  email: boolean;
  title: string;
  body: string;
}

// Items are claimed in chunks, one transaction each: a long list does not hold one long transaction.
const CHUNK = 500;

/**
 * The open items with a reminder today (past their deadline, or at a mark) that no tick has
 * reminded of today yet: a chunk is claimed whole or not at all, so an item with a reminder row for
 * today has been dealt with, and the ticks every 15 minutes do not walk every overdue item again.
 */
async function itemsDue(sql: Sql, today: string): Promise<ItemRow[]> {
  return sql.query<ItemRow>(
    `SELECT i.id, i.org_key, i.unit_label, i.period, i.due, i.handler_user_id, t.action, d.symbol
     FROM task_items i
     JOIN tasks t ON t.id = i.task_id
     LEFT JOIN documents d ON d.file_id = t.file_id AND d.record_id = t.record_id
     WHERE i.status = ANY($1::text[]) AND i.due IS NOT NULL AND t.state <> 'superseded'
       AND (i.due < $2::text OR i.due = ANY($3::text[]))
       AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.item_id = i.id AND r.on_date = $2::text)
     ORDER BY i.id`,
    [openStatuses, today, deadlinesMarkedOn(today)],
  );
}

/** The active people around the items: their handlers and the people of the units of their bodies. */
async function peopleOf(sql: Sql, itemIds: number[]): Promise<PersonRow[]> {
  return sql.query<PersonRow>(
    `SELECT i.id AS item_id, u.id AS user_id, u.role, u.email,
       (u.id IS NOT DISTINCT FROM i.handler_user_id) AS handler,
       (un.org_key IS NOT NULL AND un.org_key = i.org_key) AS of_body,
       p.in_app, p.email AS email_on, p.kinds
     FROM task_items i
     JOIN users u ON u.id = i.handler_user_id
       OR u.unit_id IN (SELECT x.id FROM units x WHERE x.org_key = i.org_key)
     LEFT JOIN units un ON un.id = u.unit_id
     LEFT JOIN notification_prefs p ON p.user_id = u.id
     WHERE i.id = ANY($1::int[]) AND NOT u.disabled`,
    [itemIds],
  );
}

/** The reminders the items call for today, each for whom and how, from the people's preferences. */
function plan(items: ItemRow[], people: PersonRow[], today: string): Planned[] {
  const byItem = new Map<number, PersonRow[]>();
  for (const p of people) byItem.set(p.item_id, [...(byItem.get(p.item_id) ?? []), p]);
  const planned: Planned[] = [];
  for (const item of items) {
    const kind = reminderOn({ due: item.due, open: true }, today);
    if (!kind) continue;
    const around = byItem.get(item.id) ?? [];
    const candidates: ReminderCandidate[] = around.map((p) => ({
      userId: p.user_id,
      role: p.role,
      handler: p.handler,
      ofBody: p.of_body,
    }));
    const message = reminderMessage(
      kind,
      {
        action: item.action,
        unitLabel: item.unit_label,
        due: item.due,
        symbol: item.symbol,
        period: item.period,
      },
      today,
    );
    for (const userId of reminderRecipients(kind, candidates)) {
      const person = around.find((p) => p.user_id === userId)!;
      const kinds = person.kinds ?? defaultPrefs.kinds;
      if (!kinds.includes(kind)) continue;
      const inApp = person.in_app ?? defaultPrefs.inApp;
      const email = (person.email_on ?? defaultPrefs.email) && !!person.email;
      if (!inApp && !email) continue;
      planned.push({ itemId: item.id, userId, kind, inApp, email, ...message });
    }
  }
  // One order for every claimer: two transactions inserting the same keys wait, never deadlock.
  return planned.sort((a, b) => a.itemId - b.itemId || a.userId - b.userId || a.kind.localeCompare(b.kind));
}

/** Claims a chunk's reminders and writes their notifications, in one transaction. */
async function claim(
  db: Db,
  planned: Planned[],
  today: string,
): Promise<{ claimed: number; notified: number }> {
  if (planned.length === 0) return { claimed: 0, notified: 0 };
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number; item_id: number; user_id: number; kind: string }>(
      `INSERT INTO reminders (item_id, user_id, kind, on_date, email_state)
       SELECT c.item_id, c.user_id, c.kind, $5::text, c.email_state
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[]) AS c(item_id, user_id, kind, email_state)
       ON CONFLICT (item_id, user_id, kind, on_date) DO NOTHING
       RETURNING id, item_id, user_id, kind`,
      [
        planned.map((p) => p.itemId),
        planned.map((p) => p.userId),
        planned.map((p) => p.kind),
        planned.map((p) => (p.email ? "pending" : "none")),
        today,
      ],
    );
    const won = new Set(rows.map((r) => `${r.item_id}:${r.user_id}:${r.kind}`));
    const notify = planned.filter((p) => p.inApp && won.has(`${p.itemId}:${p.userId}:${p.kind}`));
    if (notify.length > 0)
      await tx.query(
        `INSERT INTO notifications (user_id, item_id, kind, title, body)
         SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          notify.map((p) => p.userId),
          notify.map((p) => p.itemId),
          notify.map((p) => p.kind),
          notify.map((p) => p.title),
          notify.map((p) => p.body),
        ],
      );
    if (rows.length > 0)
      await audit(tx, {
        actor: "system",
        action: "reminders.claimed",
        entity: "reminder",
        detail: { day: today, reminders: rows.map((r) => r.id), notifications: notify.length },
      });
    return { claimed: rows.length, notified: notify.length };
  });
}

/**
 * Claims the reminders due on `today` and writes their in-app notifications; a reminder already
 * claimed (by any tick, before any restart) is skipped. Emails are left 'pending' for
 * `sendPendingEmails`.
 */
export async function claimReminders(db: Db, today: string): Promise<{ claimed: number; notified: number }> {
  checkDay(today);
  const items = await itemsDue(db, today);
  let claimed = 0;
  let notified = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const people = await peopleOf(
      db,
      chunk.map((item) => item.id),
    );
    const done = await claim(db, plan(chunk, people, today), today);
    claimed += done.claimed;
    notified += done.notified;
  }
  return { claimed, notified };
}

interface EmailRow {
  id: number;
  item_id: number;
  kind: ReminderKind;
  on_date: string;
  email: string | null;
  name: string;
  disabled: boolean;
  unit_label: string;
  period: string;
  due: string;
  action: string;
  symbol: string | null;
}

// Emails taken at a time: a batch must be sent well within its lease even when the server is slow
// (src/notify/mail.ts gives up on a message after about 90 s), or another sender could take it too.
const EMAIL_BATCH = 5;

/**
 * Sends the emails claimed and not yet sent (this tick's, a crashed tick's, failed ones still
 * within their tries), each taken under a lease so that no two senders send the same one.
 */
export async function sendPendingEmails(
  db: Db,
  options: Omit<ReminderOptions, "today">,
): Promise<{ emailed: number; failed: number }> {
  const leaseSeconds = (options.leaseMs ?? 10 * 60_000) / 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const tried: number[] = [];
  let emailed = 0;
  let failed = 0;
  for (;;) {
    const taken = await db.query<{ id: number }>(
      `UPDATE reminders SET email_lease_until = now() + make_interval(secs => $1::double precision),
         email_attempts = email_attempts + 1
       WHERE id IN (
         SELECT id FROM reminders
         WHERE email_state IN ('pending', 'failed') AND email_attempts < $2::int
           AND (email_lease_until IS NULL OR email_lease_until < now()) AND NOT (id = ANY($3::int[]))
         ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [leaseSeconds, maxAttempts, tried, EMAIL_BATCH],
    );
    if (taken.length === 0) break;
    tried.push(...taken.map((r) => r.id));
    const rows = await db.query<EmailRow>(
      `SELECT r.id, r.item_id, r.kind, r.on_date, u.email, u.name, u.disabled,
         i.unit_label, i.period, i.due, t.action, d.symbol
       FROM reminders r
       JOIN users u ON u.id = r.user_id
       JOIN task_items i ON i.id = r.item_id
       JOIN tasks t ON t.id = i.task_id
       LEFT JOIN documents d ON d.file_id = t.file_id AND d.record_id = t.record_id
       WHERE r.id = ANY($1::int[]) ORDER BY r.id`,
      [taken.map((r) => r.id)],
    );
    for (const r of rows) {
      if (!r.email || r.disabled) {
        // The address was removed or the account closed since the claim: nothing to send to.
        await db.query(
          `UPDATE reminders SET email_state = 'none', email_error = $2, email_lease_until = NULL WHERE id = $1`,
          [r.id, r.disabled ? "account disabled" : "no email address"],
        );
        continue;
      }
      const message = reminderMessage(
        r.kind,
        { action: r.action, unitLabel: r.unit_label, due: r.due, symbol: r.symbol, period: r.period },
        r.on_date,
      );
      try {
        await options.mailer.sendReminder({
          to: r.email,
          name: r.name,
          itemId: r.item_id,
          kind: r.kind,
          onDate: r.on_date,
          ...message,
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failed++;
        options.log?.(`reminder email ${r.id} to ${r.email} failed: ${reason}`);
        await db.query(
          `UPDATE reminders SET email_state = 'failed', email_error = $2, email_lease_until = NULL WHERE id = $1`,
          [r.id, reason.slice(0, 1000)],
        );
        continue;
      }
      emailed++;
      await db.query(
        `UPDATE reminders SET email_state = $2, email_error = NULL, sent_at = now(), email_lease_until = NULL
         WHERE id = $1`,
        [r.id, options.mailer.transport === "smtp" ? "sent" : "logged"],
      );
    }
  }
  return { emailed, failed };
}

/** Records that `job` ran for `today` (a later day only moves it forward), with what it did. */
export async function recordRun(
  db: Db,
  job: string,
  today: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO scheduler_state (name, last_day, last_run_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE
         SET last_day = GREATEST(scheduler_state.last_day, EXCLUDED.last_day), last_run_at = now()`,
      [job, today],
    );
    await audit(tx, { actor: "system", action: "scheduler.ran", entity: "scheduler", entityId: job, detail });
  });
}

/** The last day `job` ran for, or null when it never ran. */
export async function lastRunDay(sql: Sql, job: string): Promise<string | null> {
  const [row] = await sql.query<{ last_day: string | null }>(
    "SELECT last_day FROM scheduler_state WHERE name = $1",
    [job],
  );
  return row?.last_day ?? null;
}

/**
 * Runs a daily job once for `today`: the day is claimed in scheduler_state and the job runs in the
 * same transaction, so a failing job leaves the day unclaimed (tried again next tick) and two ticks
 * at once run it once. Returns whether it ran now.
 */
export async function runDailyJob(
  db: Db,
  job: string,
  today: string,
  fn: (sql: Sql, today: string) => Promise<unknown>,
): Promise<boolean> {
  checkDay(today);
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO scheduler_state (name, last_day, last_run_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET last_day = EXCLUDED.last_day, last_run_at = now()
         WHERE scheduler_state.last_day IS NULL OR scheduler_state.last_day < EXCLUDED.last_day
       RETURNING name`,
      [job, today],
    );
    if (claimed.length === 0) return false;
    await fn(tx, today);
    await audit(tx, {
      actor: "system",
      action: "scheduler.daily",
      entity: "scheduler",
      entityId: job,
      detail: { day: today },
    });
    return true;
  });
}

/**
 * One tick of the reminders for `today`: mark overdue, claim the reminders due, send the emails
 * (this tick's and any left pending), and record the day.
 *
 * @example
 * const done = await runReminders(db, { today: "2023-12-12", mailer });
 * // { today: "2023-12-12", marked: 0, claimed: 3, notified: 3, emailed: 1, failed: 0 }
 */
export async function runReminders(db: Db, options: ReminderOptions): Promise<TickResult> {
  checkDay(options.today);
  const marked = await markOverdue(db, options.today);
  const { claimed, notified } = await claimReminders(db, options.today);
  const { emailed, failed } = await sendPendingEmails(db, options);
  const result: TickResult = { today: options.today, marked, claimed, notified, emailed, failed };
  await recordRun(db, remindersJob, options.today, { ...result });
  return result;
}
