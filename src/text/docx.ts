/**
 * DOCX → text through mammoth's HTML (its raw-text mode drops line breaks inside a paragraph,
 * which glues the header's "BAN CHẤP HÀNH TRUNG ƯƠNG" to "VĂN PHÒNG"): one paragraph per line,
 * each table cell on its own lines, footnotes at the end.
 */
import mammoth from "mammoth";
import { ExtractError } from "./errors.js";
import { htmlToText } from "./html.js";

/** Reads a .docx file's text. Throws `ExtractError` when the zip or its document.xml is broken. */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlToText(value);
  } catch (e) {
    throw new ExtractError(
      "document_unreadable",
      `the DOCX file cannot be read (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}
