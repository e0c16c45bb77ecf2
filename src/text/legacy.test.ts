import { describe, expect, it } from "vitest";
import { fromTcvn3, fromVni, legacyScore, repairLegacy, toLegacy } from "./legacy.js";

// Real sentences of official documents: header, citation basis, article, Party directive.
const SENTENCES: Array<[string, string]> = [
  ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "capitals (TCVN3 types them in a .VnTimeH font)"],
  ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "title-case words keep case"],
  ["Điều 1. Phê duyệt Danh mục địa điểm tổ chức hội chợ, triển lãm thương mại.", "article with Đ"],
  [
    "Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Party directive",
  ],
  ["Nơi nhận: - Như Điều 3; - Lưu: VT, KTTH.", "recipients block"],
];

describe("legacy round trips (encode with the table, decode back)", () => {
  for (const encoding of ["tcvn3", "vni"] as const) {
    it.each(SENTENCES)(`${encoding}: %s (%s)`, (sentence) => {
      const legacy = toLegacy(sentence, encoding);
      expect(legacy).not.toBe(sentence);
      // Two sentences together so the statistics have enough to go on, as a file would.
      const text = `${legacy}\n${toLegacy(SENTENCES[2]![0], encoding)}`;
      const repaired = repairLegacy(text);
      expect(repaired.encoding).toBe(encoding);
      expect(repaired.text.split("\n")[0]).toBe(sentence);
    });
  }
});

describe("legacy conversion of known strings", () => {
  it.each([
    [fromTcvn3("Chñ thÞ"), "Chủ thị", "the mojibake the brief names"],
    [fromTcvn3("B¶o Th¾ng"), "Bảo Thắng", "place name"],
    [fromTcvn3("M\u00adêng Kh\u00ad¬ng"), "Mường Khương", "ư (0xAD) and ơ (0xAC)"],
    [fromVni("Chuû thò"), "Chủ thị", "VNI letter + mark pairs"],
    [fromVni("Ñaûng"), "Đảng", "VNI Đ"],
    [fromTcvn3("BAN CHÊP HµNH §¶NG Bé TØNH"), "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "a heading line in capitals"],
    [fromTcvn3("Sè: 1237/UBND-VX"), "Số: 1237/UBND-VX", "a symbol line is not a heading"],
  ])("%s = %s (%s)", (got, want) => {
    expect(got).toBe(want);
  });
});

describe("repairLegacy leaves real text alone", () => {
  it.each([
    ["Hà Nội, ngày 12 tháng 4 năm 2025", "Unicode Vietnamese"],
    ["Số: 471/QĐ-UBND", "symbol"],
    ["Résumé of the café – naïve façade", "French words with ñ-like letters but too few"],
    ["S6: {;5C; IB'C-DHTD k~ hoach v€ viec t6 chirc cac khao sat nam hoc", "OCR debris is not TCVN3"],
  ])("%s (%s)", (text) => {
    expect(repairLegacy(text)).toEqual({ text, encoding: null });
  });

  it("keeps lines that hold characters no 8-bit file has", () => {
    const text = `${toLegacy(SENTENCES[1]![0], "tcvn3")}\n${toLegacy(SENTENCES[2]![0], "tcvn3")}\nĐã ký: Nguyễn Văn A`;
    const out = repairLegacy(text);
    expect(out.encoding).toBe("tcvn3");
    expect(out.text.split("\n")[2]).toBe("Đã ký: Nguyễn Văn A");
  });
});

describe("legacyScore", () => {
  it.each([
    ["Hà Nội, ngày 12 tháng 4 năm 2025", 0, "clean Vietnamese"],
    ["Chñ thÞ", 2, "two legacy symbols inside words"],
    ["tuổiể", 2, "a word with two tones"],
  ])("%s → %i (%s)", (text, score) => {
    expect(legacyScore(text)).toBe(score);
  });
});
