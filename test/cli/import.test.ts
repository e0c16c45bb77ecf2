/** `chidao import` as the command line sees it: usage errors exit 2, a failed file exits 1 and is listed. */
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importCommand } from "../../src/cli/import.js";

const samples = fileURLToPath(new URL("../../samples/", import.meta.url));
const missing = fileURLToPath(new URL("./no-such-file.txt", import.meta.url));

/** A stream that keeps what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join("") });
}

describe("chidao import", () => {
  const usage: Array<[string[], RegExp, string]> = [
    [[], /give one or more files/, "nothing to import"],
    [["samples", "--workers", "two"], /--workers takes a whole number/, "threads not a number"],
    [["samples", "--bogus"], /Unknown option/, "unknown flag"],
  ];
  it.each(usage)("%j exits 2: %s (%s)", async (args, message) => {
    const err = sink();
    expect(await importCommand(args, sink() as never, err as never)).toBe(2);
    expect(err.text()).toMatch(message);
  });

  it("imports on a parser thread, lists the failed path and exits 1", async () => {
    const out = sink();
    const code = await importCommand(
      [samples, missing, "--data", "memory://", "--workers", "1"],
      out as never,
    );
    expect(code).toBe(1);
    expect(out.text()).toMatch(
      /3 files .*: 2 imported \(\d+ documents\), 0 re-read, 0 already stored, 1 failed/,
    );
    expect(out.text()).toContain(`${missing}: file_unreadable — ENOENT`);
  });
});
