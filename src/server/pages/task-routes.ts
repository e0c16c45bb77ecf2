/**
 * The routes of the task pages: a task and its correction forms, a work item and its status,
 * handler and evidence forms. Forms post here (the CSRF check has run before) and answer with a
 * redirect carrying what happened (?saved=… or ?error=…), so every page works without scripts.
 */
import type { Context, Hono } from "hono";
import type { Viewer } from "../../store/access.js";
import { findIdentities } from "../../store/cascade.js";
import { checkEvidenceFile, cleanFileName } from "../../store/evidence-file.js";
import { addTask, correctTask, mergeTasks, removeTask, splitTask } from "../../store/task-corrections.js";
import { type TaskDraft, TaskError } from "../../store/task-model.js";
import { itemOf, siblingTasks, taskOf, taskQuote, userNames } from "../../store/task-read.js";
import { addEvidence, assignHandler, changeStatus } from "../../store/task-work.js";
import type { Recurrence } from "../../tasks/types.js";
import type { AppEnv } from "../context.js";
import type { PageContext } from "./layout.js";
import { taskNotFoundPage, taskPage } from "./task.js";
import { itemPage } from "./task-item.js";

type ContextOf = (c: Context<AppEnv>) => Promise<PageContext>;
type Form = Record<string, string | File | (string | File)[]>;

function viewerOf(c: Context<AppEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new Error("page route reached without a viewer: mount pages after the session gate");
  return viewer;
}

function idOf(value: unknown): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** A form field as one trimmed string ("" when absent). */
function text(form: Form, name: string): string {
  const v = form[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first.trim() : "";
}

/** Every value of a repeated form field. */
function all(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** A task draft from the edit/add form's fields (the store validates it). */
function draftOf(form: Form, prefix = ""): TaskDraft {
  const f = (name: string) => text(form, `${prefix}${name}`);
  const recurrence = f("recurrence");
  return {
    clause: f("clause") || null,
    action: f("action"),
    deliverable: f("deliverable") || null,
    deadline: f("deadline") || null,
    deadlineText: f("deadlineText") || null,
    recurrence: (recurrence || null) as Recurrence | null,
    reportsTo: f("reportsTo") || null,
    assignees: [
      ...lines(f("leads")).map((unit) => ({ unit, role: "lead" as const })),
      ...lines(f("coordinates")).map((unit) => ({ unit, role: "coordinate" as const })),
    ],
  };
}

/** The code a page shows for a store refusal; anything else is not a refusal. */
function codeOf(error: unknown): string {
  if (error instanceof TaskError) return error.code;
  throw error;
}

function flashOf(c: Context<AppEnv>) {
  const clean = (v: string | undefined) => v?.replace(/[^a-z_]/g, "") || undefined;
  return {
    saved: clean(c.req.query("saved")),
    error: clean(c.req.query("error")),
    form: clean(c.req.query("form")),
  };
}

/** Adds the task pages; call from mountPages before its catch-all. */
export function mountTaskPages(app: Hono<AppEnv>, contextOf: ContextOf): void {
  const notFound = async (c: Context<AppEnv>, item = false) =>
    c.html(taskNotFoundPage(await contextOf(c), item), 404);

  app.get("/tasks/:id{[0-9]+}", async (c) => {
    const id = idOf(c.req.param("id"));
    const db = c.get("db");
    const view = id === null ? null : await taskOf(db, viewerOf(c), id);
    if (!view) return notFound(c);
    const siblings = view.canCorrect ? await siblingTasks(db, view.task) : [];
    return c.html(taskPage(await contextOf(c), { ...view, siblings, flash: flashOf(c) }));
  });

  /** Runs a correction of task `:id` and redirects to where it leads, or back with the error. */
  const correcting = (
    name: string,
    run: (c: Context<AppEnv>, viewer: Viewer, id: number, form: Form) => Promise<string>,
  ) =>
    app.post(`/tasks/:id{[0-9]+}/${name}`, async (c) => {
      const id = idOf(c.req.param("id"));
      if (id === null) return notFound(c);
      const form = (await c.req.parseBody({ all: true })) as Form;
      try {
        return c.redirect(await run(c, viewerOf(c), id, form), 303);
      } catch (error) {
        return c.redirect(`/tasks/${id}?error=${codeOf(error)}&form=${name}#${name}`, 303);
      }
    });

  correcting("correct", async (c, viewer, id, form) => {
    await correctTask(c.get("db"), viewer, id, draftOf(form));
    return `/tasks/${id}?saved=correct`;
  });

  correcting("split", async (c, viewer, id, form) => {
    const parts: TaskDraft[] = [];
    for (let n = 1; n <= 10; n++) {
      const action = text(form, `part${n}_action`);
      const leads = lines(text(form, `part${n}_leads`));
      if (!action && leads.length === 0) continue;
      parts.push({
        action,
        deadline: text(form, `part${n}_deadline`) || null,
        assignees: leads.map((unit) => ({ unit, role: "lead" })),
      });
    }
    const made = await splitTask(c.get("db"), viewer, id, parts);
    return `/tasks/${made[0]!.id}?saved=split`;
  });

  correcting("merge", async (c, viewer, id, form) => {
    const others = all(form, "with").map(idOf);
    if (others.some((x) => x === null)) throw new TaskError("invalid", "not a task id");
    const merged = await mergeTasks(c.get("db"), viewer, [id, ...(others as number[])]);
    return `/tasks/${merged.id}?saved=merge`;
  });

  correcting("remove", async (c, viewer, id) => {
    const db = c.get("db");
    const before = await taskOf(db, viewer, id);
    const done = await removeTask(db, viewer, id);
    if (done.deleted && before?.directive.documentId) return `/documents/${before.directive.documentId}`;
    return `/tasks/${id}?saved=remove`;
  });

  app.post("/tasks/add", async (c) => {
    const form = (await c.req.parseBody({ all: true })) as Form;
    const fileId = idOf(text(form, "fileId"));
    const recordId = text(form, "recordId");
    if (fileId === null || !recordId) return notFound(c);
    try {
      const task = await addTask(c.get("db"), viewerOf(c), { fileId, recordId }, draftOf(form));
      return c.redirect(`/tasks/${task.id}?saved=add`, 303);
    } catch (error) {
      const code = codeOf(error);
      const [any] = await c
        .get("db")
        .query<{ id: number }>(
          "SELECT id FROM tasks WHERE file_id = $1 AND record_id = $2 ORDER BY id LIMIT 1",
          [fileId, recordId],
        );
      if (!any)
        return c.redirect(`/documents/open?file=${fileId}&record=${encodeURIComponent(recordId)}`, 303);
      return c.redirect(`/tasks/${any.id}?error=${code}&form=add#add`, 303);
    }
  });

  app.get("/task-items/:id{[0-9]+}", async (c) => {
    const id = idOf(c.req.param("id"));
    const db = c.get("db");
    const view = id === null ? null : await itemOf(db, viewerOf(c), id);
    if (!view) return notFound(c, true);
    const people = await userNames(db, [
      ...view.history.flatMap((h) => (h.userId === null ? [] : [h.userId])),
      ...view.evidence.flatMap((e) => (e.userId === null ? [] : [e.userId])),
    ]);
    return c.html(
      itemPage(await contextOf(c), {
        ...view,
        quote: await taskQuote(db, view.task),
        coordinates: view.task.assignees.filter((a) => a.role === "coordinate").map((a) => a.unit),
        people,
        flash: flashOf(c),
      }),
    );
  });

  /** Runs work on item `:id` and redirects back to the item with what happened. */
  const working = (
    name: string,
    run: (c: Context<AppEnv>, viewer: Viewer, id: number, form: Form) => Promise<void>,
  ) =>
    app.post(`/task-items/:id{[0-9]+}/${name}`, async (c) => {
      const id = idOf(c.req.param("id"));
      if (id === null) return notFound(c, true);
      const form = (await c.req.parseBody({ all: true })) as Form;
      try {
        await run(c, viewerOf(c), id, form);
      } catch (error) {
        const code = error instanceof EvidenceRefused ? error.code : codeOf(error);
        return c.redirect(`/task-items/${id}?error=${code}#${name}`, 303);
      }
      return c.redirect(
        `/task-items/${id}?saved=${name}#${name === "evidence" ? "evidence" : "work-title"}`,
        303,
      );
    });

  working("status", async (c, viewer, id, form) => {
    await changeStatus(c.get("db"), viewer, id, {
      to: text(form, "to") as "done",
      note: text(form, "note") || null,
      doneOn: text(form, "doneOn") || null,
    });
  });

  working("handler", async (c, viewer, id, form) => {
    const raw = text(form, "userId");
    const userId = raw === "" ? null : idOf(raw);
    if (raw !== "" && userId === null) throw new TaskError("invalid", "not a user id");
    await assignHandler(c.get("db"), viewer, id, userId);
  });

  working("evidence", async (c, viewer, id, form) => {
    const db = c.get("db");
    const kind = text(form, "kind");
    if (kind === "file") {
      const file = [form.file ?? []].flat().find((v): v is File => v instanceof File && v.size > 0);
      if (!file) throw new EvidenceRefused("no_file");
      const name = cleanFileName(file.name);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const checked = checkEvidenceFile(name, bytes);
      if (!checked.ok) throw new EvidenceRefused(checked.reason);
      await addEvidence(db, viewer, id, { kind: "file", name, bytes });
    } else if (kind === "document") {
      const identityKey =
        text(form, "identityKey") || (await identityBySymbol(c, viewer, id, text(form, "symbol")));
      await addEvidence(db, viewer, id, { kind: "document", identityKey });
    } else await addEvidence(db, viewer, id, { kind: "note", note: text(form, "note") });
  });
}

/** A refusal the page explains itself (no file, too large, not an accepted kind, unknown symbol). */
class EvidenceRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** The identity a typed symbol names: the only match, or the only one the item's body issued. */
async function identityBySymbol(
  c: Context<AppEnv>,
  viewer: Viewer,
  itemId: number,
  symbol: string,
): Promise<string> {
  if (!symbol) throw new EvidenceRefused("unknown_document");
  const db = c.get("db");
  const matches = await findIdentities(db, viewer, symbol.slice(0, 200));
  if (matches.length === 1) return matches[0]!.key;
  if (matches.length === 0) throw new EvidenceRefused("unknown_document");
  const item = await itemOf(db, viewer, itemId);
  const own = matches.filter((m) => item && m.orgKey === item.item.orgKey);
  if (own.length === 1) return own[0]!.key;
  throw new EvidenceRefused("ambiguous");
}
