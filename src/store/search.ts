/**
 * Document search (tìm kiếm văn bản): Vietnamese full text with or without diacritics, tolerant symbol
 * (số, ký hiệu) matching, filters, ranking, paging and snippets, on both store backends.
 */
import { z } from "zod";
import { readableFiles, type Viewer } from "./access.js";
import type { Db, Sql } from "./db.js";
import { type QueryTerms, queryTerms, searchFold } from "./search-terms.js";
import { snippet } from "./snippet.js";

/** A search request; `q` empty lists documents matching the filters, newest first. */
export const searchQuery = z.object({
  q: z.string().max(500).default(""),
  system: z.enum(["party", "state"]).optional(),
  type: z.string().max(100).optional(), // doc type as stored in documents.type, e.g. "Công văn"
  issuer: z.string().max(300).optional(), // matched accent-free, substring
  dateFrom: z.iso.date().optional(), // documents.date is ISO "YYYY-MM-DD" text
  dateTo: z.iso.date().optional(),
  hasAttachments: z.boolean().optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
});

/** A search request as callers write it (defaults optional). */
export type SearchQuery = z.input<typeof searchQuery>;

/** A piece of a snippet: plain text, `hit` when it matched the query. Renderers escape `text`. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** One matching document. */
export interface SearchHit {
  id: number;
  fileId: number;
  recordId: string;
  system: string | null;
  type: string | null;
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  date: string | null;
  subject: string | null;
  hasAttachments: boolean;
  rank: number;
  snippet: SnippetPart[];
}

/** A page of hits with the total count. */
export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  /** True when `total` was capped: there are at least that many matches. */
  totalIsLowerBound?: boolean;
}

/**
 * Counting stops here: past it the total is a lower bound (`totalIsLowerBound`, "500+"). Ranking
 * too: a query that more documents match in their subject, symbol or issuer (a word of every
 * issuer, "của") lists those newest first.
 */
export const COUNT_CAP = 500;
/** Filters that leave at most this many documents drive a text search themselves. */
const FILTER_CAP = 2_000;

// Rank = symbol match (4) + subject holds the whole query (2) + ts_rank_cd of the heading scaled
// into [0, 1) (normalisation 32: rank / (rank + 1)); weights A 1 subject, B 0.4 symbol, C 0.2 issuer.
const SYMBOL_BOOST = 4;
const SUBJECT_BOOST = 2;

// The row as SQL names it: the hit's fields, three of them in snake case, and how it was found.
type HitRow = Pick<
  SearchHit,
  "id" | "system" | "type" | "number" | "symbol" | "issuer" | "date" | "subject" | "rank"
> & {
  file_id: number;
  record_id: string;
  has_attachments: boolean;
  by_symbol: boolean;
};

/** One statement's parameters: `add` appends a value and returns its placeholder. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

type Query = z.output<typeof searchQuery>;
type Condition = (p: Params) => string;

/**
 * The viewer's access, then the filters. `indexed` false writes the filters so that no index serves
 * them (`IS TRUE`): then the text's GIN index drives, and the filters are read from the row.
 */
function filtered(q: Query, viewer: Viewer, indexed = true): Condition[] {
  const where: Condition[] = [(p) => readableFiles("f", viewer, p.values)];
  const add = (sql: (p: Params) => string) => where.push(indexed ? sql : (p) => `(${sql(p)}) IS TRUE`);
  if (q.system !== undefined) add((p) => `d.system = ${p.add(q.system)}`);
  const type = q.type?.trim();
  if (type) add((p) => `d.type = ${p.add(type)}`);
  // Folded, the issuer is a-z0-9 and spaces only: nothing in it is a LIKE wildcard.
  const issuer = q.issuer === undefined ? "" : searchFold(q.issuer);
  if (issuer !== "") add((p) => `d.issuer_folded LIKE '%' || ${p.add(issuer)} || '%'`);
  if (q.dateFrom !== undefined) add((p) => `d.date >= ${p.add(q.dateFrom)}`);
  if (q.dateTo !== undefined) add((p) => `d.date <= ${p.add(q.dateTo)}`);
  if (q.hasAttachments !== undefined) add((p) => `d.has_attachments = ${p.add(q.hasAttachments)}`);
  return where;
}

/** The query's conditions: on the heading (ranked), on the whole text, and the rank itself. */
function matching(t: QueryTerms & { tsquery: string }) {
  const tsq = (p: Params) => `to_tsquery('simple', ${p.add(t.tsquery)})`;
  const bySymbol: Condition = (p) => (t.symbol ? `d.symbol_tokens @> ${p.add(t.symbol)}::text[]` : "false");
  // The whole query in the subject, word for word (the last word as a prefix when it is one).
  const phrase = t.prefixLast ? `% ${t.folded}%` : `% ${t.folded} %`;
  return {
    bySymbol,
    /** Subject, symbol or issuer hold every word, or the symbol matches: what ranking orders. */
    heading: ((p) => `(d.search_head @@ ${tsq(p)} OR ${bySymbol(p)})`) as Condition,
    /** Every word somewhere, not all in the heading: listed after, newest first. */
    body: ((p) =>
      `d.search @@ ${tsq(p)} AND NOT d.search_head @@ ${tsq(p)} AND NOT ${bySymbol(p)}`) as Condition,
    rank: ((p) =>
      `(CASE WHEN ${bySymbol(p)} THEN ${SYMBOL_BOOST} ELSE 0 END` +
      ` + CASE WHEN ' ' || d.subject_folded || ' ' LIKE ${p.add(phrase)} THEN ${SUBJECT_BOOST} ELSE 0 END` +
      ` + ts_rank_cd(d.search_head, ${tsq(p)}, 32))`) as Condition,
  };
}

const hitColumns = `d.id, d.file_id, d.record_id, d.system, d.type, d.number, d.symbol, d.issuer, d.date, d.subject,
  d.has_attachments`;
const newestFirst = "d.date DESC NULLS LAST, d.id DESC";

/** A match found by a scan: enough to order it and to fetch it after. */
type Match = { id: number; date: string | null; rank: number; by_symbol: boolean };

/** Newest first, undated last, then the later stored first: `newestFirst` in TypeScript. */
function byDate(a: Match, b: Match): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return b.id - a.id;
}

/** By rank, then newest first. */
function byRank(a: Match, b: Match): number {
  return b.rank - a.rank || byDate(a, b);
}

type Ranking = { rank: Condition | null; bySymbol: Condition | null };

/** Runs queries against the documents the viewer may read (files joined only when access needs it). */
class Statements {
  constructor(
    private readonly sql: Sql,
    private readonly viewer: Viewer,
    private readonly where: Condition[],
  ) {}

  private from(p: Params, extra: Condition[]): string {
    const conditions = [...this.where, ...extra].map((c) => c(p)).filter((c) => c !== "true");
    const join = this.viewer.role === "admin" ? "" : " JOIN files f ON f.id = d.file_id";
    return `FROM documents d${join}${conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : ""}`;
  }

  private ranked(p: Params, select: Ranking): string {
    const rank = select.rank ? `${select.rank(p)}::float8` : "0::float8";
    return `${rank} AS rank, ${select.bySymbol ? select.bySymbol(p) : "false"} AS by_symbol`;
  }

  /** How many documents match, counting up to `cap + 1` (null: all). */
  async count(extra: Condition[], cap: number | null): Promise<number> {
    const p = new Params();
    const limit = cap === null ? "" : ` LIMIT ${cap + 1}`;
    const sql = `SELECT count(*)::int AS n FROM (SELECT 1 ${this.from(p, extra)}${limit}) s`;
    const [row] = await this.sql.query<{ n: number }>(sql, p.values);
    return row?.n ?? 0;
  }

  /** Up to `limit` matches in no order, found by their condition's index: one scan counts and ranks them. */
  async matches(extra: Condition[], select: Ranking, limit: number): Promise<Match[]> {
    const p = new Params();
    const sql = `SELECT d.id, d.date, ${this.ranked(p, select)} ${this.from(p, extra)} LIMIT ${limit}`;
    return this.sql.query<Match>(sql, p.values);
  }

  /**
   * A page of matches newest first, read in the date index's order until the page is full. For
   * matches known to be many (the only use): their conditions are kept from any index, whose
   * estimate for several words (taken as independent) would gather them all to sort them.
   */
  async newest(extra: Condition[], select: Ranking, limit: number, offset: number): Promise<HitRow[]> {
    if (limit <= 0) return [];
    const p = new Params();
    const unindexed = extra.map(
      (c): Condition =>
        (q) =>
          `(${c(q)}) IS TRUE`,
    );
    const sql = `SELECT ${hitColumns}, ${this.ranked(p, select)} ${this.from(p, unindexed)}
      ORDER BY ${newestFirst} LIMIT ${limit} OFFSET ${offset}`;
    return this.sql.query<HitRow>(sql, p.values);
  }

  /** The hit columns of matches already found, in their order. */
  async rows(found: readonly Match[]): Promise<HitRow[]> {
    if (found.length === 0) return [];
    const rows = await this.sql.query<Omit<HitRow, "rank" | "by_symbol">>(
      `SELECT ${hitColumns} FROM documents d WHERE d.id = ANY ($1::integer[])`,
      [found.map((m) => m.id)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return found.flatMap((m) => {
      const row = byId.get(m.id);
      return row ? [{ ...row, rank: m.rank, by_symbol: m.by_symbol }] : [];
    });
  }
}

/**
 * Searches the documents the viewer may read: Vietnamese words with or without diacritics (every
 * one, the last also as a prefix), a symbol in any spelling (`677 cv tu`, `cv-677`), the filters.
 *
 * Order: first the documents whose symbol matches or whose subject, symbol and issuer hold every
 * word, by rank (symbol, then the whole query in the subject, then ts_rank_cd over subject > symbol >
 * issuer); then those with the words in their text, newest first. An empty query lists newest first.
 * The total counts up to COUNT_CAP; more heading matches than that are listed newest first.
 *
 * @example
 * await searchDocuments(db, viewer, { q: "quyet dinh", system: "state", pageSize: 10 });
 */
export async function searchDocuments(sql: Sql, viewer: Viewer, query: SearchQuery): Promise<SearchResult> {
  const q = searchQuery.parse(query);
  const terms = queryTerms(q.q);
  const where = filtered(q, viewer);
  const offset = (q.page - 1) * q.pageSize;
  const none: Ranking = { rank: null, bySymbol: null };
  const { rows, total } = await (async (): Promise<{ rows: HitRow[]; total: number }> => {
    if (terms.tsquery === null) {
      const run = new Statements(sql, viewer, where);
      const total = await run.count([], COUNT_CAP);
      return { total, rows: await run.newest([], none, q.pageSize, offset) };
    }
    const m = matching({ ...terms, tsquery: terms.tsquery });
    const select: Ranking = { rank: m.rank, bySymbol: m.bySymbol };
    return planned(sql, async (tx) => {
      const run = new Statements(tx, viewer, where);
      // The body's words are read from a large out-of-line tsvector: a plan that checks them row by
      // row after a filter's index costs ~15 µs a row. Unless the filters leave few documents, the
      // GIN index finds the body matches and the filters are read from the row.
      const broad = where.length > 1 && (await run.count([], FILTER_CAP)) > FILTER_CAP;
      const inBody = broad ? new Statements(tx, viewer, filtered(q, viewer, false)) : run;
      const heading = await run.matches([m.heading], select, COUNT_CAP + 1);
      if (heading.length > COUNT_CAP) {
        // Too common a heading to rank: newest first, and past them (rarely reached) the body's.
        const rows = await run.newest([m.heading], select, q.pageSize, offset);
        if (rows.length < q.pageSize) {
          const before = await run.count([m.heading], null);
          const rest = q.pageSize - rows.length;
          rows.push(...(await inBody.newest([m.body], select, rest, Math.max(0, offset - before))));
        }
        return { total: heading.length, rows };
      }
      heading.sort(byRank);
      const body = await inBody.matches([m.body], none, COUNT_CAP - heading.length + 1);
      const total = heading.length + body.length;
      const rows = await run.rows(heading.slice(offset, offset + q.pageSize));
      if (rows.length < q.pageSize && body.length > 0) {
        const from = Math.max(0, offset - heading.length);
        const rest = q.pageSize - rows.length;
        // All the body's matches are in hand when they were counted whole; else the date index pages.
        if (total <= COUNT_CAP) rows.push(...(await run.rows(body.sort(byDate).slice(from, from + rest))));
        else rows.push(...(await inBody.newest([m.body], select, rest, from)));
      }
      return { total, rows };
    });
  })();
  const result: SearchResult = {
    total: Math.min(total, COUNT_CAP),
    page: q.page,
    pageSize: q.pageSize,
    hits: [],
  };
  if (total > COUNT_CAP) result.totalIsLowerBound = true;
  const words = (r: HitRow) => (r.by_symbol && terms.symbol ? terms.symbol : terms.terms);
  const prefixLast = (r: HitRow) => (r.by_symbol ? false : terms.prefixLast);
  // The start of each body holds the match nearly always (the heading is there); a body that does not
  // is read whole.
  const heads = await bodiesOf(
    sql,
    rows.map((r) => r.id),
    SNIPPET_SOURCE,
  );
  const snippets = new Map(rows.map((r) => [r.id, snippet(heads.get(r.id) ?? "", words(r), prefixLast(r))]));
  const missed = rows.filter(
    (r) =>
      words(r).length > 0 &&
      (heads.get(r.id)?.length ?? 0) >= SNIPPET_SOURCE &&
      !snippets.get(r.id)!.some((p) => p.hit),
  );
  const whole = await bodiesOf(
    sql,
    missed.map((r) => r.id),
    null,
  );
  for (const r of missed) snippets.set(r.id, snippet(whole.get(r.id) ?? "", words(r), prefixLast(r)));
  result.hits = rows.map((r) => ({
    id: r.id,
    fileId: r.file_id,
    recordId: r.record_id,
    system: r.system,
    type: r.type,
    number: r.number,
    symbol: r.symbol,
    issuer: r.issuer,
    date: r.date,
    subject: r.subject,
    hasAttachments: r.has_attachments,
    rank: Number(r.rank),
    snippet: snippets.get(r.id)!,
  }));
  return result;
}

/**
 * Runs `fn` with the planner kept off sequential scans (and JIT): it prices a row's match as one
 * operator, but a match reads the row's out-of-line tsvector, so a scan over a common word costs
 * seconds where the GIN index answers in milliseconds. In a transaction of its own when `sql` is the
 * database; inside the caller's otherwise, with the settings put back.
 */
async function planned<T>(sql: Sql, fn: (tx: Sql) => Promise<T>): Promise<T> {
  const settings = "SELECT set_config('enable_seqscan', $1, true), set_config('jit', $2, true)";
  const db = sql as Partial<Db>;
  if (typeof db.transaction === "function")
    return db.transaction(async (tx) => {
      await tx.query(settings, ["off", "off"]);
      return fn(tx);
    });
  const [before] = await sql.query<{ seq: string; jit: string }>(
    "SELECT current_setting('enable_seqscan') AS seq, current_setting('jit') AS jit",
  );
  await sql.query(settings, ["off", "off"]);
  try {
    return await fn(sql);
  } finally {
    await sql.query(settings, [before!.seq, before!.jit]);
  }
}

/** How much of a body is read first for its snippet. */
const SNIPPET_SOURCE = 4000;

/** Each document's own part of its file's text (documents.body_start/body_end), its first `max` characters. */
async function bodiesOf(sql: Sql, ids: number[], max: number | null): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.query<{ id: number; body: string | null }>(
    `SELECT d.id, substr(f.text, d.body_start + 1, least(d.body_end - d.body_start, $2)) AS body
     FROM documents d JOIN files f ON f.id = d.file_id WHERE d.id = ANY ($1::integer[])`,
    [ids, max ?? 2_147_483_647],
  );
  return new Map(rows.map((r) => [r.id, r.body ?? ""]));
}
