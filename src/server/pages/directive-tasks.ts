/**
 * A directive's tasks (/documents/:id/tasks): how far the document's assignments have got — a
 * progress bar and the counts by status, then each task with its lead and coordinating bodies,
 * deadline and rhythm, and the work item of each lead body and period with its status.
 */
import { html } from "hono/html";
import { itemStatuses } from "../../store/task-model.js";
import type { DirectiveProgress, ProgressTask } from "../../store/task-views.js";
import { progressMeter, statusColours } from "./charts.js";
import { formatDate } from "./format.js";
import { type Html, layout, type PageContext } from "./layout.js";
import { dueNote, shownStatusBadge } from "./my-tasks.js";

function assignees(p: PageContext, t: ProgressTask): Html {
  const lead = t.assignees.filter((a) => a.role === "lead").map((a) => a.unit);
  const coordinate = t.assignees.filter((a) => a.role === "coordinate").map((a) => a.unit);
  return html`<dl class="tv-assignees">
    ${lead.length ? html`<dt>${p.t("progress.lead")}</dt><dd>${lead.join("; ")}</dd>` : ""}
    ${coordinate.length ? html`<dt>${p.t("progress.coordinate")}</dt><dd>${coordinate.join("; ")}</dd>` : ""}
    ${t.deadlineText || t.deadline ? html`<dt>${p.t("progress.deadline")}</dt><dd>${t.deadlineText ?? formatDate(t.deadline)}${t.deadlineText && t.deadline ? html` <span class="muted">(${formatDate(t.deadline)})</span>` : ""}</dd>` : ""}
    ${t.recurrence ? html`<dt>${p.t("progress.recurrence")}</dt><dd>${p.t(`tv.recurrence.${t.recurrence}`)}</dd>` : ""}
  </dl>`;
}

function statusLine(p: PageContext, counts: DirectiveProgress["counts"]): Html {
  return html`<ul class="tv-counts">${itemStatuses
    .filter((s) => counts[s] > 0)
    .map((s) => html`<li>${shownStatusBadge(p, s)} <strong>${counts[s]}</strong></li>`)}</ul>`;
}

function task(p: PageContext, t: ProgressTask, today: string): Html {
  const items =
    t.items.length === 0
      ? html`<p class="muted small">${p.t("progress.noItems")}</p>`
      : html`<div class="table-wrap"><table class="table table-compact tv-items">
          <thead><tr><th scope="col">${p.t("tv.col.unit")}</th><th scope="col">${p.t("tv.col.period")}</th>
            <th scope="col">${p.t("tv.col.due")}</th><th scope="col">${p.t("tv.col.status")}</th>
            <th scope="col">${p.t("tv.col.doneOn")}</th><th scope="col"><span class="visually-hidden">${p.t("tv.openItem")}</span></th></tr></thead>
          <tbody>${t.items.map(
            (i) => html`<tr class="${i.late ? "is-late" : ""}">
              <td>${i.unitLabel}</td><td>${i.period || "—"}</td>
              <td class="nowrap">${i.due ? formatDate(i.due) : "—"} ${dueNote(p, i, today)}</td>
              <td>${shownStatusBadge(p, i.shownStatus)}</td><td>${formatDate(i.doneOn) || "—"}</td>
              <td><a href="/task-items/${i.id}">${p.t("tv.openItem")}</a></td>
            </tr>`,
          )}</tbody>
        </table></div>`;
  return html`<li class="tv-task" id="task-${t.id}">
    <h3>${t.clause ? html`<span class="tv-clause">${t.clause}</span> ` : ""}<a href="/tasks/${t.id}">${t.action}</a>
      ${t.state === "gone" ? html`<span class="badge badge-review">${p.t("progress.gone")}</span>` : ""}</h3>
    ${assignees(p, t)}
    ${t.items.length ? statusLine(p, t.counts) : ""}
    ${items}
  </li>`;
}

/** The page. */
export function directiveTasksPage(p: PageContext, v: DirectiveProgress, today: string): Html {
  const d = v.directive;
  const name = [d.type, d.symbol].filter(Boolean).join(" ") || p.t("doc.title");
  const percent = v.percentDone;
  const body = html`<div class="page page-directive-tasks">
    <nav class="crumbs" aria-label="breadcrumb"><a href="/documents">${p.t("nav.documents")}</a> <span aria-hidden="true">›</span>
      <a href="/documents/${d.documentId}">${d.symbol ?? name}</a> <span aria-hidden="true">›</span> <span>${p.t("doc.tasks")}</span></nav>
    <header class="doc-head"><div>
      <h1 class="page-title">${p.t("progress.title")} ${name}</h1>
      <p class="doc-sub">${[d.issuer, formatDate(d.date)].filter(Boolean).join(" · ")}</p>
      ${d.subject ? html`<p>${d.subject}</p>` : ""}
    </div>
    <div class="doc-actions"><a class="button" href="/documents/${d.documentId}">${p.t("progress.back")}</a></div></header>
    <section class="tv-summary" aria-labelledby="tv-summary-title">
      <h2 id="tv-summary-title">${p.t("progress.summary")}</h2>
      ${progressMeter(p, percent, p.t("progress.barLabel"))}
      <p>${percent === null ? p.t("progress.percentNone") : p.t("progress.percent", { percent: percent.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB") })}</p>
      <dl class="tv-stats">
        <div><dt>${p.t("progress.items")}</dt><dd data-stat="total">${v.counts.total}</dd></div>
        <div><dt>${p.t("tv.status.done")}</dt><dd data-stat="done">${v.counts.done}</dd></div>
        <div><dt>${p.t("progress.onTime")}</dt><dd data-stat="on-time">${v.onTime}</dd></div>
        <div><dt>${p.t("progress.overdue")}</dt><dd data-stat="overdue" class="${v.overdue ? "is-late" : ""}">${v.overdue}</dd></div>
      </dl>
      ${v.counts.total ? stackedBar(p, v.counts) : ""}
    </section>
    <section aria-labelledby="tv-tasks-title">
      <h2 id="tv-tasks-title">${p.t("progress.tasks")}</h2>
      ${v.tasks.length === 0 ? html`<div class="empty"><p>${p.t("progress.empty")}</p></div>` : html`<ol class="plain-list tv-tasks">${v.tasks.map((t) => task(p, t, today))}</ol>`}
    </section>
  </div>`;
  return layout(p, { title: `${p.t("doc.tasks")} · ${d.symbol ?? name}`, section: "tasks", body });
}

/** The items by status as one stacked bar, with its numbers in words beside it for a screen reader. */
function stackedBar(p: PageContext, counts: DirectiveProgress["counts"]): Html {
  let x = 0;
  const parts = itemStatuses
    .filter((s) => counts[s] > 0)
    .map((s) => {
      const w = (counts[s] / counts.total) * 100;
      const rect = html`<rect x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="10" fill="${statusColours[s]}"><title>${p.t(`tv.status.${s}`)}: ${counts[s]}</title></rect>`;
      x += w;
      return rect;
    });
  const words = itemStatuses
    .filter((s) => counts[s] > 0)
    .map((s) => `${p.t(`tv.status.${s}`)}: ${counts[s]}`)
    .join(", ");
  return html`<svg class="tv-stacked" viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="14" role="img" aria-label="${words}">${parts}</svg>`;
}
