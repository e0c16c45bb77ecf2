/**
 * Legacy Word .doc (OLE compound file) → text with word-extractor: the body, then footnotes and
 * endnotes (citations often sit there). Table cells come separated by tabs, which normalisation
 * widens into column gaps.
 */
import WordExtractor from "word-extractor";
import { ExtractError } from "./errors.js";

/** Reads a .doc file's text. Throws `ExtractError` when the compound file is broken. */
export async function readDoc(bytes: Uint8Array): Promise<string> {
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    const parts = [doc.getBody(), doc.getFootnotes(), doc.getEndnotes()].map((p) => p.trim()).filter(Boolean);
    return parts.join("\n\n");
  } catch (e) {
    throw new ExtractError(
      "document_unreadable",
      `the DOC file cannot be read (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}
