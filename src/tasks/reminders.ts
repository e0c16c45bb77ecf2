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

/**
 * One item of a digest (bản tổng hợp nhắc việc) as it stood on the day it was sent: what the
 * notification keeps, and what the email lists.
 */
export interface DigestItem extends ReminderSubject {
  itemId: number;
  kind: ReminderKind;
  /** Calendar days from the day sent to the deadline: 3 at the 3-day mark, −2 two days overdue. */
  daysLeft: number;
}

/** A digest's item from its reminder, with the days counted on `onDate`. */
export function digestItem(
  itemId: number,
  kind: ReminderKind,
  s: ReminderSubject,
  onDate: string,
): DigestItem {
  return { itemId, kind, ...s, daysLeft: daysUntil(s.due, onDate) };
}

/** The order a digest lists its items in: overdue first, then due in 1, 3 and 7 days. */
export const digestOrder: readonly ReminderKind[] = ["overdue", "due-1", "due-3", "due-7"];

const digestHeadings: Record<ReminderKind, string> = {
  overdue: "Quá hạn",
  "due-1": "Còn 1 ngày đến hạn",
  "due-3": "Còn 3 ngày đến hạn",
  "due-7": "Còn 7 ngày đến hạn",
};

/** A group of a digest's items of one kind, with its heading ("Quá hạn", "Còn 3 ngày đến hạn"). */
export interface DigestGroup {
  kind: ReminderKind;
  heading: string;
  items: DigestItem[];
}

/**
 * A digest's items grouped by kind in `digestOrder`, empty groups left out; inside a group the
 * longest overdue (or the earliest deadline) first, then by item.
 */
export function digestGroups(items: readonly DigestItem[]): DigestGroup[] {
  return digestOrder.flatMap((kind) => {
    const of = items
      .filter((i) => i.kind === kind)
      .sort((a, b) => a.daysLeft - b.daysLeft || a.itemId - b.itemId);
    return of.length > 0 ? [{ kind, heading: digestHeadings[kind], items: of }] : [];
  });
}

/** Where an item stands on the day: "quá hạn 2 ngày", "còn 3 ngày". */
export function digestStanding(item: DigestItem): string {
  return item.daysLeft < 0 ? `quá hạn ${-item.daysLeft} ngày` : `còn ${item.daysLeft} ngày`;
}

/**
 * An item's line in a digest: the action (cut at a word), the directive's symbol, the deadline and
 * where it stands: "“Xây dựng kế hoạch” (603/UBND-TH), hạn 15/12/2023, còn 3 ngày".
 */
export function digestLine(item: DigestItem): string {
  const symbol = item.symbol ? ` (${item.symbol})` : "";
  return `“${shortAction(item.action)}”${symbol}, hạn ${vietnameseDate(item.due)}, ${digestStanding(item)}`;
}

/** "2 nhiệm vụ sắp đến hạn, 25 nhiệm vụ quá hạn": how many of each, the parts that are not zero. */
export function digestCounts(items: readonly DigestItem[]): string {
  const overdue = items.filter((i) => i.kind === "overdue").length;
  const soon = items.length - overdue;
  return [
    ...(soon > 0 ? [`${soon} nhiệm vụ sắp đến hạn`] : []),
    ...(overdue > 0 ? [`${overdue} nhiệm vụ quá hạn`] : []),
  ].join(", ");
}

/** A digest's first line: "Ngày 12/12/2023: 2 nhiệm vụ sắp đến hạn, 25 nhiệm vụ quá hạn." */
export function digestIntro(items: readonly DigestItem[], onDate: string): string {
  return `Ngày ${vietnameseDate(onDate)}: ${digestCounts(items)}.`;
}

/** A digest's last line: what is asked of the people told. */
export const digestClosing =
  "Đề nghị bảo đảm tiến độ, khẩn trương hoàn thành các nhiệm vụ quá hạn và cập nhật kết quả thực hiện.";

/**
 * The message of one person's reminders of a tick (one notification, one email). A single reminder
 * says what `reminderMessage` says; several make a digest: the counts in the title, the items in the
 * body grouped overdue first, then due in 1, 3 and 7 days.
 *
 * @example
 * digestMessage([one], "2023-12-12").title; // "Nhiệm vụ “Xây dựng kế hoạch” còn 3 ngày đến hạn (15/12/2023)"
 * digestMessage([a, b, c], "2023-12-12").title; // "Nhắc việc: 1 nhiệm vụ sắp đến hạn, 2 nhiệm vụ quá hạn"
 */
export function digestMessage(items: readonly DigestItem[], onDate: string): ReminderMessage {
  if (items.length === 0) throw new Error("a digest needs at least one item");
  if (items.length === 1) return reminderMessage(items[0]!.kind, items[0]!, onDate);
  const lines = [
    digestIntro(items, onDate),
    ...digestGroups(items).flatMap((g) => [
      "",
      `${g.heading} (${g.items.length}):`,
      ...g.items.map((i) => `- ${digestLine(i)}`),
    ]),
    "",
    digestClosing,
  ];
  return { title: `Nhắc việc: ${digestCounts(items)}`, body: lines.join("\n") };
}
