/** Reading a generated report back, as a user's software would: DOCX text and XML, XLSX workbook. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";

/** The document's text as mammoth reads it, blank lines dropped. */
export async function docxText(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: bytes });
  return value
    .split("\n")
    .filter((l) => l.trim() !== "")
    .join("\n");
}

/** The main part's XML (word/document.xml). */
export async function docxXml(bytes: Buffer, part = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`no ${part} in the DOCX`);
  return file.async("string");
}

/** The runs of the document: text with its formatting. */
export async function docxRuns(
  bytes: Buffer,
): Promise<Array<{ text: string; bold: boolean; italic: boolean; underline: boolean; size: number | null }>> {
  const xml = await docxXml(bytes);
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map(([, run]) => {
    const props = /<w:rPr>(.*?)<\/w:rPr>/s.exec(run!)?.[1] ?? "";
    const text = [...run!.matchAll(/<w:t[^>]*>(.*?)<\/w:t>/gs)].map((m) => m[1]).join("");
    const size = /<w:sz w:val="(\d+)"/.exec(props)?.[1];
    return {
      text: text.replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">"),
      bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(props),
      italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(props),
      underline: /<w:u /.test(props),
      size: size ? Number(size) / 2 : null,
    };
  });
}

/** The workbook. */
export async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}
