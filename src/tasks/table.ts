/**
 * Tasks printed as a table (Phụ lục nhiệm vụ: TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |
 * Thời gian hoàn thành …): under a header naming a "chủ trì" column, each numbered row is a task.
 * The normalised text keeps no cell marks, only lines: a header is a run of short lines (one per
 * column), a row opens with its number alone on a line, and its cells follow in column order, a
 * cell's words wrapping over lines. The unit cells are found by their names. Pure.
 */
import type { Clause, Span } from "../parse/record.js";
import { lower as fold, taskWords as W } from "../tables/task-words.js";
import { readReportsTo, readUnits, splitUnits } from "./assignees.js";
import { readTiming } from "./deadline.js";
import { readAction, readDeliverable } from "./deliverable.js";
import type { Assignee, Task } from "./types.js";

interface Line {
  text: string;
  start: number;
  end: number;
}

/** The columns of a table of tasks, by their place in the header (-1 when absent). */
export interface Columns {
  lead: number;
  coordinate: number;
  deadline: number;
  task: number;
}

export interface TaskTable {
  columns: Columns;
  /** Lines under the header, to the end of the region read. */
  lines: Line[];
  /** Where the header starts. */
  start: number;
}

const MAX_HEADER_CELL = 45;
const SECTION = /^(?:[IVXL]+|[A-ZĐ])\.?$/u;
const NUMBERED = /^\d{1,3}(?:\.\d{1,3})*\.?$/u;
const opensRow = (t: string) => SECTION.test(t) || NUMBERED.test(t);

function linesOf(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let at = from;
  while (at < to) {
    let end = text.indexOf("\n", at);
    if (end < 0 || end > to) end = to;
    const raw = text.slice(at, end);
    const t = raw
      .replace(/[*_|]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (t) out.push({ text: t, start: at, end });
    at = end + 1;
  }
  return out;
}

const has = (cell: string, words: readonly string[]) => {
  const f = fold(cell);
  return words.some((w) => f.includes(w));
};

/** The columns named by a header's cells when one of them is a "chủ trì" column, else null. */
export function headerColumns(cells: readonly string[]): Columns | null {
  const c = W.tableColumns;
  const lead = cells.findIndex((x) => has(x, c.lead));
  if (lead < 0) return null;
  const find = (words: readonly string[]) => cells.findIndex((x, i) => i !== lead && has(x, words));
  const columns = { lead, coordinate: find(c.coordinate), deadline: find(c.deadline), task: find(c.task) };
  return columns.task >= 0 && columns.task < lead ? columns : null;
}

/** The tables of tasks between `from` and `to` of `text`. */
export function readTaskTables(text: string, from: number, to: number): TaskTable[] {
  const lines = linesOf(text, from, to);
  const out: TaskTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^S?TT$/iu.test(lines[i]!.text)) continue;
    // The header: the short lines after "TT", up to the first row's number.
    let j = i + 1;
    while (j < lines.length && lines[j]!.text.length <= MAX_HEADER_CELL && !opensRow(lines[j]!.text)) j++;
    const columns = headerColumns(lines.slice(i + 1, j).map((l) => l.text));
    if (!columns || j >= lines.length) continue;
    const table = { columns, lines: [] as Line[], start: lines[i]!.start };
    for (; j < lines.length && !/^S?TT$/iu.test(lines[j]!.text); j++) table.lines.push(lines[j]!);
    out.push(table);
    i = j - 1;
  }
  return out;
}

/** Whether a line is (the start of) a cell of unit names: the whole line reads as units. */
function unitLine(t: string): boolean {
  if (t.charAt(0) === t.charAt(0).toLowerCase()) return false;
  const p = readUnits(t, fold(t), 0);
  return p !== null && p.end >= t.replace(/[\s,;.]+$/u, "").length;
}

/** A cell of units that starts at line `i` of `ls`, wrapped lines (lower case) included. */
function unitCell(ls: Line[], i: number): { units: string[]; next: number } | null {
  if (i >= ls.length || !unitLine(ls[i]!.text)) return null;
  let t = ls[i]!.text;
  let j = i + 1;
  for (; j < ls.length && /^[\p{Ll}(]/u.test(ls[j]!.text) && !opensRow(ls[j]!.text); j++)
    t += ` ${ls[j]!.text}`;
  const units = splitUnits(t);
  return units.length > 0 ? { units, next: j } : null;
}

/** The tasks of a table: one per numbered row whose lead cell names units. */
export function tableTasks(doc: string, table: TaskTable, date: string | null): Task[] {
  const k = table.columns;
  const out: Task[] = [];
  let section: string | null = null;
  const ls = table.lines;
  for (let i = 0; i < ls.length; i++) {
    const label = ls[i]!.text.replace(/\.$/u, "");
    if (SECTION.test(ls[i]!.text)) section = label;
    if (!NUMBERED.test(ls[i]!.text)) continue;
    let end = i + 1;
    while (end < ls.length && !opensRow(ls[end]!.text)) end++;
    const row = ls.slice(i + 1, end);
    // The task's words run to the first line that names units: the lead cell.
    let at = 0;
    while (at < row.length && !unitLine(row[at]!.text)) at++;
    const lead = unitCell(row, at);
    if (!lead || at === 0) continue;
    const coordinate = k.coordinate === k.lead + 1 ? unitCell(row, lead.next) : null;
    const after = coordinate ? coordinate.next : lead.next;
    const what = row
      .slice(0, at)
      .map((l) => l.text)
      .join(" ");
    const due = k.deadline > k.lead && after < row.length ? row[after]!.text : "";
    const timing = readTiming(due, date);
    const leads = lead.units;
    const assignees: Assignee[] = [
      ...leads.map((unit) => ({ unit, role: "lead" as const })),
      ...(coordinate?.units ?? [])
        .filter((u) => !leads.includes(u))
        .map((unit) => ({ unit, role: "coordinate" as const })),
    ];
    const action = readAction(what, 0);
    const span: Span = [ls[i]!.start, ls[end - 1]!.end];
    out.push({
      doc,
      clause: section ? `${section}.${label}` : label,
      assignees,
      action,
      deliverable: readDeliverable(action),
      // "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính": the time cell can say it too.
      reports_to: readReportsTo(what) ?? readReportsTo(due),
      deadline: timing.deadline,
      deadline_text: timing.deadline_text,
      recurrence: timing.recurrence,
      span,
    });
    i = end - 1;
  }
  return out;
}

/** A labelled field of a task printed as bullets ("Đơn vị chủ trì: …"), with its value. */
export interface Field {
  kind: "lead" | "coordinate" | "deadline" | "result";
  value: string;
}

const MAX_FIELD_LABEL = 40;

/** The field a bullet's text states, or null when it is no field. */
export function fieldOf(text: string): Field | null {
  const m = /^[\s*_-]*([^:]{2,}?)[*_]*(?::[*_]*\s*(.*))?$/su.exec(text.trim());
  if (!m || m[1]!.length > MAX_FIELD_LABEL) return null;
  const label = m[1]!;
  // Without a colon, only a heading naming a field ("Cơ quan chủ trì") is one, not "Sở A chủ trì".
  if (m[2] === undefined && !W.fieldNouns.some((w) => fold(label).startsWith(w))) return null;
  const value = (m[2] ?? "").replace(/[*_]+/g, "").trim();
  const c = W.tableColumns;
  // "chủ trì" before "phối hợp": "Cơ quan chủ trì, phối hợp" leads.
  for (const kind of ["lead", "coordinate", "deadline", "result"] as const)
    if (has(label, c[kind])) return { kind, value };
  return null;
}

/**
 * The fields an item's sub-clauses state: "Đơn vị chủ trì: …" inline, or a heading ("Cơ quan chủ
 * trì") whose bullets list the values, or a heading ("Cơ quan chủ trì, phối hợp") over such fields.
 */
export function fieldsOf(children: readonly Clause[]): Field[] {
  const out: Field[] = [];
  for (const child of children) {
    const f = typeof child?.text === "string" ? fieldOf(child.text) : null;
    const kids = Array.isArray(child?.children) ? child.children : [];
    if (!f) {
      // "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …": a heading
      // that names no field itself, whose bullets are the item's fields (its deadline a sibling).
      const nested = /:[\s*_]*$/u.test(child?.text ?? "") ? fieldsOf(kids) : [];
      if (nested.some((n) => n.kind === "lead")) out.push(...nested);
      continue;
    }
    const nested = fieldsOf(kids);
    if (nested.length > 0) out.push(...nested);
    else {
      // A bullet in brackets is an aside on the list ("(Văn phòng Ban Chỉ đạo, cơ quan thường trực …)").
      const bullets = kids
        .map((k) => (typeof k?.text === "string" ? k.text : ""))
        .filter((t) => !/^\s*\(/u.test(t));
      const values = [f.value, ...bullets];
      out.push({ kind: f.kind, value: values.filter((v) => v.trim() !== "").join("; ") });
    }
  }
  return out;
}

/**
 * The task of an item whose bullets are its fields (Thời gian hoàn thành / Đơn vị chủ trì / Đơn vị
 * phối hợp / Kết quả), or null when its bullets name no lead.
 */
export function fieldTask(
  doc: string,
  clause: string | null,
  what: string,
  fields: readonly Field[],
  span: Span | null,
  date: string | null,
  /** All the item's words, where a "báo cáo … về" may stand. */
  whole: string = what,
): Task | null {
  // A field's ";" parts are items of its list ("Bộ Quốc phòng; Tư lệnh các quân khu"), each one or more units.
  const units = (f: Field) =>
    f.value.split(/\s*;\s*/u).flatMap((part) => splitUnits(part.replace(/[.;\s]+$/u, "")));
  const leads = fields.filter((f) => f.kind === "lead").flatMap(units);
  if (leads.length === 0) return null;
  const coordinates = fields
    .filter((f) => f.kind === "coordinate")
    .flatMap(units)
    .filter((u) => !leads.includes(u));
  const due = fields.find((f) => f.kind === "deadline")?.value ?? "";
  const timing = readTiming(due, date);
  const action = readAction(what, 0);
  return {
    doc,
    clause,
    assignees: [
      ...leads.map((unit) => ({ unit, role: "lead" as const })),
      ...coordinates.map((unit) => ({ unit, role: "coordinate" as const })),
    ],
    action,
    deliverable: readDeliverable(action),
    reports_to: readReportsTo(whole),
    deadline: timing.deadline,
    deadline_text: timing.deadline_text,
    recurrence: timing.recurrence,
    span,
  };
}
