/**
 * Where the time goes: each stage of the parse (extract, split, segment, every pipeline step) timed
 * on one input, to find the step behind a slow bad-input case or a slow corpus file.
 *
 *   npx tsx bench/steps.ts FILE...              a file as it arrives
 *   npx tsx bench/steps.ts --case "NAME"        a case of test/bad-input/cases.ts
 *
 * Runs after a warm-up on samples/. Each stage is printed as it starts, so a stage that hangs is the last line shown. The stages are run as `parseText` runs them (one document per segment); `parseText` itself is
 * timed last so that work outside the steps (folding embedded documents back) shows as the rest.
 */
import { readFileSync } from "node:fs";
import { type Context, emptyRecord } from "../src/parse/context.js";
import { parseText } from "../src/parse/index.js";
import { splitLines } from "../src/parse/lines.js";
import { steps } from "../src/parse/pipeline.js";
import { segment } from "../src/parse/segment.js";
import { extract } from "../src/text/extract.js";
import { cases } from "../test/bad-input/cases.js";

let mb = 0;

function show(ms: number): void {
  const slow = ms > 1 + (1000 * mb) / 20 ? "   ← slower than the 20 MB/s aim" : "";
  process.stdout.write(`${ms.toFixed(1).padStart(9)} ms${slow}\n`);
}

function timed<T>(label: string, f: () => T): T {
  process.stdout.write(`  ${label.padEnd(30)}`);
  const t = performance.now();
  const v = f();
  show(performance.now() - t);
  return v;
}

async function profile(name: string, input: Uint8Array, filename: string): Promise<void> {
  process.stdout.write(`${name}\n  ${"extract".padEnd(30)}`);
  const t = performance.now();
  const { text } = await extract(input, filename);
  mb = Buffer.byteLength(text) / 1e6;
  show(performance.now() - t);
  const lines = timed("splitLines", () => splitLines(text));
  const segments = timed("segment", () => segment(lines));
  for (const [i, seg] of segments.entries()) {
    const ctx: Context = {
      text,
      lines: seg.lines,
      bodyStart: 0,
      bodyEnd: seg.lines.length,
      record: emptyRecord(`${i}`),
    };
    for (const step of steps) timed(`[${i}] ${step.name}`, () => step(ctx));
  }
  timed("parseText (whole)", () => parseText(text, "x"));
  console.log(
    `  ${text.length} chars, ${lines.length} lines, ${segments.length} segment(s), ${mb.toFixed(2)} MB`,
  );
}

// Warm-up on the shipped samples: regexes compiled, tables loaded, code optimised, as in a long run.
for (const f of ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"]) {
  const path = new URL(`../samples/${f}`, import.meta.url);
  for (let i = 0; i < 5; i++) parseText((await extract(readFileSync(path), f)).text, "warm-up");
}

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: npx tsx bench/steps.ts FILE... | --case "NAME"');
  process.exit(2);
}
if (args[0] === "--case") {
  const c = cases.find((x) => x.name === args[1]);
  if (!c)
    throw new Error(`no case ${JSON.stringify(args[1])}; names: ${cases.map((x) => x.name).join(" | ")}`);
  const made = await c.make();
  await profile(c.name, typeof made === "string" ? new TextEncoder().encode(made) : made, c.filename);
} else {
  for (const file of args) await profile(file, readFileSync(file), file);
}
