import { z } from "zod";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

const schema = z.object({
  pre2025: z.array(z.object({ name: z.string(), type: z.string(), districts: z.array(z.string()) })),
  from2025: z.array(z.object({ name: z.string(), type: z.string() })),
  written_in_full: z.array(z.string()),
});
const units = schema.parse(readTable("admin-units.json"));

/** A province-level unit: its full name ("Thành phố Cần Thơ") and whether it is a centrally-run city. */
export interface Province {
  name: string;
  /** The name without its type word: "Cần Thơ", "Hồ Chí Minh". */
  short: string;
  city: boolean;
  /** How a body's name carries it: "Cần Thơ" (Thành ủy Cần Thơ) but "Thành phố Hồ Chí Minh", named after a person. */
  display: string;
}

const TYPE_WORD = /^(Thành phố|Tỉnh)\s+/u;
const provinces = new Map<string, Province>();
for (const p of [...units.pre2025, ...units.from2025]) {
  const short = p.name.replace(TYPE_WORD, "");
  const display = units.written_in_full.includes(p.name) ? p.name : short;
  provinces.set(fold(short), { name: p.name, short, city: p.type === "Thành phố Trung ương", display });
}
const districtToProvince = new Map<string, Province>();
for (const p of units.pre2025) {
  const province = provinces.get(fold(p.name.replace(TYPE_WORD, "")))!;
  for (const d of p.districts) {
    const short = fold(d.replace(/^(Huyện|Quận|Thị xã|Thành phố)\s+/u, ""));
    if (!districtToProvince.has(short)) districtToProvince.set(short, province);
  }
}

/** The province named by a place ("Cần Thơ", "TP. Hồ Chí Minh", "Thành phố Huế", "tỉnh Lâm Đồng"). */
export function provinceByPlace(place: string): Province | undefined {
  const f = fold(place)
    .replace(/^(thanh pho|tp\.?|tinh)\s+/, "")
    .trim();
  return provinces.get(f) ?? (f === "hcm" || f === "tp.hcm" ? provinces.get("ho chi minh") : undefined);
}

/** The province a pre-2025 district lay in ("Cần Giờ" → Thành phố Hồ Chí Minh). */
export function provinceOfDistrict(district: string): Province | undefined {
  const f = fold(district)
    .replace(/^(huyen|quan|thi xa|thanh pho)\s+/, "")
    .trim();
  return districtToProvince.get(f);
}
