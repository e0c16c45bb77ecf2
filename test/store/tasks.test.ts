/**
 * Tasks of the two seed files through the ordinary ingest path: the stored tasks are what
 * extraction reads, each lead body holds its items ("Ủy ban nhân dân các xã, thị trấn" of Cần Giờ
 * is each of its communes at the letter's date), recurring tasks have one item per reporting period,
 * the directive is the document's own identity; a re-parse keeps ids and statuses, a task no longer
 * read goes (or stays 'gone' when worked), a corrected record moves its tasks, and the scheduler's
 * daily extension adds the periods that come within a year.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { todayInVietnam } from "../../src/clock.js";
import { parseBytes } from "../../src/import/read.js";
import type { DocumentRecord } from "../../src/parse/record.js";
import type { Viewer } from "../../src/store/access.js";
import { auditTrail } from "../../src/store/audit.js";
import { findIdentities, relinkAll } from "../../src/store/cascade.js";
import { correct } from "../../src/store/corrections.js";
import { sha256 } from "../../src/store/files.js";
import { type Reading, storeReading } from "../../src/store/ingest.js";
import { itemOf, suggestEvidence, taskOf } from "../../src/store/task-read.js";
import { addEvidence, changeStatus } from "../../src/store/task-work.js";
import { extendRecurring } from "../../src/store/tasks.js";
import { addMonths } from "../../src/tasks/deadline-calendar.js";
import { extractTasks } from "../../src/tasks/extract.js";
import { eachBackend } from "./backends.js";
import { seedPerson } from "./task-fixtures.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const files = ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"] as const;
const admin: Viewer = { userId: 0, login: "admin", name: "Quản trị", role: "admin", unitId: null };
const CAN_GIO = "state/ubnd@huyen-can-gio.ho-chi-minh";

interface Seed {
  name: string;
  bytes: Uint8Array;
  reading: Extract<Reading, { ok: true }>;
  fileId: number;
}

/** Years whose 14 December (the NĐ 09/2019 year cut-off) falls from `from` to a year after today. */
/** The yearly periods planned for a directive signed on `from`: from the later of its date and a year ago, to a year ahead. */
function yearlyPeriods(from: string): string[] {
  const out: string[] = [];
  const today = todayInVietnam();
  const start = [from, addMonths(today, -12)].sort().at(-1)!;
  const horizon = addMonths(today, 12);
  for (let y = Number(start.slice(0, 4)); `${y}-12-14` <= horizon; y++)
    if (`${y}-12-14` >= start) out.push(String(y));
  return out;
}

eachBackend("tasks of the seeds", (store) => {
  const seeds = new Map<string, Seed>();
  let lhhn: Viewer;
  let canGio: Viewer;

  const record = (file: string, symbol: string): DocumentRecord =>
    seeds.get(file)!.reading.documents.find((d) => d.symbol === symbol)!;

  /** The stored tasks of a record (active first, by position), as taskOf reads them. */
  async function tasksOf(file: string, recordId: string) {
    const rows = await store().db.query<{ id: number }>(
      "SELECT id FROM tasks WHERE file_id = $1 AND record_id = $2 ORDER BY state, position, id",
      [seeds.get(file)!.fileId, recordId],
    );
    return Promise.all(rows.map(async (r) => (await taskOf(store().db, admin, r.id))!));
  }

  async function ingest(file: string, reading: Reading, version?: string) {
    const s = seeds.get(file)!;
    return storeReading(store().db, { name: s.name, bytes: s.bytes, sha256: sha256(s.bytes) }, reading, {
      actor: "test",
      version,
    });
  }

  beforeAll(async () => {
    for (const name of files) {
      const bytes = await readFile(`${samples}${name}`);
      const reading = await parseBytes(bytes, name);
      if (!reading.ok) throw new Error(`${name} must parse`);
      const stored = await storeReading(store().db, { name, bytes, sha256: sha256(bytes) }, reading, {
        actor: "test",
      });
      seeds.set(name, { name, bytes, reading, fileId: stored.fileId });
    }
    lhhn = await seedPerson(store().db, {
      unitCode: "LHHN-CT",
      orgKey: "mass/lien-hiep-cac-to-chuc-huu-nghi-viet-nam@can-tho",
      login: "lhhn.cv",
      role: "officer",
    });
    canGio = await seedPerson(store().db, {
      unitCode: "UBND-CG",
      orgKey: CAN_GIO,
      login: "cg.cv",
      role: "officer",
    });
  }, 60_000);

  it("stores, for every record, the tasks extraction reads, with their words and span", async () => {
    for (const file of files) {
      const { reading } = seeds.get(file)!;
      for (const rec of reading.documents) {
        const extracted = extractTasks(rec, reading.text);
        const stored = await tasksOf(file, rec.id);
        expect(stored.length, rec.id).toBe(extracted.length);
        expect(
          stored.map(({ task }) => [
            task.clause,
            task.action,
            task.assignees,
            task.deadline,
            task.recurrence,
            task.reportsTo,
            task.span,
            task.origin,
            task.state,
          ]),
        ).toEqual(
          extracted.map((t) => [
            t.clause,
            t.action,
            t.assignees,
            t.deadline,
            t.recurrence,
            t.reports_to,
            t.span,
            "extracted",
            "active",
          ]),
        );
      }
    }
    // The seeds assign work: 677 five tasks, 14-TT/TU more than ten.
    expect((await tasksOf(files[0], record(files[0], "677-CV/TU").id)).length).toBe(5);
    expect((await tasksOf(files[1], record(files[1], "14-TT/TU").id)).length).toBeGreaterThan(10);
  });

  it("points each task at its directive: identity key, issuing body and date", async () => {
    for (const [file, symbol] of [
      [files[0], "677-CV/TU"],
      [files[1], "1237/UBND"],
      [files[1], "14-TT/TU"],
    ] as const) {
      const [identity] = (await findIdentities(store().db, admin, symbol)).filter(
        (n) => n.documentId !== null,
      );
      const rec = record(file, symbol);
      for (const { task, directive, quote } of await tasksOf(file, rec.id)) {
        expect(task.directiveKey).toBe(identity!.key);
        expect(task.directiveOrg).toBe(identity!.orgKey);
        expect(task.directiveDate).toBe(rec.date);
        expect(directive).toMatchObject({ documentId: identity!.documentId, symbol, date: rec.date });
        // The quote is the task's own words as printed.
        expect(quote).toBe(seeds.get(file)!.reading.text.slice(task.span![0], task.span![1]).trim());
      }
    }
  });

  it("gives tasks their directive's identity again when the whole cascade is relinked", async () => {
    const db = store().db;
    const rec = record(files[1], "1237/UBND");
    const before = (await tasksOf(files[1], rec.id)).map((v) => [v.task.directiveKey, v.task.directiveOrg]);
    expect(before.length).toBeGreaterThan(0);
    // As if linked by older tables: the copy on the tasks is stale until the relink.
    await db.query("UPDATE tasks SET directive_key = 'old|key|2023', directive_org = NULL");
    await relinkAll(db);
    const after = (await tasksOf(files[1], rec.id)).map((v) => [v.task.directiveKey, v.task.directiveOrg]);
    expect(after).toEqual(before);
    const [stale] = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM tasks WHERE directive_key = 'old|key|2023'",
    );
    expect(stale!.n).toBe(0);
  });

  it("gives each commune of Cần Giờ its own item of 1237/UBND, and unknown units one item by name", async () => {
    const [view] = await tasksOf(files[1], record(files[1], "1237/UBND").id);
    const communes = view!.items.filter((i) => i.orgKey?.endsWith(".huyen-can-gio.ho-chi-minh"));
    // Huyện Cần Giờ in 2023: the thị trấn Cần Thạnh and six xã, each its People's Committee.
    expect(communes).toHaveLength(7);
    expect(new Set(communes.map((i) => i.orgKey)).size).toBe(7);
    expect(communes.map((i) => i.orgKey)).toContain("state/ubnd@xa-binh-khanh.huyen-can-gio.ho-chi-minh");
    expect(communes.map((i) => i.orgKey)).toContain(
      "state/ubnd@thi-tran-can-thanh.huyen-can-gio.ho-chi-minh",
    );
    expect(
      communes.every((i) => i.body === i.orgKey && /^Ủy ban nhân dân (xã|thị trấn) /.test(i.unitLabel)),
    ).toBe(true);
    const named = view!.items.filter((i) => i.orgKey === null);
    expect(named.map((i) => [i.body, i.unitLabel])).toEqual([
      ["name:Thủ trưởng các cơ quan, đơn vị", "Thủ trưởng các cơ quan, đơn vị"],
    ]);
    // A one-off task without a deadline: one instance each, no period, no due day, all new.
    expect(view!.items.every((i) => i.period === "" && i.due === null && i.status === "new")).toBe(true);
    // Coordinating units (phối hợp) hold no item: 2.4 of 14-TT/TU is Sở Ngoại vụ's alone.
    const sngv = (await tasksOf(files[1], record(files[1], "14-TT/TU").id)).find(
      (v) => v.task.clause === "2.4",
    )!;
    expect(sngv.coordinates.length).toBeGreaterThan(0);
    expect(sngv.items.map((i) => [i.orgKey, i.unitLabel])).toEqual([
      ["state/ubnd@ho-chi-minh/so-ngoai-vu", expect.stringMatching(/^Sở Ngoại vụ/)],
    ]);
  });

  it("plans a yearly task per NĐ 09/2019 period and an open-ended one once, with no due day", async () => {
    const rec = record(files[0], "677-CV/TU");
    const tasks = await tasksOf(files[0], rec.id);
    const yearly = tasks.find((v) => v.task.recurrence === "yearly")!;
    // Signed in 2023 and read now: the periods long past are not planned as work.
    const periods = yearlyPeriods(rec.date!);
    expect(periods.length).toBeGreaterThanOrEqual(1);
    expect(periods.every((y) => `${y}-12-14` >= addMonths(todayInVietnam(), -12))).toBe(true);
    for (const body of new Set(yearly.items.map((i) => i.body))) {
      const mine = yearly.items.filter((i) => i.body === body);
      expect(mine.map((i) => [i.period, i.due])).toEqual(periods.map((y) => [y, `${y}-12-14`]));
    }
    const periodic = tasks.find((v) => v.task.recurrence === "periodic")!;
    expect(periodic.task.reportsTo).toBe("Ban Thường vụ Thành ủy");
    expect(periodic.items.map((i) => [i.period, i.due])).toEqual(periodic.items.map(() => ["", null]));
    expect(periodic.items.length).toBeGreaterThanOrEqual(1);
  });

  it("keeps task and item ids, statuses and history when the same file is read again", async () => {
    const db = store().db;
    const rec = record(files[0], "677-CV/TU");
    const before = await tasksOf(files[0], rec.id);
    const yearly = before.find((v) => v.task.recurrence === "yearly")!;
    const item = yearly.items.find(
      (i) => i.orgKey === "mass/lien-hiep-cac-to-chuc-huu-nghi-viet-nam@can-tho",
    )!;
    await changeStatus(db, lhhn, item.id, { to: "in_progress", note: "Đang xây dựng kế hoạch" });
    await ingest(files[0], seeds.get(files[0])!.reading, "next-version");
    const after = await tasksOf(files[0], rec.id);
    expect(after.map((v) => v.task.id)).toEqual(before.map((v) => v.task.id));
    expect(after.map((v) => v.items.map((i) => i.id))).toEqual(before.map((v) => v.items.map((i) => i.id)));
    const again = (await itemOf(db, admin, item.id))!;
    expect(again.item.status).toBe("in_progress");
    expect(again.history.map((h) => [h.from, h.to, h.actor])).toEqual([
      [null, "new", "system"],
      ["new", "in_progress", "lhhn.cv"],
    ]);
  });

  it("deletes a task no longer read, but keeps one that was worked on as 'gone' with its work", async () => {
    const db = store().db;
    const s = seeds.get(files[0])!;
    const rec = record(files[0], "677-CV/TU");
    const before = await tasksOf(files[0], rec.id);
    const worked = before.find((v) => v.task.recurrence === "yearly")!;
    const unworked = before.find((v) => v.task.clause === "3")!;
    const dropped = new Set([worked.task.clause, unworked.task.clause]);
    const trimmed: Reading = {
      ...s.reading,
      documents: s.reading.documents.map((d) =>
        d.id === rec.id
          ? { ...d, clauses: d.clauses.filter((c) => !dropped.has(c.label.replace(/[.\-]$/, ""))) }
          : d,
      ),
    };
    expect(extractTasks(trimmed.documents.find((d) => d.id === rec.id)!, s.reading.text)).toHaveLength(3);
    await ingest(files[0], trimmed, "trimmed");
    const after = await tasksOf(files[0], rec.id);
    expect(after.map((v) => v.task.id).sort()).toEqual(
      before
        .filter((v) => v !== unworked)
        .map((v) => v.task.id)
        .sort(),
    );
    const gone = after.find((v) => v.task.id === worked.task.id)!;
    expect(gone.task.state).toBe("gone");
    // Only its worked item stays.
    expect(gone.items.map((i) => i.status)).toEqual(["in_progress"]);
    // Read again in full: the gone task is back in force, the deleted one is new.
    await ingest(files[0], s.reading, "full-again");
    const back = await tasksOf(files[0], rec.id);
    expect(back.find((v) => v.task.id === worked.task.id)!.task.state).toBe("active");
    expect(back.find((v) => v.task.clause === "3")!.task.id).not.toBe(unworked.task.id);
    expect((await auditTrail(db, "task")).some((a) => a.action === "tasks.synced")).toBe(true);
  });

  it("moves a record's tasks when a person corrects the record's date", async () => {
    const db = store().db;
    const rec = record(files[0], "677-CV/TU");
    const [editor] = await db.query<{ id: number }>("SELECT id FROM users WHERE login = 'lhhn.cv'");
    await correct(db, {
      fileId: seeds.get(files[0])!.fileId,
      recordId: rec.id,
      field: "date",
      value: "2024-02-01",
      userId: editor!.id,
    });
    const tasks = await tasksOf(files[0], rec.id);
    expect(tasks.every((v) => v.task.directiveDate === "2024-02-01")).toBe(true);
    const yearly = tasks.find((v) => v.task.recurrence === "yearly")!;
    const other = yearly.items.filter((i) => i.status === "new");
    const worked = yearly.items.filter((i) => i.status === "in_progress");
    // The instance worked on (the first period planned for the original date) stays; the unworked
    // ones are those of the corrected date.
    expect(worked.map((i) => i.period)).toEqual([yearlyPeriods(rec.date!)[0]]);
    const workedPeriod = worked[0]!.period;
    expect([...new Set(other.map((i) => i.period))].filter((p) => p !== workedPeriod)).toEqual(
      yearlyPeriods("2024-02-01").filter((p) => p !== workedPeriod),
    );
  });

  it("suggests 1237/UBND of UBND huyện Cần Giờ as evidence of its item of 14-TT/TU, until it is added", async () => {
    const db = store().db;
    const tasks = await tasksOf(files[1], record(files[1], "14-TT/TU").id);
    const items = tasks.flatMap((v) => v.items).filter((i) => i.orgKey === CAN_GIO);
    expect(items.length).toBeGreaterThanOrEqual(1);
    const [mine] = (await findIdentities(db, admin, "1237/UBND")).filter((n) => n.documentId !== null);
    const suggested = await suggestEvidence(db, items[0]!.id);
    expect(suggested.map((s) => s.symbol)).toContain("1237/UBND");
    expect(suggested.find((s) => s.symbol === "1237/UBND")).toMatchObject({
      identityKey: mine!.key,
      documentId: mine!.documentId,
      date: "2023-03-08",
    });
    // Nobody else's item is offered Cần Giờ's letter.
    const other = tasks.flatMap((v) => v.items).find((i) => i.orgKey !== null && i.orgKey !== CAN_GIO)!;
    expect((await suggestEvidence(db, other.id)).map((s) => s.symbol)).not.toContain("1237/UBND");
    // The item's people see it on the item, accept it, and it is no longer suggested.
    const view = (await itemOf(db, canGio, items[0]!.id))!;
    expect(view.suggestions.map((s) => s.identityKey)).toContain(mine!.key);
    const evidence = await addEvidence(db, canGio, items[0]!.id, {
      kind: "document",
      identityKey: mine!.key,
    });
    expect(evidence).toMatchObject({
      kind: "document",
      identityKey: mine!.key,
      documentId: mine!.documentId,
    });
    expect((await suggestEvidence(db, items[0]!.id)).map((s) => s.identityKey)).not.toContain(mine!.key);
  });

  it("extends recurring tasks by the periods that come within a year, once", async () => {
    const db = store().db;
    const later = addMonths(todayInVietnam(), 24);
    const count = async () =>
      (
        await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM task_items i JOIN tasks t ON t.id = i.task_id WHERE t.recurrence = 'yearly' AND t.state = 'active'",
        )
      )[0]!.n;
    const bodies = (
      await db.query<{ n: number }>(
        "SELECT count(DISTINCT (i.task_id, i.body))::int AS n FROM task_items i JOIN tasks t ON t.id = i.task_id WHERE t.recurrence = 'yearly' AND t.state = 'active' AND i.period <> ''",
      )
    )[0]!.n;
    const before = await count();
    const added = await extendRecurring(db, later);
    // A horizon two years further holds exactly two more 14 Decembers for every body.
    expect(bodies).toBeGreaterThan(0);
    expect(added).toBe(bodies * 2);
    expect(await count()).toBe(before + added);
    expect(await extendRecurring(db, later)).toBe(0);
  });
});
