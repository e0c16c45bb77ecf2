/**
 * What a directive assigns (nhiệm vụ được giao): the contract of ../shared/docs/tasks.md, as the
 * extraction in src/tasks produces it. Pure data.
 */
import type { Span } from "../parse/record.js";

/** lead: the named subject, or chủ trì; coordinate: phối hợp với. */
export type Role = "lead" | "coordinate";

/** How often a task comes back (NĐ 09/2019 Đ12 for the reporting periods). */
export type Recurrence = "monthly" | "quarterly" | "6-monthly" | "yearly" | "periodic" | "ongoing";

export interface Assignee {
  /** As written, abbreviations expanded ("UBND các xã" → "Ủy ban nhân dân các xã"). */
  unit: string;
  role: Role;
}

/** When a task is due, read from its words (thời hạn). */
export interface Timing {
  /** ISO date when the text fixes one (relative forms resolved against the document's date). */
  deadline: string | null;
  /** The words that set it, as printed. */
  deadline_text: string | null;
  recurrence: Recurrence | null;
  /** Where `deadline_text` (or the recurrence's words) stands in the text read. */
  span: Span | null;
}

/** One assignment. */
export interface Task extends Timing {
  /** The record id of the document ("a012", "p203#1"). */
  doc: string;
  /** The clause label as printed ("2.3", "III.1.b", "Điều 3"), or null. */
  clause: string | null;
  assignees: Assignee[];
  /** The verb phrase, short. */
  action: string;
  /** What is produced, lower case ("kế hoạch", "báo cáo"), or null. */
  deliverable: string | null;
  /** The body results are reported to ("Ban Thường vụ Thành ủy (qua Ban Dân vận)"), or null. */
  reports_to: string | null;
}
