import { describe, expect, it } from "vitest";
import { type Context, emptyRecord } from "./context.js";
import { splitLines } from "./lines.js";
import { readMarks } from "./marks.js";
import type { Marks } from "./record.js";

const ctxOf = (text: string, bodyStart = 0): Context => {
  const lines = splitLines(text);
  return { text, lines, bodyStart, bodyEnd: lines.length, record: emptyRecord("t") };
};
const none: Marks = { urgency: null, secrecy: null, circulation: null };

describe("readMarks (ô 10–11)", () => {
  const rows: Array<[string, string, number, Marks]> = [
    [
      "urgency stamp in the header",
      "BỘ NỘI VỤ\nSố: 12/BNV-VP\nHỎA TỐC\nV/v triển khai",
      0,
      { ...none, urgency: "Hỏa tốc" },
    ],
    ["legacy 'hẹn giờ' reads as Hỏa tốc", "HỎA TỐC HẸN GIỜ\nSố: 12/UBND", 0, { ...none, urgency: "Hỏa tốc" }],
    [
      "secrecy and urgency together",
      "| MẬT |\n| KHẨN |\nSố: 5/UBND",
      0,
      { ...none, urgency: "Khẩn", secrecy: "Mật" },
    ],
    ["circulation mark", "BÁO CÁO\nLƯU HÀNH NỘI BỘ", 0, { ...none, circulation: "LƯU HÀNH NỘI BỘ" }],
    ["draft mark", "Dự thảo lần 2\nQUYẾT ĐỊNH", 0, { ...none, draft: "Dự thảo lần 2" }],
    [
      "'khẩn trương' in a sentence is no stamp",
      "Đề nghị các đơn vị khẩn trương thực hiện.\nBảo vệ bí mật nhà nước.",
      0,
      none,
    ],
    ["below the header it is no stamp", "Số: 1/UBND\nV/v a\nKHẨN", 2, none],
  ];
  it.each(rows)("%s", (_name, text, bodyStart, want) => {
    const ctx = ctxOf(text, bodyStart);
    readMarks(ctx);
    expect(ctx.record.marks).toEqual(want);
  });
});
