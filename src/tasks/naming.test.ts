/**
 * Assignees named as persons and posts, and boards a document founds: each rule from real text
 * (a commune Mặt trận plan, a city plan for housing of people with merit).
 */
import { describe, expect, it } from "vitest";
import { emptyRecord } from "../parse/context.js";
import type { DocumentRecord } from "../parse/record.js";
import { dropHonorific, readActors, splitUnits } from "./assignees.js";
import { barePost, foundedBoards, nameTasks } from "./naming.js";
import type { Task } from "./types.js";

const task = (units: string[], span: [number, number] | null = null): Task => ({
  doc: "x",
  clause: null,
  assignees: units.map((unit) => ({ unit, role: "lead" as const })),
  action: "",
  deliverable: null,
  reports_to: null,
  deadline: null,
  deadline_text: null,
  recurrence: null,
  span,
});

const frontRecord = (): DocumentRecord => ({
  ...emptyRecord("x"),
  issuer: "Ban Thường trực",
  parent_issuer: "Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh",
});

describe("honorifics", () => {
  it("drops the honorific before one holder's post", () => {
    expect(
      splitUnits("Đồng chí Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"),
    ).toEqual(["Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"]);
    expect(dropHonorific("Đ/c Trưởng ban Tuyên giáo")).toBe("Trưởng ban Tuyên giáo");
  });

  it("keeps the plural address and a place name that opens like a title", () => {
    expect(dropHonorific("Các đồng chí Ủy viên Ban Thường vụ Đảng ủy")).toBe(
      "Các đồng chí Ủy viên Ban Thường vụ Đảng ủy",
    );
    expect(dropHonorific("Bà Rịa - Vũng Tàu")).toBe("Bà Rịa - Vũng Tàu");
    expect(dropHonorific("ông Chủ tịch Ủy ban nhân dân xã")).toBe("Chủ tịch Ủy ban nhân dân xã");
  });
});

describe("a post with the field its holder covers", () => {
  it("keeps 'phụ trách lĩnh vực …' with the post, unsplit", () => {
    expect(readActors("Phó chủ tịch phụ trách lĩnh vực Công tác Xã hội").leads).toEqual([
      "Phó chủ tịch phụ trách lĩnh vực Công tác Xã hội",
    ]);
    expect(
      readActors("Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng").leads,
    ).toEqual(["Các Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"]);
  });

  it("leaves a unit that holds no post as it was", () => {
    expect(readActors("Sở Nội vụ phụ trách lĩnh vực tổ chức bộ máy").leads).toEqual(["Sở Nội vụ"]);
  });
});

describe("a bare post belongs to the issuing body", () => {
  it("finds where the post ends", () => {
    expect(barePost("Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát")?.end).toBe(24);
    expect(barePost("Phó Chủ tịch Ủy ban nhân dân tỉnh")).toBeNull();
    expect(barePost("Phó chủ tịch phụ trách lĩnh vực Công tác Xã hội")).toBeNull();
  });

  it("qualifies it by the body above a Ban Thường trực, as the document writes that body", () => {
    const tasks = [
      task(["Phó chủ tịch Thường trực, phụ trách lĩnh vực Giám sát và Phản biện xã hội"]),
      task(["Các đồng chí Phó Chủ tịch Uỷ ban Mặt trận Tổ quốc Việt Nam xã"]),
    ];
    const named = nameTasks(frontRecord(), tasks, "");
    expect(named[0]!.assignees[0]!.unit).toBe(
      "Phó chủ tịch Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã, phụ trách lĩnh vực Giám sát và Phản biện xã hội",
    );
    expect(named[1]!.assignees[0]!.unit).toBe(
      "Các đồng chí Phó Chủ tịch Uỷ ban Mặt trận Tổ quốc Việt Nam xã",
    );
  });

  it("keeps the place name where the document never writes the body without it", () => {
    const named = nameTasks(frontRecord(), [task(["Chủ tịch"])], "");
    expect(named[0]!.assignees[0]!.unit).toBe("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh");
  });

  it("leaves the post bare when no issuer has such a post", () => {
    const record = { ...emptyRecord("x"), issuer: "Sở Nội vụ", parent_issuer: null };
    expect(nameTasks(record, [task(["Chủ tịch"])], "")[0]!.assignees[0]!.unit).toBe("Chủ tịch");
  });
});

describe("a board the document founds", () => {
  const founding = [
    "Thành lập Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng:",
    "Ủy ban nhân dân xã, phường, thị trấn thành lập Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng, gồm đại diện chính quyền cấp xã.",
    "- Thành lập Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng để tổ chức thực hiện hỗ trợ nhà ở.",
  ];

  it("reads its full name, whatever follows it", () => {
    expect(foundedBoards(founding).get("ban chỉ đạo")).toBe(
      "Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng",
    );
  });

  it("names a bare later mention by it, and only when one board is founded", () => {
    const text = founding.join("\n");
    const named = nameTasks(emptyRecord("x"), [task(["Ban Chỉ đạo"], [0, text.length])], text);
    expect(named[0]!.assignees[0]!.unit).toBe(
      "Ban Chỉ đạo thực hiện hỗ trợ nhà ở cho người có công với cách mạng",
    );
    const two = [...founding, "Thành lập Ban Chỉ đạo ở các tỉnh, thành phố trực thuộc Trung ương"];
    expect(foundedBoards(two).has("ban chỉ đạo")).toBe(false);
  });
});

describe("where a unit's name ends", () => {
  it("keeps a dash and a last noun-verb inside a name printed as a heading", () => {
    // Công điện of the Ministry of Construction (mưa lũ), item 7: the heading names the Cục alone.
    expect(readActors("Cục Kinh tế - Quản lý đầu tư xây dựng").leads).toEqual([
      "Cục Kinh tế - Quản lý đầu tư xây dựng",
    ]);
    // With words after it, "xây dựng" is the action again.
    expect(readActors("Sở Xây dựng xây dựng kế hoạch kiểm tra").leads).toEqual(["Sở Xây dựng"]);
    // A dash that marks a bullet still ends the units before a capitalised verb.
    expect(readActors("Ủy ban Kinh tế - Chủ trì thẩm tra").leads).toEqual(["Ủy ban Kinh tế"]);
  });

  it("ends a list of partners at 'thu thập'", () => {
    // Kế hoạch on the national planning database, IV.5.
    const a = readActors(
      "Phối hợp với các sở, ngành, đơn vị có liên quan thu thập, biên tập, chuẩn hóa dữ liệu quy hoạch thuộc phạm vi quản lý.",
    );
    expect(a.coordinates).toEqual(["các sở, ngành, đơn vị có liên quan"]);
  });
});
