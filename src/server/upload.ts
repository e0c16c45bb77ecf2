/**
 * What an upload may be: the formats src/text reads, judged by the name's extension and by the
 * content, so that a picture renamed ".pdf" or a program renamed ".doc" is refused with a reason
 * instead of being stored as a failed document.
 */
import { type Format, sniffFormat } from "../text/sniff.js";

/** The extensions accepted, and the format each promises. */
export const acceptedExtensions: Readonly<Record<string, Format>> = {
  txt: "txt",
  md: "md",
  html: "html",
  htm: "html",
  docx: "docx",
  doc: "doc",
  pdf: "pdf",
};

// Text formats stand in for each other (Markdown kept as .txt, HTML saved as .txt); a container's
// name must match its content, except that sites serve HTML and Word 2007 files under ".doc".
const allowedContent: Readonly<Record<Format, readonly Format[]>> = {
  txt: ["txt", "md", "html"],
  md: ["txt", "md", "html"],
  html: ["txt", "md", "html"],
  docx: ["docx"],
  doc: ["doc", "docx", "html"],
  pdf: ["pdf"],
};

const formatNames: Readonly<Record<Format, string>> = {
  txt: "plain text",
  md: "Markdown",
  html: "HTML",
  docx: "a Word (.docx) document",
  doc: "a Word 97–2003 (.doc) document",
  pdf: "a PDF",
};

/** The name as stored: no folders (old browsers send "C:\fakepath\x.pdf"), no control characters. */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (clean || "upload").slice(0, 255);
}

/** Why a file is refused (a message for the person who uploaded it), or null when it is accepted. */
export function refusal(name: string, bytes: Uint8Array): string | null {
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const promised = acceptedExtensions[ext];
  if (!promised)
    return `${name}: only ${Object.keys(acceptedExtensions)
      .map((e) => `.${e}`)
      .join(", ")} files are accepted`;
  if (bytes.byteLength === 0) return `${name}: the file is empty`;
  const sniffed = sniffFormat(bytes, name);
  if (sniffed === "binary") return `${name}: the content is not a document (an image, archive or program?)`;
  if (!allowedContent[promised].includes(sniffed))
    return `${name}: named .${ext} but the content is ${formatNames[sniffed]}, not ${formatNames[promised]}`;
  return null;
}
