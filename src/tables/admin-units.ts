import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

/** A unit as data/admin-units.json packs it: [code, name, type index, children?]. */
export type PackedUnit = [string, string, number] | [string, string, number, PackedUnit[]];

/** data/admin-units.json (written by scripts/admin-units.ts): both structures and the old → new map. */
export interface AdminUnitsTable {
  types: string[];
  /** Provinces → districts → communes, to 30 June 2025. */
  pre2025: PackedUnit[];
  /** Provinces → communes, from 1 July 2025. */
  from2025: PackedUnit[];
  /** Old code → new codes, by level of the old unit (codes of the other structure). */
  successors: {
    province: Record<string, string[]>;
    district: Record<string, string[]>;
    commune: Record<string, string[]>;
  };
  /** Old communes split between several new ones. */
  partial: string[];
  written_in_full: string[];
}

function isPacked(u: unknown, types: number): u is PackedUnit {
  if (!Array.isArray(u) || (u.length !== 3 && u.length !== 4)) return false;
  const [code, name, type, children] = u as unknown[];
  if (typeof code !== "string" || typeof name !== "string" || typeof type !== "number" || type >= types)
    return false;
  return children === undefined || Array.isArray(children);
}

/** Checks the shape as it reads it (a zod schema over 14 000 tuples costs the parser's start-up). */
function load(): AdminUnitsTable {
  const t = readTable("admin-units.json") as Partial<AdminUnitsTable>;
  const fail = (why: string): never => {
    throw new Error(`data/admin-units.json: ${why}; regenerate it with scripts/admin-units.ts`);
  };
  if (!Array.isArray(t.types) || !Array.isArray(t.pre2025) || !Array.isArray(t.from2025)) fail("bad shape");
  if (!t.successors || !Array.isArray(t.written_in_full) || !Array.isArray(t.partial)) fail("bad shape");
  const n = t.types!.length;
  const walk = (list: unknown[], depth: number): void => {
    for (const u of list) {
      if (!isPacked(u, n)) fail(`bad unit ${JSON.stringify(u).slice(0, 80)}`);
      const children = (u as PackedUnit)[3];
      if (children) {
        if (depth === 0) fail("communes have no children");
        walk(children, depth - 1);
      }
    }
  };
  walk(t.pre2025!, 2);
  walk(t.from2025!, 1);
  return t as AdminUnitsTable;
}

/** The administrative-unit table, read once. */
export const adminUnits: AdminUnitsTable = load();

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
const CITY = adminUnits.types.indexOf("Thành phố Trung ương");
const provinces = new Map<string, Province>();
for (const [, name, type] of [...adminUnits.pre2025, ...adminUnits.from2025]) {
  const short = name.replace(TYPE_WORD, "");
  const display = adminUnits.written_in_full.includes(name) ? name : short;
  provinces.set(fold(short), { name, short, city: type === CITY, display });
}
const districtToProvince = new Map<string, Province>();
for (const [, name, , districts] of adminUnits.pre2025) {
  const province = provinces.get(fold(name.replace(TYPE_WORD, "")))!;
  for (const [, d] of districts ?? []) {
    // Folded first: the GSO list writes "Thành Phố Bắc Kạn", "Thị Xã Buôn Hồ".
    const short = fold(d).replace(/^(huyen|quan|thi xa|thanh pho)\s+/, "");
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
