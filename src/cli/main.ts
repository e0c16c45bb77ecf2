import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { importCommand } from "./import.js";
import { parseCommand } from "./parse.js";

const usage = `chidao — reads Vietnamese Party and State documents

Usage:
  chidao parse FILE... [--json]   read documents into records (one JSON line per file with --json)
  chidao start                    parse the sample documents and show what was read
  chidao import PATH... [--data DIR] [--workers N] [--json]
                                  store documents (files and folders, recursive) in ./chidao-data,
                                  CHIDAO_DATA or --data DIR, or on the server in DATABASE_URL
  chidao help                     this text
`;

/** The sample documents shipped with the project (the two seed documents). */
export function samplesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "samples");
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "parse": {
      let parsed: { values: { json?: boolean }; positionals: string[] };
      try {
        parsed = parseArgs({
          args: rest,
          options: { json: { type: "boolean", default: false } },
          allowPositionals: true,
        });
      } catch (error) {
        process.stderr.write(
          `chidao parse: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`,
        );
        return 2;
      }
      const { values, positionals } = parsed;
      if (positionals.length === 0) {
        process.stderr.write("chidao parse: give one or more files\n");
        return 2;
      }
      return parseCommand(positionals, values.json ?? false);
    }
    case "import":
      return importCommand(rest);
    case "start": {
      process.stdout.write(usage);
      const dir = samplesDir();
      const files = (await readdir(dir)).sort().map((f) => join(dir, f));
      process.stdout.write(`\nThe sample documents (${dir}):\n\n`);
      return parseCommand(files, false);
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(usage);
      return 0;
    default:
      process.stderr.write(`chidao: unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

// Run directly (`tsx src/cli/main.ts …`) as well as through bin/chidao.js.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
