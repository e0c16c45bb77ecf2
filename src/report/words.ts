/**
 * How a report writes its values, the same in the DOCX and the XLSX: dates as offices write them,
 * statuses and rhythms in Vietnamese, a share as a percentage with a decimal comma, and the notes of
 * an item (its period, when and how it was done, how late it is, what it is now).
 */
import { statusWords } from "../store/task-model.js";
import type { Recurrence } from "../tasks/types.js";
import { periodKeyLabel } from "./period.js";
import type { ReportItem, ReportTask } from "./types.js";

export { statusWords };

/** A task's rhythm as a deadline column says it. */
export const recurrenceWords: Record<Recurrence, string> = {
  monthly: "Hằng tháng",
  quarterly: "Hằng quý",
  "6-monthly": "6 tháng",
  yearly: "Hằng năm",
  periodic: "Định kỳ",
  ongoing: "Thường xuyên",
};

/** "2026-09-14" → "14/09/2026"; "" for none. */
export function dmy(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? "");
}

/**
 * The place and date line (ô 4, NĐ 30/2020 Phụ lục I II.4): the day padded under 10, the month
 * padded only for January and February ("ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6");
 * no date leaves the blanks to fill at signing.
 */
export function placeDateLine(place: string, iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  const where = place.trim() ? `${place.trim()}, ` : "";
  if (!m) return `${where}ngày      tháng      năm ${"20…"}`;
  const month = Number(m[2]);
  return `${where}ngày ${m[3]} tháng ${month <= 2 ? m[2] : month} năm ${m[1]}`;
}

/** `part` of `whole` as a percentage with one decimal and a decimal comma ("66,7%"); "0%" of none. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return "0%";
  const value = Math.round((part / whole) * 1000) / 10;
  return `${String(value).replace(".", ",")}%`;
}

/** What a task's deadline column says for an item: its due day, else the task's rhythm. */
export function dueText(task: Pick<ReportTask, "recurrence">, item: Pick<ReportItem, "due"> | null): string {
  if (item?.due) return dmy(item.due);
  return task.recurrence ? recurrenceWords[task.recurrence] : "";
}

/** The notes of an item: its period, how it was done or how late it is, its evidence, what it is now. */
export function itemNotes(item: ReportItem): string[] {
  const notes: string[] = [];
  if (item.period) notes.push(`Kỳ ${periodKeyLabel(item.period)}`);
  if (item.status === "done" && item.doneOn) {
    const late =
      item.due && item.doneOn > item.due
        ? `, chậm ${Math.round((Date.parse(item.doneOn) - Date.parse(item.due)) / 86_400_000)} ngày`
        : item.onTime
          ? ", đúng hạn"
          : "";
    notes.push(`Hoàn thành ngày ${dmy(item.doneOn)}${late}`);
  }
  if (item.status === "overdue") notes.push(`Quá hạn ${item.daysOverdue} ngày`);
  if (item.evidenceCount > 0) notes.push(`${item.evidenceCount} minh chứng`);
  if (item.statusNow !== item.status) notes.push(`Hiện nay: ${statusWords[item.statusNow].toLowerCase()}`);
  return notes;
}

/** A directive as a report names it: "Kế hoạch số 108-KH/TU ngày 05/01/2023 của Thành ủy Cần Thơ về …". */
export function directiveTitle(d: {
  type: string | null;
  symbol: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
}): string {
  const parts = [d.type ?? "Văn bản"];
  if (d.symbol) parts.push(`số ${d.symbol}`);
  if (d.date) parts.push(`ngày ${dmy(d.date)}`);
  if (d.issuer) parts.push(`của ${d.issuer}`);
  // A Công văn's subject is written "V/v …" (về việc): in a sentence it reads "về …".
  const subject = d.subject?.trim().replace(/^v\/v\s+/iu, "về ");
  if (subject) parts.push(/^về\s/iu.test(subject) ? `v${subject.slice(1)}` : `về ${subject}`);
  return parts.join(" ");
}
