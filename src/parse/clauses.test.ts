import { describe, expect, it } from "vitest";
import { labelOf } from "./clause-labels.js";
import { readClauses } from "./clauses.js";
import { type Context, emptyRecord } from "./context.js";
import { splitLines } from "./lines.js";
import type { Clause } from "./record.js";

function clauses(text: string): { tree: string[]; warnings: string[]; raw: Clause[] } {
  const lines = splitLines(text);
  const record = emptyRecord("t");
  const ctx: Context = { text, lines, bodyStart: 0, bodyEnd: lines.length, record };
  readClauses(ctx);
  const tree: string[] = [];
  const walk = (cs: Clause[], depth: number) => {
    for (const c of cs) {
      tree.push(`${"  ".repeat(depth)}${c.label} ${c.text}`);
      walk(c.children, depth + 1);
    }
  };
  walk(record.clauses, 0);
  return { tree, warnings: record.warnings, raw: record.clauses };
}

describe("labelOf", () => {
  it.each([
    ["1. Các cấp ủy tăng cường", "1.", "num1", "numbered item"],
    ["1- Tiếp tục quán triệt", "1-", "num1", "Party hyphen style"],
    ["2.1- Rà soát cơ chế", "2.1-", "num2", "Party sub-item"],
    ["1.1. Tổ chức triển khai", "1.1.", "num2", "dotted sub-item"],
    ["II. CÁC NỘI DUNG", "II.", "roman", "Roman section"],
    ["Điều 1. Ban hành kèm theo", "Điều 1.", "dieu", "article"],
    ["Chương I", "Chương I", "chuong", "chapter"],
    ["a) Chủ trì", "a)", "letter", "point"],
    ["đ) Phối hợp", "đ)", "letter", "point đ"],
    ["- Ban Tuyên giáo", "-", "dash", "bullet"],
    ["+ Thời gian thực hiện", "+", "plus", "sub-bullet"],
    ["## 2. Danh mục", "2.", "num1", "Markdown heading markup"],
  ])("%s → %s %s (%s)", (line, text, kind) => {
    expect(labelOf(line, ".")).toMatchObject({ text, kind });
  });

  it.each([
    ["1.1.2025 là mốc", "a date at the line start"],
    ["1.000.000 đồng mỗi tháng", "an amount"],
    ["2025 là năm tăng tốc", "a year"],
    ["- công nghệ, đầu tư các dự án", "a wrapped line starting with a hyphen, after an open sentence"],
    ["Căn cứ Luật Tổ chức", "plain text"],
  ])("%s is no label (%s)", (line) => {
    expect(labelOf(line, "c")).toBeNull();
  });
});

describe("readClauses", () => {
  it("nests by kind and number depth, with the text up to the first child", () => {
    const { tree } = clauses(
      "I. MỤC ĐÍCH\n1. Các cấp ủy\nthực hiện tốt:\na) Quán triệt;\nb) Tổ chức.\n2. Ban Dân vận\n- Theo dõi;\n+ Báo cáo.\nII. TỔ CHỨC",
    );
    expect(tree).toEqual([
      "I. MỤC ĐÍCH",
      "  1. Các cấp ủy thực hiện tốt:",
      "    a) Quán triệt;",
      "    b) Tổ chức.",
      "  2. Ban Dân vận",
      "    - Theo dõi;",
      "      + Báo cáo.",
      "II. TỔ CHỨC",
    ]);
  });

  it("puts scrambled items back in numbered order and warns (Thông tri 14-TT/TU)", () => {
    const { tree, warnings } = clauses(
      "1. Các cấp ủy:\n1.1. Một.\n1.2. Hai.\n2.4. Bốn.\n2.3. Ba.\n2.2. Hai.\n2.1. Một.\n2. Ban cán sự đảng chỉ đạo:\n2.5. Năm.\n3. Đảng đoàn.",
    );
    expect(tree).toEqual([
      "1. Các cấp ủy:",
      "  1.1. Một.",
      "  1.2. Hai.",
      "2. Ban cán sự đảng chỉ đạo:",
      "  2.1. Một.",
      "  2.2. Hai.",
      "  2.3. Ba.",
      "  2.4. Bốn.",
      "  2.5. Năm.",
      "3. Đảng đoàn.",
    ]);
    expect(warnings).toContain("clauses reordered");
  });

  it("keeps numbering that restarts, without a warning", () => {
    const { tree, warnings } = clauses(
      "1. Thành phần: các đồng chí.\n1. Thời gian: 8 giờ.\n2. Địa điểm: hội trường.",
    );
    expect(tree).toEqual([
      "1. Thành phần: các đồng chí.",
      "1. Thời gian: 8 giờ.",
      "2. Địa điểm: hội trường.",
    ]);
    expect(warnings).toEqual([]);
  });

  it("does not open clauses at dates, amounts or years", () => {
    const { tree } = clauses("1. Mức chi:\n1.000.000 đồng mỗi người;\n1.1.2025 áp dụng.\n2025 là năm đầu.");
    expect(tree).toEqual(["1. Mức chi: 1.000.000 đồng mỗi người; 1.1.2025 áp dụng. 2025 là năm đầu."]);
  });

  it("gives each clause a span from its label to its last line", () => {
    const text = "Mở đầu.\n1. Một\ndòng hai.\n2. Hai.";
    const { raw } = clauses(text);
    expect(raw.map((c) => text.slice(c.span[0], c.span[1]))).toEqual(["1. Một\ndòng hai.", "2. Hai."]);
  });
});
