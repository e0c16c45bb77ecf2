/**
 * Bytes of a file as it arrived → the document's plain text, normalised once.
 * (Baseline: UTF-8 text and Markdown; the full decoder set lives beside this file.)
 */

export type Format = "txt" | "md" | "html" | "docx" | "doc" | "pdf";

export interface Extracted {
  /** NFC text, "\n" line ends, markup removed: every later stage reads only this. */
  text: string;
  format: Format;
  /** The source encoding when the input was text ("utf-8", "utf-16le", "tcvn3", …). */
  encoding: string | null;
  /** Decoding and extraction notes for a human ("decoded from TCVN3", "no text layer"). */
  warnings: string[];
}

/** Guesses the format from the file name; content sniffing refines it in `extract`. */
export function formatOf(filename: string): Format {
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "docx" || ext === "doc" || ext === "pdf") return ext;
  return "txt";
}

/** Reads a file's bytes into normalised text. Never throws for bad input: it warns. */
export async function extract(bytes: Uint8Array, filename: string): Promise<Extracted> {
  const format = formatOf(filename);
  let text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  if (format === "md") text = text.replace(/\*\*|__|\\(?=[\\*_#|\-.[\]()!])/g, "");
  text = text.normalize("NFC").replace(/\r\n?/g, "\n");
  return { text, format, encoding: "utf-8", warnings: [] };
}
