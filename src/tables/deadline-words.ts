import { z } from "zod";
import type { Recurrence } from "../tasks/types.js";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

const words = z.array(z.string().min(1)).min(1);
const list = z.object({ words });
const rhythm = z.enum(["monthly", "quarterly", "6-monthly", "yearly"]);
const schema = z.object({
  due_cues: list,
  relative_leads: list,
  working_days: list,
  from_document: z.object({ signing: words, receipt: words, received_objects: words }),
  open_ends: list,
  horizons: list,
  citation_marks: list,
  recurrence: z.object({
    monthly: words,
    quarterly: words,
    "6-monthly": words,
    yearly: words,
    periodic: words,
    ongoing: words,
  }),
  rhythm_list: z.object({ lead: words, items: z.record(z.string(), rhythm.nullable()) }),
  period_month: z.object({ first: words, last: words }),
  half_year: z.object({
    months: z.record(z.string(), z.number().int().min(1).max(12)),
    first: z.string(),
    last: z.string(),
  }),
  reporting_cutoff: z.object({ last_day: z.number().int().min(1).max(28) }),
});

type Rhythm = z.infer<typeof rhythm>;

/** The words of data/deadline-words.json, folded, longest first. */
export interface DeadlineWords {
  dueCues: readonly string[];
  relativeLeads: readonly string[];
  workingDays: readonly string[];
  signing: readonly string[];
  receipt: readonly string[];
  receivedObjects: readonly string[];
  openEnds: readonly string[];
  /** Words before a plan's horizon ("tầm nhìn đến năm 2050"): no deadline. */
  horizons: readonly string[];
  citationMarks: readonly string[];
  /** Folded phrase → what it says, longest first. */
  recurrence: readonly { words: string; recurrence: Recurrence }[];
  rhythmLeads: readonly string[];
  /** Folded list item → rhythm (null: a span with no rhythm of the contract, "9 tháng"). */
  rhythmItems: ReadonlyMap<string, Rhythm | null>;
  firstMonth: readonly string[];
  lastMonth: readonly string[];
  /** Folded count word ("6", "sau") → the month a "N tháng đầu năm" period ends. */
  halfYearMonths: ReadonlyMap<string, number>;
  halfFirst: string;
  halfLast: string;
  /** The last day of a reporting period in its last month (NĐ 09/2019 Đ12). */
  cutoffDay: number;
}

const folded = (xs: readonly string[]) =>
  Object.freeze([...new Set(xs.map(fold))].sort((a, b) => b.length - a.length));

function load(): DeadlineWords {
  const t = schema.parse(readTable("deadline-words.json"));
  const kinds: Recurrence[] = ["monthly", "quarterly", "6-monthly", "yearly", "periodic", "ongoing"];
  const recurrence = kinds
    .flatMap((k) => t.recurrence[k].map((w) => ({ words: fold(w), recurrence: k })))
    .sort((a, b) => b.words.length - a.words.length);
  return Object.freeze({
    dueCues: folded(t.due_cues.words),
    relativeLeads: folded(t.relative_leads.words),
    workingDays: folded(t.working_days.words),
    signing: folded(t.from_document.signing),
    receipt: folded(t.from_document.receipt),
    receivedObjects: folded(t.from_document.received_objects),
    openEnds: folded(t.open_ends.words),
    horizons: folded(t.horizons.words),
    citationMarks: folded(t.citation_marks.words),
    recurrence: Object.freeze(recurrence),
    rhythmLeads: folded(t.rhythm_list.lead),
    rhythmItems: new Map(Object.entries(t.rhythm_list.items).map(([k, v]) => [fold(k), v])),
    firstMonth: folded(t.period_month.first),
    lastMonth: folded(t.period_month.last),
    halfYearMonths: new Map(Object.entries(t.half_year.months).map(([k, v]) => [fold(k), v])),
    halfFirst: fold(t.half_year.first),
    halfLast: fold(t.half_year.last),
    cutoffDay: t.reporting_cutoff.last_day,
  });
}

/** Loaded once. */
export const deadlineWords: DeadlineWords = load();
