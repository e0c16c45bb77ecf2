/**
 * `chidao search QUERY [--json] [--data DIR] [filters]`: the stored documents a query finds, ranked,
 * with a snippet of each. Whoever has the database has everything: the command reads as an admin.
 */
import { recordsById } from "../store/documents.js";
import {
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  searchDocuments,
  searchQuery,
} from "../store/search.js";
import {
  cliViewer,
  type Io,
  ioOf,
  parseCommandArgs,
  runCommand,
  UsageError,
  withStore,
} from "./store-command.js";

/** The usage lines of `chidao search`. */
export const searchUsage = `  chidao search QUERY [--json] [--data DIR] [--type T] [--system party|state] [--issuer X]
               [--from DATE] [--to DATE] [--has-attachments] [--page N] [--page-size N]
      search stored documents: words with or without diacritics, or a symbol (677 cv tu); DATE is
      YYYY-MM-DD; without QUERY a filter lists documents newest first
`;

/** A whole number option, or undefined; anything else is left for the query's schema to refuse. */
function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} takes a whole number, not "${text}"`);
  return Number(text);
}

/** The query the command line asks for. */
function queryOf(args: string[]): { query: SearchQuery; json: boolean; data: string | undefined } {
  const { values, positionals } = parseCommandArgs(args, {
    json: { type: "boolean" },
    data: { type: "string" },
    type: { type: "string" },
    system: { type: "string" },
    issuer: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    "has-attachments": { type: "boolean" },
    page: { type: "string" },
    "page-size": { type: "string" },
  });
  if (values.system !== undefined && values.system !== "party" && values.system !== "state")
    throw new UsageError(`--system is party or state, not "${values.system}"`);
  const query: SearchQuery = {
    q: positionals.join(" "),
    type: values.type,
    system: values.system as "party" | "state" | undefined,
    issuer: values.issuer,
    dateFrom: values.from,
    dateTo: values.to,
    hasAttachments: values["has-attachments"] ? true : undefined,
    page: wholeNumber("page", values.page),
    pageSize: wholeNumber("page-size", values["page-size"]),
  };
  const filtered = [
    query.type,
    query.system,
    query.issuer,
    query.dateFrom,
    query.dateTo,
    query.hasAttachments,
  ];
  if (query.q?.trim() === "" && filtered.every((f) => f === undefined))
    throw new UsageError("give a QUERY, or a filter to list documents by");
  searchQuery.parse(query); // a bad date or page is a usage error before the store opens
  return { query, json: values.json ?? false, data: values.data };
}

/** A snippet with its hits in «…». */
export function markedSnippet(hit: SearchHit): string {
  return hit.snippet.map((p) => (p.hit ? `«${p.text}»` : p.text)).join("");
}

function text(result: SearchResult): string {
  const first = (result.page - 1) * result.pageSize;
  const lines = result.hits.flatMap((h, i) => [
    `${first + i + 1}. ${h.symbol ?? "(no symbol)"} · ${h.date ?? "(no date)"} · ${h.issuer ?? "(no issuer)"}`,
    `   ${h.subject ?? "(no subject)"}`,
    `   ${markedSnippet(h)}`,
    `   file ${h.fileId}, record ${h.recordId}`,
    "",
  ]);
  const total = `${result.total}${result.totalIsLowerBound ? "+" : ""}`;
  const page = result.page > 1 ? `, page ${result.page}` : "";
  return `${lines.join("\n")}${result.hits.length} of ${total}${page}\n`;
}

/** Runs `chidao search`; returns the exit code (0 also when nothing is found, 2 on bad usage). */
export function searchCommand(args: string[], given: Partial<Io> = {}): Promise<number> {
  const io = ioOf(given);
  return runCommand("search", searchUsage, io, async () => {
    const { query, json, data } = queryOf(args);
    return withStore(data, async (db) => {
      const result = await searchDocuments(db, cliViewer, query);
      if (!json) {
        io.out.write(text(result));
        return 0;
      }
      const records = await recordsById(
        db,
        result.hits.map((h) => h.id),
      );
      const hits = result.hits.map((h) => ({ ...h, record: records.get(h.id) ?? null }));
      io.out.write(`${JSON.stringify({ ...result, hits })}\n`);
      return 0;
    });
  });
}
