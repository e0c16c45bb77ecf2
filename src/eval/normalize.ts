/**
 * The normalisation the gold is compared under (../shared/docs/record.md, "How the gold is compared";
 * ../shared/corpus/README.md, "Conventions of the gold"). Applied to both sides.
 */

import { canonTone } from "../text/tone.js";

export { canonTone };

/** NFC, canonical tone placement, whitespace collapsed and trimmed. */
export function normText(s: string): string {
  return canonTone(s).replace(/\s+/g, " ").trim();
}

/** `normText` in lower case: the comparison of issuer, subject, place, recipients, distribution, signer.*. */
export function normCaseless(s: string): string {
  return normText(s).toLowerCase();
}

/** A value as the gold means it: an absent, empty or blank string is "not in the text". */
export function isBlank(s: string | null | undefined): s is null | undefined | "" {
  return s === null || s === undefined || s.trim() === "";
}

/** A leading trích yếu marker: "V/v", "v/v", "Về việc", "Về", with an optional ":" after it. */
const SUBJECT_MARKER = /^(?:v\/v|về việc|về)(?=[\s:.]|$)[\s:.]*/;

/** Subject: caseless, without a leading "V/v" / "Về việc" / "Về" (record.md). */
export function normSubject(s: string): string {
  return normCaseless(s).replace(SUBJECT_MARKER, "").trim();
}

/** Symbol: spaces removed, case and "Đ"/"D" kept as printed. */
export function normSymbol(s: string): string {
  return canonTone(s).replace(/\s+/g, "");
}

/** Authority chain: caseless, dots and slashes ignored ("T/M" = "TM", "KT." = "KT"). */
export function normAuthority(s: string): string {
  return normCaseless(s.replace(/\//g, "").replace(/\./g, " "));
}

/** Leading list markers and trailing separators trimmed off a Kính gửi / Nơi nhận item. */
const ITEM_LEAD = /^[\s\-–—+•]+/;
const ITEM_TAIL = /[\s;,.]+$/;

/** One recipients / distribution item: trimmed as record.md describes, then caseless. */
export function normItem(s: string): string {
  return normCaseless(s.replace(ITEM_LEAD, "").replace(ITEM_TAIL, ""));
}

/** A list of items as a set of normalised, non-empty items. */
export function itemSet(items: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const item of items) {
    const n = normItem(item);
    if (n !== "") out.add(n);
  }
  return out;
}
