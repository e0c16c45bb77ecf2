/** What the store command tests share: captured streams, a stdin, and a fresh data folder. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { vi } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/store-command.js";

/** A stream that keeps what is written to it. */
export function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join("") });
}

/** A stdin: a terminal (nothing piped) or a pipe carrying `text`. */
export function stdin(text: string | null): Io["stdin"] {
  const stream = Readable.from(text === null ? [] : [Buffer.from(text)]);
  return Object.assign(stream, { isTTY: text === null });
}

/** What a command did: its exit code and what it wrote. */
export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** Runs a command with captured streams; stdin is a terminal unless `piped` is given. */
export async function run(
  command: (args: string[], io: Partial<Io>) => Promise<number>,
  args: string[],
  piped: string | null = null,
): Promise<Ran> {
  const out = sink();
  const err = sink();
  const code = await command(args, { out, err, stdin: stdin(piped) });
  return { code, out: out.text(), err: err.text() };
}

/** A fresh folder for an embedded store, and how to remove it. */
export async function dataFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), "chidao-cli-"));
  return { dir: join(parent, "data"), remove: () => rm(parent, { recursive: true, force: true }) };
}

/** What `chidao` did as a whole: its exit code and what it wrote to the process's streams. */
export interface MainRan {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main(argv)` with the process's stdout and stderr captured. */
export async function runMain(argv: string[]): Promise<MainRan> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (sink: string[]) => (chunk: string | Uint8Array) => {
    sink.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture(out) as typeof process.stdout.write);
  vi.spyOn(process.stderr, "write").mockImplementation(capture(err) as typeof process.stderr.write);
  try {
    const code = await main(argv);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    vi.restoreAllMocks();
  }
}
