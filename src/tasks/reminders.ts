/**
 * Reminders (nhắc việc) of a task's deadline, pure: which reminder a work item is due on a day, who
 * of the people around the item gets it, and the Vietnamese words of the message.
 *
 * A reminder comes on exactly 7, 3 and 1 calendar days before the deadline, and every day after it
 * while the item is still open. A tick looks at its own day only: days the scheduler missed (the
 * server was down) are not replayed, so the first tick after a gap sends the most urgent reminder
 * that applies on that day — overdue, or the mark falling on it — and never a stale one. Down over
 * the 7-day mark and back 5 days before the deadline, nothing comes until the 3-day mark.
 */
import { addDays, parseIso } from "./deadline-calendar.js";

/** The kinds of reminder, least urgent first. */
export const reminderKinds = ["due-7", "due-3", "due-1", "overdue"] as const;

/** One kind of reminder. */
export type ReminderKind = (typeof reminderKinds)[number];

/** Whether a value names a reminder kind. */
export function isReminderKind(value: unknown): value is ReminderKind {
  return typeof value === "string" && (reminderKinds as readonly string[]).includes(value);
}

/** The marks before a deadline (nhắc trước hạn): how many calendar days before it each comes. */
export const reminderMarks: ReadonlyArray<{ kind: Exclude<ReminderKind, "overdue">; daysBefore: number }> = [
  { kind: "due-7", daysBefore: 7 },
  { kind: "due-3", daysBefore: 3 },
  { kind: "due-1", daysBefore: 1 },
];

/** What the schedule needs of a work item. */
export interface RemindableItem {
  /** The deadline, ISO; null when the item has none. */
  due: string | null;
  /** Still to be worked (mới, đang thực hiện, quá hạn); done and cancelled items get nothing. */
  open: boolean;
}

function dayNumber(iso: string): number | null {
  const ymd = parseIso(iso);
  return ymd ? Date.UTC(ymd.y, ymd.m - 1, ymd.d) / 86_400_000 : null;
}

/** Calendar days from `today` to `due`: 3 three days before, 0 on the day, −2 two days after. */
export function daysUntil(due: string, today: string): number {
  const d = dayNumber(due);
  const t = dayNumber(today);
  if (d === null || t === null) throw new Error(`not an ISO date: ${d === null ? due : today}`);
  return d - t;
}

/**
 * The reminder an item is due on `today`, or null. At most one a day: a mark falls on one day only,
 * and overdue comes after the last mark.
 *
 * @example
 * reminderOn({ due: "2023-12-15", open: true }, "2023-12-12"); // "due-3"
 * reminderOn({ due: "2023-12-15", open: true }, "2023-12-11"); // null (no mark on day 4)
 */
export function reminderOn(item: RemindableItem, today: string): ReminderKind | null {
  if (!item.open || item.due === null || dayNumber(item.due) === null) return null;
  const left = daysUntil(item.due, today);
  if (left < 0) return "overdue";
  return reminderMarks.find((m) => m.daysBefore === left)?.kind ?? null;
}

/**
 * The deadlines that have a mark on `today` (today + 7, + 3, + 1): what a store selects before
 * asking `reminderOn` of each item (together with the deadlines already past).
 */
export function deadlinesMarkedOn(today: string): string[] {
  return reminderMarks.map((m) => addDays(today, m.daysBefore));
}

/** A person who may be told about an item, and how they stand to it. */
export interface ReminderCandidate {
  userId: number;
  /** admin, clerk, officer or leader (src/store/access.ts). */
  role: string;
  /** The item's handler (người xử lý). */
  handler: boolean;
  /** A member of a unit standing for the item's lead body. */
  ofBody: boolean;
}

// Who of a body's people works its tasks: văn thư, chuyên viên, lãnh đạo (an administrator runs the
// system, not the body's work).
const bodyRoles: readonly string[] = ["clerk", "officer", "leader"];

/**
 * Who gets a reminder of `kind`: the handler when the item has one, else the body's people; and the
 * body's leaders always once it is overdue (the reminder goes up). `candidates` are the active
 * (not disabled) people, so a handler who left makes the reminder go to the body again.
 */
export function reminderRecipients(kind: ReminderKind, candidates: readonly ReminderCandidate[]): number[] {
  const hasHandler = candidates.some((c) => c.handler);
  const chosen = candidates.filter(
    (c) =>
      c.handler ||
      (c.ofBody && !hasHandler && bodyRoles.includes(c.role)) ||
      (c.ofBody && kind === "overdue" && c.role === "leader"),
  );
  return [...new Set(chosen.map((c) => c.userId))].sort((a, b) => a - b);
}

/** What a message says about the item. */
export interface ReminderSubject {
  /** The task's action ("Xây dựng kế hoạch thực hiện …"). */
  action: string;
  /** The lead body as written ("Ủy ban nhân dân huyện Cần Giờ"). */
  unitLabel: string;
  due: string;
  /** The directive's số ký hiệu, when known. */
  symbol: string | null;
  /** "" for a one-off task; "2024-Q1" for a recurring one's instance. */
  period: string;
}

/** A message: a title (the notification's line, the email's subject) and a plain-text body. */
export interface ReminderMessage {
  title: string;
  body: string;
}

/** "2023-12-15" → "15/12/2023", as offices write a date. */
export function vietnameseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const TITLE_ACTION = 90;

/** The action cut to a title's length at a word boundary. */
function shortAction(action: string): string {
  const text = action.replace(/\s+/g, " ").trim();
  if (text.length <= TITLE_ACTION) return text;
  const cut = text.slice(0, TITLE_ACTION);
  const space = cut.lastIndexOf(" ");
  return `${(space > TITLE_ACTION / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * The message of a reminder sent on `onDate`. The count of days is the true one on that day.
 *
 * @example
 * reminderMessage("due-3", { action: "Xây dựng kế hoạch", unitLabel: "UBND huyện", due: "2023-12-15",
 *   symbol: null, period: "" }, "2023-12-12").title;
 * // "Nhiệm vụ “Xây dựng kế hoạch” còn 3 ngày đến hạn (15/12/2023)"
 */
export function reminderMessage(kind: ReminderKind, s: ReminderSubject, onDate: string): ReminderMessage {
  const left = daysUntil(s.due, onDate);
  const due = vietnameseDate(s.due);
  const what = `Nhiệm vụ “${shortAction(s.action)}”`;
  const title =
    kind === "overdue"
      ? `${what} đã quá hạn ${Math.max(1, -left)} ngày (hạn ${due})`
      : `${what} còn ${left} ngày đến hạn (${due})`;
  const lines = [
    `Nhiệm vụ: ${s.action.replace(/\s+/g, " ").trim()}`,
    `Đơn vị chủ trì: ${s.unitLabel}`,
    ...(s.symbol ? [`Văn bản giao nhiệm vụ: ${s.symbol}`] : []),
    ...(s.period ? [`Kỳ: ${s.period}`] : []),
    `Thời hạn: ${due}`,
    kind === "overdue"
      ? `Nhiệm vụ đã quá hạn ${Math.max(1, -left)} ngày. Đề nghị khẩn trương hoàn thành, báo cáo kết quả và cập nhật trạng thái nhiệm vụ.`
      : `Còn ${left} ngày đến hạn. Đề nghị đơn vị bảo đảm tiến độ và cập nhật kết quả thực hiện.`,
  ];
  return { title, body: lines.join("\n") };
}
