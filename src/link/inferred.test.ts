import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Citation } from "../parse/record.js";
import { saidOfAnother } from "./inferred.js";

function cite(text: string, symbol: string, relation: Citation["relation"] = "implements"): Citation {
  const at = text.indexOf(symbol);
  return { type: null, symbol, date: null, issuer: null, relation, span: [at, at + symbol.length] };
}

describe("what one document says another did", () => {
  it("reads 'X … về triển khai thực hiện Y' in the Cần Giờ cover letter as X implements Y", () => {
    const text = readFileSync(new URL("../../samples/can-gio-1237-UBND.txt", import.meta.url), "utf8");
    const a = cite(text, "14-TT/TU");
    const b = cite(text, "603/UBND-TH");
    const said = saidOfAnother(text, [a, b]);
    expect(said).toHaveLength(1);
    expect(said[0]!.from).toBe(b);
    expect(said[0]!.to).toBe(a);
    expect(said[0]!.evidence).toMatch(/về triển khai thực hiện Thông tri số 14-TT\/TU$/);
  });

  it("says nothing when the phrase is about the citing document itself, or in another sentence", () => {
    const own =
      "Căn cứ Kế hoạch số 12-KH/TU ngày 01/3/2024 của Ban Thường vụ Tỉnh ủy. Ủy ban nhân dân huyện về triển khai thực hiện Chỉ thị số 5-CT/TW như sau";
    expect(saidOfAnother(own, [cite(own, "12-KH/TU"), cite(own, "5-CT/TW")])).toEqual([]);
  });

  it("needs the second document to be one the text cites", () => {
    const text =
      "Thực hiện Công văn số 45/UBND-VX ngày 02/01/2024 của UBND tỉnh về triển khai thực hiện Nghị quyết số 9-NQ/TU";
    expect(saidOfAnother(text, [cite(text, "45/UBND-VX")])).toEqual([]);
    const both = [cite(text, "45/UBND-VX"), cite(text, "9-NQ/TU", "mentions")];
    expect(saidOfAnother(text, both).map((s) => [s.from.symbol, s.to.symbol])).toEqual([
      ["45/UBND-VX", "9-NQ/TU"],
    ]);
  });

  it("never throws on spans outside the text", () => {
    const bad: Citation = {
      type: null,
      symbol: "1/X",
      date: null,
      issuer: null,
      relation: "mentions",
      span: [900, 905],
    };
    expect(saidOfAnother("ngắn", [bad])).toEqual([]);
  });
});
