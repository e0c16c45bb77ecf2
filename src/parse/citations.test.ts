import { describe, expect, it } from "vitest";
import { readCitations } from "./citations.js";
import { type Context, emptyRecord } from "./context.js";
import { splitLines } from "./lines.js";
import type { Citation } from "./record.js";

function cite(text: string, own: Partial<{ symbol: string; type: string; date: string }> = {}): Citation[] {
  const lines = splitLines(text);
  const record = emptyRecord("t");
  Object.assign(record, own);
  const ctx: Context = { text, lines, bodyStart: 0, bodyEnd: lines.length, record };
  readCitations(ctx);
  return record.citations;
}

const brief = (c: Citation) => [c.type, c.symbol, c.date, c.issuer, c.relation];

describe("readCitations", () => {
  it.each([
    [
      "Thực hiện Công văn số 451-CV/ĐĐLHHN-VP ngày 21/10/2022\ncủa Đảng đoàn Liên hiệp các tổ chức hữu nghị Việt Nam về Chương trình",
      [
        [
          "Công văn",
          "451-CV/ĐĐLHHN-VP",
          "2022-10-21",
          "Đảng đoàn Liên hiệp các tổ chức hữu nghị Việt Nam",
          "implements",
        ],
      ],
      "opening 'Thực hiện', issuer cut at 'về', over a line break",
    ],
    [
      "Căn cứ Công văn số 603/UBND-TH ngày 23 tháng 02 năm 2023 của Ủy ban nhân dân Thành phố về triển khai.",
      [["Công văn", "603/UBND-TH", "2023-02-23", "Ủy ban nhân dân Thành phố", "implements"]],
      "preamble 'Căn cứ', date in words",
    ],
    [
      "Quyết định số 596-QĐ/TU, ngày 17-6-2022 của Ban Thường vụ Tỉnh ủy.",
      [["Quyết định", "596-QĐ/TU", "2022-06-17", "Ban Thường vụ Tỉnh ủy", "mentions"]],
      "Party style: comma and hyphenated date",
    ],
    [
      "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
      [["Luật", "72/2025/QH15", null, null, "implements"]],
      "law named between 'Luật' and 'số'",
    ],
    [
      "theo Nghị định 30/2020/NĐ-CP của Chính phủ.",
      [["Nghị định", "30/2020/NĐ-CP", null, "Chính phủ", "mentions"]],
      "without 'số'",
    ],
    [
      "Căn cứ các Quyết định của Thủ tướng Chính phủ: Quyết định số 1629/QĐ-TTg ngày 16/12/2023; số 790/QĐ-TTg ngày 03/8/2024;",
      [
        ["Quyết định", "1629/QĐ-TTg", "2023-12-16", "Thủ tướng Chính phủ", "implements"],
        ["Quyết định", "790/QĐ-TTg", "2024-08-03", "Thủ tướng Chính phủ", "implements"],
      ],
      "list with a shared lead-in: type and issuer for every item",
    ],
    [
      "Quy định số 22-QĐ/TW, ngày 28/7/2021 và Quy định số 262-QĐ/TW, ngày 03/02/2025 của Ban Chấp hành Trung ương Đảng về công tác",
      [
        ["Quy định", "22-QĐ/TW", "2021-07-28", "Ban Chấp hành Trung ương Đảng", "mentions"],
        ["Quy định", "262-QĐ/TW", "2025-02-03", "Ban Chấp hành Trung ương Đảng", "mentions"],
      ],
      "issuer after the last of a 'và' pair covers both",
    ],
    [
      "(Đính kèm Thông tri số 14-TT/TU ngày 29 tháng 12 năm 2022 của Ban Thường vụ Thành ủy).",
      [["Thông tri", "14-TT/TU", "2022-12-29", "Ban Thường vụ Thành ủy", "attaches"]],
      "attachment note",
    ],
    [
      "Căn cứ Điều 10 Nghị định số 43/2017/NĐ-CP ngày 14/4/2017 của Chính phủ thì",
      [["Nghị định", "43/2017/NĐ-CP", "2017-04-14", "Chính phủ", "mentions"]],
      "'Căn cứ Điều …' is an argument, not the basis",
    ],
    [
      "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 247/TTr-STC ngày 29/10/2025.",
      [["Tờ trình", "247/TTr-STC", "2025-10-29", "Giám đốc Sở Tài chính", "mentions"]],
      "issuer written before the reference",
    ],
    [
      "Hướng dẫn thực hiện Chỉ thị số 50-CT/TW ngày 23/7/2025 của Ban Bí thư",
      [["Chỉ thị", "50-CT/TW", "2025-07-23", "Ban Bí thư", "mentions"]],
      "the type is the word right before the verb's object",
    ],
    [
      "gắn với Kế hoạch 108-KH/TU và theo 12-CT/TW.",
      [
        ["Kế hoạch", "108-KH/TU", null, null, "mentions"],
        ["Chỉ thị", "12-CT/TW", null, null, "mentions"],
      ],
      "type from the abbreviation when no word names it",
    ],
    [
      "Trả lời công văn số 2025-005/SAV-CHQ ngày 10/11/2025 của Công ty TNHH Sunny.",
      [["Công văn", "2025-005/SAV-CHQ", "2025-11-10", "Công ty TNHH Sunny", "mentions"]],
      "a company's number outside the grammar, after 'công văn số'",
    ],
    ["Kèm theo các mẫu số 01, 02, 03/HĐBC-QH", [], "form numbers are not documents"],
  ])("%s", (text, expected) => {
    expect(cite(text).map(brief)).toEqual(expected);
  });

  it("keeps each symbol once, filling the date from a later mention, and ranks relations", () => {
    const text =
      "Căn cứ Thông tri số 14-TT/TU của Ban Thường vụ Thành ủy.\nNghiên cứu Thông tri số 14-TT/TU ngày 29 tháng 12 năm 2022.";
    expect(cite(text).map(brief)).toEqual([
      ["Thông tri", "14-TT/TU", "2022-12-29", "Ban Thường vụ Thành ủy", "implements"],
    ]);
  });

  it("leaves out the document's own symbol and its number line", () => {
    const text = "Số: 2820/QĐ-UBND\n(Kèm theo Quyết định số 2820/QĐ-UBND ngày 19/11/2025)";
    expect(cite(text, { symbol: "2820/QĐ-UBND", type: "Quyết định", date: "2025-11-19" })).toEqual([]);
  });

  it("keeps a citation that shares the own symbol but names another type", () => {
    const text = "Căn cứ Quyết định số 02-QĐ/ĐU ngày 01/7/2025 của Ban Chấp hành Đảng bộ xã;";
    expect(cite(text, { symbol: "02-QĐ/ĐU", type: "Quy định" }).map((c) => c.symbol)).toEqual(["02-QĐ/ĐU"]);
  });

  it("takes the subject's citations as implemented", () => {
    const text = "V/v triển khai thực hiện Thông tri\nsố 14-TT/TU của Ban Thường vụ\n\nNội dung.";
    const lines = splitLines(text);
    const record = emptyRecord("t");
    record.subject = "triển khai thực hiện Thông tri số 14-TT/TU của Ban Thường vụ";
    record.spans.subject = [4, 60];
    readCitations({ text, lines, bodyStart: 0, bodyEnd: lines.length, record });
    expect(record.citations.map((c) => c.relation)).toEqual(["implements"]);
  });

  // Rows for the fast paths (number line read back from the symbol, loose numbers walked beside the
  // grammar's, sentence starts found once per paragraph): each asserts what the whole-text way gave.
  it.each([
    [
      "> **Số: 12/QĐ-UBND**\nNội dung.",
      [],
      "a number line behind quote and bold marks names the document itself",
    ],
    [
      `${"x ".repeat(3000)}Số: 12/QĐ-UBND`,
      [["Quyết định", "12/QĐ-UBND", "mentions"]],
      "'Số:' mid-line is no number line",
    ],
    [
      "Căn cứ Công văn số 2025-005/SAV-CHQ và Công văn số 12/UBND-VP;",
      [
        ["Công văn", "2025-005/SAV-CHQ", "implements"],
        ["Công văn", "12/UBND-VP", "implements"],
      ],
      "a loose number and a grammar symbol, each once",
    ],
    [
      "Căn cứ Luật số 64/2025/QH15. Đề nghị xem Công văn số 12/UBND-VP.",
      [
        ["Luật", "64/2025/QH15", "implements"],
        ["Công văn", "12/UBND-VP", "mentions"],
      ],
      "a full stop before a capital starts the next citation's sentence",
    ],
  ])("%s", (text, expected) => {
    expect(cite(text).map((c) => [c.type, c.symbol, c.relation])).toEqual(expected);
  });

  it("points spans at the symbol in the source text", () => {
    const text = "Chỉ thị số 12-CT/TW\nngày 05/01/2022";
    const [c] = cite(text);
    expect(c && text.slice(c.span[0], c.span[1])).toBe("12-CT/TW");
  });
});
