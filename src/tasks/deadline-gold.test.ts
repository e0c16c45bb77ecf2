/**
 * Agreement with the task gold: readTiming(deadline_text, the document's gold date) against the
 * gold deadline and recurrence of every task that has a deadline_text.
 * The gold's recurrence is read from the whole clause, so a phrase alone can miss it
 * ("6 tháng, hằng năm và định kỳ" of a clause that says "thường xuyên" is ongoing there).
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTiming } from "./deadline.js";

const corpus = new URL("../../../shared/corpus/", import.meta.url);
const tasksFile = new URL("tasks.gold.jsonl", corpus);
const goldFile = new URL("gold.jsonl", corpus);
const present = existsSync(tasksFile) && existsSync(goldFile);
if (!present) console.warn("../shared/corpus/tasks.gold.jsonl is absent: the deadline gold test is skipped");

const lines = (u: URL) =>
  readFileSync(u, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

describe.skipIf(!present)("deadlines of the task gold (../shared/corpus/tasks.gold.jsonl)", () => {
  it("agrees with the gold deadline and recurrence", () => {
    const dates = new Map<string, string | null>(lines(goldFile).map((r) => [r.id, r.date]));
    const rows = lines(tasksFile).filter((t) => t.deadline_text);
    let deadlines = 0;
    let recurrences = 0;
    const misses: string[] = [];
    for (const t of rows) {
      const doc = dates.get(t.doc) ?? null;
      const got = readTiming(t.deadline_text, doc);
      if (got.deadline === t.deadline) deadlines++;
      if (got.recurrence === t.recurrence) recurrences++;
      if (got.deadline !== t.deadline || got.recurrence !== t.recurrence) {
        misses.push(
          `${t.doc} ${JSON.stringify(t.deadline_text)}: gold ${t.deadline} ${t.recurrence}, got ${got.deadline} ${got.recurrence}`,
        );
      }
    }
    const n = rows.length;
    console.log(
      `deadline_text rows: ${n}; deadline agrees ${deadlines}/${n} (${((100 * deadlines) / n).toFixed(1)}%), ` +
        `recurrence ${recurrences}/${n} (${((100 * recurrences) / n).toFixed(1)}%)\n${misses.join("\n")}`,
    );
    expect(n).toBeGreaterThan(50);
    expect(deadlines / n).toBeGreaterThanOrEqual(0.95);
    expect(recurrences / n).toBeGreaterThanOrEqual(0.93);
  });
});
