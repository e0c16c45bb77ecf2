/**
 * Tone placement: official documents write both "hòa" and "hoà", "Thủy" and "Thuỷ".
 */

/** Tone marks as NFD combining characters: huyền, sắc, ngã, hỏi, nặng. */
const TONE = "\u0300\u0301\u0303\u0309\u0323";
/**
 * Old ("hòa", "khỏe", "thủy") and new ("hoà", "khoẻ", "thuỷ") tone placement on the pairs oa, oe, uy:
 * both styles are in use in official documents, so the tone is moved onto the second vowel.
 * Each match is a fixed three characters, so the replace stays linear.
 */
const OLD_TONE = new RegExp(`([oOuU])([${TONE}])([aAeEyY])`, "g");

/** Vowel pairs whose first letter may carry the tone in the old style. */
function isTonePair(first: string, second: string): boolean {
  const f = first.toLowerCase();
  const s = second.toLowerCase();
  return (f === "o" && (s === "a" || s === "e")) || (f === "u" && s === "y");
}

/** The tone of oa/oe/uy moved onto the second vowel ("Thủy" → "Thuỷ", "hòa" → "hoà"); result is NFC. */
export function canonTone(s: string): string {
  const nfd = s.normalize("NFD");
  const moved = nfd.replace(OLD_TONE, (m, a: string, tone: string, b: string) =>
    isTonePair(a, b) ? `${a}${b}${tone}` : m,
  );
  return moved.normalize("NFC");
}
