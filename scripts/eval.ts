/**
 * `npm run eval [-- --quiet] [--field NAME] [--json [FILE]] [--set seeds|corpus] [--id PREFIX]`: scores the parser against the gold
 * records of ../shared (seeds and corpus) by the rules of ../shared/docs/record.md.
 */
import { writeFile } from "node:fs/promises";
import { CITATION_ATTRS } from "../src/eval/citations.js";
import { FIELDS } from "../src/eval/fields.js";
import { loadGoldSets, parseSources, sharedDir } from "../src/eval/load.js";
import { percentages, report } from "../src/eval/report.js";
import { type SetScore, scoreSet } from "../src/eval/score.js";
import { taskReport } from "../src/eval/tasks.js";
import { loadTaskGold, scoreTaskGold } from "../src/eval/tasks-run.js";

interface Options {
  quiet: boolean;
  /** Show only this field's misses ("symbol", "signer.name", "citations.issuer"). */
  field: string | null;
  /** "-" for stdout (instead of the tables), a path, or null for no JSON. */
  json: string | null;
  /** Score only this gold file ("seeds" or "corpus"). */
  set: string | null;
  /** Score only records whose id starts with this ("a0", "p3"): a quicker loop while working on a few files. */
  id: string | null;
}

/** The names misses are listed under: the record fields, then the citation checks. */
const MISS_FIELDS = [
  ...FIELDS.map((f) => f.name),
  "citations",
  ...CITATION_ATTRS.map((a) => `citations.${a}`),
];

const USAGE =
  "usage: npm run eval -- [--quiet] [--field NAME] [--json [FILE]] [--set seeds|corpus] [--id PREFIX]";

function options(argv: string[]): Options {
  const o: Options = { quiet: false, field: null, json: null, set: null, id: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const next = argv[i + 1];
    const value = (): string => {
      if (inline !== undefined) return inline;
      if (next === undefined || next.startsWith("--")) fail(`${flag} needs a value`);
      i++;
      return next;
    };
    if (flag === "--quiet") o.quiet = true;
    else if (flag === "--field") {
      o.field = value();
      if (!MISS_FIELDS.includes(o.field)) fail(`no field ${o.field}: one of ${MISS_FIELDS.join(", ")}`);
    } else if (flag === "--set") o.set = value();
    else if (flag === "--id") o.id = value();
    else if (flag === "--json") {
      o.json = inline ?? (next !== undefined && !next.startsWith("--") ? value() : "-");
    } else fail(`unknown option ${flag}`);
  }
  return o;
}

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n${USAGE}\n`);
  process.exit(2);
}

// `npm run eval | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const shared = sharedDir();
  if (shared === null) {
    process.stdout.write(
      "eval: ../shared (seeds and corpus) is not beside this checkout: nothing to score.\n",
    );
    return;
  }
  let parseMs = 0;
  let scoreMs = 0;
  const scores: Record<string, SetScore> = {};
  const out: string[] = [];
  for (const set of await loadGoldSets(shared)) {
    if (opts.set !== null && set.name !== opts.set) continue;
    const prefix = opts.id;
    if (prefix !== null) set.gold = set.gold.filter((g) => g.id.startsWith(prefix));
    if (set.gold.length === 0) continue;
    const t0 = performance.now();
    const parsed = await parseSources(set);
    const t1 = performance.now();
    const s = scoreSet(set.gold, parsed);
    parseMs += t1 - t0;
    scoreMs += performance.now() - t1;
    scores[set.name] = s;
    out.push(...report(set.name, s, opts), "");
  }
  // Tasks (../shared/docs/tasks.md): the seeds' tables and the corpus' tasks.gold.jsonl.
  for (const g of await loadTaskGold(shared)) {
    if (opts.set !== null && g.name !== opts.set) continue;
    const prefix = opts.id;
    if (prefix !== null)
      for (const doc of [...g.byDoc.keys()]) if (!doc.startsWith(prefix)) g.byDoc.delete(doc);
    if (g.byDoc.size === 0) continue;
    out.push(...taskReport(g.name, await scoreTaskGold(g), { quiet: opts.quiet || opts.field !== null }), "");
  }
  if (opts.json !== null) {
    const summary = Object.fromEntries(
      Object.entries(scores).map(([name, s]) => [name, { percent: percentages(s), ...s }]),
    );
    const json = JSON.stringify(summary, null, 2);
    if (opts.json === "-") {
      process.stdout.write(`${json}\n`);
      return;
    }
    await writeFile(opts.json, `${json}\n`);
    out.push(`summary written to ${opts.json}`);
  }
  out.push(`(parse ${(parseMs / 1000).toFixed(1)} s, scoring ${(scoreMs / 1000).toFixed(2)} s)`);
  process.stdout.write(`${out.join("\n")}\n`);
}

await main();
