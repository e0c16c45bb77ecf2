/**
 * Runs one bad-input case in this process and prints its outcome as one JSON line.
 * bad-input.test.ts spawns it with `--from 0` (so a hang can be killed and the rest resumed);
 * run it by hand to reproduce a case:  npx tsx test/bad-input/run-case.ts "200k 'Số ' line"
 */
import { pathToFileURL } from "node:url";
import { parse } from "../../src/parse/index.js";
import { resultProblems } from "../fuzz/record-schema.js";
import { cases } from "./cases.js";

/** What happened to one case: a result (with its shape problems) or a rejection. */
export type Outcome =
  | {
      name: string;
      settled: "resolved";
      ms: number;
      inputBytes: number;
      documents: number;
      problems: string[];
    }
  | {
      name: string;
      settled: "rejected";
      ms: number;
      inputBytes: number;
      errorClass: string;
      isError: boolean;
      code: unknown;
      message: string;
      stack: string;
    };

/** Builds the case's input and parses it, timing `parse()` alone. */
export async function runCase(name: string): Promise<Outcome> {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no bad-input case named ${JSON.stringify(name)}`);
  const input = await c.make();
  const inputBytes = typeof input === "string" ? Buffer.byteLength(input) : input.length;
  const t0 = performance.now();
  try {
    const result = await parse(input, { filename: c.filename });
    const ms = performance.now() - t0;
    return {
      name,
      settled: "resolved",
      ms,
      inputBytes,
      documents: result.documents.length,
      problems: resultProblems(result),
    };
  } catch (error) {
    const ms = performance.now() - t0;
    const e = error as {
      constructor?: { name?: string };
      code?: unknown;
      message?: unknown;
      stack?: unknown;
    };
    return {
      name,
      settled: "rejected",
      ms,
      inputBytes,
      errorClass: e?.constructor?.name ?? typeof error,
      isError: error instanceof Error,
      code: e?.code ?? null,
      message: typeof e?.message === "string" ? e.message : String(error),
      stack: typeof e?.stack === "string" ? e.stack.split("\n").slice(0, 8).join("\n") : "",
    };
  }
}

/** The line printed before a case starts: the parent's watchdog times the case from it. */
export interface Started {
  start: string;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const arg = process.argv[2];
  if (!arg) {
    const names = cases.map((c, i) => `  ${i}  ${c.name}`).join("\n");
    process.stderr.write(`usage: npx tsx test/bad-input/run-case.ts NAME | --from INDEX\ncases:\n${names}\n`);
    process.exit(2);
  }
  // `--from I` runs cases I.. in order in this one process (one start-up for the whole table).
  const names = arg === "--from" ? cases.slice(Number(process.argv[3] ?? 0)).map((c) => c.name) : [arg];
  for (const name of names) {
    process.stdout.write(`${JSON.stringify({ start: name } satisfies Started)}\n`);
    process.stdout.write(`${JSON.stringify(await runCase(name))}\n`);
  }
}
