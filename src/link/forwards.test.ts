import { describe, expect, it } from "vitest";
import { emptyRecord } from "../parse/context.js";
import type { Citation, DocumentRecord } from "../parse/record.js";
import { linkDocument } from "./link.js";

/** A cover letter of UBND huyện Cần Giờ (2024) that names one provincial plan and attaches it. */
function coverLetter(sentence: string): { record: DocumentRecord; text: string } {
  const text = `ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIỜ\n\n${sentence}\n`;
  const at = text.indexOf("45/KH-UBND");
  const citation: Citation = {
    type: "Kế hoạch",
    symbol: "45/KH-UBND",
    date: "2024-01-02",
    issuer: "Ủy ban nhân dân Thành phố",
    relation: "implements",
    span: [at, at + "45/KH-UBND".length],
  };
  const record: DocumentRecord = {
    ...emptyRecord("cover"),
    system: "state",
    type: "Công văn",
    number: "12",
    symbol: "12/UBND",
    issuer: "Ủy ban nhân dân huyện Cần Giờ",
    place: "Cần Giờ",
    date: "2024-01-05",
    citations: [citation],
    attachments: [{ id: null, type: "Kế hoạch", symbol: "45/KH-UBND" }],
  };
  return { record, text };
}

describe("a cover letter that passes a document down", () => {
  it("forwards what it only sends on (sao gửi), and attaches it, to one identity", () => {
    const { record, text } = coverLetter(
      "Ủy ban nhân dân huyện sao gửi Kế hoạch số 45/KH-UBND ngày 02/01/2024 của Ủy ban nhân dân Thành phố đến các cơ quan, đơn vị.",
    );
    const linked = linkDocument(record, text);
    const relations = linked.edges.map((e) => e.relation).sort();
    expect(relations).toEqual(["attaches", "forwards"]);
    expect(new Set(linked.edges.map((e) => e.to)).size).toBe(1);
    expect(linked.edges[0]!.to).toMatch(/ubnd@ho-chi-minh/);
  });

  it("implements what it acts on, even when it attaches it too", () => {
    const { record, text } = coverLetter(
      "Để triển khai thực hiện Kế hoạch số 45/KH-UBND ngày 02/01/2024 của Ủy ban nhân dân Thành phố, Ủy ban nhân dân huyện sao gửi kèm và đề nghị các cơ quan thực hiện.",
    );
    expect(
      linkDocument(record, text)
        .edges.map((e) => e.relation)
        .sort(),
    ).toEqual(["attaches", "implements"]);
  });

  it("implements what it sends on without attaching it", () => {
    const { record, text } = coverLetter(
      "Ủy ban nhân dân huyện sao gửi Kế hoạch số 45/KH-UBND ngày 02/01/2024 của Ủy ban nhân dân Thành phố.",
    );
    const linked = linkDocument({ ...record, attachments: [] }, text);
    expect(linked.edges.map((e) => e.relation)).toEqual(["implements"]);
  });
});
