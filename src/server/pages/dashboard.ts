/**
 * Bảng tổng hợp (/dashboard): a leader's view across directives for a period (a month, a quarter, six
 * months, a year, dates of one's own, or everything), a body and a directive — the key numbers,
 * the items by status, the directives with the most open items and their progress, the bodies with
 * the most late items, and each month's due, done and late items. Charts are inline SVG with their
 * numbers as tables; the filter is a GET form with links to the previous and next period.
 */
import { html } from "hono/html";
import { itemStatuses } from "../../store/task-model.js";
import type { Dashboard, DirectiveChoice } from "../../store/task-views.js";
import { isoDate, monthEnd } from "../../store/task-views-sql.js";
import { barChart, columnChart, donutChart, statusColours, undatedColour } from "./charts.js";
import { formatDate } from "./format.js";
import { type Html, layout, notice, type PageContext } from "./layout.js";

/** The kinds of period a leader picks. */
export const periodKinds = ["month", "quarter", "half", "year", "custom", "all"] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** The filter, as read from the address. */
export interface DashboardForm {
  period: PeriodKind;
  /** A day inside the period (month, quarter, half, year): today unless the address says. */
  at: string;
  /** The custom period's bounds, as typed. */
  from: string;
  to: string;
  /** A body's organisations key, a directive's identity key ("" for all). */
  org: string;
  directive: string;
  /** The custom dates were not a period (bad date, or the start after the end). */
  invalid: boolean;
}

/** What the filter's lists offer. */
export interface FilterChoices {
  /** The office's units that stand for a body. */
  units: Array<{ orgKey: string; name: string }>;
  directives: DirectiveChoice[];
}

/** Reads the filter; the default is this year. */
export function readDashboardForm(params: URLSearchParams, today: string): DashboardForm {
  const kind = params.get("period");
  const period: PeriodKind = (periodKinds as readonly string[]).includes(kind ?? "")
    ? (kind as PeriodKind)
    : "year";
  const from = (params.get("from") ?? "").trim();
  const to = (params.get("to") ?? "").trim();
  const text = (name: string, max: number) => (params.get(name) ?? "").trim().slice(0, max);
  const invalid =
    period === "custom" &&
    ((from !== "" && !isoDate(from)) || (to !== "" && !isoDate(to)) || (!!from && !!to && from > to));
  return {
    period,
    at: isoDate(params.get("at")) ?? today,
    from: isoDate(from) ?? "",
    to: isoDate(to) ?? "",
    org: text("org", 300),
    directive: text("directive", 500),
    invalid,
  };
}

/** The first and last day of the form's period (null: open). */
export function periodRange(form: DashboardForm): { from: string | null; to: string | null } {
  const [y, m] = form.at.split("-").map(Number) as [number, number];
  const span = (firstMonth: number, months: number) => {
    const from = `${y}-${String(firstMonth).padStart(2, "0")}-01`;
    const last = `${y}-${String(firstMonth + months - 1).padStart(2, "0")}-01`;
    return { from, to: monthEnd(last) };
  };
  switch (form.period) {
    case "month":
      return span(m, 1);
    case "quarter":
      return span(3 * Math.floor((m - 1) / 3) + 1, 3);
    case "half":
      return span(m <= 6 ? 1 : 7, 6);
    case "year":
      return span(1, 12);
    case "custom":
      return form.invalid ? { from: null, to: null } : { from: form.from || null, to: form.to || null };
    default:
      return { from: null, to: null };
  }
}

const monthsOf: Partial<Record<PeriodKind, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

/** A day in the period `steps` periods away. */
function shifted(form: DashboardForm, steps: number): string {
  const months = monthsOf[form.period] ?? 0;
  const [y, m] = form.at.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + steps * months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The address of the dashboard (or `path`) with this filter. */
export function dashboardHref(form: DashboardForm, path = "/dashboard"): string {
  const params = new URLSearchParams({ period: form.period });
  if (monthsOf[form.period]) params.set("at", form.at);
  if (form.period === "custom") {
    if (form.from) params.set("from", form.from);
    if (form.to) params.set("to", form.to);
  }
  if (form.org) params.set("org", form.org);
  if (form.directive) params.set("directive", form.directive);
  return `${path}?${params}`;
}

/** The period in words: "Quý II/2024", "Năm 2025", or its dates. */
export function periodLabel(p: PageContext, form: DashboardForm): string {
  const [y, m] = form.at.split("-").map(Number) as [number, number];
  const quarter = Math.floor((m - 1) / 3);
  switch (form.period) {
    case "month":
      return p.t("dash.label.month", { m, y });
    case "quarter":
      return p.t("dash.label.quarter", {
        q: p.lang === "vi" ? ["I", "II", "III", "IV"][quarter]! : quarter + 1,
        y,
      });
    case "half":
      return p.t(m <= 6 ? "dash.label.half1" : "dash.label.half2", { y });
    case "year":
      return p.t("dash.label.year", { y });
    default: {
      const r = periodRange(form);
      return r.from || r.to
        ? p.t("dash.range", { from: formatDate(r.from) || "…", to: formatDate(r.to) || "…" })
        : p.t("dash.rangeAll");
    }
  }
}

/** The filter form (also on /task-load): period, dates, body, directive. */
export function dashboardFilters(
  p: PageContext,
  form: DashboardForm,
  choices: FilterChoices,
  action: string,
): Html {
  const directives =
    choices.directives.some((d) => d.key === form.directive) || !form.directive
      ? choices.directives
      : [
          { key: form.directive, documentId: null, symbol: form.directive, date: null, subject: null },
          ...choices.directives,
        ];
  const units =
    choices.units.some((u) => u.orgKey === form.org) || !form.org
      ? choices.units
      : [{ orgKey: form.org, name: form.org }, ...choices.units];
  return html`<form class="tv-filters dash-filters" method="get" action="${action}">
    <div><label class="field-label" for="dash-period">${p.t("dash.period")}</label>
      <select id="dash-period" name="period">${periodKinds.map(
        (k) =>
          html`<option value="${k}" ${k === form.period ? "selected" : ""}>${p.t(`dash.period.${k}`)}</option>`,
      )}</select></div>
    <div><label class="field-label" for="dash-at">${p.t("dash.at")}</label>
      <input id="dash-at" name="at" type="date" value="${form.at}" /></div>
    <div><label class="field-label" for="dash-from">${p.t("dash.from")}</label>
      <input id="dash-from" name="from" type="date" value="${form.from}" /></div>
    <div><label class="field-label" for="dash-to">${p.t("dash.to")}</label>
      <input id="dash-to" name="to" type="date" value="${form.to}" /></div>
    <div><label class="field-label" for="dash-org">${p.t("dash.unit")}</label>
      <select id="dash-org" name="org"><option value="">${p.t("dash.allUnits")}</option>${units.map(
        (u) =>
          html`<option value="${u.orgKey}" ${u.orgKey === form.org ? "selected" : ""}>${u.name}</option>`,
      )}</select></div>
    <div><label class="field-label" for="dash-directive">${p.t("dash.directive")}</label>
      <select id="dash-directive" name="directive"><option value="">${p.t("dash.allDirectives")}</option>${directives.map(
        (d) =>
          html`<option value="${d.key}" ${d.key === form.directive ? "selected" : ""}>${[d.symbol, formatDate(d.date)].filter(Boolean).join(" · ")}</option>`,
      )}</select></div>
    <div class="tv-filter-actions"><button type="submit" class="button primary">${p.t("dash.show")}</button></div>
  </form>`;
}

const percentText = (p: PageContext, n: number | null) =>
  n === null ? p.t("dash.none") : `${n.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB")}%`;

function stats(p: PageContext, d: Dashboard): Html {
  const share = d.counts.total ? Math.round((1000 * d.counts.done) / d.counts.total) / 10 : null;
  return html`<dl class="tv-stats dash-stats">
    <div><dt>${p.t("dash.total")}</dt><dd data-stat="total">${d.counts.total.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB")}</dd></div>
    <div><dt>${p.t("dash.done")}</dt><dd data-stat="done">${d.counts.done.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB")}</dd>
      ${share === null ? "" : html`<dd class="muted small">${p.t("dash.percentOf", { percent: share.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB") })}</dd>`}</div>
    <div><dt>${p.t("dash.undated")}</dt><dd data-stat="undated">${d.undated.total.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB")}</dd>
      <dd class="muted small">${p.t("dash.undatedHint")}</dd></div>
    <div><dt>${p.t("dash.onTimeRate")}</dt><dd data-stat="on-time-rate">${percentText(p, d.onTimeRate)}</dd></div>
    <div><dt>${p.t("dash.overdue")}</dt><dd data-stat="overdue" class="${d.counts.overdue ? "is-late" : ""}">${d.counts.overdue.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB")}</dd></div>
  </dl>`;
}

function charts(p: PageContext, form: DashboardForm, d: Dashboard): Html {
  const status = (s: (typeof itemStatuses)[number]) => ({
    label: p.t(`tv.status.${s}`),
    colour: statusColours[s],
  });
  const slices = itemStatuses.map((s) => ({ ...status(s), value: d.counts[s] }));
  const donut = donutChart(p, {
    id: "chart-status",
    title: p.t("dash.byStatus"),
    desc: p.t("chart.statusDesc", {
      total: d.counts.total,
      parts: slices.map((s) => `${s.label} ${s.value}`).join(", "),
    }),
    slices,
    centre: p.t("chart.count"),
  });
  // Each status split into due in the period and without a deadline (không thời hạn), never mixed.
  const deadlineSeries = [
    { label: p.t("chart.dated"), colour: statusColours.in_progress },
    { label: p.t("chart.undated"), colour: undatedColour },
  ];
  const byDeadline = barChart(p, {
    id: "chart-deadline",
    title: p.t("dash.byDeadline"),
    desc: p.t("chart.deadlineDesc"),
    series: deadlineSeries,
    rows: itemStatuses.map((s) => ({
      label: p.t(`tv.status.${s}`),
      values: [d.counts[s] - d.undated[s], d.undated[s]],
      note: String(d.counts[s]),
    })),
    columns: [p.t("tv.col.status"), ...deadlineSeries.map((s) => s.label), p.t("chart.count")],
  });
  const directiveSeries = [
    status("done"),
    { ...status("in_progress"), label: p.t("chart.open") },
    status("overdue"),
  ];
  const byDirective = barChart(p, {
    id: "chart-directives",
    title: p.t("dash.byDirective"),
    desc: p.t("chart.directiveDesc", { n: d.directives.length }),
    series: directiveSeries,
    perRow: true,
    rows: d.directives.map((x) => ({
      label: [x.symbol, x.subject].filter(Boolean).join(" — ") || p.t("docs.noSymbol"),
      href: x.documentId === null ? undefined : `/documents/${x.documentId}/tasks`,
      values: [x.counts.done, x.counts.new + x.counts.in_progress, x.counts.overdue],
      note: percentText(p, x.percentDone),
    })),
    columns: [p.t("tv.col.directive"), ...directiveSeries.map((s) => s.label), p.t("chart.progress")],
  });
  const byUnit = barChart(p, {
    id: "chart-units",
    title: p.t("dash.byUnit"),
    desc: p.t("chart.unitDesc", { n: d.units.length }),
    series: [
      status("overdue"),
      { ...status("in_progress"), label: p.t("chart.open") },
      { label: p.t("chart.openUndated"), colour: undatedColour },
    ],
    rows: d.units.map((u) => {
      const undatedOpen = u.undated.new + u.undated.in_progress;
      return {
        label: u.label,
        href: u.orgKey ? dashboardHref({ ...form, org: u.orgKey }) : undefined,
        values: [u.overdue, u.open - u.overdue - undatedOpen, undatedOpen],
        note: String(u.overdue),
      };
    }),
    columns: [
      p.t("load.unit"),
      p.t("chart.overdue"),
      p.t("chart.open"),
      p.t("chart.openUndated"),
      p.t("load.overdue"),
    ],
  });
  const monthSeries = [
    { label: p.t("chart.due"), colour: "#8a94a6" },
    { label: p.t("chart.done"), colour: statusColours.done },
    { label: p.t("chart.overdue"), colour: statusColours.overdue },
  ];
  const byMonth = columnChart(p, {
    id: "chart-months",
    title: p.t("dash.byMonth"),
    desc: p.t("chart.monthDesc"),
    series: monthSeries,
    columnHeader: p.t("chart.month"),
    // The undated items last, as their own group: due in no month.
    groups: [
      ...d.months.map((m) => ({ label: formatDate(m.month), values: [m.due, m.done, m.overdue] })),
      ...(d.undated.total > 0
        ? [
            {
              label: p.t("chart.undated"),
              values: [d.undated.total - d.undated.cancelled, d.undated.done, d.undated.overdue],
            },
          ]
        : []),
    ],
  });
  return html`<div class="dash-grid">
    <section class="dash-card">${donut}</section>
    <section class="dash-card dash-wide">${byMonth}</section>
    <section class="dash-card dash-wide">${byDeadline}</section>
    <section class="dash-card dash-wide">${byDirective}</section>
    <section class="dash-card dash-wide">${byUnit}
      <p><a href="${dashboardHref(form, "/task-load")}">${p.t("dash.moreLoad")}</a></p></section>
  </div>`;
}

/** The page. */
export function dashboardPage(
  p: PageContext,
  v: { form: DashboardForm; choices: FilterChoices; data: Dashboard },
): Html {
  const { form, data } = v;
  const stepping = monthsOf[form.period]
    ? html`<nav class="dash-steps" aria-label="${p.t("dash.period")}">
        <a rel="prev" href="${dashboardHref({ ...form, at: shifted(form, -1) })}">‹ ${p.t("dash.prev")}</a>
        <a rel="next" href="${dashboardHref({ ...form, at: shifted(form, 1) })}">${p.t("dash.next")} ›</a></nav>`
    : "";
  const range = periodRange(form);
  const body = html`<div class="page page-dashboard">
    <div class="page-head"><div><h1 class="page-title">${p.t("dash.title")}</h1>
      <p class="muted">${p.t("dash.intro")}</p></div></div>
    ${form.invalid ? notice("error", p.t("dash.invalidDates")) : ""}
    ${dashboardFilters(p, form, v.choices, "/dashboard")}
    <div class="dash-period"><h2>${periodLabel(p, form)}</h2>
      ${range.from && range.to && form.period !== "custom" ? html`<span class="muted">${p.t("dash.range", { from: formatDate(range.from), to: formatDate(range.to) })}</span>` : ""}
      ${stepping}</div>
    ${stats(p, data)}
    ${data.counts.total === 0 ? html`<div class="empty"><p>${p.t("dash.empty")}</p></div>` : charts(p, form, data)}
  </div>`;
  return layout(p, { title: p.t("dash.title"), section: "dashboard", body });
}
