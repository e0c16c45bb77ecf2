import type { Line } from "./lines.js";

/** One document found in a file: its lines, and whether it is embedded in the one before. */
export interface Segment {
  lines: Line[];
  embedded: boolean;
}

/** Finds the document(s) in a file's lines: drops the page around them, splits embedded ones. */
export function segment(lines: Line[]): Segment[] {
  return [{ lines, embedded: false }];
}
