import { describe, expect, it } from "vitest";
import { itemsToLines, unusableLayer } from "./pdf.js";

const item = (str: string, x: number, y: number, width: number, size = 12) => ({ str, x, y, width, size });

describe("itemsToLines", () => {
  it.each([
    [
      [item("Độc lập", 300, 700, 40), item("CỘNG HÒA", 300, 715, 60)],
      ["CỘNG HÒA", "Độc lập"],
      "top line first",
    ],
    [
      [item("Hà Nội", 320, 700, 40), item("Số: 12", 70, 700.4, 40)],
      ["Số: 12   Hà Nội"],
      "same baseline, wide gap: a column gap",
    ],
    [[item("Phê", 70, 700, 20), item("duyệt", 93, 700, 30)], ["Phê duyệt"], "a small gap is a space"],
    [
      [item("S", 97, 700, 7.5), item("ố", 104.5, 700, 0), item(":", 104.5, 700, 4)],
      ["Số:"],
      "a zero-width glyph keeps its stream place",
    ],
    [
      [item("Số:", 70, 700, 20), item(" ", 90, 700, 40), item("/BNV", 130, 700, 30)],
      ["Số: /BNV"],
      "a space item up to 4 em is one space (blank number)",
    ],
    [
      [item("BỘ NỘI VỤ", 70, 700, 60), item(" ", 130, 700, 80), item("CỘNG HÒA", 210, 700, 60)],
      ["BỘ NỘI VỤ   CỘNG HÒA"],
      "a wider space item is a column gap",
    ],
    [[item("x", 50, 700, 5, 8), item("2", 56, 703, 4, 6)], ["x2"], "a superscript joins its line"],
  ])("%#: %j (%s)", (items, want) => {
    expect(itemsToLines(items)).toEqual(want);
  });
});

describe("unusableLayer", () => {
  const words = (s: string, n: number) => Array.from({ length: n }, () => s).join(" ");
  it.each<[string, string | null, string]>([
    [words("Căn cứ Luật Tổ chức chính quyền địa phương", 10), null, "real Vietnamese"],
    [
      words("CQNG HOA XA HQI CHU NGHIA VIPT NAM", 10),
      "the text layer has no Vietnamese letters",
      "OCR run as English",
    ],
    [
      words("CØNG HOÀ XÃ HØI CHæNGH VIÆT tñ nguyÇn", 10),
      "the text layer is garbled",
      "a font without a Unicode map",
    ],
    ["SAO Y", null, "too little text to judge"],
  ])("%#: %s → %s (%s)", (text, want) => {
    expect(unusableLayer(text)).toBe(want);
  });
});
