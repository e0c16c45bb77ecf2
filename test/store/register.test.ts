/**
 * Sổ văn bản đến: numbered from 1 per unit and year without gaps, once per document and unit, only
 * by a clerk, and never of a document the clerk's unit may not read.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { parseBytes } from "../../src/import/read.js";
import { canReadFile, type Viewer } from "../../src/store/access.js";
import { createAccount } from "../../src/store/accounts.js";
import { documentsOfFile } from "../../src/store/documents.js";
import { sha256 } from "../../src/store/files.js";
import { storeReading } from "../../src/store/ingest.js";
import { registerIncoming, registerOf, registrationOf } from "../../src/store/register.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "./backends.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));

async function sample(name: string) {
  const bytes = new Uint8Array(await readFile(join(samples, name)));
  return { name, bytes, sha256: sha256(bytes), reading: await parseBytes(bytes, name) };
}

eachBackend("incoming register", (store) => {
  let clerkA: Viewer;
  let clerkB: Viewer;
  let officerA: Viewer;
  const files: Array<{ fileId: number; recordId: string }> = [];

  it("sets up two units, their clerks, and two documents owned by unit A", async () => {
    const { db } = store();
    const a = await createUnit(db, { code: "BDV-TU", name: "Ban Dân vận Thành ủy" }, "admin");
    const b = await createUnit(db, { code: "HU-CG", name: "Huyện ủy Cần Giờ" }, "admin");
    const pw = "mật-khẩu-dài-đủ";
    clerkA = await createAccount(
      db,
      { login: "vt-a", name: "A", password: pw, role: "clerk", unitId: a.id },
      "t",
    );
    clerkB = await createAccount(
      db,
      { login: "vt-b", name: "B", password: pw, role: "clerk", unitId: b.id },
      "t",
    );
    officerA = await createAccount(
      db,
      { login: "cv-a", name: "C", password: pw, role: "officer", unitId: a.id },
      "t",
    );
    const { readdir } = await import("node:fs/promises");
    for (const name of (await readdir(samples)).sort()) {
      const s = await sample(name);
      const stored = await storeReading(db, s, s.reading, {
        actor: "t",
        owner: { unitId: a.id, public: false, uploadedBy: clerkA.userId },
      });
      const [doc] = await documentsOfFile(db, stored.fileId);
      files.push({ fileId: stored.fileId, recordId: doc!.recordId });
    }
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it("numbers a unit's incoming documents 1, 2 in the year of arrival", async () => {
    const { db } = store();
    const first = await registerIncoming(db, clerkA, { ...files[0]!, receivedOn: "2025-12-30" });
    const second = await registerIncoming(db, clerkA, {
      ...files[1]!,
      receivedOn: "2025-12-31",
      handler: "Đ/c Lan",
    });
    expect([first.number, first.year, second.number, second.year]).toEqual([1, 2025, 2, 2025]);
    expect(second).toMatchObject({ receivedOn: "2025-12-31", handler: "Đ/c Lan", registeredBy: "vt-a" });
    expect((await registerOf(db, clerkA.unitId!, 2025)).map((e) => e.number)).toEqual([2, 1]);
  });

  it("starts again from 1 in a new year and refuses to register a document twice", async () => {
    const { db } = store();
    await expect(
      registerIncoming(db, clerkA, { ...files[0]!, receivedOn: "2026-01-02" }),
    ).rejects.toMatchObject({
      code: "already_registered",
    });
    const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM incoming_register");
    expect(row!.n).toBe(2);
  });

  it("refuses an officer, and hides unit A's private document from unit B's clerk", async () => {
    const { db } = store();
    await expect(registerIncoming(db, officerA, files[0]!)).rejects.toMatchObject({ code: "forbidden" });
    expect(await canReadFile(db, clerkB, files[0]!.fileId)).toBe(false);
    await expect(registerIncoming(db, clerkB, files[0]!)).rejects.toMatchObject({
      code: "document_not_found",
    });
  });

  it("keeps each unit's numbering its own", async () => {
    const { db } = store();
    await db.query("UPDATE files SET public = true WHERE id = $1", [files[0]!.fileId]);
    const inB = await registerIncoming(db, clerkB, { ...files[0]!, receivedOn: "2026-01-05" });
    expect([inB.number, inB.year]).toEqual([1, 2026]);
    expect(await registrationOf(db, clerkB.unitId!, files[0]!.fileId, files[0]!.recordId)).toMatchObject({
      number: 1,
    });
    expect(await registrationOf(db, clerkB.unitId!, files[1]!.fileId, files[1]!.recordId)).toBeNull();
  });
});
