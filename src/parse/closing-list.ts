import { foldLabel } from "../tables/signing.js";
import {
  bare,
  isBullet,
  isCaps,
  isEsign,
  isPageNumber,
  isSignedMark,
  nameWords,
  opensBody,
  type Piece,
  splitInline,
  trimItem,
} from "./closing-text.js";
import { opensSignature } from "./signing-block.js";

/** One addressee of a Kính gửi or Nơi nhận list, with where it was read. */
export interface Item {
  text: string;
  start: number;
  end: number;
}

/** A list read from the pieces: its items and the index of the first piece after it. */
export interface ReadList {
  items: Item[];
  next: number;
  /** The pieces read into items (not those of a signature block stepped over). */
  used: Set<Piece>;
}

/** Which list is read: they end differently (ô 9a ends at the body, ô 9b at the filing line). */
export type ListKind = "recipients" | "distribution";

// An item longer than this is prose that lost its line breaks, not an addressee.
const MAX_ITEM = 400;

const isFiling = (s: string) => foldLabel(bare(s).replace(/^[-–+•*]\s*/, "")).startsWith("luu");

// "TT." or "VP." at the end of an item is an abbreviation, not the item's full stop.
const endsSentence = (s: string) => /\.$/.test(s) && !/(?:^|\s)[\p{Lu}Đ]{1,4}\.$/u.test(s);

/** Whether a piece belongs to a signature block interleaved with the list (two columns flattened). */
export function signatureLike(t: string, sigSeen: boolean): boolean {
  if (isSignedMark(t) || isEsign(t)) return true;
  if (isCaps(t) && (opensSignature(t) || !/[;,]$/.test(t))) return true;
  return sigSeen && nameWords(t) !== null;
}

/**
 * Reads a list of addressees from `stream[from]` on; `first` is the text after the label on the
 * label's own line ("Kính gửi: - Các quận ủy," or a whole flattened list). Items start with a
 * bullet; a line without one continues the item before it (wrapped items) unless it opens the
 * body. Lines of an interleaved signature block are stepped over, not joined.
 */
export function readList(
  stream: readonly Piece[],
  from: number,
  first: Piece | null,
  kind: ListKind,
): ReadList {
  const items: Item[] = [];
  const used = new Set<Piece>();
  let cur: { raw: string; start: number; end: number; bulleted: boolean } | null = null;
  let filed = false;
  let sigSeen = false;
  let bulleted = false;
  const flush = () => {
    if (!cur) return;
    const text = trimItem(cur.raw);
    if (text !== "" && text.length <= MAX_ITEM) items.push({ text, start: cur.start, end: cur.end });
    if (isFiling(cur.raw)) filed = true;
    cur = null;
  };
  const filing = () => cur !== null && isFiling((cur as { raw: string }).raw);
  const open = (raw: string, p: Piece) => {
    flush();
    cur = { raw, start: p.start, end: p.end, bulleted: isBullet(raw) };
  };
  // Returns false when the piece ends the list.
  const take = (p: Piece, t: string): boolean => {
    if (isBullet(t)) {
      if (kind === "distribution" && (filed || filing())) return false;
      bulleted = true;
      const parts = splitInline(t);
      if (parts.length > 1 || /^[-–]/.test(t)) for (const part of parts) open(part, p);
      else open(t, p);
      return true;
    }
    const c = cur as { raw: string; start: number; end: number; bulleted: boolean } | null;
    if (c !== null) {
      const prev = c.raw.trim();
      // The filing line closes Nơi nhận (NĐ 30/2020 Phụ lục I mục II.9); it wraps only after a comma.
      const closesList = kind === "distribution" && isFiling(c.raw) && !(/,$/.test(prev) && t.length <= 40);
      if (endsSentence(prev) || closesList || opensBody(t) || c.raw.length + t.length > MAX_ITEM)
        return false;
      // Without bullets each addressee has its own line, closed by ";" or ",".
      if (!bulleted && /[;,]$/.test(prev)) {
        open(t, p);
        return true;
      }
      c.raw = `${c.raw} ${t}`;
      c.end = p.end;
      return true;
    }
    if (items.length > 0 && bulleted) return false;
    if (opensBody(t)) return false;
    open(t, p);
    return true;
  };
  if (first) {
    const t = bare(first.text) === "" ? "" : first.text.trim();
    if (t !== "" && !signatureLike(bare(t), false)) {
      const parts = splitInline(t);
      if (parts.length > 1) {
        bulleted = true;
        for (const part of parts) open(part, first);
      } else take(first, t);
    }
  }
  let i = from;
  for (; i < stream.length; i++) {
    const p = stream[i]!;
    const t = p.text.trim();
    if (bare(t) === "" || isPageNumber(bare(t))) continue;
    if (kind === "distribution" && signatureLike(bare(t), sigSeen) && !isBullet(t)) {
      sigSeen = true;
      if (filed || filing()) break;
      continue;
    }
    if (kind === "recipients" && (isCaps(bare(t)) || foldLabel(bare(t)).startsWith("noi nhan"))) break;
    if (!take(p, t)) break;
    used.add(p);
  }
  flush();
  if (first) used.add(first);
  return { items, next: i, used };
}
