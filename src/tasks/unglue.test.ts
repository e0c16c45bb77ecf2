/**
 * Syllables a PDF text layer glued ("Đảng uỷchủtrì"): split where a token holds two vowel groups,
 * never in a clean text. Fixtures are lines of the corpus' PDF-extracted commune documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readActors } from "./assignees.js";
import { unglue } from "./unglue.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("unglue", () => {
  it("puts back the spaces a text layer dropped after a marked syllable", () => {
    expect(unglue("4. Giao Văn phòng Đảng uỷchủtrì, phối hợp với các cơ quan, đơn vị")).toBe(
      "4. Giao Văn phòng Đảng uỷ chủ trì, phối hợp với các cơ quan, đơn vị",
    );
    expect(unglue("Đềnghịcác cơ quan, đơn vịkhẩn trương, nghiêm túc triển khai")).toBe(
      "Đề nghị các cơ quan, đơn vị khẩn trương, nghiêm túc triển khai",
    );
    // Two vowels of one letter never stand together: "uỷyêu" is "uỷ" + "yêu"; "qu" opens "quốc".
    expect(unglue("Ban Thường vụĐảng uỷyêu cầu HĐND, UBND xã")).toBe(
      "Ban Thường vụ Đảng uỷ yêu cầu HĐND, UBND xã",
    );
    expect(unglue("thành lập Bộquốc gia giáo dục")).toBe("thành lập Bộ quốc gia giáo dục");
    expect(unglue("Đảng uỷUBND xã chủtrì")).toBe("Đảng uỷ UBND xã chủ trì");
  });

  it("leaves whole syllables, Latin words and clean documents as they are", () => {
    const words = "Nguyễn quyết nghiêng khuyến khích giữ gìn trường xoong Internet email online Đắk Lắk";
    expect(unglue(words)).toBe(words);
    for (const f of ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"]) {
      const text = readFileSync(join(root, "samples", f), "utf8").normalize("NFC");
      expect(unglue(text)).toBe(text);
    }
  });

  it("lets the unit end where its verb starts once unglued", () => {
    expect(readActors(unglue("Uỷban Kiểm tra Đảng uỷchủtrì tham mưu việc kiểm tra")).leads).toEqual([
      "Uỷ ban Kiểm tra Đảng uỷ",
    ]);
  });
});
