import { describe, expect, it } from "vitest";
import { bar, belowFloors, pct } from "./report.js";
import { emptyGroup, type SetScore, showPair } from "./score.js";

/** A set score where `symbol` is 3 right of 4 and citations 1 matched of 2 ours, 4 gold. */
function sample(): SetScore {
  const all = emptyGroup();
  all.fields.symbol = { correct: 3, scored: 4 };
  all.citations.matched = 1;
  all.citations.ours = 2;
  all.citations.gold = 4;
  return {
    all,
    byQuality: {},
    byFormat: {},
    misses: [],
    ocrExcluded: [],
    failures: [],
    missing: [],
    extra: [],
  };
}

describe("bars (the project's targets)", () => {
  const rows: [string, string, number | null, string][] = [
    ["seeds", "attachments", 100, "every seed field at 100%"],
    ["corpus", "symbol", 95, "header field"],
    ["corpus", "recipients", 90, "list field"],
    ["corpus", "signer.name", 90, "signer part"],
    ["corpus", "citations.recall", 95, "citations"],
    ["corpus", "attachments", null, "no bar set"],
  ];
  it.each(rows)("%s %s → %s (%s)", (set, field, want) => {
    expect(bar(set, field)).toBe(want);
  });
});

describe("belowFloors: the golden ratchet", () => {
  const rows: [Record<string, number>, string[], string][] = [
    [{ symbol: 75 }, [], "exactly at the floor passes"],
    [{ symbol: 80 }, ["corpus symbol: 75.0% < floor 80%"], "below the floor is named"],
    [
      { "citations.recall": 30 },
      ["corpus citations.recall: 25.0% < floor 30%"],
      "citation recall has a floor too",
    ],
    [{ "citations.precision": 50 }, [], "precision 1/2 = 50%"],
    [{ date: 0 }, [], "a floor of 0 always passes, even with nothing scored"],
    [
      { sybmol: 0 },
      ["corpus sybmol: no such field (floors.json is out of date)"],
      "a misspelt floor is caught",
    ],
  ];
  it.each(rows)("%j → %j (%s)", (floors, want) => {
    expect(belowFloors("corpus", sample(), floors)).toEqual(want);
  });
});

describe("showing values", () => {
  it("prints a share with one decimal, a dash when nothing was scored", () => {
    expect([pct(1, 3), pct(0, 0)]).toEqual(["33.3%", "—"]);
  });
  it("shows long strings from near where they differ", () => {
    const head =
      "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG VỀ CÔNG TÁC";
    const { ours, gold } = showPair(`${head} TỈNH`, `${head} NĂM 2026`);
    expect(ours.startsWith("…")).toBe(true);
    expect(gold.endsWith('NĂM 2026"')).toBe(true);
  });
});
