import { describe, expect, it } from "vitest";
import type { DocumentRecord } from "../parse/record.js";
import type { GoldRecord } from "./fields.js";
import { type Parsed, scoreSet } from "./score.js";

/** A gold record of a Party công văn, the shape of the seeds'. */
function gold(over: Partial<GoldRecord> = {}): GoldRecord {
  return {
    id: "x",
    source: "x.txt",
    system: "party",
    type: "Công văn",
    number: "677",
    symbol: "677-CV/TU",
    issuer: "Thành ủy Cần Thơ",
    parent_issuer: null,
    place: "Cần Thơ",
    date: "2023-01-06",
    subject: "Về tiếp tục lãnh đạo",
    recipients: ["Các quận ủy, huyện ủy", "Các ban xây dựng Đảng của Thành ủy"],
    distribution: ["Như trên", "Lưu Văn phòng Thành ủy"],
    signer: { authority: "T/M BAN THƯỜNG VỤ", position: "PHÓ BÍ THƯ", name: "Phạm Văn Hiểu" },
    citations: [
      {
        type: "Chỉ thị",
        symbol: "12-CT/TW",
        date: "2022-01-05",
        issuer: "Ban Bí thư",
        relation: "implements",
      },
    ],
    attachments: [],
    quality: "noisy",
    ...over,
  };
}

/** Our record matching `gold()` as the parser might write it: other case, tone style, markers. */
function ours(over: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: "x",
    attached_to: null,
    parent_issuer: null,
    clauses: [],
    attachments: [],
    stamps: [],
    marks: { urgency: null, secrecy: null, circulation: null },
    inferred: [],
    warnings: [],
    spans: {},
    system: "party",
    type: "Công văn",
    number: "677",
    symbol: "677-CV/TU",
    issuer: "THÀNH UỶ CẦN THƠ",
    place: "Cần Thơ",
    date: "2023-01-06",
    subject: "tiếp tục  lãnh đạo",
    recipients: ["- Các ban xây dựng Đảng của Thành ủy;", "- Các quận ủy, huyện ủy;"],
    distribution: ["- Như trên;", "- Lưu Văn phòng Thành ủy."],
    signer: { authority: "TM. BAN THƯỜNG VỤ", position: "Phó Bí thư", name: "Phạm Văn Hiểu" },
    citations: [
      {
        type: "Chỉ thị",
        symbol: "12-CT/TW",
        date: "2022-01-05",
        issuer: "Ban Bí Thư",
        relation: "implements",
        span: [0, 1],
      },
    ],
    ...over,
  };
}

function score(g: GoldRecord, p: Parsed) {
  return scoreSet([g], new Map([[g.source, p]]));
}

const fieldOf = (s: ReturnType<typeof score>, f: string) => s.all.fields[f]!;

describe("scoreSet", () => {
  const rows: [string, GoldRecord, Parsed, string, number, number][] = [
    ["a record written in another case and tone style scores", gold(), { records: [ours()] }, "issuer", 1, 1],
    ["set equality ignores order and list markers", gold(), { records: [ours()] }, "recipients", 1, 1],
    ["authority: T/M = TM.", gold(), { records: [ours()] }, "signer.authority", 1, 1],
    ["all three signer parts right", gold(), { records: [ours()] }, "signer", 1, 1],
    [
      "gold null, ours null: the point is earned",
      gold({ parent_issuer: null }),
      { records: [ours()] },
      "parent_issuer",
      1,
      1,
    ],
    [
      "gold null, ours a value: wrong",
      gold({ parent_issuer: null }),
      { records: [ours({ parent_issuer: "Tỉnh ủy" })] },
      "parent_issuer",
      0,
      1,
    ],
    ["gold a value, ours null: wrong", gold(), { records: [ours({ date: null })] }, "date", 0, 1],
    [
      "gold [] and ours []: right",
      gold({ recipients: [] }),
      { records: [ours({ recipients: [] })] },
      "recipients",
      1,
      1,
    ],
    [
      "a missing item: wrong",
      gold(),
      { records: [ours({ recipients: ["Các quận ủy, huyện ủy"] })] },
      "recipients",
      0,
      1,
    ],
    [
      "uncertain field not scored",
      gold({ uncertain: ["symbol"] }),
      { records: [ours({ symbol: "x" })] },
      "symbol",
      0,
      0,
    ],
    [
      "uncertain 'signer' takes out its parts",
      gold({ uncertain: ["signer"] }),
      { records: [ours()] },
      "signer.name",
      0,
      0,
    ],
    [
      "uncertain 'signer.position' takes out just that part",
      gold({ uncertain: ["signer.position"] }),
      { records: [ours()] },
      "signer.name",
      1,
      1,
    ],
    [
      "…and the signer is scored on the two others",
      gold({ uncertain: ["signer.position"] }),
      {
        records: [ours({ signer: { authority: "TM BAN THƯỜNG VỤ", position: "x", name: "Phạm Văn Hiểu" } })],
      },
      "signer",
      1,
      1,
    ],
    ["a missing record counts wrong", gold(), { records: [] }, "date", 0, 1],
    ["a missing record counts wrong even where gold is null", gold(), { records: [] }, "parent_issuer", 0, 1],
    ["a parse that threw counts wrong", gold(), { error: "boom" }, "symbol", 0, 1],
    ["needs_ocr is left out", gold({ needs_ocr: true }), { records: [ours()] }, "symbol", 0, 0],
    [
      "attachments by count and type",
      gold({ attachments: [{ id: null, type: "Phụ lục", symbol: null }] }),
      { records: [ours({ attachments: [{ id: null, type: "Phụ lục", symbol: "1" }] })] },
      "attachments",
      1,
      1,
    ],
    [
      "attachments: one too many",
      gold(),
      { records: [ours({ attachments: [{ id: null, type: "Phụ lục", symbol: null }] })] },
      "attachments",
      0,
      1,
    ],
  ];
  it.each(rows)("%s", (_reason, g, p, field, correct, scored) => {
    expect(fieldOf(score(g, p), field)).toEqual({ correct, scored });
  });

  it("lists a miss as id, ours and gold", () => {
    const s = score(gold(), { records: [ours({ date: "2023-01-07" })] });
    expect(s.misses).toContainEqual({ field: "date", id: "x", ours: '"2023-01-07"', gold: '"2023-01-06"' });
  });
  it("lists a parse failure with its reason", () => {
    const s = score(gold(), { error: "bad bytes" });
    expect(s.failures).toEqual([{ source: "x.txt", reason: "bad bytes" }]);
    expect(s.missing).toEqual(["x"]);
  });
  it("counts item precision and recall", () => {
    const s = score(gold(), { records: [ours({ recipients: ["Các quận ủy, huyện ủy", "Sở Nội vụ"] })] });
    expect(s.all.items.recipients).toEqual({ matched: 1, ours: 2, gold: 2 });
  });
  it("groups by quality and by format", () => {
    const s = score(gold({ quality: "clean", source: "x.md" }), { records: [ours()] });
    expect(s.byQuality.clean?.records).toBe(1);
    expect(s.byFormat.md?.fields.symbol).toEqual({ correct: 1, scored: 1 });
  });
  it("reports records of ours that have no gold", () => {
    const s = score(gold(), { records: [ours(), { ...ours(), id: "x#1" }] });
    expect(s.extra).toEqual(["x#1"]);
  });
});
