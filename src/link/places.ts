/**
 * Administrative units (đơn vị hành chính) as dated places, from data/admin-units.json: the three
 * levels before 1 July 2025 and the two from it (domain.md §4). A province whose area did not change
 * (Hà Nội, Huế, …) is one unit in both; a merged one is a new unit ("can-tho~2025") that succeeds
 * the old ones. Names repeat across provinces ("Xã Bình Khánh"), so units are found by name and then
 * narrowed by where and when the name is said.
 */
import { adminUnits, type PackedUnit } from "../tables/admin-units.js";
import { normaliseName, slug } from "./names.js";
import type { Place } from "./types.js";

export type Level = "province" | "district" | "commune";

/** The first day of the two-level structure (Luật 72/2025/QH15; NQ 202/2025/QH15). */
export const REORGANISED = "2025-07-01";
/** The last day of the three-level structure. */
export const LAST_OLD_DAY = "2025-06-30";

export interface Unit {
  /** Readable and unique: "huyen-can-gio.ho-chi-minh", "xa-binh-khanh.ho-chi-minh~2025", "ha-noi". */
  id: string;
  /** GSO code, unique only within one structure. */
  code: string;
  /** As the tables write it: "Huyện Cần Giờ". */
  name: string;
  type: string;
  /** The name without its type word: "Cần Giờ", "1" (Quận 1). */
  bare: string;
  level: Level;
  /** In the structure before 1 July 2025 / from it (an unchanged province is in both). */
  old: boolean;
  current: boolean;
  parent: Unit | null;
  children: Unit[];
}

/** Type words as documents write them before a name, normalised, with the unit types they may mean. */
const TYPE_WORDS: ReadonlyArray<[string, string[]]> = [
  ["thanh pho", ["Thành phố Trung ương", "Thành phố"]],
  ["thi tran", ["Thị trấn"]],
  ["thi xa", ["Thị xã"]],
  ["dac khu", ["Đặc khu"]],
  ["phuong", ["Phường"]],
  ["huyen", ["Huyện"]],
  ["quan", ["Quận"]],
  ["tinh", ["Tỉnh"]],
  ["xa", ["Xã"]],
];
/** How a type is written inside a body's name ("Thành phố Trung ương" is "thành phố"). */
export const TYPE_TEXT: Record<string, string> = {
  "Thành phố Trung ương": "Thành phố",
  "Thành phố": "Thành phố",
  Tỉnh: "Tỉnh",
  Huyện: "Huyện",
  Quận: "Quận",
  "Thị xã": "Thị xã",
  Xã: "Xã",
  Phường: "Phường",
  "Thị trấn": "Thị trấn",
  "Đặc khu": "Đặc khu",
};

/** The type word a name opens with, as a key of TYPE_WORDS ("Thành Phố Bắc Kạn" → "thanh pho"). */
export function leadingTypeWord(normalised: string): { word: string; types: string[] } | null {
  for (const [word, types] of TYPE_WORDS)
    if (normalised === word || normalised.startsWith(`${word} `)) return { word, types };
  return null;
}

interface Built {
  byId: Map<string, Unit>;
  byBare: Map<string, Unit[]>;
  oldByCode: Map<string, Unit>;
  newByCode: Map<string, Unit>;
  provinces: Unit[];
}

let built: Built | null = null;

function build(): Built {
  const types = adminUnits.types;
  const byId = new Map<string, Unit>();
  const byBare = new Map<string, Unit[]>();
  const oldByCode = new Map<string, Unit>();
  const newByCode = new Map<string, Unit>();
  const provinces: Unit[] = [];
  const LEVELS: Level[] = ["province", "district", "commune"];

  const make = (p: PackedUnit, level: Level, parent: Unit | null, current: boolean): Unit => {
    const type = types[p[2]]!;
    const norm = normaliseName(p[1]);
    const lead = leadingTypeWord(norm);
    const bare = lead ? p[1].split(/\s+/).slice(lead.word.split(" ").length).join(" ") : p[1];
    return {
      id: "",
      code: p[0],
      name: p[1],
      type,
      bare,
      level,
      old: !current,
      current,
      parent,
      children: [],
    };
  };
  const register = (u: Unit, own: string) => {
    u.id = u.parent ? `${own}.${u.parent.id}` : own;
    if (byId.has(u.id)) throw new Error(`data/admin-units.json: two units would be ${u.id}`);
    byId.set(u.id, u);
    const key = normaliseName(u.bare);
    const list = byBare.get(key);
    if (list) list.push(u);
    else byBare.set(key, [u]);
  };
  // Siblings that share a name take their code as well ("xa-dong-khe-16387").
  const addChildren = (parent: Unit, list: PackedUnit[], depth: number, current: boolean) => {
    const made = list.map((p) => make(p, LEVELS[depth]!, parent, current));
    const counts = new Map<string, number>();
    for (const u of made) counts.set(slug(u.name), (counts.get(slug(u.name)) ?? 0) + 1);
    made.forEach((u, i) => {
      const s = slug(u.name);
      register(u, counts.get(s)! > 1 ? `${s}-${u.code}` : s);
      parent.children.push(u);
      (current ? newByCode : oldByCode).set(`${u.level}:${u.code}`, u);
      const grand = list[i]![3];
      if (grand) addChildren(u, grand, depth + 1, current);
    });
  };

  const continuing = new Set<string>();
  for (const [oldCode, news] of Object.entries(adminUnits.successors.province)) {
    const sources = Object.entries(adminUnits.successors.province).filter(([, n]) => n.includes(news[0]!));
    if (news.length === 1 && sources.length === 1 && news[0] === oldCode) continuing.add(oldCode);
  }
  const oldProvinces = new Map<string, Unit>();
  for (const p of adminUnits.pre2025) {
    const u = make(p, "province", null, false);
    register(u, slug(u.bare));
    provinces.push(u);
    oldByCode.set(`province:${u.code}`, u);
    oldProvinces.set(u.code, u);
    addChildren(u, p[3] ?? [], 1, false);
  }
  for (const p of adminUnits.from2025) {
    const old = oldProvinces.get(p[0]);
    const same = continuing.has(p[0]) && old?.name === p[1] ? old : undefined;
    const u = same ?? make(p, "province", null, true);
    if (same) same.current = true;
    else {
      register(u, `${slug(u.bare)}~2025`);
      provinces.push(u);
    }
    newByCode.set(`province:${u.code}`, u);
    addChildren(u, p[3] ?? [], 2, true);
  }
  return { byId, byBare, oldByCode, newByCode, provinces };
}

function units(): Built {
  built ??= build();
  return built;
}

/** The unit with this id, in either structure. */
export function unitById(id: string): Unit | undefined {
  return units().byId.get(id);
}

/** Units whose name without its type word is this (normalised) name, in both structures. */
export function unitsNamed(bare: string): readonly Unit[] {
  return units().byBare.get(bare) ?? [];
}

/** Whether a unit existed on a date (any structure when the date is unknown). */
export function activeAt(unit: Unit, date: string | null): boolean {
  if (date === null) return true;
  return date < REORGANISED ? unit.old : unit.current;
}

/** The first and last day of a unit. */
export function validity(unit: Unit): { from: string | null; to: string | null } {
  return { from: unit.old ? null : REORGANISED, to: unit.current ? null : LAST_OLD_DAY };
}

/** Every province-level unit, old and new. */
export function allProvinces(): readonly Unit[] {
  return units().provinces;
}

/** The unit and its ancestors, nearest first. */
export function chain(unit: Unit): Unit[] {
  const out: Unit[] = [];
  for (let u: Unit | null = unit; u; u = u.parent) out.push(u);
  return out;
}

/** Units below `unit` on `date` whose type is one of `types` (any depth: a province's communes too). */
export function unitsBelow(unit: Unit, date: string | null, types: readonly string[]): Unit[] {
  const out: Unit[] = [];
  const walk = (u: Unit) => {
    for (const c of u.children) {
      if (!activeAt(c, date)) continue;
      if (types.includes(c.type)) out.push(c);
      else walk(c);
    }
  };
  walk(unit);
  return out;
}

const successorMemo = new Map<Unit, Unit[]>();

/** The units that took over an old unit's area on 1 July 2025 (a district's through its communes). */
export function successorsOf(unit: Unit): Unit[] {
  if (unit.current) return [];
  const hit = successorMemo.get(unit);
  if (hit) return hit;
  const { newByCode } = units();
  const codes = (level: "province" | "district" | "commune", code: string) =>
    (adminUnits.successors[level][code] ?? []).flatMap((c) => {
      const u = newByCode.get(`${level === "province" ? "province" : "commune"}:${c}`);
      return u ? [u] : [];
    });
  let out: Unit[];
  if (unit.level === "district" && unit.children.length > 0)
    out = [...new Set(unit.children.flatMap((c) => successorsOf(c)))];
  else out = codes(unit.level, unit.code);
  successorMemo.set(unit, out);
  return out;
}

/** Where a unit lies, as Place names. */
export function placeOf(unit: Unit): Place {
  const place: Place = { province: null, district: null, commune: null };
  for (const u of chain(unit)) place[u.level] = u.name;
  return place;
}
