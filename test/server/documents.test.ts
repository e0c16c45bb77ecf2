/**
 * Documents through the API: upload a seed, find it without diacritics, open it; duplicates,
 * size and type refusals, failed files kept and re-read, corrections, reading by unit, and
 * hostile input (markup, SQL) answered harmlessly.
 */
import { beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { createAccount } from "../../src/store/accounts.js";
import { countDocuments, documentsOfFile } from "../../src/store/documents.js";
import { listFiles } from "../../src/store/files.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "../store/backends.js";
import { type Client, type ErrorAnswer, seed, signIn, type UploadAnswer, upload } from "./client.js";

interface Detail {
  document: {
    id: number;
    fileId: number;
    recordId: string;
    record: {
      symbol: string | null;
      subject: string | null;
      recipients: string[];
      spans: Record<string, [number, number]>;
    };
    parsed: { subject: string | null };
    corrected: string[];
  };
  file: { id: number; name: string; status: string; mediaType: string };
  text: string | null;
  corrections: Array<{ field: string; new: unknown }>;
}

interface Hits {
  total: number;
  hits: Array<{ id: number; symbol: string | null }>;
}

const password = "mat-khau-dai-1";

eachBackend("server documents", (store) => {
  let app: ReturnType<typeof createApp>;
  let clerkA: Client;
  let clerkB: Client;
  let officerA: Client;
  let leaderA: Client;
  let privateDoc: { id: number; fileId: number };
  let publicDoc: { id: number; fileId: number };

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    const a = await createUnit(db, { code: "TU-CT", name: "Văn phòng Thành ủy" }, "test");
    const b = await createUnit(db, { code: "UBND-CG", name: "Văn phòng UBND huyện" }, "test");
    const people: Array<[string, "clerk" | "officer" | "leader", number]> = [
      ["vanthu.a", "clerk", a.id],
      ["vanthu.b", "clerk", b.id],
      ["chuyenvien.a", "officer", a.id],
      ["lanhdao.a", "leader", a.id],
    ];
    for (const [login, role, unitId] of people)
      await createAccount(db, { login, name: login, password, role, unitId }, "test");
    const signed = new Map<string, Client>();
    for (const [login] of people) signed.set(login, await signIn(app, login, password));
    clerkA = signed.get("vanthu.a")!;
    clerkB = signed.get("vanthu.b")!;
    officerA = signed.get("chuyenvien.a")!;
    leaderA = signed.get("lanhdao.a")!;
  });

  it("uploads a seed privately for the unit, and finds it without diacritics", async () => {
    const bytes = await seed("can-tho-677-CV-TU.txt");
    const res = await upload(clerkA, [{ name: "can-tho-677-CV-TU.txt", bytes }]);
    expect(res.status).toBe(200);
    const [item] = res.body.files;
    expect(item).toMatchObject({ name: "can-tho-677-CV-TU.txt", action: "imported" });
    expect(item!.documents[0]).toMatchObject({ symbol: "677-CV/TU" });
    privateDoc = { id: item!.documents[0]!.id, fileId: item!.fileId };

    const found = await clerkA.json<Hits>("GET", "/api/documents?q=to%20chuc%20huu%20nghi");
    expect(found.status).toBe(200);
    expect(found.body.hits.map((h) => h.id)).toContain(privateDoc.id);
    const bySymbol = await clerkA.json<Hits>("GET", "/api/documents?q=677%2FTU");
    expect(bySymbol.body.hits.map((h) => h.id)).toContain(privateDoc.id);
  });

  it("opens the document: record, parsed record, file, and the text its spans point into", async () => {
    const res = await clerkA.json<Detail>("GET", `/api/documents/${privateDoc.id}`);
    expect(res.status).toBe(200);
    const { document, file, text } = res.body;
    expect(file).toMatchObject({ id: privateDoc.fileId, name: "can-tho-677-CV-TU.txt", status: "parsed" });
    expect(document.record.symbol).toBe("677-CV/TU");
    const span = document.record.spans.symbol!;
    expect(text!.slice(span[0], span[1])).toContain("677");
    const original = await clerkA.fetch(`/api/files/${privateDoc.fileId}/original`);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(original.headers.get("content-disposition")).toMatch(
      /^attachment; filename="can-tho-677-CV-TU.txt"/,
    );
    expect(Buffer.from(await original.arrayBuffer()).equals(await seed("can-tho-677-CV-TU.txt"))).toBe(true);
  });

  it("keeps another unit's private upload from view: 404 on open and download, absent from search", async () => {
    expect((await clerkB.json("GET", `/api/documents/${privateDoc.id}`)).status).toBe(404);
    expect((await clerkB.fetch(`/api/files/${privateDoc.fileId}/original`)).status).toBe(404);
    // The same answer as for an id that does not exist: existence is not revealed.
    const missing = await clerkB.json<ErrorAnswer>("GET", "/api/documents/999999");
    const hidden = await clerkB.json<ErrorAnswer>("GET", `/api/documents/${privateDoc.id}`);
    expect(hidden.body).toEqual(missing.body);
    const search = await clerkB.json<Hits>("GET", "/api/documents?q=huu%20nghi");
    expect(search.body.hits.map((h) => h.id)).not.toContain(privateDoc.id);
    const list = await clerkB.json<Hits>("GET", "/api/documents");
    expect(list.body.hits.map((h) => h.id)).not.toContain(privateDoc.id);
  });

  it("shares a public upload with every unit", async () => {
    const res = await upload(
      clerkA,
      [{ name: "can-gio-1237-UBND.txt", bytes: await seed("can-gio-1237-UBND.txt") }],
      true,
    );
    expect(res.status).toBe(200);
    const [item] = res.body.files;
    publicDoc = { id: item!.documents[0]!.id, fileId: item!.fileId };
    expect((await clerkB.json("GET", `/api/documents/${publicDoc.id}`)).status).toBe(200);
    const search = await clerkB.json<Hits>("GET", "/api/documents?q=doi%20ngoai%20nhan%20dan");
    expect(search.body.hits.map((h) => h.id)).toContain(publicDoc.id);
  });

  it("treats the same bytes again as a duplicate: nothing new is stored", async () => {
    const files = (await listFiles(store().db)).length;
    const documents = await countDocuments(store().db);
    const again = await upload(clerkA, [{ name: "renamed.txt", bytes: await seed("can-tho-677-CV-TU.txt") }]);
    expect(again.status).toBe(200);
    expect(again.body.files[0]).toMatchObject({ action: "duplicate", fileId: privateDoc.fileId });
    expect(again.body.files[0]!.documents.map((d) => d.id)).toContain(privateDoc.id);
    expect((await listFiles(store().db)).length).toBe(files);
    expect(await countDocuments(store().db)).toBe(documents);
  });

  it("refuses an upload from a role that may not upload (403)", async () => {
    const res = await upload<ErrorAnswer>(officerA, [
      { name: "x.txt", bytes: new TextEncoder().encode("Số 1/UBND") },
    ]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("refuses a file over the limit (413), stores nothing", async () => {
    const small = createApp({ db: store().db, maxUploadBytes: 4096 });
    const me = await signIn(small, clerkA.login, password);
    const files = (await listFiles(store().db)).length;
    const over = await upload<ErrorAnswer>(me, [{ name: "big.txt", bytes: new Uint8Array(5000).fill(0x61) }]);
    expect(over.status).toBe(413);
    expect(over.body.error.code).toBe("too_large");
    // Far over: the body limit stops it before it is read.
    const huge = await upload<ErrorAnswer>(me, [
      { name: "huge.txt", bytes: new Uint8Array(400_000).fill(0x61) },
    ]);
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("too_large");
    expect((await listFiles(store().db)).length).toBe(files);
  });

  it("refuses what is not a readable document (415) with the reason", async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
    ]);
    const files = (await listFiles(store().db)).length;
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ["scan.pdf", png, /not a document/],
      [
        "cong-van.pdf",
        new TextEncoder().encode("Số 12/UBND\nKính gửi: các xã"),
        /named \.pdf but the content is plain text/,
      ],
      ["setup.exe", Uint8Array.from([0x4d, 0x5a, 0x90, 0]), /only \.txt/],
      ["empty.txt", new Uint8Array(0), /empty/],
    ];
    for (const [name, bytes, reason] of cases) {
      const res = await upload<ErrorAnswer>(clerkA, [{ name, bytes }]);
      expect([name, res.status]).toEqual([name, 415]);
      expect(res.body.error.message).toMatch(reason);
    }
    // One bad file refuses the batch: the good one beside it is not stored either.
    const mixed = await upload<ErrorAnswer>(clerkA, [
      { name: "ok.txt", bytes: new TextEncoder().encode("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố 5/UBND") },
      { name: "scan.pdf", bytes: png },
    ]);
    expect(mixed.status).toBe(415);
    expect((await listFiles(store().db)).length).toBe(files);
  });

  it("keeps a file that fails to parse with its error, and re-reads it on request", async () => {
    const broken = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ngarbage\n%%EOF");
    const res = await upload(clerkA, [{ name: "hong.pdf", bytes: broken }]);
    expect(res.status).toBe(200);
    const [item] = res.body.files;
    expect(item!.action).toBe("failed");
    expect(item!.error).toBeTruthy();
    const stored = (await listFiles(store().db)).find((f) => f.id === item!.fileId);
    expect(stored).toMatchObject({ status: "failed", name: "hong.pdf" });

    const again = await clerkA.json<UploadAnswer["files"][number]>(
      "POST",
      `/api/files/${item!.fileId}/reparse`,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ fileId: item!.fileId, action: "failed" });
    expect((await officerA.json("POST", `/api/files/${item!.fileId}/reparse`)).status).toBe(403);
    expect((await clerkB.json("POST", `/api/files/${item!.fileId}/reparse`)).status).toBe(404);
    const reread = await clerkA.json<UploadAnswer["files"][number]>(
      "POST",
      `/api/files/${privateDoc.fileId}/reparse`,
    );
    expect(reread.body).toMatchObject({ action: "reparsed" });
    expect(reread.body.documents.map((d) => d.id)).toContain(privateDoc.id);
  });

  it("corrects a field through the API; the document shows it over the parsed value", async () => {
    const subject = "Về việc tiếp tục lãnh đạo thực hiện Chỉ thị 12-CT/TW (đã sửa)";
    const res = await officerA.json<{ correction: { field: string }; record: { subject: string } }>(
      "POST",
      `/api/documents/${privateDoc.id}/corrections`,
      { field: "subject", value: subject },
    );
    expect(res.status).toBe(200);
    expect(res.body.record.subject).toBe(subject);
    const recipients = ["Các quận ủy, huyện ủy", "Mặt trận Tổ quốc Việt Nam thành phố"];
    expect(
      (
        await officerA.json("POST", `/api/documents/${privateDoc.id}/corrections`, {
          field: "recipients",
          value: recipients,
        })
      ).status,
    ).toBe(200);
    const detail = (await clerkA.json<Detail>("GET", `/api/documents/${privateDoc.id}`)).body;
    expect(detail.document.record.subject).toBe(subject);
    expect(detail.document.parsed.subject).not.toBe(subject);
    expect(detail.document.record.recipients).toEqual(recipients);
    expect(detail.document.corrected).toEqual(["subject", "recipients"]);
    expect(detail.corrections.map((c) => c.field)).toEqual(["subject", "recipients"]);
    // Survives a re-reading of the file.
    await clerkA.json("POST", `/api/files/${privateDoc.fileId}/reparse`);
    const after = (await clerkA.json<Detail>("GET", `/api/documents/${privateDoc.id}`)).body;
    expect(after.document.record.subject).toBe(subject);
  });

  it("refuses a correction of the wrong shape (400), by a leader (403), unseen (404), without CSRF (403)", async () => {
    const path = `/api/documents/${privateDoc.id}/corrections`;
    const bad: unknown[] = [
      { field: "recipients", value: "one string" },
      { field: "date", value: "2023-13-45" },
      { field: "signer", value: { name: "Nguyễn Văn A", extra: 1 } },
      { field: "system", value: "church" },
      { field: "record", value: "x" },
    ];
    for (const body of bad) {
      const res = await officerA.json<ErrorAnswer>("POST", path, body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.body.error.code).toBe("invalid_request");
    }
    expect((await leaderA.json("POST", path, { field: "subject", value: "x" })).status).toBe(403);
    expect((await clerkB.json("POST", path, { field: "subject", value: "x" })).status).toBe(404);
    const noToken = await officerA.fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ field: "subject", value: "x" }),
      csrf: null,
    });
    expect(noToken.status).toBe(403);
    const signer = { authority: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ", name: "Nguyễn Văn A" };
    expect((await officerA.json("POST", path, { field: "signer", value: signer })).status).toBe(200);
  });

  it("never answers input back as HTML", async () => {
    const markup = "<script>alert(1)</script>";
    const probes = [
      `/api/documents?q=${encodeURIComponent(markup)}`,
      `/api/documents?issuer=${encodeURIComponent(markup)}&type=${encodeURIComponent(markup)}`,
      `/api/documents?from=${encodeURIComponent(markup)}`,
      `/api/${encodeURIComponent(markup)}`,
      `/api/documents/${encodeURIComponent(markup)}`,
    ];
    for (const path of probes) {
      const res = await clerkA.fetch(path);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.text()).not.toContain("<script>");
    }
    const named = await upload(clerkA, [
      { name: `${markup}.txt`, bytes: new TextEncoder().encode("Số 9/UBND\nKính gửi: các phòng") },
    ]);
    expect(named.status).toBe(200);
    const detail = await clerkA.fetch(`/api/documents/${named.body.files[0]!.documents[0]!.id}`);
    expect(detail.headers.get("content-type")).toMatch(/^application\/json/);
    const original = await clerkA.fetch(`/api/files/${named.body.files[0]!.fileId}/original`);
    expect(original.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(original.headers.get("content-disposition")).not.toContain("<");
  });

  it("treats SQL-looking queries as text", async () => {
    const { db } = store();
    const before = await countDocuments(db);
    const probes = [
      "'; DROP TABLE documents; --",
      "' OR '1'='1",
      "677-CV/TU' OR 1=1 --",
      "\\'; SELECT pg_sleep(5); --",
      "%' UNION SELECT * FROM users --",
    ];
    for (const q of probes) {
      for (const param of ["q", "issuer", "type"]) {
        const res = await clerkB.json<Hits>("GET", `/api/documents?${param}=${encodeURIComponent(q)}`);
        expect([q, param, res.status]).toEqual([q, param, 200]);
        expect(res.body.hits.map((h) => h.id)).not.toContain(privateDoc.id);
      }
    }
    expect(await countDocuments(db)).toBe(before);
    expect((await documentsOfFile(db, privateDoc.fileId)).length).toBeGreaterThan(0);
  });

  it("validates the search parameters", async () => {
    for (const query of [
      "page=0",
      "pageSize=1000",
      "system=church",
      "from=2023-02-30x",
      "hasAttachments=maybe",
    ]) {
      const res = await clerkA.json<ErrorAnswer>("GET", `/api/documents?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
    const blank = await clerkA.json<Hits>("GET", "/api/documents?q=&system=&from=&to=&page=&pageSize=");
    expect(blank.status).toBe(200);
    const paged = await clerkA.json<{ page: number; pageSize: number }>(
      "GET",
      "/api/documents?page=2&pageSize=1",
    );
    expect(paged.body).toMatchObject({ page: 2, pageSize: 1 });
  });
});
