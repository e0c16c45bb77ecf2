/**
 * `chidao cascade SYMBOL [--issuer WORDS] [--json] [--data DIR]`: a document's place in the cascade
 * (sơ đồ triển khai) — the chain above it, the tree below its topmost directive with the lag of each
 * step, and the recipients asked to act that have not answered. The command holds the database, so
 * it reads as an administrator, like `chidao search`.
 */
import { cascadeOf, renderCascade } from "../link/cascade.js";
import type { Cascade, GraphNode } from "../link/graph.js";
import { successorBodies } from "../link/organisations.js";
import { findIdentities, loadCascade, recipientsOf } from "../store/cascade.js";
import {
  CommandError,
  cliViewer,
  type Io,
  ioOf,
  parseCommandArgs,
  runCommand,
  table,
  UsageError,
  withStore,
} from "./store-command.js";

/** The usage lines of `chidao cascade`. */
export const cascadeUsage = `  chidao cascade SYMBOL [--issuer WORDS] [--json] [--data DIR]
      a document's cascade: what it implements above, what implements it below (with the lag in
      days), and its recipients that have not responded; --issuer picks one of several documents
      with the symbol (words of the issuer's name: "Cần Thơ", "Thành ủy")
`;

/** The recipients of a document, as `recipientsOf` gives them. */
export type Recipients = Awaited<ReturnType<typeof recipientsOf>>;

/** What `--json` prints: the drawn cascade and the focus's recipients. */
export type CascadeJson = Cascade & { recipients: Recipients };

function matchesTable(matches: GraphNode[]): string {
  return table(
    ["symbol", "issuer", "date", "in store"],
    matches.map((m) => [m.symbol, m.issuer ?? "?", m.date ?? "?", m.present ? "yes" : "no"]),
  );
}

/** The recipients asked to act that have not responded, as lines under a heading. */
export function unansweredText(focus: GraphNode, recipients: Recipients): string {
  if (!focus.present) return `${focus.symbol} is not in the store: its recipients are not known.\n`;
  const acting = recipients.filter((g) => g.purpose === "act");
  if (acting.length === 0) return `${focus.symbol} names no recipient asked to act.\n`;
  const lines = [`Recipients of ${focus.symbol} that have not responded:`];
  let waiting = 0;
  for (const g of acting) {
    const silent = g.units.filter((u) => u.responded.length === 0);
    waiting += silent.length;
    const answered = g.units.length - silent.length;
    const note = g.expanded
      ? answered > 0
        ? ` (${answered} of ${g.units.length} responded)`
        : ""
      : " (not every unit could be named)";
    lines.push(`  ${g.group}${note}`);
    for (const u of silent) {
      // A body that ended on 1 July 2025 still owes the answer; its successors are who to chase.
      const next = successorBodies(u.key).map((o) => o.short);
      lines.push(`    - ${u.short}${next.length ? ` (now: ${next.join(", ")})` : ""}`);
    }
  }
  if (waiting === 0) lines.push("  every named recipient has responded");
  return `${lines.join("\n")}\n`;
}

function relatedText(cascade: Cascade): string {
  if (cascade.related.length === 0) return "";
  const lines = cascade.related.map(({ node, relation, direction }) => {
    const about = [node.issuer, node.date].filter(Boolean).join(", ");
    const other = `${node.symbol}${about ? ` (${about})` : ""}`;
    return direction === "out" ? `  ${relation} ${other}` : `  ${other} ${relation} it`;
  });
  return `Related to ${cascade.focus.symbol}:\n${lines.join("\n")}\n`;
}

/** Runs `chidao cascade`; 0 when drawn, 1 for an unknown symbol, 2 on bad usage or several matches. */
export function cascadeCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  return runCommand("cascade", cascadeUsage, io, async () => {
    const { values, positionals } = parseCommandArgs(args, {
      issuer: { type: "string" },
      json: { type: "boolean" },
      data: { type: "string" },
    });
    const symbol = positionals.join(" ").trim();
    if (symbol === "") throw new UsageError("give the SYMBOL of a document (12-CT/TW, 677-CV/TU)");
    const issuer = values.issuer?.trim() || undefined;
    const json = values.json ?? false;
    return withStore(values.data, async (db) => {
      const matches = await findIdentities(db, cliViewer, symbol, issuer);
      if (matches.length === 0)
        throw new CommandError(
          `no document with the symbol "${symbol}"${issuer ? ` issued by "${issuer}"` : ""} is known`,
        );
      if (matches.length > 1) {
        io.out.write(json ? `${JSON.stringify({ matches })}\n` : matchesTable(matches));
        io.err.write(
          `chidao cascade: ${matches.length} documents have the symbol "${symbol}"; give --issuer WORDS to pick one\n`,
        );
        return 2;
      }
      const focus = matches[0]!;
      const graph = await loadCascade(db, cliViewer, focus.key);
      const cascade = graph && cascadeOf(graph, focus.key);
      if (!cascade) throw new CommandError(`the cascade of ${focus.symbol} could not be read`);
      const recipients = await recipientsOf(db, cliViewer, focus.key);
      if (json) {
        const out: CascadeJson = { ...cascade, recipients };
        io.out.write(`${JSON.stringify(out)}\n`);
        return 0;
      }
      const related = relatedText(cascade);
      io.out.write(
        `${renderCascade(cascade)}\n\n${related ? `${related}\n` : ""}${unansweredText(cascade.focus, recipients)}`,
      );
      return 0;
    });
  });
}
