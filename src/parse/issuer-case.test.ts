import { describe, expect, it } from "vitest";
import { normalCase } from "./issuer-case.js";

describe("normalCase (NĐ 30/2020 Phụ lục II: viết hoa tên cơ quan, tổ chức)", () => {
  it.each([
    ["BỘ TÀI CHÍNH", "Bộ Tài chính", "type word and field capitalised"],
    [
      "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
      "Bộ Lao động - Thương binh và Xã hội",
      "fields joined by - and và; 'xã' is no place here",
    ],
    [
      "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
      "Bộ Văn hóa, Thể thao và Du lịch",
      "fields joined by a comma; tone placement as printed",
    ],
    [
      "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
      "Ủy ban nhân dân tỉnh Bắc Ninh",
      "place word lower, place name capitalised",
    ],
    [
      "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
      "Ủy ban nhân dân Thành phố Hồ Chí Minh",
      "a city named after a person, in full",
    ],
    ["UBND THỊ TRẤN NGÃI GIAO", "Ủy ban nhân dân thị trấn Ngãi Giao", "abbreviation expanded"],
    ["THÀNH UỶ HÀ NỘI", "Thành ủy Hà Nội", "Party committee and its place"],
    ["BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương", "Party central committee"],
    ["VĂN PHÒNG TRUNG ƯƠNG ĐẢNG", "Văn phòng Trung ương Đảng", "Đảng keeps its capital"],
    [
      "ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH",
      "Ủy ban Mặt trận Tổ quốc Việt Nam xã Lương Minh",
      "front committee of a commune",
    ],
    ["Sở Nội vụ tỉnh Bình Thuận", "Sở Nội vụ tỉnh Bình Thuận", "mixed case is kept as printed"],
  ])("%s → %s (%s)", (input, expected) => {
    expect(normalCase(input)).toBe(expected);
  });
});
