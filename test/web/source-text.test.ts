/** The source panel's cutting: pieces rebuild the text, and each lists exactly the spans over it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pieces } from "../../src/server/pages/source-text.js";

describe("pieces", () => {
  it("cuts at every boundary of overlapping spans", () => {
    const text = "Số 12/UBND ngày 08/3/2023";
    const out = pieces(text, { symbol: [3, 10], number: [3, 5], date: [11, 25] });
    expect(out.map((p) => [p.text, p.fields])).toEqual([
      ["Số ", []],
      ["12", ["symbol", "number"]],
      ["/UBND", ["symbol"]],
      [" ", []],
      ["ngày 08/3/2023", ["date"]],
    ]);
  });

  it("clips spans past the end and ignores empty or inverted ones", () => {
    const out = pieces("abcdef", { tail: [4, 99], empty: [2, 2], inverted: [5, 1] });
    expect(out.map((p) => [p.text, p.fields])).toEqual([
      ["abcd", []],
      ["ef", ["tail"]],
    ]);
  });

  it("rebuilds the text and gives each piece exactly the spans covering it (any spans)", () => {
    const span = fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }));
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }),
        fc.dictionary(fc.constantFrom("a", "b", "c", "d"), span),
        (text, spans) => {
          const out = pieces(text, spans);
          expect(out.map((p) => p.text).join("")).toBe(text);
          for (const p of out) {
            expect(p.text.length).toBeGreaterThan(0);
            const end = p.start + p.text.length;
            const covering = Object.entries(spans)
              .filter(([, [s, e]]) => e > s && s <= p.start && end <= e)
              .map(([f]) => f)
              .sort();
            expect([...p.fields].sort()).toEqual(covering);
          }
        },
      ),
    );
  });
});
