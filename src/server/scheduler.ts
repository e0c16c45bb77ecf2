/**
 * The scheduler `chidao serve` runs beside the web app: a tick at start and then every interval
 * (15 minutes by default), never two at once. A tick is for today in Vietnam's time: it runs the
 * daily jobs not yet run today, then the reminders (src/store/reminders.ts). What it has done is in
 * the store (scheduler_state, reminders), so a restarted server neither repeats nor loses a day's
 * work; `chidao remind` runs the same tick once.
 */

import { todayInVietnam } from "../clock.js";
import type { Db, Sql } from "../store/db.js";
import { type ReminderMailer, runDailyJob, runReminders, type TickResult } from "../store/reminders.js";
import { extendRecurring } from "../store/tasks.js";

/** A job run once a day, before the reminders (extending recurring tasks to their next period). */
export type DailyJob = (sql: Sql, today: string) => Promise<unknown>;

/** The daily jobs of `chidao serve` and `chidao remind`: recurring tasks gain their next periods. */
export const dailyJobs: DailyJob[] = [extendRecurring];

/** What one tick did: the reminders' counts and the daily jobs that ran now. */
export interface TickOutcome extends TickResult {
  jobs: string[];
}

/** How a tick runs. */
export interface TickOptions {
  today: string;
  mailer: ReminderMailer;
  dailyJobs?: readonly DailyJob[];
  /** Where failures (a daily job, an email) are told. */
  log?: (line: string) => void;
}

/** The names the daily jobs' days are kept under in scheduler_state: `daily:` + the function's name. */
export function jobNames(jobs: readonly DailyJob[]): string[] {
  const seen = new Set<string>();
  return jobs.map((job, i) => {
    let name = `daily:${job.name || `job-${i}`}`;
    if (seen.has(name)) name = `${name}-${i}`;
    seen.add(name);
    return name;
  });
}

/**
 * One tick: the daily jobs (each once a day; one that throws is told and tried again next tick),
 * then the reminders.
 */
export async function runTick(db: Db, options: TickOptions): Promise<TickOutcome> {
  const jobs = options.dailyJobs ?? [];
  const names = jobNames(jobs);
  const ran: string[] = [];
  for (const [i, job] of jobs.entries()) {
    try {
      if (await runDailyJob(db, names[i]!, options.today, job)) ran.push(names[i]!);
    } catch (error) {
      options.log?.(`${names[i]} failed for ${options.today}: ${(error as Error).message ?? String(error)}`);
    }
  }
  const result = await runReminders(db, { today: options.today, mailer: options.mailer, log: options.log });
  return { ...result, jobs: ran };
}

/** How the scheduler runs. */
export interface SchedulerOptions {
  mailer: ReminderMailer;
  /** Between the end of a tick and the start of the next (default 15 minutes). */
  intervalMs?: number;
  /** The clock (tests give their own); the tick's day is its date in Asia/Ho_Chi_Minh. */
  now?: () => Date;
  /** A tick that failed (the store was unreachable): told here, and the next tick tries again. */
  onError?: (error: unknown) => void;
  /** Each tick's outcome. */
  onTick?: (outcome: TickOutcome) => void;
  dailyJobs?: readonly DailyJob[];
  log?: (line: string) => void;
}

/** A running scheduler. */
export interface Scheduler {
  /** Stops the ticks and waits for the one running, if any. */
  stop(): Promise<void>;
  /**
   * A tick now: the tick in flight when one runs, followed by one more (several calls meanwhile
   * share it). Null after stop or when the tick failed.
   */
  runNow(): Promise<TickOutcome | null>;
}

/** The default interval: 15 minutes. */
export const defaultIntervalMs = 15 * 60_000;

/**
 * Starts the scheduler: a tick now, then one every `intervalMs` after the previous ends.
 *
 * @example
 * const scheduler = startScheduler(db, { mailer });
 * process.once("SIGTERM", () => scheduler.stop());
 */
export function startScheduler(db: Db, options: SchedulerOptions): Scheduler {
  const intervalMs = options.intervalMs ?? defaultIntervalMs;
  const now = options.now ?? (() => new Date());
  const onError =
    options.onError ?? ((error: unknown) => console.error("chidao scheduler: tick failed:", error));
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickOutcome | null> | null = null;
  let queued: Promise<TickOutcome | null> | null = null;

  const tick = async (): Promise<TickOutcome | null> => {
    try {
      const outcome = await runTick(db, {
        today: todayInVietnam(now()),
        mailer: options.mailer,
        dailyJobs: options.dailyJobs,
        log: options.log,
      });
      options.onTick?.(outcome);
      return outcome;
    } catch (error) {
      onError(error);
      return null;
    }
  };

  const runNow = (): Promise<TickOutcome | null> => {
    if (stopped) return Promise.resolve(null);
    if (!running) {
      running = tick().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return runNow();
    });
    return queued;
  };

  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void runNow().then(next);
    }, intervalMs);
    // The scheduler alone does not keep a process alive (the server does).
    timer.unref();
  };

  void runNow().then(next);

  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await queued;
      await running;
    },
  };
}
