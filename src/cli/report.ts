/**
 * `chidao report`: a periodic report (báo cáo định kỳ) on the progress of tasks, as an official
 * DOCX (NĐ 30/2020 layout) or an XLSX of the items, for chosen directives and/or lead units and a
 * period of NĐ 09/2019. `--as LOGIN` reports as that user: what the user may read, and the heading
 * of the user's unit's body; without it the command reads everything, as the one who holds the
 * database, and the heading needs `--issuer`.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { todayInVietnam } from "../clock.js";
import { reportDocx } from "../report/docx.js";
import type { ReportFormat } from "../report/formats.js";
import { withChanges } from "../report/heading.js";
import {
  PeriodError,
  type PeriodKind,
  periodKinds,
  type ReportPeriod,
  reportPeriod,
} from "../report/period.js";
import type { ReportHeading } from "../report/types.js";
import { reportXlsx } from "../report/xlsx.js";
import { can, type Viewer } from "../store/access.js";
import { defaultReportHeading, reportData } from "../store/task-report.js";
import {
  CommandError,
  cliViewer,
  type Io,
  ioOf,
  runCommand,
  UsageError,
  withStore,
} from "./store-command.js";
import { accountByLogin } from "./user.js";

/** The usage lines of `chidao report`. */
export const reportUsage = `  chidao report --period monthly|quarterly|6-monthly|yearly --year YYYY [--index N]
               [--directive ID]... [--unit ORGKEY]... [--format docx|xlsx] --out FILE
               [--as LOGIN] [--date YYYY-MM-DD|blank] [--issuer NAME] [--parent-issuer NAME]
               [--system state|party] [--place NAME] [--symbol-code BC-UBND] [--signer-authority TEXT]
               [--signer-position TEXT] [--signer-name NAME] [--recipient TEXT]... [--data DIR]
      a periodic report on the tasks of the chosen directives (document ids) and/or lead units
      (body keys), counted at the period's cut-off (NĐ 09/2019: the 14th of its last month); DOCX
      laid out as an official report, XLSX with one row per task item; --index is the month,
      quarter or half; the heading comes from the --as user's unit, each part overridable
`;

const options = {
  period: { type: "string" },
  year: { type: "string" },
  index: { type: "string" },
  directive: { type: "string", multiple: true },
  unit: { type: "string", multiple: true },
  format: { type: "string" },
  out: { type: "string" },
  as: { type: "string" },
  date: { type: "string" },
  issuer: { type: "string" },
  "parent-issuer": { type: "string" },
  system: { type: "string" },
  place: { type: "string" },
  "symbol-code": { type: "string" },
  "signer-authority": { type: "string" },
  "signer-position": { type: "string" },
  "signer-name": { type: "string" },
  recipient: { type: "string", multiple: true },
  data: { type: "string" },
} as const;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integer(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,4}$/.test(text.trim())) throw new UsageError(`--${name} takes a number, not "${text}"`);
  return Number(text.trim());
}

/** The period the options name. */
function periodOf(values: ReturnType<typeof parse>): ReportPeriod {
  const kind = values.period;
  if (!kind) throw new UsageError(`give --period (${periodKinds.join(", ")})`);
  if (!(periodKinds as readonly string[]).includes(kind))
    throw new UsageError(`--period is one of ${periodKinds.join(", ")}, not "${kind}"`);
  const year = integer(values.year, "year");
  if (year === undefined) throw new UsageError("give --year");
  const index = integer(values.index, "index") ?? (kind === "yearly" ? 1 : undefined);
  if (index === undefined)
    throw new UsageError(
      `give --index (the ${kind === "monthly" ? "month" : kind === "quarterly" ? "quarter" : "half"})`,
    );
  try {
    return reportPeriod(kind as PeriodKind, year, index);
  } catch (error) {
    if (error instanceof PeriodError) throw new UsageError(error.message);
    throw error;
  }
}

/** The format: --format, else the --out file's extension. */
function formatOf(format: string | undefined, out: string): ReportFormat {
  const chosen = format ?? /\.(docx|xlsx)$/i.exec(out)?.[1]?.toLowerCase();
  if (chosen === "docx" || chosen === "xlsx") return chosen;
  throw new UsageError(
    format
      ? `--format is docx or xlsx, not "${format}"`
      : "give --format docx|xlsx (or an --out FILE ending .docx or .xlsx)",
  );
}

function directiveIds(values: string[] | undefined): number[] {
  return (values ?? []).map((v) => {
    const id = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1)
      throw new UsageError(`--directive takes a document id (a number), not "${v}"`);
    return id;
  });
}

function dateOf(text: string | undefined): string {
  if (text === undefined) return todayInVietnam();
  if (text === "" || text === "blank") return "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
    throw new UsageError(`--date takes YYYY-MM-DD or "blank", not "${text}"`);
  return text;
}

function changesOf(values: ReturnType<typeof parse>): Partial<ReportHeading> {
  const system = values.system;
  if (system !== undefined && system !== "state" && system !== "party")
    throw new UsageError(`--system is state or party, not "${system}"`);
  return {
    issuer: values.issuer,
    parentIssuer: values["parent-issuer"],
    system,
    place: values.place,
    symbolCode: values["symbol-code"],
    signerAuthority: values["signer-authority"],
    signerPosition: values["signer-position"],
    signerName: values["signer-name"],
    recipients: values.recipient,
  };
}

/** Runs `chidao report`; 0 when the file is written. */
export function reportCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  return runCommand("report", reportUsage, io, async () => {
    const values = parse(args);
    const period = periodOf(values);
    const out = values.out?.trim();
    if (!out) throw new UsageError("give --out FILE");
    const format = formatOf(values.format, out);
    const ids = directiveIds(values.directive);
    const orgKeys = (values.unit ?? []).map((u) => u.trim()).filter((u) => u !== "");
    const date = dateOf(values.date);
    const changes = changesOf(values);
    return withStore(values.data, async (db) => {
      let viewer: Viewer = cliViewer;
      if (values.as) {
        const account = await accountByLogin(db, values.as);
        if (account.disabled) throw new CommandError(`${account.login} is disabled`);
        if (!can(account, "report.create"))
          throw new CommandError(`${account.login} (${account.role}) may not make reports`);
        viewer = account;
      }
      const data = await reportData(db, viewer, { period, directiveIds: ids, orgKeys });
      for (const id of ids)
        if (!data.directives.some((d) => d.documentId === id))
          io.err.write(
            `chidao report: document ${id} is left out: not readable${values.as ? ` by ${values.as}` : ""}, without tasks, or dated after the cut-off\n`,
          );
      let bytes: Buffer;
      if (format === "docx") {
        const heading = withChanges(await defaultReportHeading(db, viewer), changes);
        if (!heading.issuer)
          throw new UsageError("give --issuer NAME, or --as LOGIN of a user whose unit stands for a body");
        bytes = await reportDocx(data, heading, date);
      } else bytes = await reportXlsx(data);
      try {
        await writeFile(out, bytes);
      } catch (error) {
        throw new CommandError(`cannot write ${out}: ${(error as Error).message}`);
      }
      io.out.write(
        `Wrote ${out} (${format}): ${period.label}, data ${period.from} → ${period.to}; ` +
          `${data.directives.length} directives, ${data.totals.total} items ` +
          `(${data.totals.done} done, ${data.totals.overdue} overdue)\n`,
      );
      return 0;
    });
  });
}
