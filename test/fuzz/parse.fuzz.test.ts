/**
 * Property tests: real documents, mutated thousands of times the way real copies get damaged
 * (lines lost, doubled, swapped; Unicode debris; Markdown `**`; truncation; capitals; lost tones),
 * still give well-formed records, quickly, and the same records for the same text.
 * The documents are read at test time (samples/ always; ../shared/corpus/docs when present), never copied.
 * Seed: fixed and printed; rerun another with FUZZ_SEED=n, scale the run counts with FUZZ_SCALE=x.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseText } from "../../src/parse/index.js";
import { extract } from "../../src/text/extract.js";
import { recordProblems } from "./record-schema.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_601);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

const samplesDir = fileURLToPath(new URL("../../samples/", import.meta.url));
const corpusDir = fileURLToPath(new URL("../../../shared/corpus/docs/", import.meta.url));
const TEXT_EXT = /\.(txt|md|markdown|html?)$/i;

interface Doc {
  name: string;
  lines: string[];
}

const docs: Doc[] = [];

beforeAll(async () => {
  const files = readdirSync(samplesDir).map((f) => join(samplesDir, f));
  if (existsSync(corpusDir)) {
    files.push(
      ...readdirSync(corpusDir)
        .filter((f) => TEXT_EXT.test(f))
        .map((f) => join(corpusDir, f)),
    );
  } else {
    console.warn(`fuzz: ${corpusDir} absent: mutating the two samples only`);
  }
  for (const file of files.filter((f) => TEXT_EXT.test(f)).sort()) {
    const { text } = await extract(readFileSync(file), file);
    docs.push({ name: file, lines: text.split("\n") });
  }
  console.log(`fuzz: seed ${SEED}, ${docs.length} documents, scale ${SCALE}`);
});

/** Debris real copies carry: combining marks, spaces of every kind, direction marks, emoji, Markdown. */
const DEBRIS = [
  "\u0300",
  "\u0301",
  "\u0303",
  "\u0309",
  "\u0323",
  "\u0302",
  "\u0306",
  "\u031b", // Vietnamese tone/vowel marks alone
  "\u00a0",
  "\u2002",
  "\u3000",
  "\t",
  "\f",
  "\v", // spaces
  "\u200b",
  "\u200c",
  "\u200d",
  "\ufeff",
  "\u00ad", // zero-width, BOM, soft hyphen
  "\u200e",
  "\u200f",
  "\u202b",
  "\u202e",
  "\u2066",
  "\u2069", // direction marks and overrides
  "\u2028",
  "\u2029",
  "\r",
  "\r\n",
  "\u0000",
  "\ufffd", // odd line ends, NUL, replacement char
  "😀",
  "👨‍👩‍👧",
  "🇻🇳",
  "\ud800",
  "\udc00", // emoji, lone surrogates
  "**",
  "*",
  "__",
  "\\*",
  "|",
  "#",
  "> ",
  "---",
  "[",
  "](", // Markdown
  "Số",
  "Số:",
  "ngày",
  "tháng",
  "năm",
  "Kính gửi:",
  "Nơi nhận:",
  "TM.",
  "KT.",
  "Điều",
  "1.",
  "a)",
  "-",
  "/", // the parser's cues
  "Ð",
  "Đ",
  "đ",
  "１２",
  "Ⅳ",
  "½",
  "0",
  "9",
  " ", // look-alikes, full-width and Roman digits
];

const debris = fc.array(fc.constantFrom(...DEBRIS), { minLength: 1, maxLength: 12 }).map((a) => a.join(""));

/** One way a copy gets damaged; positions are fractions of the document so they fit any length. */
type Mutation =
  | {
      op: "delete" | "duplicate" | "upper" | "lower" | "strip" | "nfd" | "join" | "stars";
      at: number;
      len: number;
    }
  | { op: "swap"; at: number; to: number; len: number }
  | { op: "insert"; at: number; col: number; text: string }
  | { op: "split"; at: number; col: number }
  | { op: "repeat"; at: number; times: number }
  | { op: "truncate"; at: number }
  | { op: "crlf" };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const len = fc.integer({ min: 1, max: 40 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constantFrom("delete", "duplicate", "upper", "lower", "strip", "nfd", "join", "stars"),
    at: frac,
    len,
  }) as fc.Arbitrary<Mutation>,
  fc.record({ op: fc.constant("swap" as const), at: frac, to: frac, len }),
  fc.record({ op: fc.constant("insert" as const), at: frac, col: frac, text: debris }),
  fc.record({ op: fc.constant("split" as const), at: frac, col: frac }),
  fc.record({ op: fc.constant("repeat" as const), at: frac, times: fc.integer({ min: 2, max: 200 }) }),
  fc.record({ op: fc.constant("truncate" as const), at: frac }),
  fc.constant({ op: "crlf" as const }),
);

/** Vietnamese without its tones and hats, as an ASCII-only copy has it ("Số" → "So", "Đ" → "D"). */
function strip(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

function mapRange(lines: string[], at: number, n: number, f: (s: string) => string): string[] {
  const i = Math.floor(at * lines.length);
  return lines.map((l, j) => (j >= i && j < i + n ? f(l) : l));
}

/** Applies one mutation to a document's lines (never in place). */
function mutate(lines: string[], m: Mutation): string[] {
  if (lines.length === 0) return lines;
  const i = Math.floor(("at" in m ? m.at : 0) * lines.length);
  switch (m.op) {
    case "delete":
      return [...lines.slice(0, i), ...lines.slice(i + m.len)];
    case "duplicate":
      return [...lines.slice(0, i + m.len), ...lines.slice(i, i + m.len), ...lines.slice(i + m.len)];
    case "swap": {
      const j = Math.floor(m.to * lines.length);
      const [a, b] = i < j ? [i, j] : [j, i];
      const n = Math.min(m.len, b - a);
      if (n === 0) return lines;
      return [
        ...lines.slice(0, a),
        ...lines.slice(b, b + n),
        ...lines.slice(a + n, b),
        ...lines.slice(a, a + n),
        ...lines.slice(b + n),
      ];
    }
    case "upper":
      return mapRange(lines, m.at, m.len, (s) => s.toUpperCase());
    case "lower":
      return mapRange(lines, m.at, m.len, (s) => s.toLowerCase());
    case "strip":
      return mapRange(lines, m.at, m.len, strip);
    case "nfd":
      return mapRange(lines, m.at, m.len, (s) => s.normalize("NFD"));
    case "stars":
      return mapRange(lines, m.at, m.len, (s) =>
        s.replace(/(\S+)( |$)/g, (w, word: string, sp: string) =>
          word.length % 3 === 0 ? `**${word}**${sp}` : w,
        ),
      );
    case "join":
      return [...lines.slice(0, i), lines.slice(i, i + m.len).join(" "), ...lines.slice(i + m.len)];
    case "insert": {
      const line = lines[i] ?? "";
      const c = Math.floor(m.col * (line.length + 1));
      return [...lines.slice(0, i), line.slice(0, c) + m.text + line.slice(c), ...lines.slice(i + 1)];
    }
    case "split": {
      const line = lines[i] ?? "";
      const c = Math.floor(m.col * (line.length + 1));
      return [...lines.slice(0, i), line.slice(0, c), line.slice(c), ...lines.slice(i + 1)];
    }
    case "repeat":
      return [...lines.slice(0, i), ...Array<string>(m.times).fill(lines[i] ?? ""), ...lines.slice(i + 1)];
    case "truncate":
      return lines.slice(0, Math.max(1, i));
    case "crlf":
      return lines.map((l) => `${l}\r`);
  }
}

/** Hang guard per run: 1 s, plus 1 ms per 1 000 characters (1 MB/s, twenty times under the aim). */
function boundMs(text: string): number {
  return 1_000 + text.length / 1_000;
}

/** Parses and checks one text: records well-formed, ids in the contract's form, in time. */
function check(text: string, label: string): void {
  const t0 = performance.now();
  const records = parseText(text, "fuzz");
  const ms = performance.now() - t0;
  expect(ms, `${label}: ${Math.round(ms)} ms for ${text.length} chars`).toBeLessThan(boundMs(text));
  expect(Array.isArray(records) && records.length >= 1, `${label}: no record`).toBe(true);
  expect(recordProblems(records, text), label).toEqual([]);
  expect(records[0]?.id).toBe("fuzz");
  for (const [k, r] of records.entries()) {
    if (k > 0) expect(r.id, `${label}: embedded record id`).toMatch(/^fuzz#\d+$/);
    expect([null, "fuzz"], `${label}: attached_to of ${r.id}`).toContain(r.attached_to);
  }
}

const docIndex = fc.nat();

/** Lets the test runner's messages through between runs (a long synchronous loop starves them). */
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const pick = (n: number) => docs[n % docs.length]!;

describe("parseText on mutated real documents", () => {
  it.each([
    {
      name: "1 to 6 line-level and character-level mutations of any document",
      runs: runs(1_500),
      arb: fc.tuple(docIndex, fc.array(mutation, { minLength: 1, maxLength: 6 })),
    },
    {
      name: "dense debris: 20 to 60 insertions into one document",
      runs: runs(300),
      arb: fc.tuple(
        docIndex,
        fc.array(
          fc.record({
            op: fc.constant("insert" as const),
            at: frac,
            col: frac,
            text: debris,
          }) as fc.Arbitrary<Mutation>,
          { minLength: 20, maxLength: 60 },
        ),
      ),
    },
  ])("$name ($runs runs)", async ({ runs: numRuns, arb }) => {
    await fc.assert(
      fc.asyncProperty(arb, async ([n, ms]) => {
        await yieldToLoop();
        const doc = pick(n);
        const text = ms.reduce(mutate, doc.lines).join("\n");
        check(text, `${doc.name} after ${JSON.stringify(ms).slice(0, 300)}`);
      }),
      { seed: SEED, numRuns },
    );
  });

  it(`is deterministic: the same text gives the same records after parsing another (${runs(200)} runs)`, async () => {
    // A regex with the g flag kept at module level, or a cache, leaks state from one call to the next.
    await fc.assert(
      fc.asyncProperty(docIndex, docIndex, fc.array(mutation, { maxLength: 3 }), async (a, b, ms) => {
        await yieldToLoop();
        const text = ms.reduce(mutate, pick(a).lines).join("\n");
        const first = JSON.stringify(parseText(text, "fuzz"));
        parseText(pick(b).lines.join("\n"), "other");
        expect(JSON.stringify(parseText(text, "fuzz")), `${pick(a).name} after ${pick(b).name}`).toBe(first);
      }),
      { seed: SEED + 1, numRuns: runs(200) },
    );
  });
});

describe("the mutations themselves", () => {
  const lines = ["a", "b", "c", "d", "e"];
  it.each<{ m: Mutation; want: string[]; why: string }>([
    { m: { op: "delete", at: 0.2, len: 2 }, want: ["a", "d", "e"], why: "lines b and c lost" },
    {
      m: { op: "duplicate", at: 0.2, len: 2 },
      want: ["a", "b", "c", "b", "c", "d", "e"],
      why: "b, c doubled",
    },
    { m: { op: "swap", at: 0, to: 0.6, len: 1 }, want: ["d", "b", "c", "a", "e"], why: "a and d swapped" },
    { m: { op: "repeat", at: 0.8, times: 3 }, want: ["a", "b", "c", "d", "e", "e", "e"], why: "e thrice" },
    { m: { op: "truncate", at: 0.4 }, want: ["a", "b"], why: "cut after b" },
    { m: { op: "join", at: 0, len: 2 }, want: ["a b", "c", "d", "e"], why: "a and b on one line" },
    { m: { op: "split", at: 0, col: 0.99 }, want: ["a", "", "b", "c", "d", "e"], why: "a split at its end" },
  ])("$m.op: $why", ({ m, want }) => {
    expect(mutate(lines, m)).toEqual(want);
  });

  it.each([
    { s: "Số 677-CV/TU ngày 06", want: "So 677-CV/TU ngay 06", why: "tones and hats dropped" },
    { s: "ĐẢNG CỘNG SẢN", want: "DANG CONG SAN", why: "Đ becomes D" },
  ])("strip: $why", ({ s, want }) => {
    expect(strip(s)).toBe(want);
  });
});
