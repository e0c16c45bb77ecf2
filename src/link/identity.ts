/**
 * A document's identity: issuing series + number-symbol + year (product.md, "Identity matters").
 * "108-KH/TU" recurs in every province and every Party term, so the symbol alone never identifies.
 */
import { normaliseSymbolChars } from "../parse/symbol.js";

/** The series of an identity whose issuer could not be settled. */
export const UNKNOWN_SERIES = "?";
/** The year of an identity whose date and symbol give none. */
export const UNKNOWN_YEAR = "?";

/**
 * The symbol as a key: look-alike characters and dashes made plain, spaces gone, upper case, and
 * the number's leading zeros dropped ("04-CT/TW" and "4-CT/TW" are one Chỉ thị).
 */
export function symbolKey(symbol: string): string {
  const plain = normaliseSymbolChars(symbol.normalize("NFC")).replace(/\s+/g, "").toUpperCase();
  return plain.replace(/^0+(?=\d)/, "");
}

/** Whether a symbol carries its number: an e-signed copy's blank "-CV/ĐU" does not identify. */
export function hasNumber(symbol: string): boolean {
  return /^\s*\d/.test(symbol);
}

/** The year a symbol states ("30/2020/NĐ-CP", "64/2025/QH15"), else null. */
export function symbolYear(symbol: string): string | null {
  return /\/((?:19|20)\d{2})(?:\/|$)/.exec(symbol.replace(/\s+/g, ""))?.[1] ?? null;
}

/** The identity's year: the symbol's own, else the date's, else unknown. */
export function identityYear(symbol: string, date: string | null): string {
  return symbolYear(symbol) ?? (date && /^\d{4}/.test(date) ? date.slice(0, 4) : UNKNOWN_YEAR);
}

/** `${series}|${symbolKey}|${year}`. */
export function identityKey(series: string, symbol: string, year: string): string {
  return `${series}|${symbolKey(symbol)}|${year}`;
}

/** The parts of an identity key. */
export function parseIdentityKey(key: string): { series: string; symbol: string; year: string } | null {
  const last = key.lastIndexOf("|");
  const first = key.lastIndexOf("|", last - 1);
  if (first < 0) return null;
  return { series: key.slice(0, first), symbol: key.slice(first + 1, last), year: key.slice(last + 1) };
}
