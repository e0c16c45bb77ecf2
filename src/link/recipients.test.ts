import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "../parse/index.js";
import type { DocumentRecord } from "../parse/record.js";
import { resolveIssuer } from "./issuer.js";
import { organisationByKey } from "./organisations.js";
import { allProvinces } from "./places.js";
import { expandRecipients } from "./recipients.js";
import type { NamingContext, RecipientGroup } from "./types.js";

const records = new Map<string, DocumentRecord>();
beforeAll(async () => {
  for (const name of ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"]) {
    const bytes = readFileSync(new URL(`../../samples/${name}`, import.meta.url));
    for (const r of (await parse(new Uint8Array(bytes), { filename: name })).documents) records.set(r.id, r);
  }
});

/** The record's recipients and distribution, read from its own issuer at its date. */
function expand(id: string): RecipientGroup[] {
  const r = records.get(id)!;
  const speaker = resolveIssuer(r.issuer!, {
    date: r.date,
    speaker: null,
    system: r.system,
    parent: r.parent_issuer,
    place: r.place,
  }).org;
  expect(speaker, id).not.toBeNull();
  return expandRecipients([...r.recipients, ...r.distribution], { date: r.date, speaker, system: r.system });
}
const byText = (groups: RecipientGroup[], start: string) => {
  const g = groups.find((x) => x.text.startsWith(start));
  expect(g, start).toBeDefined();
  return g!;
};
const names = (g: RecipientGroup) => g.units.map((u) => u.name);

describe("the seeds' recipients as bodies (expected-cascade.md, 'Who has not responded')", () => {
  it("677-CV/TU of Cần Thơ (2023): its nine district committees, its boards, its Front and mass organisations", () => {
    const groups = expand("can-tho-677-CV-TU");
    const districts = byText(groups, "Các quận ủy, huyện ủy");
    expect(districts.units).toHaveLength(9);
    expect(districts.expanded).toBe(true);
    expect(districts.purpose).toBe("act");
    for (const u of districts.units) {
      expect(u.place.province).toBe("Thành phố Cần Thơ");
      expect(u.name).toMatch(/^(Quận|Huyện) ủy /);
    }
    const boards = byText(groups, "Các ban xây dựng Đảng");
    expect(names(boards)).toContain("Ban Tổ chức Thành ủy Cần Thơ");
    expect(names(boards)).toContain("Ban Dân vận Thành ủy Cần Thơ");
    const front = byText(groups, "Mặt trận Tổ quốc Việt Nam và tổ chức chính trị - xã hội");
    expect(names(front)).toContain("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ");
    expect(front.units).toHaveLength(6);
    const open = byText(groups, "Các ban cán sự đảng, đảng đoàn");
    expect([open.units, open.expanded]).toEqual([[], false]);
    const members = byText(groups, "Các đ/c Ủy viên BTV Thành ủy");
    expect(members.purpose).toBe("inform");
    expect(members.units.map((u) => u.key)).toEqual(["party/thanh-uy@can-tho/ban-thuong-vu"]);
    // "Như trên" and the file copy name no recipient.
    expect(groups.some((g) => /^(Như trên|Lưu)/.test(g.text))).toBe(false);
    const lhhn = byText(groups, "Liên hiệp các tổ chức hữu nghị Việt Nam thành phố");
    expect(lhhn.units[0]?.review).toBe(true);
    expect(lhhn.units[0]?.place.province).toBe("Thành phố Cần Thơ");
  });

  it("1237/UBND of Cần Giờ (2023): the UBND of each of its communes and its township", () => {
    const groups = expand("can-gio-1237-UBND");
    const communes = byText(groups, "Ủy ban nhân dân các xã, thị trấn");
    expect(communes.expanded).toBe(true);
    expect(communes.units).toHaveLength(7);
    for (const u of communes.units) {
      expect(u.place.district).toBe("Huyện Cần Giờ");
      expect(u.validTo).toBe("2025-06-30");
    }
    expect(names(communes)).toContain("Ủy ban nhân dân thị trấn Cần Thạnh");
    const front = byText(groups, "Ủy ban Mặt trận tổ quốc Việt Nam và các tổ chức chính trị - xã hội huyện");
    expect(names(front)).toContain("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Cần Giờ");
    expect(names(front)).toContain("Hội Liên hiệp Phụ nữ huyện Cần Giờ");
    const agencies = byText(groups, "Các cơ quan hành chính, đơn vị sự nghiệp công lập thuộc huyện");
    expect([agencies.units, agencies.expanded, agencies.purpose]).toEqual([[], false, "act"]);
    const standing = byText(groups, "Thường trực Ủy ban nhân dân huyện");
    expect(standing.purpose).toBe("inform");
    expect(standing.units.map((u) => u.key)).toEqual(["state/ubnd@huyen-can-gio.ho-chi-minh/thuong-truc"]);
    expect(groups.some((g) => g.text.startsWith("Lưu"))).toBe(false);
  });

  it("14-TT/TU of TP HCM (2022): reports up to the centre, copies for its members, its districts down", () => {
    const groups = expand("can-gio-1237-UBND#1");
    const bbt = byText(groups, "Ban Bí thư (để báo cáo)");
    expect([bbt.purpose, bbt.units.map((u) => u.key)]).toEqual(["report", ["party/ban-bi-thu"]]);
    expect(byText(groups, "Ban Dân vận Trung ương").units.map((u) => u.key)).toEqual([
      "party/ban-dan-van-tw",
    ]);
    const members = byText(groups, "Các đồng chí Thành ủy viên");
    expect(members.purpose).toBe("inform");
    expect(members.units.map((u) => u.key)).toEqual(["party/thanh-uy@ho-chi-minh"]);
    const down = byText(groups, "Các quận ủy, huyện ủy, Thành ủy Thủ Đức");
    expect(names(down)).toContain("Thành ủy Thủ Đức");
    expect(names(down)).toContain("Huyện ủy Cần Giờ");
    expect(down.units).toHaveLength(22); // 16 quận, 5 huyện, Thủ Đức
    expect(down.expanded).toBe(false); // "đảng ủy cấp trên cơ sở" cannot be listed
    expect(byText(groups, "Văn phòng Thành ủy (Lãnh đạo").purpose).toBe("inform");
  });
});

describe("recipients read from where they are sent", () => {
  const ctx = (key: string, date: string): NamingContext => ({
    date,
    speaker: organisationByKey(key)!,
    system: null,
  });

  it("lists every province's committee for a central sender, at the date", () => {
    const [before] = expandRecipients(["Các tỉnh ủy, thành ủy"], ctx("party/ban-bi-thu", "2024-01-01"));
    const [after] = expandRecipients(["Các tỉnh ủy, thành ủy"], ctx("party/ban-bi-thu", "2025-10-01"));
    expect(before!.units).toHaveLength(allProvinces().filter((p) => p.old).length);
    expect(after!.units).toHaveLength(allProvinces().filter((p) => p.current).length);
  });

  it("reads a list of kinds sharing their units, and the markers of each item", () => {
    const groups = expandRecipients(
      [
        "HĐND, UBND các xã, thị trấn",
        "Chủ tịch UBND huyện (để báo cáo)",
        "Sở Nội vụ (để biết)",
        "Như trên",
        "Lưu: VT, VP.",
      ],
      ctx("state/ubnd@huyen-can-gio.ho-chi-minh", "2023-03-08"),
    );
    expect(groups).toHaveLength(3);
    expect(groups[0]!.units).toHaveLength(14);
    expect(groups[1]!.purpose).toBe("report");
    expect(groups[1]!.units.map((u) => u.key)).toEqual(["state/ubnd@huyen-can-gio.ho-chi-minh"]);
    expect(groups[2]!.purpose).toBe("inform");
  });

  it("never throws on odd items", () => {
    const c = ctx("party/thanh-uy@can-tho", "2023-01-06");
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 5 }), (items) => {
        for (const g of expandRecipients(items, c)) {
          expect(["act", "report", "inform"]).toContain(g.purpose);
          expect(g.expanded && g.units.length === 0).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    expect(expandRecipients(null as unknown as string[], c)).toEqual([]);
  });
});
