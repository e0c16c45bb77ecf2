import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bodiesTable } from "./bodies-table.js";
import {
  bodiesAt,
  bodiesBelow,
  centralBodies,
  localBody,
  localKey,
  organisationByKey,
  partsOf,
  registerOrganisation,
  reviewBody,
  successorBodies,
} from "./organisations.js";
import { allProvinces, unitById, unitsBelow } from "./places.js";

describe("the registry of issuing bodies", () => {
  it("gives every table body back by its key, central Party bodies in the one /TW series", () => {
    const all = centralBodies();
    expect(all).toHaveLength(bodiesTable.central.bodies.length);
    for (const org of all) {
      expect(organisationByKey(org.key)).toBe(org);
      expect(org.level).toBe("central");
      expect(org.review).toBe(false);
      if (org.system === "party") expect(org.series).toBe("party/tw");
      else expect(org.series).toBe(org.key);
      for (const s of org.successors) expect(organisationByKey(s), s).toBeDefined();
      if (org.parent) expect(organisationByKey(org.parent), org.parent).toBeDefined();
    }
    expect(organisationByKey("party/ban-bi-thu")?.short).toBe("Ban Bí thư");
  });

  it("names who took over a body of the past, and nobody for a living one", () => {
    const next = successorBodies("state/ubnd@huyen-can-gio.ho-chi-minh");
    expect(next.map((o) => o.short).sort()).toEqual(
      ["UBND xã An Thới Đông", "UBND xã Bình Khánh", "UBND xã Cần Giờ", "UBND xã Thạnh An"].sort(),
    );
    expect(next.every((o) => o.level === "commune" && o.validTo === null)).toBe(true);
    expect(successorBodies(next[0]!.key)).toEqual([]);
    // Same name, wider scope after 1 July 2025: no pointer needed.
    expect(organisationByKey("state/ubnd@ho-chi-minh")?.successors.length).toBeGreaterThan(0);
    expect(successorBodies("state/ubnd@ho-chi-minh")).toEqual([]);
    expect(successorBodies(null)).toEqual([]);
    expect(successorBodies("no/such@key")).toEqual([]);
  });

  it("recomputes a local body from its key alone, with the short names of expected-cascade.md", () => {
    const ubnd = organisationByKey("state/ubnd@huyen-can-gio.ho-chi-minh")!;
    expect(ubnd.name).toBe("Ủy ban nhân dân huyện Cần Giờ");
    expect(ubnd.short).toBe("UBND huyện Cần Giờ");
    expect(ubnd.level).toBe("district");
    expect(ubnd.validTo).toBe("2025-06-30");
    expect(ubnd.parent).toBe("state/ubnd@ho-chi-minh");
    expect(ubnd.place).toEqual({
      province: "Thành phố Hồ Chí Minh",
      district: "Huyện Cần Giờ",
      commune: null,
    });
    expect(ubnd.successors).toHaveLength(4);
    for (const s of ubnd.successors)
      expect(organisationByKey(s)?.place.province).toBe("Thành phố Hồ Chí Minh");
    expect(organisationByKey("party/thanh-uy@ho-chi-minh")?.short).toBe("Thành ủy TP. Hồ Chí Minh");
    expect(organisationByKey("party/thanh-uy@ho-chi-minh")?.name).toBe("Thành ủy Thành phố Hồ Chí Minh");
    expect(organisationByKey("state/ubnd@ho-chi-minh")?.short).toBe("UBND TP. Hồ Chí Minh");
    expect(organisationByKey("party/thanh-uy@can-tho")?.short).toBe("Thành ủy Cần Thơ");
  });

  it("keeps the same name apart by scope: Thành ủy Cần Thơ before and after 1 July 2025", () => {
    const before = organisationByKey("party/thanh-uy@can-tho")!;
    const after = organisationByKey("party/thanh-uy@can-tho~2025")!;
    expect(before.name).toBe(after.name);
    expect(before.validTo).toBe("2025-06-30");
    expect(after.validFrom).toBe("2025-07-01");
    expect(before.successors).toEqual([after.key]);
    // Hậu Giang's and Sóc Trăng's committees went into the same one (domain.md §4 rule 2).
    expect(organisationByKey("party/tinh-uy@hau-giang")?.successors).toEqual([after.key]);
    expect(organisationByKey("party/tinh-uy@soc-trang")?.successors).toEqual([after.key]);
    // Hà Nội's area did not change: one body throughout.
    const hanoi = organisationByKey("party/thanh-uy@ha-noi")!;
    expect([hanoi.validFrom, hanoi.validTo, hanoi.successors]).toEqual([null, null, []]);
  });

  it("makes parts of a body: a Ban Thường vụ numbers in its committee's series, a board in its own", () => {
    const btv = organisationByKey("party/thanh-uy@can-tho/ban-thuong-vu")!;
    expect(btv.name).toBe("Ban Thường vụ Thành ủy Cần Thơ");
    expect(btv.series).toBe("party/thanh-uy@can-tho");
    expect(btv.parent).toBe("party/thanh-uy@can-tho");
    const board = organisationByKey("party/thanh-uy@can-tho/ban-to-chuc")!;
    expect(board.series).toBe(board.key);
    // Ban Tuyên giáo ended before the 2025 units began (domain.md §4 rule 3): no such body.
    expect(organisationByKey("party/thanh-uy@can-tho~2025/ban-tuyen-giao")).toBeUndefined();
    expect(organisationByKey("party/thanh-uy@can-tho/ban-tuyen-giao")?.successors).toEqual([
      "party/thanh-uy@can-tho/ban-tuyen-giao-dan-van",
    ]);
    const boards = (date: string) =>
      partsOf(organisationByKey("party/thanh-uy@can-tho")!, date, (p) => !!p.board);
    expect(boards("2023-01-06").map((b) => b.short)).toContain("Ban Tuyên giáo Thành ủy Cần Thơ");
    expect(boards("2025-04-01").map((b) => b.short)).not.toContain("Ban Tuyên giáo Thành ủy Cần Thơ");
  });

  it("names the committee by the unit's type: Thành ủy of a city, Quận ủy, Đảng ủy xã", () => {
    const canTho = unitById("can-tho")!;
    const committees = bodiesBelow("cap-uy", canTho, "2023-01-06", ["Quận", "Huyện"]);
    expect(committees).toHaveLength(9);
    expect(committees.map((c) => c.name)).toContain("Quận ủy Ninh Kiều");
    expect(committees.map((c) => c.name)).toContain("Huyện ủy Phong Điền");
    const xa = unitsBelow(unitById("huyen-can-gio.ho-chi-minh")!, "2023-01-01", ["Xã"])[0]!;
    expect(localBody("cap-uy", xa)?.name).toMatch(/^Đảng ủy xã /);
    expect(localBody("ldld", xa)).toBeUndefined(); // a xã has no Liên đoàn Lao động
  });

  it("lists a kind's bodies under a place at a date", () => {
    const canTho = { province: "Thành phố Cần Thơ", district: null, commune: null };
    const before = bodiesAt("cap-uy", canTho, "2023-01-06");
    expect(before).toHaveLength(9);
    const after = bodiesAt("cap-uy", canTho, "2026-01-06");
    expect(after.length).toBeGreaterThan(9);
    for (const o of after)
      expect([o.level, o.place.province, o.validFrom]).toEqual([
        "commune",
        "Thành phố Cần Thơ",
        "2025-07-01",
      ]);
    const canGio = { province: "Thành phố Hồ Chí Minh", district: "Huyện Cần Giờ", commune: null };
    expect(bodiesAt("ubnd", canGio, "2023-03-08")).toHaveLength(7);
    expect(bodiesAt("ubnd", canGio, "2026-01-01")).toEqual([]);
  });

  it("derives every generated key from the unit, and reads it back the same", () => {
    const kinds = bodiesTable.local.kinds;
    for (const p of allProvinces())
      for (const k of kinds) {
        const org = localBody(k.kind, p)!;
        expect(org.key).toBe(localKey(k, p));
        expect(organisationByKey(org.key)).toBe(org);
      }
  });

  it("keeps review bodies by name, parent and place, and answers undefined for unknown keys", () => {
    const parent = organisationByKey("state/bo-tai-chinh")!;
    const a = reviewBody({
      name: "Cục Hải quan",
      system: "state",
      level: "central",
      parent,
      unit: null,
      head: "cuc hai quan",
    });
    expect(a.key).toBe("state/bo-tai-chinh/cuc-hai-quan");
    expect(a.review).toBe(true);
    expect(organisationByKey(a.key)).toBe(a);
    const again = reviewBody({
      name: "CỤC HẢI QUAN",
      system: "state",
      level: "central",
      parent,
      unit: null,
      head: "cuc hai quan",
    });
    expect(again).toBe(a);
    registerOrganisation({ ...a, key: "state/x-from-store", name: "X" });
    expect(organisationByKey("state/x-from-store")?.name).toBe("X");
    expect(organisationByKey("state/ubnd@nowhere")).toBeUndefined();
    expect(organisationByKey("party/ubnd@huyen-can-gio.ho-chi-minh")).toBeUndefined();
    expect(organisationByKey("party/huyen-uy@quan-1.ho-chi-minh")).toBeUndefined(); // a quận has a Quận ủy
  });

  it("never throws on any key", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (key) => {
        const org = organisationByKey(key);
        expect(org === undefined || org.key === key).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
