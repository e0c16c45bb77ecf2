import { extract } from "../text/extract.js";
import { type Context, emptyRecord } from "./context.js";
import { splitLines } from "./lines.js";
import { steps } from "./pipeline.js";
import type { DocumentRecord, ParseResult } from "./record.js";
import { segment } from "./segment.js";

export interface ParseOptions {
  /** The file's name: it tells the format and gives the record ids their base. */
  filename: string;
}

/** The record id's base: the file name without folder and extension ("a001.md" → "a001"). */
export function baseId(filename: string): string {
  const name = filename.split(/[\\/]/).pop() ?? filename;
  return name.replace(/\.[^.]+$/, "") || name;
}

/**
 * Reads already-normalised text into records: the document, then each document embedded in it.
 * Pure and synchronous; never throws on odd text (it warns in the record instead).
 */
export function parseText(text: string, id: string): DocumentRecord[] {
  const records: DocumentRecord[] = [];
  const segments = segment(splitLines(text));
  for (const [i, seg] of segments.entries()) {
    const record = emptyRecord(i === 0 ? id : `${id}#${i}`, seg.embedded && i > 0 ? id : null);
    const ctx: Context = { text, lines: seg.lines, bodyStart: 0, bodyEnd: seg.lines.length, record };
    for (const step of steps) step(ctx);
    records.push(record);
  }
  return records;
}

/**
 * Reads a file as it arrived (bytes or text) into records.
 *
 * @example
 * const { documents } = await parse(await readFile("677.txt"), { filename: "677.txt" });
 * documents[0].symbol; // "677-CV/TU"
 */
export async function parse(input: Uint8Array | string, options: ParseOptions): Promise<ParseResult> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const extracted = await extract(bytes, options.filename);
  const documents = parseText(extracted.text, baseId(options.filename));
  return {
    file: options.filename,
    format: extracted.format,
    warnings: extracted.warnings,
    documents,
    text: extracted.text,
  };
}
