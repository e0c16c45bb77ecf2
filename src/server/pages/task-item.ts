/**
 * A work item's page (/task-items/:id): the task it belongs to, its status with the form that moves
 * it (and a note), who handles it, the evidence — an uploaded report, a note, an implementing
 * document, with the documents the cascade suggests accepted in one click — and its history. Plain
 * form posts answered with a redirect, so it works without scripts.
 */
import { html } from "hono/html";
import { evidenceExtensions } from "../../store/evidence-file.js";
import type { Evidence, StatusChange } from "../../store/task-model.js";
import type { ItemView } from "../../store/task-read.js";
import type { MessageKey } from "../i18n.js";
import { formatDate, formatDateTime, todayInVietnam } from "./format.js";
import { csrfField, type Html, layout, type PageContext } from "./layout.js";
import { periodText, statusBadge, taskFacts, taskFlash, taskHeading } from "./task.js";

/** What the item page shows. */
export interface ItemPageView extends ItemView {
  quote: string | null;
  coordinates: string[];
  /** Names of the people in the history and evidence, by user id. */
  people: ReadonlyMap<number, string>;
  flash: { saved?: string; error?: string };
}

function statusForm(p: PageContext, v: ItemPageView): Html {
  if (v.next.length === 0) return html`<p class="muted" id="status-none">${p.t("task.noNext")}</p>`;
  return html`<form method="post" action="/task-items/${v.item.id}/status" class="edit-form stack" id="status-form">
    ${csrfField(p)}
    <label class="field-label" for="status-to">${p.t("task.to")}</label>
    <select id="status-to" name="to" required>
      ${v.next.map((s) => html`<option value="${s}">${p.t(`task.status.${s}` as MessageKey)}</option>`)}
    </select>
    <label class="field-label" for="status-note">${p.t("task.note")}</label>
    <textarea id="status-note" name="note" rows="2" maxlength="2000"></textarea>
    ${
      v.next.includes("done")
        ? html`<label class="field-label" for="status-done-on">${p.t("task.doneOnLabel")}</label>
      <input id="status-done-on" name="doneOn" type="date" max="${todayInVietnam()}" aria-describedby="status-done-on-hint" />
      <p class="hint" id="status-done-on-hint">${p.t("task.doneOnHint")}</p>`
        : ""
    }
    <button type="submit" class="button primary">${p.t("task.statusSubmit")}</button>
  </form>`;
}

function handlerBlock(p: PageContext, v: ItemPageView): Html {
  const current = v.handler
    ? html`<strong id="handler-name">${v.handler.name}</strong>`
    : html`<span class="muted" id="handler-name">${p.t("task.noHandler")}</span>`;
  if (!v.may.canWork) return current;
  return html`<form method="post" action="/task-items/${v.item.id}/handler" class="inline-form" id="handler-form">
      ${csrfField(p)}
      <label class="visually-hidden" for="handler-user">${p.t("task.handler")}</label>
      <select id="handler-user" name="userId">
        <option value="">${p.t("task.noHandler")}</option>
        ${v.handlers.map(
          (h) =>
            html`<option value="${h.id}" ${v.handler?.id === h.id ? "selected" : ""}>${h.name} (${h.login})</option>`,
        )}
      </select>
      <button type="submit" class="button small">${p.t("task.handlerSubmit")}</button>
    </form>`;
}

function who(p: PageContext, v: ItemPageView, userId: number | null, fallback: string): string {
  if (userId !== null) return v.people.get(userId) ?? fallback;
  return fallback === "system" ? p.t("task.system") : fallback;
}

function evidenceItem(p: PageContext, v: ItemPageView, e: Evidence): Html {
  const by = html`<div class="small muted">${p.t("task.by", { who: who(p, v, e.userId, ""), when: formatDateTime(e.createdAt) })}</div>`;
  const kind = html`<span class="tag">${p.t(`task.evidence.${e.kind}` as MessageKey)}</span>`;
  if (e.kind === "file")
    return html`<li class="evidence evidence-file" data-kind="file">${kind}
      <a href="/api/evidence/${e.id}/file" download>${e.fileName}</a>
      <span class="small muted">${p.t("task.size", { size: Math.max(1, Math.round((e.size ?? 0) / 1024)) })}</span>${by}</li>`;
  if (e.kind === "document")
    return html`<li class="evidence evidence-document" data-kind="document">${kind}
      ${e.documentId ? html`<a href="/documents/${e.documentId}">${symbolOf(e.identityKey)}</a>` : html`<span>${symbolOf(e.identityKey)}</span>`}${by}</li>`;
  return html`<li class="evidence evidence-note" data-kind="note">${kind} <span class="evidence-text">${e.note}</span>${by}</li>`;
}

/** The printed symbol inside an identity key (`series|symbol|year`). */
function symbolOf(key: string | null): string {
  if (!key) return "";
  const parts = key.split("|");
  return parts.length >= 3 ? parts.slice(1, -1).join("|") : key;
}

function evidenceForms(p: PageContext, v: ItemPageView): Html {
  const id = v.item.id;
  const accept = evidenceExtensions.map((e) => `.${e}`).join(",");
  const suggestions = v.suggestions.length
    ? html`<div class="task-suggestions" id="suggestions"><h3>${p.t("task.suggested")}</h3>
      <p class="hint">${p.t("task.suggestedHint")}</p>
      <ul class="plain-list">${v.suggestions.map(
        (s) => html`<li data-key="${s.identityKey}">
          <form method="post" action="/task-items/${id}/evidence" class="inline-form">
            ${csrfField(p)}<input type="hidden" name="kind" value="document" /><input type="hidden" name="identityKey" value="${s.identityKey}" />
            ${s.documentId ? html`<a href="/documents/${s.documentId}"><strong>${s.symbol}</strong></a>` : html`<strong>${s.symbol}</strong>`}${s.date ? html`, ${formatDate(s.date)}` : ""}${s.issuer ? html` — ${s.issuer}` : ""}
            ${s.subject ? html`<div class="small muted">${s.subject}</div>` : ""}
            <button type="submit" class="button small primary">${p.t("task.accept")}</button>
          </form></li>`,
      )}</ul></div>`
    : "";
  return html`${suggestions}
    <details class="task-form" id="upload" open>
      <summary class="button task-form-summary">${p.t("task.upload")}</summary>
      <form method="post" action="/task-items/${id}/evidence" enctype="multipart/form-data" class="edit-form stack" id="upload-form">
        ${csrfField(p)}<input type="hidden" name="kind" value="file" />
        <label class="field-label" for="evidence-file">${p.t("task.upload")}</label>
        <input id="evidence-file" name="file" type="file" accept="${accept}" required aria-describedby="evidence-file-hint" />
        <p class="hint" id="evidence-file-hint">${p.t("task.uploadHint")}</p>
        <button type="submit" class="button primary">${p.t("task.uploadSubmit")}</button>
      </form></details>
    <details class="task-form" id="note" open>
      <summary class="button task-form-summary">${p.t("task.addNote")}</summary>
      <form method="post" action="/task-items/${id}/evidence" class="edit-form stack" id="note-form">
        ${csrfField(p)}<input type="hidden" name="kind" value="note" />
        <label class="field-label" for="evidence-note">${p.t("task.note")}</label>
        <textarea id="evidence-note" name="note" rows="3" maxlength="4000" required></textarea>
        <button type="submit" class="button primary">${p.t("task.addNoteSubmit")}</button>
      </form></details>
    <details class="task-form" id="link">
      <summary class="button task-form-summary">${p.t("task.linkDocument")}</summary>
      <form method="post" action="/task-items/${id}/evidence" class="edit-form stack" id="link-form">
        ${csrfField(p)}<input type="hidden" name="kind" value="document" />
        <label class="field-label" for="evidence-symbol">${p.t("task.linkDocument")}</label>
        <input id="evidence-symbol" name="symbol" type="text" maxlength="200" required aria-describedby="evidence-symbol-hint" />
        <p class="hint" id="evidence-symbol-hint">${p.t("task.linkDocumentHint")}</p>
        <button type="submit" class="button primary">${p.t("task.linkSubmit")}</button>
      </form></details>`;
}

function historyTable(p: PageContext, v: ItemPageView, history: StatusChange[]): Html {
  if (history.length === 0) return html`<p class="muted">${p.t("task.noHistory")}</p>`;
  return html`<div class="table-wrap"><table class="table" id="history">
    <thead><tr><th scope="col">${p.t("task.when")}</th><th scope="col">${p.t("task.change")}</th>
      <th scope="col">${p.t("task.who")}</th><th scope="col">${p.t("task.note")}</th></tr></thead>
    <tbody>${[...history].reverse().map(
      (h) => html`<tr data-to="${h.to}"><td class="nowrap">${formatDateTime(h.at)}</td>
        <td>${h.from ? html`${statusBadge(p, h.from)} → ${statusBadge(p, h.to)}` : html`${p.t("task.created")} ${statusBadge(p, h.to)}`}</td>
        <td>${who(p, v, h.userId, h.actor)}</td><td>${h.note ?? ""}</td></tr>`,
    )}</tbody></table></div>`;
}

/** The item page. */
export function itemPage(p: PageContext, v: ItemPageView): Html {
  const i = v.item;
  const heading = taskHeading(p, v.task);
  const d = v.directive;
  const crumbs = html`<nav class="crumbs" aria-label="breadcrumb"><a href="/documents">${p.t("nav.documents")}</a>
    ${d.documentId ? html`<span aria-hidden="true">›</span> <a href="/documents/${d.documentId}">${d.symbol ?? p.t("task.document")}</a>` : ""}
    <span aria-hidden="true">›</span> <a href="/tasks/${v.task.id}">${heading}</a>
    <span aria-hidden="true">›</span> <span>${i.unitLabel}</span></nav>`;
  const body = html`<div class="page page-task-item">
    ${crumbs}
    <header class="doc-head"><div>
      <h1 class="page-title">${i.unitLabel}</h1>
      <p class="doc-sub"><span id="item-status">${statusBadge(p, i.status)}</span>
        <span class="sep" aria-hidden="true">·</span><span>${p.t("task.period")}: ${periodText(p, i.period)}</span>
        <span class="sep" aria-hidden="true">·</span><span>${p.t("task.due")}: ${i.due ? formatDate(i.due) : p.t("task.noDue")}</span>
        ${i.doneOn ? html`<span class="sep" aria-hidden="true">·</span><span id="item-done-on">${p.t("task.doneOn", { date: formatDate(i.doneOn) })}</span>` : ""}</p>
    </div>
    <div class="doc-actions"><a class="button" href="/tasks/${v.task.id}">${heading}</a></div></header>
    ${taskFlash(p, v.flash)}
    <div class="task-item-grid">
      <section class="task-item-work" aria-labelledby="work-title">
        <h2 id="work-title">${p.t("task.changeStatus")}</h2>
        ${statusForm(p, v)}
        <h2>${p.t("task.handler")}</h2>
        ${handlerBlock(p, v)}
        <h2 id="evidence-title">${p.t("task.evidence")}</h2>
        ${
          v.evidence.length
            ? html`<ul class="plain-list evidence-list" id="evidence">${v.evidence.map((e) => evidenceItem(p, v, e))}</ul>`
            : html`<p class="muted" id="evidence">${p.t("task.noEvidence")}</p>`
        }
        ${v.may.canWork ? evidenceForms(p, v) : ""}
        <h2 id="history-title">${p.t("task.history")}</h2>
        ${historyTable(p, v, v.history)}
      </section>
      <section class="task-item-task" aria-labelledby="task-title">
        <h2 id="task-title">${p.t("task.itemOf")}</h2>
        ${taskFacts(p, { task: v.task, directive: d, coordinates: v.coordinates })}
        ${v.quote ? html`<h3>${p.t("task.quote")}</h3><blockquote class="source-quote">${v.quote}</blockquote>` : ""}
      </section>
    </div>
  </div>`;
  return layout(p, { title: `${i.unitLabel} · ${heading}`, section: "tasks", body });
}
