/**
 * Việc của tôi (/tasks): the work items of the body the viewer's unit stands for and those the viewer
 * handles, late first, filtered by status, due window and "only mine", a page at a time. Each row
 * opens the item's page and its directive. A plain GET form: it works without scripts.
 */
import { html } from "hono/html";
import { type ItemStatus, itemStatuses } from "../../store/task-model.js";
import type { ViewItem } from "../../store/task-views.js";
import { tn } from "../i18n.js";
import { formatDate } from "./format.js";
import { type Html, layout, notice, type PageContext } from "./layout.js";
import { pager } from "./pager.js";

/** The filters of the page, as read from its address. */
export interface MyTasksForm {
  status: ItemStatus[];
  due: "" | "overdue" | "week" | "month";
  mine: boolean;
  page: number;
}

/** What the page shows. */
export interface MyTasksView {
  form: MyTasksForm;
  total: number;
  pages: number;
  items: ViewItem[];
  /** Whether the viewer's unit stands for a body (else only handled items can be listed). */
  hasBody: boolean;
  today: string;
}

/** Items per page. */
export const MY_TASKS_PAGE = 50;

/** Reads the filters from the query string; anything unknown is dropped. */
export function readMyTasksForm(params: URLSearchParams): MyTasksForm {
  const status = params
    .getAll("status")
    .flatMap((s) => s.split(","))
    .filter((s): s is ItemStatus => (itemStatuses as readonly string[]).includes(s));
  const due = params.get("due");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    status: [...new Set(status)],
    due: due === "overdue" || due === "week" || due === "month" ? due : "",
    mine: params.get("mine") === "1" || params.get("mine") === "true" || params.get("mine") === "on",
    page: Number.isSafeInteger(page) && page > 0 ? Math.min(page, 100_000) : 1,
  };
}

function hrefOf(form: MyTasksForm, page: number): string {
  const params = new URLSearchParams();
  for (const s of form.status) params.append("status", s);
  if (form.due) params.set("due", form.due);
  if (form.mine) params.set("mine", "1");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/tasks?${query}` : "/tasks";
}

/** A shown status as a coloured badge. */
export function shownStatusBadge(p: PageContext, status: ItemStatus): Html {
  return html`<span class="badge task-status task-status-${status}">${p.t(`tv.status.${status}`)}</span>`;
}

const DAY = 86_400_000;

/** How far the due date is: "quá 3 ngày", "còn 5 ngày", "hôm nay" (open items only). */
export function dueNote(
  p: PageContext,
  item: Pick<ViewItem, "due" | "status" | "late">,
  today: string,
): Html {
  if (!item.due || item.status === "done" || item.status === "cancelled") return html``;
  const days = Math.round((Date.parse(item.due) - Date.parse(today)) / DAY);
  if (Number.isNaN(days)) return html``;
  if (item.late && days < 0)
    return html`<span class="due-note due-late">${tn(p.lang, "tv.lateBy", -days)}</span>`;
  if (days === 0) return html`<span class="due-note due-soon">${p.t("tv.today")}</span>`;
  return days > 0
    ? html`<span class="due-note ${days <= 7 ? "due-soon" : ""}">${tn(p.lang, "tv.daysLeft", days)}</span>`
    : html``;
}

/** The directive's symbol linking to its document (or its words when the document is gone). */
export function directiveLink(p: PageContext, d: ViewItem["directive"]): Html {
  const name = [d.type, d.symbol].filter(Boolean).join(" ") || p.t("docs.noSymbol");
  return d.documentId === null
    ? html`<span>${name}</span>`
    : html`<a href="/documents/${d.documentId}">${name}</a>`;
}

function row(p: PageContext, item: ViewItem, today: string): Html {
  return html`<tr class="${item.late ? "is-late" : ""}" data-item="${item.id}">
    <td class="nowrap">${item.due ? formatDate(item.due) : html`<span class="muted">${p.t("tv.noDue")}</span>`}
      <div>${dueNote(p, item, today)}</div></td>
    <td><a href="/task-items/${item.id}">${item.task.action}</a>
      ${item.task.clause ? html`<div class="muted small">${item.task.clause}</div>` : ""}</td>
    <td>${directiveLink(p, item.directive)}
      ${item.directive.subject ? html`<div class="muted small">${item.directive.subject}</div>` : ""}</td>
    <td>${item.unitLabel}${item.period ? html`<div class="muted small">${p.t("tv.col.period")} ${item.period}</div>` : ""}</td>
    <td>${shownStatusBadge(p, item.shownStatus)}</td>
    <td>${item.handlerName ?? html`<span class="muted">—</span>`}</td>
  </tr>`;
}

function filters(p: PageContext, form: MyTasksForm): Html {
  const dues: Array<[MyTasksForm["due"], string]> = [
    ["", p.t("myTasks.dueAny")],
    ["overdue", p.t("myTasks.dueOverdue")],
    ["week", p.t("myTasks.dueWeek")],
    ["month", p.t("myTasks.dueMonth")],
  ];
  return html`<form class="tv-filters" method="get" action="/tasks">
    <fieldset class="tv-statuses"><legend class="field-label">${p.t("myTasks.status")}</legend>
      ${itemStatuses.map(
        (s) =>
          html`<label class="check"><input type="checkbox" name="status" value="${s}" ${form.status.includes(s) ? "checked" : ""} /> ${p.t(`tv.status.${s}`)}</label>`,
      )}
    </fieldset>
    <div><label class="field-label" for="tv-due">${p.t("myTasks.due")}</label>
      <select id="tv-due" name="due">${dues.map(
        ([v, label]) => html`<option value="${v}" ${v === form.due ? "selected" : ""}>${label}</option>`,
      )}</select></div>
    <label class="check"><input type="checkbox" name="mine" value="1" ${form.mine ? "checked" : ""} /> ${p.t("myTasks.mine")}</label>
    <div class="tv-filter-actions"><button type="submit" class="button">${p.t("tv.filter")}</button>
      <a class="button quiet" href="/tasks">${p.t("tv.clear")}</a></div>
  </form>`;
}

/** The page. */
export function myTasksPage(p: PageContext, v: MyTasksView): Html {
  const filtered = v.form.status.length > 0 || v.form.due !== "" || v.form.mine;
  const content =
    v.items.length === 0
      ? html`<div class="empty"><p>${filtered ? p.t("myTasks.empty") : p.t("myTasks.emptyAll")}</p></div>`
      : html`<p class="results-count" role="status">${tn(p.lang, "myTasks.count", v.total)}</p>
        <div class="table-wrap"><table class="table tv-table">
          <thead><tr>
            <th scope="col">${p.t("tv.col.due")}</th><th scope="col">${p.t("tv.col.task")}</th>
            <th scope="col">${p.t("tv.col.directive")}</th><th scope="col">${p.t("tv.col.unit")}</th>
            <th scope="col">${p.t("tv.col.status")}</th><th scope="col">${p.t("tv.col.handler")}</th>
          </tr></thead>
          <tbody>${v.items.map((i) => row(p, i, v.today))}</tbody>
        </table></div>
        ${pager(p, v.form.page, v.pages, (n) => hrefOf(v.form, n))}`;
  const body = html`<div class="page page-my-tasks">
    <div class="page-head"><div><h1 class="page-title">${p.t("myTasks.title")}</h1>
      <p class="muted">${p.t("myTasks.intro")}</p></div></div>
    ${v.hasBody ? "" : notice("info", p.t("myTasks.noBody"))}
    ${filters(p, v.form)}
    ${content}
  </div>`;
  return layout(p, { title: p.t("myTasks.title"), section: "tasks", body });
}
