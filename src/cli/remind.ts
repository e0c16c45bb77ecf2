/**
 * `chidao remind [--today YYYY-MM-DD] [--json] [--data DIR]`: one tick of the reminders scheduler
 * (what `chidao serve` runs every 15 minutes) — the daily jobs, overdue marks, the reminders due in
 * the app and by email — for a server run with CHIDAO_SCHEDULER=off, a cron line, or a check. A
 * reminder already sent is never sent again, whoever sent it.
 */
import { createMailer } from "../notify/mail.js";
import { todayInVietnam } from "../server/pages/format.js";
import { dailyJobs, runTick, type TickOutcome } from "../server/scheduler.js";
import { isoDate } from "../store/task-views-sql.js";
import {
  configOf,
  expectPositionals,
  type Io,
  ioOf,
  parseCommandArgs,
  runCommand,
  UsageError,
  withStore,
} from "./store-command.js";

/** The usage lines of `chidao remind`. */
export const remindUsage = `  chidao remind [--today YYYY-MM-DD] [--json] [--data DIR]
      one tick of the reminders: mark overdue tasks, send the reminders due (7, 3, 1 days before the
      deadline, daily once overdue) in the app and by email (CHIDAO_SMTP_*, else to the log), each
      once; --today runs it for another day (default: today in Vietnam)
`;

/** What the tick did, as lines. */
export function tickText(o: TickOutcome, emailTo: "smtp" | "log"): string {
  const lines = [
    `Reminders for ${o.today}:`,
    `  tasks marked overdue:   ${o.marked}`,
    `  reminders sent:         ${o.claimed}`,
    `  in-app notifications:   ${o.notified}`,
    `  emails ${emailTo === "smtp" ? "sent:           " : "logged (no SMTP):"} ${o.emailed}`,
    `  emails failed:          ${o.failed}${o.failed > 0 ? " (tried again on the next run)" : ""}`,
  ];
  if (o.jobs.length > 0) lines.push(`  daily jobs run:         ${o.jobs.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** Runs `chidao remind`; 0 when the tick ran (emails that failed are retried later), 1 when it could not. */
export async function remindCommand(args: string[], streams: Partial<Io> = {}): Promise<number> {
  const io = ioOf(streams);
  return runCommand("remind", remindUsage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      today: { type: "string" },
      json: { type: "boolean" },
      data: { type: "string" },
    });
    expectPositionals(positionals, []);
    const today = values.today ?? todayInVietnam();
    if (isoDate(today) === null)
      throw new UsageError(`--today takes a date YYYY-MM-DD, not "${values.today}"`);
    const config = configOf();
    // Logged emails and failures go to stderr, so that --json output stays one object.
    const mailer = createMailer(config.mail, (line) => io.err.write(`${line}\n`));
    try {
      const outcome = await withStore(values.data, (db) =>
        runTick(db, { today, mailer, dailyJobs, log: (line) => io.err.write(`${line}\n`) }),
      );
      io.out.write(values.json ? `${JSON.stringify(outcome)}\n` : tickText(outcome, mailer.transport));
      return 0;
    } finally {
      mailer.close();
    }
  });
}
