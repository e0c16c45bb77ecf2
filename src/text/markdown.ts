/**
 * Markdown renderings of official documents → their plain text. The renderings are messy:
 * emphasis that splits words ("TH****Ủ TƯỚNG"), bold that spans lines, pandoc escapes ("\-",
 * "\.") and hard breaks ("\" at a line end), tables of every flavour around the header. Markup
 * goes; every word of content stays, including list dashes ("- Như trên;") and rule lines
 * ("-------" under the issuer, a real signal of NĐ 30/2020 Phụ lục I).
 */
import { DASH_ROW, dashTable, GRID_BORDER, gridTable, hasPipe, pipeCells } from "./md-tables.js";

const PUNCT = new Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isSpace = (ch: string | undefined) => ch === undefined || ch === " " || ch === "\t";

const MARKER = /[\\*_]/g;

/**
 * Drops emphasis markers and backslash escapes in one pass. A `*` run is markup unless it stands
 * alone between spaces (a bullet, the Party star "*") or inside parentheses (the footnote mark
 * "(*)"); a `_` run of three or more is a fill-in blank and stays, as do `_` inside words.
 */
export function stripEmphasis(s: string): string {
  const out: string[] = [];
  let last = 0;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(s); m; m = MARKER.exec(s)) {
    const i = m.index;
    if (i < last) continue;
    out.push(s.slice(last, i));
    const ch = m[0];
    let next = i + 1;
    if (ch === "\\") {
      const esc = s[i + 1];
      if (esc === undefined) {
        // a pandoc hard break: the line ends here anyway
      } else if (esc === "*" && !isSpace(s[i - 1]) && s[i + 2] === "*") {
        // "Nơi nhận:\***": a hard break then the closing "***", not an escaped star
        next = i + 1;
        while (s[next] === "*") next++;
      } else if (PUNCT.has(esc)) {
        out.push(esc);
        next = i + 2;
      } else out.push("\\");
    } else {
      while (s[next] === ch) next++;
      const run = next - i;
      const before = s[i - 1];
      const after = s[next];
      if (ch === "*") {
        const literal = (before === "(" && after === ")") || (run === 1 && isSpace(before) && isSpace(after));
        if (literal) out.push(s.slice(i, next));
      } else {
        const inWord =
          before !== undefined && after !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(after);
        const literal = run >= 3 || (run === 1 && (inWord || (isSpace(before) && isSpace(after))));
        if (literal) out.push(s.slice(i, next));
      }
    }
    last = next;
    MARKER.lastIndex = next;
  }
  out.push(s.slice(last));
  return out.join("");
}

const ENTITY = /&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|nbsp|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { nbsp: "\u00a0", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function entity(_: string, name: string): string {
  if (name[0] !== "#") return NAMED[name] ?? "";
  const code =
    name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
}

// Bounded lengths keep every pattern linear on pathological lines.
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]{1,500})>/g;
const BREAK = /<br\s*\/?>/gi;
const TAG = /<!--.{0,2000}?-->|<\/?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,500})?\/?>/g;
const IMAGE = /!\[[^\]]{0,300}\]\([^)]{0,500}\)/g;
const LINK = /\[([^\]]{0,300})\]\([^)]{0,500}\)/g;
const REF_LINK = /\[([^\]]{1,300})\]\[[^\]]{0,100}\]/g;
const FOOTNOTE_REF = /\[\^([^\]\s]{1,20})\]/g;

/** One line of Markdown → its text lines (an HTML `<br>` breaks a line). */
export function inline(line: string): string[] {
  let s = line;
  if (s.includes("<")) s = s.replace(AUTOLINK, "$1").replace(BREAK, "\n").replace(TAG, "");
  if (s.includes("](")) s = s.replace(IMAGE, "").replace(LINK, "$1");
  if (s.includes("][")) s = s.replace(REF_LINK, "$1");
  if (s.includes("[^")) s = s.replace(FOOTNOTE_REF, "[$1]");
  s = stripEmphasis(s);
  if (s.includes("&")) s = s.replace(ENTITY, entity);
  return s.split("\n").map((l) => l.trimEnd());
}

// A rule (three or more dashes) inside a line of text goes on a line of its own. Lookarounds
// of one character keep the scan linear on long runs of spaces.
const RULE_IN_TEXT = /(?<=^|\s)-{3,}(?=\s|$)/g;

function splitRules(line: string): string[] {
  if (!line.includes("---") || /^\s*-+\s*$/.test(line)) return [line];
  return line
    .replace(RULE_IN_TEXT, "\n$&\n")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** "## Về việc ##" → "Về việc": the optional closing hashes of an ATX heading go. */
function dropClosingHashes(line: string): string {
  const t = line.trimEnd();
  let k = t.length;
  while (k > 0 && t[k - 1] === "#") k--;
  if (k === t.length || (k > 0 && t[k - 1] !== " " && t[k - 1] !== "\t")) return t;
  return t.slice(0, k).trimEnd();
}

const HEADING = /^ {0,3}#{1,6}(?=\s|$)\s*/;
const QUOTE = /^ {0,3}(?:> ?)+/;
const REF_DEFINITION = /^ {0,3}\[[^\]^][^\]]{0,300}\]:\s*\S+(?:\s+["'(].{0,300})?\s*$/;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]{1,20})\]:\s?/;
const STARS_ONLY = /^[\s*]+$/;

/** A line outside tables → its text lines. */
function blockLine(raw: string): string[] {
  // Block markers sit at the line start: most lines have none, and skip every test below.
  const first = raw.trimStart()[0];
  if (first === "*" && STARS_ONLY.test(raw)) {
    // The Party star under the issuer (HD 36) comes as "*" or, as a Markdown rule, "***".
    const t = raw.trim();
    return t === "*" || t === "***" ? ["*"] : [""];
  }
  let line = raw;
  if (first === "[") {
    if (REF_DEFINITION.test(line)) return [];
    line = line.replace(FOOTNOTE_DEFINITION, "[$1] ");
  } else if (first === ">") line = line.replace(QUOTE, "");
  if (line.trimStart()[0] === "#" && HEADING.test(line)) line = dropClosingHashes(line.replace(HEADING, ""));
  return inline(line).flatMap(splitRules);
}

/** A table cell → its text lines, without empty ones. */
function cellLines(cell: string): string[] {
  return inline(cell)
    .flatMap(splitRules)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Skips YAML front matter ("---" … "---" at the top): a repository's metadata, not the document's text. */
function frontMatterEnd(lines: string[]): number {
  if (!/^---\s*$/.test(lines[0] ?? "")) return 0;
  for (let j = 1; j < lines.length && j < 200; j++) {
    const l = lines[j]!;
    if (/^(?:---|\.\.\.)\s*$/.test(l)) return j > 1 ? j + 1 : 0;
    if (l.trim() !== "" && !/^[\w-]+:|^\s+|^#/.test(l)) return 0;
  }
  return 0;
}

/**
 * Markdown → plain text, one block or table cell per line.
 *
 * @example
 * markdownToText("| ỦY BAN NHÂN DÂN | CỘNG HÒA |\n|---|---|\n**Điều 1. **Phê"); // "ỦY BAN NHÂN DÂN\nCỘNG HÒA\nĐiều 1. Phê"
 */
export function markdownToText(md: string): string {
  const lines = md.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const out: string[] = [];
  const push = (cells: string[][]) => {
    for (const cell of cells) for (const c of cell) out.push(...cellLines(c));
  };
  let fence: string | null = null;
  let comment = false;
  for (let i = frontMatterEnd(lines); i < lines.length; i++) {
    let line = lines[i]!;
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      else out.push(line);
      continue;
    }
    let commented = false;
    if (comment) {
      const end = line.indexOf("-->");
      if (end < 0) continue;
      comment = false;
      commented = true;
      line = line.slice(end + 3);
    }
    const open = line.lastIndexOf("<!--");
    if (open >= 0 && line.indexOf("-->", open) < 0) {
      comment = true;
      commented = true;
      line = line.slice(0, open);
    }
    if (commented && line.trim() === "") continue;
    const f = FENCE.exec(line);
    if (f) {
      fence = f[1]!;
      continue;
    }
    if (GRID_BORDER.test(line)) {
      const t = gridTable(lines, i);
      if (t) {
        push(t.cells);
        i += t.used - 1;
        continue;
      }
    }
    if (DASH_ROW.test(line)) {
      const t = dashTable(lines, i, null);
      push(t.cells);
      i += t.used - 1;
      continue;
    }
    const below = lines[i + 1];
    if (below !== undefined && line.trim() !== "" && DASH_ROW.test(below) && !hasPipe(line)) {
      const t = dashTable(lines, i + 1, line);
      push(t.cells);
      i += t.used;
      continue;
    }
    if (hasPipe(line)) {
      const cells = pipeCells(line);
      if (cells) push([cells]);
      continue;
    }
    out.push(...blockLine(line));
  }
  return out.join("\n");
}

const SIGNALS: RegExp[] = [
  /\*\*\S/,
  /^#{1,6} \S/m,
  /^```/m,
  /^\|? *:?-{3,}:? *\|/m,
  /^---\n[\w-]+: /,
  /\\[-.*_#]/,
];

/** True when a ".txt" file is really Markdown (two kinds of Markdown syntax seen). */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  let seen = 0;
  for (const re of SIGNALS) if (re.test(head)) seen++;
  return seen >= 2;
}
