/**
 * The legacy Vietnamese font encodings still found in old files: TCVN3 (ABC, the ".Vn" fonts
 * of TCVN 5712:1993) and VNI-Windows. Both put Vietnamese letters on Latin-1 code points, so a
 * file typed in them reads as "Chñ thÞ" (TCVN3) or "Chuû thò" (VNI) — whether its bytes arrive
 * 8-bit or were already saved as UTF-8. Detection is statistical: Latin-1 symbols inside words
 * and words carrying two tone marks are not Vietnamese; a conversion that removes them is.
 */
import { readTable } from "../tables/load.js";

/** A legacy encoding this module can read. */
export type LegacyEncoding = "tcvn3" | "vni";

/** The result of `repairLegacy`: the converted text, or the input when nothing legacy was seen. */
export interface Repaired {
  text: string;
  encoding: LegacyEncoding | null;
}

interface Tables {
  tcvn3: Map<number, string>;
  vni: Map<string, string>;
  /** The longest VNI sequences first: a letter and its mark byte. */
  vniPairs: Map<string, string>;
  unTcvn3: Map<string, number>;
  unVni: Map<string, string>;
}

let tables: Tables | null = null;

/** Windows-1252 bytes 0x80–0x9F that are printable: a legacy file saved as UTF-8 holds these characters. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function load(): Tables {
  if (tables) return tables;
  const t = readTable("encodings/tcvn3.json") as { bytes: Record<string, string> };
  const v = readTable("encodings/vni.json") as { sequences: Record<string, string> };
  const tcvn3 = new Map<number, string>();
  const unTcvn3 = new Map<string, number>();
  for (const [hex, ch] of Object.entries(t.bytes)) {
    tcvn3.set(Number.parseInt(hex, 16), ch);
    unTcvn3.set(ch, Number.parseInt(hex, 16));
  }
  const vni = new Map<string, string>();
  const vniPairs = new Map<string, string>();
  const unVni = new Map<string, string>();
  for (const [seq, ch] of Object.entries(v.sequences)) {
    (seq.length === 2 ? vniPairs : vni).set(seq, ch);
    unVni.set(ch, seq);
  }
  tables = { tcvn3, vni, vniPairs, unTcvn3, unVni };
  return tables;
}

/** The byte a character stood for when a Windows-1252 reader showed it, or -1. */
function byteOf(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  if (code <= 0x9f) return code; // a latin1-read byte of the C1 range
  const i = CP1252_HIGH.indexOf(String.fromCharCode(code));
  return i >= 0 ? 0x80 + i : -1;
}

/** True when every character of `s` could have been a single byte of a Windows-1252 file. */
function isByteText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (byteOf(s.charCodeAt(i)) < 0) return false;
  return true;
}

// Latin-1 code points that are not Vietnamese letters: inside a word they betray a legacy font.
const SUSPECT =
  /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/g;
const LETTER = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff]/;
// Precomposed letters that carry a tone: no Vietnamese syllable has two.
const TONED = /[àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/giu;
const WORD = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+/g;
// Letters only Vietnamese writes: about every second word of real Vietnamese has one.
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/giu;

/** Counts of a text's words, its Vietnamese letters, and its legacy oddities (see `legacyScore`). */
export interface LetterStats {
  words: number;
  vietnamese: number;
  odd: number;
}

/** How Vietnamese a text reads: used to accept a conversion and to judge a PDF's text layer. */
export function letterStats(s: string): LetterStats {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(s)) words++;
  return { words, vietnamese: s.match(VIETNAMESE)?.length ?? 0, odd: legacyScore(s) };
}

/** How un-Vietnamese a text looks: legacy symbols inside words plus words with two tones. */
export function legacyScore(s: string): number {
  let score = 0;
  SUSPECT.lastIndex = 0;
  for (let m = SUSPECT.exec(s); m; m = SUSPECT.exec(s)) {
    const before = s[m.index - 1] ?? " ";
    const after = s[m.index + 1] ?? " ";
    if (LETTER.test(before) || LETTER.test(after)) score++;
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    if (m[0].length < 2) continue;
    const tones = m[0].match(TONED);
    if (tones && tones.length > 1) score += 2;
  }
  return score;
}

/** TCVN3 capitals with tones were typed with the lower-case codes in a ".VnTimeH" font: restore them. */
function restoreCapitals(line: string): string {
  if (!/[A-Z]/.test(line)) return line;
  const words = line.match(WORD) ?? [];
  const capitalWords = words.filter((w) => /[A-Z].*[A-Z]/.test(w) && !/[a-z]/.test(w)).length;
  // A heading line in capitals ("BAN CHÊP HµNH §¶NG Bé"): every word is in capitals.
  if (capitalWords >= 3 && !/[a-z]/.test(line)) return line.toUpperCase();
  // "ñY" → "ỦY", "HéI" → "HỘI"; a title-case "Tæ" (Tổ) or "Sè:" (Số:) keeps its lower case.
  return line.replace(WORD, (w) => {
    if (/[a-z]/.test(w)) return w;
    const capitals = w.match(/[A-Z]/g)?.length ?? 0;
    return capitals >= 2 || (capitals === 1 && !/[A-Z]/.test(w[0]!)) ? w.toUpperCase() : w;
  });
}

/** Reads a line of TCVN3 characters (as a Windows-1252 or Latin-1 reader showed them) as Unicode. */
export function fromTcvn3(line: string): string {
  const { tcvn3 } = load();
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const ch = code >= 0x80 ? tcvn3.get(byteOf(code)) : undefined;
    if (ch !== undefined) changed = true;
    out.push(ch ?? line[i]!);
  }
  return changed ? restoreCapitals(out.join("")) : line;
}

/** Reads a line of VNI-Windows characters as Unicode: a letter and its mark byte become one letter. */
export function fromVni(line: string): string {
  const { vni, vniPairs } = load();
  const out: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const pair = vniPairs.get(line.slice(i, i + 2));
    if (pair !== undefined) {
      out.push(pair);
      i++;
      continue;
    }
    out.push(vni.get(line[i]!) ?? line[i]!);
  }
  return out.join("");
}

/** Writes Unicode Vietnamese in a legacy encoding, as a Windows-1252 reader would show it (for tests). */
export function toLegacy(s: string, encoding: LegacyEncoding): string {
  const { unTcvn3, unVni } = load();
  const out: string[] = [];
  for (const ch of s.normalize("NFC")) {
    if (encoding === "vni") {
      out.push(unVni.get(ch) ?? ch);
      continue;
    }
    const b = unTcvn3.get(ch) ?? unTcvn3.get(ch.toLowerCase());
    out.push(b === undefined ? ch : b >= 0xa0 ? String.fromCharCode(b) : CP1252_HIGH[b - 0x80]!);
  }
  return out.join("");
}

const SAMPLE = 256 * 1024;

/**
 * Finds text typed in a legacy font and converts it. Lines holding characters no 8-bit file could
 * hold (real Unicode Vietnamese such as "ế") are left as they are.
 */
export function repairLegacy(text: string): Repaired {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  SUSPECT.lastIndex = 0;
  if (!SUSPECT.test(sample)) return { text, encoding: null };
  const before = legacyScore(sample);
  if (before < 3) return { text, encoding: null };
  const words = letterStats(sample).words;
  const convert = (fn: (l: string) => string, s: string) =>
    s
      .split("\n")
      .map((l) => (isByteText(l) ? fn(l) : l))
      .join("\n");
  const tcvn3 = letterStats(convert(fromTcvn3, sample));
  const vni = letterStats(convert(fromVni, sample));
  const encoding: LegacyEncoding = vni.odd < tcvn3.odd ? "vni" : "tcvn3";
  const after = encoding === "vni" ? vni : tcvn3;
  // Accept only a conversion that reads as Vietnamese: nearly no oddity left and diacritics in
  // many words. Genuine text with a stray "ñ", OCR debris and broken PDF fonts stay as they are.
  if (after.odd > words * 0.02 || after.vietnamese < words * 0.15) return { text, encoding: null };
  return { text: convert(encoding === "vni" ? fromVni : fromTcvn3, text), encoding };
}
