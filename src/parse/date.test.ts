import { describe, expect, it } from "vitest";
import { findDate, findDates, isoDate } from "./date.js";

describe("findDate", () => {
  it.each([
    ["Cần Thơ, ngày 06 tháng 01 năm 2023", "2023-01-06", "Party place-date line"],
    ["Cần Giờ, ngày 08 tháng 3 năm 2023", "2023-03-08", "State place-date line, month unpadded"],
    ["Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư", "2022-01-05", "citation, slashes"],
    ["Quyết định số 596-QĐ/TU, ngày 17-6-2022", "2022-06-17", "Party citation, hyphens"],
    ["Kế hoạch số 108-KH/TU ngày 20/5/2022", "2022-05-20", "day and month unpadded"],
    ["Hà Nội, ngày  19  tháng 11  năm 2025", "2025-11-19", "extra spaces"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(findDate(input)?.iso).toBe(expected);
  });
  it("refuses impossible dates", () => {
    expect(findDate("ngày 31 tháng 02 năm 2023")).toBeNull();
    expect(isoDate(29, 2, 2024)).toBe("2024-02-29");
    expect(isoDate(29, 2, 2023)).toBeNull();
  });
  it("does not take a number-symbol for a date", () => {
    expect(findDate("Số: 30/2020/NĐ-CP")).toBeNull();
  });
  it("finds every date in order", () => {
    expect(findDates("ngày 05/01/2022 và ngày 19 tháng 9 năm 2019").map((d) => d.iso)).toEqual([
      "2022-01-05",
      "2019-09-19",
    ]);
  });
});
