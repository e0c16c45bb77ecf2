/**
 * Cơ quan ban hành: the issuing bodies linking knows, those to review ("cần xem xét": named by a
 * document, found in no table) on a filter, and for an administrator a form per body to correct its
 * names, parent and review mark (a plain form post: it works without scripts).
 */
import { html } from "hono/html";
import type { Organisation } from "../../link/types.js";
import { type MessageKey, tn } from "../i18n.js";
import { successorNote } from "./cascade-tree.js";
import { formatDate } from "./format.js";
import { csrfField, type Html, layout, notice, type PageContext } from "./layout.js";
import { pager } from "./pager.js";

/** What the page shows. */
export interface OrganisationsView {
  q: string;
  review: boolean;
  /** One page of the bodies that match, of `total`; `page` of `pages`. */
  organisations: Organisation[];
  total: number;
  page: number;
  pages: number;
  canEdit: boolean;
  flash: { saved?: string; error?: string };
}

/** The address a body's edit form posts to. */
export function organisationAction(key: string): string {
  return `/organisations/${encodeURIComponent(key)}`;
}

function place(o: Organisation): string {
  return [o.place.commune, o.place.district, o.place.province].filter(Boolean).join(", ");
}

function validity(p: PageContext, o: Organisation): string {
  return [
    o.validFrom ? p.t("org.from", { date: formatDate(o.validFrom) }) : "",
    o.validTo ? p.t("org.until", { date: formatDate(o.validTo) }) : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function editForm(p: PageContext, o: Organisation, i: number): Html {
  const id = (f: string) => `org-${i}-${f}`;
  return html`<details class="edit org-edit">
    <summary><span>${p.t("org.edit")}</span><span class="visually-hidden"> ${o.short}</span></summary>
    <form method="post" action="${organisationAction(o.key)}" class="edit-form stack">
      ${csrfField(p)}<input type="hidden" name="next" value="${p.here}" />
      <label class="field-label" for="${id("name")}">${p.t("org.name")}</label>
      <input id="${id("name")}" name="name" type="text" value="${o.name}" maxlength="300" required />
      <label class="field-label" for="${id("short")}">${p.t("org.short")}</label>
      <input id="${id("short")}" name="short" type="text" value="${o.short}" maxlength="200" required />
      <label class="field-label" for="${id("aliases")}">${p.t("org.aliases")}</label>
      <textarea id="${id("aliases")}" name="aliases" rows="3" aria-describedby="${id("aliases")}-hint">${o.aliases.join("\n")}</textarea>
      <p class="hint" id="${id("aliases")}-hint">${p.t("org.aliasesHint")}</p>
      <label class="field-label" for="${id("parent")}">${p.t("org.parent")}</label>
      <input id="${id("parent")}" name="parent" type="text" value="${o.parent ?? ""}" maxlength="300" />
      <label class="check"><input type="checkbox" name="review" ${o.review ? "checked" : ""} /> ${p.t("org.reviewMark")}</label>
      <button type="submit" class="button primary small">${p.t("org.save")}</button>
    </form>
  </details>`;
}

function row(p: PageContext, v: OrganisationsView, o: Organisation, i: number): Html {
  return html`<tr data-key="${o.key}" ${v.flash.saved === o.key ? html`class="is-saved"` : ""}>
    <td><strong>${o.short}</strong>
      ${o.review ? html`<span class="badge badge-review" title="${p.t("org.reviewTitle")}">${p.t("org.review")}</span>` : ""}
      ${o.name !== o.short ? html`<div class="small">${o.name}</div>` : ""}
      ${o.aliases.length ? html`<div class="muted small">${p.t("org.aliases")}: ${o.aliases.join("; ")}</div>` : ""}
      <div class="muted small org-key">${o.key}</div></td>
    <td>${p.t(`org.system.${o.system}` as MessageKey)}</td>
    <td>${p.t(`org.level.${o.level}` as MessageKey)}</td>
    <td>${place(o)}</td>
    <td><span class="nowrap">${validity(p, o)}</span> ${successorNote(p, o.key)}</td>
    ${v.canEdit ? html`<td class="edit-cell">${editForm(p, o, i)}</td>` : ""}
  </tr>`;
}

function flash(p: PageContext, v: OrganisationsView): Html {
  if (v.flash.error) {
    const key = `org.error.${v.flash.error}` as MessageKey;
    return notice("error", p.t(key) === key ? p.t("org.error.invalid") : p.t(key));
  }
  if (v.flash.saved) {
    const saved = v.organisations.find((o) => o.key === v.flash.saved);
    return notice("success", p.t("org.saved", { name: saved?.short ?? v.flash.saved }));
  }
  return html``;
}

/** The address of another page of the same list. */
function pageHref(v: OrganisationsView, page: number): string {
  const params = new URLSearchParams();
  if (v.q) params.set("q", v.q);
  if (v.review) params.set("review", "true");
  params.set("page", String(page));
  return `/organisations?${params}`;
}

/** The page. */
export function organisationsPage(p: PageContext, v: OrganisationsView): Html {
  const form = html`<form class="org-filter" method="get" action="/organisations" role="search">
    <label class="field-label" for="org-q">${p.t("org.search")}</label>
    <input id="org-q" name="q" type="search" value="${v.q}" maxlength="200" placeholder="${p.t("org.searchPlaceholder")}" />
    <label class="check"><input type="checkbox" id="org-review" name="review" value="true" ${v.review ? "checked" : ""} /> ${p.t("org.reviewOnly")}</label>
    <button type="submit" class="button">${p.t("org.filter")}</button>
  </form>`;
  const content =
    v.organisations.length === 0
      ? html`<div class="empty"><p>${p.t("org.empty")}</p></div>`
      : html`<p class="results-count" role="status">${tn(p.lang, "org.count", v.total)}</p>
        <div class="table-wrap"><table class="table org-table">
          <thead><tr>
            <th scope="col">${p.t("org.name")}</th><th scope="col">${p.t("org.system")}</th>
            <th scope="col">${p.t("org.level")}</th><th scope="col">${p.t("org.place")}</th>
            <th scope="col">${p.t("org.valid")}</th>
            ${v.canEdit ? html`<th scope="col"><span class="visually-hidden">${p.t("org.edit")}</span></th>` : ""}
          </tr></thead>
          <tbody>${v.organisations.map((o, i) => row(p, v, o, i))}</tbody>
        </table></div>
        ${pager(p, v.page, v.pages, (n) => pageHref(v, n))}`;
  const body = html`<div class="page page-organisations">
    <div class="page-head"><h1 class="page-title">${p.t("org.title")}</h1>${form}</div>
    ${flash(p, v)}
    ${content}
  </div>`;
  return layout(p, { title: p.t("org.title"), section: "organisations", body });
}

/** Reads an edit form into the patch `updateOrganisation` takes (every field: the form shows them all). */
export function organisationForm(form: Record<string, unknown>): {
  name?: string;
  short?: string;
  aliases: string[];
  parent: string | null;
  review: boolean;
} {
  const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string).trim() : "");
  return {
    name: text("name") || undefined,
    short: text("short") || undefined,
    aliases: text("aliases")
      .split(/\r?\n/)
      .map((a) => a.trim())
      .filter(Boolean),
    parent: text("parent") || null,
    review: form.review === "on" || form.review === "true",
  };
}
