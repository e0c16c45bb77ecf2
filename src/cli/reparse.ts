/**
 * `chidao reparse [--all] [--workers N] [--json] [--data DIR]`: stored files read again by this
 * parser — those last read by another version, or every one with --all. Corrections survive.
 */
import { type ReparseOutcome, reparseFiles } from "../import/reparse.js";
import { parserVersion } from "../store/package-root.js";
import { workersOf } from "./import.js";
import {
  configOf,
  expectPositionals,
  type Io,
  ioOf,
  parseCommandArgs,
  progressBar,
  runCommand,
  withStore,
} from "./store-command.js";

/** The usage line of `chidao reparse`. */
export const reparseUsage =
  "  chidao reparse [--all] [--workers N] [--json] [--data DIR]\n" +
  "      read stored files again with this parser: those read by another version, or every one (--all);\n" +
  "      corrections are kept\n";

/** Runs `chidao reparse`; returns the exit code (1 when a file could not be read). */
export function reparseCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  return runCommand("reparse", reparseUsage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      data: { type: "string" },
      all: { type: "boolean" },
      workers: { type: "string" },
      json: { type: "boolean" },
    });
    expectPositionals(positionals, []);
    const workers = workersOf(values.workers, configOf().workers);
    const json = values.json ?? false;
    return withStore(values.data, async (db) => {
      const bar = progressBar(io.err, !json);
      const started = Date.now();
      let outcomes: ReparseOutcome[];
      try {
        outcomes = await reparseFiles(db, {
          all: values.all ?? false,
          workers,
          onFile: json ? (o) => io.out.write(`${JSON.stringify(o)}\n`) : undefined,
          onProgress: bar.update,
        });
      } finally {
        bar.stop();
      }
      const failed = outcomes.filter((o) => o.status === "failed");
      if (!json) {
        const documents = outcomes.reduce((n, o) => n + o.documents, 0);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const which = values.all ? "" : ` (read by another version than ${parserVersion})`;
        const lines = [
          `${outcomes.length} files re-read${which} in ${seconds} s: ${documents} documents, ${failed.length} failed`,
        ];
        if (failed.length > 0)
          lines.push("", "Failed:", ...failed.map((f) => `  ${f.fileId} ${f.name}: ${f.code} — ${f.reason}`));
        io.out.write(`${lines.join("\n")}\n`);
      }
      return failed.length > 0 ? 1 : 0;
    });
  });
}
