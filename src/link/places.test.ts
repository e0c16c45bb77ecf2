import { describe, expect, it } from "vitest";
import { adminUnits } from "../tables/admin-units.js";
import { normaliseName } from "./names.js";
import { unitPhrase } from "./place-names.js";
import {
  activeAt,
  allProvinces,
  placeOf,
  successorsOf,
  unitById,
  unitsBelow,
  unitsNamed,
  validity,
} from "./places.js";
import { unitsSaid } from "./units-said.js";

const canGio = () => unitById("huyen-can-gio.ho-chi-minh")!;

describe("administrative units before and after 1 July 2025 (domain.md §4)", () => {
  it("reads every unit of both structures, as the README counts them", () => {
    const provinces = allProvinces();
    expect(provinces.filter((p) => p.old)).toHaveLength(adminUnits.pre2025.length);
    expect(provinces.filter((p) => p.current)).toHaveLength(adminUnits.from2025.length);
    // Provinces whose area did not change are one unit in both structures.
    const both = provinces.filter((p) => p.old && p.current);
    expect(both.map((p) => p.name)).toContain("Thành phố Hà Nội");
    expect(both.map((p) => p.name)).not.toContain("Thành phố Cần Thơ");
    const communes = (date: string) =>
      provinces.flatMap((p) => unitsBelow(p, date, ["Xã", "Phường", "Thị trấn", "Đặc khu"]));
    expect(communes("2024-01-01")).toHaveLength(10_047);
    expect(communes("2026-01-01")).toHaveLength(3_321);
  });

  it("dates a district: huyện Cần Giờ ends on 30 June 2025, its communes went to four xã of TP HCM", () => {
    const u = canGio();
    expect(validity(u)).toEqual({ from: null, to: "2025-06-30" });
    expect(activeAt(u, "2023-03-08")).toBe(true);
    expect(activeAt(u, "2025-07-01")).toBe(false);
    const next = successorsOf(u);
    expect(next.map((s) => s.name).sort()).toEqual([
      "Xã An Thới Đông",
      "Xã Bình Khánh",
      "Xã Cần Giờ",
      "Xã Thạnh An",
    ]);
    for (const s of next) {
      expect(s.current && !s.old).toBe(true);
      expect(s.parent?.name).toBe("Thành phố Hồ Chí Minh");
    }
  });

  it("keeps same-named units apart: xã Bình Khánh of Cần Giờ and of Mỏ Cày Nam, and the new one", () => {
    const all = unitsNamed(normaliseName("Bình Khánh")).filter((u) => u.type === "Xã");
    expect(
      all
        .filter((u) => u.old)
        .map((u) => u.parent?.name)
        .sort(),
    ).toEqual(["Huyện Cần Giờ", "Huyện Mỏ Cày Nam"]);
    const said2023 = unitsSaid("xa binh khanh", null, { date: "2023-01-01", anchor: canGio(), level: null });
    expect(said2023.units.map((u) => u.id)).toEqual(["xa-binh-khanh.huyen-can-gio.ho-chi-minh"]);
    const said2026 = unitsSaid("xa binh khanh", null, { date: "2026-01-01", anchor: null, level: null });
    expect(said2026.units).toHaveLength(1);
    expect(placeOf(said2026.units[0]!)).toEqual({
      province: "Thành phố Hồ Chí Minh",
      district: null,
      commune: "Xã Bình Khánh",
    });
    // Without a speaker, 2023 has two: nothing is guessed.
    expect(
      unitsSaid("xa binh khanh", null, { date: "2023-01-01", anchor: null, level: null }).units,
    ).toHaveLength(2);
  });

  it("reads a bare type word as the speaker's own unit of that type", () => {
    const said = (words: string) =>
      unitsSaid(words, null, { date: "2023-03-08", anchor: canGio(), level: null });
    expect(said("thanh pho").units.map((u) => u.name)).toEqual(["Thành phố Hồ Chí Minh"]);
    expect(said("huyen").units.map((u) => u.name)).toEqual(["Huyện Cần Giờ"]);
    // "tỉnh" where the province is a city still means the province.
    expect(said("tinh").units.map((u) => u.name)).toEqual(["Thành phố Hồ Chí Minh"]);
    expect(said("thanh pho").relative).toBe(true);
  });

  it("lists what lies under a unit at a date: Cần Thơ's nine districts in 2023, none after", () => {
    const canTho2023 = unitById("can-tho")!;
    const districts = unitsBelow(canTho2023, "2023-01-06", ["Quận", "Huyện"]);
    expect(districts).toHaveLength(9);
    expect(unitsBelow(canTho2023, "2026-01-01", ["Quận", "Huyện"])).toHaveLength(0);
    // The new Cần Thơ took Hậu Giang and Sóc Trăng: its communes come from three old provinces.
    const canTho2025 = unitById("can-tho~2025")!;
    const from = new Set(
      ["can-tho", "hau-giang", "soc-trang"].flatMap((id) =>
        unitsBelow(unitById(id)!, "2024-01-01", ["Xã", "Phường", "Thị trấn"]).flatMap((c) => successorsOf(c)),
      ),
    );
    const under = unitsBelow(canTho2025, "2026-01-01", ["Xã", "Phường"]);
    expect(under.length).toBeGreaterThan(0);
    for (const c of under) expect(from.has(c)).toBe(true);
  });

  it("writes units as a body's name carries them (NĐ 30/2020 Phụ lục I II.4)", () => {
    expect(unitPhrase(canGio())).toBe("huyện Cần Giờ");
    expect(unitPhrase(unitById("ho-chi-minh")!)).toBe("Thành phố Hồ Chí Minh");
    expect(unitPhrase(unitById("can-tho")!)).toBe("thành phố Cần Thơ");
    expect(unitPhrase(unitById("quan-1.ho-chi-minh")!)).toBe("Quận 1");
  });
});
