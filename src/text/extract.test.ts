import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { docx, para, pdf, table } from "../../test/fixtures/text/make.js";
import { ExtractError, type Extracted, extract, formatOf } from "./extract.js";
import { toLegacy } from "./legacy.js";
import { sniffFormat } from "./sniff.js";

const enc = (s: string) => new TextEncoder().encode(s);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const junk = (n: number, seed = 7) =>
  new Uint8Array(Array.from({ length: n }, (_, i) => (i * 131 + seed * i * i) % 256));

describe("formatOf and sniffFormat", () => {
  it.each([
    ["a003.md", "md"],
    ["b202.HTML", "html"],
    ["p207.htm", "html"],
    ["b116.doc", "doc"],
    ["p301.txt", "txt"],
    ["noext", "txt"],
  ])("formatOf(%s) = %s", (name, want) => {
    expect(formatOf(name)).toBe(want);
  });

  it.each([
    [enc("%PDF-1.4\n..."), "scan.txt", "pdf", "PDF magic beats the name"],
    [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc("word/document.xml")]),
      "x.zip",
      "docx",
      "zip holding word/document.xml",
    ],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc("xl/workbook.xml")]), "x.zip", "binary", "another zip"],
    [new Uint8Array(OLE), "x.bin", "doc", "OLE compound file"],
    [enc("<!DOCTYPE html><html><body>x</body></html>"), "van-ban.doc", "html", "HTML served as .doc"],
    [enc("  <html lang=vi>"), "x.txt", "html", "<html after whitespace"],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]), "scan.md", "binary", "a PNG is not Markdown"],
    [enc("# Tiêu đề"), "a.md", "md", "text: the name decides"],
    [enc("Số: 12"), "x.pdf", "txt", "text named .pdf is read as text"],
  ])("%#: %s (%s)", (bytes, name, want) => {
    expect(sniffFormat(bytes, name)).toBe(want);
  });
});

describe("extract: text formats", () => {
  it.each([
    [enc("**Điều 1. **Phê duyệt"), "a.md", "Điều 1. Phê duyệt", "Markdown stripped"],
    [enc("Ha\u0300 No\u0323\u0302i\r\nSố: 12"), "a.txt", "Hà Nội\nSố: 12", "NFD and CRLF"],
    [new Uint8Array([0xef, 0xbb, 0xbf, ...enc("QUYẾT ĐỊNH")]), "a.txt", "QUYẾT ĐỊNH", "BOM"],
    [
      new Uint8Array([0xff, 0xfe, ...iconv.encode("Kính gửi:\u00a0UBND", "utf-16le")]),
      "a.txt",
      "Kính gửi: UBND",
      "UTF-16 and NBSP",
    ],
    [
      enc("# CV đôn đốc\n\n**Số hiệu:** 100-CV/ĐU | **Ngày:** 19/8/2025"),
      "p301.txt",
      "CV đôn đốc\n\nSố hiệu: 100-CV/ĐU\nNgày: 19/8/2025",
      "a .txt that is Markdown",
    ],
    [enc("<html><body><p>Kính gửi</p><p>UBND</p></body></html>"), "a.html", "Kính gửi\nUBND", "HTML"],
  ])("%#: %s → %j (%s)", async (bytes, name, want) => {
    const out = await extract(bytes, name);
    expect(out.text.trim()).toBe(want);
    expect(out.warnings).toEqual([]);
  });

  it("decodes a TCVN3 file and says so", async () => {
    const text = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nĐiều 1. Phê duyệt Danh mục địa điểm tổ chức hội chợ.";
    const out = await extract(new Uint8Array(Buffer.from(toLegacy(text, "tcvn3"), "latin1")), "cu.txt");
    expect(out).toMatchObject({ text, encoding: "tcvn3", warnings: ["decoded from TCVN3"] });
  });

  it("keeps a map back to the decoded text", async () => {
    const out = await extract(enc("a\r\nSố"), "a.txt");
    expect(out.text).toBe("a\nSố");
    expect(out.sourceMap.toSource(2)).toBe(3);
  });
});

describe("extract: bad input never crashes", () => {
  it.each([
    [new Uint8Array(0), "a.txt", "empty document"],
    [enc("  \n\t\n"), "a.md", "empty document"],
    [junk(4000), "a.txt", "not a text document (binary content)"],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...junk(100)]), "a.png", "not a text document (binary content)"],
  ])("%#: %s → warning %j", async (bytes, name, warning) => {
    const out = await extract(bytes, name);
    expect(out.text.trim()).toBe("");
    expect(out.warnings).toEqual([warning]);
  });

  it.each([
    [enc("%PDF-1.4\n1 0 obj\n<< /Type /Cat"), "cut.pdf", "document_unreadable", "truncated PDF"],
    [
      new Uint8Array([...enc("%PDF-1.7\n"), ...junk(300)]),
      "junk.pdf",
      "document_unreadable",
      "PDF header, junk body",
    ],
    [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...junk(200)]),
      "junk.docx",
      "document_unreadable",
      "zip magic, junk",
    ],
    [new Uint8Array([...OLE, ...junk(600)]), "junk.doc", "document_unreadable", "OLE magic, junk"],
    [junk(3000, 3), "junk.pdf", "document_unreadable", "binary named .pdf"],
  ])("%#: %s throws %s (%s)", async (bytes, name, code) => {
    const err = await extract(bytes, name).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe(code);
    expect((err as ExtractError).message.length).toBeGreaterThan(10);
  });

  it("never fails otherwise on random bytes under any text name", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom("a.txt", "a.md", "a.html", "a"),
        async (bytes, name) => {
          const out: Extracted | unknown = await extract(bytes, name).catch((e: unknown) => e);
          if (out instanceof Error) expect(out).toBeInstanceOf(ExtractError);
          else expect((out as Extracted).text.normalize("NFC")).toBe((out as Extracted).text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("throws a clear error past the size limit", async () => {
    const big = new Uint8Array(200 * 1024 * 1024 + 1);
    await expect(extract(big, "big.txt")).rejects.toMatchObject({ code: "document_too_large" });
  });

  it("throws for a DOCX cut short", async () => {
    const whole = await docx(para("Kính gửi: Công an tỉnh"));
    await expect(extract(whole.slice(0, whole.length - 40), "cut.docx")).rejects.toMatchObject({
      code: "document_unreadable",
    });
  });
});

describe("extract: containers", () => {
  it("reads a DOCX: a paragraph a line, each table cell on its own lines, breaks kept", async () => {
    const bytes = await docx(
      table([
        ["ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
      ]) +
        para("Kính gửi: Công an tỉnh") +
        para("Điều 1. Phê duyệt"),
    );
    const out = await extract(bytes, "x.docx");
    expect(out.format).toBe("docx");
    expect(out.text.split("\n").filter(Boolean)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH LÂM ĐỒNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Kính gửi: Công an tỉnh",
      "Điều 1. Phê duyệt",
    ]);
  });

  it("reads a PDF's lines in reading order, the header's columns apart", async () => {
    const bytes = pdf([
      [
        [330, 780, "CONG HOA XA HOI CHU NGHIA VIET NAM"],
        [72, 780, "UY BAN NHAN DAN"],
        [72, 760, "So: 12/QD-UBND"],
        [72, 700, "Dieu 1. Phe duyet danh muc dia diem to chuc hoi cho"],
      ],
      [[72, 780, "Noi nhan:"]],
    ]);
    const out = await extract(bytes, "x.pdf");
    expect(out.text.split("\n")).toEqual([
      "UY BAN NHAN DAN   CONG HOA XA HOI CHU NGHIA VIET NAM",
      "So: 12/QD-UBND",
      "Dieu 1. Phe duyet danh muc dia diem to chuc hoi cho",
      "",
      "Noi nhan:",
    ]);
    expect(out.needsOcr).toBe(false);
  });

  it("flags a PDF without a text layer", async () => {
    const out = await extract(pdf([[], []]), "scan.pdf");
    expect(out.text).toBe("");
    expect(out.needsOcr).toBe(true);
    expect(out.warnings).toEqual(["no text layer (2 of 2 pages without text: a scan, needs OCR)"]);
  });
});
