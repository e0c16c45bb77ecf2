/**
 * The reminders of task deadlines, sent exactly once (nhắc việc): one tick marks the items past
 * their deadline overdue, claims the reminders due today, and sends the emails.
 *
 * Exactly once: a reminder is claimed by inserting its row into `reminders`, unique by (item, user,
 * kind, day), with INSERT … ON CONFLICT DO NOTHING RETURNING. A second tick — concurrent, or after
 * a restart — claims nothing already claimed, so it writes nothing again.
 *
 * Delivered per person: the rows one claim won for one user become one digest
 * (`reminder_digests`, migrations/008-reminder-digests.sql) — one in-app notification listing the
 * items, written in the claim's transaction, and one email. A claim holds whole items and whole
 * people (`claimGroups`), so a person gets one digest per tick however many items are due.
 *
 * Email goes after the claim commits: a digest that wants email is 'pending'; a sender takes it
 * with a lease, sends it through the mailer and marks it and all its rows 'sent', 'logged' (no
 * SMTP: written to the log) or 'failed' (with the error; retried on later ticks up to
 * `maxAttempts`, with the same rows). Digests a crash left pending are sent by the next tick once
 * their lease is over. The one window where a mail can go twice is a crash after the SMTP server
 * accepted it and before the 'sent' update committed: nothing on this side can know the server
 * took it.
 */
import {
  type DigestItem,
  deadlinesMarkedOn,
  digestGroups,
  digestItem,
  digestMessage,
  type ReminderCandidate,
  type ReminderKind,
  reminderOn,
  reminderRecipients,
} from "../tasks/reminders.js";
import { audit } from "./audit.js";
import type { Db, Sql } from "./db.js";
import { toJson } from "./json.js";
import { defaultPrefs } from "./notifications.js";
import { openStatuses } from "./task-model.js";

/** One person's reminder email of a tick (a digest), ready to be written out by a mailer. */
export interface ReminderEmail {
  to: string;
  /** The recipient's name, for the greeting. */
  name: string;
  onDate: string;
  /** The subject: one reminder's own words, or the digest's counts (`digestMessage`). */
  title: string;
  /** The plain text of the reminder or of the digest. */
  body: string;
  /** The items, in the order a digest lists them (overdue first): one for a single reminder. */
  items: DigestItem[];
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
  /** In-app notifications written: one per person, each listing that person's reminders. */
  notified: number;
  /** Emails sent (or, without SMTP, logged), one per person; including those left from earlier ticks. */
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
export interface Planned {
  itemId: number;
  userId: number;
  kind: ReminderKind;
  inApp: boolean;
  email: boolean;
  /** The item as the person's digest will list it. */
  item: DigestItem;
}

// About how many reminders one claim (one transaction) holds: a long list does not hold one long
// transaction. Items are read in chunks of the same size.
const CHUNK = 500;

/**
 * The open items with a reminder today (past their deadline, or at a mark) that no tick has
 * reminded of today yet: a claim holds each item whole (`claimGroups`), so an item with a reminder
 * row for today has been dealt with, and the ticks every 15 minutes do not walk every overdue item
 * again.
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

const byKey = (a: Planned, b: Planned) =>
  a.itemId - b.itemId || a.userId - b.userId || a.kind.localeCompare(b.kind);

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
    const subject = digestItem(
      item.id,
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
      planned.push({ itemId: item.id, userId, kind, inApp, email, item: subject });
    }
  }
  return planned.sort(byKey);
}

/**
 * The planned reminders cut into claims, each claimed in one transaction, such that every item's
 * reminders and every person's are in one claim: items and people that share reminders (a body's
 * items and its people, a handler and the items handled) stay together, and such groups are packed
 * into claims of about `size` reminders (a larger group is a claim of its own). So an item with a
 * row for today was claimed whole, and a person gets one digest per tick. Inside a claim the rows
 * keep one order for every claimer: two transactions inserting the same keys wait, never deadlock.
 */
export function claimGroups(planned: readonly Planned[], size = CHUNK): Planned[][] {
  // Union-find over items ("i12") and people ("u3"): a reminder joins its item and its person.
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    for (let k = key; k !== root; ) {
      const next = parent.get(k)!;
      parent.set(k, root);
      k = next;
    }
    return root;
  };
  for (const p of planned) {
    for (const k of [`i${p.itemId}`, `u${p.userId}`]) if (!parent.has(k)) parent.set(k, k);
    const a = find(`i${p.itemId}`);
    const b = find(`u${p.userId}`);
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<string, Planned[]>();
  for (const p of [...planned].sort(byKey)) {
    const root = find(`i${p.itemId}`);
    groups.set(root, [...(groups.get(root) ?? []), p]);
  }
  const claims: Planned[][] = [];
  let current: Planned[] = [];
  for (const group of groups.values()) {
    if (current.length > 0 && current.length + group.length > size) {
      claims.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) claims.push(current);
  return claims.map((c) => c.sort(byKey));
}

/** One person's reminders won by a claim. */
interface Won {
  userId: number;
  inApp: boolean;
  email: boolean;
  reminders: number[];
  items: DigestItem[];
}

/**
 * Claims one claim's reminders, and for each person who won any writes one digest, its in-app
 * notification (listing the items) and links the rows to it — all in one transaction.
 */
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
    if (rows.length === 0) return { claimed: 0, notified: 0 };
    const idOf = new Map(rows.map((r) => [`${r.item_id}:${r.user_id}:${r.kind}`, r.id]));
    const byUser = new Map<number, Won>();
    for (const p of planned) {
      const id = idOf.get(`${p.itemId}:${p.userId}:${p.kind}`);
      if (id === undefined) continue;
      const won = byUser.get(p.userId) ?? {
        userId: p.userId,
        inApp: p.inApp,
        email: p.email,
        reminders: [],
        items: [],
      };
      won.reminders.push(id);
      won.items.push(p.item);
      byUser.set(p.userId, won);
    }
    const people = [...byUser.values()].sort((a, b) => a.userId - b.userId);

    const told = people.filter((w) => w.inApp);
    const messages = told.map((w) => digestMessage(w.items, today));
    const notes =
      told.length === 0
        ? []
        : await tx.query<{ id: number; user_id: number }>(
            `INSERT INTO notifications (user_id, item_id, kind, title, body, items)
             SELECT n.user_id, n.item_id, n.kind, n.title, n.body, n.items::jsonb
             FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
               AS n(user_id, item_id, kind, title, body, items)
             RETURNING id, user_id`,
            [
              told.map((w) => w.userId),
              // One reminder is about its item; a digest is about several (its items say which).
              told.map((w) => (w.items.length === 1 ? w.items[0]!.itemId : null)),
              told.map((w) => (w.items.length === 1 ? w.items[0]!.kind : "digest")),
              messages.map((m) => m.title),
              messages.map((m) => m.body),
              told.map((w) => toJson(digestGroups(w.items).flatMap((g) => g.items))),
            ],
          );
    const noteOf = new Map(notes.map((n) => [n.user_id, n.id]));
    const digests = await tx.query<{ id: number; user_id: number }>(
      `INSERT INTO reminder_digests (user_id, on_date, notification_id, email_state)
       SELECT d.user_id, $4::text, d.notification_id, d.email_state
       FROM unnest($1::int[], $2::int[], $3::text[]) AS d(user_id, notification_id, email_state)
       RETURNING id, user_id`,
      [
        people.map((w) => w.userId),
        people.map((w) => noteOf.get(w.userId) ?? null),
        people.map((w) => (w.email ? "pending" : "none")),
        today,
      ],
    );
    const digestOf = new Map(digests.map((d) => [d.user_id, d.id]));
    const links = people.flatMap((w) => w.reminders.map((id) => [id, digestOf.get(w.userId)!] as const));
    await tx.query(
      `UPDATE reminders r SET digest_id = x.digest_id
       FROM unnest($1::int[], $2::int[]) AS x(id, digest_id) WHERE r.id = x.id`,
      [links.map(([id]) => id), links.map(([, digest]) => digest)],
    );
    await audit(tx, {
      actor: "system",
      action: "reminders.claimed",
      entity: "reminder",
      detail: {
        day: today,
        reminders: rows.map((r) => r.id),
        digests: digests.map((d) => d.id),
        notifications: notes.length,
      },
    });
    return { claimed: rows.length, notified: notes.length };
  });
}

/**
 * Claims the reminders due on `today` and writes one in-app notification per person (a digest of
 * that person's reminders); a reminder already claimed (by any tick, before any restart) is
 * skipped. Emails are left 'pending' on the digests for `sendPendingEmails`.
 */
export async function claimReminders(db: Db, today: string): Promise<{ claimed: number; notified: number }> {
  checkDay(today);
  const items = await itemsDue(db, today);
  const ids = items.map((item) => item.id);
  const people: PersonRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) people.push(...(await peopleOf(db, ids.slice(i, i + CHUNK))));
  let claimed = 0;
  let notified = 0;
  for (const group of claimGroups(plan(items, people, today))) {
    const done = await claim(db, group, today);
    claimed += done.claimed;
    notified += done.notified;
  }
  return { claimed, notified };
}

interface DigestRow {
  id: number;
  user_id: number;
  on_date: string;
  email_attempts: number;
}

interface DigestReminderRow {
  id: number;
  digest_id: number;
  item_id: number;
  kind: ReminderKind;
  unit_label: string;
  period: string;
  due: string;
  action: string;
  symbol: string | null;
}

type EmailOutcome = "sent" | "logged" | "failed" | "none";

/**
 * Marks a digest's email and every one of its rows with the outcome, together, with the tries so far
 * and an audit row.
 */
async function settle(db: Db, digest: DigestRow, state: EmailOutcome, error: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE reminder_digests SET email_state = $2, email_error = $3, email_lease_until = NULL,
         sent_at = CASE WHEN $2::text IN ('sent', 'logged') THEN now() ELSE sent_at END
       WHERE id = $1`,
      [digest.id, state, error],
    );
    const rows = await tx.query<{ id: number }>(
      `UPDATE reminders SET email_state = $2, email_error = $3, email_attempts = $4,
         sent_at = CASE WHEN $2::text IN ('sent', 'logged') THEN now() ELSE sent_at END
       WHERE digest_id = $1 RETURNING id`,
      [digest.id, state, error, digest.email_attempts],
    );
    await audit(tx, {
      actor: "system",
      action: `reminder-email.${state === "none" ? "skipped" : state}`,
      entity: "reminder_digest",
      entityId: digest.id,
      detail: {
        day: digest.on_date,
        to: digest.user_id,
        reminders: rows.map((r) => r.id).sort((a, b) => a - b),
        attempts: digest.email_attempts,
        ...(error ? { error } : {}),
      },
    });
  });
}

// Emails taken at a time: a batch must be sent well within its lease even when the server is slow
// (src/notify/mail.ts gives up on a message after about 90 s), or another sender could take it too.
const EMAIL_BATCH = 5;

/**
 * Sends the emails claimed and not yet sent (this tick's, a crashed tick's, failed ones still
 * within their tries), one per digest — all of a person's reminders of that tick — each taken under
 * a lease so that no two senders send the same one.
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
    // The lease is on the digest row itself, updated by the statement that checks it: a concurrent
    // sender that read the row before re-checks it after, and skips it.
    const taken = await db.query<DigestRow>(
      `UPDATE reminder_digests SET email_lease_until = now() + make_interval(secs => $1::double precision),
         email_attempts = email_attempts + 1
       WHERE id IN (
         SELECT id FROM reminder_digests
         WHERE email_state IN ('pending', 'failed') AND email_attempts < $2::int
           AND (email_lease_until IS NULL OR email_lease_until < now()) AND NOT (id = ANY($3::int[]))
         ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
         AND email_state IN ('pending', 'failed') AND email_attempts < $2::int
         AND (email_lease_until IS NULL OR email_lease_until < now())
       RETURNING id, user_id, on_date, email_attempts`,
      [leaseSeconds, maxAttempts, tried, EMAIL_BATCH],
    );
    if (taken.length === 0) break;
    const ids = taken.map((d) => d.id);
    tried.push(...ids);
    const people = await db.query<{ id: number; email: string | null; name: string; disabled: boolean }>(
      "SELECT id, email, name, disabled FROM users WHERE id = ANY($1::int[])",
      [taken.map((d) => d.user_id)],
    );
    const rows = await db.query<DigestReminderRow>(
      `SELECT r.id, r.digest_id, r.item_id, r.kind, i.unit_label, i.period, i.due, t.action, d.symbol
       FROM reminders r
       JOIN task_items i ON i.id = r.item_id
       JOIN tasks t ON t.id = i.task_id
       LEFT JOIN documents d ON d.file_id = t.file_id AND d.record_id = t.record_id
       WHERE r.digest_id = ANY($1::int[]) AND i.due IS NOT NULL ORDER BY r.digest_id, r.id`,
      [ids],
    );
    for (const digest of taken.sort((a, b) => a.id - b.id)) {
      const person = people.find((p) => p.id === digest.user_id);
      const mine = rows.filter((r) => r.digest_id === digest.id);
      if (!person?.email || person.disabled || mine.length === 0) {
        // The address was removed, the account closed or the items' deadlines taken away since the
        // claim: nothing to send.
        const why =
          mine.length === 0 ? "no item left" : person?.disabled ? "account disabled" : "no email address";
        await settle(db, digest, "none", why);
        continue;
      }
      const items = mine.map((r) =>
        digestItem(
          r.item_id,
          r.kind,
          { action: r.action, unitLabel: r.unit_label, due: r.due, symbol: r.symbol, period: r.period },
          digest.on_date,
        ),
      );
      const message = digestMessage(items, digest.on_date);
      try {
        await options.mailer.sendReminder({
          to: person.email,
          name: person.name,
          onDate: digest.on_date,
          ...message,
          items: digestGroups(items).flatMap((g) => g.items),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        failed++;
        options.log?.(
          `reminder email ${digest.id} (${items.length} reminders) to ${person.email} failed: ${reason}`,
        );
        await settle(db, digest, "failed", reason.slice(0, 1000));
        continue;
      }
      emailed++;
      await settle(db, digest, options.mailer.transport === "smtp" ? "sent" : "logged", null);
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
