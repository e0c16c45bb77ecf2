/**
 * Which work items a task gives (pure, no SQL): one per lead body × due instance. A lead's words
 * are read as bodies where the directive was issued and when ("Ủy ban nhân dân các xã" in a
 * district's letter is the People's Committee of each of its communes at that date); words no
 * table knows stay one body, "name:" + the words. A recurring task has one instance per reporting
 * period (NĐ 09/2019) from the directive's date to a horizon; an open-ended one ("thường xuyên",
 * "định kỳ" without a rhythm) one instance with no due day; a one-off one its deadline.
 */
import { createHash } from "node:crypto";
import { expandRecipients } from "../link/recipients.js";
import type { NamingContext, Organisation } from "../link/types.js";
import { addDays, addMonths, parseIso } from "../tasks/deadline-calendar.js";
import { PERIOD_MONTHS, type Rhythm } from "../tasks/deadline-rhythm.js";
import { dueDates, periodBounds } from "../tasks/recurrence.js";
import type { Assignee, Recurrence } from "../tasks/types.js";

/** Instances kept per body of a recurring task: the latest ones up to the horizon. */
export const MAX_INSTANCES = 60;

/** What a task needs to be planned. */
export interface PlanInput {
  deadline: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  assignees: readonly Assignee[];
}

/** A lead body of a task. */
export interface PlannedBody {
  /** organisations key, or "name:" + the words. */
  body: string;
  orgKey: string | null;
  label: string;
  /** The body itself when a table knows it (kept in organisations so views can join it). */
  org: Organisation | null;
}

/** One due instance: "" and the deadline for a one-off task, a period label for a recurring one. */
export interface PlannedInstance {
  period: string;
  due: string | null;
}

/** One work item to exist. */
export interface PlannedItem extends PlannedBody, PlannedInstance {}

const rhythms = new Set<Recurrence>(["monthly", "quarterly", "6-monthly", "yearly"]);

/** Whether a recurrence comes back on a known rhythm (one item per period). */
export function isRhythm(r: Recurrence | null): r is "monthly" | "quarterly" | "6-monthly" | "yearly" {
  return r !== null && rhythms.has(r);
}

/**
 * The first day instances are planned from: the directive's date, but never more than one period
 * before `today`. A directive read years after it was signed owes the period now running and those to
 * come — the periods long past are history, not overdue work (nobody files three years of monthly
 * reports because the directive was entered late). Items already held for earlier periods are kept.
 */
export function trackingStart(kind: Rhythm, signed: string | null, today: string): string {
  const recent = addMonths(today, -PERIOD_MONTHS[kind]);
  return signed && signed > recent ? signed : recent;
}

/** The last day instances are planned for: a year after `today`. */
export function horizonOf(today: string): string {
  return addMonths(today, 12);
}

/** The lead bodies of a task, each once, in the order written. */
export function leadBodies(assignees: readonly Assignee[], context: NamingContext): PlannedBody[] {
  const out = new Map<string, PlannedBody>();
  for (const a of assignees) {
    if (a.role !== "lead") continue;
    const words = a.unit.replace(/\s+/g, " ").trim();
    if (words === "") continue;
    const units = expandRecipients([words], context).flatMap((g) => g.units);
    if (units.length === 0) {
      const body = `name:${words}`;
      if (!out.has(body)) out.set(body, { body, orgKey: null, label: words, org: null });
      continue;
    }
    for (const org of units)
      if (!out.has(org.key)) out.set(org.key, { body: org.key, orgKey: org.key, label: org.name, org });
  }
  return [...out.values()];
}

/**
 * The label of the reporting period a due day closes: the NĐ 09/2019 period that ends on it, or the
 * last one ended before it (a report "trước ngày 20 hằng tháng" on 20/3 is March's).
 */
export function periodLabel(kind: "monthly" | "quarterly" | "6-monthly" | "yearly", due: string): string {
  let bounds = periodBounds(kind, due);
  if (bounds.to !== due) bounds = periodBounds(kind, addDays(bounds.from, -1));
  const end = parseIso(bounds.to)!;
  if (kind === "monthly") return `${end.y}-${String(end.m).padStart(2, "0")}`;
  if (kind === "quarterly") return `${end.y}-Q${Math.ceil(end.m / 3)}`;
  if (kind === "6-monthly") return `${end.y}-H${end.m <= 6 ? 1 : 2}`;
  return String(end.y);
}

/**
 * The due instances of a task up to `horizon`: its deadline once; one per period of a rhythm from
 * the directive's date (the latest MAX_INSTANCES); one with no day for an open-ended one. Two days
 * of one period ("15/6 và 15/12 hằng năm" read yearly) keep the period and add their day.
 */
export function instancesOf(
  task: Pick<PlanInput, "deadline" | "deadlineText" | "recurrence">,
  documentDate: string | null,
  today: string,
): PlannedInstance[] {
  const deadline = parseIso(task.deadline) ? task.deadline : null;
  if (!isRhythm(task.recurrence)) return [{ period: "", due: deadline }];
  const kind = task.recurrence;
  const signed = parseIso(documentDate) ? documentDate! : null;
  const days = dueDates(
    { deadline, deadline_text: task.deadlineText, recurrence: kind, span: null },
    { from: trackingStart(kind, signed, today), to: horizonOf(today), documentDate: signed ?? today },
  ).slice(-MAX_INSTANCES);
  if (days.length === 0) return [{ period: "", due: null }];
  const out: PlannedInstance[] = [];
  const used = new Set<string>();
  for (const due of days) {
    let period = periodLabel(kind, due);
    if (used.has(period)) period = `${period}@${due.slice(5)}`;
    used.add(period);
    out.push({ period, due });
  }
  return out;
}

/** Every item of a task: its lead bodies × its instances. */
export function planItems(
  task: PlanInput,
  context: NamingContext,
  today: string,
): { bodies: PlannedBody[]; items: PlannedItem[] } {
  const bodies = leadBodies(task.assignees, context);
  const instances = instancesOf(task, context.date, today);
  return { bodies, items: bodies.flatMap((b) => instances.map((i) => ({ ...b, ...i }))) };
}

const norm = (s: string | null | undefined) =>
  (s ?? "").normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/**
 * A task's fingerprint: a stable hash of its clause, action and assignees, normalised (case,
 * spacing), so the same assignment read again meets its row. `nth` tells apart identical tasks of
 * one document (0 for the first).
 */
export function fingerprintOf(
  task: { clause: string | null; action: string; assignees: readonly Assignee[] },
  nth = 0,
): string {
  const assignees = task.assignees.map((a) => `${a.role}:${norm(a.unit)}`).sort();
  const input = JSON.stringify([norm(task.clause), norm(task.action), assignees, nth]);
  return createHash("sha256").update(input).digest("hex").slice(0, 32);
}
