import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { issuerCode, resolveCitedIssuer, resolveIssuer } from "./issuer.js";
import type { NamingContext, Organisation, Resolution } from "./types.js";

const own = (
  name: string,
  date: string | null,
  extra: { parent?: string; place?: string } = {},
): Resolution => resolveIssuer(name, { date, speaker: null, system: null, ...extra });
const org = (r: Resolution): Organisation => {
  expect(r.org, r.warning ?? "no body").not.toBeNull();
  return r.org!;
};
// The seeds' own issuers (../shared/seeds/expected-cascade.md).
const canTho = () => org(own("Thành ủy Cần Thơ", "2023-01-06", { place: "Cần Thơ" }));
const canGio = () => org(own("Ủy ban nhân dân huyện Cần Giờ", "2023-03-08", { place: "Cần Giờ" }));
const said = (speaker: Organisation, date: string): NamingContext => ({ date, speaker, system: null });

describe("a document's own issuer", () => {
  it("resolves the seeds' headers to dated bodies", () => {
    const gio = canGio();
    expect(gio.key).toBe("state/ubnd@huyen-can-gio.ho-chi-minh");
    expect(gio.level).toBe("district");
    expect(gio.validTo).toBe("2025-06-30");
    expect(gio.successors.map((k) => k.split("@")[1]).sort()).toEqual(
      ["xa-an-thoi-dong", "xa-binh-khanh", "xa-can-gio", "xa-thanh-an-27676"].map(
        (x) => `${x}.ho-chi-minh~2025`,
      ),
    );
    expect(org(own("Thành ủy Thành phố Hồ Chí Minh", "2022-12-29")).key).toBe("party/thanh-uy@ho-chi-minh");
    expect(canTho().key).toBe("party/thanh-uy@can-tho");
  });

  it("reads a name at its date: the same name is another body after 1 July 2025", () => {
    const later = org(own("Thành ủy Cần Thơ", "2025-11-01", { place: "Cần Thơ" }));
    expect(later.key).toBe("party/thanh-uy@can-tho~2025");
    expect(later.validFrom).toBe("2025-07-01");
    const xa2026 = org(own("UBND xã Bình Khánh", "2026-01-10"));
    expect(xa2026.key).toBe("state/ubnd@xa-binh-khanh.ho-chi-minh~2025");
    expect(xa2026.place).toEqual({
      province: "Thành phố Hồ Chí Minh",
      district: null,
      commune: "Xã Bình Khánh",
    });
    // In 2023 two xã Bình Khánh existed: the header's place tells which.
    const xa2023 = org(own("Ủy ban nhân dân xã Bình Khánh", "2023-05-01", { place: "huyện Cần Giờ" }));
    expect(xa2023.key).toBe("state/ubnd@xa-binh-khanh.huyen-can-gio.ho-chi-minh");
    const unsure = own("Ủy ban nhân dân xã Bình Khánh", "2023-05-01");
    expect(unsure.org).toBeNull();
    expect(unsure.candidates).toHaveLength(2);
    expect(unsure.warning).toMatch(/2 bodies/);
  });

  it("reads a child under its parent line: 'Văn phòng' of the BCH TW, a Sở of a UBND", () => {
    const vp = org(own("Văn phòng", "2025-12-01", { parent: "Ban Chấp hành Trung ương" }));
    expect(vp.key).toBe("party/van-phong-tw");
    const tgdv = org(own("Ban Tuyên giáo và Dân vận", "2025-12-01", { parent: "Ban Chấp hành Trung ương" }));
    expect(tgdv.key).toBe("party/ban-tuyen-giao-dan-van-tw");
    const so = org(own("Sở Tư pháp", "2021-02-25", { parent: "Ủy ban nhân dân Thành phố Hồ Chí Minh" }));
    expect(so.key).toBe("state/ubnd@ho-chi-minh/so-tu-phap");
    expect(so.parent).toBe("state/ubnd@ho-chi-minh");
    const xa = org(
      own("Đảng ủy xã Công Hải", "2025-09-29", { parent: "Đảng bộ tỉnh Khánh Hòa", place: "Công Hải" }),
    );
    expect(xa.place.province).toBe("Tỉnh Khánh Hòa");
  });

  it("makes a body in no table a review body keyed by name and parent, and never guesses a place", () => {
    const a = org(
      own("Trường Đại học Tây Đô", "2025-07-23", { parent: "Bộ Giáo dục và Đào tạo", place: "Cần Thơ" }),
    );
    expect(a.review).toBe(true);
    expect(a.key).toBe("state/bo-giao-duc-va-dao-tao/truong-dai-hoc-tay-do");
    expect(a.parent).toBe("state/bo-giao-duc-va-dao-tao");
    const relative = own("Ủy ban nhân dân Thành phố", null);
    expect(relative.org).toBeNull();
    expect(relative.warning).not.toBeNull();
    for (const nothing of ["", "   ", "—", "12345", "-/-"]) {
      const r = own(nothing, "2023-01-01");
      expect(r.org).toBeNull();
      expect(r.warning).not.toBeNull();
    }
  });

  it("takes the lead body of a joint document", () => {
    const r = own(
      "Ủy ban Thường vụ Quốc hội - Chính phủ - Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
      "2025-09-26",
    );
    expect(org(r).key).toBe("state/ubtvqh");
    expect(r.warning).toMatch(/joint/);
  });
});

describe("a cited document's issuer", () => {
  it("reads the seeds' citations in the Cần Thơ Thành ủy's letter", () => {
    const ctx = said(canTho(), "2023-01-06");
    const btv = org(resolveCitedIssuer("Ban Thường vụ Thành ủy", "108-KH/TU", ctx));
    expect(btv.name).toBe("Ban Thường vụ Thành ủy Cần Thơ");
    expect(btv.series).toBe("party/thanh-uy@can-tho");
    for (const words of ["Ban Bí thư", "Ban Bí thư khóa XIII"]) {
      const bbt = org(resolveCitedIssuer(words, "12-CT/TW", ctx));
      expect(bbt.key).toBe("party/ban-bi-thu");
      expect(bbt.series).toBe("party/tw");
    }
    const unnamed = resolveCitedIssuer(null, "38-CT/TW", ctx);
    expect(org(unnamed).series).toBe("party/tw");
    expect(unnamed.how).toBe("symbol");
    const dd = org(
      resolveCitedIssuer("Đảng đoàn Liên hiệp các tổ chức hữu nghị Việt Nam", "451-CV/ĐĐLHHN-VP", ctx),
    );
    expect(dd.review).toBe(true);
    expect(dd.level).toBe("central");
    expect(dd.system).toBe("party");
  });

  it("reads the seeds' citations in the Cần Giờ UBND's letter: 'Thành phố' is TP HCM", () => {
    const ctx = said(canGio(), "2023-03-08");
    const btv = org(resolveCitedIssuer("Ban Thường vụ Thành ủy", "14-TT/TU", ctx));
    expect(btv.key).toBe("party/thanh-uy@ho-chi-minh/ban-thuong-vu");
    expect(btv.series).toBe("party/thanh-uy@ho-chi-minh");
    const ubnd = org(resolveCitedIssuer("Ủy ban nhân dân Thành phố", "603/UBND-TH", ctx));
    expect(ubnd.key).toBe("state/ubnd@ho-chi-minh");
    expect(ubnd.short).toBe("UBND TP. Hồ Chí Minh");
    expect(org(resolveCitedIssuer("UBND tỉnh", "15/UBND", ctx)).key).toBe("state/ubnd@ho-chi-minh");
    expect(org(resolveCitedIssuer("Huyện ủy", "20-CV/HU", ctx)).key).toBe(
      "party/huyen-uy@huyen-can-gio.ho-chi-minh",
    );
  });

  it("reads national codes without words, at the date of the citing document", () => {
    const ctx = said(canTho(), "2023-01-06");
    const by = (symbol: string) => org(resolveCitedIssuer(null, symbol, ctx)).key;
    expect(by("30/2020/NĐ-CP")).toBe("state/chinh-phu");
    expect(by("06/QĐ-TTg")).toBe("state/thu-tuong");
    expect(by("15/CT-TTg")).toBe("state/thu-tuong");
    expect(by("64/2025/QH15")).toBe("state/quoc-hoi");
    expect(by("1654/NQ-UBTVQH15")).toBe("state/ubtvqh");
    expect(by("01/2011/TT-BNV")).toBe("state/bo-noi-vu");
    expect(by("12/2023/TT-BKHĐT")).toBe("state/bo-ke-hoach-va-dau-tu");
    expect(by("36-HD/VPTW")).toBe("party/van-phong-tw");
    expect(issuerCode("451-CV/ĐĐLHHN-VP")).toBe("ĐĐLHHN");
  });

  it("reads local codes where the citing document sits, and lists candidates when that cannot tell", () => {
    const tho = said(canTho(), "2023-01-06");
    expect(org(resolveCitedIssuer(null, "108-KH/TU", tho)).key).toBe("party/thanh-uy@can-tho");
    // "/TU is the Tỉnh ủy of the citing document's province unless the text says another".
    expect(org(resolveCitedIssuer("Thành ủy Hà Nội", "5-KH/TU", tho)).key).toBe("party/thanh-uy@ha-noi");
    const hu = resolveCitedIssuer(null, "12-KH/HU", tho);
    expect(hu.org).toBeNull();
    expect(hu.candidates).toHaveLength(9);
    expect(hu.warning).toMatch(/confirm/);
    const gio = said(canGio(), "2023-03-08");
    expect(org(resolveCitedIssuer(null, "12-KH/HU", gio)).key).toBe(
      "party/huyen-uy@huyen-can-gio.ho-chi-minh",
    );
    const nowhere = resolveCitedIssuer(null, "12-KH/TU", { date: "2023-01-01", speaker: null, system: null });
    expect(nowhere.org).toBeNull();
    expect(nowhere.warning).not.toBeNull();
  });

  it("never throws and never answers without saying why", () => {
    const ctx = said(canGio(), "2023-03-08");
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 120 })), fc.string({ maxLength: 40 }), (words, symbol) => {
        const r = resolveCitedIssuer(words, symbol, ctx);
        expect(r.org !== null || r.warning !== null).toBe(true);
        const o = resolveIssuer(symbol, {
          date: null,
          speaker: null,
          system: null,
          parent: words,
          place: words,
        });
        expect(o.org !== null || o.warning !== null).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe("keys do not depend on the order names are met", () => {
  const names: Array<[string, string | null, string | null]> = [
    ["Liên hiệp các tổ chức hữu nghị Việt Nam", "2023-01-06", null],
    ["Thành ủy Cần Thơ", "2023-01-06", "Cần Thơ"],
    ["Cục Hải quan", "2025-12-02", "Bộ Tài chính"],
    ["Ủy ban nhân dân xã Bình Khánh", "2026-01-10", null],
    ["Ban Thường vụ Thành ủy Cần Thơ", "2022-05-20", null],
  ];
  const keys = async (order: typeof names) => {
    vi.resetModules();
    const fresh = await import("./issuer.js");
    const out = new Map<string, string | undefined>();
    for (const [name, date, parent] of order)
      out.set(name, fresh.resolveIssuer(name, { date, speaker: null, system: null, parent }).org?.key);
    return out;
  };
  it("gives each name the same key forwards and backwards", async () => {
    const forwards = await keys(names);
    const backwards = await keys([...names].reverse());
    expect([...forwards.keys()].sort()).toEqual([...backwards.keys()].sort());
    for (const [name, key] of forwards) {
      expect(key, name).toBeDefined();
      expect(backwards.get(name), name).toBe(key);
    }
  });
});

const gold = new URL("../../../shared/corpus/gold.jsonl", import.meta.url);

describe.skipIf(!existsSync(gold))("the corpus's issuers (../shared/corpus/gold.jsonl)", () => {
  it("resolves most headers to a table body", () => {
    const rows = readFileSync(gold, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map(
        (l) =>
          JSON.parse(l) as {
            id: string;
            issuer: string | null;
            parent_issuer: string | null;
            place: string | null;
            date: string | null;
            system: "party" | "state" | null;
          },
      );
    let table = 0;
    for (const r of rows) {
      const res = resolveIssuer(r.issuer ?? "", {
        date: r.date,
        speaker: null,
        system: r.system,
        parent: r.parent_issuer,
        place: r.place,
      });
      if (res.org && !res.org.review) table++;
      if (!res.org) expect(res.warning, r.id).not.toBeNull();
    }
    const share = table / rows.length;
    console.log(
      `corpus issuers: ${table} of ${rows.length} resolved to a table body (${(share * 100).toFixed(1)} %)`,
    );
    expect(share).toBeGreaterThanOrEqual(0.85);
  });
});
if (!existsSync(gold)) console.warn("../shared/corpus/gold.jsonl is absent: the corpus test is skipped");
