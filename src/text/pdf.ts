/**
 * PDF → text with pdfjs-dist (legacy build, runs offline in Node, no worker download). Text items
 * are grouped into lines by their baseline, ordered left to right; a wide gap between items
 * becomes three spaces so the two columns of a header stay apart. A page without a text layer
 * (a scan: OCR comes later) adds nothing, and a document of such pages is flagged.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ExtractError } from "./errors.js";
import { letterStats } from "./legacy.js";

/** A PDF's text and what a human should know about it. */
export interface PdfText {
  text: string;
  pages: number;
  /** Pages with (almost) no text: scans. */
  emptyPages: number;
  /** No usable text layer: the pages are images (OCR comes later). */
  needsOcr: boolean;
  warnings: string[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Fewer printable characters than this on a page: no usable text layer there. */
const MIN_PAGE_CHARS = 40;

function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve("pdfjs-dist/package.json"));
}

/**
 * Items of one page → lines, top to bottom. Within a line the content stream's order is kept
 * when it runs left to right (it knows where a glyph with a zero width belongs); otherwise items
 * are ordered by x. A space item stays one space up to four em wide ("Số:      /BNV" is a blank
 * number, not two columns); a wider one, or a gap of 1.5 em between two words, becomes three
 * spaces: the gap between the header's two columns.
 */
export function itemsToLines(items: Item[]): string[] {
  const indexed = items.map((it, index) => ({ ...it, index })).filter((it) => it.str !== "");
  const sorted = indexed.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (typeof sorted)[] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    // Same line when the baselines are closer than half the glyph height (superscripts included).
    if (row && ref && Math.abs(ref.y - it.y) <= Math.max(2, 0.5 * Math.min(ref.size, it.size) || 2))
      row.push(it);
    else rows.push([it]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.index - b.index);
    const leftToRight = row.every((it, k) => k === 0 || it.x >= row[k - 1]!.x - 0.5);
    if (!leftToRight) row.sort((a, b) => a.x - b.x);
    let line = "";
    let end = Number.NEGATIVE_INFINITY;
    for (const it of row) {
      const size = it.size || 10;
      const blank = it.str.trim() === "";
      const gap = it.x - end;
      if (blank) {
        if (line !== "" && it.width > 4 * size) line = `${line.trimEnd()}   `;
        else if (line !== "" && !line.endsWith(" ")) line += " ";
      } else {
        if (line !== "" && gap > 1.5 * size) line = `${line.trimEnd()}   `;
        else if (line !== "" && gap > 0.2 * size && !line.endsWith(" ") && !it.str.startsWith(" "))
          line += " ";
        line += it.str;
      }
      end = Math.max(end, it.x + it.width);
    }
    return line.trimEnd();
  });
}

/**
 * Why a text layer cannot be Vietnamese, or null when it can. OCR run as English drops every
 * diacritic ("CQNG HOA XA HQI CHU NGHIA"); a font without a Unicode map gives Latin-1 symbols
 * inside words ("CØNG HOÀ XÃ HØI").
 */
export function unusableLayer(text: string): string | null {
  const { words, vietnamese, odd } = letterStats(text);
  if (words < 30) return null;
  if (vietnamese < words * 0.05) return "the text layer has no Vietnamese letters";
  if (odd > words * 0.05) return "the text layer is garbled";
  return null;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;

/**
 * Reads a PDF's text layer. Throws `ExtractError` for a file pdfjs cannot open (truncated,
 * corrupt, or locked with a password).
 */
export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  const lib = await pdfjs;
  const dir = pdfjsDir();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    cMapUrl: `${pathToFileURL(join(dir, "cmaps")).pathname}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(join(dir, "standard_fonts")).pathname}/`,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = e instanceof Error ? e.name : "";
    if (name === "PasswordException")
      throw new ExtractError("document_encrypted", "the PDF is password-protected");
    throw new ExtractError(
      "document_unreadable",
      `the PDF cannot be read (${e instanceof Error ? e.message : e})`,
    );
  }
  try {
    const pages: string[] = [];
    let emptyPages = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x ?? 0, y: y ?? 0, width: it.width, size: Math.hypot(a ?? 0, b ?? 0) });
      }
      const lines = itemsToLines(items);
      const chars = lines.join("").replace(/\s/g, "").length;
      if (chars < MIN_PAGE_CHARS) emptyPages++;
      pages.push(lines.join("\n"));
      page.cleanup();
    }
    const text = pages.filter((p) => p.trim() !== "").join("\n\n");
    const warnings: string[] = [];
    const unusable = unusableLayer(text);
    if (doc.numPages > 0 && emptyPages * 2 > doc.numPages) {
      warnings.push(`no text layer (${emptyPages} of ${doc.numPages} pages without text: a scan, needs OCR)`);
    } else if (unusable) warnings.push(`no text layer (${unusable}: a scan, needs OCR)`);
    return { text, pages: doc.numPages, emptyPages, needsOcr: warnings.length > 0, warnings };
  } catch (e) {
    if (e instanceof ExtractError) throw e;
    throw new ExtractError(
      "document_unreadable",
      `the PDF's pages cannot be read (${e instanceof Error ? e.message : e})`,
    );
  } finally {
    await doc.destroy();
  }
}
