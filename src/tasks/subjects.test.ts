/**
 * Where the subject of an assignment hides: behind a time word that opens the sentence, and behind
 * a list bullet run into the clause's text. Sentences are from a corpus document (a Đảng đoàn's plan).
 */
import { describe, expect, it } from "vitest";
import { emptyRecord } from "../parse/context.js";
import type { Clause, DocumentRecord } from "../parse/record.js";
import { readActors } from "./assignees.js";
import { extractTasks } from "./extract.js";

function tasksOfClause(words: string) {
  const text = `1. ${words}\n`;
  const clause = { label: "1.", text: words, children: [], span: [0, text.length] } as unknown as Clause;
  const record: DocumentRecord = { ...emptyRecord("x"), date: "2025-03-01", clauses: [clause] };
  return extractTasks(record, text);
}

describe("a time word opening the sentence", () => {
  it("does not hide the subject that follows it ('Định kỳ, X chủ trì, phối hợp với Y')", () => {
    const s =
      "Định kỳ, Thường trực Hội đồng Dân tộc chủ trì, phối hợp với Văn phòng Quốc hội tổng hợp, báo cáo kết quả thực hiện.";
    const a = readActors(s);
    expect(a.leads).toEqual(["Thường trực Hội đồng Dân tộc"]);
    expect(a.coordinates).toContain("Văn phòng Quốc hội");
  });

  it("still reads a sentence without the time word the same way", () => {
    const a = readActors(
      "Thường trực Hội đồng Dân tộc chủ trì, phối hợp với Văn phòng Quốc hội tổng hợp, báo cáo kết quả thực hiện.",
    );
    expect(a.leads).toEqual(["Thường trực Hội đồng Dân tộc"]);
  });
});

describe("a list bullet run into the clause's text", () => {
  it("starts a sentence of its own, whose subject is read without the bullet", () => {
    const tasks = tasksOfClause(
      "Tổ chức quán triệt Nghị quyết. * Đảng đoàn Quốc hội phối hợp với Đảng ủy cơ quan Văn phòng Quốc hội tổ chức phổ biến, quán triệt nghiêm túc đến các tổ chức đảng trực thuộc.",
    );
    const bulleted = tasks.find((t) => t.assignees.some((a) => a.unit === "Đảng đoàn Quốc hội"));
    expect(bulleted?.assignees).toEqual([
      { unit: "Đảng đoàn Quốc hội", role: "lead" },
      { unit: "Đảng ủy cơ quan Văn phòng Quốc hội", role: "coordinate" },
    ]);
  });

  it("leaves an emphasis mark that is not a bullet alone", () => {
    const tasks = tasksOfClause(
      "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu *kế hoạch* triển khai thực hiện.",
    );
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.assignees[0]).toEqual({ unit: "Sở Nội vụ", role: "lead" });
  });
});
