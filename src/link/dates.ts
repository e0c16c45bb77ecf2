/**
 * Dates matter to naming only where a body or a unit begins or ends (1 July 2025, 1 March 2025…):
 * every date between two such days names the same bodies, so lookups are remembered per period.
 */
import { bodiesTable } from "./bodies-table.js";
import { REORGANISED } from "./places.js";

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const starts = new Set<string>([REORGANISED]);
for (const b of [...bodiesTable.central.bodies, ...bodiesTable.parts.items]) {
  if (b.validFrom) starts.add(b.validFrom);
  if (b.validTo) starts.add(nextDay(b.validTo));
}
const BOUNDARIES = [...starts].sort();

/** The period a date falls in, as a memo key: dates of one period resolve every name alike. */
export function period(date: string | null): string {
  if (date === null) return "?";
  let i = 0;
  while (i < BOUNDARIES.length && BOUNDARIES[i]! <= date) i++;
  return String(i);
}
