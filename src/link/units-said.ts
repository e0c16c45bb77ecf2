/**
 * The unit a name's place words mean where and when they are said: "huyện Cần Giờ", "Cần Thơ",
 * "xã Bình Khánh, huyện Cần Giờ", or a bare type word ("Thành phố", "huyện") that means the
 * speaker's own unit of that type (in a Cần Giờ text, "Ủy ban nhân dân Thành phố" is TP HCM's).
 */
import { normaliseName } from "./names.js";
import { activeAt, chain, type Level, leadingTypeWord, type Unit, unitsNamed } from "./places.js";
import type { Place } from "./types.js";

/** Where and when a name is said. */
export interface Said {
  date: string | null;
  /** The unit the saying document belongs to, when known. */
  anchor: Unit | null;
  /** The level a symbol's code gives ("/TU": province). */
  level: Level | null;
}

export interface UnitsFound {
  units: Unit[];
  /** The words named no unit: the speaker's was taken. */
  relative: boolean;
  warning: string | null;
}

const NONE: UnitsFound = { units: [], relative: false, warning: null };

function allows(allowed: ReadonlySet<string> | null, type: string): boolean {
  return allowed === null || allowed.has(type);
}

/** The level of each type: "tỉnh" said where the province is a city still means the province. */
const TYPE_LEVEL: Record<string, Level> = {
  "Thành phố Trung ương": "province",
  Tỉnh: "province",
  "Thành phố": "district",
  Huyện: "district",
  Quận: "district",
  "Thị xã": "district",
  Xã: "commune",
  Phường: "commune",
  "Thị trấn": "commune",
  "Đặc khu": "commune",
};

/** The speaker's nearest unit of one of these types (the level hint first when it fits). */
function own(types: ReadonlySet<string> | null, said: Said, sameLevel = false): UnitsFound {
  if (!said.anchor) return NONE;
  const levels = new Set([...(types ?? [])].map((t) => TYPE_LEVEL[t]));
  const fits = (u: Unit) => allows(types, u.type) || (sameLevel && levels.has(u.level));
  const exact = chain(said.anchor).filter((u) => allows(types, u.type));
  const mine = exact.length > 0 ? exact : chain(said.anchor).filter(fits);
  const atLevel = said.level ? mine.filter((u) => u.level === said.level) : [];
  const u = atLevel[0] ?? mine[0];
  return u ? { units: [u], relative: true, warning: null } : NONE;
}

/** How many units two places share, from the province down. */
function shared(a: Unit, b: Unit): number {
  const up = new Set(chain(b));
  return chain(a).filter((u) => up.has(u)).length;
}

/** The units that fit best: of the date, of the symbol's level, nearest to the speaker. */
export function narrow(found: readonly Unit[], said: Said): UnitsFound {
  let units = [...found];
  let warning: string | null = null;
  if (units.length === 0) return NONE;
  const ofTime = units.filter((u) => activeAt(u, said.date));
  if (ofTime.length > 0) units = ofTime;
  else warning = `${found[0]!.name} was not a unit at the document's date: taken from the other structure`;
  if (said.level && units.length > 1) {
    const atLevel = units.filter((u) => u.level === said.level);
    if (atLevel.length > 0) units = atLevel;
  }
  if (said.anchor && units.length > 1) {
    const anchor = said.anchor;
    const best = Math.max(...units.map((u) => shared(u, anchor)));
    if (best > 0) units = units.filter((u) => shared(u, anchor) === best);
  }
  if (said.date === null && units.length > 1) {
    const current = units.filter((u) => u.current);
    if (current.length > 0 && current.length < units.length) {
      units = current;
      warning = "no date: the units from 1 July 2025 were taken";
    }
  }
  return { units, relative: false, warning };
}

function named(rest: string, allowed: ReadonlySet<string> | null): Unit[] {
  const lead = leadingTypeWord(rest);
  if (lead && rest.length > lead.word.length) {
    const bare = rest.slice(lead.word.length + 1);
    const typed = unitsNamed(bare).filter((u) => lead.types.includes(u.type) && allows(allowed, u.type));
    if (typed.length > 0) return typed;
  }
  return unitsNamed(rest).filter((u) => allows(allowed, u.type));
}

/**
 * The units `rest` (normalised place words, possibly empty) names, of the `allowed` types.
 * Empty words or a bare type word take the speaker's own unit.
 */
export function unitsSaid(rest: string, allowed: ReadonlySet<string> | null, said: Said): UnitsFound {
  if (rest === "") return own(allowed, said);
  const lead = leadingTypeWord(rest);
  if (lead && rest === lead.word) {
    const types = new Set(lead.types.filter((t) => allows(allowed, t)));
    return own(types, said, true);
  }
  const direct = named(rest, allowed);
  if (direct.length > 0) return narrow(direct, said);
  // "xã Bình Khánh huyện Cần Giờ": the last type word starts the unit above.
  const words = rest.split(" ");
  for (let i = words.length - 1; i > 0; i--) {
    const tail = words.slice(i).join(" ");
    if (!leadingTypeWord(tail)) continue;
    const above = unitsSaid(tail, null, said);
    if (above.units.length !== 1) continue;
    const top = above.units[0]!;
    const head = named(words.slice(0, i).join(" "), allowed).filter((u) => chain(u).includes(top));
    if (head.length > 0) return narrow(head, { ...said, anchor: top });
  }
  return NONE;
}

/**
 * The place at the end of a name in no table ("Liên hiệp các tổ chức hữu nghị thành phố",
 * "Thuế tỉnh Vĩnh Long"): the unit and the words before it, when exactly one unit fits.
 */
export function trailingUnit(name: string, said: Said): { head: string; unit: Unit } | null {
  const words = name.split(" ");
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(" ");
    if (!leadingTypeWord(tail)) continue;
    const found = unitsSaid(tail, null, said);
    if (found.units.length === 1) return { head: words.slice(0, i).join(" "), unit: found.units[0]! };
  }
  return null;
}

/** The units a place name means on a date ("xã Bình Khánh", "Cần Thơ"), nearest to `within` when given. */
export function unitsByName(name: string, date: string | null, within: Unit | null = null): Unit[] {
  return unitsSaid(normaliseName(name), null, { date, anchor: within, level: null }).units;
}

/** The unit a Place stands for on a date: its lowest level named, inside the levels above it. */
export function unitOfPlace(place: Place, date: string | null): Unit | null {
  let at: Unit | null = null;
  for (const name of [place.province, place.district, place.commune]) {
    if (!name) continue;
    const above = at;
    const found: Unit[] = unitsByName(name, date, above).filter(
      (u) => above === null || chain(u).includes(above),
    );
    if (found.length !== 1) return null;
    at = found[0]!;
  }
  return at;
}
