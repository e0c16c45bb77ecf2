/**
 * The documents page: a search box (accents optional: the search folds them), filters, ranked results
 * with the matched words marked, and paging. Everything is in the query string, so a search is a link.
 */
import { html } from "hono/html";
import type { SearchHit, SearchQuery, SearchResult } from "../../store/search.js";
import { docTypes } from "../../tables/doc-types.js";
import { tn } from "../i18n.js";
import { formatDate } from "./format.js";
import { type Html, layout, type PageContext } from "./layout.js";
import { pager } from "./pager.js";

/** The page's form fields, as read from the query string (invalid ones dropped). */
export interface DocumentsForm {
  q: string;
  system: "" | "party" | "state";
  type: string;
  issuer: string;
  from: string;
  to: string;
  att: boolean;
  page: number;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the form from URL parameters; a value that does not validate is dropped, never an error. */
export function readDocumentsForm(params: URLSearchParams): DocumentsForm {
  const text = (name: string, max: number) => (params.get(name) ?? "").trim().slice(0, max);
  const system = params.get("system");
  const date = (name: string) => {
    const v = text(name, 10);
    return isoDate.test(v) && !Number.isNaN(Date.parse(v)) ? v : "";
  };
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: text("q", 500),
    system: system === "party" || system === "state" ? system : "",
    type: text("type", 100),
    issuer: text("issuer", 300),
    from: date("from"),
    to: date("to"),
    att: params.get("att") === "1",
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** Page size of the results. */
export const pageSize = 20;

/** The search request the form asks for. */
export function searchOf(form: DocumentsForm): SearchQuery {
  return {
    q: form.q,
    system: form.system || undefined,
    type: form.type || undefined,
    issuer: form.issuer || undefined,
    dateFrom: form.from || undefined,
    dateTo: form.to || undefined,
    hasAttachments: form.att ? true : undefined,
    page: form.page,
    pageSize,
  };
}

function hasFilters(form: DocumentsForm): boolean {
  return Boolean(form.q || form.system || form.type || form.issuer || form.from || form.to || form.att);
}

/** The query string of the form at another page. */
function pageLink(form: DocumentsForm, page: number): string {
  const params = new URLSearchParams();
  if (form.q) params.set("q", form.q);
  if (form.system) params.set("system", form.system);
  if (form.type) params.set("type", form.type);
  if (form.issuer) params.set("issuer", form.issuer);
  if (form.from) params.set("from", form.from);
  if (form.to) params.set("to", form.to);
  if (form.att) params.set("att", "1");
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/documents?${s}` : "/documents";
}

const typeNames = [...new Set(docTypes.map((d) => d.name))].sort((a, b) => a.localeCompare(b, "vi"));

function searchForm(p: PageContext, form: DocumentsForm): Html {
  const option = (value: string, label: string, current: string) =>
    html`<option value="${value}" ${value === current ? "selected" : ""}>${label}</option>`;
  return html`<form class="search" method="get" action="/documents" role="search">
    <div class="searchbar">
      <label class="visually-hidden" for="q">${p.t("docs.searchLabel")}</label>
      <input id="q" name="q" type="search" value="${form.q}" placeholder="${p.t("docs.searchPlaceholder")}"
        autocomplete="off" maxlength="500" />
      <button type="submit" class="button primary">${p.t("docs.search")}</button>
    </div>
    <fieldset class="filters">
      <legend>${p.t("docs.filters")}</legend>
      <div class="filter">
        <label class="field-label" for="f-system">${p.t("docs.system")}</label>
        <select id="f-system" name="system">
          ${option("", p.t("docs.anySystem"), form.system)}${option("party", p.t("system.party"), form.system)}
          ${option("state", p.t("system.state"), form.system)}
        </select>
      </div>
      <div class="filter">
        <label class="field-label" for="f-type">${p.t("field.type")}</label>
        <select id="f-type" name="type">
          ${option("", p.t("docs.anyType"), form.type)}
          ${form.type && !typeNames.includes(form.type) ? option(form.type, form.type, form.type) : ""}
          ${typeNames.map((name) => option(name, name, form.type))}
        </select>
      </div>
      <div class="filter filter-wide">
        <label class="field-label" for="f-issuer">${p.t("field.issuer")}</label>
        <input id="f-issuer" name="issuer" type="text" value="${form.issuer}" maxlength="300" />
      </div>
      <div class="filter">
        <label class="field-label" for="f-from">${p.t("docs.dateFrom")}</label>
        <input id="f-from" name="from" type="date" value="${form.from}" />
      </div>
      <div class="filter">
        <label class="field-label" for="f-to">${p.t("docs.dateTo")}</label>
        <input id="f-to" name="to" type="date" value="${form.to}" />
      </div>
      <div class="filter filter-check">
        <label><input type="checkbox" name="att" value="1" ${form.att ? "checked" : ""} />
          ${p.t("docs.hasAttachments")}</label>
      </div>
      <div class="filter filter-actions">
        <button type="submit" class="button">${p.t("docs.apply")}</button>
        ${hasFilters(form) ? html`<a class="button quiet" href="/documents">${p.t("docs.clear")}</a>` : ""}
      </div>
    </fieldset>
  </form>`;
}

function snippet(hit: SearchHit): Html {
  // Without a matched word (no query) the snippet is just the document's opening lines: noise.
  if (!hit.snippet.some((part) => part.hit)) return html``;
  return html`<p class="hit-snippet">${hit.snippet.map((part) =>
    part.hit ? html`<mark>${part.text}</mark>` : part.text,
  )}</p>`;
}

function hitItem(p: PageContext, hit: SearchHit): Html {
  const meta = [hit.type, formatDate(hit.date), hit.issuer].filter((v): v is string => Boolean(v));
  return html`<li class="hit">
    <div class="hit-head">
      <a class="hit-symbol" href="/documents/${hit.id}">${hit.symbol ?? p.t("docs.noSymbol")}</a>
      ${hit.system ? html`<span class="tag tag-${hit.system}">${p.t(hit.system === "party" ? "system.party" : "system.state")}</span>` : ""}
      ${hit.hasAttachments ? html`<span class="tag" title="${p.t("docs.withAttachments")}">${p.t("field.attachments")}</span>` : ""}
    </div>
    <p class="hit-meta">${meta.map((m, i) => html`${i > 0 ? html`<span class="sep" aria-hidden="true">·</span>` : ""}<span>${m}</span>`)}</p>
    <p class="hit-subject"><a href="/documents/${hit.id}">${hit.subject ?? p.t("docs.untitled")}</a></p>
    ${snippet(hit)}
  </li>`;
}

/** The documents page with a result. */
export function documentsPage(p: PageContext, form: DocumentsForm, result: SearchResult): Html {
  const filtered = hasFilters(form);
  const count = filtered
    ? result.totalIsLowerBound
      ? p.t("docs.foundAtLeast", { n: result.total.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB") })
      : tn(p.lang, "docs.found", result.total)
    : tn(p.lang, "docs.all", result.total);
  const empty =
    result.total === 0
      ? filtered
        ? html`<div class="empty"><p>${p.t("docs.none")}</p><p class="muted">${p.t("docs.noneHint")}</p></div>`
        : html`<div class="empty"><p>${p.t("docs.empty")}</p></div>`
      : "";
  const body = html`<div class="page page-documents">
    <h1 class="page-title">${p.t("docs.title")}</h1>
    ${searchForm(p, form)}
    <section class="results" aria-labelledby="results-count">
      <h2 id="results-count" class="results-count" role="status">${count}</h2>
      ${empty}
      ${result.hits.length > 0 ? html`<ol class="hits" aria-label="${p.t("docs.results")}">${result.hits.map((h) => hitItem(p, h))}</ol>` : ""}
      ${pager(p, result.page, Math.ceil(result.total / result.pageSize), (n) => pageLink(form, n))}
    </section>
  </div>`;
  return layout(p, {
    title: form.q ? `${form.q} · ${p.t("docs.search")}` : p.t("docs.title"),
    section: "documents",
    body,
  });
}
