import { extract } from "../text/extract.js";
import { type Context, emptyRecord } from "./context.js";
import { coverAttaches, inferFromCover, peekHeader } from "./embedded.js";
import { splitLines } from "./lines.js";
import { steps } from "./pipeline.js";
import type { DocumentRecord, ParseResult } from "./record.js";
import { type Segment, segment } from "./segment.js";
import { leadingType } from "./title.js";

export interface ParseOptions {
  /** The file's name: it tells the format and gives the record ids their base. */
  filename: string;
}

/** The record id's base: the file name without folder and extension ("a001.md" → "a001"). */
export function baseId(filename: string): string {
  const name = filename.split(/[\\/]/).pop() ?? filename;
  return name.replace(/\.[^.]+$/, "") || name;
}

interface Part {
  segment: Segment;
  /** Annexes that follow this document: their types, for `attachments`. */
  annexes: Array<string | null>;
}

/** Embedded segments that are annexes fold back into the document before them. */
function documentsOf(text: string, segments: Segment[]): Part[] {
  const parts: Part[] = [];
  for (const seg of segments) {
    const prev = parts[parts.length - 1];
    if (seg.embedded && prev) {
      const head = peekHeader(text, seg.lines);
      const ownRecord =
        head.number !== null || (head.type !== null && coverAttaches(prev.segment.lines, head.type));
      if (!ownRecord) {
        prev.segment = { ...prev.segment, lines: [...prev.segment.lines, ...seg.lines] };
        const first = seg.lines.find((l) => l.text.trim() !== "");
        const type = head.type ?? (first ? leadingType(first.text) : null);
        // Inside a Phụ lục, forms and sections with their own titles are parts of it, not annexes.
        const inAnnex = prev.annexes.includes("Phụ lục");
        if (type !== null && (!inAnnex || type === "Phụ lục")) prev.annexes.push(type);
        continue;
      }
    }
    parts.push({ segment: seg, annexes: [] });
  }
  return parts;
}

/**
 * Reads already-normalised text into records: the document, then each document embedded in it.
 * Pure and synchronous; never throws on odd text (it warns in the record instead).
 */
export function parseText(text: string, id: string): DocumentRecord[] {
  const records: DocumentRecord[] = [];
  const parts = documentsOf(text, segment(splitLines(text)));
  for (const [i, part] of parts.entries()) {
    const record = emptyRecord(i === 0 ? id : `${id}#${i}`, i > 0 ? id : null);
    const lines = part.segment.lines;
    const ctx: Context = { text, lines, bodyStart: 0, bodyEnd: lines.length, record };
    for (const step of steps) step(ctx);
    for (const type of part.annexes) record.attachments.push({ id: null, type, symbol: null });
    records.push(record);
  }
  const cover = records[0];
  for (const doc of records.slice(1)) {
    if (!cover) break;
    inferFromCover(text, cover, doc);
    cover.attachments.push({ id: doc.id, type: doc.type, symbol: doc.symbol });
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
