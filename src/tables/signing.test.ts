import { describe, expect, it } from "vitest";
import { piecesOf } from "../parse/closing-text.js";
import { emptyRecord } from "../parse/context.js";
import { splitLines } from "../parse/lines.js";
import { readMarks } from "../parse/marks.js";
import { findBlocks } from "../parse/signing-block.js";
import { readTable } from "./load.js";
import { signing } from "./signing.js";

interface MarkRow {
  examples: string[];
  level?: string;
  mark?: string;
}
const raw = readTable("signing-notations.json") as {
  urgency: MarkRow[];
  secrecy: MarkRow[];
  circulation: MarkRow[];
};

const marksOf = (line: string) => {
  const lines = splitLines(line);
  const ctx = { text: line, lines, bodyStart: 0, bodyEnd: lines.length, record: emptyRecord("t") };
  readMarks(ctx);
  return ctx.record.marks;
};

describe("signing notations table (data/signing-notations.json)", () => {
  it("knows the prefixes of NĐ 30/2020 and of the Party", () => {
    expect(signing.prefixes.map((p) => p.code)).toEqual(
      expect.arrayContaining(["TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L"]),
    );
  });

  const examples = signing.prefixes.flatMap((p) => p.examples.map((e) => [p.code || "(none)", e] as const));
  it.each(examples)("%s example still parses: %j", (_code, e) => {
    const text = e.lines.join("\n");
    const [block] = findBlocks(piecesOf(splitLines(text)));
    expect(block, e.source).toBeDefined();
    expect({ authority: block!.authority, position: block!.position, name: block!.name }).toEqual({
      authority: e.authority,
      position: e.position,
      name: e.name,
    });
  });

  const markExamples = [
    ...raw.urgency.flatMap((r) => r.examples.map((x) => ["urgency", x, r.level] as const)),
    ...raw.secrecy.flatMap((r) => r.examples.map((x) => ["secrecy", x, r.level] as const)),
    ...raw.circulation.flatMap((r) => r.examples.map((x) => ["circulation", x, r.mark] as const)),
  ];
  it.each(markExamples)("%s stamp example %j reads as %j", (kind, line, value) => {
    expect(marksOf(line)[kind]).toBe(value);
  });

  it.each(signing.draft.examples.map((e) => [e.line, e.draft] as const))(
    "draft mark %j → %j",
    (line, draft) => {
      expect(marksOf(line).draft).toBe(draft);
    },
  );
});
