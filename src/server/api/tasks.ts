/**
 * Tasks through the API: a task and an item as the viewer may see them; working an item (status,
 * handler, evidence — a note or document as JSON, a report as multipart); a report's bytes; and a
 * person's corrections of tasks (edit, split, merge, add, remove). Refusals of the store (TaskError)
 * answer in the API's one error shape.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { checkEvidenceFile, cleanFileName } from "../../store/evidence-file.js";
import { addTask, correctTask, mergeTasks, removeTask, splitTask } from "../../store/task-corrections.js";
import { TaskError } from "../../store/task-model.js";
import { itemOf, taskOf } from "../../store/task-read.js";
import { addEvidence, assignHandler, changeStatus, evidenceFile } from "../../store/task-work.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { bodyKind, viewerOf } from "./auth.js";
import { contentDisposition } from "./documents.js";
import { errors, idParam, json } from "./schemas.js";
import {
  addBody,
  evidenceBody,
  evidenceForm,
  evidenceSchema,
  handlerBody,
  itemViewSchema,
  mergeBody,
  patchBody,
  splitBody,
  statusBody,
  storedTaskSchema,
  taskItemSchema,
  taskViewSchema,
} from "./task-schemas.js";
import type { Api } from "./types.js";

const statuses = { not_found: 404, forbidden: 403, invalid: 400, conflict: 409 } as const;

/** The store's refusal as an API error; anything else is not a refusal. */
export function taskRefusal(error: unknown): never {
  if (error instanceof TaskError) throw new ApiError(statuses[error.code], error.code, error.message);
  throw error;
}

const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const taskRoute = createRoute({
  method: "get",
  path: "/api/tasks/{id}",
  summary: "A task: its words, assignees, deadline, recurrence, items and directive",
  request: { params: idParam },
  responses: { 200: json(taskViewSchema, "the task"), ...errors(400, 401, 404) },
});

const itemRoute = createRoute({
  method: "get",
  path: "/api/task-items/{id}",
  summary: "A work item: status, history, evidence, suggested evidence and what the viewer may do",
  request: { params: idParam },
  responses: { 200: json(itemViewSchema, "the item"), ...errors(400, 401, 404) },
});

const statusRoute = createRoute({
  method: "post",
  path: "/api/task-items/{id}/status",
  summary: "Moves an item's status (its body's people; cancelling: leaders; overdue: the scheduler only)",
  request: { params: idParam, ...body(statusBody) },
  responses: { 200: json(taskItemSchema, "the item"), ...errors(400, 401, 403, 404, 409) },
});

const handlerRoute = createRoute({
  method: "post",
  path: "/api/task-items/{id}/handler",
  summary: "Chooses who handles an item: a user of the item's body's unit, or nobody (null)",
  request: { params: idParam, ...body(handlerBody) },
  responses: { 200: json(taskItemSchema, "the item"), ...errors(400, 401, 403, 404) },
});

const evidenceFileRoute = createRoute({
  method: "get",
  path: "/api/evidence/{id}/file",
  summary: "An uploaded report's bytes (attachment)",
  request: { params: idParam },
  responses: {
    200: {
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      description: "the bytes, with the media type their content showed",
    },
    ...errors(400, 401, 404),
  },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/api/tasks/{id}",
  summary: "Corrects a task's fields (sửa); extraction leaves it alone from then on",
  request: { params: idParam, ...body(patchBody) },
  responses: { 200: json(storedTaskSchema, "the task"), ...errors(400, 401, 403, 404, 409) },
});

const splitRoute = createRoute({
  method: "post",
  path: "/api/tasks/{id}/split",
  summary: "Splits a task into parts (tách); the original is superseded by them",
  request: { params: idParam, ...body(splitBody) },
  responses: {
    200: json(z.object({ tasks: z.array(storedTaskSchema) }), "the parts"),
    ...errors(400, 401, 403, 404, 409),
  },
});

const mergeRoute = createRoute({
  method: "post",
  path: "/api/tasks/merge",
  summary: "Merges tasks of one document into one (gộp)",
  request: body(mergeBody),
  responses: { 200: json(storedTaskSchema, "the merged task"), ...errors(400, 401, 403, 404, 409) },
});

const addRoute = createRoute({
  method: "post",
  path: "/api/tasks",
  summary: "Adds a task a document assigns that extraction missed (thêm)",
  request: body(addBody),
  responses: { 201: json(storedTaskSchema, "the task"), ...errors(400, 401, 403, 404) },
});

const removeRoute = createRoute({
  method: "delete",
  path: "/api/tasks/{id}",
  summary:
    "Removes a task that is none (bỏ): deleted when unworked and added by a person, else kept superseded",
  request: { params: idParam },
  responses: {
    200: json(z.object({ deleted: z.boolean() }), "what was done"),
    ...errors(400, 401, 403, 404, 409),
  },
});

/** A report from a multipart body, checked (size, then content) before the store sees it. */
async function uploadedReport(c: Context<AppEnv>): Promise<{ name: string; bytes: Uint8Array }> {
  const form = await c.req.parseBody({ all: true });
  const file = [form.file ?? []].flat().find((v): v is File => v instanceof File);
  if (!file) throw new ApiError(400, "invalid_request", "no file in the `file` field");
  const name = cleanFileName(file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkEvidenceFile(name, bytes);
  if (!checked.ok)
    throw checked.reason === "too_large"
      ? new ApiError(413, "too_large", checked.message)
      : new ApiError(415, "unsupported_media_type", checked.message);
  return { name, bytes };
}

/** Adds the tasks routes. */
export function taskRoutes(app: Api): void {
  app.openapi(taskRoute, async (c) => {
    const view = await taskOf(c.get("db"), viewerOf(c), c.req.valid("param").id);
    if (!view) throw new ApiError(404, "not_found", "no such task");
    return c.json(view, 200);
  });

  app.openapi(itemRoute, async (c) => {
    const view = await itemOf(c.get("db"), viewerOf(c), c.req.valid("param").id);
    if (!view) throw new ApiError(404, "not_found", "no such task item");
    return c.json(view, 200);
  });

  app.openapi(statusRoute, async (c) => {
    const item = await changeStatus(
      c.get("db"),
      viewerOf(c),
      c.req.valid("param").id,
      c.req.valid("json"),
    ).catch(taskRefusal);
    return c.json(item, 200);
  });

  app.openapi(handlerRoute, async (c) => {
    const { userId } = c.req.valid("json");
    const item = await assignHandler(c.get("db"), viewerOf(c), c.req.valid("param").id, userId).catch(
      taskRefusal,
    );
    return c.json(item, 200);
  });

  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/api/task-items/{id}/evidence",
    summary: "Adds evidence: a note or an implementing document (JSON), or a report file (multipart `file`)",
    request: {
      params: idParam,
      body: {
        content: {
          "application/json": { schema: evidenceBody },
          "multipart/form-data": { schema: evidenceForm },
        },
        required: true,
      },
    },
    responses: { 201: json(evidenceSchema, "the evidence"), ...errors(400, 401, 403, 404, 409, 413, 415) },
  });
  app.post("/api/task-items/:id/evidence", async (c) => {
    const viewer = viewerOf(c);
    const param = idParam.safeParse({ id: c.req.param("id") });
    if (!param.success) throw new ApiError(400, "invalid_request", "the id is not a positive integer");
    const kind = bodyKind(c);
    const db = c.get("db");
    if (kind === "form") {
      if (!c.req.header("content-type")?.toLowerCase().startsWith("multipart/"))
        throw new ApiError(415, "unsupported_media_type", "send a report as multipart/form-data (`file`)");
      const report = await uploadedReport(c);
      const evidence = await addEvidence(db, viewer, param.data.id, { kind: "file", ...report }).catch(
        taskRefusal,
      );
      return c.json(evidence, 201);
    }
    if (kind !== "json")
      throw new ApiError(415, "unsupported_media_type", "send JSON, or multipart for a file");
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError(400, "bad_request", "the body is not valid JSON");
    }
    const input = evidenceBody.safeParse(raw);
    if (!input.success)
      throw new ApiError(
        400,
        "invalid_request",
        "the request did not validate",
        input.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      );
    const evidence = await addEvidence(db, viewer, param.data.id, input.data).catch(taskRefusal);
    return c.json(evidence, 201);
  });

  app.openapi(evidenceFileRoute, async (c) => {
    const file = await evidenceFile(c.get("db"), viewerOf(c), c.req.valid("param").id);
    if (!file) throw new ApiError(404, "not_found", "no such report");
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition(file.name),
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    });
  });

  app.openapi(patchRoute, async (c) => {
    const task = await correctTask(
      c.get("db"),
      viewerOf(c),
      c.req.valid("param").id,
      c.req.valid("json"),
    ).catch(taskRefusal);
    return c.json(task, 200);
  });

  app.openapi(splitRoute, async (c) => {
    const { parts } = c.req.valid("json");
    const tasks = await splitTask(c.get("db"), viewerOf(c), c.req.valid("param").id, parts).catch(
      taskRefusal,
    );
    return c.json({ tasks }, 200);
  });

  app.openapi(mergeRoute, async (c) => {
    const { taskIds, draft } = c.req.valid("json");
    const task = await mergeTasks(c.get("db"), viewerOf(c), taskIds, draft).catch(taskRefusal);
    return c.json(task, 200);
  });

  app.openapi(addRoute, async (c) => {
    const { fileId, recordId, ...draft } = c.req.valid("json");
    const task = await addTask(c.get("db"), viewerOf(c), { fileId, recordId }, draft).catch(taskRefusal);
    return c.json(task, 201);
  });

  app.openapi(removeRoute, async (c) => {
    const done = await removeTask(c.get("db"), viewerOf(c), c.req.valid("param").id).catch(taskRefusal);
    return c.json(done, 200);
  });
}
