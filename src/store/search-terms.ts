/**
 * A search query folded into what the store matches: the same folding as the database's
 * `search_fold` (migrations/003-search.sql: unaccent, lower case, runs of anything but a-z0-9 as one
 * space), done here with src/text/fold.ts so that the terms can also mark hits in a snippet.
 */
import { fold } from "../text/fold.js";

/** More terms than this are dropped: an AND of 32 words already finds one document or none. */
const MAX_TERMS = 32;

/**
 * Text folded as the database folds it for search.
 *
 * @example
 * searchFold("Quyết định số 30/2020/NĐ-CP"); // "quyet dinh so 30 2020 nd cp"
 */
export function searchFold(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * A symbol's tokens as `search_tokens` stores them: folded words, letters parted from digits.
 *
 * @example
 * symbolTokens("677-CV/TU"); // ["677", "cv", "tu"]
 */
export function symbolTokens(text: string): string[] {
  const folded = searchFold(text)
    .replace(/([0-9])([a-z])/g, "$1 $2")
    .replace(/([a-z])([0-9])/g, "$1 $2");
  return folded === "" ? [] : folded.split(" ");
}

/** What a query asks for, folded. */
export interface QueryTerms {
  /** The whole query folded: "quyet dinh". Empty when it has no letters or digits. */
  folded: string;
  /** Its words, in order; each must occur (AND). */
  terms: string[];
  /** Whether the last word also matches longer words ("quyet di" finds "dinh"). */
  prefixLast: boolean;
  /** The `to_tsquery('simple', …)` text, or null when there are no terms. Words are [a-z0-9]+ only. */
  tsquery: string | null;
  /** The symbol tokens to look for, or null when the query has no digits (a symbol always has a number). */
  symbol: string[] | null;
}

/**
 * Folds a query into terms. The last word is a prefix ("quyet di" finds "dinh") unless the query
 * ends in a space or holds a number: then it names a reference, and 67 is not 677.
 *
 * @example
 * queryTerms("Quyết đ").tsquery; // "quyet & d:*"
 * queryTerms("cv 677").symbol; // ["cv", "677"]
 */
export function queryTerms(q: string): QueryTerms {
  const folded = searchFold(q);
  const terms = folded === "" ? [] : [...new Set(folded.split(" "))].slice(0, MAX_TERMS);
  const last = terms.at(-1);
  // A query with a number names a reference (a symbol, a year): its words are whole.
  const prefixLast = last !== undefined && !/[0-9]/.test(folded) && !/[^\p{L}\p{N}]$/u.test(q);
  const tsquery =
    terms.length === 0
      ? null
      : terms.map((t, i) => (prefixLast && i === terms.length - 1 ? `${t}:*` : t)).join(" & ");
  const tokens = [...new Set(symbolTokens(folded))].slice(0, MAX_TERMS);
  const symbol = tokens.some((t) => /^[0-9]/.test(t)) ? tokens : null;
  return { folded, terms, prefixLast, tsquery, symbol };
}
