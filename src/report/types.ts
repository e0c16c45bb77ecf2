/**
 * What a periodic report (báo cáo định kỳ) on the progress of tasks holds: the chosen directives
 * with their tasks and work items as they stood at the period's cut-off, and the counts a report
 * states. Filled by src/store/task-report.ts, written out by docx.ts and xlsx.ts.
 */
import type { DirectiveDocument, ItemStatus, StoredTask, TaskItem } from "../store/task-model.js";
import type { ReportPeriod } from "./period.js";

/** The counts a report states, for the whole, a directive or a unit. */
export interface ReportCounts {
  /** Items counted (each lead body × due instance). */
  total: number;
  /** Hoàn thành (on or before the cut-off). */
  done: number;
  /** Of those done, done by their due day (or with none). */
  doneOnTime: number;
  /** Đang thực hiện, not past due. */
  inProgress: number;
  /** Quá hạn: open and past due at the cut-off. */
  overdue: number;
  /** Chưa triển khai: still new, not past due. */
  notStarted: number;
  /** Hủy. */
  cancelled: number;
}

/** One lead body's work on a task (one due instance), as it stood at the cut-off. */
export interface ReportItem
  extends Pick<TaskItem, "id" | "taskId" | "body" | "orgKey" | "unitLabel" | "period" | "due"> {
  /** The status at the cut-off (overdue when open and past due then). */
  status: ItemStatus;
  /** The status today, when it differs from the one at the cut-off. */
  statusNow: ItemStatus;
  /** The day it was done, when done by the cut-off. */
  doneOn: string | null;
  /** Done by its due day: true or false when done, null otherwise. */
  onTime: boolean | null;
  /** Days past due at the cut-off, for an overdue item; 0 otherwise. */
  daysOverdue: number;
  /** Evidence kept by the cut-off (documents, reports, notes). */
  evidenceCount: number;
}

/** One assignment of a directive with its items. */
export interface ReportTask
  extends Pick<
    StoredTask,
    "id" | "clause" | "action" | "deliverable" | "deadline" | "deadlineText" | "recurrence"
  > {
  /** Units that coordinate (phối hợp), as written. */
  coordinators: string[];
  items: ReportItem[];
}

/** The document of a directive, as a report (and its form) names it: one that exists. */
export interface ReportDocument extends DirectiveDocument {
  documentId: number;
}

/** A directive reported on. */
export interface ReportDirective extends ReportDocument {
  tasks: ReportTask[];
  counts: ReportCounts;
}

/** A unit's totals over the items it leads. */
export interface ReportUnit {
  /** The item body key ("state/ubnd@…", or "name:…"). */
  body: string;
  orgKey: string | null;
  label: string;
  counts: ReportCounts;
}

/** One item with its task and directive, for the lists and the spreadsheet. */
export interface ReportRow {
  directiveId: number;
  symbol: string | null;
  taskId: number;
  clause: string | null;
  action: string;
  item: ReportItem;
}

/** Everything a report says. */
export interface ReportData {
  period: ReportPeriod;
  /** What was asked for: document ids and body keys (empty = not narrowed that way). */
  scope: { directiveIds: number[]; orgKeys: string[] };
  directives: ReportDirective[];
  units: ReportUnit[];
  totals: ReportCounts;
  /** Every item, in the directives' order. */
  rows: ReportRow[];
  /** Items whose due day falls inside the period. */
  dueInPeriod: ReportRow[];
  /** Items done inside the period. */
  doneInPeriod: ReportRow[];
  /** Items open and past due at the cut-off, most overdue first. */
  overdueAtCutoff: ReportRow[];
}

/** Who issues the report and who signs it: the heading and closing of NĐ 30/2020 (ô 1–9). */
export interface ReportHeading {
  /** Tên cơ quan ban hành (ô 2), printed in bold capitals. */
  issuer: string;
  /** Cơ quan chủ quản trực tiếp, above the issuer, plain capitals. */
  parentIssuer?: string;
  /** State: Quốc hiệu and Tiêu ngữ; Party: "ĐẢNG CỘNG SẢN VIỆT NAM" (HD 36-HD/VPTW). */
  system: "party" | "state";
  /** Địa danh (ô 4). */
  place: string;
  /** The symbol after the number: "BC-UBND" (state, printed "Số: …/BC-UBND"), "BC/TU" (Party, "Số …-BC/TU"). */
  symbolCode: string;
  /** Quyền hạn ký: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ"; "" when the head signs. */
  signerAuthority: string;
  /** Chức vụ: "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
  signerPosition: string;
  /** Họ tên; "" leaves the line for the signer. */
  signerName: string;
  /** Nơi nhận, one body a line (the filing line is added). */
  recipients: string[];
  /** The filing line without its dash and full stop: "Lưu: VT" (state), "Lưu Văn phòng Thành ủy" (Party). */
  filing?: string;
}
