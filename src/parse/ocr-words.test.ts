import { describe, expect, it } from "vitest";
import { joinSplitLetters, joinSymbolLetters } from "./ocr-words.js";

describe("joinSplitLetters", () => {
  it.each([
    [
      "ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH",
      "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
      "letter-spaced issuer line",
    ],
    [
      "B Ộ LAO ĐỘNG - THƯƠNG BINH V À X Ã HỘI",
      "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
      "split vowels and consonants",
    ],
    [
      "T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014",
      "Thành phố Hồ Chí Minh, ngày 28 tháng 6 năm 2014",
      "place line",
    ],
    ["B ộ T à i c h í nh; B ộ Y t ế", "Bộ Tài chính; Bộ Y tế", "glide rejoined; 'Y' of Y tế is a word"],
    ["NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ XI", "NGHỊ QUYẾT HỘI NGHỊ LẦN THỨ XI", "untouched: no lone letters"],
    ["Ban Bí thư khóa XIII và V/v", "Ban Bí thư khóa XIII và V/v", "untouched: roman numerals, V/v"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(joinSplitLetters(input)).toBe(expected);
  });
});

describe("joinSymbolLetters", () => {
  it.each([
    ["3210/QĐ - U B ND", "3210/QĐ - UBND", "OCR-spaced issuer abbreviation"],
    [
      "2638/LĐTBXH-KHTC V/v xây dựng",
      "2638/LĐTBXH-KHTC V/v xây dựng",
      "a subject after the symbol stays apart",
    ],
  ])("%s → %s (%s)", (input, expected) => {
    expect(joinSymbolLetters(input)).toBe(expected);
  });
});
