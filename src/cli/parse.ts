import { readFile } from "node:fs/promises";
import { parse } from "../parse/index.js";
import type { DocumentRecord, ParseResult } from "../parse/record.js";

/** `chidao parse FILE... [--json]`: one JSON line per file, or a readable summary. Returns the exit code. */
export async function parseCommand(files: string[], json: boolean, out = process.stdout): Promise<number> {
  let failed = 0;
  for (const file of files) {
    let result: ParseResult;
    try {
      result = await parse(await readFile(file), { filename: file });
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message : String(error);
      out.write(json ? `${JSON.stringify({ file, error: reason })}\n` : `${file}: FAILED — ${reason}\n`);
      continue;
    }
    if (json) {
      out.write(
        `${JSON.stringify({ file, format: result.format, warnings: result.warnings, documents: result.documents })}\n`,
      );
    } else {
      out.write(summary(result));
    }
  }
  return failed > 0 ? 1 : 0;
}

function summary(result: ParseResult): string {
  const lines = [`${result.file} (${result.format})`];
  for (const w of result.warnings) lines.push(`  ! ${w}`);
  for (const d of result.documents) lines.push(...describe(d));
  return `${lines.join("\n")}\n\n`;
}

function describe(d: DocumentRecord): string[] {
  const s = d.signer;
  return [
    `  [${d.id}]${d.attached_to ? ` attached to ${d.attached_to}` : ""}`,
    `    ${d.type ?? "?"} ${d.symbol ?? "(no number)"} — ${d.issuer ?? "?"}${d.parent_issuer ? ` (${d.parent_issuer})` : ""}`,
    `    ${d.place ?? "?"}, ${d.date ?? "?"} · ${d.system ?? "?"}`,
    `    ${d.subject ?? "(no subject)"}`,
    `    Kính gửi: ${d.recipients.join("; ") || "—"}`,
    `    Ký: ${[s.authority, s.position, s.name].filter(Boolean).join(" / ") || "—"}`,
    `    Nơi nhận: ${d.distribution.length} · citations: ${d.citations.length} · clauses: ${d.clauses.length}`,
    ...d.warnings.map((w) => `    ! ${w}`),
  ];
}
