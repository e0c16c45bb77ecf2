/**
 * Vietnamese folded to plain ASCII letters for matching: tones and vowel marks dropped,
 * "đ" → "d", lower case. Same length as the input (one UTF-16 unit in, one out), so offsets
 * found in the folded string point into the original.
 *
 * Hot: every stage folds lines to match words, so folding is a table lookup per code unit.
 */

/** Code units we fold or classify: Latin, Latin-1, Latin Extended and Vietnamese (U+1E00–U+1EFF). */
const TABLE_SIZE = 0x2000;
const FOLDED = new Uint16Array(TABLE_SIZE);
/** +1 for a capital letter, -1 for a small letter, 0 otherwise. */
const LETTER_CASE = new Int8Array(TABLE_SIZE);

for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  let f = base === "đ" || base === "Đ" ? "d" : base.length === 1 ? base.toLowerCase() : ch.toLowerCase();
  if (f.length !== 1) f = ch;
  FOLDED[c] = f.charCodeAt(0);
  const upper = ch.toUpperCase();
  const lower = ch.toLowerCase();
  if (upper !== lower) LETTER_CASE[c] = ch === upper ? 1 : ch === lower ? -1 : 0;
}

const CHUNK = 8192;

// The same lines are folded by several stages; V8 keeps a string's hash, so a lookup is cheap.
const memo = new Map<string, string>();
const MEMO_MAX_LENGTH = 400;
const MEMO_MAX_ENTRIES = 50_000;

/** Folds a string: "QUYẾT ĐỊNH" → "quyet dinh", "Thuỷ" → "thuy". */
export function fold(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  if (n <= MEMO_MAX_LENGTH) {
    const hit = memo.get(s);
    if (hit !== undefined) return hit;
    const f = foldUncached(s, n);
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(s, f);
    return f;
  }
  return foldUncached(s, n);
}

function foldUncached(s: string, n: number): string {
  const buf = new Uint16Array(Math.min(n, CHUNK));
  let out = "";
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      buf[i - start] = c < TABLE_SIZE ? FOLDED[c]! : c;
    }
    out += String.fromCharCode.apply(null, buf.subarray(0, end - start) as unknown as number[]);
  }
  return out;
}

/** Counts capital and small letters (Vietnamese included) in one pass. */
export function letterCases(s: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= TABLE_SIZE) continue;
    const k = LETTER_CASE[c]!;
    if (k > 0) upper++;
    else if (k < 0) lower++;
  }
  return { upper, lower };
}
