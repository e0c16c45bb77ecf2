/**
 * Broken and hostile inputs never crash or hang `parse()`: each gives records (maybe with warnings)
 * or a clear rejection. The cases run in a child process so that a hang (a backtracking regex, a
 * quadratic rescan) is killed and reported with the input that caused it, instead of stalling CI;
 * one child runs the table in order and a fresh one resumes after a kill or a crash.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type BadCase, cases } from "./cases.js";
import type { Outcome, Started } from "./run-case.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const runner = fileURLToPath(new URL("./run-case.ts", import.meta.url));

/** Time to build a case's input (the 50 MB text) on top of its own bound; and the child's start-up. */
const SLACK_MS = 8_000;
/** How many times its bound a case may take on a loaded CI machine before it counts as hung. */
const LOAD_SLACK = 3;
/** Room for the whole table when every case hangs: each is killed at its bound plus the slack. */
const TABLE_MS = cases.reduce((s, c) => s + c.boundMs * LOAD_SLACK + SLACK_MS, 60_000);

/** Built-in error classes: thrown from deep inside, they mean a bug rather than a reported problem. */
const GENERIC_ERRORS = new Set(["TypeError", "RangeError", "ReferenceError", "SyntaxError", "InternalError"]);

/** What became of one case: its outcome, or how the child died while running it. */
type Report = { outcome: Outcome } | { killed: number } | { crashed: string };

/** Runs cases from `from` on in one child; resolves when it exits, with the index it stopped at. */
function runFrom(from: number, reports: Map<string, Report>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", runner, "--from", String(from)], { cwd: root });
    let current = from;
    let startedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    let buffer = "";
    let stderr = "";
    const arm = (c: BadCase | undefined) => {
      clearTimeout(timer);
      if (!c) return;
      timer = setTimeout(
        () => {
          killed = true;
          child.kill("SIGKILL");
        },
        c.boundMs * LOAD_SLACK + SLACK_MS,
      );
    };
    arm(cases[from]);
    child.stdout.on("data", (d: Buffer) => {
      buffer += d.toString();
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const msg = JSON.parse(buffer.slice(0, nl)) as Outcome | Started;
        buffer = buffer.slice(nl + 1);
        if ("start" in msg) {
          current = cases.findIndex((c) => c.name === msg.start);
          startedAt = performance.now();
          arm(cases[current]);
        } else {
          reports.set(msg.name, { outcome: msg });
          current++;
        }
      }
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-3000);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const c = cases[current];
      if (c && !reports.has(c.name)) {
        reports.set(
          c.name,
          killed
            ? { killed: Math.round(performance.now() - startedAt) }
            : { crashed: `exit ${code}: ${stderr}` },
        );
        current++;
      }
      resolve(current);
    });
  });
}

const reports = new Map<string, Report>();

beforeAll(async () => {
  // One child runs the whole table; after a hang or a crash a new one resumes at the next case.
  for (let next = 0; next < cases.length; ) next = await runFrom(next, reports);
}, TABLE_MS);

function repro(c: BadCase): string {
  return `reproduce: npx tsx test/bad-input/run-case.ts ${JSON.stringify(c.name)} (${c.reason})`;
}

describe("parse() on broken and hostile input", () => {
  it.each(cases)("$name: $reason", (c) => {
    const r = reports.get(c.name);
    expect(r, `never ran. ${repro(c)}`).toBeDefined();
    if (r && "killed" in r) expect.fail(`hung: killed after ${r.killed} ms. ${repro(c)}`);
    if (r && "crashed" in r) expect.fail(`crashed the process (${r.crashed}). ${repro(c)}`);
    const o = (r as { outcome: Outcome }).outcome;
    // The bounds are ceilings for an idle core; CI runs other test files beside this one on two cores,
    // so a case fails as a hang only past LOAD_SLACK times its bound (speed itself is `bench:parse`).
    const limit = c.boundMs * LOAD_SLACK;
    expect(
      o.ms,
      `took ${Math.round(o.ms)} ms, bound ${c.boundMs} ms × ${LOAD_SLACK}. ${repro(c)}`,
    ).toBeLessThan(limit);
    if (o.settled === "resolved") {
      expect(o.problems, `bad records. ${repro(c)}`).toEqual([]);
      expect(o.documents).toBeGreaterThanOrEqual(1);
      return;
    }
    const what = `rejected with ${o.errorClass} ${JSON.stringify(o.code)}: ${o.message}\n${o.stack}\n${repro(c)}`;
    expect(c.mustResolve, `a readable document must give records; ${what}`).toBe(false);
    expect(o.isError, what).toBe(true);
    expect(GENERIC_ERRORS.has(o.errorClass), `unexpected exception type; ${what}`).toBe(false);
    expect(o.code, `an error the reader reports carries a stable code; ${what}`).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(o.message.trim().length, `the message says what is wrong; ${what}`).toBeGreaterThanOrEqual(10);
  });
});

describe("the case table", () => {
  it.each([
    {
      check: "names are unique (run-case finds a case by name)",
      ok: new Set(cases.map((c) => c.name)).size === cases.length,
    },
    { check: "every case says why it is there", ok: cases.every((c) => c.reason.length > 5) },
    { check: "every case has a positive time bound", ok: cases.every((c) => c.boundMs > 0) },
  ])("$check", ({ ok }) => {
    expect(ok).toBe(true);
  });
});
