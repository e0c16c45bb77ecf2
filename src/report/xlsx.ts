/**
 * The report's tasks as a workbook, for the clerk who sorts, filters and sums: "Nhiệm vụ" has one
 * row per item (directive, clause, action, lead body, period, due day, status at the cut-off, day
 * done, on time, evidence) with a frozen bold header and an autofilter, dates as real Excel dates;
 * "Tổng hợp" has the counts per unit and per directive, and the totals.
 */
import ExcelJS from "exceljs";
import { COUNT_HEADERS, countValues } from "./counts.js";
import { periodKeyLabel } from "./period.js";
import type { ReportData } from "./types.js";
import { dmy, recurrenceWords, statusWords } from "./words.js";

/** The sheets' names. */
export const SHEETS = { items: "Nhiệm vụ", summary: "Tổng hợp" } as const;

/** The columns of "Nhiệm vụ", in order. */
export const ITEM_COLUMNS = [
  { header: "TT", key: "n", width: 6 },
  { header: "Văn bản", key: "symbol", width: 18 },
  { header: "Điều, khoản", key: "clause", width: 11 },
  { header: "Nhiệm vụ", key: "action", width: 60 },
  { header: "Đơn vị chủ trì", key: "unit", width: 32 },
  { header: "Kỳ", key: "period", width: 16 },
  { header: "Thời hạn", key: "due", width: 12 },
  { header: "Tình trạng", key: "status", width: 16 },
  { header: "Ngày hoàn thành", key: "doneOn", width: 14 },
  { header: "Đúng hạn", key: "onTime", width: 10 },
  { header: "Số minh chứng", key: "evidence", width: 12 },
] as const;

const DATE_FORMAT = "dd/mm/yyyy";

/** An ISO day as an Excel date (midnight UTC, which Excel shows as that day). */
function excelDate(iso: string | null): Date | null {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : null;
}

function boldRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
}

/**
 * The report as XLSX bytes.
 *
 * @example
 * const bytes = await reportXlsx(await reportData(db, viewer, { period }));
 */
export async function reportXlsx(data: ReportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Chỉ Đạo";
  book.title = `Kết quả thực hiện nhiệm vụ ${data.period.phrase}`;

  const items = book.addWorksheet(SHEETS.items, { views: [{ state: "frozen", ySplit: 1 }] });
  items.columns = ITEM_COLUMNS.map((c) => ({ ...c }));
  boldRow(items.getRow(1));
  const tasks = new Map(data.directives.flatMap((d) => d.tasks.map((t) => [t.id, t] as const)));
  data.rows.forEach((r, k) => {
    const task = tasks.get(r.taskId);
    const period = r.item.period
      ? periodKeyLabel(r.item.period)
      : task?.recurrence
        ? recurrenceWords[task.recurrence]
        : "";
    const row = items.addRow({
      n: k + 1,
      symbol: r.symbol ?? "",
      clause: r.clause ?? "",
      action: r.action,
      unit: r.item.unitLabel,
      period,
      due: excelDate(r.item.due),
      status: statusWords[r.item.status],
      doneOn: excelDate(r.item.doneOn),
      onTime: r.item.onTime === null ? "" : r.item.onTime ? "Có" : "Không",
      evidence: r.item.evidenceCount,
    });
    row.alignment = { vertical: "top", wrapText: true };
  });
  items.getColumn("due").numFmt = DATE_FORMAT;
  items.getColumn("doneOn").numFmt = DATE_FORMAT;
  items.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, data.rows.length + 1), column: ITEM_COLUMNS.length },
  };

  const summary = book.addWorksheet(SHEETS.summary);
  summary.columns = [{ width: 60 }, ...COUNT_HEADERS.map(() => ({ width: 14 }))];
  const title = summary.addRow([`Kết quả thực hiện nhiệm vụ ${data.period.phrase}`]);
  title.font = { bold: true, size: 13 };
  summary.addRow([`Số liệu tính từ ngày ${dmy(data.period.from)} đến ngày ${dmy(data.period.to)}`]);
  summary.addRow([]);

  boldRow(summary.addRow(["Đơn vị chủ trì", ...COUNT_HEADERS]));
  for (const u of data.units) summary.addRow([u.label, ...countValues(u.counts)]);
  boldRow(summary.addRow(["Tổng cộng", ...countValues(data.totals)]));
  summary.addRow([]);

  boldRow(summary.addRow(["Văn bản", ...COUNT_HEADERS]));
  for (const d of data.directives) {
    const name = [d.type, d.symbol, d.date ? `ngày ${dmy(d.date)}` : null].filter(Boolean).join(" ");
    summary.addRow([name, ...countValues(d.counts)]);
  }
  boldRow(summary.addRow(["Tổng cộng", ...countValues(data.totals)]));

  const bytes = await book.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
