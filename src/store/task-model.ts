/**
 * Tasks as the store keeps them (migrations/005-tasks.sql): the assignment (`StoredTask`), the
 * tracked work items it gives each lead body and due instance (`TaskItem`), their status history and
 * evidence. Shared by the store's task modules, the server, the reports and the scheduler.
 */
import type { Span } from "../parse/record.js";
import type { Assignee, Recurrence } from "../tasks/types.js";

/** mới, đang thực hiện, hoàn thành, quá hạn, hủy. */
export const itemStatuses = ["new", "in_progress", "done", "overdue", "cancelled"] as const;
export type ItemStatus = (typeof itemStatuses)[number];

/** Statuses an item can still be worked in (a reminder is due, the deadline counts). */
export const openStatuses: readonly ItemStatus[] = ["new", "in_progress", "overdue"];

/** The Vietnamese word for each status, as the office says it. */
export const statusWords: Record<ItemStatus, string> = {
  new: "Mới",
  in_progress: "Đang thực hiện",
  done: "Hoàn thành",
  overdue: "Quá hạn",
  cancelled: "Hủy",
};

/** One assignment of a document, as extracted or as a person corrected or added it. */
export interface StoredTask {
  id: number;
  fileId: number;
  recordId: string;
  /** The document row now read from (file, record), or null when it is gone. */
  documentId: number | null;
  position: number;
  origin: "extracted" | "person";
  edited: boolean;
  /** 'superseded': split or merged into `supersededBy`; 'gone': no longer extracted, kept for its work. */
  state: "active" | "superseded" | "gone";
  supersededBy: number[];
  clause: string | null;
  action: string;
  deliverable: string | null;
  deadline: string | null;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  reportsTo: string | null;
  /** Where the assignment is printed in the file's text. */
  span: Span | null;
  assignees: Assignee[];
  directiveKey: string | null;
  directiveOrg: string | null;
  directiveDate: string | null;
}

/** The document of a task's directive, as pages, views and reports name it. */
export interface DirectiveDocument {
  /** The document now read from the task's file and record, or null when it is gone. */
  documentId: number | null;
  symbol: string | null;
  type: string | null;
  issuer: string | null;
  date: string | null;
  subject: string | null;
}

/** The tracked work: one lead body of a task × one due instance. */
export interface TaskItem {
  id: number;
  taskId: number;
  /** organisations key, or "name:" + the words when no table knows the body. */
  body: string;
  orgKey: string | null;
  unitLabel: string;
  /** '' for a one-off task; "2024-03", "2024-Q1", "2024-H1", "2024" for a recurring one's instance. */
  period: string;
  due: string | null;
  status: ItemStatus;
  handlerUserId: number | null;
  doneOn: string | null;
  statusChangedAt: string;
}

/** One change of an item's status. */
export interface StatusChange {
  id: number;
  itemId: number;
  from: ItemStatus | null;
  to: ItemStatus;
  userId: number | null;
  /** The user's login, or "system" (the scheduler). */
  actor: string;
  note: string | null;
  at: string;
}

/** What shows an item done. Bytes are fetched on their own (`evidenceFile`). */
export interface Evidence {
  id: number;
  itemId: number;
  kind: "document" | "file" | "note";
  identityKey: string | null;
  documentId: number | null;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  note: string | null;
  userId: number | null;
  createdAt: string;
}

/** A document the cascade shows the item's body issued to implement the directive. */
export interface EvidenceSuggestion {
  identityKey: string;
  documentId: number | null;
  symbol: string;
  issuer: string | null;
  date: string | null;
  subject: string | null;
}

/** A task's fields as a person writes them (correct, split, add). */
export interface TaskDraft {
  clause?: string | null;
  action: string;
  deliverable?: string | null;
  deadline?: string | null;
  deadlineText?: string | null;
  recurrence?: Recurrence | null;
  reportsTo?: string | null;
  assignees: Assignee[];
}

/** Why a task operation was refused; the server maps `code` to an HTTP status. */
export class TaskError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "invalid" | "conflict",
    message: string,
  ) {
    super(message);
    this.name = "TaskError";
  }
}
