/**
 * Hostile and broken inputs for `parse()`: one row per case with the reason it is there.
 * Each case is built in memory (never read from the corpus) and run in its own process by
 * bad-input.test.ts, so that a hang is killed and reported instead of stopping the suite.
 * Reproduce one by hand: `npx tsx test/bad-input/run-case.ts "<name>"`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import JSZip from "jszip";

/** One hostile input: how to build it, and what `parse()` may do with it. */
export interface BadCase {
  name: string;
  /** Why the case is here: what it attacks. */
  reason: string;
  /** The file name given to `parse()`: it chooses the format. */
  filename: string;
  make: () => Promise<Uint8Array | string> | Uint8Array | string;
  /** Hang guard: `parse()` must settle within this many milliseconds (not a benchmark). */
  boundMs: number;
  /**
   * The input is a readable document (real text, however hostile, or a valid container): it must
   * give records. Otherwise a clear rejection (an `ExtractError` with its code) is allowed too.
   */
  mustResolve: boolean;
}

const samplesDir = fileURLToPath(new URL("../../samples/", import.meta.url));

/** The two seed documents shipped in samples/, joined: real text to repeat and re-encode. */
export function seedText(): string {
  return ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"]
    .map((f) => readFileSync(samplesDir + f, "utf8"))
    .join("\n\n");
}

/** Deterministic bytes (xorshift32): the same junk on every run, so a failure reproduces. */
export function junk(n: number, seed = 0x2545f491): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function png(): Uint8Array {
  const body = junk(32 * 1024, 7);
  const out = new Uint8Array(PNG_SIGNATURE.length + body.length);
  out.set(PNG_SIGNATURE);
  out.set(body, PNG_SIGNATURE.length);
  return out;
}

const DOCX_PARAGRAPHS = [
  "ỦY BAN NHÂN DÂN HUYỆN THỬ",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Số: 12/UBND-VP",
  "Thử, ngày 02 tháng 3 năm 2024",
  "V/v kiểm tra đọc tệp",
  "Kính gửi: Các phòng, ban thuộc huyện.",
  ...Array.from({ length: 40 }, (_, i) => `${i + 1}. Nội dung thứ ${i + 1} của văn bản thử nghiệm.`),
  "Nơi nhận:",
  "- Như trên;",
  "- Lưu: VT.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn Thử",
];

/** A small valid .docx (WordprocessingML in a zip), built the way Word lays it out. */
export async function docx(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      "</Relationships>",
  );
  const paragraphs = DOCX_PARAGRAPHS.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`);
  zip.file(
    "word/document.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${paragraphs.join("")}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A tiny valid one-page PDF with a text layer (ASCII only: the standard Helvetica encoding). */
export function pdf(): Uint8Array {
  const lines = ["UY BAN NHAN DAN HUYEN THU", "So: 12/UBND-VP", "Kinh gui: Cac phong, ban."];
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${l}) '`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

function half(bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length / 2));
}

/** `unit` repeated until the text is at least `bytes` long in UTF-8. */
function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/** Plain Vietnamese prose with no header, no number, no signature: nothing for the header to hold on to. */
function prose(): string {
  const words =
    "công tác tuyên truyền được triển khai rộng khắp trong toàn thể nhân dân và cán bộ đảng viên nhằm nâng cao nhận thức về".split(
      " ",
    );
  const sentences: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const n = 12 + (i % 17);
    const s = Array.from({ length: n }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(" ");
    sentences.push(`${s.charAt(0).toUpperCase()}${s.slice(1)}.`);
  }
  return sentences.map((s, i) => (i % 10 === 9 ? `${s}\n\n` : `${s} `)).join("");
}

const LINE = 2_000; // ms: a 1 MB line is parsed in 50 ms at the 20 MB/s aim; 2 s means something is wrong
const N = 200_000;

/** The cases; `bad-input.test.ts` runs every row. */
export const cases: BadCase[] = [
  {
    name: "empty txt",
    reason: "no bytes at all",
    filename: "empty.txt",
    make: () => new Uint8Array(0),
    boundMs: 2_000,
    mustResolve: false,
  },
  {
    name: "empty md",
    reason: "no bytes, Markdown path",
    filename: "empty.md",
    make: () => "",
    boundMs: 2_000,
    mustResolve: false,
  },
  {
    name: "empty docx",
    reason: "a .docx with no bytes is no zip",
    filename: "empty.docx",
    make: () => new Uint8Array(0),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "empty pdf",
    reason: "a .pdf with no bytes",
    filename: "empty.pdf",
    make: () => new Uint8Array(0),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "whitespace only",
    reason: "lines that squash to nothing",
    filename: "blank.txt",
    make: () => " \n\t\n\u00a0\n\r\n   \n".repeat(1000),
    boundMs: 2_000,
    mustResolve: false,
  },
  {
    name: "random bytes txt",
    reason: "invalid UTF-8 everywhere, NULs, control characters",
    filename: "junk.txt",
    make: () => junk(256 * 1024),
    boundMs: 2_000,
    mustResolve: false,
  },
  {
    name: "random bytes md",
    reason: "junk through the Markdown clean-up",
    filename: "junk.md",
    make: () => junk(256 * 1024, 99),
    boundMs: 2_000,
    mustResolve: false,
  },
  {
    name: "random bytes html",
    reason: "junk through the HTML extractor",
    filename: "junk.html",
    make: () => junk(256 * 1024, 3),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "random bytes docx",
    reason: "junk where a zip is expected",
    filename: "junk.docx",
    make: () => junk(64 * 1024, 5),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "random bytes doc",
    reason: "junk where an OLE2 compound file is expected",
    filename: "junk.doc",
    make: () => junk(64 * 1024, 11),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "random bytes pdf",
    reason: "junk where a PDF is expected",
    filename: "junk.pdf",
    make: () => junk(64 * 1024, 13),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "png as txt",
    reason: "an image sent with a text name",
    filename: "scan.txt",
    make: png,
    boundMs: 2_000,
    mustResolve: false,
  },
  {
    name: "png as pdf",
    reason: "an image sent with a PDF name",
    filename: "scan.pdf",
    make: png,
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "valid docx",
    reason: "control: the small .docx the truncated case cuts",
    filename: "ok.docx",
    make: docx,
    boundMs: 5_000,
    mustResolve: true,
  },
  {
    name: "truncated docx",
    reason: "zip cut in half: central directory lost",
    filename: "cut.docx",
    make: async () => half(await docx()),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "docx as txt",
    reason: "zip bytes sent with a text name",
    filename: "zip.txt",
    make: docx,
    boundMs: 2_000,
    mustResolve: false,
  },
  {
    name: "valid pdf",
    reason: "control: the tiny PDF the truncated case cuts",
    filename: "ok.pdf",
    make: pdf,
    boundMs: 5_000,
    mustResolve: true,
  },
  {
    name: "truncated pdf",
    reason: "PDF cut in half: no xref, no trailer",
    filename: "cut.pdf",
    make: () => half(pdf()),
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "pdf header only",
    reason: "a PDF that stops after its signature",
    filename: "head.pdf",
    make: () => "%PDF-1.4\n",
    boundMs: 5_000,
    mustResolve: false,
  },
  {
    name: "50 MB text",
    reason: "the seeds repeated: size and line count",
    filename: "big.txt",
    make: () => repeatTo(`${seedText()}\n\n`, 50_000_000),
    // A hang guard, not a benchmark (speed is `npm run bench:parse`): ~6 s alone; a super-linear step
    // would take minutes.
    boundMs: 10_000,
    mustResolve: true,
  },
  {
    name: "1 MB single line",
    reason: "the seeds with every line end removed",
    filename: "oneline.txt",
    make: () => repeatTo(seedText().replace(/\s*\n\s*/g, " "), 1_000_000),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "no header prose",
    reason: "plain prose: no issuer, no Số, no date, no signature",
    filename: "prose.txt",
    make: prose,
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "utf-16le no BOM",
    reason: "the seeds as UTF-16 without a byte-order mark",
    filename: "u16.txt",
    make: () => new Uint8Array(Buffer.from(seedText(), "utf16le")),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "utf-16be no BOM",
    reason: "the seeds as big-endian UTF-16",
    filename: "u16be.txt",
    make: () => new Uint8Array(Buffer.from(seedText(), "utf16le").swap16()),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "windows-1258",
    reason: "the seeds in the Vietnamese Windows code page (decomposed tones)",
    filename: "cp1258.txt",
    make: () => new Uint8Array(iconv.encode(seedText(), "windows1258")),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "tcvn3",
    reason: "the seeds in the legacy TCVN3 (ABC) font encoding",
    filename: "tcvn3.txt",
    make: () => new Uint8Array(iconv.encode(seedText(), "tcvn")),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "CR line ends",
    reason: "old Mac line ends only",
    filename: "cr.txt",
    make: () => seedText().replace(/\n/g, "\r"),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "NFD seeds",
    reason: "every tone mark decomposed",
    filename: "nfd.txt",
    make: () => seedText().normalize("NFD"),
    boundMs: LINE,
    mustResolve: true,
  },
  // Adversarial single lines (200 000 repeats) aimed at regexes that backtrack: every line-level
  // reader (Số, date, Kính gửi, clause labels, signature, Markdown clean-up) sees them.
  ...adversarial("line", (u) => u.repeat(N)),
  // The same units one per line: aimed at readers that rescan the following lines for every line.
  ...adversarial("lines", (u) => `${u}\n`.repeat(N)),
  {
    name: "200k '**' md",
    reason: "Markdown bold markers only",
    filename: "stars.md",
    make: () => "**".repeat(N),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "200k '\\*' md",
    reason: "Markdown escapes only",
    filename: "esc.md",
    make: () => "\\*".repeat(N),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "numbered 1..200k",
    reason: "200 000 clauses in order: clause tree and reordering",
    filename: "clauses.txt",
    make: () => Array.from({ length: N }, (_, i) => `${i + 1}. Nội dung ${i + 1}.`).join("\n"),
    boundMs: 5_000,
    mustResolve: true,
  },
  {
    name: "numbered 200k..1",
    reason: "200 000 clauses in reverse: a sort-by-insertion would be quadratic",
    filename: "rclauses.txt",
    make: () => Array.from({ length: N }, (_, i) => `${N - i}. Nội dung.`).join("\n"),
    boundMs: 5_000,
    mustResolve: true,
  },
  {
    name: "deep 1.1.1… labels",
    reason: "clause labels 1 to 500 levels deep",
    filename: "deep.txt",
    make: () =>
      Array.from(
        { length: 500 },
        (_, i) => `${Array.from({ length: i + 1 }, () => "1").join(".")}. Mục.`,
      ).join("\n"),
    boundMs: LINE,
    mustResolve: true,
  },
  {
    name: "10k citations",
    reason: "10 000 distinct numbered documents cited",
    filename: "cites.txt",
    make: () =>
      Array.from(
        { length: 10_000 },
        (_, i) =>
          `Căn cứ Công văn số ${i + 1}/UBND-VP ngày 0${(i % 9) + 1}/01/2024 của Ủy ban nhân dân tỉnh;`,
      ).join("\n"),
    boundMs: 5_000,
    mustResolve: true,
  },
  {
    name: "nested html",
    reason: "50 000 nested <div>: a recursive DOM walk overflows the stack",
    filename: "nested.html",
    make: () => `${"<div>".repeat(50_000)}Số 12/UBND${"</div>".repeat(50_000)}`,
    boundMs: 5_000,
    mustResolve: true,
  },
  {
    name: "unclosed html comment",
    reason: "a comment that never ends, 1 MB",
    filename: "comment.html",
    make: () => `<html><body><!-- ${"x".repeat(1_000_000)}`,
    boundMs: 5_000,
    mustResolve: true,
  },
  {
    name: "html 1 MB attribute",
    reason: "one attribute value of 1 MB",
    filename: "attr.html",
    make: () => `<p title="${"Số ".repeat(330_000)}">Kính gửi:</p>`,
    boundMs: 5_000,
    mustResolve: true,
  },
];

function adversarial(kind: "line" | "lines", build: (unit: string) => string): BadCase[] {
  const units: [string, string][] = [
    ["Số ", "number line opener"],
    ["Số: 1/", "number with open symbol"],
    ["1.1.", "clause label 1.1.1.1…"],
    ["- ", "list dashes - - - -"],
    ["ngày ", "date opener without a date"],
    ["ngày 1 tháng ", "date parts without a year"],
    ["Kính gửi:", "recipients opener"],
    ["/", "symbol slashes"],
    ["-", "symbol dashes"],
    ["/-", "symbol separators alternating"],
    ["ỦY BAN NHÂN DÂN ", "capitals: issuer/header line"],
    ["TM. KT. ", "signature authority chain"],
    ["**", "Markdown bold debris"],
    ["Căn cứ ", "citation opener"],
    ["\u00a0", "non-breaking spaces"],
    ["\u200b", "zero-width spaces"],
  ];
  return units.map(([unit, reason]) => ({
    name: `200k '${unit}' ${kind}`,
    reason: `${reason}, ${kind === "line" ? "one line" : "one per line"}`,
    filename: `adv-${kind}.txt`,
    make: () => build(unit),
    boundMs: LINE,
    mustResolve: true,
  }));
}
