import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode, sniffUtf16 } from "./decode.js";
import { toLegacy } from "./legacy.js";

const TEXT = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH\nSố: 1237/UBND-VX\nHạ Long, ngày 06 tháng 01 năm 2023";
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));
const bytes = (...parts: Array<number[] | Buffer>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (Array.isArray(p) ? Buffer.from(p) : p))));

describe("decode", () => {
  it.each([
    [utf8(TEXT), "utf-8", "UTF-8 without BOM"],
    [bytes([0xef, 0xbb, 0xbf], Buffer.from(TEXT, "utf8")), "utf-8", "UTF-8 with BOM (BOM dropped)"],
    [bytes([0xff, 0xfe], iconv.encode(TEXT, "utf-16le")), "utf-16le", "UTF-16 LE with BOM"],
    [bytes([0xfe, 0xff], iconv.encode(TEXT, "utf-16be")), "utf-16be", "UTF-16 BE with BOM"],
    [new Uint8Array(iconv.encode(TEXT, "utf-16le")), "utf-16le", "UTF-16 LE sniffed from zero bytes"],
    [new Uint8Array(iconv.encode(TEXT, "utf-16be")), "utf-16be", "UTF-16 BE sniffed from zero bytes"],
  ])("reads %#: %s (%s)", (input, encoding) => {
    const out = decode(input);
    expect(out.encoding).toBe(encoding);
    expect(out.text).toBe(TEXT);
  });

  it("falls back to Windows-1258 (base letters + combining tones) for invalid UTF-8, with a warning", () => {
    // "Hà Nội" in CP1258: à = 0xE0; ộ = ô (0xF4) + dot below (0xF2).
    const out = decode(new Uint8Array([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69]));
    expect(out.encoding).toBe("windows-1258");
    expect(out.text.normalize("NFC")).toBe("Hà Nội");
    expect(out.warnings).toEqual(["invalid UTF-8: decoded as Windows-1258"]);
  });

  it.each([
    ["tcvn3", "decoded from TCVN3"],
    ["vni", "decoded from VNI"],
  ] as const)("reads 8-bit %s bytes and warns", (encoding, warning) => {
    const raw = Buffer.from(toLegacy(TEXT, encoding), "latin1");
    const out = decode(new Uint8Array(raw));
    expect(out.encoding).toBe(encoding);
    expect(out.text).toBe(TEXT);
    expect(out.warnings).toEqual([warning]);
  });

  it.each(["tcvn3", "vni"] as const)("repairs %s text already saved as UTF-8", (encoding) => {
    const out = decode(utf8(toLegacy(TEXT, encoding)));
    expect(out.encoding).toBe(encoding);
    expect(out.text).toBe(TEXT);
  });

  it("prefers valid UTF-8 over a declared charset, and uses the declared one otherwise", () => {
    expect(decode(utf8("Lê Văn"), { declared: "windows-1252" }).text).toBe("Lê Văn");
    expect(decode(new Uint8Array([0x4c, 0xea]), { declared: "windows-1252" })).toMatchObject({
      text: "Lê",
      encoding: "windows-1252",
    });
  });
});

describe("sniffUtf16", () => {
  it.each<[Uint8Array, string | null, string]>([
    [new Uint8Array(iconv.encode("Quyết định số 12", "utf-16le")), "utf-16le", "ASCII-heavy LE"],
    [new Uint8Array(iconv.encode("Quyết định số 12", "utf-16be")), "utf-16be", "ASCII-heavy BE"],
    [utf8("Quyết định số 12"), null, "UTF-8 has no zero bytes"],
    [new Uint8Array([1, 2]), null, "too short to tell"],
  ])("%#: %s (%s)", (input, want) => {
    expect(sniffUtf16(input)).toBe(want);
  });
});
