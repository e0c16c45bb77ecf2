/**
 * Văn bản chưa phản hồi: per unit, the directives it was sent to act on and has not answered with a
 * document of its own — what a leader checks to see which units lag.
 */
import { html } from "hono/html";
import { lagDays } from "../../link/cascade.js";
import type { GraphNode } from "../../link/graph.js";
import { tn } from "../i18n.js";
import { cascadeHref, nodeFacts } from "./cascade-tree.js";
import { todayInVietnam } from "./format.js";
import { type Html, layout, type PageContext } from "./layout.js";

/** A unit and what it has not answered. */
export interface UnansweredUnit {
  unit: { key: string; name: string; short: string };
  directives: GraphNode[];
}

/** What the page shows: the units (filtered to one when `unit` is set) and the filter's choices. */
export interface UnansweredView {
  unit: string;
  choices: Array<{ key: string; short: string }>;
  units: UnansweredUnit[];
}

function directive(p: PageContext, d: GraphNode, today: string): Html {
  const age = lagDays(d.date, today);
  return html`<li class="unanswered-directive">
    <span class="cnode-line"><a class="cnode-symbol" href="${cascadeHref(d.key)}">${d.symbol}</a>
      ${nodeFacts(p, d)}
      ${age !== null && age >= 0 ? html`<span class="cnode-lag" title="${p.t("unanswered.ageTitle")}">${tn(p.lang, "unanswered.age", age)}</span>` : ""}</span>
    ${d.subject ? html`<span class="cnode-subject">${d.subject}</span>` : ""}
  </li>`;
}

/** The page. */
export function unansweredPage(p: PageContext, v: UnansweredView): Html {
  const today = todayInVietnam();
  const form = html`<form class="year-form" method="get" action="/unanswered">
    <label class="field-label" for="unit">${p.t("unanswered.unit")}</label>
    <select id="unit" name="unit">
      <option value="">${p.t("unanswered.allUnits")}</option>
      ${v.choices.map((c) => html`<option value="${c.key}" ${c.key === v.unit ? "selected" : ""}>${c.short}</option>`)}
    </select>
    <button type="submit" class="button">${p.t("unanswered.show")}</button>
  </form>`;
  const content =
    v.units.length === 0
      ? html`<div class="empty"><p>${p.t("unanswered.empty")}</p></div>`
      : html`<p class="results-count" role="status">${tn(p.lang, "unanswered.units", v.units.length)}</p>
        <ul class="plain-list unanswered-units">${v.units.map(
          (u) => html`<li class="unanswered-unit" data-unit="${u.unit.key}">
            <h2><span>${u.unit.short}</span>
              <span class="badge badge-silent">${tn(p.lang, "unanswered.count", u.directives.length)}</span></h2>
            ${u.unit.name !== u.unit.short ? html`<p class="muted small">${u.unit.name}</p>` : ""}
            <ul class="plain-list">${u.directives.map((d) => directive(p, d, today))}</ul>
          </li>`,
        )}</ul>`;
  const body = html`<div class="page page-unanswered">
    <div class="page-head">
      <div><h1 class="page-title">${p.t("unanswered.title")}</h1>
        <p class="muted">${p.t("unanswered.intro")}</p></div>
      ${form}
    </div>
    ${content}
  </div>`;
  return layout(p, { title: p.t("unanswered.title"), section: "unanswered", body });
}
