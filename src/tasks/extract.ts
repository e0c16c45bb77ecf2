/**
 * The assignments of one read document (tasks.md): one task per clause (or sentence) that asks
 * named units to do something. A clause that names nobody inherits the addressees of the sentence
 * that opens its list; a sentence naming its own units is its own task; statements with no actor
 * are not tasks. Pure: a record and the text its spans point into.
 */
import { readClauses } from "../parse/clauses.js";
import { emptyRecord } from "../parse/context.js";
import { splitLines } from "../parse/lines.js";
import type { Clause, DocumentRecord, Span } from "../parse/record.js";
import { lower as fold, taskWords as W } from "../tables/task-words.js";
import { readActors, readReportsTo, readUnits, toAssignees } from "./assignees.js";
import { readTiming } from "./deadline.js";
import { readAction, readDeliverable } from "./deliverable.js";
import { nameTasks } from "./naming.js";
import { fieldsOf, fieldTask, readTaskTables, tableTasks } from "./table.js";
import type { Task, Timing } from "./types.js";
import { unglue } from "./unglue.js";

/** A sentence of a clause, with where it stands in the text when that could be found. */
interface Sentence {
  text: string;
  span: Span | null;
  /** A bold heading printed above the clause's words ("**2. Sở Khoa học và Công nghệ, Sở Nội vụ**"). */
  heading?: boolean;
}

/** What the walk carries down the clause tree. */
interface Inherited {
  leads: string[];
  label: string | null;
}

/** Never throws: an odd record yields what could be read, or nothing. */
export function extractTasks(record: DocumentRecord, text: string): Task[] {
  try {
    return nameTasks(record, extract(record, text), text);
  } catch {
    return [];
  }
}

function extract(record: DocumentRecord, text: string): Task[] {
  const tasks: Task[] = [];
  const clauses = rejoinSymbols(Array.isArray(record.clauses) ? record.clauses : []);
  const [bodyStart, bodyEnd] = bodyRange(record, text, clauses);
  const preamble = sentencesOf(text.slice(bodyStart, bodyEnd), bodyStart);
  if (clauses.length === 0) {
    // A letter without numbered clauses (1237/UBND): its body's sentences are the assignments.
    tasks.push(...tasksOf(record, text, null, preamble, { leads: [], label: null }));
    return tasks;
  }
  const intro = introducer(preamble);
  const inherited = { leads: intro, label: null };
  for (const c of clauses) walk(record, text, c, inherited, tasks);
  const plan = issuedPlan(record, text);
  if (!plan) return tasks;
  // The plan's clauses run to its first table of tasks (the Phụ lục), whose rows are read as rows.
  const tables = readTaskTables(text, plan[0], plan[1]);
  for (const c of clausesIn(record.id, text, plan[0], tables[0]?.start ?? plan[1]))
    walk(record, text, c, { leads: [], label: null }, tasks);
  for (const t of tables) tasks.push(...tableTasks(record.id, t, record.date ?? null));
  return tasks;
}

/** A label that is the number of a document symbol ("01-" of "01-NQ/TU") and the symbol's rest. */
const SYMBOL_LABEL = /^\d{1,4}-$/u;
const SYMBOL_REST = /^[A-ZĐ]{1,12}(?:-[A-ZĐ]{1,12})*\/[A-ZĐ]/u;

/**
 * A line that wraps before a document symbol ("… Nghị quyết số\n01-NQ/TU ngày …") reads like a
 * clause "01-": it is the previous clause's words going on, and so is its deadline.
 */
function rejoinSymbols(clauses: readonly Clause[]): Clause[] {
  const out: Clause[] = [];
  for (const c of clauses) {
    const kids = Array.isArray(c.children) ? rejoinSymbols(c.children) : [];
    const prev = out[out.length - 1];
    const label = (c.label ?? "").trim();
    if (prev && SYMBOL_LABEL.test(label) && SYMBOL_REST.test(c.text ?? "")) {
      const span: Span =
        Array.isArray(prev.span) && Array.isArray(c.span)
          ? [prev.span[0], Math.max(prev.span[1], c.span[1])]
          : prev.span;
      out[out.length - 1] = {
        ...prev,
        text: `${prev.text ?? ""} ${label}${c.text ?? ""}`,
        span,
        children: [...(prev.children ?? []), ...kids],
      };
      continue;
    }
    out.push(Array.isArray(c.children) ? { ...c, children: kids } : c);
  }
  return out;
}

/** The clauses printed between `from` and `to`, read as the parser reads a body. */
function clausesIn(id: string, text: string, from: number, to: number): Clause[] {
  const lines = splitLines(text, from, to);
  const ctx = { text, lines, bodyStart: 0, bodyEnd: lines.length, record: emptyRecord(id) };
  readClauses(ctx);
  return ctx.record.clauses;
}

/**
 * Where the plan a decision issues ("Ban hành kèm theo Quyết định này Kế hoạch …") is printed:
 * after the decision's signature and Nơi nhận, to the end of the text; null when it issues none.
 */
function issuedPlan(record: DocumentRecord, text: string): Span | null {
  const attached = Array.isArray(record.attachments) ? record.attachments : [];
  // An annex that is a record of its own (`<id>#1`) is read as one; the text after the signature
  // is the plan's only when no such record follows in it.
  if (attached.some((a) => a?.id != null)) return null;
  if (!attached.some((a) => typeof a?.type === "string" && W.issuedPlans.includes(fold(a.type)))) return null;
  const spans = record.spans && typeof record.spans === "object" ? record.spans : {};
  let from = -1;
  for (const name of ["signer", "distribution"] as const) {
    const s = spans[name];
    if (Array.isArray(s) && typeof s[1] === "number") from = Math.max(from, s[1]);
  }
  return from > 0 && from < text.length ? [from, text.length] : null;
}

/** Where the body stands: after the header fields, before the signature and Nơi nhận. */
function bodyRange(record: DocumentRecord, text: string, clauses: Clause[]): Span {
  const firstClause = clauses[0]?.span?.[0] ?? null;
  const spans = record.spans && typeof record.spans === "object" ? record.spans : {};
  let start = 0;
  let end = text.length;
  const before = firstClause ?? text.length;
  for (const [name, s] of Object.entries(spans)) {
    if (!Array.isArray(s) || typeof s[0] !== "number" || typeof s[1] !== "number") continue;
    if (name === "distribution" || name === "signer") {
      if (s[0] > start && s[0] < end && (firstClause === null || s[0] > firstClause)) end = s[0];
    } else if (s[1] <= before && s[1] > start) start = s[1];
  }
  if (firstClause !== null) end = Math.min(end, firstClause);
  return start < end ? [start, end] : [0, 0];
}

/** The addressees of the last sentence before the list that opens it ("… như sau:"). */
function introducer(preamble: Sentence[]): string[] {
  const last = preamble[preamble.length - 1];
  if (!last) return [];
  if (!endsList(last.text)) return [];
  const a = readActors(last.text);
  return a.assigned ? a.leads : [];
}

/** Whether a sentence ends by opening a list ("… như sau:", "… các nội dung sau:"). */
function endsList(sentence: string): boolean {
  const t = fold(sentence.replace(/[*_\s]+$/g, ""));
  return W.introducers.some((w) => t.endsWith(w));
}

function walk(record: DocumentRecord, text: string, c: Clause, up: Inherited, out: Task[]): void {
  const label = labelOf(c, up.label);
  const children = Array.isArray(c.children) ? c.children : [];
  const fields = fieldsOf(children);
  const task = fields.some((f) => f.kind === "lead")
    ? fieldTask(record.id, label, c.text ?? "", fields, spanOf(c), record.date ?? null, textOf(c))
    : null;
  if (task) {
    // The item's bullets are its fields and conditions, not tasks of their own.
    out.push(task);
    return;
  }
  const sentences = clauseSentences(c, text);
  const own = sentences.length > 0 ? readActors(sentences[0]!.text) : null;
  const opensList = children.length > 0 && /:\s*[*_]*\s*$/u.test(c.text ?? "");
  const leads = own && own.leads.length > 0 ? own.leads : up.leads;
  if (!opensList) out.push(...tasksOf(record, text, label, sentences, up));
  else {
    // An introducer's other sentences can still assign to units of their own.
    const rest = tasksOf(record, text, label, sentences, { leads: [], label });
    out.push(...rest.filter((t) => t.assignees.some((a) => a.role === "lead" && !leads.includes(a.unit))));
  }
  for (const child of children) walk(record, text, child, { leads, label }, out);
}

/** A clause's words with all its sub-clauses'. */
function textOf(c: Clause): string {
  const kids = Array.isArray(c.children) ? c.children : [];
  return [c.text ?? "", ...kids.map(textOf)].join(" ");
}

function spanOf(c: Clause): Span | null {
  const s = Array.isArray(c.span) ? c.span : null;
  const kids = Array.isArray(c.children) ? c.children : [];
  const last = kids[kids.length - 1]?.span;
  return s ? [s[0], Array.isArray(last) ? Math.max(s[1], last[1]) : s[1]] : null;
}

/** "IV" + "1." → "IV.1"; "2." + "2.3." → "2.3"; bullets keep their parent's label. */
function labelOf(c: Clause, parent: string | null): string | null {
  const raw = (c.label ?? "").trim();
  if (/^[-+•–]$/u.test(raw) || raw === "") return parent;
  const clean = raw.replace(/[.:)\-/]+$/u, "").trim();
  if (/^(Điều|ĐIỀU)\s/u.test(clean)) return clean.replace(/^ĐIỀU/u, "Điều");
  if (/^(Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s/u.test(clean)) return parent;
  if (parent === null || parent.startsWith("Điều")) return parent === null ? clean : `${parent}.${clean}`;
  if (clean.startsWith(`${parent.split(".").slice(-1)[0]}.`) && /^\d/.test(clean)) {
    const head = parent.split(".").slice(0, -1);
    return [...head, clean].join(".");
  }
  return `${parent}.${clean}`;
}

/** Tasks of a run of sentences: a sentence naming its own leads opens a task, the others join it. */
function tasksOf(
  record: DocumentRecord,
  text: string,
  label: string | null,
  sentences: Sentence[],
  up: Inherited,
): Task[] {
  const out: { task: Task; parts: Sentence[] }[] = [];
  let inherited = up.leads;
  for (const s of sentences) {
    // "Văn phòng Chính phủ thông báo để … biết, thực hiện" restates the addressees; a slogan
    // ("… sống mãi trong sự nghiệp của chúng ta!") exclaims, it asks nobody to act.
    if (isClosing(s.text) || /!["”*_\s]*$/u.test(s.text)) continue;
    const a = readActors(s.text);
    if (s.heading) {
      // A heading names the section's units; the words under it that name nobody are theirs.
      if (a.leads.length > 0) inherited = a.leads;
      continue;
    }
    if (endsList(s.text)) {
      // "… có ý kiến chỉ đạo như sau:" opens what follows; its addressees, if it names any, carry on.
      if (a.assigned) inherited = a.leads;
      continue;
    }
    const current = out[out.length - 1];
    if (a.leads.length > 0 || (!current && inherited.length > 0)) {
      const leads = a.leads.length > 0 ? a.leads : inherited;
      const task: Task = {
        doc: record.id,
        clause: label,
        assignees: toAssignees({ leads, coordinates: a.coordinates.filter((u) => !leads.includes(u)) }),
        action: readAction(s.text, a.actionAt),
        deliverable: null,
        reports_to: null,
        deadline: null,
        deadline_text: null,
        recurrence: null,
        span: null,
      };
      out.push({ task, parts: [s] });
    } else if (current) {
      // Its partners ("Chủ động phối hợp với các cơ quan Trung ương …") are not assignees: the gold
      // (seeds 677-CV/TU 4, the corpus) names a task's coordinators in the sentence that assigns it.
      current.parts.push(s);
    }
  }
  return out.flatMap(({ task, parts }) => finish(task, parts, text, record.date ?? null));
}

/** A duty within a task's words: a sentence, or a ";" part of one, with its printed words. */
interface Segment {
  text: string;
  printed: string;
  span: Span | null;
}

function segmentsOf(parts: Sentence[], text: string): Segment[] {
  const out: Segment[] = [];
  for (const p of parts) {
    const printed = p.span ? text.slice(p.span[0], p.span[1]) : p.text;
    let from = 0;
    const cut = (to: number) => {
      const words = printed.slice(from, to);
      if (/\p{L}/u.test(words)) {
        const span: Span | null = p.span ? [p.span[0] + from, p.span[0] + to] : null;
        out.push({ text: unglue(words.replace(/\s+/g, " ").trim()), printed: words, span });
      }
    };
    for (const m of printed.matchAll(/;\s+/gu)) {
      cut(m.index);
      from = m.index + m[0].length;
    }
    cut(printed.length);
  }
  return out;
}

const NO_TIMING: Timing = Object.freeze({
  deadline: null,
  deadline_text: null,
  recurrence: null,
  span: null,
});

const timed = (t: Timing) => t.recurrence !== null || t.deadline !== null;

/**
 * A task's words, read for their timing: a sentence or ";" part that sets a rhythm or a deadline
 * other than the one the words before it set is a duty of its own, for the same units ("Thường
 * xuyên theo dõi, đôn đốc …; định kỳ hằng quý báo cáo kết quả …": ongoing, then quarterly — the
 * gold writes one task each).
 */
function finish(task: Task, parts: Sentence[], text: string, date: string | null): Task[] {
  const groups: { segments: Segment[]; timing: Timing }[] = [];
  const segments = segmentsOf(parts, text);
  for (const seg of segments) {
    // One part is one duty: its timing is read once, below.
    if (segments.length === 1) {
      groups.push({ segments: [seg], timing: NO_TIMING });
      break;
    }
    const own = readTiming(seg.printed, date);
    const current = groups[groups.length - 1];
    const differs =
      current !== undefined &&
      timed(own) &&
      timed(current.timing) &&
      own.recurrence !== null &&
      current.timing.recurrence !== null &&
      own.recurrence !== current.timing.recurrence;
    if (!current || differs) groups.push({ segments: [seg], timing: own });
    else {
      current.segments.push(seg);
      if (!timed(current.timing)) current.timing = own;
    }
  }
  if (groups.length === 0) return [];
  return groups.map(({ segments }, k) => {
    const joined = segments.map((x) => x.text).join(" ");
    const first = segments[0]?.span;
    const last = segments[segments.length - 1]?.span;
    const span: Span | null = first && last ? [first[0], last[1]] : null;
    // Timing is read from the printed text where it was found (its own words, Markdown and all).
    const timing = readTiming(span ? text.slice(span[0], span[1]) : joined, date);
    const action = k === 0 ? task.action : readAction(segments[0]?.text ?? "", 0);
    return {
      ...task,
      assignees: task.assignees.map((a) => ({ ...a })),
      action,
      deliverable: readDeliverable(action) ?? readDeliverable(joined),
      reports_to: readReportsTo(joined),
      deadline: timing.deadline,
      deadline_text: timing.deadline_text,
      recurrence: timing.recurrence,
      // The contract's one span is the task's: where its words stand in `text`.
      span,
    };
  });
}

function isClosing(sentence: string): boolean {
  const t = fold(sentence);
  return W.closings.some((w) => t.includes(w));
}

/**
 * Splits at ". " before a capital (not after a short abbreviation like "TP."), and after a topic
 * ("Về đề nghị hỗ trợ …: Ủy ban nhân dân tỉnh …" — what follows the colon is its own sentence).
 */
function splitSentences(t: string): string[] {
  return t
    .split(
      /(?<=(?:^|[.;!?]\s+)[*_]*Về\s[^:.;]{3,240}:[*_”"]*)\s+(?=[*_“"]*\p{Lu})|(?<=(?:[^\s.]{3,}|(?<![\p{L}\p{N}])\p{Ll}?(?=\p{Ll})[^\x00-\x7F]\p{Ll}?)[.!?…][*_”"]*)\s+(?=[*_“"]*\p{Lu})|(?<=[.:;!?…][*_”"]*)[ \t]*\n\s*\n|(?<=:[*_”"]*)[ \t]*\n|\n(?=\s*[-+•]\s)|\s+(?=\*\s+[_“"]*\p{Lu})/u,
    )
    .map((x) => x.trim().replace(/^\*\s+/u, ""))
    .filter((x) => /\p{L}/u.test(x));
}

/** Sentences of `chunk` (which starts at `offset` of the text), each with its span. */
function sentencesOf(chunk: string, offset: number): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (const s of splitSentences(chunk)) {
    const at = chunk.indexOf(s, from);
    if (at < 0) {
      out.push({ text: unglue(s.replace(/\s+/g, " ")), span: null });
      continue;
    }
    from = at + s.length;
    out.push({ text: unglue(s.replace(/\s+/g, " ")), span: [offset + at, offset + at + s.length] });
  }
  return out;
}

/** A clause's own sentences, placed in the text by their words when the clause's span holds them. */
function clauseSentences(c: Clause, text: string): Sentence[] {
  const span = Array.isArray(c.span) ? c.span : null;
  const own = typeof c.text === "string" ? c.text : "";
  const cut = span ? headingCut(own, text.slice(Math.max(0, span[0]), span[1])) : -1;
  const sentences = splitSentences(cut > 0 ? own.slice(cut) : own);
  const heading: Sentence[] =
    cut > 0 ? [{ text: unglue(own.slice(0, cut).trim()), span: null, heading: true }] : [];
  if (!span) return [...heading, ...sentences.map((s) => ({ text: unglue(s), span: null }))];
  let from = Math.max(0, span[0]);
  return [
    ...heading,
    ...sentences.map((s) => {
      const head = s.slice(0, 24);
      const tail = s.slice(-16);
      const at = text.indexOf(head, from);
      if (at < 0 || at > span[1]) return { text: unglue(s), span: null };
      const endAt = text.indexOf(tail, at);
      const end = endAt >= 0 && endAt <= span[1] ? endAt + tail.length : Math.min(span[1], at + s.length);
      from = end;
      return { text: unglue(s), span: [at, end] as Span };
    }),
  ];
}

const MAX_HEADING = 200;

/**
 * Where the clause's words (`own`) go on past a heading printed as a paragraph of its own with no
 * stop after it ("2. Sở Khoa học và Công nghệ, Sở Nội vụ", a blank line, "Sở Khoa học và Công nghệ
 * chủ trì, …"): the parser reads the two as one run of words. A heading names units and nothing
 * else, or a topic ("Về …"); -1 when `printed` opens with no such heading.
 */
function headingCut(own: string, printed: string): number {
  const para = /\n[ \t]*\n\s*/u.exec(printed);
  if (!para || para.index > MAX_HEADING + 12) return -1;
  const first = printed.slice(0, para.index).trimEnd();
  if (/[.:;!?,]$/u.test(first)) return -1;
  const next = printed
    .slice(para.index + para[0].length, para.index + para[0].length + 80)
    .replace(/\s+/gu, " ")
    .slice(0, 24);
  if (next.length < 12 || !/^[“"]*\p{Lu}/u.test(next)) return -1;
  const at = own.indexOf(next, 1);
  if (at <= 0 || at > MAX_HEADING || /\s{2}|\n/u.test(own.slice(0, at))) return -1;
  const heading = own.slice(0, at).trim();
  const f = fold(heading);
  if (f.startsWith("về ")) return at;
  const units = readUnits(heading, f, 0);
  return units !== null && units.end >= heading.length - 1 ? at : -1;
}
