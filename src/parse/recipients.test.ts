import { describe, expect, it } from "vitest";
import { type Context, emptyRecord } from "./context.js";
import { splitLines } from "./lines.js";
import { readRecipients } from "./recipients.js";

const ctxOf = (text: string): Context => {
  const lines = splitLines(text);
  return { text, lines, bodyStart: 0, bodyEnd: lines.length, record: emptyRecord("t") };
};

describe("readRecipients (Kính gửi, ô 9a)", () => {
  const rows: Array<[string, string, string[], string]> = [
    [
      "one line",
      "Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.\nXét Tờ trình số",
      ["Bộ trưởng Bộ Khoa học và Công nghệ"],
      "a full stop ends it",
    ],
    [
      "a list",
      "Kính gửi:\n- UBND các xã, phường;\n- Các đơn vị, cơ sở giáo dục trực thuộc.\nThực hiện Công văn số",
      ["UBND các xã, phường", "Các đơn vị, cơ sở giáo dục trực thuộc"],
      "one item a line, trimmed",
    ],
    [
      "first item on the label line, wrapped items, blank lines between (seed 000)",
      "   Kính gửi:  - Các quận ủy, huyện ủy,\n\n - Các ban cán sự đảng, đảng đoàn\n\n   và đảng ủy trực thuộc Thành ủy,\n\n-----\n\nThực hiện Công văn số 451",
      ["Các quận ủy, huyện ủy", "Các ban cán sự đảng, đảng đoàn và đảng ủy trực thuộc Thành ủy"],
      "continuation lines join their item",
    ],
    [
      "no final stop, the body opens",
      "Kính gửi: Ủy ban nhân dân phường, xã và đặc khu\nCăn cứ Luật Giáo dục ngày 14",
      ["Ủy ban nhân dân phường, xã và đặc khu"],
      "'Căn cứ' opens the body",
    ],
    [
      "label broken over two lines",
      "**Kính\ngửi:** Công ty TNHH MTV Seshin VN2.\n*(đ/c: Tổ dân phố 4)*",
      ["Công ty TNHH MTV Seshin VN2"],
      "Markdown rendering of a Word table",
    ],
    [
      "Công điện",
      "THỦ\nTƯỚNG CHÍNH PHỦ điện:\n|\n- Bộ trưởng\ncác Bộ:\n|\nQuốc phòng, Công an, Tài chính.\n|\n- Chủ tịch Ủy ban nhân dân các tỉnh.\n|\nTrong tháng 11",
      ["Bộ trưởng các Bộ: Quốc phòng, Công an, Tài chính", "Chủ tịch Ủy ban nhân dân các tỉnh"],
      "addressees after '<sender> điện:'",
    ],
    [
      "a web page's notice below the signature is no addressee",
      "Điều 4. Thi hành./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Nam\nTHÔNG BÁO\nKính gửi: Quý Thành viên,\nNghị định 13/2023/NĐ-CP",
      [],
      "Kính gửi sits above the closing",
    ],
    ["a word in a sentence", "Văn bản kính gửi các cơ quan để biết.", [], "not a label"],
  ];
  it.each(rows)("%s", (_name, text, want) => {
    const ctx = ctxOf(text);
    readRecipients(ctx);
    expect(ctx.record.recipients).toEqual(want);
  });

  it("moves the body start past the block and records its span", () => {
    const text = "Số: 12/UBND\nKính gửi:\n- Sở Tài chính;\n- Sở Nội vụ.\nThực hiện chỉ đạo";
    const ctx = ctxOf(text);
    readRecipients(ctx);
    expect(ctx.bodyStart).toBe(4);
    const [s, e] = ctx.record.spans.recipients!;
    expect(text.slice(s, e)).toBe("- Sở Tài chính;\n- Sở Nội vụ.");
  });
});
