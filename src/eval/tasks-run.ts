/**
 * Runs task extraction against the task gold of ../shared: the corpus' tasks.gold.jsonl and the
 * seeds' expected-tasks.md, each document parsed once from the source its gold record names.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "../parse/index.js";
import { extractTasks } from "../tasks/extract.js";
import type { Task } from "../tasks/types.js";
import type { GoldRecord } from "./fields.js";
import { type GoldSet, loadGoldSets } from "./load.js";
import { emptyTaskScore, type GoldTask, scoreDocument, type TaskScore } from "./tasks.js";
import { parseSeedTasks } from "./tasks-seeds.js";

/** One gold set's tasks, by record id, with the gold records that say where each document is. */
export interface TaskGoldSet {
  name: "seeds" | "corpus";
  byDoc: Map<string, GoldTask[]>;
  set: GoldSet;
}

/** The task gold present under `shared`. */
export async function loadTaskGold(shared: string): Promise<TaskGoldSet[]> {
  const out: TaskGoldSet[] = [];
  for (const set of await loadGoldSets(shared)) {
    const byDoc = new Map<string, GoldTask[]>();
    if (set.name === "corpus") {
      const file = join(shared, "corpus", "tasks.gold.jsonl");
      if (!existsSync(file)) continue;
      for (const line of (await readFile(file, "utf8")).split("\n")) {
        if (line.trim() === "") continue;
        const t = JSON.parse(line) as GoldTask;
        byDoc.set(t.doc, [...(byDoc.get(t.doc) ?? []), t]);
      }
    } else {
      const file = join(shared, "seeds", "expected-tasks.md");
      if (!existsSync(file)) continue;
      for (const section of parseSeedTasks(await readFile(file, "utf8"))) {
        const record = set.gold.find((g: GoldRecord) => g.symbol === section.symbol);
        if (!record) continue;
        byDoc.set(
          record.id,
          section.tasks.map((t) => ({ ...t, doc: record.id })),
        );
      }
    }
    out.push({ name: set.name, byDoc, set });
  }
  return out;
}

/** Our tasks for each document of the set (an unreadable one has none). */
export async function extractForGold(g: TaskGoldSet): Promise<Map<string, Task[]>> {
  const gold = g.set.gold.filter((r) => g.byDoc.has(r.id) && r.needs_ocr !== true);
  const parsed = new Map<string, Awaited<ReturnType<typeof parse>> | null>();
  const out = new Map<string, Task[]>();
  for (const r of gold) {
    if (!parsed.has(r.source)) {
      try {
        const bytes = await readFile(join(g.set.docs, r.source));
        parsed.set(r.source, await parse(new Uint8Array(bytes), { filename: r.source }));
      } catch {
        parsed.set(r.source, null); // scored as finding nothing
      }
    }
    const p = parsed.get(r.source);
    const record = p?.documents.find((d) => d.id === r.id) ?? null;
    out.set(r.id, record && p ? extractTasks(record, p.text) : []);
  }
  return out;
}

/** Scores a task gold set. */
export async function scoreTaskGold(g: TaskGoldSet): Promise<TaskScore> {
  const ours = await extractForGold(g);
  const score = emptyTaskScore();
  for (const [doc, gold] of g.byDoc) scoreDocument(score, doc, gold, ours.get(doc) ?? []);
  return score;
}
