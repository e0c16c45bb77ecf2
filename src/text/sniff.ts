/**
 * Which reader a file needs: its magic bytes first, its name second. Sites often serve HTML
 * under a ".doc" name and repositories keep Markdown under ".txt", so the name only decides
 * between text formats.
 */

/** The formats `extract` reads. */
export type Format = "txt" | "md" | "html" | "docx" | "doc" | "pdf";

/** What the bytes are: a readable format, or something that is no document at all. */
export type Sniffed = Format | "binary";

/** Guesses the format from the file name; content sniffing refines it in `extract`. */
export function formatOf(filename: string): Format {
  const ext = filename.toLowerCase().split(".").pop() ?? "";
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  if (ext === "docx" || ext === "doc" || ext === "pdf") return ext;
  return "txt";
}

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(
    bytes.buffer,
    bytes.byteOffset + from,
    Math.max(0, Math.min(to, bytes.byteLength) - from),
  ).toString("latin1");
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const HTML_START =
  /^(?:\ufeff|\xef\xbb\xbf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/i;
/** Formats that are not documents this project reads, recognised so they are not read as text. */
const OTHER_MAGIC: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // Windows executable
];

/** Sniffs the format from the bytes, falling back on the name. */
export function sniffFormat(bytes: Uint8Array, filename: string): Sniffed {
  const named = formatOf(filename);
  if (ascii(bytes, 0, 1024).includes("%PDF-")) return "pdf";
  if (startsWith(bytes, ZIP)) {
    // Zip entry names are stored uncompressed, in the local headers and the central directory.
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml"))
      return "docx";
    return named === "docx" ? "docx" : "binary";
  }
  if (startsWith(bytes, OLE)) return "doc";
  if (OTHER_MAGIC.some((m) => startsWith(bytes, m))) return "binary";
  if (HTML_START.test(ascii(bytes, 0, 2048))) return "html";
  if (named === "docx" || named === "pdf" || named === "doc") return "txt";
  return named;
}
