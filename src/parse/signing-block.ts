import { foldLabel, signing } from "../tables/signing.js";
import {
  bare,
  isBullet,
  isCaps,
  isEsign,
  isPageNumber,
  isSignedMark,
  nameWords,
  type Piece,
} from "./closing-text.js";

/** Authority chain and position read from the capital lines of a signature block. */
export interface Titles {
  authority: string | null;
  position: string | null;
}

/** A signature block found in the text (ô 7a–7c of NĐ 30/2020). */
export interface SignatureBlock extends Titles {
  name: string | null;
  /** The pieces the block was read from, first to last. */
  pieces: Piece[];
}

const stripPunct = (w: string) => w.replace(/^[("'“]+|[)"'”,;:.]+$/g, "");

/** The prefix a word is ("KT." → "KT", "T/M" → "T/M"), or null. */
function prefixOf(word: string): string | null {
  const w = word.replace(/\.$/, "");
  return signing.prefixForms.includes(w) ? w : null;
}

// "TL.CỤC TRƯỞNG": a prefix glued to the word after it.
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(/\s+/)) {
    if (w === "") continue;
    const glued = /^([A-Z/.]{2,5}\.)(\S+)$/.exec(w);
    if (glued && prefixOf(glued[1]!)) out.push(glued[1]!, glued[2]!);
    else out.push(w);
  }
  return out;
}

/** Length in words of the title head starting at word i ("PHÓ" → 1, "BỘ TRƯỞNG" → 2), or 0. */
function headAt(words: readonly string[], i: number): number {
  const rest = words
    .slice(i, i + 4)
    .map((w) => foldLabel(stripPunct(w)))
    .join(" ");
  for (const h of signing.titleHeads) {
    if (rest === h || rest.startsWith(`${h} `)) return h.split(" ").length;
  }
  return 0;
}

/** Whether a capital line opens a signature: a signing prefix or a title head. */
export function opensSignature(text: string): boolean {
  const words = tokens(bare(text));
  return words.length > 0 && (prefixOf(words[0]!) !== null || headAt(words, 0) > 0);
}

/**
 * Splits the capital words of a block into authority and position.
 *
 *   TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH
 *                       ^^^ last prefix; its object "CHỦ TỊCH"; the next title head opens
 *                                        ^^^^^^^^^^^^ the position
 *
 * A head inside a collective's name ("T/M BAN BÍ THƯ") or after "," / "VÀ" / "KIÊM"
 * ("BỘ TRƯỞNG, CHỦ NHIỆM") belongs to the object. With no prefix the whole is the position.
 */
export function splitTitles(text: string): Titles {
  const words = tokens(text);
  let first = -1;
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    if (prefixOf(words[i]!) !== null) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    let h = 0;
    while (h < words.length && headAt(words, h) === 0) h++;
    const pos = (h < words.length ? words.slice(h) : words).join(" ");
    return { authority: null, position: pos === "" ? null : pos };
  }
  let k = last + 1;
  k += Math.max(1, headAt(words, k));
  while (k < words.length) {
    const len = headAt(words, k);
    if (len === 0) {
      k++;
      continue;
    }
    const prev = words[k - 1]!;
    const joined =
      /[,\-–]$/.test(prev) ||
      signing.joiners.has(foldLabel(prev)) ||
      signing.collectives.has(foldLabel([prev, ...words.slice(k, k + len)].map(stripPunct).join(" ")));
    if (!joined) break;
    k += len;
  }
  const authority = words.slice(first, Math.min(k, words.length)).join(" ");
  const position = k < words.length ? words.slice(k).join(" ") : null;
  return { authority: authority === "" ? null : authority, position };
}

const FIRST_WORD_LOWER = /^\S*\p{Ll}/u;

/** Splits "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trần Nam" (one flattened cell) into caps and name. */
function capsThenName(text: string): { caps: string; name: string } | null {
  // The caps open the text: a small letter in its first word rules it out before any split.
  if (text.length > 200 || FIRST_WORD_LOWER.test(text)) return null;
  const words = text.split(/\s+/);
  let cut = words.length;
  while (cut > 0 && nameWords(words[cut - 1]!) !== null) cut--;
  if (cut === 0 || cut === words.length || words.length - cut < 2) return null;
  const caps = words.slice(0, cut).join(" ");
  return isCaps(caps) && opensSignature(caps) ? { caps, name: words.slice(cut).join(" ") } : null;
}

/** Whether a piece can sit inside a signature block without ending it. */
function skippable(t: string): boolean {
  return t === "" || t === "|" || isSignedMark(t) || isEsign(t) || isBullet(t) || isPageNumber(t);
}

/** Whether a piece is a capital line of a signature block ("KT. BỘ TRƯỞNG," included). */
function capsLine(t: string): boolean {
  if (t.length > 90 || !isCaps(t)) return false;
  return !/[;]$/.test(t) || opensSignature(t);
}

/** The name starting at piece i: one line, or a name wrapped over two ("Vũ" / "Chiến Thắng"). */
function nameAt(stream: readonly Piece[], i: number): { name: string; next: number } | null {
  const first = nameWords(bare(stream[i]!.text));
  if (!first) return null;
  let j = i + 1;
  while (j < stream.length && skippable(bare(stream[j]!.text)) && !isBullet(stream[j]!.text)) j++;
  const second = j < stream.length ? nameWords(bare(stream[j]!.text)) : null;
  if (second && first.length + second.length <= 5 && (first.length === 1 || second.length === 1)) {
    return { name: [...first, ...second].join(" "), next: j + 1 };
  }
  return first.length >= 2 ? { name: first.join(" "), next: i + 1 } : null;
}

/** Every signature block in a stream of pieces, in order. */
export function findBlocks(stream: readonly Piece[]): SignatureBlock[] {
  const blocks: SignatureBlock[] = [];
  let run: Piece[] = [];
  const close = (name: string | null, extra: Piece[]) => {
    const open = run.findIndex((p) => opensSignature(bare(p.text)));
    if (open < 0) return;
    const caps = run.slice(open);
    const titles = splitTitles(caps.map((p) => bare(p.text)).join(" "));
    blocks.push({ ...titles, name, pieces: [...caps, ...extra] });
  };
  for (let i = 0; i < stream.length; i++) {
    const piece = stream[i]!;
    const t = bare(piece.text);
    // Outside a block, a piece whose first word has a small letter opens nothing (prose, items).
    if (run.length === 0 && FIRST_WORD_LOWER.test(t)) continue;
    if (capsLine(t)) {
      run.push(piece);
      continue;
    }
    if (run.length > 0 && skippable(t)) continue;
    const flat = capsThenName(t);
    if (flat) {
      run = [...run, { ...piece, text: flat.caps }];
      close(flat.name, []);
      run = [];
      continue;
    }
    const name = run.length > 0 ? nameAt(stream, i) : null;
    if (name) {
      close(name.name, stream.slice(i, name.next));
      i = name.next - 1;
    }
    run = [];
  }
  return blocks;
}
