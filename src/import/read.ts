/** One file's bytes → a reading (records, or a stable failure code): what a parser thread runs. */
import { parse } from "../parse/index.js";
import type { Reading } from "../store/ingest.js";
import { ExtractError } from "../text/errors.js";

/** Reads a file's bytes into records; never throws: a failure becomes `{ ok: false, code, message }`. */
export async function parseBytes(bytes: Uint8Array, name: string): Promise<Reading> {
  try {
    const result = await parse(bytes, { filename: name });
    return {
      ok: true,
      format: result.format,
      warnings: result.warnings,
      text: result.text,
      documents: result.documents,
    };
  } catch (error) {
    // ExtractError carries the stable code of a broken container; anything else is a parser bug.
    const code = error instanceof ExtractError ? error.code : "parser_failed";
    return { ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
}
