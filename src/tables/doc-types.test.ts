import { describe, expect, it } from "vitest";
import { docTypeByName, docTypes, docTypesByAbbr } from "./doc-types.js";

describe("document types table", () => {
  it("holds the 29 types of NĐ 30/2020 Điều 7 and the Party's own", () => {
    for (const name of ["Công văn", "Quyết định", "Thư công", "Thông tri", "Kết luận", "Nghị định"]) {
      expect(docTypeByName(name)?.name).toBe(name);
    }
    expect(docTypes.length).toBeGreaterThan(35);
  });
  it("reads a type line in capitals", () => {
    expect(docTypeByName("QUYẾT  ĐỊNH")?.name).toBe("Quyết định");
    expect(docTypeByName("NGHỊ QUYẾT")?.name).toBe("Nghị quyết");
  });
  it("knows that QĐ stands for both Quyết định and Quy định (domain.md §3.2)", () => {
    const names = docTypesByAbbr("QĐ").map((t) => t.name);
    expect(names).toContain("Quyết định");
    expect(names).toContain("Quy định");
  });
});
