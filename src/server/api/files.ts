/**
 * Files in: `POST /api/upload` (multipart, one or more `files`) reads each file and stores it as
 * its unit's document, private unless `public`; `POST /api/files/:id/reparse` reads stored bytes
 * again (a failed file, after a parser fix). The same bytes again are a no-op ("duplicate").
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { parseBytes } from "../../import/read.js";
import { can, type Viewer } from "../../store/access.js";
import type { Db } from "../../store/db.js";
import { fileSummary } from "../../store/document-view.js";
import { documentsOfFile } from "../../store/documents.js";
import { fileBytes, findFileBySha, sha256 } from "../../store/files.js";
import { storeReading } from "../../store/ingest.js";
import { shareFile } from "../../store/sharing.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { cleanName, refusal } from "../upload.js";
import { bodyKind, viewerOf } from "./auth.js";
import { errors, idParam, json, uploadForm, uploadItemSchema } from "./schemas.js";
import type { Api, Settings } from "./types.js";

/** What one file became. */
export type UploadItem = z.infer<typeof uploadItemSchema>;

const reparseRoute = createRoute({
  method: "post",
  path: "/api/files/{id}/reparse",
  summary: "Reads a stored file again (admin, or a clerk of the owning unit)",
  request: { params: idParam },
  responses: { 200: json(uploadItemSchema, "what the new reading gave"), ...errors(400, 401, 403, 404) },
});

async function documentsList(db: Db, fileId: number): Promise<UploadItem["documents"]> {
  return (await documentsOfFile(db, fileId)).map((d) => ({
    id: d.id,
    recordId: d.recordId,
    symbol: d.record.symbol,
    subject: d.record.subject,
  }));
}

/** The `files` of the form, as File objects. */
async function uploadedFiles(c: Context<AppEnv>): Promise<{ files: File[]; public: boolean }> {
  if (bodyKind(c) !== "form" || !c.req.header("content-type")?.toLowerCase().startsWith("multipart/"))
    throw new ApiError(415, "unsupported_media_type", "send multipart/form-data with one or more `files`");
  const form = await c.req.parseBody({ all: true });
  const files = [form.files ?? []].flat().filter((v): v is File => v instanceof File);
  if (files.length === 0) throw new ApiError(400, "invalid_request", "no file in the `files` field");
  const flag = [form.public].flat()[0];
  return { files, public: typeof flag === "string" && (flag === "on" || flag === "true") };
}

async function storeUpload(db: Db, viewer: Viewer, file: File, bytes: Uint8Array, shared: boolean) {
  const name = cleanName(file.name);
  const hash = sha256(bytes);
  // A unit without a unit (an administrator) publishes: a private file of nobody's would be lost.
  const publish = shared || viewer.unitId === null;
  const known = await findFileBySha(db, hash);
  if (known) {
    await shareFile(db, known.id, { unitId: viewer.unitId, publish }, viewer);
    const item: UploadItem = {
      name,
      fileId: known.id,
      action: "duplicate",
      documents: await documentsList(db, known.id),
    };
    if (known.error) item.error = known.error;
    return item;
  }
  const reading = await parseBytes(bytes, name);
  const stored = await storeReading(db, { name, bytes, sha256: hash }, reading, {
    actor: viewer.login,
    owner: { unitId: viewer.unitId, public: publish, uploadedBy: viewer.userId },
  });
  const item: UploadItem = {
    name,
    fileId: stored.fileId,
    action: stored.action,
    documents: await documentsList(db, stored.fileId),
  };
  if (!reading.ok) item.error = reading.message;
  return item;
}

/** Adds the upload and re-read routes. */
export function fileRoutes(app: Api, settings: Settings): void {
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/api/upload",
    summary: "Uploads documents (.txt .md .html .htm .docx .doc .pdf), each read and stored for the unit",
    request: { body: { content: { "multipart/form-data": { schema: uploadForm } }, required: true } },
    responses: {
      200: json(z.object({ files: z.array(uploadItemSchema) }), "what each file became"),
      ...errors(400, 401, 403, 413, 415),
    },
  });
  app.post("/api/upload", async (c) => {
    const viewer = viewerOf(c);
    if (!can(viewer, "document.upload")) throw new ApiError(403, "forbidden", "your role may not upload");
    const form = await uploadedFiles(c);
    // Every file is checked before any is stored: a refused batch leaves nothing behind.
    const checked: Array<{ file: File; bytes: Uint8Array }> = [];
    for (const file of form.files) {
      if (file.size > settings.maxUploadBytes)
        throw new ApiError(
          413,
          "too_large",
          `${cleanName(file.name)}: larger than ${(settings.maxUploadBytes / 1048576).toFixed(1)} MiB`,
        );
      const bytes = new Uint8Array(await file.arrayBuffer());
      const refused = refusal(cleanName(file.name), bytes);
      if (refused) throw new ApiError(415, "unsupported_media_type", refused);
      checked.push({ file, bytes });
    }
    const db = c.get("db");
    const files: UploadItem[] = [];
    for (const { file, bytes } of checked)
      files.push(await storeUpload(db, viewer, file, bytes, form.public));
    return c.json({ files }, 200);
  });

  app.openapi(reparseRoute, async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const { id } = c.req.valid("param");
    const summary = await fileSummary(db, viewer, id);
    if (!summary) throw new ApiError(404, "not_found", "no such file");
    const ownClerk = viewer.role === "clerk" && viewer.unitId !== null && viewer.unitId === summary.unitId;
    if (!can(viewer, "document.reparse") && !ownClerk)
      throw new ApiError(
        403,
        "forbidden",
        "only an administrator or the owning unit's clerk re-reads a file",
      );
    const file = await fileBytes(db, id);
    if (!file) throw new ApiError(404, "not_found", "no such file");
    const reading = await parseBytes(file.bytes, file.name);
    const stored = await storeReading(db, { ...file, sha256: sha256(file.bytes) }, reading, {
      actor: viewer.login,
    });
    const item: UploadItem = {
      name: file.name,
      fileId: stored.fileId,
      action: stored.action,
      documents: await documentsList(db, stored.fileId),
    };
    if (!reading.ok) item.error = reading.message;
    return c.json(item, 200);
  });
}
