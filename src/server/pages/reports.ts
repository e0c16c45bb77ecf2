/**
 * Báo cáo định kỳ: a form choosing the period (kind, year, number), the directives the viewer may
 * read that have tasks, the lead units, the format, and the heading (filled in from the viewer's
 * unit). It posts to /reports, which answers the file itself as a download, so it works without
 * scripts; invalid input shows the form again with what was wrong.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { periodContaining, periodKinds, type ReportPeriod, reportPeriod } from "../../report/period.js";
import type { ReportHeading } from "../../report/types.js";
import { can, type Viewer } from "../../store/access.js";
import {
  defaultReportHeading,
  type ReportableDirective,
  type ReportableUnit,
  reportableDirectives,
  reportableUnits,
} from "../../store/task-report.js";
import { downloadHeaders, makeReport, reportRequest } from "../api/reports.js";
import type { AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import type { MessageKey } from "../i18n.js";
import { formatDate, todayInVietnam } from "./format.js";
import { csrfField, type Html, layout, notice, type PageContext } from "./layout.js";

type ContextOf = (c: Context<AppEnv>) => Promise<PageContext>;

/** What the form holds. */
export interface ReportFormValues {
  kind: string;
  year: string;
  index: string;
  directiveIds: number[];
  orgKeys: string[];
  format: string;
  date: string;
  heading: ReportHeading;
}

/** What the page shows. */
export interface ReportsView {
  values: ReportFormValues;
  directives: ReportableDirective[];
  units: ReportableUnit[];
  /** The period today falls in (quarterly), for the hint. */
  current: ReportPeriod;
  error?: string;
}

function viewerOf(c: Context<AppEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new Error("page route reached without a viewer: mount pages after the session gate");
  return viewer;
}

/** The form as it first shows: the quarter today is in, every directive and unit, DOCX, today. */
export function initialValues(heading: ReportHeading, today: string): ReportFormValues {
  const { year, index } = periodContaining("quarterly", today);
  return {
    kind: "quarterly",
    year: String(year),
    index: String(index),
    directiveIds: [],
    orgKeys: [],
    format: "docx",
    date: today,
    heading,
  };
}

type Form = Record<string, string | File | Array<string | File>>;

function all(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );
}

function one(form: Form, name: string): string {
  return (all(form, name)[0] ?? "").trim();
}

/** The posted form as values to show again. */
export function readReportForm(form: Form, base: ReportHeading): ReportFormValues {
  const system = one(form, "system");
  return {
    kind: one(form, "kind"),
    year: one(form, "year"),
    index: one(form, "index"),
    directiveIds: all(form, "directive")
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0),
    orgKeys: all(form, "unit")
      .map((u) => u.trim())
      .filter(Boolean),
    format: one(form, "format") || "docx",
    date: one(form, "date"),
    heading: {
      ...base,
      issuer: one(form, "issuer"),
      parentIssuer: one(form, "parentIssuer") || undefined,
      system: system === "party" ? "party" : "state",
      place: one(form, "place"),
      symbolCode: one(form, "symbolCode"),
      signerAuthority: one(form, "signerAuthority"),
      signerPosition: one(form, "signerPosition"),
      signerName: one(form, "signerName"),
      recipients: one(form, "recipients")
        .split(/\r?\n/)
        .map((r) => r.trim())
        .filter(Boolean),
    },
  };
}

/** The values as the report request the API validates. */
export function requestOf(v: ReportFormValues): unknown {
  const number = (s: string) => (/^\d{1,5}$/.test(s) ? Number(s) : s);
  return {
    kind: v.kind,
    year: number(v.year),
    index: number(v.index),
    directiveIds: v.directiveIds,
    orgKeys: v.orgKeys,
    format: v.format,
    date: v.date,
    heading: { ...v.heading, parentIssuer: v.heading.parentIssuer ?? "" },
  };
}

function input(
  id: string,
  label: string,
  value: string,
  o: { type?: string; max?: number; hint?: string } = {},
): Html {
  return html`<div class="filter">
    <label class="field-label" for="${id}">${label}</label>
    <input id="${id}" name="${id}" type="${o.type ?? "text"}" value="${value}" maxlength="${o.max ?? 300}"
      ${o.hint ? html`aria-describedby="${id}-hint"` : ""} />
    ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ""}
  </div>`;
}

function directiveChoice(p: PageContext, d: ReportableDirective, chosen: Set<number>): Html {
  const about = [d.type, d.date ? formatDate(d.date) : null, d.issuer].filter(Boolean).join(" · ");
  return html`<div class="report-choice"><label class="check">
    <input type="checkbox" name="directive" value="${String(d.documentId)}" ${chosen.has(d.documentId) ? "checked" : ""} />
    <span><strong>${d.symbol ?? p.t("docs.noSymbol")}</strong> <span class="muted small">${about}</span>
      ${d.subject ? html`<span class="small"> — ${d.subject}</span>` : ""}
      <span class="muted small"> (${p.t("reports.taskCount", { n: d.tasks })})</span></span>
  </label></div>`;
}

function unitChoice(p: PageContext, u: ReportableUnit, chosen: Set<string>): Html {
  return html`<div class="report-choice"><label class="check">
    <input type="checkbox" name="unit" value="${u.orgKey}" ${chosen.has(u.orgKey) ? "checked" : ""} />
    <span>${u.label} <span class="muted small">(${p.t("reports.itemCount", { n: u.items })})</span></span>
  </label></div>`;
}

/** The page. */
export function reportsPage(p: PageContext, v: ReportsView): Html {
  const f = v.values;
  const h = f.heading;
  const directives = new Set(f.directiveIds);
  const units = new Set(f.orgKeys);
  const body = html`<div class="page page-reports">
    <div class="page-head"><h1 class="page-title">${p.t("reports.title")}</h1></div>
    <p>${p.t("reports.intro")}</p>
    ${v.error ? notice("error", v.error) : ""}
    <form method="post" action="/reports" class="report-form stack">
      ${csrfField(p)}
      <fieldset class="filters">
        <legend>${p.t("reports.period")}</legend>
        <div class="filter">
          <label class="field-label" for="kind">${p.t("reports.kind")}</label>
          <select id="kind" name="kind">
            ${periodKinds.map(
              (k) =>
                html`<option value="${k}" ${f.kind === k ? "selected" : ""}>${p.t(`reports.kind.${k}` as MessageKey)}</option>`,
            )}
          </select>
        </div>
        ${input("year", p.t("reports.year"), f.year, { type: "number", max: 4 })}
        ${input("index", p.t("reports.index"), f.index, { type: "number", max: 2 })}
      </fieldset>
      <p class="hint">${p.t("reports.indexHint")}</p>
      <p class="hint">${p.t("reports.cutoffHint", {
        label: v.current.label,
        from: formatDate(v.current.from),
        to: formatDate(v.current.to),
      })}</p>

      <fieldset>
        <legend>${p.t("reports.directives")}</legend>
        <p class="hint">${p.t("reports.directivesHint")}</p>
        ${
          v.directives.length === 0
            ? html`<p class="muted">${p.t("reports.noDirectives")}</p>`
            : html`<div class="report-choices">${v.directives.map((d) => directiveChoice(p, d, directives))}</div>`
        }
      </fieldset>

      <fieldset>
        <legend>${p.t("reports.units")}</legend>
        <p class="hint">${p.t("reports.unitsHint")}</p>
        ${
          v.units.length === 0
            ? html`<p class="muted">${p.t("reports.noUnits")}</p>`
            : html`<div class="report-choices">${v.units.map((u) => unitChoice(p, u, units))}</div>`
        }
      </fieldset>

      <fieldset>
        <legend>${p.t("reports.format")}</legend>
        ${(["docx", "xlsx"] as const).map(
          (x) => html`<div><label class="check">
            <input type="radio" name="format" value="${x}" ${f.format === x ? "checked" : ""} />
            ${p.t(`reports.format.${x}`)}</label></div>`,
        )}
      </fieldset>

      <details class="report-heading" ${v.error ? "open" : ""}>
        <summary>${p.t("reports.heading")}</summary>
        <p class="hint">${p.t("reports.headingHint")}</p>
        <fieldset class="filters">
          <legend class="visually-hidden">${p.t("reports.heading")}</legend>
          <div class="filter filter-wide">
            <label class="field-label" for="system">${p.t("reports.system")}</label>
            <select id="system" name="system">
              ${(["state", "party"] as const).map(
                (s) =>
                  html`<option value="${s}" ${h.system === s ? "selected" : ""}>${p.t(`reports.system.${s}`)}</option>`,
              )}
            </select>
          </div>
          ${input("parentIssuer", p.t("reports.parentIssuer"), h.parentIssuer ?? "")}
          ${input("issuer", p.t("reports.issuer"), h.issuer)}
          ${input("place", p.t("reports.place"), h.place, { max: 100 })}
          ${input("symbolCode", p.t("reports.symbolCode"), h.symbolCode, { max: 40 })}
          ${input("date", p.t("reports.date"), f.date, { type: "date", hint: p.t("reports.dateHint") })}
          ${input("signerAuthority", p.t("reports.signerAuthority"), h.signerAuthority, { max: 200 })}
          ${input("signerPosition", p.t("reports.signerPosition"), h.signerPosition, { max: 200 })}
          ${input("signerName", p.t("reports.signerName"), h.signerName, { max: 200 })}
        </fieldset>
        <label class="field-label" for="recipients">${p.t("reports.recipients")}</label>
        <textarea id="recipients" name="recipients" rows="4" aria-describedby="recipients-hint">${h.recipients.join("\n")}</textarea>
        <p class="hint" id="recipients-hint">${p.t("reports.recipientsHint")}</p>
      </details>

      <button type="submit" class="button primary">${p.t("reports.submit")}</button>
    </form>
  </div>`;
  return layout(p, { title: p.t("reports.title"), section: "reports", body });
}

/** What was wrong with a request, in one line ("index: …; year: …"). */
function detailOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/** Adds /reports; call from mountPages before its catch-all. */
export function mountReportPages(app: Hono<AppEnv>, contextOf: ContextOf): void {
  const render = async (
    c: Context<AppEnv>,
    values: ReportFormValues,
    status: 200 | 400 | 403,
    error?: string,
  ) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const [directives, units] = await Promise.all([
      reportableDirectives(db, viewer),
      reportableUnits(db, viewer),
    ]);
    const today = todayInVietnam();
    const { year, index } = periodContaining("quarterly", today);
    const page = reportsPage(await contextOf(c), {
      values,
      directives,
      units,
      current: reportPeriod("quarterly", year, index),
      error,
    });
    return c.html(page, status);
  };

  app.get("/reports", async (c) => {
    const viewer = viewerOf(c);
    const heading = await defaultReportHeading(c.get("db"), viewer);
    const values = initialValues(heading, todayInVietnam());
    if (!can(viewer, "report.create"))
      return render(c, values, 403, (await contextOf(c)).t("reports.error.forbidden"));
    return render(c, values, 200);
  });

  app.post("/reports", async (c) => {
    const viewer = viewerOf(c);
    const p = await contextOf(c);
    const base = await defaultReportHeading(c.get("db"), viewer);
    const values = readReportForm(await c.req.parseBody({ all: true }), base);
    if (!can(viewer, "report.create")) return render(c, values, 403, p.t("reports.error.forbidden"));
    const checked = reportRequest.safeParse(requestOf(values));
    if (!checked.success)
      return render(c, values, 400, p.t("reports.error.invalid", { detail: detailOf(checked.error) }));
    try {
      const report = await makeReport(c.get("db"), viewer, checked.data);
      return c.body(new Uint8Array(report.bytes) as Uint8Array<ArrayBuffer>, 200, downloadHeaders(report));
    } catch (error) {
      if (error instanceof ApiError && error.status === 403)
        return render(c, values, 403, p.t("reports.error.forbidden"));
      throw error;
    }
  });
}
