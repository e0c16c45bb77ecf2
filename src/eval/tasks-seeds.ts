/**
 * The seeds' task gold (../shared/seeds/expected-tasks.md) read from its tables: one section per
 * document ("## 677-CV/TU — …"), one row per clause. Lead and coordinate cells list units split on
 * ";"; "(inherited)" notes are dropped, "same (inherited)" repeats the previous row's leads, "—" or
 * an empty cell is nobody; the rhythm column gives the recurrence.
 */
import type { Recurrence } from "../tasks/types.js";
import type { GoldTask } from "./tasks.js";

/** A seed section's tasks, keyed by the symbol its heading names. */
export interface SeedTasks {
  symbol: string;
  tasks: GoldTask[];
}

const RECURRENCES: readonly Recurrence[] = [
  "monthly",
  "quarterly",
  "6-monthly",
  "yearly",
  "periodic",
  "ongoing",
];

/** Parenthesised notes in a cell ("(inherited)", "(through Ủy ban nhân dân thành phố)"). */
const NOTE = /\s*\([^)]*\)/g;

function units(cell: string): string[] {
  return cell
    .replace(NOTE, "")
    .split(";")
    .map((u) => u.trim())
    .filter((u) => u !== "" && u !== "—" && u !== "-");
}

function recurrenceOf(cell: string): Recurrence | null {
  const first = cell.trim().toLowerCase().split(/[\s(]/)[0] ?? "";
  return (RECURRENCES as readonly string[]).includes(first) ? (first as Recurrence) : null;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
}

/** Reads the tables of expected-tasks.md. `doc` is left as the symbol until the caller maps it. */
export function parseSeedTasks(markdown: string): SeedTasks[] {
  const out: SeedTasks[] = [];
  let current: SeedTasks | null = null;
  let previousLeads: string[] = [];
  for (const line of markdown.split("\n")) {
    const heading = /^##\s+(\S+)\s+—/u.exec(line);
    if (heading) {
      current = { symbol: heading[1] as string, tasks: [] };
      out.push(current);
      previousLeads = [];
      continue;
    }
    if (!current || !line.trim().startsWith("|")) continue;
    const c = cells(line);
    if (c[0] === "clause" || /^-+$/.test((c[0] ?? "").replace(/[\s:|]/g, "-") || "x")) continue;
    const [clause = "", lead = "", coordinate = "", , rhythm = "", reportsTo = ""] = c;
    const leads = /^same\b/i.test(lead) ? previousLeads : units(lead);
    previousLeads = leads;
    const reports = reportsTo.replace(NOTE, "").trim();
    current.tasks.push({
      doc: current.symbol,
      clause: clause.replace(NOTE, "").trim() || null,
      assignees: [
        ...leads.map((unit) => ({ unit, role: "lead" as const })),
        ...units(coordinate).map((unit) => ({ unit, role: "coordinate" as const })),
      ],
      deadline: null,
      recurrence: recurrenceOf(rhythm),
      reports_to: reports === "" || reports === "—" ? null : reports,
    });
  }
  return out;
}
