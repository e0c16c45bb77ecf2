/** Sổ văn bản đến: the viewer's unit's incoming register for a year. */
import { html } from "hono/html";
import type { RegisterEntry } from "../../store/register.js";
import { tn } from "../i18n.js";
import { formatDate } from "./format.js";
import { type Html, layout, type PageContext } from "./layout.js";

/** The page of a register line's document (found by file and record id, which outlive a re-parse). */
function documentLink(l: RegisterEntry): string {
  return `/documents/open?file=${l.fileId}&record=${encodeURIComponent(l.recordId)}`;
}

/** The years the selector offers: the chosen one, this one and the ten before. */
export function registerYears(chosen: number, current: number): number[] {
  const years = new Set<number>([chosen]);
  for (let y = current; y > current - 10; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}

/** The register page; `lines` null when the viewer belongs to no unit. */
export function registerPage(
  p: PageContext,
  q: { year: number; currentYear: number; lines: RegisterEntry[] | null },
): Html {
  const form = html`<form class="year-form" method="get" action="/register">
    <label class="field-label" for="year">${p.t("register.year")}</label>
    <select id="year" name="year">${registerYears(q.year, q.currentYear).map(
      (y) => html`<option value="${y}" ${y === q.year ? "selected" : ""}>${y}</option>`,
    )}</select>
    <button type="submit" class="button">${p.t("register.show")}</button>
  </form>`;
  let content: Html;
  if (q.lines === null) content = html`<div class="empty"><p>${p.t("register.noUnit")}</p></div>`;
  else if (q.lines.length === 0)
    content = html`<div class="empty"><p>${p.t("register.empty", { year: q.year })}</p>
      <p class="muted">${p.t("register.emptyHint")}</p></div>`;
  else
    content = html`<p class="results-count" role="status">${tn(p.lang, "register.count", q.lines.length, { year: q.year })}</p>
    <div class="table-wrap"><table class="table register-table">
      <thead><tr>
        <th scope="col" class="num">${p.t("register.number")}</th>
        <th scope="col">${p.t("register.receivedOn")}</th>
        <th scope="col">${p.t("register.symbol")}</th>
        <th scope="col">${p.t("register.date")}</th>
        <th scope="col">${p.t("register.issuer")}</th>
        <th scope="col">${p.t("register.subject")}</th>
        <th scope="col">${p.t("register.handler")}</th>
      </tr></thead>
      <tbody>${q.lines.map(
        (l) => html`<tr>
          <td class="num"><strong>${l.number}</strong></td>
          <td class="nowrap">${formatDate(l.receivedOn)}</td>
          <td class="nowrap"><a href="${documentLink(l)}">${l.symbol ?? p.t("docs.noSymbol")}</a></td>
          <td class="nowrap">${formatDate(l.date)}</td>
          <td>${l.issuer ?? ""}</td>
          <td>${l.subject ?? ""}${l.note ? html`<div class="muted small">${p.t("register.note")}: ${l.note}</div>` : ""}</td>
          <td>${l.handler ?? ""}</td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  const body = html`<div class="page page-register">
    <div class="page-head">
      <div>
        <h1 class="page-title">${p.t("register.title")} ${q.year}</h1>
        ${p.unitName ? html`<p class="muted">${p.t("register.unit", { unit: p.unitName })}</p>` : ""}
      </div>
      ${form}
    </div>
    ${content}
  </div>`;
  return layout(p, { title: `${p.t("register.title")} ${q.year}`, section: "register", body });
}
