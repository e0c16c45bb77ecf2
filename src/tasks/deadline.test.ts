import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTiming } from "./deadline.js";

const DOC = "2025-11-17";

describe("readTiming: dates and periods", () => {
  // Real phrasings: tasks.gold.jsonl deadline_text values, domain.md §7 lines, seed texts.
  it.each([
    ["hoàn thành dứt điểm trước ngày 31/12/2025", "2025-12-31"],
    ["Chậm nhất ngày 10/12/2025", "2025-12-10"],
    ["trước ngày 27 tháng 6 năm 2014", "2014-06-27"],
    ["Các nội dung trình Thường trực Đảng uỷ trước ngày 01/10/2025", "2025-10-01"],
    ["xong trước 15-12-2025", "2025-12-15"],
    ["ngày 15 tháng 12 năm 2025", "2025-12-15"],
    ["trong tháng 12/2025", "2025-12-31"],
    ["hoàn thành trong tháng 01/2026", "2026-01-31"],
    ["Dự kiến tháng 11/2025", "2025-11-30"],
    ["trong quý I năm 2026", "2026-03-31"],
    ["Quý IV/2026", "2026-12-31"],
    ["trong quý II năm 2025", "2025-06-30"],
    ["6 tháng đầu năm 2026", "2026-06-30"],
    ["6 tháng cuối năm 2026", "2026-12-31"],
    ["Hoàn thành trong năm 2025", "2025-12-31"],
    ["hoàn thành Dự án vào năm 2026", "2026-12-31"],
    ["Năm 2025 - 2026", "2026-12-31"],
    ["Từ tháng 12/2025 đến quý I/2026", "2026-03-31"],
    ["Từ tháng 01 đến ngày bầu cử 15/3/2026", "2026-03-15"],
  ])("%s → %s", (text, deadline) => {
    expect(readTiming(text, DOC).deadline).toBe(deadline);
  });

  // Gold b221, a plan of 11/11/2013: bare periods count when not before the document's date.
  it.each([
    ["Tháng 11, 12/2013 và bổ sung, sửa đổi hàng năm", "2013-12-31"],
    ["Quý IV/2013, Quý I/2014 và thường xuyên", "2014-03-31"],
    ["Tổng kết giai đoạn năm 2013 - 2015", "2015-12-31"],
    ["từ năm 2013 đến năm 2015", "2015-12-31"],
  ])("%s (11/11/2013) → %s", (text, deadline) => {
    expect(readTiming(text, "2013-11-11").deadline).toBe(deadline);
  });

  it("resolves a date or month written without a year to the next one on or after the document's date", () => {
    expect(readTiming("trước ngày 15/12", "2025-11-17").deadline).toBe("2025-12-15");
    expect(readTiming("trước ngày 15/12", "2025-12-16").deadline).toBe("2026-12-15");
    expect(readTiming("trong tháng 3", "2025-11-17").deadline).toBe("2026-03-31");
    expect(readTiming("trong tháng 11", "2025-11-17").deadline).toBe("2025-11-30");
    expect(readTiming("trong quý I", "2025-11-17").deadline).toBe("2026-03-31");
    expect(readTiming("trước ngày 15/12", null)).toMatchObject({
      deadline: null,
      deadline_text: "trước ngày 15/12",
    });
  });

  it("counts days from the document's date, working days skipping weekends", () => {
    expect(readTiming("trong thời hạn 15 ngày kể từ ngày ký", "2025-11-17").deadline).toBe("2025-12-02");
    expect(readTiming("trong thời hạn 15 ngày kể từ ngày ban hành", "2024-02-20").deadline).toBe(
      "2024-03-06",
    );
    expect(readTiming("Trong 10 ngày kể từ ngày nhận được văn bản này", "2025-01-01").deadline).toBe(
      "2025-01-11",
    );
    // Monday 17/11/2025 + 30 working days = 6 weeks = Monday 29/12/2025.
    expect(readTiming("trong 30 ngày làm việc", "2025-11-17").deadline).toBe("2025-12-29");
    // Friday + 1 working day = Monday.
    expect(readTiming("trong 01 ngày làm việc", "2025-11-21").deadline).toBe("2025-11-24");
    // Counted from another event (Luật NSNN 2015 Đ69.5): the words are kept, no date is fixed.
    const t = readTiming(
      "chậm nhất là 05 ngày làm việc, kể từ ngày báo cáo quyết toán được phê chuẩn",
      "2025-11-17",
    );
    expect(t.deadline).toBeNull();
    expect(t.deadline_text).toContain("05 ngày làm việc");
    expect(readTiming("trong thời hạn 15 ngày kể từ ngày ký", null).deadline).toBeNull();
  });

  it("leaves open periods without a deadline", () => {
    expect(readTiming("Từ tháng 11/2013 trở đi", "2013-11-11")).toMatchObject({
      deadline: null,
      recurrence: "ongoing",
    });
    expect(readTiming("Từ năm 2013 đến năm 2020 và tiếp theo", "2013-11-11").deadline).toBeNull();
  });

  it("takes no deadline from a plan's horizon (thời kỳ …, tầm nhìn đến năm …)", () => {
    const a111 =
      "chủ trì, phối hợp với Bộ Xây dựng để làm rõ sự cần thiết, xem xét điều chỉnh Quy hoạch mạng lưới đường bộ thời kỳ 2021 - 2030, tầm nhìn đến năm\n2050 đã được Thủ tướng Chính phủ phê duyệt.";
    expect(readTiming(a111, "2025-10-28").deadline).toBeNull();
    expect(readTiming("thực hiện Chiến lược phát triển, tầm nhìn 2045", "2025-10-28").deadline).toBeNull();
    // A horizon beside a real due date leaves the due date.
    expect(
      readTiming(
        "trình Quy hoạch thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 trước ngày 15/12/2025",
        "2025-10-28",
      ).deadline,
    ).toBe("2025-12-15");
  });

  it("takes no date from a cited document or from the past", () => {
    const cite =
      "Triển khai Quyết định số 06/QĐ-TTg ngày 02 tháng 01 năm 2025 của Thủ tướng Chính phủ trong toàn ngành.";
    expect(readTiming(cite, "2025-11-19").deadline).toBeNull();
    expect(readTiming(cite, null).deadline).toBeNull();
    expect(readTiming("Tiếp tục thực hiện tốt kết quả năm 2024", "2025-11-19").deadline).toBeNull();
    // A cue keeps a date even before the document's own date (gold b213, dated 28/6/2014).
    expect(readTiming("trước ngày 27 tháng 6 năm 2014", "2014-06-28").deadline).toBe("2014-06-27");
  });

  it("tolerates OCR and markdown noise", () => {
    expect(readTiming("ngày  15 / 12 / 2025", DOC).deadline).toBe("2025-12-15");
    expect(readTiming("**trước ngày 15/12/2025**", DOC).deadline).toBe("2025-12-15");
    expect(readTiming("hoàn thành   trước   ngày\n15 tháng  12 năm 2025.", DOC).deadline).toBe("2025-12-15");
    expect(readTiming("TRƯỚC NGÀY 15/12/2025", DOC).deadline).toBe("2025-12-15");
  });

  it("returns no date for impossible days, without throwing", () => {
    expect(readTiming("trước ngày 31/02/2026", DOC).deadline).toBeNull();
    expect(readTiming("trước ngày 30 tháng 2 năm 2026", DOC).deadline).toBeNull();
    expect(readTiming("trước ngày 29/02/2024", DOC).deadline).toBe("2024-02-29");
    expect(readTiming("trước ngày 29/02/2025", DOC).deadline).toBeNull();
    expect(readTiming("trong tháng 13/2025", DOC).deadline).toBeNull();
  });

  it("returns nulls when the text sets nothing", () => {
    expect(readTiming("Sở Tư pháp chủ trì, phối hợp với các sở, ngành liên quan.", DOC)).toEqual({
      deadline: null,
      deadline_text: null,
      recurrence: null,
      span: null,
    });
    expect(readTiming("", DOC).span).toBeNull();
  });

  it("points its span at the words in the text", () => {
    const text = "Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.";
    const t = readTiming(text, DOC);
    expect(t.span).not.toBeNull();
    expect(text.slice(t.span![0], t.span![1])).toBe("trước ngày 15/12/2025");
    expect(t.deadline_text).toBe("trước ngày 15/12/2025");
  });
});

describe("readTiming: recurrence", () => {
  it.each([
    ["trước ngày 20 hằng tháng", "monthly", "2025-11-20"],
    ["trước ngày 15 hằng tháng", "monthly", "2025-12-15"],
    ["báo cáo hàng tháng", "monthly", null],
    [
      "Chậm nhất ngày 15 (mười lăm) của tháng báo cáo đối với báo cáo định kỳ hằng tháng",
      "monthly",
      "2025-12-15",
    ],
    ["định kỳ hằng quý báo cáo kết quả", "quarterly", null],
    ["định kỳ hàng quý, năm báo cáo kết quả triển khai thực hiện", "quarterly", null],
    ["định kỳ quý, 6 tháng, hằng năm tham mưu Ban Thường vụ Đảng ủy báo cáo", "quarterly", null],
    ["báo cáo tình hình và tiến độ thực hiện hỗ trợ nhà ở 3 tháng một lần", "quarterly", null],
    ["trước ngày 20 của tháng cuối quý", "quarterly", null],
    ["định kỳ 6 tháng báo cáo", "6-monthly", null],
    ["6 tháng, hằng năm", "6-monthly", null],
    ["trước ngày 15/6 và 15/12 hằng năm", "6-monthly", "2025-12-15"],
    ["kế hoạch hoạt động hàng năm", "yearly", null],
    ["phê duyệt chậm nhất vào ngày 15 tháng 10 hàng năm", "yearly", "2026-10-15"],
    ["năm 2013 và kiện toàn thường xuyên hàng năm", "yearly", "2013-12-31", "2013-11-11"],
    ["định kỳ báo cáo Ban Thường vụ Thành ủy kịp thời chỉ đạo", "periodic", null],
    ["thường xuyên theo dõi, đôn đốc, kiểm tra việc thực hiện", "ongoing", null],
    ["kiểm tra thường xuyên và định kỳ", "ongoing", null],
    ["Tháng 12/2013 và thường xuyên", "ongoing", "2013-12-31", "2013-11-11"],
  ])("%s → %s", (text, recurrence, deadline, doc = DOC) => {
    const t = readTiming(text, doc);
    expect(t.recurrence).toBe(recurrence);
    expect(t.deadline).toBe(deadline);
    expect(t.span).not.toBeNull();
  });

  it("does not take 'quy định' or 'Việt Nam' for rhythms", () => {
    expect(readTiming("định kỳ quy định tại Điều 5", DOC).recurrence).toBe("periodic");
    expect(readTiming("Mặt trận Tổ quốc Việt Nam, trong thời hạn 6 tháng kể từ ngày ký", DOC)).toMatchObject({
      recurrence: null,
      deadline: "2026-05-17",
    });
  });
});

describe("readTiming on any string", () => {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  const pieces = fc.constantFrom(
    "ngày",
    "tháng",
    "năm",
    "quý",
    "trước",
    "hằng",
    "định kỳ",
    "kể từ",
    "ngày làm việc",
    " ",
    "/",
    "-",
    ",",
    "**",
    "\n",
    "31",
    "02",
    "15",
    "2025",
    "IV",
    "6",
    "và",
    "trở đi",
    "(",
    ")",
    "thường xuyên",
    "9999",
    "0",
  );
  const textish = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.array(pieces, { maxLength: 30 }).map((a) => a.join(" ")),
  );
  const docDate = fc.oneof(
    fc.constant(null),
    fc.constantFrom("2025-11-17", "2024-02-29", "1999-12-31"),
    fc.string(),
  );

  it("never throws and returns ISO dates or null, a span inside the text", () => {
    fc.assert(
      fc.property(textish, docDate, (text, doc) => {
        const t = readTiming(text, doc as string | null);
        if (t.deadline !== null) expect(t.deadline).toMatch(iso);
        if (t.deadline !== null) expect(Number.isNaN(Date.parse(t.deadline))).toBe(false);
        if (t.span) {
          expect(t.span[0]).toBeGreaterThanOrEqual(0);
          expect(t.span[1]).toBeLessThanOrEqual(text.length);
          expect(t.span[0]).toBeLessThanOrEqual(t.span[1]);
        }
        if (t.deadline_text !== null) expect(text.slice(t.span![0], t.span![1])).toBe(t.deadline_text);
      }),
      { numRuns: 2000 },
    );
  });
});
