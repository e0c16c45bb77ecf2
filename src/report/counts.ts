/**
 * The counts a report states (`ReportCounts`): how an item at the cut-off is counted, and the
 * columns the counts are written in — one definition for the store's report, the DOCX and the XLSX.
 */
import type { ReportCounts, ReportItem } from "./types.js";

/** The count columns, in the order of `countValues`. */
export const COUNT_HEADERS = [
  "Tổng số",
  "Hoàn thành",
  "Trong đó đúng hạn",
  "Đang thực hiện",
  "Quá hạn",
  "Chưa triển khai",
  "Hủy",
] as const;

/** The counts in the order of `COUNT_HEADERS`. */
export function countValues(c: ReportCounts): number[] {
  return [c.total, c.done, c.doneOnTime, c.inProgress, c.overdue, c.notStarted, c.cancelled];
}

export function emptyCounts(): ReportCounts {
  return { total: 0, done: 0, doneOnTime: 0, inProgress: 0, overdue: 0, notStarted: 0, cancelled: 0 };
}

/** Adds one item, by its status at the cut-off, to counts. */
export function countItem(c: ReportCounts, item: Pick<ReportItem, "status" | "onTime">): void {
  c.total++;
  if (item.status === "done") {
    c.done++;
    if (item.onTime) c.doneOnTime++;
  } else if (item.status === "overdue") c.overdue++;
  else if (item.status === "in_progress") c.inProgress++;
  else if (item.status === "new") c.notStarted++;
  else c.cancelled++;
}

/** The counts of items. */
export function countItems(items: Iterable<Pick<ReportItem, "status" | "onTime">>): ReportCounts {
  const c = emptyCounts();
  for (const item of items) countItem(c, item);
  return c;
}
