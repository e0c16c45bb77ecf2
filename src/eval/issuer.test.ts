import { describe, expect, it } from "vitest";
import { issuerEqual, placePart } from "./issuer.js";

describe("issuerEqual: the body alone or qualified by its parent (corpus README)", () => {
  const rows: [string, string, string | null, boolean, string][] = [
    ["Sở Nội vụ", "Sở Nội vụ", "Ủy ban nhân dân tỉnh Bình Thuận", true, "the body alone"],
    [
      "Sở Nội vụ tỉnh Bình Thuận",
      "Sở Nội vụ",
      "Ủy ban nhân dân tỉnh Bình Thuận",
      true,
      "qualified by the parent's place part",
    ],
    [
      "Sở Nội vụ Ủy ban nhân dân tỉnh Bình Thuận",
      "Sở Nội vụ",
      "Ủy ban nhân dân tỉnh Bình Thuận",
      true,
      "qualified by the whole parent",
    ],
    [
      "Ban Tuyên giáo Tỉnh ủy Bình Định",
      "Ban Tuyên giáo",
      "Tỉnh ủy Bình Định",
      true,
      "Party body qualified by its committee",
    ],
    [
      "Ban Tổ chức",
      "Ban Tổ chức Thành ủy Hà Nội",
      "Thành ủy Hà Nội",
      true,
      "the reverse: gold qualified, ours alone",
    ],
    [
      "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh",
      "Sở Giáo dục và Đào tạo",
      "Ủy ban nhân dân Thành phố Hồ Chí Minh",
      true,
      "thành phố as the level",
    ],
    ["SỞ NỘI VỤ", "Sở Nội vụ", null, true, "case ignored"],
    [
      "Ủy ban nhân dân tỉnh Khánh Hoà",
      "Ủy ban nhân dân tỉnh Khánh Hòa",
      null,
      true,
      "tone placement ignored",
    ],
    ["Sở Nội vụ tỉnh Bình Định", "Sở Nội vụ", "Ủy ban nhân dân tỉnh Bình Thuận", false, "another place"],
    ["Sở Tư pháp", "Sở Nội vụ", "Ủy ban nhân dân tỉnh Bình Thuận", false, "another body"],
    ["Sở Nội vụ tỉnh Bình Thuận", "Sở Nội vụ", null, false, "no parent: no qualified form"],
    [
      "Ủy ban nhân dân tỉnh Bình Thuận",
      "Sở Nội vụ",
      "Ủy ban nhân dân tỉnh Bình Thuận",
      false,
      "the parent is not the issuer",
    ],
  ];
  it.each(rows)("%s ~ %s under %s → %s (%s)", (ours, gold, parent, want) => {
    expect(issuerEqual(ours, gold, parent)).toBe(want);
  });
});

describe("placePart", () => {
  const rows: [string, string | null, string][] = [
    ["Ủy ban nhân dân tỉnh Bình Thuận", "tỉnh bình thuận", "from the level word on"],
    ["Đảng bộ tỉnh Khánh Hòa", "tỉnh khánh hoà", "Party committee of a province"],
    ["UBND thành phố Hà Nội", "thành phố hà nội", "two-word level"],
    ["Bộ Tài chính", null, "a ministry has no place"],
    ["Tỉnh ủy Bình Định", null, "'tỉnh' inside 'Tỉnh ủy' at the start is no place part"],
    ["Cục Thuế", null, "no level word"],
  ];
  it.each(rows)("%s → %s (%s)", (body, want) => {
    expect(placePart(body)).toBe(want);
  });
});
