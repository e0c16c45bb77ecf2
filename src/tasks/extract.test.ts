/**
 * Task extraction against the seeds' expected-tasks.md (read through its table parser, so the gold
 * is written once) and a few corpus documents' tasks.gold.jsonl, plus odd records that must not throw.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normUnit } from "../eval/tasks.js";
import { extractForGold, loadTaskGold } from "../eval/tasks-run.js";
import { parseSeedTasks } from "../eval/tasks-seeds.js";
import { emptyRecord } from "../parse/context.js";
import { parse } from "../parse/index.js";
import type { Clause, DocumentRecord } from "../parse/record.js";
import { extractTasks } from "./extract.js";
import type { Task } from "./types.js";

type GoldTaskLike = Pick<Task, "assignees" | "deadline" | "recurrence">;

const root = fileURLToPath(new URL("../../", import.meta.url));
const shared = join(root, "..", "shared");
const seedTable = join(shared, "seeds", "expected-tasks.md");
const hasShared = existsSync(seedTable) && existsSync(join(shared, "corpus", "tasks.gold.jsonl"));

async function tasksOf(file: string): Promise<Task[]> {
  const r = await parse(await readFile(file), { filename: file });
  return r.documents.flatMap((d) => extractTasks(d, r.text));
}

const pairs = (ts: { assignees: { unit: string; role: string }[] }[]) =>
  new Set(ts.flatMap((t) => t.assignees.map((a) => `${normUnit(a.unit)} · ${a.role}`)));

describe("extractTasks on the samples", () => {
  it("reads the body assignment of a letter without clauses (1237/UBND)", async () => {
    const tasks = (await tasksOf(join(root, "samples", "can-gio-1237-UBND.txt"))).filter(
      (t) => t.doc === "can-gio-1237-UBND",
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.clause).toBeNull();
    expect(tasks[0]?.assignees.map((a) => a.unit)).toEqual([
      "Thủ trưởng các cơ quan, đơn vị",
      "Chủ tịch Ủy ban nhân dân các xã, thị trấn",
    ]);
    expect(tasks[0]?.action).toMatch(/^chủ động nghiên cứu/);
  });

  it("reads chủ trì / phối hợp and reports-to (14-TT/TU clause 5)", async () => {
    const tasks = await tasksOf(join(root, "samples", "can-gio-1237-UBND.txt"));
    const five = tasks.find((t) => t.clause === "5");
    expect(five?.assignees).toEqual([
      { unit: "Ban Dân vận Thành ủy", role: "lead" },
      { unit: "các cơ quan, đơn vị", role: "coordinate" },
    ]);
    expect(five?.reports_to).toBe("Ban Thường vụ Thành ủy");
    expect(five?.deliverable).toBe("báo cáo");
  });

  it("gives each task the span of its words in the text", async () => {
    const file = join(root, "samples", "can-tho-677-CV-TU.txt");
    const r = await parse(await readFile(file), { filename: file });
    const tasks = r.documents.flatMap((d) => extractTasks(d, r.text));
    expect(tasks.length).toBeGreaterThan(3);
    for (const t of tasks) {
      expect(t.span).not.toBeNull();
      const [a, b] = t.span as [number, number];
      expect(r.text.slice(a, b).replace(/\s+/g, " ")).toContain(t.action.slice(0, 20));
    }
  });
});

describe.skipIf(!hasShared)("extractTasks against the seeds' expected-tasks.md", () => {
  it("finds the leads and coordinators of each seed document", async () => {
    if (!hasShared) return;
    const sections = parseSeedTasks(await readFile(seedTable, "utf8"));
    expect(sections.map((s) => s.symbol)).toEqual(["677-CV/TU", "1237/UBND", "14-TT/TU"]);
    const [seeds] = (await loadTaskGold(shared)).filter((g) => g.name === "seeds");
    const ours = await extractForGold(seeds!);
    let found = 0;
    let correct = 0;
    let gold = 0;
    for (const [doc, expected] of seeds!.byDoc) {
      const g = pairs(expected);
      const o = pairs(ours.get(doc) ?? []);
      gold += g.size;
      found += o.size;
      for (const x of o) if (g.has(x)) correct++;
      // Every seed document's first lead is found.
      const first = expected[0]?.assignees[0];
      expect(o.has(`${normUnit(first!.unit)} · ${first!.role}`), `${doc}: ${first!.unit}`).toBe(true);
    }
    // Measured 33 of 39 found, 37 in the gold (84.6% / 89.2%).
    expect(correct / found).toBeGreaterThan(0.8);
    expect(correct / gold).toBeGreaterThan(0.85);
  });
});

describe.skipIf(!hasShared)("extractTasks against the corpus task gold", () => {
  // Floors a little under what was measured (a029 0.67, b221 0.70, a025 0.53, a001 0.96: its plan
  // and Phụ lục table are printed after the decision's signature).
  const floors: Record<string, number> = { a029: 0.6, b221: 0.65, a025: 0.5, a001: 0.9 };
  it.each(Object.entries(floors))("%s: (unit, role) recall above its floor", async (doc, floor) => {
    if (!hasShared) return;
    const [corpus] = (await loadTaskGold(shared)).filter((g) => g.name === "corpus");
    const only = { ...corpus!, byDoc: new Map([[doc, corpus!.byDoc.get(doc) ?? []]]) };
    const ours = (await extractForGold(only)).get(doc) ?? [];
    const g = pairs(only.byDoc.get(doc) ?? []);
    const o = pairs(ours);
    const correct = [...o].filter((x) => g.has(x)).length;
    expect(g.size).toBeGreaterThan(0);
    expect(correct / g.size).toBeGreaterThanOrEqual(floor);
  });
});

describe.skipIf(!hasShared)("extractTasks against the corpus task gold: all documents", () => {
  // Measured on the 23 documents: (unit, role) 64.8% / 56.7%; (unit, deadline) 62.1% / 39.3%;
  // (unit, recurrence) 64.3% / 38.1%; reports_to recall 33.3%.
  it("keeps each pair set's precision and recall above its floor", async () => {
    if (!hasShared) return;
    const [corpus] = (await loadTaskGold(shared)).filter((g) => g.name === "corpus");
    const ours = await extractForGold(corpus!);
    type Key = (t: GoldTaskLike, a: { unit: string; role: string }) => string | null;
    const keyed = (key: Key) => (ts: GoldTaskLike[]) =>
      new Set(ts.flatMap((t) => t.assignees.map((a) => key(t, a)).filter((x) => x !== null)));
    const sets = {
      role: keyed((_, a) => `${normUnit(a.unit)} · ${a.role}`),
      deadline: keyed((t, a) => (t.deadline ? `${normUnit(a.unit)} · ${t.deadline}` : null)),
      recurrence: keyed((t, a) => (t.recurrence ? `${normUnit(a.unit)} · ${t.recurrence}` : null)),
    };
    const floors = { role: [0.58, 0.5], deadline: [0.55, 0.34], recurrence: [0.55, 0.32] } as const;
    for (const [name, set] of Object.entries(sets) as [keyof typeof sets, (typeof sets)["role"]][]) {
      let found = 0;
      let correct = 0;
      let gold = 0;
      for (const [doc, expected] of corpus!.byDoc) {
        const g = set(expected);
        const o = set(ours.get(doc) ?? []);
        gold += g.size;
        found += o.size;
        for (const x of o) if (g.has(x)) correct++;
      }
      expect(correct / found, `${name} precision`).toBeGreaterThan(floors[name][0]);
      expect(correct / gold, `${name} recall`).toBeGreaterThan(floors[name][1]);
    }
  });
});

describe("extractTasks on odd records", () => {
  const base: DocumentRecord = emptyRecord("x");
  const words = fc.constantFrom(
    "Sở Tài chính",
    "chủ trì",
    "phối hợp với",
    "các cơ quan, đơn vị",
    "giao",
    "đề nghị",
    "báo cáo kết quả về",
    "(qua",
    ")",
    ":",
    ".",
    ";",
    "\n",
    "Ủy ban nhân dân",
    "trước ngày 15/12/2025",
    "",
  );
  const sentence = fc.array(words, { maxLength: 12 }).map((w) => w.join(" "));
  const clause: fc.Arbitrary<Clause> = fc.letrec((tie) => ({
    node: fc.record({
      label: fc.constantFrom("1.", "2.1.", "a)", "-", "Điều 3.", "II.", ""),
      text: sentence,
      children: fc.oneof(
        { maxDepth: 3 },
        fc.constant([]),
        fc.array(tie("node") as fc.Arbitrary<Clause>, { maxLength: 3 }),
      ),
      span: fc.tuple(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 })),
    }),
  })).node as fc.Arbitrary<Clause>;

  it("never throws on random clause trees, spans and texts", () => {
    fc.assert(
      fc.property(fc.array(clause, { maxLength: 4 }), sentence, fc.string(), (clauses, body, noise) => {
        const text = `${noise}${body}`;
        const record = { ...base, clauses, spans: { subject: [0, 3] as [number, number] } };
        const tasks = extractTasks(record, text);
        for (const t of tasks) {
          expect(t.assignees.length).toBeGreaterThan(0);
          expect(t.doc).toBe("x");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads nothing from a record with no body", () => {
    expect(extractTasks(base, "")).toEqual([]);
    expect(extractTasks({ ...base, clauses: null as unknown as Clause[] }, "x")).toEqual([]);
  });
});
