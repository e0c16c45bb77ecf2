/**
 * The tasks API's shapes (zod, also the OpenAPI document): a task with its items and directive, an
 * item with its history, evidence and suggestions, and the requests that work and correct them.
 */
import { z } from "@hono/zod-openapi";
import { itemStatuses } from "../../store/task-model.js";

const str = z.string();
const nullableStr = z.string().nullable();
const id = z.number().int();

const recurrence = z.enum(["monthly", "quarterly", "6-monthly", "yearly", "periodic", "ongoing"]);
const assignee = z.object({ unit: str, role: z.enum(["lead", "coordinate"]) }).openapi("TaskAssignee");

/** A task as stored. */
export const storedTaskSchema = z
  .object({
    id,
    fileId: id,
    recordId: str,
    documentId: id.nullable(),
    position: id,
    origin: z.enum(["extracted", "person"]),
    edited: z.boolean(),
    state: z.enum(["active", "superseded", "gone"]),
    supersededBy: z.array(id),
    clause: nullableStr,
    action: str,
    deliverable: nullableStr,
    deadline: nullableStr.openapi({ description: "YYYY-MM-DD" }),
    deadlineText: nullableStr,
    recurrence: recurrence.nullable(),
    reportsTo: nullableStr,
    span: z.tuple([id, id]).nullable().openapi({ description: "[start, end) in the file's text" }),
    assignees: z.array(assignee),
    directiveKey: nullableStr,
    directiveOrg: nullableStr,
    directiveDate: nullableStr,
  })
  .openapi("Task");

/** A work item: one lead body × one due instance. */
export const taskItemSchema = z
  .object({
    id,
    taskId: id,
    body: str.openapi({ description: "organisations key, or name: + the words" }),
    orgKey: nullableStr,
    unitLabel: str,
    period: str.openapi({ description: "'' once; 2024-03, 2024-Q1, 2024-H1, 2024 for a recurring task" }),
    due: nullableStr,
    status: z.enum(itemStatuses),
    handlerUserId: id.nullable(),
    doneOn: nullableStr,
    statusChangedAt: str.openapi({ format: "date-time" }),
  })
  .openapi("TaskItem");

const directiveSchema = z
  .object({
    documentId: id.nullable(),
    symbol: nullableStr,
    type: nullableStr,
    issuer: nullableStr,
    date: nullableStr,
    subject: nullableStr,
  })
  .openapi("TaskDirective");

/** `GET /api/tasks/:id`. */
export const taskViewSchema = z
  .object({
    task: storedTaskSchema,
    items: z.array(taskItemSchema),
    coordinates: z.array(str),
    directive: directiveSchema,
    quote: nullableStr,
    successors: z.array(z.object({ id, action: str })),
    canCorrect: z.boolean(),
  })
  .openapi("TaskView");

const statusChangeSchema = z
  .object({
    id,
    itemId: id,
    from: z.enum(itemStatuses).nullable(),
    to: z.enum(itemStatuses),
    userId: id.nullable(),
    actor: str,
    note: nullableStr,
    at: str.openapi({ format: "date-time" }),
  })
  .openapi("StatusChange");

/** One piece of evidence (a report's bytes at /api/evidence/:id/file). */
export const evidenceSchema = z
  .object({
    id,
    itemId: id,
    kind: z.enum(["document", "file", "note"]),
    identityKey: nullableStr,
    documentId: id.nullable(),
    fileName: nullableStr,
    mediaType: nullableStr,
    size: z.number().int().nullable(),
    note: nullableStr,
    userId: id.nullable(),
    createdAt: str.openapi({ format: "date-time" }),
  })
  .openapi("Evidence");

const suggestionSchema = z
  .object({
    identityKey: str,
    documentId: id.nullable(),
    symbol: str,
    issuer: nullableStr,
    date: nullableStr,
    subject: nullableStr,
  })
  .openapi("EvidenceSuggestion");

const handlerSchema = z.object({ id, login: str, name: str });

/** `GET /api/task-items/:id`. */
export const itemViewSchema = z
  .object({
    item: taskItemSchema,
    task: storedTaskSchema,
    directive: directiveSchema,
    history: z.array(statusChangeSchema),
    evidence: z.array(evidenceSchema),
    suggestions: z.array(suggestionSchema),
    handler: handlerSchema.nullable(),
    handlers: z.array(handlerSchema),
    may: z.object({ canWork: z.boolean(), canCancel: z.boolean(), canCorrect: z.boolean() }),
    next: z.array(z.enum(itemStatuses)),
  })
  .openapi("TaskItemView");

/** A status change. */
export const statusBody = z
  .object({
    to: z.enum(itemStatuses),
    note: z.string().max(2000).nullish(),
    doneOn: z.iso.date().nullish().openapi({ description: "the day it was done; default today in Vietnam" }),
  })
  .openapi("StatusChangeRequest");

/** Choosing the handler (null: nobody). */
export const handlerBody = z.object({ userId: id.positive().nullable() }).openapi("HandlerRequest");

/** Evidence sent as JSON: a note, or an implementing document by identity key. */
export const evidenceBody = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("note"), note: z.string().min(1).max(4000) }),
    z.object({ kind: z.literal("document"), identityKey: z.string().min(1).max(1000) }),
  ])
  .openapi("EvidenceRequest");

/** Evidence sent as a file (multipart). */
export const evidenceForm = z.object({
  file: z
    .string()
    .openapi({ format: "binary", description: "PDF, DOCX, DOC, XLSX, ODT, image or text; ≤ 20 MiB" }),
  _csrf: z.string().optional(),
});

/** A task's fields as a person writes them. */
export const draftBody = z
  .object({
    clause: z.string().max(50).nullish(),
    action: z.string().min(1).max(2000),
    deliverable: z.string().max(200).nullish(),
    deadline: z.iso.date().nullish(),
    deadlineText: z.string().max(500).nullish(),
    recurrence: recurrence.nullish(),
    reportsTo: z.string().max(500).nullish(),
    assignees: z.array(assignee).min(1).max(100),
  })
  .openapi("TaskDraft");

/** `PATCH /api/tasks/:id`: the fields to change. */
export const patchBody = draftBody.partial().openapi("TaskPatch");

/** `POST /api/tasks/:id/split`. */
export const splitBody = z.object({ parts: z.array(draftBody).min(2).max(50) }).openapi("TaskSplit");

/** `POST /api/tasks/merge`. */
export const mergeBody = z
  .object({ taskIds: z.array(id.positive()).min(2).max(50), draft: draftBody.optional() })
  .openapi("TaskMerge");

/** `POST /api/tasks`: a task a person adds to a document. */
export const addBody = draftBody
  .extend({ fileId: id.positive(), recordId: z.string().min(1).max(200) })
  .openapi("TaskAdd");
