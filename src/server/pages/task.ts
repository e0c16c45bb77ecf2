/**
 * A task's page (/tasks/:id): its words with the passage it was read from, its lead and coordinating
 * units, deadline, recurrence and to whom it reports, the work item of each lead body and period
 * with its status, and for the registry the correction forms — edit, split, merge with another task
 * of the document, add a task to the document, remove — all plain form posts.
 */
import { html } from "hono/html";
import type { ItemStatus, StoredTask, TaskItem } from "../../store/task-model.js";
import type { TaskView } from "../../store/task-read.js";
import type { MessageKey } from "../i18n.js";
import { formatDate } from "./format.js";
import { csrfField, type Html, layout, notice, type PageContext } from "./layout.js";

/** Another task of the same document (for the merge form). */
export interface SiblingTask {
  id: number;
  clause: string | null;
  action: string;
}

/** What the task page shows. */
export interface TaskPageView extends TaskView {
  siblings: SiblingTask[];
  /** What the last form post did; `form` names the form an error belongs to (opened again). */
  flash: { saved?: string; error?: string; form?: string };
}

/** A status as a coloured badge. */
export function statusBadge(p: PageContext, status: ItemStatus): Html {
  return html`<span class="badge task-status task-status-${status}">${p.t(`task.status.${status}` as MessageKey)}</span>`;
}

/** The period of an item as a person reads it ("—" for a one-off task). */
export function periodText(p: PageContext, period: string): string {
  return period === "" ? p.t("task.periodOnce") : period.replace("@", " · ");
}

/** The recurrence in words. */
export function recurrenceText(p: PageContext, r: StoredTask["recurrence"]): string {
  return p.t(`task.recurrence.${r ?? "once"}` as MessageKey);
}

/** A flash notice from the last form post (saved kind or error code). */
export function taskFlash(p: PageContext, flash: { saved?: string; error?: string }): Html {
  if (flash.error) {
    const key = `task.error.${flash.error}` as MessageKey;
    return notice("error", p.t(key) === key ? p.t("task.error.invalid") : p.t(key));
  }
  if (flash.saved) {
    const key = `task.saved.${flash.saved}` as MessageKey;
    if (p.t(key) !== key) return notice("success", p.t(key));
  }
  return html``;
}

/** The title of a task: its clause when it has one. */
export function taskHeading(p: PageContext, task: Pick<StoredTask, "clause">): string {
  return task.clause ? p.t("task.titleClause", { clause: task.clause }) : p.t("task.title");
}

function row(label: string, value: Html | string, id?: string): Html {
  return html`<div class="field-row" ${id ? html`id="${id}"` : ""}><dt>${label}</dt><dd class="value">${value}</dd></div>`;
}

function units(p: PageContext, list: string[]): Html | string {
  if (list.length === 0) return p.t("task.none");
  return html`<ul class="plain-list">${list.map((u) => html`<li>${u}</li>`)}</ul>`;
}

function badges(p: PageContext, task: StoredTask): Html {
  const out: Html[] = [];
  if (task.edited)
    out.push(
      html`<span class="badge badge-corrected" title="${p.t("task.editedTitle")}">${p.t("task.edited")}</span>`,
    );
  if (task.origin === "person")
    out.push(html`<span class="badge badge-corrected">${p.t("task.byPerson")}</span>`);
  if (task.state === "gone")
    out.push(
      html`<span class="badge badge-review" title="${p.t("task.goneTitle")}">${p.t("task.gone")}</span>`,
    );
  if (task.state === "superseded")
    out.push(
      html`<span class="badge badge-placeholder">${task.supersededBy.length ? p.t("task.superseded") : p.t("task.removed")}</span>`,
    );
  return html`${out}`;
}

/** The facts of a task as a definition list (shared with the item page). */
export function taskFacts(p: PageContext, view: Pick<TaskView, "task" | "directive" | "coordinates">): Html {
  const t = view.task;
  const leads = t.assignees.filter((a) => a.role === "lead").map((a) => a.unit);
  const d = view.directive;
  const docLine = d.documentId
    ? html`<a href="/documents/${d.documentId}">${d.type ?? ""} ${d.symbol ?? ""}</a>${d.date ? html`, ${formatDate(d.date)}` : ""}${d.issuer ? html` — ${d.issuer}` : ""}${d.subject ? html`<div class="small muted">${d.subject}</div>` : ""}`
    : html`<span class="muted">${p.t("task.noDocument")}</span>`;
  return html`<dl class="fields task-facts">
    ${row(p.t("task.document"), docLine, "task-document")}
    ${row(p.t("task.action"), html`<strong>${t.action}</strong>`, "task-action")}
    ${row(p.t("task.leads"), units(p, leads), "task-leads")}
    ${row(p.t("task.coordinates"), units(p, view.coordinates), "task-coordinates")}
    ${row(p.t("task.deliverable"), t.deliverable ?? p.t("task.none"))}
    ${row(
      p.t("task.deadline"),
      t.deadline
        ? html`${formatDate(t.deadline)}${t.deadlineText ? html` <span class="muted small">(${t.deadlineText})</span>` : ""}`
        : t.deadlineText
          ? html`<span class="muted">${t.deadlineText}</span>`
          : html`<span class="muted">${p.t("task.noDeadline")}</span>`,
      "task-deadline",
    )}
    ${row(p.t("task.recurrence"), recurrenceText(p, t.recurrence), "task-recurrence")}
    ${row(p.t("task.reportsTo"), t.reportsTo ?? p.t("task.none"), "task-reports-to")}
  </dl>`;
}

function itemsTable(p: PageContext, items: TaskItem[]): Html {
  if (items.length === 0) return html`<p class="empty">${p.t("task.noItems")}</p>`;
  return html`<div class="table-wrap"><table class="table task-items" id="task-items">
    <thead><tr><th scope="col">${p.t("task.unit")}</th><th scope="col">${p.t("task.period")}</th>
      <th scope="col">${p.t("task.due")}</th><th scope="col">${p.t("task.status")}</th>
      <th scope="col"><span class="visually-hidden">${p.t("task.open")}</span></th></tr></thead>
    <tbody>${items.map(
      (i) => html`<tr data-item="${i.id}" data-status="${i.status}">
        <td>${i.unitLabel}${i.orgKey ? "" : html` <span class="badge badge-review" title="${p.t("task.unknownBody")}">?</span>`}</td>
        <td class="nowrap">${periodText(p, i.period)}</td>
        <td class="nowrap">${i.due ? formatDate(i.due) : html`<span class="muted">${p.t("task.noDue")}</span>`}</td>
        <td>${statusBadge(p, i.status)}${i.doneOn ? html`<div class="small muted">${p.t("task.doneOn", { date: formatDate(i.doneOn) })}</div>` : ""}</td>
        <td><a class="button small" href="/task-items/${i.id}">${p.t("task.open")}</a></td>
      </tr>`,
    )}</tbody></table></div>`;
}

const recurrences = ["monthly", "quarterly", "6-monthly", "yearly", "periodic", "ongoing"] as const;

/** The fields of a task draft (edit and add forms), filled from `t` when given. */
function draftFields(p: PageContext, prefix: string, t: StoredTask | null): Html {
  const id = (f: string) => `${prefix}-${f}`;
  const lines = (role: "lead" | "coordinate") =>
    (t?.assignees ?? [])
      .filter((a) => a.role === role)
      .map((a) => a.unit)
      .join("\n");
  return html`
    <label class="field-label" for="${id("action")}">${p.t("task.action")}</label>
    <textarea id="${id("action")}" name="action" rows="3" maxlength="2000" required>${t?.action ?? ""}</textarea>
    <label class="field-label" for="${id("leads")}">${p.t("task.leads")}</label>
    <textarea id="${id("leads")}" name="leads" rows="3" required aria-describedby="${id("leads")}-hint">${lines("lead")}</textarea>
    <p class="hint" id="${id("leads")}-hint">${p.t("task.leadsHint")}</p>
    <label class="field-label" for="${id("coordinates")}">${p.t("task.coordinates")}</label>
    <textarea id="${id("coordinates")}" name="coordinates" rows="2">${lines("coordinate")}</textarea>
    <label class="field-label" for="${id("clause")}">${p.t("task.clause")}</label>
    <input id="${id("clause")}" name="clause" type="text" maxlength="50" value="${t?.clause ?? ""}" />
    <label class="field-label" for="${id("deliverable")}">${p.t("task.deliverable")}</label>
    <input id="${id("deliverable")}" name="deliverable" type="text" maxlength="200" value="${t?.deliverable ?? ""}" />
    <label class="field-label" for="${id("deadline")}">${p.t("task.deadline")}</label>
    <input id="${id("deadline")}" name="deadline" type="date" value="${t?.deadline ?? ""}" />
    <label class="field-label" for="${id("deadlineText")}">${p.t("task.deadlineText")}</label>
    <input id="${id("deadlineText")}" name="deadlineText" type="text" maxlength="500" value="${t?.deadlineText ?? ""}" />
    <label class="field-label" for="${id("recurrence")}">${p.t("task.recurrence")}</label>
    <select id="${id("recurrence")}" name="recurrence">
      <option value="" ${t?.recurrence ? "" : "selected"}>${p.t("task.recurrenceNone")}</option>
      ${recurrences.map(
        (r) =>
          html`<option value="${r}" ${t?.recurrence === r ? "selected" : ""}>${p.t(`task.recurrence.${r}` as MessageKey)}</option>`,
      )}
    </select>
    <label class="field-label" for="${id("reportsTo")}">${p.t("task.reportsTo")}</label>
    <input id="${id("reportsTo")}" name="reportsTo" type="text" maxlength="500" value="${t?.reportsTo ?? ""}" />`;
}

function correctionForms(p: PageContext, v: TaskPageView): Html {
  const t = v.task;
  const live = t.state !== "superseded";
  const open = (name: string) => (v.flash.error && v.flash.form === name ? "open" : "");
  const edit = html`<details class="task-form" id="correct" ${open("correct")}>
    <summary class="button task-form-summary">${p.t("task.correct")}</summary>
    <form method="post" action="/tasks/${t.id}/correct" class="edit-form stack">
      ${csrfField(p)}<p class="hint">${p.t("task.correctHint")}</p>
      ${draftFields(p, "edit", t)}
      <button type="submit" class="button primary">${p.t("task.save")}</button>
    </form></details>`;
  const split = html`<details class="task-form" id="split" ${open("split")}>
    <summary class="button task-form-summary">${p.t("task.split")}</summary>
    <form method="post" action="/tasks/${t.id}/split" class="edit-form stack">
      ${csrfField(p)}<p class="hint">${p.t("task.splitHint")}</p>
      ${[1, 2, 3].map(
        (n) => html`<fieldset class="task-part"><legend>${p.t("task.part", { n })}</legend>
          <label class="field-label" for="split-${n}-action">${p.t("task.action")}</label>
          <textarea id="split-${n}-action" name="part${n}_action" rows="2" maxlength="2000">${n === 1 ? t.action : ""}</textarea>
          <label class="field-label" for="split-${n}-leads">${p.t("task.leads")}</label>
          <textarea id="split-${n}-leads" name="part${n}_leads" rows="2"></textarea>
          <label class="field-label" for="split-${n}-deadline">${p.t("task.deadline")}</label>
          <input id="split-${n}-deadline" name="part${n}_deadline" type="date" value="${t.deadline ?? ""}" />
        </fieldset>`,
      )}
      <button type="submit" class="button primary">${p.t("task.splitSubmit")}</button>
    </form></details>`;
  const merge = html`<details class="task-form" id="merge" ${open("merge")}>
    <summary class="button task-form-summary">${p.t("task.merge")}</summary>
    ${
      v.siblings.length === 0
        ? html`<p class="hint">${p.t("task.mergeNone")}</p>`
        : html`<form method="post" action="/tasks/${t.id}/merge" class="edit-form stack">
      ${csrfField(p)}<p class="hint">${p.t("task.mergeHint")}</p>
      ${v.siblings.map(
        (s) => html`<label class="check"><input type="checkbox" name="with" value="${s.id}" />
          <span>${s.clause ? html`<strong>${s.clause}</strong> ` : ""}${s.action}</span></label><br />`,
      )}
      <button type="submit" class="button primary">${p.t("task.mergeSubmit")}</button>
    </form>`
    }</details>`;
  const add = v.directive.documentId
    ? html`<details class="task-form" id="add" ${open("add")}>
    <summary class="button task-form-summary">${p.t("task.add")}</summary>
    <form method="post" action="/tasks/add" class="edit-form stack">
      ${csrfField(p)}<input type="hidden" name="fileId" value="${t.fileId}" /><input type="hidden" name="recordId" value="${t.recordId}" />
      <p class="hint">${p.t("task.addHint")}</p>
      ${draftFields(p, "add", null)}
      <button type="submit" class="button primary">${p.t("task.addSubmit")}</button>
    </form></details>`
    : html``;
  const remove = html`<details class="task-form" id="remove">
    <summary class="button quiet task-form-summary">${p.t("task.remove")}</summary>
    <form method="post" action="/tasks/${t.id}/remove" class="edit-form stack">
      ${csrfField(p)}<p class="hint">${p.t("task.removeHint")}</p>
      <button type="submit" class="button">${p.t("task.removeSubmit")}</button>
    </form></details>`;
  return html`<section class="task-corrections" aria-labelledby="corrections-title">
    <h2 id="corrections-title">${p.t("task.corrections")}</h2>
    <div class="task-forms">${live ? html`${edit}${split}${merge}${remove}` : ""}${add}</div>
  </section>`;
}

/** The task page. */
export function taskPage(p: PageContext, v: TaskPageView): Html {
  const t = v.task;
  const heading = taskHeading(p, t);
  const symbol = v.directive.symbol ?? "";
  const crumbs = html`<nav class="crumbs" aria-label="breadcrumb"><a href="/documents">${p.t("nav.documents")}</a>
    ${v.directive.documentId ? html`<span aria-hidden="true">›</span> <a href="/documents/${v.directive.documentId}">${symbol || p.t("task.document")}</a>` : ""}
    <span aria-hidden="true">›</span> <span>${heading}</span></nav>`;
  const successors = v.successors.length
    ? html`<p class="notice notice-info">${p.t("task.replacedBy")} ${v.successors.map(
        (s, i) => html`${i ? ", " : ""}<a href="/tasks/${s.id}">${s.action}</a>`,
      )}</p>`
    : "";
  const body = html`<div class="page page-task">
    ${crumbs}
    <header class="doc-head"><div>
      <h1 class="page-title">${heading} ${badges(p, t)}</h1>
      ${symbol ? html`<p class="doc-sub">${p.t("task.of", { symbol })}</p>` : ""}
    </div>
    ${v.directive.documentId ? html`<div class="doc-actions"><a class="button" href="/documents/${v.directive.documentId}">${p.t("task.backToDocument")}</a></div>` : ""}
    </header>
    ${taskFlash(p, v.flash)}${successors}
    ${taskFacts(p, v)}
    ${
      v.quote
        ? html`<section class="task-quote" aria-labelledby="quote-title"><h2 id="quote-title">${p.t("task.quote")}</h2>
      <p class="hint">${p.t("task.quoteHint")}</p><blockquote class="source-quote">${v.quote}</blockquote></section>`
        : ""
    }
    <section aria-labelledby="items-title"><h2 id="items-title">${p.t("task.items")}</h2>
      <p class="hint">${p.t("task.itemsHint")}</p>${itemsTable(p, v.items)}</section>
    ${v.canCorrect ? correctionForms(p, v) : ""}
  </div>`;
  return layout(p, { title: `${heading}${symbol ? ` · ${symbol}` : ""}`, section: "tasks", body });
}

/** The page for a task or item the viewer cannot see (404). */
export function taskNotFoundPage(p: PageContext, item = false): Html {
  const title = item ? p.t("task.itemNotFound") : p.t("task.notFound");
  const body = html`<div class="page page-narrow"><h1 class="page-title">${title}</h1>
    <p>${p.t("task.notFoundText")}</p><p><a class="button" href="/documents">${p.t("doc.back")}</a></p></div>`;
  return layout(p, { title, section: "tasks", body });
}
