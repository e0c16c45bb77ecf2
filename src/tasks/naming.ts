/**
 * Names an assignee by what the whole document says of it, beyond its own sentence (tasks.md:
 * units as written): a post named without its body ("Phó Chủ tịch Thường trực, phụ trách …")
 * belongs to the issuing body, and a board the document founds ("Thành lập Ban Chỉ đạo thực hiện
 * …") is what its bare later mentions ("Ban Chỉ đạo") mean. Pure.
 */
import type { Clause, DocumentRecord } from "../parse/record.js";
import { lower as fold, taskWords as W } from "../tables/task-words.js";
import { canonTone } from "../text/tone.js";
import { wordAt } from "./assignees.js";
import type { Task } from "./types.js";

const P = W.posts;
const isLetter = (c: string) => /[\p{L}\p{N}]/u.test(c);
const key = (s: string) => canonTone(fold(s)).replace(/\s+/gu, " ").trim();

/** What the document's names are rewritten to: its issuer's body per post, its founded board. */
export interface Naming {
  /** The body a post named bare belongs to, per post (folded, without deputy or standing). */
  bodyOf: (post: string) => { body: string; head: string } | null;
  /** The full name of the one board the document founds, per its folded head; absent when none. */
  founded: ReadonlyMap<string, string>;
}

/** Where a bare post ends in `unit`: "(các) (Phó) Chủ tịch (Thường trực)" then nothing or ","; else null. */
export function barePost(unit: string): { post: string; end: number } | null {
  const f = fold(unit);
  let i = 0;
  const skip = (w: string | null) => {
    if (w === null) return false;
    i += w.length;
    while (f.charAt(i) === " ") i++;
    return true;
  };
  skip(wordAt(f, i, ["các", "những"]));
  skip(wordAt(f, i, P.deputy));
  const post = wordAt(
    f,
    i,
    [...P.bodies.keys()].sort((a, b) => b.length - a.length),
  );
  if (!post) return null;
  i += post.length;
  const standing = wordAt(f, skipSpace(f, i), P.standing);
  if (standing) i = skipSpace(f, i) + standing.length;
  const rest = f.slice(i).trimStart();
  return rest === "" || rest.startsWith(",") ? { post, end: i } : null;
}

function skipSpace(s: string, i: number): number {
  while (s.charAt(i) === " ") i++;
  return i;
}

/**
 * The body of `name` as the document writes it: "Ủy ban … xã Lương Minh" is "Ủy ban … xã" where
 * the document's other names say only the level.
 */
function asWritten(name: string, written: readonly string[]): string {
  const f = fold(name);
  for (const level of P.levels) {
    for (let at = f.lastIndexOf(` ${level} `); at > 0; at = f.lastIndexOf(` ${level} `, at - 1)) {
      const end = at + 1 + level.length;
      const short = key(name.slice(0, end));
      if (!/^\s+\p{Lu}/u.test(name.slice(end))) continue;
      const full = key(name);
      const says = (k: string) =>
        written.some((w) => new RegExp(`(?:^|\\s)${escapeRegExp(k)}(?![\\p{L}\\p{N}])`, "u").test(w));
      if (says(short) && !says(full)) return name.slice(0, end);
    }
  }
  return name;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** The body among the issuer and the body above it that has `post`, as the document writes it. */
function bodyFor(record: DocumentRecord, written: readonly string[]): Naming["bodyOf"] {
  const candidates = [record.issuer, record.parent_issuer].filter(
    (x): x is string => typeof x === "string" && x.trim() !== "",
  );
  return (post) => {
    const heads = P.bodies.get(post) ?? [];
    for (const c of candidates) {
      const f = fold(c.trim());
      const head = heads.find((h) => f.startsWith(h) && !isLetter(f.charAt(h.length)));
      if (head) return { body: asWritten(c.trim(), written), head };
    }
    return null;
  };
}

/** Every clause text of the record, depth first. */
function* clauseTexts(clauses: readonly Clause[]): Generator<string> {
  for (const c of clauses) {
    if (typeof c?.text === "string") yield c.text;
    if (Array.isArray(c?.children)) yield* clauseTexts(c.children);
  }
}

const FOUNDED_STOP = /[,.:;(\n]|\s(?:để|gồm|do|nhằm)\s/u;

/** The full names of the boards founded in `texts` ("thành lập Ban Chỉ đạo thực hiện …"), per head. */
export function foundedBoards(texts: Iterable<string>): Map<string, string> {
  const names = new Map<string, Map<string, string>>();
  for (const t of texts) {
    const f = fold(t);
    for (const verb of P.founding) {
      for (let at = f.indexOf(verb); at >= 0; at = f.indexOf(verb, at + verb.length)) {
        if (at > 0 && isLetter(f.charAt(at - 1))) continue;
        const from = skipSpace(f, at + verb.length);
        const head = wordAt(f, from, P.founded);
        if (!head) continue;
        const rest = t.slice(from);
        const stop = FOUNDED_STOP.exec(rest);
        const name = (stop ? rest.slice(0, stop.index) : rest).replace(/[*_\s]+$/u, "");
        // A board with no name of its own ("thành lập Ban Chỉ đạo.") tells nothing.
        if (name.length <= head.length + 1) continue;
        const byHead = names.get(head) ?? new Map<string, string>();
        byHead.set(key(name), name);
        names.set(head, byHead);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [head, byName] of names) if (byName.size === 1) out.set(head, [...byName.values()][0]!);
  return out;
}

/** How the record's tasks name posts and founded boards. */
export function namingOf(record: DocumentRecord, tasks: readonly Task[], text: string): Naming {
  const written = tasks.flatMap((t) => [
    ...t.assignees.map((a) => key(a.unit)),
    ...(t.reports_to ? [key(t.reports_to)] : []),
  ]);
  const clauses = Array.isArray(record.clauses) ? record.clauses : [];
  // A decision's plan is read from the text after its signature, not from its clauses.
  const spans = tasks.flatMap((t) => (t.span ? [text.slice(t.span[0], t.span[1])] : []));
  return { bodyOf: bodyFor(record, written), founded: foundedBoards([...clauseTexts(clauses), ...spans]) };
}

/** `unit` named in full: a bare post with its body, a bare founded board by its name. */
export function nameUnit(unit: string, naming: Naming): string {
  const board = naming.founded.get(key(unit));
  if (board) return board;
  const bare = barePost(unit);
  if (!bare) return unit;
  const found = naming.bodyOf(bare.post);
  if (!found) return unit;
  // "Trưởng ban" of "Ban Chỉ đạo …" is "Trưởng Ban Chỉ đạo …": the post's last word is the body's head.
  const f = fold(unit.slice(0, bare.end));
  const post = f.endsWith(` ${found.head}`)
    ? unit.slice(0, bare.end - found.head.length - 1)
    : unit.slice(0, bare.end);
  return `${post} ${found.body}${unit.slice(bare.end)}`;
}

/** The tasks with their assignees and reports-to named in full. */
export function nameTasks(record: DocumentRecord, tasks: Task[], text: string): Task[] {
  const naming = namingOf(record, tasks, text);
  for (const t of tasks) {
    const seen = new Set<string>();
    t.assignees = t.assignees
      .map((a) => ({ ...a, unit: nameUnit(a.unit, naming) }))
      .filter((a) => !seen.has(key(a.unit)) && seen.add(key(a.unit)) !== null);
    if (t.reports_to) t.reports_to = nameUnit(t.reports_to, naming);
  }
  return tasks;
}
