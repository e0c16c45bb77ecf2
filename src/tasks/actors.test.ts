/**
 * What counts as an actor and where its name ends: a plural must name bodies, posts or people, a
 * known body's own comma splits no list, and a noun-verb ends a name before the verb that acts.
 * Each case is real text from the corpus (Công điện on floods, plans on elections and housing).
 */
import { describe, expect, it } from "vitest";
import { readActors, splitUnits } from "./assignees.js";
import { commaNameSpans } from "./known-names.js";

describe("a plural names actors only", () => {
  it("reads no unit from a plural of things", () => {
    // Election plan, V.1.b: the papers to file, not a body.
    expect(readActors("Các văn bản liên quan (nếu có).").leads).toEqual([]);
    // A decision's annex, III.1.3.
    expect(readActors("Các chứng từ giải ngân nguồn vốn hỗ trợ.").leads).toEqual([]);
    // Đảng đoàn Quốc hội, II.2.1: the obstacles reviewed are no assignee.
    expect(
      readActors(
        "Khẩn trương, quyết liệt tổ chức rà soát, nhận diện đúng, đầy đủ, các khó khăn, vướng mắc, rào cản về pháp luật đang cản trở sự phát triển",
      ).leads,
    ).toEqual([]);
  });

  it("still reads a plural of bodies, posts, people or a capitalised name", () => {
    expect(readActors("Các tổ chức, cá nhân có liên quan chủ động phối hợp").leads).toEqual([
      "Các tổ chức, cá nhân có liên quan",
    ]);
    expect(
      readActors(
        "Yêu cầu các đồng chí bí thư tỉnh uỷ, thành uỷ, các đồng chí bộ trưởng, thủ trưởng cơ quan ngang bộ phải quán triệt",
      ).leads[0],
    ).toMatch(/^các đồng chí bí thư tỉnh uỷ/u);
    expect(readActors("Các cá nhân trực tiếp tham mưu, chỉ đạo triển khai").leads[0]).toMatch(
      /^Các cá nhân/u,
    );
    expect(readActors("Các Bộ, ngành liên quan theo chức năng").leads).toEqual(["Các Bộ, ngành liên quan"]);
    // A commune Mặt trận decision, Điều 3: the persons named in Điều 1 are a unit of their own.
    expect(
      readActors(
        "Ban Thường trực Ủy ban MTTQ xã, các bộ phận chuyên môn thuộc Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam xã và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này",
      ).leads,
    ).toHaveLength(3);
  });
});

describe("a known body's comma", () => {
  it("finds the names with a comma that data/bodies.json gives, in either tone placement", () => {
    const s = "Sở Văn hoá, Thể thao và Du lịch phối hợp với Bộ Văn hóa, Thể thao và Du lịch";
    expect(commaNameSpans(s).map(([a, b]) => s.slice(a, b))).toEqual([
      "Sở Văn hoá, Thể thao và Du lịch",
      "Bộ Văn hóa, Thể thao và Du lịch",
    ]);
    expect(commaNameSpans("Bộ Văn hóa, Bộ Y tế")).toEqual([]);
  });

  it("keeps a ministry whole in a shared-head list", () => {
    // Công điện on the floods of November 2025, item 6.
    const a = readActors(
      "Các Bộ: Giáo dục và Đào tạo, Y tế, Khoa học và Công\nnghệ, Văn hóa, Thể thao và Du lịch theo chức năng, nhiệm vụ, thẩm quyền chủ\nđộng phối hợp với địa phương",
    );
    expect(a.leads).toContain("Bộ Văn hóa, Thể thao và Du lịch");
    expect(a.leads).not.toContain("Bộ Văn hóa");
    expect(a.leads).toHaveLength(4);
  });

  it("does not split a body whose name goes on with 'các' after its comma", () => {
    expect(splitUnits("Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương")).toEqual([
      "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương",
    ]);
    // Without a known name the comma before "các" still splits.
    expect(splitUnits("Sở Nội vụ, các đoàn thể Trung ương")).toEqual([
      "Sở Nội vụ",
      "các đoàn thể Trung ương",
    ]);
  });
});

describe("a noun-verb at the end of a name", () => {
  it("keeps it when another verb follows a name run on in lower case", () => {
    // Công điện of the Ministry of Construction on floods, item 6.
    expect(
      readActors("Cục Kết cấu hạ tầng xây dựng tham mưu việc chỉ đạo,\nhướng dẫn các địa phương rà soát")
        .leads,
    ).toEqual(["Cục Kết cấu hạ tầng xây dựng"]);
  });

  it("reads it as the verb after a level or a capitalised word", () => {
    expect(readActors("Sở Tài chính tổng hợp báo cáo tình hình thực hiện hoạt động đấu thầu").leads).toEqual([
      "Sở Tài chính",
    ]);
    expect(readActors("Ủy ban nhân dân xã xây dựng báo cáo đánh giá kết quả thực hiện").leads).toEqual([
      "Ủy ban nhân dân xã",
    ]);
  });
});
