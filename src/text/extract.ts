/**
 * Bytes of a file as it arrived → the document's plain text, normalised once.
 *
 *     bytes ─ sniff ─┬─ txt/md ─ decode ─ (markdown) ─┐
 *                    ├─ html ─── decode ─ html ───────┤
 *                    ├─ docx ─── mammoth ─ html ──────┼─ legacy fonts ─ normalise ─ Extracted
 *                    ├─ doc ──── word-extractor ──────┤
 *                    └─ pdf ──── pdfjs (lines by y) ──┘
 */
import { decode } from "./decode.js";
import { readDoc } from "./doc.js";
import { readDocx } from "./docx.js";
import { ExtractError } from "./errors.js";
import { readHtml } from "./html.js";
import { repairLegacy } from "./legacy.js";
import { looksLikeMarkdown, markdownToText } from "./markdown.js";
import { normalise, type OffsetMap } from "./normalise.js";
import { readPdf } from "./pdf.js";
import { type Format, formatOf, sniffFormat } from "./sniff.js";

export { ExtractError, type ExtractErrorCode } from "./errors.js";
export type { OffsetMap } from "./normalise.js";
export { type Format, formatOf };

/** A file's text as every later stage reads it, with what was learnt while reading it. */
export interface Extracted {
  /** NFC text, "\n" line ends, markup removed: every later stage reads only this. */
  text: string;
  format: Format;
  /** The source encoding when the input was text ("utf-8", "utf-16le", "tcvn3", …). */
  encoding: string | null;
  /** Decoding and extraction notes for a human ("decoded from TCVN3", "no text layer"). */
  warnings: string[];
  /**
   * From offsets of `text` back to offsets of the text before normalisation (the decoded file
   * for plain text; the markup-free text for Markdown, HTML, DOCX, DOC and PDF).
   */
  sourceMap: OffsetMap;
  /** True for a PDF whose pages carry (almost) no text: a scan that needs OCR. */
  needsOcr: boolean;
}

/** The largest file `extract` accepts. */
export const MAX_BYTES = 200 * 1024 * 1024;

const LEGACY_NAMES = { tcvn3: "TCVN3", vni: "VNI" } as const;

// C0 controls other than tab, line feed, form feed and carriage return, DEL, and U+FFFD.
const JUNK = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g;

/** True when decoded text is mostly binary junk (control codes and replacement characters). */
export function isJunk(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const junk = sample.match(JUNK)?.length ?? 0;
  return junk > 0 && (sample.includes("\u0000") || junk > sample.length * 0.02);
}

interface Raw {
  text: string;
  encoding: string | null;
  warnings: string[];
  needsOcr?: boolean;
}

function finish(raw: Raw, format: Format): Extracted {
  const { text, map } = normalise(raw.text);
  const warnings = [...raw.warnings];
  if (
    text.trim() === "" &&
    !warnings.some((w) => w.startsWith("no text layer") || w.startsWith("not a text"))
  )
    warnings.push("empty document");
  return { text, format, encoding: raw.encoding, warnings, sourceMap: map, needsOcr: raw.needsOcr ?? false };
}

/** Text from a container (HTML, Word, PDF) may still be typed in a legacy font: repair it. */
function withLegacy(raw: Raw): Raw {
  const repaired = repairLegacy(raw.text);
  if (!repaired.encoding) return raw;
  return {
    ...raw,
    text: repaired.text,
    encoding: repaired.encoding,
    warnings: [...raw.warnings, `decoded from ${LEGACY_NAMES[repaired.encoding]}`],
  };
}

function readText(bytes: Uint8Array, format: "txt" | "md", named: Format): Raw {
  const decoded = decode(bytes);
  if (isJunk(decoded.text)) {
    if (named === "pdf" || named === "docx" || named === "doc")
      throw new ExtractError(
        "document_unreadable",
        `the file is named .${named} but is neither that nor text`,
      );
    return { text: "", encoding: null, warnings: ["not a text document (binary content)"] };
  }
  const markdown = format === "md" || looksLikeMarkdown(decoded.text);
  return { ...decoded, text: markdown ? markdownToText(decoded.text) : decoded.text };
}

/**
 * Reads a file's bytes into normalised text. Odd text warns (empty, binary, legacy font, no
 * text layer); a broken container (truncated DOCX, corrupt PDF or DOC) or a file over
 * `MAX_BYTES` throws `ExtractError` with a stable `code`.
 *
 * @example
 * const { text } = await extract(new TextEncoder().encode("**Điều 1.** Phê"), "a.md");
 * text; // "Điều 1. Phê"
 */
export async function extract(bytes: Uint8Array, filename: string): Promise<Extracted> {
  if (bytes.byteLength > MAX_BYTES) {
    throw new ExtractError(
      "document_too_large",
      `the file is ${Math.round(bytes.byteLength / 1048576)} MB; the limit is ${MAX_BYTES / 1048576} MB`,
    );
  }
  const named = formatOf(filename);
  if (bytes.byteLength === 0) return finish({ text: "", encoding: null, warnings: [] }, named);
  const sniffed = sniffFormat(bytes, filename);
  switch (sniffed) {
    case "binary":
      return finish({ text: "", encoding: null, warnings: ["not a text document (binary content)"] }, named);
    case "pdf": {
      const pdf = await readPdf(bytes);
      const raw = { text: pdf.text, encoding: null, warnings: pdf.warnings, needsOcr: pdf.needsOcr };
      return finish(pdf.needsOcr ? raw : withLegacy(raw), "pdf");
    }
    case "docx":
      return finish(withLegacy({ text: await readDocx(bytes), encoding: null, warnings: [] }), "docx");
    case "doc":
      return finish(withLegacy({ text: await readDoc(bytes), encoding: null, warnings: [] }), "doc");
    case "html":
      return finish(withLegacy(readHtml(bytes)), "html");
    default:
      return finish(readText(bytes, sniffed, named), sniffed);
  }
}
