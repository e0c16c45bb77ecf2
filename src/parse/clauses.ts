/**
 * Clauses: the numbered structure of the body (record.md `clauses`), nested by label kind, each with
 * its own text (up to its first child), in numbered order even where the source scrambled it.
 */
import { isSpaceCode as isSpace } from "../text/chars.js";
import { type Label, labelOf } from "./clause-labels.js";
import { type Context, warn } from "./context.js";
import type { Clause } from "./record.js";

// Higher ranks nest under lower ones: Phần > Chương > Mục > A. > I. > Điều > 1. > 1.1. > a) > - > +
// (NĐ 30/2020 Phụ lục I II.6 for State texts; Party texts use the same ladder with "1-", "1.1-").
const RANK: Record<string, number> = {
  phan: 0,
  chuong: 1,
  muc: 2,
  alpha: 3,
  roman: 4,
  dieu: 5,
  num1: 6,
  num2: 7,
  num3: 8,
  num4: 9,
  letter: 10,
  dash: 11,
  plus: 12,
};

interface Node {
  clause: Clause;
  label: Label;
  rank: number;
  children: Node[];
}

/** Step: reads the document's clauses between `bodyStart` and `bodyEnd`. */
export function readClauses(ctx: Context): void {
  const roots: Node[] = [];
  const stack: Node[] = [];
  let last: Node | null = null;
  let previousEnds = ".";
  for (const line of ctx.lines.slice(ctx.bodyStart, ctx.bodyEnd)) {
    const t = line.text.trim();
    if (!t) continue;
    const label = labelOf(line.text, previousEnds);
    previousEnds = lastVisible(t);
    if (!label) {
      // An unlabelled line continues the clause before it (a wrapped line or a new sentence).
      if (last) {
        last.clause.text = join(last.clause.text, t);
        last.clause.span[1] = line.end;
      }
      continue;
    }
    const labelAt = line.start + line.text.indexOf(label.text.charAt(0));
    const node: Node = {
      label,
      rank: RANK[label.kind] ?? 99,
      children: [],
      clause: {
        label: label.text,
        text: squashText(line.text.slice(label.textAt)),
        children: [],
        span: [labelAt, line.end],
      },
    };
    while (stack.length > 0 && (stack[stack.length - 1] as Node).rank >= node.rank) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
    last = node;
  }
  const changed = regroup(roots);
  if (changed) warn(ctx, "clauses reordered");
  ctx.record.clauses = roots.map(toClause);
}

const isMark = (c: number) => c === 42 || c === 95; // "*", "_"

/** The last character of `t` before trailing Markdown marks and spaces ("" when there is none). */
function lastVisible(t: string): string {
  let i = t.length - 1;
  while (i >= 0 && (isMark(t.charCodeAt(i)) || isSpace(t.charCodeAt(i)))) i--;
  return i >= 0 ? t.charAt(i) : "";
}

/**
 * Drops runs of two or more "*" / "_" (Markdown emphasis), collapses space runs to one space and
 * trims; a line that needs none of it comes back as it is without a regex (most lines: hot path).
 */
function squashText(s: string): string {
  const n = s.length;
  let clean = true;
  for (let i = 0; i < n && clean; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) clean = i > 0 && i < n - 1 && s.charCodeAt(i + 1) !== 32;
    else if (isMark(c)) clean = !isMark(s.charCodeAt(i + 1));
    else if (c < 33 || c >= 0xa0) clean = !isSpace(c);
  }
  if (clean) return s;
  return s
    .replace(/[*_]{2,}/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function join(a: string, b: string): string {
  const t = squashText(b);
  return a ? `${a} ${t}` : t;
}

function toClause(n: Node): Clause {
  return { ...n.clause, children: n.children.map(toClause) };
}

function samePath(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function comparePaths(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/**
 * Puts each dotted item under the item its number names ("2.3" under "2." even when it was printed
 * before "2.") and sorts siblings whose distinct numbers the source printed out of order.
 * Returns true when anything moved.
 */
function regroup(list: Node[]): boolean {
  let changed = false;
  for (const node of list) {
    const stay: Node[] = [];
    for (const child of node.children) {
      const prefix = child.label.path.slice(0, -1);
      const isDotted = child.label.kind.startsWith("num") && prefix.length > 0;
      if (isDotted && node.label.kind.startsWith("num") && !samePath(prefix, node.label.path)) {
        const home = list.find((n) => n.label.kind === node.label.kind && samePath(n.label.path, prefix));
        if (home) {
          home.children.push(child);
          changed = true;
          continue;
        }
      }
      stay.push(child);
    }
    node.children = stay;
  }
  for (const node of list) if (regroup(node.children)) changed = true;
  if (sortSiblings(list)) changed = true;
  return changed;
}

function sortSiblings(list: Node[]): boolean {
  const kind = list[0]?.label.kind;
  if (list.length < 2 || list.some((n) => n.label.path.length === 0 || n.label.kind !== kind)) return false;
  const keys = new Set(list.map((n) => `${n.label.kind}:${n.label.path.join(".")}`));
  if (keys.size !== list.length) return false; // numbering that restarts ("1. Thành phần … 1. Thời gian")
  const sorted = [...list].sort((a, b) => comparePaths(a.label.path, b.label.path));
  if (sorted.every((n, i) => n === list[i])) return false;
  list.splice(0, list.length, ...sorted);
  return true;
}
