/**
 * Periodic reports through the API: `POST /api/reports` answers the report itself, a DOCX laid out
 * as an official report (NĐ 30/2020) or an XLSX of the task items, for a period of NĐ 09/2019 and
 * the chosen directives and/or lead units, counted as the viewer may read them. The heading starts
 * from the viewer's unit's body; each part may be given.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { todayInVietnam } from "../../clock.js";
import { reportDocx } from "../../report/docx.js";
import { type ReportFormat, reportFormats, reportMediaTypes } from "../../report/formats.js";
import { withChanges } from "../../report/heading.js";
import { periodKinds, periodsInYear, reportPeriod } from "../../report/period.js";
import type { ReportData, ReportHeading } from "../../report/types.js";
import { reportXlsx } from "../../report/xlsx.js";
import { can, type Viewer } from "../../store/access.js";
import type { Sql } from "../../store/db.js";
import { defaultReportHeading, reportData } from "../../store/task-report.js";
import { ApiError } from "../errors.js";
import { viewerOf } from "./auth.js";
import { contentDisposition } from "./documents.js";
import { errors } from "./schemas.js";
import type { Api } from "./types.js";

const line = (max: number) => z.string().max(max);

/** The parts of the heading a request may change. */
export const headingChanges = z
  .object({
    issuer: line(300),
    parentIssuer: line(300),
    system: z.enum(["state", "party"]),
    place: line(100),
    symbolCode: line(40),
    signerAuthority: line(200),
    signerPosition: line(200),
    signerName: line(200),
    recipients: z.array(line(300)).max(40),
    filing: line(200),
  })
  .partial()
  .openapi("ReportHeadingChanges");

/** What a report is asked for. */
export const reportRequest = z
  .object({
    kind: z.enum(periodKinds as [string, ...string[]]).openapi({ example: "quarterly" }),
    year: z.number().int().min(1945).max(9999).openapi({ example: 2026 }),
    index: z
      .number()
      .int()
      .min(1)
      .max(12)
      .default(1)
      .openapi({ description: "month 1–12, quarter 1–4, half 1–2; 1 for a year", example: 3 }),
    directiveIds: z
      .array(
        z
          .number()
          .int()
          .positive()
          .max(2 ** 31 - 1),
      )
      .max(200)
      .default([])
      .openapi({ description: "document ids of the directives; none: every readable one with tasks" }),
    orgKeys: z
      .array(z.string().min(1).max(300))
      .max(200)
      .default([])
      .openapi({ description: "body keys of the lead units; none: every unit" }),
    format: z.enum(reportFormats as [ReportFormat, ...ReportFormat[]]).default("docx"),
    date: z
      .union([z.literal(""), z.iso.date()])
      .optional()
      .openapi({
        description: 'the signing date on the place-and-date line; "" leaves it blank; default today',
      }),
    heading: headingChanges.optional(),
  })
  .superRefine((r, ctx) => {
    const count = periodsInYear(r.kind as (typeof periodKinds)[number]);
    if (r.index > count)
      ctx.addIssue({
        code: "custom",
        path: ["index"],
        message: `a ${r.kind} period's index runs from 1 to ${count}`,
      });
  })
  .openapi("ReportRequest");

/** A report request, validated. */
export type ReportRequest = z.infer<typeof reportRequest>;

/** A made report: its bytes, media type and file name. */
export interface MadeReport {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
  data: ReportData;
  heading: ReportHeading;
}

/**
 * Makes the report the request asks for, as the viewer may see it (the API and the /reports page).
 * Throws an ApiError 403 for a role that may not make reports.
 */
export async function makeReport(sql: Sql, viewer: Viewer, r: ReportRequest): Promise<MadeReport> {
  if (!can(viewer, "report.create")) throw new ApiError(403, "forbidden", "your role may not make reports");
  const period = reportPeriod(r.kind as (typeof periodKinds)[number], r.year, r.index);
  const data = await reportData(sql, viewer, { period, directiveIds: r.directiveIds, orgKeys: r.orgKeys });
  const heading = withChanges(await defaultReportHeading(sql, viewer), r.heading ?? {});
  const bytes =
    r.format === "docx"
      ? await reportDocx(data, heading, r.date ?? todayInVietnam())
      : await reportXlsx(data);
  const what = r.format === "docx" ? "Báo cáo" : "Nhiệm vụ";
  return {
    bytes,
    mediaType: reportMediaTypes[r.format],
    fileName: `${what} ${period.phrase}.${r.format}`,
    data,
    heading,
  };
}

/** The download answer's headers: the type, the Vietnamese file name (RFC 6266/5987), no caching. */
export function downloadHeaders(report: Pick<MadeReport, "mediaType" | "fileName">): Record<string, string> {
  return {
    "Content-Type": report.mediaType,
    "Content-Disposition": contentDisposition(report.fileName),
    "Cache-Control": "private, no-store",
  };
}

const reportRoute = createRoute({
  method: "post",
  path: "/api/reports",
  summary: "A periodic report on the progress of tasks (DOCX per NĐ 30/2020, or XLSX), as a download",
  request: { body: { content: { "application/json": { schema: reportRequest } }, required: true } },
  responses: {
    200: {
      content: {
        [reportMediaTypes.docx]: { schema: { type: "string", format: "binary" } },
        [reportMediaTypes.xlsx]: { schema: { type: "string", format: "binary" } },
      },
      description: "the report file, as an attachment",
    },
    ...errors(400, 401, 403),
  },
});

/** Adds the report route. */
export function reportRoutes(app: Api): void {
  app.openapi(reportRoute, async (c) => {
    const report = await makeReport(c.get("db"), viewerOf(c), c.req.valid("json"));
    return c.body(new Uint8Array(report.bytes) as Uint8Array<ArrayBuffer>, 200, downloadHeaders(report));
  });
}
