import { z } from "zod";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

const list = z.object({ words: z.array(z.string()).min(1) });
const schema = z.object({ forwards: list, acting: list, said_of_another: list });

/** The words of data/cascade-words.json, folded, longest first. */
export interface CascadeWords {
  /** "sao gửi", "chuyển": a cover letter passing a document down. */
  forwards: readonly string[];
  /** "triển khai", "thực hiện": acting on it. */
  acting: readonly string[];
  /** "về triển khai thực hiện": what a cited document did with the next one named. */
  saidOfAnother: readonly string[];
}

function load(): CascadeWords {
  const t = schema.parse(readTable("cascade-words.json"));
  const folded = (xs: string[]) =>
    Object.freeze([...new Set(xs.map(fold))].sort((a, b) => b.length - a.length));
  return Object.freeze({
    forwards: folded(t.forwards.words),
    acting: folded(t.acting.words),
    saidOfAnother: folded(t.said_of_another.words),
  });
}

/** Loaded once. */
export const cascadeWords: CascadeWords = load();
