/**
 * To whom results are reported (tasks.md `reports_to`) in the forms real directives use, and the
 * readings of who acts that those sentences rely on. Every sentence is from a corpus document.
 */
import { describe, expect, it } from "vitest";
import { emptyRecord } from "../parse/context.js";
import type { Clause, DocumentRecord } from "../parse/record.js";
import { readActors, readReportsTo } from "./assignees.js";
import { extractTasks } from "./extract.js";
import { readTaskTables, tableTasks } from "./table.js";

describe("readReportsTo", () => {
  it("routes a report through the body it is sent to first ('gửi X để tổng hợp, báo cáo Y')", () => {
    // Thông báo kết luận of the Prime Minister to Đắk Lắk.
    expect(
      readReportsTo(
        "Ủy ban nhân dân tỉnh Đắk Lắk tiếp tục rà soát, thống kê đầy đủ chính xác thiệt hại do cơn bão số 13 gây ra, gửi Bộ Nông nghiệp và Môi trường, Bộ Tài chính để tổng hợp, báo cáo Thủ tướng Chính phủ.",
      ),
    ).toBe("Thủ tướng Chính phủ (qua Bộ Nông nghiệp và Môi trường, Bộ Tài chính)");
    // A city's chỉ thị on groundwater: "phản ánh về" sends as well.
    expect(
      readReportsTo(
        "Trong quá trình thực hiện có phát sinh khó khăn, vướng mắc thì kịp thời phản ánh về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo Ủy ban nhân dân thành phố xem xét, giải quyết.",
      ),
    ).toBe("Ủy ban nhân dân thành phố (qua Sở Nông nghiệp và Môi trường)");
    // An aside in brackets between the body and "để" leaves the route whole.
    expect(
      readReportsTo(
        "Ủy ban nhân dân quận, huyện tổng hợp, báo cáo tình hình định kỳ hàng quý gửi về Sở Xây dựng (trước ngày 20 tháng cuối quý) để tổng hợp, báo cáo Ủy ban nhân dân Thành phố, Bộ Xây dựng, Bộ Tài chính.",
      ),
    ).toBe("Ủy ban nhân dân Thành phố, Bộ Xây dựng, Bộ Tài chính (qua Sở Xây dựng)");
  });

  it("takes no route from a sending in another part of the sentence", () => {
    expect(
      readReportsTo("Gửi Sở Tài chính dữ liệu quy hoạch; tổng hợp để báo cáo Ủy ban nhân dân Thành phố."),
    ).toBe("Ủy ban nhân dân Thành phố");
  });

  it("reads the body a paired verb addresses ('báo cáo, đề xuất X', 'báo cáo, tham mưu X')", () => {
    // Công điện on floods: the lower-case "Ban chỉ đạo" heads the body, it is no verb here.
    expect(
      readReportsTo(
        "Chỉ đạo, đôn đốc các ngành, các địa phương triển khai công tác ứng phó phù hợp với tình hình thực tế, kịp thời báo cáo, đề xuất Ban chỉ đạo phòng thủ dân sự quốc gia và Thủ tướng Chính phủ chỉ đạo những vấn đề vượt thẩm quyền.",
      ),
    ).toBe("Ban chỉ đạo phòng thủ dân sự quốc gia và Thủ tướng Chính phủ");
    // A commune Đảng ủy's công văn.
    expect(
      readReportsTo(
        "Giao Văn phòng Đảng uỷ chủ trì, phối hợp với các cơ quan, đơn vị, theo dõi, đôn đốc, tổng hợp kết quả thực hiện, kịp thời báo cáo, tham mưu Ban Thường vụ Đảng uỷ giải quyết các khó khăn, vướng mắc.",
      ),
    ).toBe("Ban Thường vụ Đảng uỷ");
  });

  it("keeps the words that say which holder of a post is meant", () => {
    expect(
      readReportsTo(
        "Văn phòng Chính phủ theo dõi, đôn đốc thực hiện nghiêm túc Công điện theo chức năng, nhiệm vụ được giao; kịp thời báo cáo Thủ tướng Chính phủ và Phó Thủ tướng phụ trách lĩnh vực những vấn đề đột xuất, phát sinh.",
      ),
    ).toBe("Thủ tướng Chính phủ và Phó Thủ tướng phụ trách lĩnh vực");
  });

  it("reads the body a draft is submitted to when no report names one", () => {
    expect(
      readReportsTo(
        "Giao Ban Xây dựng Đảng chủ trì tham mưu Ban Thường vụ Đảng uỷ Kế hoạch quán triệt Nghị quyết số 01-NQ/TU ngày 14/7/2025 của Tỉnh uỷ; trình Thường trực Đảng uỷ trước ngày 20/8/2025.",
      ),
    ).toBe("Thường trực Đảng uỷ");
    expect(
      readReportsTo(
        "Giao Đảng uỷ UBND xã chỉ đạo tiếp thu các ý kiến góp ý, cập nhật, bổ sung danh mục đầu tư trình UBND tỉnh theo quy định.",
      ),
    ).toBe("Ủy ban nhân dân tỉnh");
    // A report named in the same words comes first.
    expect(
      readReportsTo(
        "Sở Tài chính phối hợp với các đơn vị liên quan thẩm định, tổng hợp nhu cầu kinh phí, cân đối để báo cáo Ủy ban nhân dân Thành phố trình Hội đồng nhân dân Thành phố.",
      ),
    ).toBe("Ủy ban nhân dân Thành phố");
  });

  it("reads no submission in the nouns that end in 'trình'", () => {
    expect(readReportsTo("Sở Tài chính bố trí vốn thực hiện chương trình Chính phủ giao.")).toBeNull();
    expect(
      readReportsTo("Ban hành quy trình Bộ Y tế hướng dẫn; hoàn thiện tờ trình Ủy ban nhân dân tỉnh."),
    ).toBeNull();
  });

  it("ends the addressee before what the body is to do with the report", () => {
    expect(
      readReportsTo(
        "Phối hợp với Sở Khoa học và Công nghệ xây dựng và trình Ủy ban nhân dân Thành phố phê duyệt Kế hoạch sao lưu, phục hồi dữ liệu.",
      ),
    ).toBe("Ủy ban nhân dân Thành phố");
  });
});

describe("readActors on a body stating its view", () => {
  it("names no assignee in 'X cơ bản nhất trí với …'", () => {
    // Thông báo kết luận of a commune's Ban Thường vụ Đảng ủy.
    expect(
      readActors(
        "Ban Thường vụ Đảng uỷ cơ bản nhất trí với các nhóm nhiệm vụ, giải pháp đã được đề cập trong dự thảo báo cáo.",
      ).leads,
    ).toEqual([]);
    expect(
      readActors(
        "Bộ Chính trị, Ban Bí thư ghi nhận và biểu dương các cấp uỷ, tổ chức đảng đã nỗ lực thực hiện.",
      ).leads,
    ).toEqual([]);
    // The same subject asked to act is still read.
    expect(readActors("Ban Thường vụ Đảng uỷ chỉ đạo tổng kết công tác năm 2025.").leads).toEqual([
      "Ban Thường vụ Đảng uỷ",
    ]);
  });
});

describe("readActors on a movement's call and on compound verbs", () => {
  it("names no assignee in 'X thi đua làm tốt …', a goal of an emulation movement", () => {
    // Kế hoạch phát động phong trào thi đua of a provincial People's Committee.
    expect(
      readActors(
        "Các cơ quan chuyên môn từ tỉnh đến địa phương thi đua làm tốt công tác tham mưu, hướng dẫn, đôn đốc, kiểm tra giám sát.",
      ).leads,
    ).toEqual([]);
    // The movement's council is a body, and leads.
    expect(readActors("Hội đồng Thi đua - Khen thưởng tỉnh chủ trì tổng hợp hồ sơ.").leads).toEqual([
      "Hội đồng Thi đua - Khen thưởng tỉnh",
    ]);
  });

  it("reads 'lập' as the verb that ends the subject, but not the 'lập' of 'thành lập' or 'công lập'", () => {
    expect(
      readActors(
        "Sau khi Ủy ban nhân dân Thành phố phê duyệt Đề án, Sở Tài chính lập thủ tục bố trí kinh phí.",
      ).leads,
    ).toEqual(["Sở Tài chính"]);
    expect(readActors("Các trường công lập chủ trì rà soát.").leads).toEqual(["Các trường công lập"]);
  });
});

describe("readActors on bodies sharing a level", () => {
  it("gives 'HĐND, UBND xã' the level each is named with", () => {
    // Công văn of a commune's Ban Thường vụ Đảng ủy.
    expect(
      readActors(
        "Ban Thường vụ Đảng uỷ yêu cầu HĐND, UBND xã, các cơ quan tham mưu, giúp việc Đảng uỷ, Uỷ ban MTTQ Việt Nam xã, các cấp uỷ, cơ quan, đơn vị tập trung triển khai thực hiện tốt các nhiệm vụ sau đây:",
      ).leads,
    ).toEqual([
      "Hội đồng nhân dân xã",
      "Ủy ban nhân dân xã",
      "các cơ quan tham mưu, giúp việc Đảng uỷ",
      "Uỷ ban Mặt trận Tổ quốc Việt Nam xã",
      "các cấp uỷ, cơ quan, đơn vị",
    ]);
    expect(readActors("Đề nghị Thường trực HĐND, UBND tỉnh Đắk Lắk chỉ đạo thực hiện.").leads).toEqual([
      "Thường trực Hội đồng nhân dân tỉnh Đắk Lắk",
      "Ủy ban nhân dân tỉnh Đắk Lắk",
    ]);
  });

  it("leaves a bare body alone when the next unit is of another kind", () => {
    expect(readActors("Giao Ủy ban nhân dân, Sở Tài chính xã chủ trì thực hiện.").leads).toEqual([
      "Ủy ban nhân dân",
      "Sở Tài chính xã",
    ]);
    expect(readActors("Các Sở, ban, ngành Thành phố chủ động triển khai.").leads).toEqual([
      "Các Sở, ban, ngành Thành phố",
    ]);
  });
});

describe("extractTasks on a topic clause ('Về …: X làm …')", () => {
  it("reads the sentence after the topic's colon as the task", () => {
    const words =
      "Về đề nghị hỗ trợ khoảng 200 tỷ đồng để kịp thời khắc phục hậu quả sau cơn bão số 13: Ủy ban nhân dân tỉnh Đắk Lắk tiếp tục rà soát, thống kê đầy đủ chính xác thiệt hại do cơn bão số 13 gây ra, gửi Bộ Nông nghiệp và Môi trường, Bộ Tài chính để tổng hợp, báo cáo Thủ tướng Chính phủ.";
    const text = `6. ${words}\n`;
    const clause = { label: "6.", text: words, children: [], span: [0, text.length] } as unknown as Clause;
    const record: DocumentRecord = { ...emptyRecord("x"), date: "2025-11-15", clauses: [clause] };
    const tasks = extractTasks(record, text);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.assignees).toEqual([{ unit: "Ủy ban nhân dân tỉnh Đắk Lắk", role: "lead" }]);
    expect(tasks[0]?.reports_to).toBe("Thủ tướng Chính phủ (qua Bộ Nông nghiệp và Môi trường, Bộ Tài chính)");
    expect(tasks[0]?.action).toMatch(/^tiếp tục rà soát/);
  });
});

describe("tableTasks reading the time cell", () => {
  it("reads the body reported to from the time column of a row", () => {
    // Phụ lục of a city's plan on its planning database.
    const table = [
      "TT",
      "Nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian thực hiện",
      "I",
      "Tổ chức thực hiện",
      "1",
      "Thực hiện trách nhiệm giải trình về việc cung cấp, cập nhật, chuẩn hóa dữ liệu.",
      "Các sở, ngành, UBND xã, phường, đặc khu",
      "Sở Tài chính",
      "Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính",
    ].join("\n");
    const [t] = readTaskTables(table, 0, table.length);
    const tasks = tableTasks("x", t!, "2025-11-19");
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.reports_to).toBe("Sở Tài chính");
    expect(tasks[0]?.recurrence).toBe("quarterly");
  });
});
