/**
 * The pages without a browser (these run where Chromium is missing): markup escapes what documents
 * say, a document another unit keeps private is a 404, forms need the session's CSRF token, a
 * correction posted as a form is stored, and only the listed static files are served.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseBytes } from "../../src/import/read.js";
import type { DocumentRecord } from "../../src/parse/record.js";
import { createApp } from "../../src/server/app.js";
import { createAccount } from "../../src/store/accounts.js";
import { correctionsOf } from "../../src/store/corrections.js";
import { documentsOfFile } from "../../src/store/documents.js";
import { sha256 } from "../../src/store/files.js";
import { storeReading } from "../../src/store/ingest.js";
import { createUnit } from "../../src/store/units-users.js";
import { samples, signIn } from "../server/client.js";
import { eachBackend } from "../store/backends.js";

const payload = `<script>window.__xss = 1</script><img src=x onerror="alert(1)">`;
const password = "mat-khau-2025-kiem-thu";

eachBackend("web pages", (store) => {
  let setup:
    | { app: ReturnType<typeof createApp>; docId: number; original: DocumentRecord; unitId: number }
    | undefined;

  async function ready() {
    if (setup) return setup;
    const { db } = store();
    const unit = await createUnit(db, { code: "VP-UBND-A", name: "Văn phòng UBND huyện A" }, "test");
    const other = await createUnit(db, { code: "VP-TU-B", name: "Văn phòng Thành ủy B" }, "test");
    await createAccount(
      db,
      { login: "clerk.a", name: "Văn thư A", role: "clerk", password, unitId: unit.id },
      "t",
    );
    await createAccount(
      db,
      { login: "officer.b", name: "Chuyên viên B", role: "officer", password, unitId: other.id },
      "t",
    );
    await createAccount(
      db,
      { login: "leader.a", name: "Lãnh đạo A", role: "leader", password, unitId: unit.id },
      "t",
    );
    const name = "can-tho-677-CV-TU.txt";
    const reading = await parseBytes(new Uint8Array(await readFile(join(samples, name))), name);
    if (!reading.ok) throw new Error(`${name} did not parse`);
    const original = reading.documents[0]!;
    const [s, e] = original.spans.subject!;
    const text = reading.text.slice(0, s) + payload + reading.text.slice(e);
    const record: DocumentRecord = {
      ...original,
      subject: `V/v ${payload}`,
      spans: { subject: [s, s + payload.length] },
    };
    const bytes = new TextEncoder().encode(text);
    const stored = await storeReading(
      db,
      { name: `${payload}.txt`, bytes, sha256: sha256(bytes) },
      { ok: true, format: "txt", warnings: [], text, documents: [record] },
      { actor: "test", owner: { unitId: unit.id, public: false, uploadedBy: null } },
    );
    const [doc] = await documentsOfFile(db, stored.fileId);
    setup = { app: createApp({ db }), docId: doc!.id, original, unitId: unit.id };
    return setup;
  }

  it("escapes a document's subject, text and file name", async () => {
    const { app, docId } = await ready();
    const clerk = await signIn(app, "clerk.a", password);
    const res = await clerk.fetch(`/documents/${docId}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).not.toContain("<script>window");
    expect(body).not.toContain("<img src=x");
    expect(body).toContain("&lt;script&gt;window.__xss = 1&lt;/script&gt;");
    // The span's piece of the text is exactly the payload, escaped.
    expect(body).toMatch(/<span class="src" data-f="subject" data-start="\d+">&lt;script&gt;window/);
    const list = await (await clerk.fetch("/documents")).text();
    expect(list).not.toContain("<script>window");
    expect(list).toContain("V/v &lt;script&gt;");
  });

  it("answers 404 for a document another unit keeps private, and for one that does not exist", async () => {
    const { app, docId } = await ready();
    const outsider = await signIn(app, "officer.b", password);
    const hidden = await outsider.fetch(`/documents/${docId}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toContain("Không tìm thấy văn bản");
    expect((await outsider.fetch(`/documents/${docId + 1000}`)).status).toBe(404);
    expect((await outsider.fetch("/documents/abc")).status).toBe(404);
    expect((await outsider.fetch("/no-such-page")).status).toBe(404);
  });

  it("stores a correction posted as a form, and refuses the form without the CSRF token", async () => {
    const { app, docId } = await ready();
    const clerk = await signIn(app, "clerk.a", password);
    const form = (fields: Record<string, string>) => {
      const body = new URLSearchParams(fields);
      return { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } };
    };
    const refused = await clerk.fetch(`/documents/${docId}/correct`, {
      ...form({ field: "symbol", value: "677-CV/TU-X" }),
      csrf: null,
    });
    expect(refused.status).toBe(403);
    const saved = await clerk.fetch(`/documents/${docId}/correct`, {
      ...form({
        _csrf: clerk.csrf,
        field: "recipients",
        value: "Các quận ủy, huyện ủy\r\n\r\n  Mặt trận Tổ quốc  ",
      }),
      csrf: null,
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/documents/${docId}?saved=recipients#field-recipients`);
    const [doc] = (await store().db.query<{ file_id: number; record_id: string }>(
      "SELECT file_id, record_id FROM documents WHERE id = $1",
      [docId],
    ))!;
    const corrections = await correctionsOf(store().db, doc!.file_id, doc!.record_id);
    expect(corrections.at(-1)).toMatchObject({
      field: "recipients",
      new: ["Các quận ủy, huyện ủy", "Mặt trận Tổ quốc"],
    });
    const page = await (await clerk.fetch(`/documents/${docId}?saved=recipients`)).text();
    expect(page).toContain("Đã lưu trường “Kính gửi”.");
    expect(page).toMatch(/id="field-recipients"[\s\S]*?badge-corrected[\s\S]*?Mặt trận Tổ quốc/);
    // A date that is no date is refused, and nothing is stored.
    const bad = await clerk.fetch(
      `/documents/${docId}/correct`,
      form({ _csrf: clerk.csrf, field: "date", value: "31/02/2023" }),
    );
    expect(bad.headers.get("location")).toContain("error=invalid");
    expect(await correctionsOf(store().db, doc!.file_id, doc!.record_id)).toHaveLength(corrections.length);
  });

  it("gives a leader no edit forms and no register button, and refuses her upload page", async () => {
    const { app, docId } = await ready();
    const leader = await signIn(app, "leader.a", password);
    const page = await (await leader.fetch(`/documents/${docId}`)).text();
    expect(page).not.toContain("/correct");
    expect(page).not.toContain(`/documents/${docId}/register`);
    expect((await leader.fetch("/upload")).status).toBe(403);
    expect(await (await leader.fetch("/register")).text()).toContain("Sổ văn bản đến");
  });

  it("serves the listed static files only, with their types", async () => {
    const { app } = await ready();
    const css = await app.request("/static/app.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
    const js = await app.request("/static/document.js");
    expect(js.headers.get("content-type")).toContain("javascript");
    expect((await app.request("/static/..%2Fpackage.json")).status).toBe(404);
    expect((await app.request("/static/nothing.js")).status).toBe(404);
  });

  it("shows the login page in the language chosen before signing in", async () => {
    const { app } = await ready();
    const vi = await (await app.request("/login")).text();
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain("Tên đăng nhập");
    const switched = await app.request("/login?lang=en&next=%2Fregister");
    expect(switched.status).toBe(303);
    const cookie = switched.headers.get("set-cookie")?.split(";")[0] ?? "";
    expect(cookie).toBe("chidao_lang=en");
    const en = await (await app.request("/login?error=rate", { headers: { cookie } })).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Too many failed attempts");
  });
});
