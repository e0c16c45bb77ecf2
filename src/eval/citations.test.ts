import { describe, expect, it } from "vitest";
import type { Citation } from "../parse/record.js";
import { scoreCitations } from "./citations.js";
import type { GoldCitation } from "./fields.js";

const g = (symbol: string, over: Partial<GoldCitation> = {}): GoldCitation => ({
  type: "Chỉ thị",
  symbol,
  date: "2022-01-05",
  issuer: "Ban Bí thư",
  relation: "implements",
  ...over,
});
const o = (symbol: string, over: Partial<Citation> = {}): Citation => ({
  type: "Chỉ thị",
  symbol,
  date: "2022-01-05",
  issuer: "Ban Bí thư",
  relation: "implements",
  span: [0, 1],
  ...over,
});

describe("scoreCitations: matched by symbol, then type, date, issuer, relation", () => {
  const rows: [string, Citation[], GoldCitation[], { matched: number; ours: number; gold: number }][] = [
    ["the same symbol matches", [o("12-CT/TW")], [g("12-CT/TW")], { matched: 1, ours: 1, gold: 1 }],
    ["spaces in the symbol ignored", [o("12 - CT/TW")], [g("12-CT/TW")], { matched: 1, ours: 1, gold: 1 }],
    ["Đ and D stay apart", [o("30/2020/ND-CP")], [g("30/2020/NĐ-CP")], { matched: 0, ours: 1, gold: 1 }],
    [
      "a symbol repeated counts once",
      [o("12-CT/TW"), o("12-CT/TW")],
      [g("12-CT/TW")],
      { matched: 1, ours: 1, gold: 1 },
    ],
    ["a missed one lowers recall", [], [g("12-CT/TW")], { matched: 0, ours: 0, gold: 1 }],
    [
      "a spurious one lowers precision",
      [o("12-CT/TW"), o("1/UBND")],
      [g("12-CT/TW")],
      { matched: 1, ours: 2, gold: 1 },
    ],
  ];
  it.each(rows)("%s", (_reason, ours, gold, want) => {
    const { tally } = scoreCitations(ours, gold);
    expect({ matched: tally.matched, ours: tally.ours, gold: tally.gold }).toEqual(want);
  });

  const attrs: [string, Citation, GoldCitation, string, number][] = [
    ["issuer loosely: case and tone", o("1", { issuer: "BAN BÍ THƯ" }), g("1"), "issuer", 1],
    ["issuer null on both sides", o("1", { issuer: null }), g("1", { issuer: null }), "issuer", 1],
    ["date wrong", o("1", { date: "2022-01-06" }), g("1"), "date", 0],
    ["relation wrong", o("1", { relation: "mentions" }), g("1"), "relation", 0],
  ];
  it.each(attrs)("%s", (_reason, ours, gold, attr, correct) => {
    const { tally } = scoreCitations([ours], [gold]);
    expect(tally.attrs[attr as "issuer"]).toEqual({ correct, scored: 1 });
  });
  it("does not score relation where the gold gives none (seeds)", () => {
    const { relation: _r, ...noRelation } = g("1");
    const { tally } = scoreCitations([o("1")], [noRelation]);
    expect(tally.attrs.relation).toEqual({ correct: 0, scored: 0 });
  });
});
