/**
 * `chidao relink [--json] [--data DIR]`: links every stored document into the cascade again — after
 * the linking rules or the organisation tables changed, or for documents imported before linking
 * existed. Confirmed choices between ambiguous issuers are the store's to keep.
 */
import cliProgress from "cli-progress";
import { relinkAll } from "../store/cascade.js";
import {
  expectPositionals,
  type Io,
  ioOf,
  parseCommandArgs,
  runCommand,
  withStore,
} from "./store-command.js";

/** The usage lines of `chidao relink`. */
export const relinkUsage = `  chidao relink [--json] [--data DIR]
      link every stored document into the cascade again (after the rules or the organisation tables
      changed); prints how many documents, identities and edges there are
`;

/** A bar over documents on `stream`; silent where nobody watches (not a TTY, --json). */
function documentBar(stream: Io["err"], show: boolean) {
  if (!show || !stream.isTTY) return { update: (_done: number, _total: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: " {bar} {value}/{total} documents | ETA {eta_formatted}", stream, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    update(done: number, total: number) {
      if (!running) {
        bar.start(total, done);
        running = true;
      } else bar.update(done);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** Runs `chidao relink`; returns the exit code. */
export function relinkCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  return runCommand("relink", relinkUsage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      data: { type: "string" },
      json: { type: "boolean" },
    });
    expectPositionals(positionals, []);
    const json = values.json ?? false;
    return withStore(values.data, async (db) => {
      const bar = documentBar(io.err, !json);
      const started = Date.now();
      let counts: Awaited<ReturnType<typeof relinkAll>>;
      try {
        counts = await relinkAll(db, { onProgress: bar.update });
      } finally {
        bar.stop();
      }
      if (json) io.out.write(`${JSON.stringify(counts)}\n`);
      else
        io.out.write(
          `${counts.documents} documents linked in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
            `${counts.identities} identities, ${counts.edges} edges\n`,
        );
      return 0;
    });
  });
}
