/**
 * The one normalisation every later stage relies on: NFC, "\n" line ends, plain spaces, no
 * invisible characters, no BOM. It keeps a compact map from each offset of the result back to
 * the offset in its input, so a field found in the text can point into what was read.
 */

/** Maps offsets of the normalised text back to offsets of the text it was made from. */
export interface OffsetMap {
  /** The input offset of the character at `offset` of the output (or the input's end). */
  toSource(offset: number): number;
  /** How many anchors the map keeps: zero when the text came through unchanged. */
  readonly size: number;
}

/** Normalised text with its way back to the input. */
export interface Normalised {
  text: string;
  map: OffsetMap;
}

/**
 * Anchors where the output and input offsets stop moving in step. Between two anchors the
 * offsets advance together; an output run longer than its input (a tab made spaces) points
 * at the input character it came from. Kept in typed arrays: a CRLF file has one per line.
 */
class AnchorMap implements OffsetMap {
  private outs = new Int32Array(64);
  private srcs = new Int32Array(64);
  private n = 0;

  get size(): number {
    return this.n;
  }

  add(out: number, src: number): void {
    const n = this.n;
    if (n > 0 && this.outs[n - 1] === out && this.srcs[n - 1] === src) return;
    if (n === this.outs.length) {
      const outs = new Int32Array(n * 2);
      const srcs = new Int32Array(n * 2);
      outs.set(this.outs);
      srcs.set(this.srcs);
      this.outs = outs;
      this.srcs = srcs;
    }
    this.outs[n] = out;
    this.srcs[n] = src;
    this.n = n + 1;
  }

  toSource(offset: number): number {
    let lo = 0;
    let hi = this.n - 1;
    if (hi < 0 || offset < this.outs[0]!) return offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.outs[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const src = this.srcs[lo]! + (offset - this.outs[lo]!);
    if (lo + 1 >= this.n) return src;
    return Math.min(src, Math.max(this.srcs[lo]!, this.srcs[lo + 1]! - 1));
  }
}

let marks: Uint8Array | null = null;

/** True for a BMP combining mark or a low surrogate: both continue the character before them. */
function continues(c: number): boolean {
  if (c < 0x300) return false;
  if (c <= 0x36f) return true;
  if (c >= 0xdc00 && c <= 0xdfff) return true;
  if (!marks) {
    marks = new Uint8Array(0x10000);
    const mark = /\p{M}/u;
    for (let k = 0x370; k < 0xd800; k++) if (mark.test(String.fromCharCode(k))) marks[k] = 1;
    for (let k = 0xe000; k < 0x10000; k++) if (mark.test(String.fromCharCode(k))) marks[k] = 1;
  }
  return marks[c] === 1;
}

/**
 * Aligns a text with its NFC form cluster by cluster (a character and the marks that follow it)
 * and anchors the clusters that changed. Null when the clusters do not line up (Hangul jamo and
 * other compositions of two base characters), for the caller to fall back on whole lines.
 */
function alignNfc(s: string, nfc: string): AnchorMap | null {
  const map = new AnchorMap();
  let i = 0;
  let o = 0;
  while (i < s.length && o < nfc.length) {
    let j = i + 1;
    while (j < s.length && continues(s.charCodeAt(j))) j++;
    let p = o + 1;
    while (p < nfc.length && continues(nfc.charCodeAt(p))) p++;
    let same = j - i === p - o;
    for (let k = 0; same && k < j - i; k++) same = s.charCodeAt(i + k) === nfc.charCodeAt(o + k);
    if (!same) {
      if (s.slice(i, j).normalize("NFC") !== nfc.slice(o, p)) return null;
      map.add(o, i);
      map.add(p, j);
    }
    i = j;
    o = p;
  }
  return i === s.length && o === nfc.length ? map : null;
}

/** The coarse map: NFC never joins across "\n", so lines line up; a changed line maps to its start. */
function alignLines(s: string, nfc: string): AnchorMap {
  const map = new AnchorMap();
  let i = 0;
  let o = 0;
  while (i <= s.length && o <= nfc.length) {
    let j = s.indexOf("\n", i);
    let p = nfc.indexOf("\n", o);
    if (j < 0) j = s.length;
    if (p < 0) p = nfc.length;
    if (j - i !== p - o || s.slice(i, j) !== nfc.slice(o, p)) {
      map.add(o, i);
      map.add(p, j);
    }
    i = j + 1;
    o = p + 1;
  }
  return map;
}

/** NFC with a map; text already in NFC (nearly all) costs one normalisation and one compare. */
function toNfc(s: string): { text: string; map: AnchorMap | null } {
  const nfc = s.normalize("NFC");
  if (nfc === s) return { text: s, map: null };
  return { text: nfc, map: alignNfc(s, nfc) ?? alignLines(s, nfc) };
}

/** A tab becomes spaces enough for the column splitters (three or more spaces mark a column gap). */
export const TAB = "    ";

// Anything `clean` changes; most texts have none, and one native test says so.
const SPECIAL =
  /[\t\r\v\f\u0085\u2028\u2029\u00a0\u1680\u2000-\u200f\u202a-\u202f\u205f\u2060-\u2064\u2066-\u2069\u3000\ufeff\u180e\u00ad\u0000-\u0008\u000e-\u001f\u007f]/;

/** What a code unit becomes: -1 kept, -2 removed, -3 a tab, else the replacement code unit. */
function action(c: number): number {
  if (c === 0x09) return -3;
  if (c === 0x0a) return -1;
  if (c < 0x20 || c === 0x7f) return c === 0x0b || c === 0x0c || c === 0x0d ? 0x0a : -2;
  if (c < 0x85) return -1;
  if (c === 0x85 || c === 0x2028 || c === 0x2029) return 0x0a;
  if (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
    return 0x20;
  if (c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e)) return -2;
  if ((c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff || c === 0x180e) return -2;
  return -1;
}

/**
 * One pass over the UTF-16 code units (regex replacement costs about a microsecond a match, too
 * slow for a 50 MB file with a CRLF on every line), with an anchor wherever the length changes.
 */
function clean(s: string): { text: string; map: AnchorMap | null } {
  if (!SPECIAL.test(s)) return { text: s, map: null };
  const buf = Buffer.from(s, "utf16le");
  const src = new Uint16Array(buf.buffer, buf.byteOffset, s.length);
  let tabs = 0;
  for (let i = s.indexOf("\t"); i >= 0; i = s.indexOf("\t", i + 1)) tabs++;
  const out = new Uint16Array(s.length + tabs * (TAB.length - 1));
  const map = new AnchorMap();
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c >= 0x20 && c < 0x7f) {
      out[o++] = c;
      continue;
    }
    const a = action(c);
    if (a === -1) out[o++] = c;
    else if (a >= 0) {
      out[o++] = a;
      if (c === 0x0d && src[i + 1] === 0x0a) map.add(o, ++i + 1); // CRLF: the "\n" stands for the "\r"
    } else if (a === -2) map.add(o, i + 1);
    else {
      map.add(o, i);
      for (let k = 0; k < TAB.length; k++) out[o++] = 0x20;
      map.add(o, i + 1);
    }
  }
  const text = Buffer.from(out.buffer, out.byteOffset, o * 2).toString("utf16le");
  return { text, map: map.size > 0 ? map : null };
}

const IDENTITY: OffsetMap = { toSource: (offset) => offset, size: 0 };

/**
 * Normalises text once for every later stage: NFC; "\r\n", "\r", U+2028 → "\n"; NBSP and other
 * Unicode spaces → " "; tab → four spaces; zero-width characters, soft hyphens, bidi marks,
 * control codes and BOMs removed.
 *
 * @example
 * normalise("Ha\u0300 No\u0323\u0302i\r\n").text; // "Hà Nội\n"
 */
export function normalise(input: string): Normalised {
  const a = toNfc(input);
  const b = clean(a.text);
  // Removing a control code can bring a letter and a combining mark together ("A\0\u0300"):
  // compose once more, only when the cleaning changed something.
  const c = b.map ? toNfc(b.text) : { text: b.text, map: null };
  const maps: OffsetMap[] = [];
  for (const m of [c.map, b.map, a.map]) if (m) maps.push(m);
  if (maps.length === 0) return { text: c.text, map: IDENTITY };
  if (maps.length === 1) return { text: c.text, map: maps[0]! };
  return {
    text: c.text,
    map: {
      toSource: (offset) => maps.reduce((o, m) => m.toSource(o), offset),
      size: maps.reduce((n, m) => n + m.size, 0),
    },
  };
}
