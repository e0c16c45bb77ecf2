/**
 * Vietnamese folded to plain ASCII letters for matching: tones and vowel marks dropped,
 * "đ" → "d", lower case. Same length as the input for NFC text made of precomposed letters,
 * so offsets found in the folded string point into the original.
 */
export function fold(s: string): string {
  let out = "";
  for (const ch of s) {
    const cached = FOLD.get(ch);
    if (cached !== undefined) {
      out += cached;
      continue;
    }
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const folded = (base === "đ" || base === "Đ" ? "d" : base.length === 1 ? base : ch).toLowerCase();
    const one =
      folded.length === ch.length ? folded : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    FOLD.set(ch, one);
    out += one;
  }
  return out;
}

const FOLD = new Map<string, string>();
