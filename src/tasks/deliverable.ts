/** The action of a task (the verb phrase, short) and what it produces (tasks.md `deliverable`). */
import { lower as fold, taskWords as W } from "../tables/task-words.js";
import { wordAt } from "./assignees.js";

const MAX_ACTION = 120;

/**
 * The verb phrase from `at`: after the units and any "chủ trì, phối hợp với …", up to the end of the
 * first sentence part (";", ".", ":"), cut at a word boundary when long.
 */
export function readAction(s: string, at: number): string {
  let rest = s.slice(at).replace(/^[\s,:;–-]+/u, "");
  const part = /^[^;:]*?(?=[;:]|\.(?:\s|$)|$)/u.exec(rest);
  rest = (part ? part[0] : rest).replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
  if (rest.length <= MAX_ACTION) return rest;
  const cut = rest.lastIndexOf(" ", MAX_ACTION);
  return rest.slice(0, cut > 0 ? cut : MAX_ACTION);
}

/** The first deliverable named in `s` ("kế hoạch", "báo cáo"), lower case, or null. */
export function readDeliverable(s: string): string | null {
  const f = fold(s);
  for (let i = 0; i < f.length; i++) {
    const w = wordAt(f, i, W.deliverables);
    if (w) return s.slice(i, i + w.length).toLowerCase();
  }
  return null;
}
