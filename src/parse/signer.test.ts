import { describe, expect, it } from "vitest";
import { type Context, emptyRecord } from "./context.js";
import { splitLines } from "./lines.js";
import type { Signer } from "./record.js";
import { readSigner } from "./signer.js";
import { splitTitles } from "./signing-block.js";

const ctxOf = (text: string): Context => {
  const lines = splitLines(text);
  return { text, lines, bodyStart: 0, bodyEnd: lines.length, record: emptyRecord("t") };
};
const signer = (authority: string | null, position: string | null, name: string | null): Signer => ({
  authority,
  position,
  name,
});

describe("readSigner (ô 7a–7c)", () => {
  const rows: Array<[string, string, Signer]> = [
    [
      "after the list (seed 003)",
      "Nơi nhận:\n- Như trên;\n- Lưu: VT, Thg.\n**KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\nNguyễn Ngọc Xuân\nUBND TP.HCM",
      signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Xuân"),
    ],
    [
      "no prefix, a mark for the signature",
      "./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTHỦ TƯỚNG\n(Đã ký)\nPhạm Minh Chính",
      signer(null, "THỦ TƯỚNG", "Phạm Minh Chính"),
    ],
    [
      "blank lines left for the signature, name wrapped",
      "Nơi nhận:\n- Lưu: VT, TCBC.\n|\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n\n\nVũ\nChiến Thắng\n|",
      signer("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Vũ Chiến Thắng"),
    ],
    [
      "two columns side by side in a PDF text layer",
      "Nơi nhận:   K/T TRƯỞNG BAN\n- Thường trực Thành ủy (để báo cáo),   PHÓ TRƯỞNG BAN\n- Lưu VP, P.TCĐ-ĐV.\nTriệu Thị Ngọc\n8",
      signer("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Triệu Thị Ngọc"),
    ],
    [
      "pandoc grid table",
      "+----------+----------+\n| ***Nơi nhận:\\*** | **T/M BAN CHẤP HÀNH TRUNG ƯƠNG\\ |\n| - Các tỉnh ủy,\\ | TỔNG BÍ THƯ\\ |\n| - Lưu Văn phòng Trung ương Đảng. | Tô Lâm** |",
      signer("T/M BAN CHẤP HÀNH TRUNG ƯƠNG", "TỔNG BÍ THƯ", "Tô Lâm"),
    ],
    [
      "signature before the list, page number between",
      "quyết định.\nT/M BAN BÍ THƯ\nNơi nhận:\n\n33\n- Các tỉnh ủy, thành ủy,\n- Lưu Văn phòng Trung ương Đảng.\nTrần Cẩm Tú",
      signer("T/M BAN BÍ THƯ", null, "Trần Cẩm Tú"),
    ],
    [
      "no Nơi nhận, an annex after",
      "Điều 4. Thi hành./.\nKT.\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Xuân Tân\nPHỤ LỤC\nDANH MỤC THỦ TỤC",
      signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Xuân Tân"),
    ],
    [
      "seal text and signing time of an e-signed copy after the name",
      "Nơi nhận:\n- Lưu VPĐU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký & Đóng dấu)\nVũ Thị Thùy Trang\nĐẢNG UỶ XÃ CÔNG HẢI\n29-09-2025 13:41:12 +07:00",
      signer("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Vũ Thị Thùy Trang"),
    ],
    ["no signature", "Nơi nhận:\n- Như trên;\n- Lưu: VT.", signer(null, null, null)],
  ];
  it.each(rows)("%s", (_name, text, want) => {
    const ctx = ctxOf(text);
    readSigner(ctx);
    expect(ctx.record.signer).toEqual(want);
  });

  it("ends the body at the signature when it comes first", () => {
    const ctx = ctxOf("Điều 2. Thi hành.\nCHỦ TỊCH\nLê Văn An\nPHỤ LỤC");
    readSigner(ctx);
    expect(ctx.bodyEnd).toBe(1);
  });
});

describe("splitTitles", () => {
  const rows: Array<[string, string | null, string | null, string]> = [
    [
      "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
      "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
      "chain of two",
    ],
    ["T/M BAN BÍ THƯ", "T/M BAN BÍ THƯ", null, "a title inside the collective's name"],
    [
      "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM",
      "KT. BỘ TRƯỞNG, CHỦ NHIỆM",
      "PHÓ CHỦ NHIỆM",
      "head with two titles",
    ],
    ["TM. TIỂU BAN TRƯỞNG TIỂU BAN", "TM. TIỂU BAN", "TRƯỞNG TIỂU BAN", "title after the collective"],
    [
      "TL.CỤC TRƯỞNG KT. TRƯỞNG BAN PHÓ TRƯỞNG BAN",
      "TL. CỤC TRƯỞNG KT. TRƯỞNG BAN",
      "PHÓ TRƯỞNG BAN",
      "prefix glued",
    ],
    ["CHỦ TỊCH", null, "CHỦ TỊCH", "no prefix"],
  ];
  it.each(rows)("%s", (text, authority, position) => {
    expect(splitTitles(text)).toEqual({ authority, position });
  });
});
