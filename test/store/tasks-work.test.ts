/**
 * Working task items: who may move a status where (the body's people; leaders cancel; the scheduler
 * alone marks overdue), the history and audit rows each change writes, the handler chosen from the
 * body's unit, evidence (notes, documents, reports checked by size and by their bytes), and a private
 * directive seen only by its readers and by the bodies it assigns work to.
 */
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "../../src/clock.js";
import type { Viewer } from "../../src/store/access.js";
import { auditTrail } from "../../src/store/audit.js";
import { checkEvidenceFile, MAX_EVIDENCE_BYTES } from "../../src/store/evidence-file.js";
import { itemOf, taskOf } from "../../src/store/task-read.js";
import { addEvidence, assignHandler, changeStatus, evidenceFile } from "../../src/store/task-work.js";
import { eachBackend } from "./backends.js";
import { refusal, seedDirective, seedItem, seedPerson, seedTask } from "./task-fixtures.js";

const ISSUER = "party/thanh-uy@thu-nghiem";
const A = "state/ubnd@xa-a.thu-nghiem";
const B = "state/ubnd@xa-b.thu-nghiem";
const C = "state/ubnd@xa-c.thu-nghiem";

const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);

async function zipOf(entries: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, body] of Object.entries(entries)) zip.file(name, body);
  return zip.generateAsync({ type: "uint8array" });
}

describe("evidence files are judged by their bytes", () => {
  it("accepts reports whose content is what their name says, and refuses the rest", async () => {
    const docx = await zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" });
    const xlsx = await zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });
    expect(checkEvidenceFile("bao-cao.pdf", pdf)).toEqual({ ok: true, mediaType: "application/pdf" });
    expect(checkEvidenceFile("bao-cao.docx", docx)).toMatchObject({
      ok: true,
      mediaType: expect.stringMatching(/wordprocessingml/),
    });
    expect(checkEvidenceFile("so-lieu.xlsx", xlsx)).toMatchObject({
      ok: true,
      mediaType: expect.stringMatching(/spreadsheetml/),
    });
    expect(checkEvidenceFile("anh.PNG", png)).toEqual({ ok: true, mediaType: "image/png" });
    expect(checkEvidenceFile("ghi-chu.txt", new TextEncoder().encode("Đã triển khai."))).toMatchObject({
      ok: true,
    });
    // A program renamed .pdf, a picture renamed .docx, a Word file renamed .xlsx, an unknown kind.
    expect(checkEvidenceFile("bao-cao.pdf", exe)).toMatchObject({ ok: false, reason: "unsupported" });
    expect(checkEvidenceFile("bao-cao.docx", png)).toMatchObject({ ok: false, reason: "unsupported" });
    expect(checkEvidenceFile("so-lieu.xlsx", docx)).toMatchObject({ ok: false, reason: "unsupported" });
    expect(checkEvidenceFile("chay.exe", exe)).toMatchObject({ ok: false, reason: "unsupported" });
    expect(checkEvidenceFile("rong.pdf", new Uint8Array())).toMatchObject({
      ok: false,
      reason: "unsupported",
    });
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(pdf);
    expect(checkEvidenceFile("lon.pdf", big)).toMatchObject({ ok: false, reason: "too_large" });
  });
});

eachBackend("task work", (store) => {
  let officerA: Viewer;
  let clerkA: Viewer;
  let leaderA: Viewer;
  let officerB: Viewer;
  let leaderIssuer: Viewer;
  let leaderElsewhere: Viewer;
  let admin: Viewer;
  let officerC: Viewer;
  let itemA: number;
  let itemB: number;
  let privateItem: number;
  let privateTask: number;

  beforeAll(async () => {
    const { db } = store();
    officerA = await seedPerson(db, { unitCode: "XA-A", orgKey: A, login: "a.cv", role: "officer" });
    clerkA = await seedPerson(db, { unitCode: "XA-A", orgKey: A, login: "a.vt", role: "clerk" });
    leaderA = await seedPerson(db, { unitCode: "XA-A", orgKey: A, login: "a.ld", role: "leader" });
    officerB = await seedPerson(db, { unitCode: "XA-B", orgKey: B, login: "b.cv", role: "officer" });
    officerC = await seedPerson(db, { unitCode: "XA-C", orgKey: C, login: "c.cv", role: "officer" });
    leaderIssuer = await seedPerson(db, { unitCode: "TU", orgKey: ISSUER, login: "tu.ld", role: "leader" });
    leaderElsewhere = await seedPerson(db, {
      unitCode: "KHAC",
      orgKey: "state/khac",
      login: "khac.ld",
      role: "leader",
    });
    admin = await seedPerson(db, { unitCode: "QT", orgKey: null, login: "qt", role: "admin" });
    const directive = await seedDirective(db, {
      symbol: "01-KH/TU",
      date: "2025-01-10",
      subject: "Kế hoạch thử",
    });
    const task = await seedTask(db, directive, {
      action: "xây dựng kế hoạch triển khai",
      assignees: [
        { unit: "Ủy ban nhân dân xã A", role: "lead" },
        { unit: "Ủy ban nhân dân xã B", role: "lead" },
      ],
      directiveOrg: ISSUER,
      deadline: "2025-03-31",
    });
    itemA = await seedItem(db, task, { orgKey: A, due: "2025-03-31" });
    itemB = await seedItem(db, task, { orgKey: B, due: "2025-03-31" });
    // A directive kept private to another unit: seen by its readers and the bodies it assigns.
    const [other] = await db.query<{ id: number }>(
      "INSERT INTO units (code, name) VALUES ('MAT', 'Mật') RETURNING id",
    );
    const hidden = await seedDirective(db, { symbol: "02-KH/TU", unitId: other!.id });
    privateTask = await seedTask(db, hidden, { action: "báo cáo", directiveOrg: ISSUER });
    privateItem = await seedItem(db, privateTask, { orgKey: C });
  });

  it("lets the body's people move an item new → in progress → done, with history and audit", async () => {
    const db = store().db;
    let item = await changeStatus(db, officerA, itemA, {
      to: "in_progress",
      note: "Đã giao phòng chuyên môn",
    });
    expect(item).toMatchObject({ status: "in_progress", doneOn: null });
    item = await changeStatus(db, officerA, itemA, { to: "done", note: "Đã ban hành kế hoạch" });
    expect(item).toMatchObject({ status: "done", doneOn: todayInVietnam() });
    const view = (await itemOf(db, officerA, itemA))!;
    expect(view.history.map((h) => [h.from, h.to, h.actor, h.note])).toEqual([
      ["new", "in_progress", "a.cv", "Đã giao phòng chuyên môn"],
      ["in_progress", "done", "a.cv", "Đã ban hành kế hoạch"],
    ]);
    expect(view.history.every((h) => h.userId === officerA.userId)).toBe(true);
    const trail = await auditTrail(db, "task_item", itemA);
    expect(trail.map((a) => [a.action, a.actor, a.detail.from, a.detail.to])).toEqual([
      ["task_item.status", "a.cv", "new", "in_progress"],
      ["task_item.status", "a.cv", "in_progress", "done"],
    ]);
    // Reopened: back to work, the day done forgotten.
    expect(await changeStatus(db, officerA, itemA, { to: "in_progress" })).toMatchObject({
      status: "in_progress",
      doneOn: null,
    });
    // Done on a day given (not in the future).
    expect(await changeStatus(db, clerkA, itemA, { to: "done", doneOn: "2025-03-20" })).toMatchObject({
      doneOn: "2025-03-20",
    });
  });

  it("refuses what a person may not do, leaving the item as it was", async () => {
    const db = store().db;
    expect(await refusal(changeStatus(db, officerB, itemA, { to: "in_progress" }))).toBe("forbidden");
    expect(await refusal(changeStatus(db, admin, itemB, { to: "overdue" }))).toBe("forbidden");
    expect(await refusal(changeStatus(db, officerA, itemA, { to: "new" }))).toBe("invalid");
    expect(await refusal(changeStatus(db, officerA, itemA, { to: "done" }))).toBe("conflict");
    expect(await refusal(changeStatus(db, officerB, itemB, { to: "bogus" as "done" }))).toBe("invalid");
    expect(await refusal(changeStatus(db, officerB, itemB, { to: "done", doneOn: "2999-01-01" }))).toBe(
      "invalid",
    );
    expect(await refusal(changeStatus(db, officerB, 999_999, { to: "done" }))).toBe("not_found");
    expect((await itemOf(db, admin, itemB))!.item.status).toBe("new");
    expect((await itemOf(db, admin, itemB))!.history).toEqual([]);
  });

  it("lets only a leader of the issuing body or of the item's body cancel, and restore", async () => {
    const db = store().db;
    expect(await refusal(changeStatus(db, officerB, itemB, { to: "cancelled" }))).toBe("forbidden");
    expect(await refusal(changeStatus(db, leaderElsewhere, itemB, { to: "cancelled" }))).toBe("forbidden");
    expect(await refusal(changeStatus(db, leaderA, itemB, { to: "cancelled" }))).toBe("forbidden");
    expect((await itemOf(db, leaderIssuer, itemB))!.next).toEqual(["cancelled"]);
    expect((await itemOf(db, officerB, itemB))!.next).toEqual(["in_progress", "done"]);
    await changeStatus(db, leaderIssuer, itemB, { to: "cancelled", note: "Không còn phù hợp" });
    // A cancelled item is not worked until a leader restores it.
    expect(await refusal(changeStatus(db, officerB, itemB, { to: "in_progress" }))).toBe("forbidden");
    await changeStatus(db, leaderIssuer, itemB, { to: "new" });
    expect((await itemOf(db, officerB, itemB))!.item.status).toBe("new");
    // A leader of the item's own body works it and may cancel it too (not once it is done).
    expect((await itemOf(db, leaderA, itemA))!.next).toEqual(["in_progress"]);
    await changeStatus(db, leaderA, itemA, { to: "in_progress" });
    expect((await itemOf(db, leaderA, itemA))!.next).toEqual(["new", "done", "cancelled"]);
  });

  it("chooses the handler among the body's own people", async () => {
    const db = store().db;
    const view = (await itemOf(db, officerA, itemA))!;
    expect(view.handlers.map((h) => h.login).sort()).toEqual(["a.cv", "a.ld", "a.vt"]);
    expect(await assignHandler(db, officerA, itemA, clerkA.userId)).toMatchObject({
      handlerUserId: clerkA.userId,
    });
    expect((await itemOf(db, officerA, itemA))!.handler).toMatchObject({ login: "a.vt" });
    expect(await refusal(assignHandler(db, officerA, itemA, officerB.userId))).toBe("invalid");
    expect(await refusal(assignHandler(db, officerB, itemA, officerB.userId))).toBe("forbidden");
    expect(await assignHandler(db, leaderA, itemA, null)).toMatchObject({ handlerUserId: null });
    const trail = (await auditTrail(db, "task_item", itemA)).filter((a) => a.action === "task_item.handler");
    expect(trail.map((a) => [a.actor, a.detail.new])).toEqual([
      ["a.cv", clerkA.userId],
      ["a.ld", null],
    ]);
  });

  it("keeps notes and reports as evidence, refusing bad files, and hands a report back to readers", async () => {
    const db = store().db;
    const note = await addEvidence(db, officerA, itemA, {
      kind: "note",
      note: "  Đã tổ chức hội nghị quán triệt.  ",
    });
    expect(note).toMatchObject({
      kind: "note",
      note: "Đã tổ chức hội nghị quán triệt.",
      userId: officerA.userId,
    });
    const file = await addEvidence(db, officerA, itemA, {
      kind: "file",
      name: "C:\\fakepath\\bao-cao-ket-qua.pdf",
      mediaType: "application/x-evil",
      bytes: pdf,
    });
    expect(file).toMatchObject({
      kind: "file",
      fileName: "bao-cao-ket-qua.pdf",
      mediaType: "application/pdf",
      size: pdf.byteLength,
    });
    expect(await evidenceFile(db, officerB, file.id)).toMatchObject({ name: "bao-cao-ket-qua.pdf" });
    const back = await evidenceFile(db, officerA, file.id);
    expect(back?.bytes).toEqual(pdf);
    expect(await evidenceFile(db, officerA, note.id)).toBeNull();
    for (const bad of [
      { kind: "file" as const, name: "bao-cao.pdf", bytes: exe },
      { kind: "file" as const, name: "bao-cao.docx", bytes: png },
      { kind: "file" as const, name: "lon.pdf", bytes: new Uint8Array(MAX_EVIDENCE_BYTES + 10) },
      { kind: "note" as const, note: "   " },
      { kind: "document" as const, identityKey: "party/khong-co|1-KH/TU|2025" },
    ])
      expect(await refusal(addEvidence(db, officerA, itemA, bad)), "name" in bad ? bad.name : bad.kind).toBe(
        "invalid",
      );
    expect(
      await refusal(addEvidence(db, officerB, itemA, { kind: "note", note: "không phải việc của tôi" })),
    ).toBe("forbidden");
    const view = (await itemOf(db, officerA, itemA))!;
    expect(view.evidence.map((e) => e.kind)).toEqual(["note", "file"]);
  });

  it("shows a private directive's item to the body it assigns, and to nobody else outside the unit", async () => {
    const db = store().db;
    expect((await itemOf(db, officerC, privateItem))?.item.orgKey).toBe(C);
    expect(await taskOf(db, officerC, privateTask)).not.toBeNull();
    expect(await itemOf(db, officerB, privateItem)).toBeNull();
    expect(await taskOf(db, officerB, privateTask)).toBeNull();
    expect(await refusal(changeStatus(db, officerB, privateItem, { to: "in_progress" }))).toBe("not_found");
    const report = await addEvidence(db, officerC, privateItem, {
      kind: "file",
      name: "anh.png",
      bytes: png,
    });
    expect(await evidenceFile(db, officerB, report.id)).toBeNull();
    expect(await evidenceFile(db, admin, report.id)).not.toBeNull();
  });
});
