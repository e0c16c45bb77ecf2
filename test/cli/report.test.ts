/**
 * `chidao report` on an embedded store holding report-scenario.ts: the DOCX and the XLSX written
 * and read back (heading from the --as user's unit, its own reading rights, a directive chosen,
 * heading parts overridden), and the refusals: a wrong period, no output, no heading.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportCommand } from "../../src/cli/report.js";
import { openDb } from "../../src/store/db.js";
import { docxText, workbook } from "../report/read.js";
import { type Scenario, seedReportScenario } from "../report/report-scenario.js";
import { dataFolder, run, runMain } from "./io.js";

let dir: string;
let remove: () => Promise<void>;
let s: Scenario;

beforeAll(async () => {
  ({ dir, remove } = await dataFolder());
  const db = await openDb({ backend: "pglite", dataDir: dir });
  try {
    s = await seedReportScenario(db);
  } finally {
    await db.close();
  }
}, 120_000);

afterAll(async () => {
  await remove();
});

const q3 = ["--period", "quarterly", "--year", "2026", "--index", "3"];

describe("chidao report", () => {
  it("writes the quarter's DOCX headed by the user's unit, with what the user may read", async () => {
    const out = join(dir, "..", "bao-cao-q3.docx");
    const r = await run(reportCommand, [
      ...q3,
      "--out",
      out,
      "--as",
      "cv.cangio",
      "--date",
      "2026-09-18",
      "--data",
      dir,
    ]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Wrote .*bao-cao-q3\.docx \(docx\): Quý III năm 2026, data 2026-06-15 → 2026-09-14; 2 directives, 10 items \(4 done, 2 overdue\)/,
    );
    const text = await docxText(await readFile(out));
    const lines = text.split("\n");
    expect(lines[0]).toBe("ỦY BAN NHÂN DÂN HUYỆN CẦN GIỜ");
    expect(lines).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(lines.find((l) => l.startsWith("Số:"))).toMatch(/^Số:\s+\/BC-UBND$/);
    expect(lines).toContain("Cần Giờ, ngày 18 tháng 9 năm 2026");
    expect(text).toContain("Kết quả thực hiện nhiệm vụ theo các văn bản chỉ đạo quý III năm 2026");
    expect(text).toContain("Kế hoạch số 603/KH-UBND ngày 23/02/2026");
    expect(text).toContain("Kế hoạch số 12/KH-UBND ngày 01/03/2026");
    expect(text).not.toContain("700/KH-UBND");
    expect(text).toContain("Tổng số nhiệm vụ theo dõi: 10 nhiệm vụ");
    expect(text).toContain("Đã hoàn thành: 4 nhiệm vụ (40%), trong đó đúng hạn: 3;");
    expect(text).toContain("Kiểm tra việc thực hiện");
    expect(lines).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(lines).toContain("- Ủy ban nhân dân Thành phố Hồ Chí Minh (để báo cáo);");
    expect(lines).toContain("- Lưu: VT.");
  });

  it("writes the XLSX of one directive's items, as another unit's officer may read them", async () => {
    const out = join(dir, "..", "nhiem-vu.xlsx");
    const r = await run(reportCommand, [
      ...q3,
      "--directive",
      String(s.directives.open),
      "--directive",
      String(s.directives.privateToCanGio),
      "--out",
      out,
      "--as",
      "cv.tuphap",
      "--data",
      dir,
    ]);
    expect(r.code).toBe(0);
    // The private directive is not theirs to read: said, and left out.
    expect(r.err).toContain(`document ${s.directives.privateToCanGio} is left out`);
    const book = await workbook(await readFile(out));
    const items = book.getWorksheet("Nhiệm vụ")!;
    expect(items.rowCount).toBe(1 + 9);
    const symbols = new Set<unknown>();
    items.eachRow((row, n) => {
      if (n > 1) symbols.add(row.getCell(2).value);
    });
    expect([...symbols]).toEqual(["603/KH-UBND"]);
    const summary = book.getWorksheet("Tổng hợp")!.getSheetValues() as unknown[][];
    const total = summary.filter(Boolean).find((r) => r[1] === "Tổng cộng");
    expect(total?.slice(2)).toEqual([9, 3, 2, 2, 2, 2, 0]);
  });

  it("takes the heading's parts from the command line, a Party body's too", async () => {
    const out = join(dir, "..", "dang.docx");
    const r = await runMain([
      "report",
      ...q3,
      "--unit",
      "state/ubnd@ho-chi-minh/so-tu-phap",
      "--out",
      out,
      "--data",
      dir,
      "--issuer",
      "Ban Dân vận",
      "--parent-issuer",
      "Huyện ủy Cần Giờ",
      "--system",
      "party",
      "--place",
      "Cần Giờ",
      "--symbol-code",
      "BC/BDVHU",
      "--signer-position",
      "Trưởng ban",
      "--signer-name",
      "Lê Văn C",
      "--recipient",
      "Thường trực Huyện ủy",
      "--date",
      "blank",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = (await docxText(await readFile(out))).split("\n");
    expect(lines.slice(0, 3)).toEqual(["HUYỆN ỦY CẦN GIỜ", "BAN DÂN VẬN", "*"]);
    expect(lines).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(lines.find((l) => l.startsWith("Số"))).toMatch(/^Số\s+-BC\/BDVHU$/);
    expect(lines.find((l) => l.startsWith("Cần Giờ, ngày"))).toMatch(/ngày\s+tháng\s+năm/);
    // The Sở Tư pháp leads tasks of one directive only: the title names it.
    expect(lines).toContain("Kết quả thực hiện nhiệm vụ theo Kế hoạch số 603/KH-UBND quý III năm 2026");
    expect(lines).toContain("- Thường trực Huyện ủy;");
    expect(lines.slice(-2)).toEqual(["TRƯỞNG BAN", "Lê Văn C"]);
  });

  it.each([
    [["--year", "2026", "--index", "3", "--out", "x.docx"], /give --period/],
    [
      ["--period", "quarterly", "--year", "2026", "--index", "5", "--out", "x.docx"],
      /index runs from 1 to 4/,
    ],
    [["--period", "weekly", "--year", "2026", "--out", "x.docx"], /--period is one of/],
    [[...q3], /give --out FILE/],
    [[...q3, "--out", "x.pdf"], /give --format docx\|xlsx/],
    [[...q3, "--out", "x.docx", "--directive", "abc"], /--directive takes a document id/],
    [[...q3, "--out", "x.docx", "--date", "20/9/2026"], /--date takes YYYY-MM-DD/],
  ])("refuses %j with the usage (exit 2)", async (args, message) => {
    const r = await run(reportCommand, [...args, "--data", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Usage:");
  });

  it("is in chidao help", async () => {
    const r = await runMain(["help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("chidao report --period monthly|quarterly|6-monthly|yearly");
  });

  it("needs a heading: --as a user of a unit, or --issuer", async () => {
    const r = await run(reportCommand, [...q3, "--out", join(dir, "..", "none.docx"), "--data", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("give --issuer NAME");
    const unknown = await run(reportCommand, [
      ...q3,
      "--out",
      join(dir, "..", "none.docx"),
      "--as",
      "nobody",
      "--data",
      dir,
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no user "nobody"');
  });
});
