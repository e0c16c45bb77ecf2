/**
 * Charts drawn on the server as inline SVG: no script, nothing to load, printable. Each is a
 * <figure> whose SVG is an image with a title and a description (role="img", aria-labelledby), its
 * parts titled for a pointer, and under it the same numbers as a table for a screen reader, a
 * keyboard or a copy into a report. Colours are SVG attributes (the CSP allows no inline style).
 */
import { html } from "hono/html";
import type { ItemStatus } from "../../store/task-model.js";
import type { Html, PageContext } from "./layout.js";

/** The colour of each shown status: calm for what is on track, the office red for what is late. */
export const statusColours: Record<ItemStatus, string> = {
  new: "#8a94a6",
  in_progress: "#1b4b85",
  done: "#1e6b3a",
  overdue: "#9e1c1c",
  cancelled: "#cfc9bd",
};

/** The colour of the items without a due date (không thời hạn): apart from every status's. */
export const undatedColour = "#b08a2e";

/** One series of a chart: its name and colour. */
export interface Series {
  label: string;
  colour: string;
}

/** What every chart has: an id (unique on the page), a title and a one-sentence description. */
interface ChartText {
  id: string;
  title: string;
  desc: string;
}

const number = (p: PageContext, n: number) => n.toLocaleString(p.lang === "vi" ? "vi-VN" : "en-GB");

/** Shortens a label to `max` characters for the drawing (the full one is in its title and the table). */
function short(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

function figure(p: PageContext, c: ChartText, svg: Html, legend: Html, table: Html): Html {
  return html`<figure class="chart" id="${c.id}">
    <figcaption class="chart-title" id="${c.id}-title">${c.title}</figcaption>
    ${svg}
    ${legend}
    <details class="chart-data">
      <summary class="chart-data-toggle">${p.t("chart.table")}</summary>
      <div class="table-wrap">${table}</div>
    </details>
  </figure>`;
}

function legendOf(series: readonly Series[]): Html {
  return html`<ul class="chart-legend">
    ${series.map(
      (s) =>
        html`<li><svg width="12" height="12" aria-hidden="true" focusable="false"><rect width="12" height="12" rx="2" fill="${s.colour}" /></svg> ${s.label}</li>`,
    )}
  </ul>`;
}

/** A ring of slices, the total in its centre. Slices of 0 are left out of the drawing, not the table. */
export function donutChart(
  p: PageContext,
  c: ChartText & { slices: Array<Series & { value: number }>; centre: string },
): Html {
  const total = c.slices.reduce((n, s) => n + s.value, 0);
  const r = 60;
  const circumference = 2 * Math.PI * r;
  let offset = 0;
  const arcs = c.slices
    .filter((s) => s.value > 0)
    .map((s) => {
      const length = (s.value / total) * circumference;
      const arc = html`<circle cx="80" cy="80" r="${r}" fill="none" stroke="${s.colour}" stroke-width="26"
        stroke-dasharray="${length.toFixed(2)} ${(circumference - length).toFixed(2)}"
        stroke-dashoffset="${(-offset).toFixed(2)}" transform="rotate(-90 80 80)"><title>${s.label}: ${number(p, s.value)}</title></circle>`;
      offset += length;
      return arc;
    });
  const svg = html`<svg class="chart-svg chart-donut" viewBox="0 0 160 160" width="160" height="160" role="img"
    aria-labelledby="${c.id}-title ${c.id}-desc">
    <title>${c.title}</title><desc id="${c.id}-desc">${c.desc}</desc>
    <circle cx="80" cy="80" r="${r}" fill="none" stroke="#ebe8e1" stroke-width="26" />
    ${arcs}
    <text x="80" y="78" text-anchor="middle" font-size="22" font-weight="600" fill="#1c1f24">${number(p, total)}</text>
    <text x="80" y="98" text-anchor="middle" font-size="11" fill="#5a6270">${c.centre}</text>
  </svg>`;
  const table = html`<table class="table table-compact">
    <thead><tr><th scope="col"></th><th scope="col" class="num">${p.t("chart.count")}</th><th scope="col" class="num">%</th></tr></thead>
    <tbody>${c.slices.map(
      (s) => html`<tr><th scope="row">${s.label}</th><td class="num">${number(p, s.value)}</td>
        <td class="num">${total ? ((100 * s.value) / total).toFixed(1) : "0"}</td></tr>`,
    )}</tbody>
  </table>`;
  return figure(p, c, svg, legendOf(c.slices), table);
}

/** A row of a bar chart: a label, its parts (stacked, in the series' order), a link. */
export interface BarRow {
  label: string;
  href?: string;
  values: number[];
  /** Written after the bar ("45%", "12"). */
  note: string;
}

/**
 * Horizontal stacked bars, one row per item, scaled to `max` (the largest row's sum when absent), or
 * each to its own sum (`perRow`: shares, as progress bars). Each row links to `href` when given.
 */
export function barChart(
  p: PageContext,
  c: ChartText & { series: Series[]; rows: BarRow[]; max?: number; perRow?: boolean; columns: string[] },
): Html {
  const rowHeight = 26;
  const labelWidth = 300;
  const barWidth = 480;
  const width = labelWidth + barWidth + 70;
  const height = Math.max(1, c.rows.length) * rowHeight + 8;
  const max = c.max ?? Math.max(1, ...c.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const rows = c.rows.map((row, i) => {
    const y = 4 + i * rowHeight;
    let x = labelWidth;
    const scale = c.perRow ? row.values.reduce((a, b) => a + b, 0) : max;
    const parts = row.values.map((v, k) => {
      const w = scale > 0 ? (v / scale) * barWidth : 0;
      const rect =
        w > 0
          ? html`<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 10}" fill="${c.series[k]!.colour}"><title>${row.label} — ${c.series[k]!.label}: ${number(p, v)}</title></rect>`
          : "";
      x += w;
      return rect;
    });
    const label = html`<text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end" font-size="12" fill="#1b4b85">${short(row.label, 46)}<title>${row.label}</title></text>`;
    return html`<g>
      <rect x="${labelWidth}" y="${y + 4}" width="${barWidth}" height="${rowHeight - 10}" fill="#f1efea" />
      ${row.href ? html`<a href="${row.href}">${label}</a>` : label}
      ${parts}
      <text x="${labelWidth + barWidth + 6}" y="${y + rowHeight / 2 + 4}" font-size="12" fill="#1c1f24">${row.note}</text>
    </g>`;
  });
  const svg = html`<svg class="chart-svg chart-bars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"
    preserveAspectRatio="xMinYMin meet" aria-labelledby="${c.id}-title ${c.id}-desc">
    <title>${c.title}</title><desc id="${c.id}-desc">${c.desc}</desc>
    ${rows}
  </svg>`;
  const table = html`<table class="table table-compact">
    <thead><tr>${c.columns.map((h, i) => html`<th scope="col" ${i ? html`class="num"` : ""}>${h}</th>`)}</tr></thead>
    <tbody>${c.rows.map(
      (r) => html`<tr><th scope="row">${r.href ? html`<a href="${r.href}">${r.label}</a>` : r.label}</th>
        ${r.values.map((v) => html`<td class="num">${number(p, v)}</td>`)}<td class="num">${r.note}</td></tr>`,
    )}</tbody>
  </table>`;
  return figure(
    p,
    c,
    c.rows.length ? svg : html`<p class="muted">${p.t("chart.noData")}</p>`,
    legendOf(c.series),
    table,
  );
}

/** A group of columns: one label (a month) and one value per series. */
export interface ColumnGroup {
  label: string;
  values: number[];
}

/** Grouped vertical columns with a scale, one group per label. */
export function columnChart(
  p: PageContext,
  c: ChartText & { series: Series[]; groups: ColumnGroup[]; columnHeader: string },
): Html {
  const plotHeight = 160;
  const left = 40;
  const groupWidth = Math.max(18, Math.min(54, Math.floor(640 / Math.max(1, c.groups.length))));
  const width = left + c.groups.length * groupWidth + 10;
  const height = plotHeight + 40;
  const max = Math.max(1, ...c.groups.flatMap((g) => g.values));
  const step = niceStep(max);
  const ticks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  const top =
    ticks[ticks.length - 1]! < max
      ? ticks[ticks.length - 1]! + step
      : Math.max(step, ticks[ticks.length - 1]!);
  const y = (v: number) => 10 + plotHeight - (v / top) * plotHeight;
  const barWidth = Math.max(3, Math.floor((groupWidth - 6) / c.series.length));
  // Every label when they fit, else every n-th.
  const every = Math.ceil(c.groups.length / 18);
  const svg = html`<svg class="chart-svg chart-columns" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"
    preserveAspectRatio="xMinYMin meet" aria-labelledby="${c.id}-title ${c.id}-desc">
    <title>${c.title}</title><desc id="${c.id}-desc">${c.desc}</desc>
    ${[...new Set([...ticks, top])].map(
      (
        t,
      ) => html`<line x1="${left}" x2="${width - 4}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ebe8e1" />
        <text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="10" fill="#5a6270">${number(p, t)}</text>`,
    )}
    ${c.groups.map((g, i) => {
      const x0 = left + i * groupWidth + 3;
      return html`<g>
        ${g.values.map((v, k) =>
          v > 0
            ? html`<rect x="${x0 + k * barWidth}" y="${y(v).toFixed(1)}" width="${barWidth - 1}" height="${(10 + plotHeight - y(v)).toFixed(1)}" fill="${c.series[k]!.colour}"><title>${g.label} — ${c.series[k]!.label}: ${number(p, v)}</title></rect>`
            : "",
        )}
        ${i % every === 0 ? html`<text x="${x0 + (barWidth * c.series.length) / 2}" y="${height - 12}" text-anchor="middle" font-size="10" fill="#5a6270">${g.label}</text>` : ""}
      </g>`;
    })}
  </svg>`;
  const table = html`<table class="table table-compact">
    <thead><tr><th scope="col">${c.columnHeader}</th>${c.series.map((s) => html`<th scope="col" class="num">${s.label}</th>`)}</tr></thead>
    <tbody>${c.groups.map(
      (g) =>
        html`<tr><th scope="row">${g.label}</th>${g.values.map((v) => html`<td class="num">${number(p, v)}</td>`)}</tr>`,
    )}</tbody>
  </table>`;
  return figure(
    p,
    c,
    c.groups.length ? svg : html`<p class="muted">${p.t("chart.noData")}</p>`,
    legendOf(c.series),
    table,
  );
}

/** A round step for a scale up to `max`: 1, 2, 5 × a power of ten, about four ticks. */
export function niceStep(max: number): number {
  const raw = Math.max(1, max) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, Math.round(step));
}

/** A progress bar as a native meter: read by assistive technology as a value out of 100. */
export function progressMeter(p: PageContext, percent: number | null, label: string): Html {
  return html`<div class="progress-line">
    <meter class="progress-meter" min="0" max="100" low="50" high="80" optimum="100" value="${percent ?? 0}"
      aria-label="${label}">${percent ?? 0}%</meter>
    <span class="progress-value">${percent === null ? p.t("dash.none") : `${number(p, percent)}%`}</span>
  </div>`;
}
