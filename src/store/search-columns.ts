/**
 * What the write path computes for search from a file's text (migrations/003-search.sql holds the
 * same rules in SQL for the documents stored before it): each document's own part of the text, and
 * the distinct folded words of that part. Pure.
 */
import type { DocumentRecord } from "../parse/record.js";
import { fold } from "../text/fold.js";

/** Only this much of a document's text is indexed: bounds the work and the size of a tsvector. */
export const BODY_INDEX_CHARS = 300_000;
/** Longer runs of letters and digits are not words (tsvector takes lexemes under 2 KB). */
export const MAX_WORD_LENGTH = 100;

/** `[start, end)` in the file's text. */
export type Region = [number, number];

function firstOffset(record: DocumentRecord): number | null {
  let first: number | null = null;
  for (const span of Object.values(record.spans ?? {})) {
    const start = Array.isArray(span) ? span[0] : undefined;
    if (typeof start === "number" && (first === null || start < first)) first = Math.trunc(start);
  }
  return first;
}

/**
 * Each document's part of the file's text, in reading order: from its first span (the text's start
 * for the first document or one without spans) to the first span of the next, else the end.
 *
 * @example
 * bodyRegions([main, annex], 16668); // [[0, 1489], [1489, 16668]]
 */
export function bodyRegions(records: readonly DocumentRecord[], length: number): Region[] {
  const firsts = records.map(firstOffset);
  return records.map((_, i) => {
    const first = firsts[i];
    const start = Math.min(i === 0 || first === null || first === undefined ? 0 : first, length);
    const next = firsts[i + 1];
    const end = next !== null && next !== undefined && next > start && next <= length ? next : length;
    return [start, end];
  });
}

/**
 * The distinct words of a text folded for search (a-z0-9 runs of the folded text), in order of first
 * appearance. The text is cut at BODY_INDEX_CHARS.
 *
 * @example
 * bodyWords("Quyết định số 30/2020/NĐ-CP, quyết định"); // ["quyet", "dinh", "so", "30", "2020", "nd", "cp"]
 */
export function bodyWords(text: string): string[] {
  const words = new Set<string>();
  for (const m of fold(text.slice(0, BODY_INDEX_CHARS)).matchAll(/[a-z0-9]+/g)) {
    if (m[0].length <= MAX_WORD_LENGTH) words.add(m[0]);
  }
  return [...words];
}

/**
 * The body part of `documents.search` as a tsvector literal: every word at position 1, weight D
 * (migrations/003-search.sql lays the head before it). Words are a-z0-9 only: nothing to quote.
 *
 * @example
 * bodyVector("Quyết định, quyết định"); // "quyet:1 dinh:1"
 */
export function bodyVector(text: string): string {
  return bodyWords(text)
    .map((w) => `${w}:1`)
    .join(" ");
}
