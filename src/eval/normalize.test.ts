import { describe, expect, it } from "vitest";
import {
  canonTone,
  itemSet,
  normAuthority,
  normCaseless,
  normItem,
  normSubject,
  normSymbol,
} from "./normalize.js";

describe("canonTone: old and new tone placement alike (record.md)", () => {
  const rows: [string, string, string][] = [
    ["Thủy", "Thuỷ", "uy: tone on u (old) or y (new)"],
    ["hòa", "hoà", "oa: tone on o or a"],
    ["Khánh Hòa", "Khánh Hoà", "oa inside a place name"],
    ["khỏe", "khoẻ", "oe"],
    ["lòe", "loè", "oe with grave"],
    ["tóa", "toá", "oa with acute"],
    ["quý", "qúy", "uy after q"],
    ["ỦY BAN", "UỶ BAN", "upper case uy"],
    ["HÒA", "HOÀ", "upper case oa"],
    ["Ủy", "Uỷ", "capital U, small y"],
    ["thụy", "thuỵ", "dot below moves too"],
    ["tuỳ", "tùy", "uỳ/ùy"],
  ];
  it.each(rows)("%s = %s (%s)", (a, b) => {
    expect(canonTone(a)).toBe(canonTone(b));
  });
  const distinct: [string, string, string][] = [
    ["hoa", "hòa", "a tone is not dropped, only moved"],
    ["của", "cuả", "ua is not one of the pairs: stays as written"],
    ["hoàn", "hoàng", "other letters still count"],
    ["Đ", "D", "đ is a letter, not a mark"],
  ];
  it.each(distinct)("%s ≠ %s (%s)", (a, b) => {
    expect(canonTone(a)).not.toBe(canonTone(b));
  });
  it("returns NFC from NFD input", () => {
    expect(canonTone("Hoà".normalize("NFD"))).toBe("Hoà".normalize("NFC"));
  });
});

describe("field normalisations", () => {
  const rows: [(s: string) => string, string, string, string][] = [
    [
      normCaseless,
      "  Thành   ủy\nCần Thơ ",
      "thành uỷ cần thơ",
      "whitespace collapsed, trimmed, lower case, tone on y",
    ],
    [normSubject, "V/v tăng cường công tác", "tăng cường công tác", "V/v dropped"],
    [normSubject, "v/v: tăng cường", "tăng cường", "v/v with a colon dropped"],
    [normSubject, "Về việc tăng cường", "tăng cường", "Về việc dropped"],
    [normSubject, "VỀ VIỆC TĂNG CƯỜNG", "tăng cường", "Về việc in capitals dropped"],
    [normSubject, "Về tiếp tục lãnh đạo", "tiếp tục lãnh đạo", "Về dropped"],
    [normSubject, "Vềnh", "vềnh", "Về only as a whole word"],
    [normSubject, "Triển khai Chỉ thị", "triển khai chỉ thị", "no marker: only case folded"],
    [normSymbol, "677 - CV/TU", "677-CV/TU", "spaces removed, case kept"],
    [normSymbol, "12/NĐ-CP", "12/NĐ-CP", "Đ kept"],
    [normAuthority, "T/M BAN THƯỜNG VỤ", "tm ban thường vụ", "slash ignored"],
    [normAuthority, "KT. CHỦ TỊCH", "kt chủ tịch", "dot ignored"],
    [normAuthority, "KT.CHỦ TỊCH", "kt chủ tịch", "dot glued to the next word"],
    [normItem, "- Như trên;", "như trên", "leading dash, trailing semicolon"],
    [normItem, "+ Lưu: VT, Thg.", "lưu: vt, thg", "leading plus, trailing dot"],
    [normItem, "• Các sở, ngành,", "các sở, ngành", "bullet and trailing comma; inner comma kept"],
  ];
  it.each(rows.map(([fn, i, w, r]) => [fn.name, i, w, r, fn] as const))(
    "%s: %s → %s (%s)",
    (_name, input, want, _reason, fn) => {
      expect(fn(input)).toBe(want);
    },
  );
  it("keeps Đ and D apart in symbols", () => {
    expect(normSymbol("12/NĐ-CP")).not.toBe(normSymbol("12/ND-CP"));
  });
  it("makes a set of items, dropping empty ones and duplicates", () => {
    expect([...itemSet(["- Như trên;", "như trên", " ; "])]).toEqual(["như trên"]);
  });
});
