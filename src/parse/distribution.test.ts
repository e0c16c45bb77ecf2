import { describe, expect, it } from "vitest";
import { type Context, emptyRecord } from "./context.js";
import { readDistribution } from "./distribution.js";
import { splitLines } from "./lines.js";

const ctxOf = (text: string): Context => {
  const lines = splitLines(text);
  return { text, lines, bodyStart: 0, bodyEnd: lines.length, record: emptyRecord("t") };
};

describe("readDistribution (Nơi nhận, ô 9b)", () => {
  const rows: Array<[string, string, string[]]> = [
    [
      "a list to the filing line, wrapped item joined (seed 000)",
      "thực hiện./.\nNơi nhận: \n- Như trên, \n- Liên hiệp các tổ chức hữu nghị Việt Nam \nthành phố,   \n- Lưu Văn phòng Thành ủy. \nT/M BAN THƯỜNG VỤ \nPHÓ BÍ THƯ \nPhạm Văn Hiểu",
      ["Như trên", "Liên hiệp các tổ chức hữu nghị Việt Nam thành phố", "Lưu Văn phòng Thành ủy"],
    ],
    [
      "typist's italic initials dropped, the rest as printed (seed 003)",
      "Nơi nhận:\n- Như trên;\n- VP: CVP;\n- Lưu: VT, Thg. *Nguyen*\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\nNguyễn Ngọc Xuân",
      ["Như trên", "VP: CVP", "Lưu: VT, Thg."],
    ],
    [
      "typist mark in roman type kept",
      "Nơi nhận:\n- Như\ntrên;\n- Lưu: VT, CN (2). Ha\n|\nKT. BỘ TRƯỞNG, CHỦ NHIỆM",
      ["Như trên", "Lưu: VT, CN (2). Ha"],
    ],
    [
      "label split over two lines, Markdown stars, note after the separator",
      "*Nơi\nnhận:*\n- Thường trực Thành ủy; *(để b/c)*\n- Lưu: VT, KT.\n|\nTM. ỦY BAN NHÂN\nDÂN",
      ["Thường trực Thành ủy (để b/c)", "Lưu: VT, KT"],
    ],
    [
      "sub-items with '+'",
      "Nơi nhận:\n- Bộ Công Thương;\n- Văn phòng UBND tỉnh:\n+ LĐVP, TH;\n+ Lưu: VT, KTTHTú.\n|\nKT. CHỦ TỊCH",
      ["Bộ Công Thương", "Văn phòng UBND tỉnh:", "LĐVP, TH", "Lưu: VT, KTTHTú"],
    ],
    [
      "one Markdown table row: list | signature",
      "| Nơi nhận: - Như trên; - Bộ Lao động - Thương binh và Xã hội; - Lưu: VT, QLN (2b) | KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Trần Nam |",
      ["Như trên", "Bộ Lao động - Thương binh và Xã hội", "Lưu: VT, QLN (2b)"],
    ],
    [
      "PDF text layer: two columns side by side",
      "Nơi nhận:   KT. BỘ TRƯỞNG\n- Như trên;   THỨ TRƯỞNG\n- Bộ trưởng (để b/c);\n- Lưu: VT, CCHC.\nNguyễn Văn Hồi\n1",
      ["Như trên", "Bộ trưởng (để b/c)", "Lưu: VT, CCHC"],
    ],
    [
      "e-signature stamp after the signature is no item",
      "Nơi nhận:\n- Như trên,\n- Lưu VPĐU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nVũ Thị Thuỳ Trang\n19-08-2025 10:44:54\n+07:00",
      ["Như trên", "Lưu VPĐU"],
    ],
    [
      "page text after the filing line is not joined",
      "Nơi nhận:\n- Như trên;\n- Lưu: VT. PV\n|\nQuyết định 38/2025/QĐ-UBND phân cấp lĩnh vực thương mại",
      ["Như trên", "Lưu: VT. PV"],
    ],
    ["'nơi nhận' in a sentence is no label", "Hồ sơ gửi về nơi nhận hồ sơ của Sở.\n- Bản sao;", []],
  ];
  it.each(rows)("%s", (_name, text, want) => {
    const ctx = ctxOf(text);
    readDistribution(ctx);
    expect(ctx.record.distribution).toEqual(want);
  });

  it("ends the body at the label", () => {
    const ctx = ctxOf("1. Giao Sở Nội vụ.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn A");
    readDistribution(ctx);
    expect(ctx.bodyEnd).toBe(1);
  });
});
