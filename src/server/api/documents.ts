/**
 * Reading documents: search, one document with its file, text and corrections, the original bytes,
 * and correcting a field. A document the viewer may not read answers 404, as if it did not exist.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { can } from "../../store/access.js";
import { CorrectionError, correct } from "../../store/corrections.js";
import { documentDetail, originalFile } from "../../store/document-view.js";
import { searchDocuments } from "../../store/search.js";
import { ApiError, issuesOf } from "../errors.js";
import { viewerOf } from "./auth.js";
import {
  correctionBody,
  correctionSchema,
  correctionValues,
  documentDetailSchema,
  errors,
  idParam,
  json,
  recordSchema,
  searchParams,
  searchResultSchema,
} from "./schemas.js";
import type { Api } from "./types.js";

const searchRoute = createRoute({
  method: "get",
  path: "/api/documents",
  summary: "Searches the documents the viewer may read (q with or without diacritics; filters; pages)",
  request: { query: searchParams },
  responses: { 200: json(searchResultSchema, "a page of hits"), ...errors(400, 401) },
});

const detailRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}",
  summary: "One document: record, parsed record, file, text, corrections, the unit's register line",
  request: { params: idParam },
  responses: { 200: json(documentDetailSchema, "the document"), ...errors(400, 401, 404) },
});

const originalRoute = createRoute({
  method: "get",
  path: "/api/files/{id}/original",
  summary: "The original file as uploaded (attachment)",
  request: { params: idParam },
  responses: {
    200: {
      content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
      description: "the bytes, with the file's media type",
    },
    ...errors(400, 401, 404),
  },
});

const correctRoute = createRoute({
  method: "post",
  path: "/api/documents/{id}/corrections",
  summary: "Corrects one field of a document's record (kept over every re-reading)",
  request: {
    params: idParam,
    body: { content: { "application/json": { schema: correctionBody } }, required: true },
  },
  responses: {
    200: json(
      z.object({ correction: correctionSchema, record: recordSchema }),
      "the correction and the corrected record",
    ),
    ...errors(400, 401, 403, 404),
  },
});

const truthy = new Set(["true", "1", "on"]);

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Adds the document routes. */
export function documentRoutes(app: Api): void {
  app.openapi(searchRoute, async (c) => {
    const p = c.req.valid("query");
    const result = await searchDocuments(c.get("db"), viewerOf(c), {
      q: p.q ?? "",
      system: p.system || undefined,
      type: p.type?.trim() || undefined,
      issuer: p.issuer?.trim() || undefined,
      dateFrom: p.from || undefined,
      dateTo: p.to || undefined,
      hasAttachments: p.hasAttachments ? truthy.has(p.hasAttachments) : undefined,
      page: p.page || undefined,
      pageSize: p.pageSize || undefined,
    });
    return c.json(result, 200);
  });

  app.openapi(detailRoute, async (c) => {
    const detail = await documentDetail(c.get("db"), viewerOf(c), c.req.valid("param").id);
    if (!detail) throw new ApiError(404, "not_found", "no such document");
    return c.json(detail, 200);
  });

  app.openapi(originalRoute, async (c) => {
    const file = await originalFile(c.get("db"), viewerOf(c), c.req.valid("param").id);
    if (!file) throw new ApiError(404, "not_found", "no such file");
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": contentDisposition(file.name),
      // Should a browser render it anyway (an uploaded HTML page), it runs nothing and reaches nothing.
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    });
  });

  app.openapi(correctRoute, async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const { id } = c.req.valid("param");
    const { field, value } = c.req.valid("json");
    const detail = await documentDetail(db, viewer, id);
    if (!detail) throw new ApiError(404, "not_found", "no such document");
    if (!can(viewer, "document.correct"))
      throw new ApiError(403, "forbidden", "your role may not correct documents");
    const checked = correctionValues[field].safeParse(value);
    if (!checked.success)
      throw new ApiError(
        400,
        "invalid_request",
        `not a valid value for ${field}`,
        issuesOf(checked.error).map((i) => ({ ...i, path: i.path ? `value.${i.path}` : "value" })),
      );
    try {
      const correction = await correct(db, {
        fileId: detail.document.fileId,
        recordId: detail.document.recordId,
        field,
        value: checked.data,
        userId: viewer.userId,
      });
      const after = await documentDetail(db, viewer, id);
      if (!after) throw new ApiError(404, "not_found", "no such document");
      return c.json({ correction, record: after.document.record }, 200);
    } catch (error) {
      // Removed by a re-reading between the two reads: the record is gone.
      if (error instanceof CorrectionError) throw new ApiError(404, "not_found", error.message);
      throw error;
    }
  });
}
