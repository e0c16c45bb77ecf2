import { describe, expect, it } from "vitest";
import { normalise, TAB } from "./normalise.js";

const NFD = "Hà Nội".normalize("NFD");

describe("normalise", () => {
  it.each([
    [NFD, "Hà Nội", "NFD → NFC"],
    ["Số: 01\r\nNgày\rKý", "Số: 01\nNgày\nKý", "CRLF and lone CR"],
    ["\ufeffQUYẾT ĐỊNH", "QUYẾT ĐỊNH", "BOM removed"],
    ["Kính\u00a0gửi:\u2003UBND\u202ftỉnh", "Kính gửi: UBND tỉnh", "NBSP, em space, narrow NBSP"],
    ["Quyết\u200b định\u200d số\u2060 12", "Quyết định số 12", "zero-width characters"],
    ["phối\u00ad hợp", "phối hợp", "soft hyphen"],
    ["Số:\t12", `Số:${TAB}12`, "tab → spaces wide enough to mark a column gap"],
    ["dòng 1\u2028dòng 2\fdòng 3", "dòng 1\ndòng 2\ndòng 3", "line separator and form feed"],
    ["a\u0000b\u001fc", "abc", "control codes"],
    ["A\u0000\u0300", "\u00c0", "a mark that meets its letter once a control code is gone"],
    ["\u212b", "\u00c5", "a singleton that composes without marks"],
    ["Điều 1. Phê duyệt", "Điều 1. Phê duyệt", "clean text passes unchanged"],
  ])("%j → %j (%s)", (input, want) => {
    expect(normalise(input).text).toBe(want);
  });

  it("is the identity map for clean text", () => {
    const { text, map } = normalise("Số: 1237/UBND-VX");
    expect(map.size).toBe(0);
    expect(map.toSource(5)).toBe(5);
    expect(text).toBe("Số: 1237/UBND-VX");
  });

  it.each([
    // input, output offset, source offset, reason
    ["a\r\nb", 2, 3, "after a CRLF the source is one further"],
    ["a\r\nb", 1, 1, "the \\n stands for the \\r"],
    ["\ufeffab", 0, 1, "the BOM is skipped"],
    ["x\ty", 3, 1, "inside a widened tab: the tab"],
    ["x\ty", 5, 2, "after the tab"],
    [`${NFD}!`, 6, NFD.length, "after NFD letters composed"],
    [`${NFD}\r\nz`, 7, NFD.length + 2, "NFC and CRLF together"],
    ["A\u0000\u0300z", 1, 3, "after a letter composed across a removed control code"],
  ])("maps %j offset %i back to %i (%s)", (input, out, src) => {
    expect(normalise(input).map.toSource(out)).toBe(src);
  });

  it("maps every character of a mixed input to the character it came from", () => {
    const input = `\ufeffQuye\u0302\u0301t\r\nđi\u0323nh\u00a0số\u200b 12\tNơi`;
    const { text, map } = normalise(input);
    expect(text).toBe(`Quyết\nđịnh số 12${TAB}Nơi`);
    for (const [i, ch] of [...text].entries()) {
      const src = input[map.toSource(i)]!;
      if (/[a-zA-Z0-9]/.test(ch)) expect(src).toBe(ch);
    }
  });

  it("stays linear on a large input (many replacements, long lines)", () => {
    const line = `${"Ủy ban nhân dân\u00a0tỉnh\tQuảng Ninh ".repeat(20000)}\r\n`;
    const big = line.repeat(10); // ~8 MB, 1 MB lines, 400k replacements
    const t0 = performance.now();
    const { text, map } = normalise(big);
    const ms = performance.now() - t0;
    expect(text.includes("\r")).toBe(false);
    expect(map.toSource(text.length - 1)).toBe(big.length - 2); // the last "\n" stands for the last "\r"
    expect(map.toSource(text.indexOf("\n") + 1)).toBe(line.length);
    expect(ms).toBeLessThan(5000);
  });
});
