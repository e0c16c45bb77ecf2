/**
 * The web app's pages, server-rendered: sign-in, the documents list and search, a document beside
 * its source text with corrections, the incoming register, upload, and the language switch. Forms
 * post to these routes (the CSRF check has run before them) and answer with a redirect, so every
 * page works without scripts; the scripts under web/static only add highlighting and drag and drop.
 */
import type { Context, Hono } from "hono";
import { can, type Viewer } from "../store/access.js";
import { setLanguage } from "../store/accounts.js";
import { type CorrectableField, correct, correctableFields } from "../store/corrections.js";
import type { Sql } from "../store/db.js";
import { documentDetail } from "../store/document-view.js";
import { documentsOfFile, findDocument } from "../store/documents.js";
import { unreadCount } from "../store/notifications.js";
import { RegisterError, registerIncoming, registerOf } from "../store/register.js";
import { searchDocuments } from "../store/search.js";
import { findUser, listUnits } from "../store/units-users.js";
import type { AppEnv, AppOptions } from "./context.js";
import { isLang } from "./i18n.js";
import { mountCascadePages } from "./pages/cascade-routes.js";
import { correctionValue, documentNotFoundPage, documentPage, fieldKinds } from "./pages/document.js";
import { documentsPage, readDocumentsForm, searchOf } from "./pages/documents.js";
import { todayInVietnam } from "./pages/format.js";
import { notFoundPage, type PageContext, pageContext } from "./pages/layout.js";
import { loginPage, safeNext } from "./pages/login.js";
import { mountNotificationPages } from "./pages/notifications.js";
import { registerPage } from "./pages/register.js";
import { mountReportPages } from "./pages/reports.js";
import { serveStaticFile } from "./pages/static.js";
import { mountTaskPages } from "./pages/task-routes.js";
import { mountTaskViewPages } from "./pages/task-view-routes.js";
import { uploadPage } from "./pages/upload.js";
import { setLanguageCookie } from "./session.js";

async function unitName(sql: Sql, viewer: Viewer | null): Promise<string | null> {
  if (!viewer || viewer.unitId === null) return null;
  return (await listUnits(sql)).find((u) => u.id === viewer.unitId)?.name ?? null;
}

async function contextOf(c: Context<AppEnv>): Promise<PageContext> {
  const viewer = c.get("viewer");
  const unread = viewer ? await unreadCount(c.get("db"), viewer.userId) : undefined;
  return pageContext(c, await unitName(c.get("db"), viewer), unread);
}

/** The signed-in viewer; the session gate sends everyone else to the login before any page route. */
function viewerOf(c: Context<AppEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new Error("page route reached without a viewer: mount pages after the session gate");
  return viewer;
}

function idParam(c: Context<AppEnv>): number | null {
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** The document of the `:id` in the path as the viewer may read it, or null (missing or not readable). */
async function requestedDocument(c: Context<AppEnv>) {
  const id = idParam(c);
  return id === null ? null : documentDetail(c.get("db"), viewerOf(c), id);
}

const editable = new Set<string>(fieldKinds.map(([f]) => f));

function isCorrectable(field: unknown): field is CorrectableField {
  return (
    typeof field === "string" &&
    editable.has(field) &&
    (correctableFields as readonly string[]).includes(field)
  );
}

/**
 * Adds the pages to the app. Call after the session middleware and the gate that sends a request
 * without a viewer to /login (only /login, /health and /static/* are reachable signed out).
 */
export function mountPages(app: Hono<AppEnv>, options: AppOptions): void {
  const secure = options.secureCookies ?? false;

  app.get("/static/:name", (c) => serveStaticFile(c, c.req.param("name")));
  app.get("/favicon.ico", (c) => c.redirect("/static/favicon.svg", 301));

  app.get("/login", async (c) => {
    const next = safeNext(c.req.query("next"));
    const lang = c.req.query("lang");
    if (isLang(lang)) {
      // Before sign-in the choice lives in a cookie; the account keeps it afterwards.
      setLanguageCookie(c, lang, secure);
      return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    }
    if (c.get("viewer")) return c.redirect(next, 303);
    return c.html(loginPage(await contextOf(c), { next, error: c.req.query("error") }));
  });

  app.post("/lang", async (c) => {
    const viewer = viewerOf(c);
    const body = await c.req.parseBody();
    const next = safeNext(typeof body.next === "string" ? body.next : undefined);
    if (isLang(body.lang)) {
      await setLanguage(c.get("db"), viewer.userId, body.lang);
      setLanguageCookie(c, body.lang, secure);
    }
    return c.redirect(next, 303);
  });

  const listDocuments = async (c: Context<AppEnv>) => {
    const viewer = viewerOf(c);
    const form = readDocumentsForm(new URL(c.req.url).searchParams);
    const result = await searchDocuments(c.get("db"), viewer, searchOf(form));
    return c.html(documentsPage(await contextOf(c), form, result));
  };
  app.get("/", listDocuments);
  app.get("/documents", listDocuments);

  // A register line knows its document by file and record id; this finds the page.
  app.get("/documents/open", async (c) => {
    const viewer = viewerOf(c);
    const fileId = Number(c.req.query("file"));
    const recordId = c.req.query("record") ?? "";
    const doc =
      Number.isSafeInteger(fileId) && fileId > 0 && fileId <= 2_147_483_647 && recordId
        ? await findDocument(c.get("db"), fileId, recordId)
        : null;
    if (!doc || !(await documentDetail(c.get("db"), viewer, doc.id)))
      return c.html(documentNotFoundPage(await contextOf(c)), 404);
    return c.redirect(`/documents/${doc.id}`, 302);
  });

  app.get("/documents/:id", async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const detail = await requestedDocument(c);
    if (!detail) return c.html(documentNotFoundPage(await contextOf(c)), 404);
    const { document, text, corrections, registration, file } = detail;
    const people = new Map<number, string>();
    for (const userId of new Set(corrections.map((x) => x.userId))) {
      const user = await findUser(db, userId);
      if (user) people.set(userId, user.name);
    }
    const siblings = await documentsOfFile(db, document.fileId);
    const q = (name: string) => c.req.query(name);
    const registered = Number(q("registered"));
    const page = documentPage(await contextOf(c), {
      doc: document,
      fileName: file.name,
      text,
      corrections,
      people,
      siblings,
      registration,
      canCorrect: can(viewer, "document.correct"),
      canRegister: can(viewer, "register.write") && viewer.unitId !== null,
      flash: {
        saved: isCorrectable(q("saved")) ? q("saved") : undefined,
        unchanged: q("unchanged") === "1",
        registered: Number.isSafeInteger(registered) && registered > 0 ? registered : undefined,
        error: q("error")?.replace(/[^a-z_]/g, "") || undefined,
        field: isCorrectable(q("field")) ? q("field") : undefined,
      },
    });
    return c.html(page);
  });

  app.post("/documents/:id/correct", async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const detail = await requestedDocument(c);
    if (!detail) return c.html(documentNotFoundPage(await contextOf(c)), 404);
    const back = `/documents/${detail.document.id}`;
    if (!can(viewer, "document.correct")) return c.redirect(`${back}?error=forbidden`, 303);
    const body = await c.req.parseBody();
    const field = body.field;
    if (!isCorrectable(field)) return c.redirect(`${back}?error=invalid`, 303);
    const record = detail.document.record;
    const read = correctionValue(field, body, record);
    if (!read) return c.redirect(`${back}?error=invalid&field=${field}#field-${field}`, 303);
    const current = (record as unknown as Record<string, unknown>)[field] ?? null;
    if (JSON.stringify(current) === JSON.stringify(read.value))
      return c.redirect(`${back}?unchanged=1#field-${field}`, 303);
    await correct(db, {
      fileId: detail.document.fileId,
      recordId: detail.document.recordId,
      field,
      value: read.value,
      userId: viewer.userId,
    });
    return c.redirect(`${back}?saved=${field}#field-${field}`, 303);
  });

  app.post("/documents/:id/register", async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const detail = await requestedDocument(c);
    if (!detail) return c.html(documentNotFoundPage(await contextOf(c)), 404);
    const back = `/documents/${detail.document.id}`;
    const body = await c.req.parseBody();
    const text = (name: string) => {
      const v = body[name];
      return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
    };
    try {
      const entry = await registerIncoming(db, viewer, {
        fileId: detail.document.fileId,
        recordId: detail.document.recordId,
        receivedOn: text("receivedOn"),
        handler: text("handler"),
        note: text("note"),
      });
      return c.redirect(`${back}?registered=${entry.number}#registration`, 303);
    } catch (error) {
      if (error instanceof RegisterError) return c.redirect(`${back}?error=${error.code}#registration`, 303);
      if (error instanceof Error && error.name === "ZodError")
        return c.redirect(`${back}?error=invalid#registration`, 303);
      throw error;
    }
  });

  app.get("/register", async (c) => {
    const viewer = viewerOf(c);
    const currentYear = Number(todayInVietnam().slice(0, 4));
    const asked = Number(c.req.query("year"));
    const year = Number.isInteger(asked) && asked >= 1945 && asked <= 9999 ? asked : currentYear;
    const lines = viewer.unitId === null ? null : await registerOf(c.get("db"), viewer.unitId, year);
    return c.html(registerPage(await contextOf(c), { year, currentYear, lines }));
  });

  app.get("/upload", async (c) => {
    const viewer = viewerOf(c);
    const allowed = can(viewer, "document.upload");
    return c.html(uploadPage(await contextOf(c), allowed), allowed ? 200 : 403);
  });

  mountCascadePages(app, contextOf);
  mountTaskPages(app, contextOf);
  mountTaskViewPages(app, contextOf);
  mountNotificationPages(app, contextOf);
  mountReportPages(app, contextOf);

  // Last: any other page address (the API's own catch-all answers JSON before this).
  app.get("*", async (c) => c.html(notFoundPage(await contextOf(c)), 404));
}
