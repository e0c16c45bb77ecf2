import { describe, expect, it } from "vitest";
import { type Context, emptyRecord } from "./context.js";
import { splitLines } from "./lines.js";
import type { Stamp } from "./record.js";
import { readStamps } from "./stamps.js";

/** The document is the lines from `from` on; what comes before is the rest of the file. */
const ctxOf = (text: string, from = 0): Context => {
  const lines = splitLines(text).slice(from);
  return { text, lines, bodyStart: 0, bodyEnd: lines.length, record: emptyRecord("t") };
};

describe("readStamps (dấu ĐẾN)", () => {
  const rows: Array<[string, string, number, Stamp[]]> = [
    [
      "compact stamp just before the document's title (seed 003)",
      "Nguyễn Ngọc Xuân\n\nUBND TP.HCM\n\n3878/C-180123\n11:58**THÔNG TRI**\nvề tăng cường",
      5,
      [
        {
          kind: "incoming",
          raw: "UBND TP.HCM 3878/C-180123 11:58",
          receiver: "UBND TP.HCM",
          arrival_number: "3878",
        },
      ],
    ],
    [
      "standard stamp",
      "SỞ NỘI VỤ\nĐẾN Số: 245\nNgày: 12/3/2024\nChuyển: P.TCBC\nỦY BAN NHÂN DÂN",
      0,
      [
        {
          kind: "incoming",
          raw: "SỞ NỘI VỤ ĐẾN Số: 245 Ngày: 12/3/2024 Chuyển: P.TCBC",
          receiver: "SỞ NỘI VỤ",
          arrival_number: "245",
          arrival_date: "2024-03-12",
        },
      ],
    ],
    ["a symbol line alone is no stamp", "ỦY BAN NHÂN DÂN\nSố: 1237/UBND\n11:58 sáng", 0, []],
    ["ordinary lines are no stamp", "Đến ngày 12/3/2024 các đơn vị báo cáo.\nSố liệu: 245", 0, []],
  ];
  it.each(rows)("%s", (_name, text, from, want) => {
    const ctx = ctxOf(text, from);
    readStamps(ctx);
    expect(ctx.record.stamps).toEqual(want);
  });
});
