/**
 * What is wrong with a parser's output: its shape (src/parse/record-schema.ts, the contract) and
 * spans that do not point into the text. Shared by the fuzz, bad-input and CLI tests.
 */
import type { Clause, ParseResult } from "../../src/parse/record.js";
import { recordSchema } from "../../src/parse/record-schema.js";

function spanProblem(where: string, s: readonly [number, number], length: number): string | null {
  return s[0] < 0 || s[0] > s[1] || s[1] > length
    ? `${where}: span [${s[0]}, ${s[1]}) outside [0, ${length}]`
    : null;
}

function clauseSpanProblems(clauses: Clause[], where: string, length: number, out: string[]): void {
  for (const [i, c] of clauses.entries()) {
    const p = spanProblem(`${where}[${i}]`, c.span, length);
    if (p) out.push(p);
    clauseSpanProblems(c.children, `${where}[${i}].children`, length, out);
  }
}

/**
 * What is wrong with the records read from `text`: shape errors (a field missing or of the wrong
 * type) and spans that do not point into the text (not checked when `text` is null: the CLI's JSON
 * carries no text). Empty when all is well.
 */
export function recordProblems(records: unknown, text: string | null): string[] {
  if (!Array.isArray(records)) return [`documents is not an array: ${typeof records}`];
  const problems: string[] = [];
  for (const [i, raw] of records.entries()) {
    const parsed = recordSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 5)) {
        problems.push(`record ${i}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
      }
      continue;
    }
    const r = parsed.data;
    if (text === null) continue;
    for (const [field, s] of Object.entries(r.spans)) {
      const p = spanProblem(`record ${i} spans.${field}`, s, text.length);
      if (p) problems.push(p);
    }
    for (const [j, c] of r.citations.entries()) {
      const p = spanProblem(`record ${i} citations[${j}]`, c.span, text.length);
      if (p) problems.push(p);
    }
    clauseSpanProblems(r.clauses, `record ${i} clauses`, text.length, problems);
  }
  const ids = records.map((r: { id?: unknown }) => r?.id);
  if (new Set(ids).size !== ids.length) problems.push(`record ids repeat: ${ids.join(", ")}`);
  return problems;
}

/** `recordProblems` for a whole `ParseResult`, plus the result's own fields. */
export function resultProblems(result: ParseResult): string[] {
  const problems: string[] = [];
  if (typeof result.text !== "string") problems.push("text is not a string");
  if (typeof result.format !== "string") problems.push("format is not a string");
  if (!Array.isArray(result.warnings) || result.warnings.some((w) => typeof w !== "string")) {
    problems.push("warnings is not a string[]");
  }
  if (!Array.isArray(result.documents) || result.documents.length === 0) {
    problems.push("no document record (a file that was read gives at least one)");
  }
  return [...problems, ...recordProblems(result.documents, result.text ?? "")];
}
