/**
 * Parse benchmark (`npm run bench:parse`): how fast `parseText` reads normalised text, on one core.
 *
 * Reads the corpus texts (txt/md/html of ../shared/corpus/docs and ../shared/seeds; samples/ when
 * ../shared is absent), extracts each once, then parses them over and over until at least 50 MB of
 * normalised text (UTF-8 bytes) have been read. Prints documents/s, MB/s, peak RSS, and the time of one
 * `normalize("NFC")` pass over the same total text: the parse/NFC ratio is a machine-independent
 * measure of cost. Then times the full `parse()` (with extraction) once per file, per format.
 * `--json` adds one JSON line with the numbers at the end.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, parseText } from "../src/parse/index.js";
import { extract, formatOf } from "../src/text/extract.js";

/** The aims of the project (README): per core, and relative to one NFC pass. */
const AIM_MB_PER_S = 20;
const AIM_NFC_RATIO = 25;
const TARGET_BYTES = 50_000_000;
const TEXT_EXT = /\.(txt|md|markdown|html?)$/i;

const root = fileURLToPath(new URL("../", import.meta.url));
const shared = join(root, "..", "shared");
const corpusDir = join(shared, "corpus", "docs");
const seedsDir = join(shared, "seeds");

interface Input {
  file: string;
  bytes: Uint8Array;
}

function list(dir: string, keep: (f: string) => boolean = () => true): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter(keep)
        .sort()
        .map((f) => join(dir, f))
    : [];
}

function inputs(): { all: Input[]; source: string } {
  let files = [...list(corpusDir), ...list(seedsDir, (f) => f.endsWith(".txt"))];
  let source = `${corpusDir} + ${seedsDir}`;
  if (files.length === 0) {
    files = list(join(root, "samples"));
    source = `${join(root, "samples")} (../shared absent)`;
  }
  return { all: files.map((file) => ({ file, bytes: readFileSync(file) })), source };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => bytes / 1e6;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const { all, source } = inputs();
  const textInputs = all.filter((i) => TEXT_EXT.test(i.file));
  console.log(`chidao parse benchmark — node ${process.version}, one core, inputs from ${source}`);

  const texts: { id: string; text: string; bytes: number }[] = [];
  for (const i of textInputs) {
    const { text } = await extract(i.bytes, i.file);
    texts.push({ id: i.file, text, bytes: Buffer.byteLength(text) });
  }
  const passBytes = texts.reduce((s, t) => s + t.bytes, 0);
  const passes = Math.ceil(TARGET_BYTES / passBytes);
  console.log(
    `${texts.length} text documents, ${fmt(mb(passBytes), 2)} MB normalised text per pass, ${passes} passes\n`,
  );

  for (const t of texts) parseText(t.text, t.id); // warm-up: compile regexes, load tables, JIT
  // One pass timed per document: the slowest ones are where to look first (bench/steps.ts FILE).
  const perDoc = texts.map((t) => {
    const t0 = performance.now();
    parseText(t.text, t.id);
    return { id: t.id, ms: performance.now() - t0, bytes: t.bytes };
  });
  gc();
  let records = 0;
  const t0 = performance.now();
  for (let p = 0; p < passes; p++) for (const t of texts) records += parseText(t.text, t.id).length;
  const parseMs = performance.now() - t0;

  gc();
  let nfcChars = 0;
  const t1 = performance.now();
  for (let p = 0; p < passes; p++) for (const t of texts) nfcChars += t.text.normalize("NFC").length;
  const nfcMs = performance.now() - t1;

  const totalBytes = passBytes * passes;
  const docsPerS = (texts.length * passes) / (parseMs / 1000);
  const mbPerS = mb(totalBytes) / (parseMs / 1000);
  const ratio = parseMs / nfcMs;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log("parseText (normalised text → records)");
  console.log(
    `  parsed      ${fmt(mb(totalBytes))} MB, ${texts.length * passes} documents, ${records} records`,
  );
  console.log(`  time        ${fmt(parseMs, 0)} ms`);
  console.log(`  documents/s ${fmt(docsPerS, 0)}`);
  console.log(
    `  MB/s        ${fmt(mbPerS)}   aim ≥ ${AIM_MB_PER_S} per core: ${mark(mbPerS >= AIM_MB_PER_S)}`,
  );
  console.log(
    `  NFC pass    ${fmt(nfcMs, 0)} ms over the same ${fmt(mb(totalBytes))} MB (${nfcChars} chars)`,
  );
  console.log(`  parse / NFC ${fmt(ratio)}   aim ≤ ${AIM_NFC_RATIO}: ${mark(ratio <= AIM_NFC_RATIO)}`);
  console.log(`  peak RSS    ${fmt(rssMb, 0)} MB`);
  console.log("  slowest documents (MB/s, ms, file):");
  for (const d of perDoc.sort((a, b) => a.bytes / a.ms - b.bytes / b.ms).slice(0, 5)) {
    console.log(`    ${fmt(mb(d.bytes) / (d.ms / 1000)).padStart(7)} ${fmt(d.ms, 0).padStart(6)}  ${d.id}`);
  }

  console.log(
    "\nparse() with extraction, each file once (the first file of a format pays its library's load)",
  );
  console.log("  format  files   MB in      ms    MB/s  failed");
  const byFormat = new Map<string, Input[]>();
  for (const i of all) byFormat.set(formatOf(i.file), [...(byFormat.get(formatOf(i.file)) ?? []), i]);
  const perFormat: Record<string, { files: number; mbIn: number; ms: number; failed: string[] }> = {};
  for (const [format, group] of [...byFormat].sort()) {
    const failed: string[] = [];
    const t = performance.now();
    for (const i of group) {
      try {
        await parse(i.bytes, { filename: i.file });
      } catch (error) {
        failed.push(`${i.file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const ms = performance.now() - t;
    const mbIn = mb(group.reduce((s, i) => s + i.bytes.length, 0));
    perFormat[format] = { files: group.length, mbIn, ms, failed };
    console.log(
      `  ${format.padEnd(6)} ${String(group.length).padStart(6)} ${fmt(mbIn, 2).padStart(7)} ${fmt(ms, 0).padStart(7)} ${fmt(mbIn / (ms / 1000)).padStart(7)} ${String(failed.length).padStart(7)}`,
    );
    for (const f of failed) console.log(`    ! ${f}`);
  }
  console.log(`\npeak RSS at the end: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MB`);

  if (json) {
    const summary = { mbPerS, docsPerS, ratio, parseMs, nfcMs, totalBytes, rssMb, perFormat };
    console.log(JSON.stringify(summary));
  }
}

await main();
