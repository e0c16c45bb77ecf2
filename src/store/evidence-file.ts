/**
 * What an uploaded report (evidence of a task) may be: PDF, Word (DOCX, DOC), Excel (XLSX),
 * OpenDocument text, an image, or plain text, up to 20 MiB. The kind is read from the bytes and
 * must agree with the name's extension, so a program renamed ".pdf" is refused; the media type
 * stored is the one the content shows, never the one the browser sent. Pure.
 */

/** The largest report accepted. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

type Kind = "pdf" | "docx" | "xlsx" | "odt" | "doc" | "png" | "jpeg" | "gif" | "webp" | "text";

const mediaTypes: Record<Kind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  doc: "application/msword",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  text: "text/plain; charset=utf-8",
};

const byExtension: Record<string, Kind> = {
  pdf: "pdf",
  docx: "docx",
  xlsx: "xlsx",
  odt: "odt",
  doc: "doc",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  gif: "gif",
  webp: "webp",
  txt: "text",
  md: "text",
  csv: "text",
};

/** The extensions accepted, for messages and the file input's `accept`. */
export const evidenceExtensions = Object.keys(byExtension);

const starts = (b: Uint8Array, magic: readonly number[], at = 0) => magic.every((x, i) => b[at + i] === x);
const latin1 = (b: Uint8Array, from: number, to: number) =>
  Buffer.from(b.buffer, b.byteOffset + from, Math.max(0, Math.min(to, b.byteLength) - from)).toString(
    "latin1",
  );

/** What the bytes are, or null when none of the accepted kinds. */
function sniff(b: Uint8Array): Kind | null {
  if (latin1(b, 0, 1024).includes("%PDF-")) return "pdf";
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    // An OpenDocument package opens with its uncompressed `mimetype` entry; OOXML parts are named
    // in the zip's (uncompressed) headers.
    if (latin1(b, 30, 30 + 47) === "mimetypeapplication/vnd.oasis.opendocument.text") return "odt";
    const all = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    if (all.includes("word/document.xml")) return "docx";
    if (all.includes("xl/workbook.xml")) return "xlsx";
    return null;
  }
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "doc";
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (latin1(b, 0, 6) === "GIF87a" || latin1(b, 0, 6) === "GIF89a") return "gif";
  if (latin1(b, 0, 4) === "RIFF" && latin1(b, 8, 12) === "WEBP") return "webp";
  if (b.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return "text";
  } catch {
    return null;
  }
}

/** Why a report is refused: too large, or not a kind accepted (or not what its name says). */
export type EvidenceRefusal = { reason: "too_large" | "unsupported"; message: string };

/** The accepted file's media type, or why it is refused. */
export function checkEvidenceFile(
  name: string,
  bytes: Uint8Array,
): { ok: true; mediaType: string } | ({ ok: false } & EvidenceRefusal) {
  if (bytes.byteLength > MAX_EVIDENCE_BYTES)
    return { ok: false, reason: "too_large", message: `${name}: larger than 20 MiB` };
  if (bytes.byteLength === 0)
    return { ok: false, reason: "unsupported", message: `${name}: the file is empty` };
  const dot = name.lastIndexOf(".");
  const promised = dot > 0 ? byExtension[name.slice(dot + 1).toLowerCase()] : undefined;
  if (!promised)
    return {
      ok: false,
      reason: "unsupported",
      message: `${name}: only ${evidenceExtensions.map((e) => `.${e}`).join(", ")} files are accepted`,
    };
  const found = sniff(bytes);
  if (found !== promised)
    return {
      ok: false,
      reason: "unsupported",
      message: found
        ? `${name}: the name says ${promised.toUpperCase()} but the content is ${found.toUpperCase()}`
        : `${name}: the content is not a ${promised.toUpperCase()} file`,
    };
  return { ok: true, mediaType: mediaTypes[found] };
}

/** A file name as stored: no folders, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "bao-cao").slice(0, 255);
}
