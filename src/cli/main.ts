import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { cascadeCommand, cascadeUsage } from "./cascade.js";
import { correctCommand, correctUsage } from "./correct.js";
import { importCommand, importUsage } from "./import.js";
import { parseCommand } from "./parse.js";
import { relinkCommand, relinkUsage } from "./relink.js";
import { remindCommand, remindUsage } from "./remind.js";
import { reparseCommand, reparseUsage } from "./reparse.js";
import { reportCommand, reportUsage } from "./report.js";
import { samplesDir } from "./samples.js";
import { searchCommand, searchUsage } from "./search.js";
import { serveCommand, serveUsage, startCommand, startUsage } from "./serve.js";
import { tasksMain, tasksUsage } from "./tasks.js";
import { unitCommand, unitUsage } from "./unit.js";
import { userCommand, userUsage } from "./user.js";

export { samplesDir } from "./samples.js";

const usage = `chidao — reads Vietnamese Party and State documents

Usage:
  chidao parse FILE... [--json]   read documents into records (one JSON line per file with --json)
  chidao samples                  parse the sample documents and show what was read
  ${startUsage}
  ${serveUsage}
  ${importUsage}
${tasksUsage}${searchUsage}${cascadeUsage}${reparseUsage}${relinkUsage}${correctUsage}${userUsage}${unitUsage}${remindUsage}${reportUsage}  chidao help                     this text

The store is the embedded database in ./chidao-data (CHIDAO_DATA, or --data DIR), or the PostgreSQL
server in DATABASE_URL (schema CHIDAO_SCHEMA).
`;

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
    case "tasks":
      return tasksMain(rest);
    case "import":
      return importCommand(rest);
    case "search":
      return searchCommand(rest);
    case "cascade":
      return cascadeCommand(rest);
    case "reparse":
      return reparseCommand(rest);
    case "relink":
      return relinkCommand(rest);
    case "correct":
      return correctCommand(rest);
    case "user":
      return userCommand(rest);
    case "remind":
      return remindCommand(rest);
    case "report":
      return reportCommand(rest);
    case "unit":
      return unitCommand(rest);
    case "serve":
      return serveCommand(rest);
    case "start":
      return startCommand(rest);
    case "samples": {
      if (rest.length > 0) {
        process.stderr.write(`chidao samples: takes no arguments\n\n${usage}`);
        return 2;
      }
      const dir = samplesDir();
      const files = (await readdir(dir)).sort().map((f) => join(dir, f));
      process.stdout.write(`The sample documents (${dir}):\n\n`);
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
