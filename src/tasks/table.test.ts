/**
 * Tasks printed as a table of tasks (Phụ lục nhiệm vụ) or as labelled fields, and the phrasing
 * rules of assignees.ts they lean on. Fixtures are the shapes the parser's normalised text has.
 */
import { describe, expect, it } from "vitest";
import type { Clause } from "../parse/record.js";
import { readActors, readReportsTo } from "./assignees.js";
import { fieldOf, fieldsOf, fieldTask, readTaskTables, tableTasks } from "./table.js";

const TABLE = [
  "PHỤ LỤC",
  "TT",
  "Nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian dự kiến hoàn thành",
  "Kết quả dự kiến",
  "I",
  "Hoàn thiện thể chế",
  "1",
  "Phối hợp rà soát, sửa đổi Luật",
  "Quy hoạch và các văn bản có liên quan.",
  "Sở Tài chính",
  "Các sở, ngành, UBND xã, phường, đặc khu",
  "Quý IV/2025",
  "Quyết định của cấp có thẩm quyền",
  "2",
  "Tổng hợp, báo cáo kết quả.",
  "Các sở, ngành, UBND xã,",
  "phường, đặc khu",
  "Sở Tài chính",
  "Hằng năm",
  "Báo cáo",
].join("\n");

describe("readTaskTables / tableTasks", () => {
  it("reads each numbered row under a header with a chủ trì column", () => {
    const tables = readTaskTables(TABLE, 0, TABLE.length);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.columns).toEqual({ lead: 1, coordinate: 2, deadline: 3, task: 0 });
    const tasks = tableTasks("x", tables[0]!, "2025-11-19");
    expect(tasks.map((t) => t.clause)).toEqual(["I.1", "I.2"]);
    expect(tasks[0]?.assignees).toEqual([
      { unit: "Sở Tài chính", role: "lead" },
      { unit: "Các sở, ngành", role: "coordinate" },
      { unit: "Ủy ban nhân dân xã, phường, đặc khu", role: "coordinate" },
    ]);
    expect(tasks[0]?.deadline).toBe("2025-12-31");
    expect(tasks[0]?.action).toMatch(/^Phối hợp rà soát/);
    // A wrapped unit cell stays one cell; the rhythm of the time column is read.
    expect(tasks[1]?.assignees.map((a) => a.unit)).toEqual([
      "Các sở, ngành",
      "Ủy ban nhân dân xã, phường, đặc khu",
      "Sở Tài chính",
    ]);
    expect(tasks[1]?.recurrence).toBe("yearly");
  });

  it("finds no table without a chủ trì column", () => {
    const plain = TABLE.replace("Cơ quan chủ trì", "Ghi chú");
    expect(readTaskTables(plain, 0, plain.length)).toEqual([]);
  });
});

const clause = (text: string, children: Clause[] = []): Clause => ({
  label: "-",
  text,
  children,
  span: [0, 0],
});

describe("fieldOf / fieldsOf / fieldTask", () => {
  it("reads inline fields and headings over bullets, not a unit that leads", () => {
    expect(fieldOf("Đơn vị chủ trì: Ban Dân vận")).toEqual({ kind: "lead", value: "Ban Dân vận" });
    expect(fieldOf("Thời gian hoàn thành: tháng 11/2025")?.kind).toBe("deadline");
    expect(fieldOf("Kết quả: Dự thảo Hướng dẫn")?.kind).toBe("result");
    expect(fieldOf("Sở Nội vụ chủ trì")).toBeNull();
    expect(fieldOf("Bảo đảm thống nhất với hướng dẫn của cấp trên; phù hợp với thực tế")).toBeNull();
    const fields = fieldsOf([
      clause("Nội dung, biện pháp", [clause("Tổ chức hội nghị quán triệt")]),
      clause("Cơ quan chủ trì, phối hợp", [
        clause("Cơ quan chủ trì", [
          clause("Ban Chỉ đạo quốc gia."),
          clause("Bộ Quốc phòng; các Bộ, ngành liên quan."),
        ]),
        clause("Cơ quan phối hợp", [clause("Mặt trận Tổ quốc Việt Nam các cấp.")]),
      ]),
      clause("Thời gian thực hiện: Tháng 12/2013 và thường xuyên."),
    ]);
    expect(fields.map((f) => f.kind)).toEqual(["lead", "coordinate", "deadline"]);
    const task = fieldTask("x", "B.I", "CÔNG TÁC QUÁN TRIỆT", fields, null, "2013-10-01");
    expect(task?.assignees).toEqual([
      { unit: "Ban Chỉ đạo quốc gia", role: "lead" },
      { unit: "Bộ Quốc phòng", role: "lead" },
      { unit: "các Bộ, ngành liên quan", role: "lead" },
      { unit: "Mặt trận Tổ quốc Việt Nam các cấp", role: "coordinate" },
    ]);
    expect(task?.deadline).toBe("2013-12-31");
    expect(fieldTask("x", null, "", [{ kind: "deadline", value: "Quý I/2026" }], null, null)).toBeNull();
  });
});

describe("fields over bullets as the corpus prints them", () => {
  it("reads each ';' item of a field as a unit and drops a bracketed aside (Kế hoạch 1237 IV.2)", () => {
    const fields = fieldsOf([
      clause("Cơ quan chủ trì", [
        clause("Bộ Quốc phòng."),
        clause("Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương."),
        clause(
          "(Văn phòng Ban Chỉ đạo, cơ quan thường trực đồng thời là cơ quan trung tâm giúp Ban Chỉ đạo các cấp thu thập).",
        ),
      ]),
    ]);
    expect(
      fieldTask("x", "V", "THU THẬP THÔNG TIN", fields, null, null)?.assignees.map((a) => a.unit),
    ).toEqual([
      "Bộ Quốc phòng",
      "Tư lệnh các quân khu",
      "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    ]);
  });

  it("reads the fields under a heading that names none ('b) Cơ quan thực hiện:')", () => {
    const fields = fieldsOf([
      clause("a) Nội dung: Tham mưu rà soát, hoàn thiện Chiến lược dữ liệu"),
      clause("b) Cơ quan thực hiện:", [
        clause("Đơn vị chủ trì: Sở Khoa học và Công nghệ."),
        clause("Đơn vị phối hợp: Các Sở, ban, ngành."),
      ]),
      clause("c) Thời gian thực hiện: Hoàn thành trong năm 2025."),
    ]);
    const task = fieldTask("x", "II.1.1", "Xây dựng Chiến lược dữ liệu", fields, null, "2025-10-20");
    expect(task?.assignees).toEqual([
      { unit: "Sở Khoa học và Công nghệ", role: "lead" },
      { unit: "Các Sở, ban, ngành", role: "coordinate" },
    ]);
    expect(task?.deadline).toBe("2025-12-31");
  });
});

describe("phrasings of who acts and whom to report to", () => {
  it("expands abbreviations in a unit's name (MTTQ, UBND)", () => {
    expect(
      readActors("Uỷ ban MTTQ Việt Nam xã chủ trì, phối hợp các cơ quan liên quan chuẩn bị nội dung").leads,
    ).toEqual(["Uỷ ban Mặt trận Tổ quốc Việt Nam xã"]);
  });

  it("ends a unit at chủ trì / phối hợp in any case, and drops a lower-case aside", () => {
    const a = readActors("Bộ Quốc phòng Chủ trì, phối hợp với các Bộ, ngành có liên quan giúp Chính phủ");
    expect(a.leads).toEqual(["Bộ Quốc phòng"]);
    expect(a.coordinates).toEqual(["các Bộ, ngành có liên quan"]);
    expect(readActors("Sở Tài chính (cơ quan chủ trì)").leads).toEqual(["Sở Tài chính"]);
    // A bracket naming who holds a post is part of the assignee (b204).
    expect(readActors("Trưởng Tiểu ban (Trưởng Ban Xây dựng Đảng) phụ trách chung").leads).toEqual([
      "Trưởng Tiểu ban (Trưởng Ban Xây dựng Đảng)",
    ]);
  });

  it("makes the units a subject directs to carry a task out its coordinators (677-CV/TU 5)", () => {
    const a = readActors(
      "Ban cán sự đảng Ủy ban nhân dân lãnh đạo Ủy ban nhân dân thành phố chỉ đạo các sở, ban ngành có liên quan và Liên hiệp các tổ chức hữu nghị Việt Nam thành phố triển khai, cụ thể hóa Chương trình hành động",
    );
    expect(a.leads).toEqual(["Ban cán sự đảng Ủy ban nhân dân"]);
    expect(a.coordinates).toEqual([
      "các sở, ban ngành có liên quan",
      "Liên hiệp các tổ chức hữu nghị Việt Nam thành phố",
    ]);
    // Directing someone to do something else makes no coordinator of them.
    expect(
      readActors("Ban Tuyên giáo Thành ủy chỉ đạo các cơ quan báo đài thành phố nắm vững quan điểm")
        .coordinates,
    ).toEqual([]);
  });

  it("reads a route said after the report's words ('thông qua Sở …')", () => {
    expect(
      readReportsTo(
        "báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ trước ngày 15 hằng tháng.",
      ),
    ).toBe("Ủy ban nhân dân Thành phố (qua Sở Khoa học và Công nghệ)");
  });

  it("ends a unit at a capitalised verb after a mark or a heading's lower-case words", () => {
    expect(readActors("Tổ đảng ở Thường trực Ủy ban Pháp luật * Chủ trì thẩm tra").leads).toEqual([
      "Tổ đảng ở Thường trực Ủy ban Pháp luật",
    ]);
    expect(
      readActors("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Tăng cường công tác").leads,
    ).toEqual(["Ủy ban Mặt trận Tổ quốc Việt Nam thành phố"]);
    // A name's own lower-case syllable does not end it.
    expect(readActors("Cục Cảnh sát Quản lý hành chính về trật tự xã hội hướng dẫn").leads).toEqual([
      "Cục Cảnh sát Quản lý hành chính về trật tự xã hội",
    ]);
  });

  it("shares a plural head over an enumerated list (Các Bộ: A, B)", () => {
    expect(readActors("Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các đơn vị").leads).toEqual([
      "Bộ Quốc phòng",
      "Bộ Công an",
    ]);
  });

  it("reads the subject after a framing phrase and not a verb as a unit", () => {
    expect(
      readActors("Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì lập Đề án").leads,
    ).toEqual(["Sở Xây dựng"]);
    expect(readActors("Tổ chức hội nghị quán triệt Chỉ thị").leads).toEqual([]);
    expect(readActors("Tổ chức đảng các cấp quán triệt Chỉ thị").leads).toEqual(["Tổ chức đảng các cấp"]);
    expect(readActors("Bộ Xây dựng phối hợp với Bộ Tài chính để làm rõ").coordinates).toEqual([
      "Bộ Tài chính",
    ]);
  });

  it("reads a report's addressee without a preposition, with its (qua …) balanced", () => {
    expect(readReportsTo("rà soát; báo cáo Thủ tướng Chính phủ trong quý I năm 2026")).toBe(
      "Thủ tướng Chính phủ",
    );
    expect(
      readReportsTo(
        "báo cáo về Ban Chỉ đạo quốc gia 1237 (qua Văn phòng Ban Chỉ đạo (Cục Chính sách) để xem xét",
      ),
    ).toBe("Ban Chỉ đạo quốc gia 1237 (qua Văn phòng Ban Chỉ đạo (Cục Chính sách))");
    expect(readReportsTo("báo cáo về Ban Chỉ huy Phòng thủ dân sự (qua email: a@b.vn)")).toBe(
      "Ban Chỉ huy Phòng thủ dân sự",
    );
    expect(readReportsTo("hoàn thiện báo cáo sơ kết về các vùng kinh tế - xã hội")).toBeNull();
    expect(readReportsTo("báo cáo Ủy ban nhân dân Thành phố kết quả thực hiện")).toBe(
      "Ủy ban nhân dân Thành phố",
    );
  });
});
