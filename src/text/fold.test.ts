import { describe, expect, it } from "vitest";
import { fold } from "./fold.js";

describe("fold", () => {
  it.each([
    ["QUYẾT ĐỊNH", "quyet dinh", "capitals with tone and đ"],
    ["Ủy ban nhân dân huyện Cần Giờ", "uy ban nhan dan huyen can gio", "State issuer"],
    ["Thuỷ / Thủy", "thuy / thuy", "old and new tone placement fold alike"],
    ["677-CV/TU", "677-cv/tu", "symbols keep their punctuation"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
  it("keeps the length of NFC text so offsets carry over", () => {
    const s = "Cần Thơ, ngày 06 tháng 01 năm 2023";
    expect(fold(s).length).toBe(s.length);
  });
});
