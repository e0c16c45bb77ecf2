/**
 * The DOCX report read back with mammoth (text) and jszip (XML): the NĐ 30/2020 header (issuer,
 * motto, blank number, place and date), the title with the period, every directive and task row,
 * the counts, Nơi nhận with the filing line, the signature; A4 and the margins; Times New Roman;
 * a Party body's header; a blank date; an empty report.
 */
import { describe, expect, it } from "vitest";
import { recipientLines, reportDocx, reportSubject } from "../../src/report/docx.js";
import { reportPeriod } from "../../src/report/period.js";
import type { ReportData } from "../../src/report/types.js";
import { statusWords } from "../../src/store/task-model.js";
import { docxRuns, docxText, docxXml } from "./read.js";
import { partyHeading, sampleReport, stateHeading } from "./report-fixture.js";

describe("reportDocx, a State body's report", async () => {
  const data = sampleReport();
  const bytes = await reportDocx(data, stateHeading, "2026-09-20");
  const text = await docxText(bytes);
  const lines = text.split("\n");
  const runs = await docxRuns(bytes);
  const run = (t: string) => runs.find((r) => r.text === t);

  it("is a Word document", () => {
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("heads with the issuer in bold capitals, the national motto and the blank number", () => {
    expect(lines[0]).toBe("ỦY BAN NHÂN DÂN HUYỆN CẦN GIỜ");
    expect(run("ỦY BAN NHÂN DÂN HUYỆN CẦN GIỜ")?.bold).toBe(true);
    expect(lines).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(run("Độc lập - Tự do - Hạnh phúc")).toMatchObject({ bold: true, underline: true });
    // The number is left for the registry: "Số:" then blanks, then the symbol.
    expect(lines.find((l) => l.startsWith("Số:"))).toMatch(/^Số:\s+\/BC-UBND$/);
    expect(text).not.toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
  });

  it("dates the report at its place in italics, as NĐ 30/2020 writes the date", () => {
    expect(lines).toContain("Cần Giờ, ngày 20 tháng 9 năm 2026");
    expect(run("Cần Giờ, ngày 20 tháng 9 năm 2026")?.italic).toBe(true);
  });

  it("titles it BÁO CÁO with the period", () => {
    const title = lines.indexOf("BÁO CÁO");
    expect(title).toBeGreaterThan(0);
    expect(lines[title + 1]).toBe(reportSubject(data));
    expect(lines[title + 1]).toContain(data.period.phrase);
    expect(run(lines[title + 1]!)?.bold).toBe(true);
    expect(text).toContain(`từ ngày 15/06/2026 đến ngày 14/09/2026`);
  });

  it("has the four sections", () => {
    const order = [
      "I. TÌNH HÌNH, KẾT QUẢ CHUNG",
      "II. KẾT QUẢ THỰC HIỆN TỪNG VĂN BẢN",
      "III. NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH",
      "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ].map((s) => lines.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("states the totals", () => {
    const t = data.totals;
    expect(text).toContain(`Tổng số nhiệm vụ theo dõi: ${t.total} nhiệm vụ`);
    expect(text).toContain(`Đã hoàn thành: ${t.done} nhiệm vụ (33,3%), trong đó đúng hạn: ${t.doneOnTime};`);
    expect(text).toContain(`Quá hạn, chưa hoàn thành: ${t.overdue};`);
    expect(text).toContain(`Chưa triển khai: ${t.notStarted};`);
    expect(text).toContain(`Đã hủy: ${t.cancelled}.`);
    expect(text).toContain(`${data.dueInPeriod.length} nhiệm vụ đến hạn`);
  });

  it("names each directive and lists its tasks with their units, deadlines and statuses", () => {
    const section2 = text.slice(text.indexOf("II. KẾT QUẢ"), text.indexOf("III. NHIỆM VỤ"));
    for (const d of data.directives) {
      expect(section2).toContain(`Kế hoạch số ${d.symbol} ngày`);
      expect(section2).toContain(
        `hoàn thành: ${d.counts.done} (đúng hạn: ${d.counts.doneOnTime}); đang thực hiện: ${d.counts.inProgress}`,
      );
      for (const t of d.tasks) expect(section2).toContain(t.action);
    }
    expect(section2).toContain("về triển khai thực hiện Thông tri số 14-TT/TU");
    expect(section2).toContain("của Thành ủy Cần Thơ về thực hiện Chỉ thị 12-CT/TW");
    const header = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Ghi chú"].join("\n");
    expect(section2.split(header).length - 1).toBe(data.directives.length);
    // One row per item: its status word, and its due day as offices write it.
    for (const r of data.rows) expect(section2).toContain(statusWords[r.item.status]);
    expect(section2).toContain("31/07/2026");
    expect(section2).toContain("Hoàn thành ngày 20/07/2026, đúng hạn");
    expect(section2).toContain("Hoàn thành ngày 20/08/2026, chậm 5 ngày");
    expect(section2).toContain("Kỳ Quý III/2026");
    expect(section2).toContain("Phối hợp: Phòng Nội vụ");
    expect(section2).toContain("Hiện nay: hoàn thành");
  });

  it("lists the overdue items with their days late", () => {
    const section3 = text.slice(text.indexOf("III. NHIỆM VỤ"), text.indexOf("IV. ĐỀ XUẤT"));
    expect(section3).toContain(`còn ${data.overdueAtCutoff.length} nhiệm vụ quá hạn`);
    for (const r of data.overdueAtCutoff) {
      expect(section3).toContain(r.action);
      expect(section3).toContain(String(r.item.daysOverdue));
    }
  });

  it("closes with Nơi nhận (bold italic) and the filing line, and the signature block", () => {
    expect(run("Nơi nhận:")).toMatchObject({ bold: true, italic: true });
    const at = lines.indexOf("Nơi nhận:");
    expect(lines.slice(at + 1, at + 4)).toEqual([
      "- Ủy ban nhân dân Thành phố Hồ Chí Minh (để báo cáo);",
      "- Thường trực Huyện ủy;",
      "- Lưu: VT.",
    ]);
    expect(lines.slice(at + 4)).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]);
    expect(run("TM. ỦY BAN NHÂN DÂN")?.bold).toBe(true);
  });

  it("is A4 with the margins of NĐ 30/2020, in Times New Roman 13–14", async () => {
    const xml = await docxXml(bytes);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    const mm = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(margin)![1]) / (1440 / 25.4);
    expect(mm("top")).toBeGreaterThanOrEqual(19.9);
    expect(mm("top")).toBeLessThanOrEqual(25.1);
    expect(mm("bottom")).toBeGreaterThanOrEqual(19.9);
    expect(mm("bottom")).toBeLessThanOrEqual(25.1);
    expect(mm("left")).toBeGreaterThanOrEqual(29.9);
    expect(mm("left")).toBeLessThanOrEqual(35.1);
    expect(mm("right")).toBeGreaterThanOrEqual(14.9);
    expect(mm("right")).toBeLessThanOrEqual(20.1);
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    // The body and its headings are 13–14 pt; only Nơi nhận is smaller, as NĐ 30/2020 sets it (12/11).
    const sizes = runs.filter(
      (r) => r.text.trim() !== "" && !r.text.startsWith("- Lưu") && r.text !== "Nơi nhận:",
    );
    const recipients = new Set(recipientLines(stateHeading));
    for (const r of sizes.filter((r) => !recipients.has(r.text))) expect([13, 14], r.text).toContain(r.size);
  });

  it("numbers the pages from the second, at the top", async () => {
    const xml = await docxXml(bytes);
    expect(xml).toContain("<w:titlePg/>");
    const headers = await Promise.all(["word/header1.xml", "word/header2.xml"].map((p) => docxXml(bytes, p)));
    expect(headers.filter((h) => h.includes("PAGE")).length).toBe(1);
  });
});

describe("reportDocx, a Party body's report", async () => {
  const bytes = await reportDocx(sampleReport(), partyHeading, "");
  const lines = (await docxText(bytes)).split("\n");
  const runs = await docxRuns(bytes);

  it("heads with the Party's name, the parent body, the star and a number without a colon", () => {
    expect(lines.slice(0, 3)).toEqual(["THÀNH ỦY CẦN THƠ", "BAN DÂN VẬN", "*"]);
    expect(runs.find((r) => r.text === "THÀNH ỦY CẦN THƠ")?.bold).toBe(false);
    expect(runs.find((r) => r.text === "BAN DÂN VẬN")?.bold).toBe(true);
    expect(lines[3]).toMatch(/^Số\s+-BC\/BDVTU$/);
    expect(runs.find((r) => r.text === "ĐẢNG CỘNG SẢN VIỆT NAM")).toMatchObject({
      bold: true,
      underline: true,
    });
    expect(lines).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("leaves the date to fill at signing, and files as the Party does", () => {
    expect(lines.find((l) => l.startsWith("Cần Thơ, ngày"))).toMatch(/^Cần Thơ, ngày\s+tháng\s+năm 20…$/);
    expect(lines).toContain("- Lưu Văn phòng Ban.");
    expect(lines).not.toContain("- Lưu: VT.");
    // The head signs without a prefix; the name stays.
    expect(lines.slice(-2)).toEqual(["TRƯỞNG BAN", "Trần Thị B"]);
  });
});

describe("reportDocx with nothing to report", () => {
  it("says so in each section", async () => {
    const empty: ReportData = {
      period: reportPeriod("monthly", 2026, 1),
      scope: { directiveIds: [], orgKeys: [] },
      directives: [],
      units: [],
      totals: { total: 0, done: 0, doneOnTime: 0, inProgress: 0, overdue: 0, notStarted: 0, cancelled: 0 },
      rows: [],
      dueInPeriod: [],
      doneInPeriod: [],
      overdueAtCutoff: [],
    };
    const text = await docxText(await reportDocx(empty, stateHeading, "2026-01-05"));
    expect(text).toContain("Cần Giờ, ngày 05 tháng 01 năm 2026");
    expect(text).toContain("tháng 1 năm 2026");
    expect(text).toContain("Không có nhiệm vụ nào trong phạm vi báo cáo.");
    expect(text).toContain("không có nhiệm vụ quá hạn");
    expect(text).toContain("Đã hoàn thành: 0 nhiệm vụ (0%)");
  });
});
