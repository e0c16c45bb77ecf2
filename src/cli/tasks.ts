import { readFile } from "node:fs/promises";
import { parse } from "../parse/index.js";
import { extractTasks } from "../tasks/extract.js";
import type { Task } from "../tasks/types.js";

export const tasksUsage =
  "  chidao tasks FILE... [--json]   the assignments each document makes (one JSON line per file with --json)\n";

/** `chidao tasks FILE... [--json]`: reads each file and prints its tasks; no store. Returns the exit code. */
export async function tasksCommand(files: string[], json: boolean, out = process.stdout): Promise<number> {
  let failed = 0;
  for (const file of files) {
    let tasks: Task[];
    try {
      const result = await parse(await readFile(file), { filename: file });
      tasks = result.documents.flatMap((d) => extractTasks(d, result.text));
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      out.write(json ? `${JSON.stringify({ file, error: reason })}\n` : `${file}: FAILED — ${reason}\n`);
      continue;
    }
    out.write(json ? `${JSON.stringify({ file, tasks })}\n` : describe(file, tasks));
  }
  return failed > 0 ? 1 : 0;
}

function describe(file: string, tasks: Task[]): string {
  const lines = [`${file}: ${tasks.length} task${tasks.length === 1 ? "" : "s"}`];
  let doc: string | null = null;
  for (const t of tasks) {
    if (t.doc !== doc) {
      doc = t.doc;
      lines.push(`  [${doc}]`);
    }
    lines.push(`    ${t.clause ?? "(body)"} — ${t.action}`);
    for (const a of t.assignees)
      lines.push(`      ${a.role === "lead" ? "lead      " : "coordinate"} ${a.unit}`);
    if (t.deliverable) lines.push(`      deliverable ${t.deliverable}`);
    if (t.deadline || t.deadline_text)
      lines.push(`      deadline   ${t.deadline ?? "?"} (${t.deadline_text ?? ""})`);
    if (t.recurrence) lines.push(`      recurrence ${t.recurrence}`);
    if (t.reports_to) lines.push(`      reports to ${t.reports_to}`);
  }
  return `${lines.join("\n")}\n\n`;
}

/** The command line of `chidao tasks`: FILE... [--json]. */
export async function tasksMain(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--json");
  const files = args.filter((a) => !a.startsWith("--"));
  if (unknown.length > 0 || files.length === 0) {
    process.stderr.write(
      `chidao tasks: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : "give one or more files"}\n${tasksUsage}`,
    );
    return 2;
  }
  return tasksCommand(files, json);
}
