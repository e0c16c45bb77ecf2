import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasNumber, identityKey, identityYear, parseIdentityKey, symbolKey, symbolYear } from "./identity.js";

describe("document identity: series + symbol + year", () => {
  it.each([
    ["677-CV/TU", "677-CV/TU"],
    ["677 - CV/TU", "677-CV/TU"],
    ["677–cv/tu", "677-CV/TU"],
    ["04-CT/TW", "4-CT/TW"],
    ["30/2020/NĐ-CP", "30/2020/NĐ-CP"],
  ])("symbolKey(%j) = %j", (printed, key) => {
    expect(symbolKey(printed)).toBe(key);
  });

  it("takes the year from the symbol first, then the date, else unknown", () => {
    expect(symbolYear("30/2020/NĐ-CP")).toBe("2020");
    expect(symbolYear("64/2025/QH15")).toBe("2025");
    expect(symbolYear("12-CT/TW")).toBeNull();
    expect(identityYear("30/2020/NĐ-CP", "2021-03-01")).toBe("2020");
    expect(identityYear("12-CT/TW", "2022-01-05")).toBe("2022");
    expect(identityYear("12-CT/TW", null)).toBe("?");
  });

  it("tells a numbered symbol from an e-signed copy's blank one", () => {
    expect(hasNumber("254-BC/ĐU")).toBe(true);
    expect(hasNumber("-CV/ĐU")).toBe(false);
  });

  it("keeps the same symbol of two provinces apart", () => {
    const canTho = identityKey("party/thanh-uy@can-tho", "108-KH/TU", "2022");
    const hue = identityKey("party/thanh-uy@hue", "108-KH/TU", "2022");
    expect(canTho).not.toBe(hue);
    expect(identityKey("party/thanh-uy@can-tho", "108 - KH/TU", "2022")).toBe(canTho);
  });

  it("parses back what it builds, whatever the series holds", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.stringMatching(/^\d{1,4}-[A-Z]{2}\/[A-Z]{2}$/),
        fc.constantFrom("2022", "?"),
        (series, symbol, year) => {
          const parts = parseIdentityKey(identityKey(series, symbol, year));
          expect(parts).toEqual({ series, symbol: symbolKey(symbol), year });
        },
      ),
    );
  });
});
