/**
 * Values as the store writes them: PostgreSQL's jsonb and text refuse the NUL character, which a
 * damaged file can carry. It becomes U+FFFD, one UTF-16 unit for one, so record spans stay true.
 */

/** The text with NUL replaced by U+FFFD (same length). */
export function storableText(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
}

/** A value as a jsonb parameter (`$n::jsonb`): JSON text with every string made storable. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === "string" ? storableText(v) : v));
}
