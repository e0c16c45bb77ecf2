import { describe, expect, it } from "vitest";
import { splitLines, squash } from "./lines.js";

describe("splitLines", () => {
  it("keeps offsets that slice back to each line", () => {
    const text = "Số: 1237/UBND\nCần Giờ, ngày 08 tháng 3 năm 2023\n";
    for (const line of splitLines(text)) expect(text.slice(line.start, line.end)).toBe(line.text);
    expect(splitLines(text).map((l) => l.text)).toEqual([
      "Số: 1237/UBND",
      "Cần Giờ, ngày 08 tháng 3 năm 2023",
      "",
    ]);
  });
  it("squashes whitespace", () => {
    expect(squash("  Kính   gửi:\t UBND ")).toBe("Kính gửi: UBND");
  });
});
