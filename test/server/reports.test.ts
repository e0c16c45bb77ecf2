/**
 * Reports through the API and the /reports page, on both backends with report-scenario.ts: the
 * DOCX and XLSX downloads (type, Vietnamese file name per RFC 5987) read back, heading changes,
 * what each viewer may read, invalid requests, the login and CSRF gates, the OpenAPI entry, and the
 * page's form (its choices, its post answering the file, its errors shown on the form).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { setPassword } from "../../src/store/accounts.js";
import { docxText, workbook } from "../report/read.js";
import { type Scenario, seedReportScenario, TU_PHAP } from "../report/report-scenario.js";
import { eachBackend } from "../store/backends.js";
import { type Client, type ErrorAnswer, origin, signIn } from "./client.js";

const password = "mat-khau-dai-1";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const q3 = { kind: "quarterly", year: 2026, index: 3 };

eachBackend("server reports", (store) => {
  let app: ReturnType<typeof createApp>;
  let s: Scenario;
  let canGio: Client;
  let outsider: Client;

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    s = await seedReportScenario(db);
    await setPassword(db, s.canGio.userId, password, "test");
    await setPassword(db, s.outsider.userId, password, "test");
    canGio = await signIn(app, s.canGio.login, password);
    outsider = await signIn(app, s.outsider.login, password);
  }, 120_000);

  const post = (as: Client, body: unknown) =>
    as.fetch("/api/reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

  describe("POST /api/reports", () => {
    it("answers the DOCX as a download named in Vietnamese", async () => {
      const res = await post(canGio, { ...q3, format: "docx", date: "2026-09-18" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(DOCX);
      const disposition = res.headers.get("content-disposition")!;
      expect(disposition).toMatch(/^attachment; filename="Bao cao quy III nam 2026\.docx"; /);
      expect(disposition).toContain(
        `filename*=UTF-8''${encodeURIComponent("Báo cáo quý III năm 2026.docx")}`,
      );
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const text = await docxText(await bytesOf(res));
      const lines = text.split("\n");
      expect(lines[0]).toBe("ỦY BAN NHÂN DÂN HUYỆN CẦN GIỜ");
      expect(lines).toContain("Độc lập - Tự do - Hạnh phúc");
      expect(lines).toContain("Cần Giờ, ngày 18 tháng 9 năm 2026");
      expect(text).toContain("Kế hoạch số 12/KH-UBND");
      expect(text).toContain("Tổng số nhiệm vụ theo dõi: 10 nhiệm vụ");
      expect(text).toContain("còn 2 nhiệm vụ quá hạn chưa hoàn thành");
      expect(lines).toContain("Nơi nhận:");
    });

    it("lays the heading's changes over the unit's defaults", async () => {
      const res = await post(canGio, {
        ...q3,
        heading: {
          signerAuthority: "KT. Chủ tịch",
          signerPosition: "Phó Chủ tịch",
          signerName: "Phạm Văn D",
          recipients: ["Thường trực Huyện ủy", "Các phòng, ban"],
        },
      });
      expect(res.status).toBe(200);
      const lines = (await docxText(await bytesOf(res))).split("\n");
      expect(lines.slice(-3)).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Văn D"]);
      expect(lines).toContain("- Các phòng, ban;");
      expect(lines).not.toContain("- Ủy ban nhân dân Thành phố Hồ Chí Minh (để báo cáo);");
    });

    it("answers the XLSX of the chosen directive and unit", async () => {
      const res = await post(outsider, {
        ...q3,
        format: "xlsx",
        directiveIds: [s.directives.open],
        orgKeys: [TU_PHAP],
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(XLSX);
      expect(res.headers.get("content-disposition")).toContain(
        encodeURIComponent("Nhiệm vụ quý III năm 2026.xlsx"),
      );
      const items = (await workbook(await bytesOf(res))).getWorksheet("Nhiệm vụ")!;
      expect(items.rowCount).toBe(1 + 4);
      items.eachRow((row, n) => {
        if (n > 1) expect(row.getCell(5).value).toBe("Sở Tư pháp");
      });
    });

    it("counts only what the viewer may read", async () => {
      const res = await post(outsider, { ...q3, format: "docx" });
      const text = await docxText(await bytesOf(res));
      expect(text).not.toContain("12/KH-UBND");
      expect(text).toContain("Tổng số nhiệm vụ theo dõi: 9 nhiệm vụ");
      expect(text.split("\n")[0]).toBe("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH");
    });

    it.each([
      [{ ...q3, index: 5 }, "index"],
      [{ ...q3, kind: "weekly" }, "kind"],
      [{ ...q3, format: "pdf" }, "format"],
      [{ ...q3, date: "18/9/2026" }, "date"],
      [{ ...q3, directiveIds: ["a"] }, "directiveIds.0"],
      [{ kind: "yearly" }, "year"],
    ])("refuses %j (400, naming %s)", async (body, path) => {
      const res = await post(canGio, body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as ErrorAnswer;
      expect(answer.error.code).toBe("invalid_request");
      expect(answer.error.issues?.map((i) => i.path)).toContain(path);
    });

    it("needs a session and the CSRF token", async () => {
      const anonymous = await app.request("/api/reports", {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify(q3),
      });
      expect(anonymous.status).toBe(401);
      const forged = await canGio.fetch("/api/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(q3),
        csrf: null,
      });
      expect(forged.status).toBe(403);
    });

    it("is in the OpenAPI document", async () => {
      const { body } = await canGio.json<{ paths: Record<string, unknown> }>("GET", "/api/openapi.json");
      expect(Object.keys(body.paths)).toContain("/api/reports");
    });
  });

  describe("the /reports page", () => {
    const form = (fields: Array<[string, string]>, as: Client) =>
      as.fetch("/reports", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams([...fields, ["_csrf", as.csrf]]).toString(),
      });

    it("offers the directives and units the viewer may read, and the unit's heading", async () => {
      const mine = await (await canGio.fetch("/reports")).text();
      expect(mine).toContain('action="/reports"');
      expect(mine).toContain(`name="directive" value="${s.directives.privateToCanGio}"`);
      expect(mine).toContain(`name="unit" value="${TU_PHAP}"`);
      expect(mine).toContain('value="Ủy ban nhân dân huyện Cần Giờ"');
      expect(mine).toContain('aria-current="page">Báo cáo</a>');
      const theirs = await outsider.fetch("/reports");
      expect(theirs.status).toBe(200);
      const html = await theirs.text();
      expect(html).not.toContain("12/KH-UBND");
      expect(html).toContain("603/KH-UBND");
    });

    it("posts the form and downloads the file", async () => {
      const res = await form(
        [
          ["kind", "quarterly"],
          ["year", "2026"],
          ["index", "3"],
          ["directive", String(s.directives.open)],
          ["directive", String(s.directives.privateToCanGio)],
          ["format", "xlsx"],
          ["issuer", "Ủy ban nhân dân huyện Cần Giờ"],
          ["date", ""],
        ],
        canGio,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(XLSX);
      const items = (await workbook(Buffer.from(await res.arrayBuffer()))).getWorksheet("Nhiệm vụ")!;
      expect(items.rowCount).toBe(1 + 10);
    });

    it("posts a DOCX with the heading typed in the form", async () => {
      const res = await form(
        [
          ["kind", "6-monthly"],
          ["year", "2026"],
          ["index", "2"],
          ["format", "docx"],
          ["system", "state"],
          ["issuer", "Văn phòng HĐND và UBND huyện"],
          ["place", "Cần Giờ"],
          ["symbolCode", "BC-VP"],
          ["signerPosition", "Chánh Văn phòng"],
          ["recipients", "Thường trực UBND huyện\r\nLãnh đạo Văn phòng"],
          ["date", "2026-12-15"],
        ],
        canGio,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(DOCX);
      const lines = (await docxText(Buffer.from(await res.arrayBuffer()))).split("\n");
      expect(lines[0]).toBe("VĂN PHÒNG HĐND VÀ UBND HUYỆN");
      expect(lines.find((l) => l.startsWith("Số:"))).toMatch(/\/BC-VP$/);
      expect(lines).toContain("Cần Giờ, ngày 15 tháng 12 năm 2026");
      expect(lines.some((l) => l.includes("6 tháng cuối năm 2026"))).toBe(true);
      expect(lines).toContain("- Lãnh đạo Văn phòng;");
    });

    it("shows the form again with what was wrong", async () => {
      const res = await form(
        [
          ["kind", "quarterly"],
          ["year", "2026"],
          ["index", "7"],
          ["format", "docx"],
          ["issuer", "Tên giữ lại"],
        ],
        canGio,
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain("index");
      expect(html).toContain('value="Tên giữ lại"');
      expect(html).toContain('value="7"');
    });
  });
});
