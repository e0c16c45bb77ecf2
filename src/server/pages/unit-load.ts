/**
 * Tình hình thực hiện theo đơn vị (/task-load): per body with assigned work — items, open, done,
 * done on time and the on-time rate, late, the next due date — over the period and directive chosen
 * on the dashboard's filter (the same form).
 */
import { html } from "hono/html";
import type { UnitLoad } from "../../store/task-views.js";
import { tn } from "../i18n.js";
import { type DashboardForm, dashboardFilters, dashboardHref, type FilterChoices } from "./dashboard.js";
import { formatDate } from "./format.js";
import { type Html, layout, notice, type PageContext } from "./layout.js";

/** What the page shows. */
export interface UnitLoadView {
  form: DashboardForm;
  choices: FilterChoices;
  units: UnitLoad[];
}

const rate = (p: PageContext, r: number | null) =>
  r === null ? p.t("dash.none") : `${r.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB")}%`;

function row(p: PageContext, v: UnitLoadView, u: UnitLoad): Html {
  const focus = u.orgKey ? dashboardHref({ ...v.form, org: u.orgKey }) : null;
  return html`<tr data-body="${u.body}">
    <th scope="row">${focus ? html`<a href="${focus}">${u.label}</a>` : u.label}</th>
    <td class="num">${u.counts.total}</td>
    <td class="num" data-col="undated">${u.undated.total}</td>
    <td class="num">${u.open}</td>
    <td class="num">${u.done}</td>
    <td class="num">${u.doneOnTime}</td>
    <td class="num">${rate(p, u.onTimeRate)}</td>
    <td class="num ${u.overdue ? "is-late" : ""}">${u.overdue}</td>
    <td class="nowrap">${u.nextDue ? formatDate(u.nextDue) : "—"}</td>
  </tr>`;
}

/** The page. */
export function unitLoadPage(p: PageContext, v: UnitLoadView): Html {
  const content =
    v.units.length === 0
      ? html`<div class="empty"><p>${p.t("load.empty")}</p></div>`
      : html`<p class="results-count" role="status">${tn(p.lang, "load.count", v.units.length)}</p>
        <div class="table-wrap"><table class="table tv-load">
          <thead><tr>
            <th scope="col">${p.t("load.unit")}</th><th scope="col" class="num">${p.t("load.total")}</th>
            <th scope="col" class="num">${p.t("load.undated")}</th>
            <th scope="col" class="num">${p.t("load.open")}</th><th scope="col" class="num">${p.t("load.done")}</th>
            <th scope="col" class="num">${p.t("load.doneOnTime")}</th><th scope="col" class="num">${p.t("load.onTimeRate")}</th>
            <th scope="col" class="num">${p.t("load.overdue")}</th><th scope="col">${p.t("load.nextDue")}</th>
          </tr></thead>
          <tbody>${v.units.map((u) => row(p, v, u))}</tbody>
        </table></div>`;
  const body = html`<div class="page page-unit-load">
    <div class="page-head"><div><h1 class="page-title">${p.t("load.title")}</h1>
      <p class="muted">${p.t("load.intro")}</p></div></div>
    ${v.form.invalid ? notice("error", p.t("dash.invalidDates")) : ""}
    ${dashboardFilters(p, v.form, v.choices, "/task-load")}
    ${content}
  </div>`;
  return layout(p, { title: p.t("load.title"), section: "dashboard", body });
}
