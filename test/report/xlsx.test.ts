/**
 * The XLSX report read back with exceljs: the two sheets, the header row (bold, frozen, filtered),
 * one row per item with its status in Vietnamese and real dates, and the summary's numbers equal to
 * the data's.
 */
import { describe, expect, it } from "vitest";
import { reportPeriod } from "../../src/report/period.js";
import type { ReportCounts, ReportData } from "../../src/report/types.js";
import { reportXlsx } from "../../src/report/xlsx.js";
import { statusWords } from "../../src/store/task-model.js";
import { workbook } from "./read.js";
import { sampleReport } from "./report-fixture.js";

const countsOf = (c: ReportCounts) => [
  c.total,
  c.done,
  c.doneOnTime,
  c.inProgress,
  c.overdue,
  c.notStarted,
  c.cancelled,
];

describe("reportXlsx", async () => {
  const data = sampleReport();
  const book = await workbook(await reportXlsx(data));
  const items = book.getWorksheet("Nhiệm vụ")!;
  const summary = book.getWorksheet("Tổng hợp")!;
  const header = (items.getRow(1).values as unknown[]).slice(1);
  const col = (name: string) => header.indexOf(name) + 1;

  it("has the sheets Nhiệm vụ and Tổng hợp", () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(["Nhiệm vụ", "Tổng hợp"]);
  });

  it("heads the items with a bold, frozen, filtered row", () => {
    expect(header).toEqual([
      "TT",
      "Văn bản",
      "Điều, khoản",
      "Nhiệm vụ",
      "Đơn vị chủ trì",
      "Kỳ",
      "Thời hạn",
      "Tình trạng",
      "Ngày hoàn thành",
      "Đúng hạn",
      "Số minh chứng",
    ]);
    expect(items.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(items.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(items.autoFilter).toBeTruthy();
    expect(items.getColumn(col("Nhiệm vụ")).width).toBeGreaterThan(items.getColumn(col("TT")).width!);
  });

  it("has one row per item, in the data's order, with Vietnamese statuses and real dates", () => {
    expect(items.rowCount).toBe(data.rows.length + 1);
    data.rows.forEach((r, i) => {
      const row = items.getRow(i + 2);
      expect(row.getCell(col("Văn bản")).value).toBe(r.symbol);
      expect(row.getCell(col("Nhiệm vụ")).value).toBe(r.action);
      expect(row.getCell(col("Đơn vị chủ trì")).value).toBe(r.item.unitLabel);
      expect(row.getCell(col("Tình trạng")).value).toBe(statusWords[r.item.status]);
      const due = row.getCell(col("Thời hạn")).value;
      if (r.item.due) {
        expect(due).toBeInstanceOf(Date);
        expect((due as Date).toISOString().slice(0, 10)).toBe(r.item.due);
        expect(row.getCell(col("Thời hạn")).numFmt).toBe("dd/mm/yyyy");
      } else expect(due ?? null).toBeNull();
      const done = row.getCell(col("Ngày hoàn thành")).value;
      if (r.item.doneOn) expect((done as Date).toISOString().slice(0, 10)).toBe(r.item.doneOn);
      const onTime = row.getCell(col("Đúng hạn")).value;
      expect(onTime ?? "").toBe(r.item.onTime === null ? "" : r.item.onTime ? "Có" : "Không");
      expect(row.getCell(col("Số minh chứng")).value).toBe(r.item.evidenceCount);
    });
    const periods = data.rows.map((_, i) => items.getRow(i + 2).getCell(col("Kỳ")).value);
    expect(periods).toContain("Quý III/2026");
  });

  it("sums per unit and per directive as the data does", () => {
    const rows = (summary.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const find = (label: string, after = 0) => rows.findIndex((r, i) => i >= after && r[0] === label);
    expect(rows[0]![0]).toBe(`Kết quả thực hiện nhiệm vụ ${data.period.phrase}`);
    const unitsHead = find("Đơn vị chủ trì");
    expect(rows[unitsHead]!.slice(1)).toEqual([
      "Tổng số",
      "Hoàn thành",
      "Trong đó đúng hạn",
      "Đang thực hiện",
      "Quá hạn",
      "Chưa triển khai",
      "Hủy",
    ]);
    for (const u of data.units) expect(rows[find(u.label, unitsHead)]!.slice(1)).toEqual(countsOf(u.counts));
    expect(rows[find("Tổng cộng", unitsHead)]!.slice(1)).toEqual(countsOf(data.totals));
    const docsHead = find("Văn bản");
    expect(docsHead).toBeGreaterThan(unitsHead);
    for (const d of data.directives) {
      const row = rows.find((r, i) => i > docsHead && String(r[0]).includes(d.symbol!));
      expect(row?.slice(1)).toEqual(countsOf(d.counts));
    }
    // The totals are the sum of the units' numbers.
    const sum = data.units.reduce((s, u) => s + u.counts.total, 0);
    expect(data.totals.total).toBe(sum);
  });

  it("writes a workbook with only headers when there is nothing to report", async () => {
    const empty: ReportData = {
      ...data,
      period: reportPeriod("yearly", 2025, 1),
      directives: [],
      units: [],
      rows: [],
      dueInPeriod: [],
      doneInPeriod: [],
      overdueAtCutoff: [],
      totals: { total: 0, done: 0, doneOnTime: 0, inProgress: 0, overdue: 0, notStarted: 0, cancelled: 0 },
    };
    const b = await workbook(await reportXlsx(empty));
    expect(b.getWorksheet("Nhiệm vụ")!.rowCount).toBe(1);
    expect(b.getWorksheet("Tổng hợp")!.getRow(1).getCell(1).value).toBe(
      "Kết quả thực hiện nhiệm vụ năm 2025",
    );
  });
});
