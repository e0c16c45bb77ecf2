/**
 * `chidao parse FILE... [--json]`: one JSON line per file, failures reported in place, the exit code
 * saying whether every file was read. In-process through `main()`, and as a real process
 * (`node --import tsx src/cli/main.ts`, the source twin of bin/chidao.js) for the exit status and a
 * clean stdout (a library that logs to stdout would break the JSON lines).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { recordProblems } from "../fuzz/record-schema.js";
import { runMain as run } from "./io.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const samples = join(root, "samples");
const corpusDir = fileURLToPath(new URL("../../../shared/corpus/docs/", import.meta.url));
const seedA = join(samples, "can-tho-677-CV-TU.txt");
const seedB = join(samples, "can-gio-1237-UBND.txt");
const missing = join(root, "test", "cli", "no-such-file.txt");

afterEach(() => vi.restoreAllMocks());

interface Line {
  file: string;
  documents?: unknown[];
  error?: string;
}

/** The --json output: every line must be one JSON object with a "file". */
function jsonLines(stdout: string): Line[] {
  expect(stdout.endsWith("\n"), "output ends with a line end").toBe(true);
  return stdout
    .trimEnd()
    .split("\n")
    .map((l) => {
      const v = JSON.parse(l) as Line;
      expect(typeof v.file).toBe("string");
      return v;
    });
}

/** A line for a file that was read: documents, well-formed, no error. */
function expectRead(line: Line | undefined, file: string): void {
  expect(line?.file).toBe(file);
  expect(line?.error).toBeUndefined();
  expect(Array.isArray(line?.documents) && line.documents.length >= 1, `${file}: documents`).toBe(true);
  expect(recordProblems(line?.documents, null)).toEqual([]);
}

/** A line for a file that failed: the reason, no documents. */
function expectFailed(line: Line | undefined, file: string, reason: RegExp): void {
  expect(line?.file).toBe(file);
  expect(line?.error).toMatch(reason);
  expect(line?.documents).toBeUndefined();
}

describe("chidao parse --json", () => {
  it.each([
    { why: "one file: one line, exit 0", files: [seedA], code: 0, read: [seedA] },
    {
      why: "two files: one line each, in argument order",
      files: [seedB, seedA],
      code: 0,
      read: [seedB, seedA],
    },
    { why: "the same file twice: two lines", files: [seedA, seedA], code: 0, read: [seedA, seedA] },
  ])("$why", async ({ files, code, read }) => {
    const r = await run(["parse", ...files, "--json"]);
    expect(r.code).toBe(code);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(read.length);
    for (const [i, f] of read.entries()) expectRead(lines[i], f);
  });

  it.each([
    {
      why: "a missing file between two good ones",
      files: [seedA, missing, seedB],
      bad: 1,
      reason: /ENOENT|no such file/i,
    },
    { why: "a missing file first", files: [missing, seedA], bad: 0, reason: /ENOENT|no such file/i },
    { why: "a folder given as a file", files: [samples, seedA], bad: 0, reason: /EISDIR|directory/i },
  ])("$why: exit 1, the reason printed, the other files still printed", async ({ files, bad, reason }) => {
    const r = await run(["parse", ...files, "--json"]);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(files.length);
    for (const [i, f] of files.entries()) {
      if (i === bad) expectFailed(lines[i], f, reason);
      else expectRead(lines[i], f);
    }
  });

  it("--json may come first", async () => {
    const r = await run(["parse", "--json", seedA]);
    expect(r.code).toBe(0);
    expectRead(jsonLines(r.stdout)[0], seedA);
  });
});

describe("chidao without --json, and usage errors", () => {
  it.each([
    {
      why: "summary names the file and the record id",
      argv: ["parse", seedB],
      code: 0,
      out: /can-gio-1237-UBND\.txt[\s\S]*\[can-gio-1237-UBND\]/,
      err: /^$/,
    },
    {
      why: "summary reports a missing file and goes on",
      argv: ["parse", missing, seedA],
      code: 1,
      out: /no-such-file\.txt: FAILED[\s\S]*can-tho-677-CV-TU\.txt/,
      err: /^$/,
    },
    { why: "parse without files", argv: ["parse"], code: 2, out: /^$/, err: /give one or more files/ },
    {
      why: "an unknown command",
      argv: ["frobnicate"],
      code: 2,
      out: /^$/,
      err: /unknown command "frobnicate"[\s\S]*Usage/,
    },
    {
      why: "help names every command",
      argv: ["help"],
      code: 0,
      out: /Usage:[\s\S]*chidao parse[\s\S]*chidao samples[\s\S]*chidao start[\s\S]*chidao serve[\s\S]*chidao import[\s\S]*chidao search[\s\S]*chidao reparse[\s\S]*chidao correct[\s\S]*chidao user add[\s\S]*chidao unit add/,
      err: /^$/,
    },
    {
      why: "user without a subcommand",
      argv: ["user"],
      code: 2,
      out: /^$/,
      err: /chidao user: say what to do/,
    },
    {
      why: "unit with an unknown one",
      argv: ["unit", "drop"],
      code: 2,
      out: /^$/,
      err: /unknown subcommand "drop"/,
    },
    {
      why: "correct without arguments",
      argv: ["correct"],
      code: 2,
      out: /^$/,
      err: /missing FILE_ID RECORD_ID/,
    },
    {
      why: "reparse with an extra word",
      argv: ["reparse", "now"],
      code: 2,
      out: /^$/,
      err: /unexpected argument/,
    },
    {
      why: "samples takes no arguments",
      argv: ["samples", "x"],
      code: 2,
      out: /^$/,
      err: /takes no arguments/,
    },
    { why: "no command: help", argv: [], code: 0, out: /Usage:/, err: /^$/ },
    {
      why: "samples: the sample documents read",
      argv: ["samples"],
      code: 0,
      out: /can-gio-1237-UBND\.txt[\s\S]*can-tho-677-CV-TU\.txt/,
      err: /^$/,
    },
  ])("$why", async ({ argv, code, out, err }) => {
    const r = await run(argv);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(out);
    expect(r.stderr).toMatch(err);
  });

  // Known bug: node:util parseArgs throws ERR_PARSE_ARGS_UNKNOWN_OPTION (a TypeError) out of main(),
  // so `chidao parse --bogus f` dies with a stack trace. Drop `.fails` once main() catches it.
  it("an unknown option: exit 2 with a message, not an exception", async () => {
    const r = await run(["parse", "--bogus", seedA]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bogus/);
  });
});

describe("chidao as a process", () => {
  const entry = join(root, "src", "cli", "main.ts");
  const spawnCli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", entry, ...args], {
      cwd: root,
      encoding: "utf8",
      timeout: 300_000,
      maxBuffer: 1 << 30, // the corpus JSON is over the 1 MB default, which kills the child
    });

  it("exit status 1 and every line JSON when a file is missing", () => {
    const r = spawnCli(["parse", seedA, missing, "--json"]);
    expect(r.status, r.stderr).toBe(1);
    const lines = jsonLines(r.stdout);
    expectRead(lines[0], seedA);
    expectFailed(lines[1], missing, /ENOENT|no such file/i);
  });

  it.skipIf(!existsSync(corpusDir))(
    "every corpus file, every format: one JSON line each, stdout clean, exit status from the failures",
    () => {
      const files = readdirSync(corpusDir)
        .sort()
        .map((f) => join(corpusDir, f));
      const r = spawnCli(["parse", ...files, "--json"]);
      expect(r.signal, `killed (over 5 minutes?): ${r.stderr.slice(-500)}`).toBeNull();
      const lines = jsonLines(r.stdout);
      expect(lines.map((l) => l.file)).toEqual(files);
      const failed = lines.filter((l) => l.error !== undefined);
      for (const l of lines) if (l.error === undefined) expectRead(l, l.file);
      for (const l of failed) expect(l.error?.trim().length, `${l.file}: a reason`).toBeGreaterThan(0);
      expect(r.status, failed.map((l) => `${l.file}: ${l.error}`).join("\n")).toBe(failed.length > 0 ? 1 : 0);
    },
  );
  if (!existsSync(corpusDir)) console.warn(`cli: ${corpusDir} absent: the corpus sweep is skipped`);
});
