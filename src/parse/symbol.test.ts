import { describe, expect, it } from "vitest";
import { findSymbols, parseSymbol, stripNumberLabel } from "./symbol.js";

type Row = [string, string | null, string, string | null, string, number | null, string, string];

describe("parseSymbol", () => {
  it.each<Row>([
    [
      "Số: 1237 /UBND",
      "1237",
      "1237/UBND",
      null,
      "UBND",
      null,
      "state",
      "State công văn, stray space before '/'",
    ],
    [
      "603/UBND-TH",
      "603",
      "603/UBND-TH",
      null,
      "UBND-TH",
      null,
      "state",
      "công văn: issuer + unit, no type code",
    ],
    ["Số: 123/QĐ-UBND", "123", "123/QĐ-UBND", "QĐ", "UBND", null, "state", "State admin decision"],
    [
      "Số: 0125/KH-UBND",
      "0125",
      "0125/KH-UBND",
      "KH",
      "UBND",
      null,
      "state",
      "zero-padded number kept as printed",
    ],
    ["30/2020/NĐ-CP", "30", "30/2020/NĐ-CP", "NĐ", "CP", 2020, "state", "normative decree with year"],
    ["64/2025/QH15", "64", "64/2025/QH15", null, "QH15", 2025, "state", "law: no type code"],
    [
      "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
      "102",
      "102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN",
      "NQLT",
      "UBTVQH15-CP-ĐCTUBTWMTTQVN",
      2025,
      "state",
      "joint resolution, three issuers",
    ],
    ["Số 677-CV/TU", "677", "677-CV/TU", "CV", "TU", null, "party", "Party công văn, no colon"],
    [
      "451-CV/ĐĐLHHN-VP",
      "451",
      "451-CV/ĐĐLHHN-VP",
      "CV",
      "ĐĐLHHN-VP",
      null,
      "party",
      "Đảng đoàn compounded with a unit",
    ],
    ["264a-CV/ĐU", "264a", "264a-CV/ĐU", "CV", "ĐU", null, "party", "number with a letter suffix"],
    ["08-QĐi/TW", "08", "08-QĐi/TW", "QĐi", "TW", null, "party", "QĐi = Quy định (HD 36)"],
    ["Số -CV/ĐU", null, "-CV/ĐU", "CV", "ĐU", null, "party", "e-signed copy, number left blank"],
    ["Số: /TB-UBND", null, "/TB-UBND", "TB", "UBND", null, "state", "draft, number left blank"],
    ["Số - QĐ/ĐU", null, "-QĐ/ĐU", "QĐ", "ĐU", null, "party", "blank number, space before the hyphen"],
    ["Số 1534 - CV/BTCTW", "1534", "1534-CV/BTCTW", "CV", "BTCTW", null, "party", "OCR spaces around '-'"],
    ["Số 46 – CT/TW", "46", "46-CT/TW", "CT", "TW", null, "party", "en dash for the hyphen"],
    ["S6: 12/UBND-VX", "12", "12/UBND-VX", null, "UBND-VX", null, "state", "OCR 'S6:' label"],
    ["Số: 3210/QĐ - U B ND", "3210", "3210/QĐ-UBND", "QĐ", "UBND", null, "state", "letter-spaced OCR"],
    [
      "Số: 9476 /BNNMT-CNTY",
      "9476",
      "9476/BNNMT-CNTY",
      null,
      "BNNMT-CNTY",
      null,
      "state",
      "space before slash",
    ],
    ["919-CV/VPTW/nb", "919", "919-CV/VPTW/nb", "CV", "VPTW", null, "party", "'nb' (nội bộ) suffix"],
    ["66.2/2025/NQ-CP", "66.2", "66.2/2025/NQ-CP", "NQ", "CP", 2025, "state", "dotted number"],
    ["137/2020/NĐ-СР", "137", "137/2020/NĐ-CP", "NĐ", "CP", 2020, "state", "Cyrillic С and Р read as Latin"],
  ])("%s → %s %s (%s…)", (raw, number, symbol, typeAbbr, issuerAbbr, year, system) => {
    expect(parseSymbol(raw)).toEqual({ number, symbol, typeAbbr, issuerAbbr, year, system });
  });

  it.each([
    ["ngày 05/01/2022", "a date"],
    ["Hà Nội, ngày 19 tháng 11", "a place-date line"],
    ["1/Sau đó", "a fraction before prose"],
    ["", "nothing"],
  ])("%s is no symbol (%s)", (raw) => {
    expect(parseSymbol(raw)).toBeNull();
  });
});

describe("stripNumberLabel", () => {
  it.each([
    ["Số: 15/QĐ-BNV", "15/QĐ-BNV", "State label with colon"],
    ["Số 677-CV/TU", "677-CV/TU", "Party label without colon"],
    ["S6: 1012/KH", "1012/KH", "OCR '6' for 'ố'"],
    ["Sô 12/UBND", "12/UBND", "OCR lost the tone"],
    ["603/UBND-TH", "603/UBND-TH", "no label"],
  ])("%s → %s (%s)", (line, expected) => {
    expect(stripNumberLabel(line)).toBe(expected);
  });
});

describe("findSymbols", () => {
  it.each([
    ["Nghị định số 105/NĐ-\nCP, ngày 04/12/2021", ["105/NĐ-CP"], "symbol broken at a line end"],
    ["Tờtrình số 50-\nTTr/BXDĐ", ["50-TTr/BXDĐ"], "Party symbol broken at a line end"],
    ["Chỉ thịsố46-CT/TW", ["46-CT/TW"], "glued to 'số'"],
    ["Thông tư số 74/2013/TT- BTC ngày", ["74/2013/TT-BTC"], "space after an inner hyphen"],
    ["Văn bản số 9151- CV/BTCTW", ["9151-CV/BTCTW"], "space after the number's hyphen"],
    ["ngày 05/01/2022, COVID-19, 1.1/Đất ở, giai đoạn 2021-2025", [], "dates, names, form samples"],
    ["các Quyết định số 1629/QĐ-TTg, 790/QĐ-TTg", ["1629/QĐ-TTg", "790/QĐ-TTg"], "a list"],
  ])("%s → %j (%s)", (text, expected) => {
    expect(findSymbols(text).map((f) => f.symbol)).toEqual(expected);
  });

  it("gives offsets into the searched text", () => {
    const text = "Căn cứ Công văn số 603/UBND-TH ngày 23";
    const [f] = findSymbols(text);
    expect(text.slice(f?.index, f?.end)).toBe("603/UBND-TH");
  });
});
