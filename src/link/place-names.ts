/** Units as bodies' names carry them (NĐ 30/2020 Phụ lục I II.4). */
import { adminUnits } from "../tables/admin-units.js";
import { fold } from "../text/fold.js";
import { normaliseName } from "./names.js";
import { leadingTypeWord, TYPE_TEXT, type Unit } from "./places.js";

/** The type word written in a name, capitalised as in "Thành phố Hồ Chí Minh", "Quận 1". */
function typeText(unit: Unit): string {
  const lead = leadingTypeWord(normaliseName(unit.name));
  const byName = lead ? Object.values(TYPE_TEXT).find((t) => fold(t) === lead.word) : undefined;
  return byName ?? TYPE_TEXT[unit.type] ?? unit.type;
}

/** Whether a unit keeps its type word in a name (NĐ 30/2020 Phụ lục I II.4: named after a person or a number). */
export function writtenInFull(unit: Unit): boolean {
  return adminUnits.written_in_full.includes(unit.name) || /^\d/.test(unit.bare);
}

/** The unit as a body's name carries it: "huyện Cần Giờ", "tỉnh Bắc Ninh", "Thành phố Hồ Chí Minh", "Quận 1". */
export function unitPhrase(unit: Unit): string {
  const t = typeText(unit);
  return `${writtenInFull(unit) ? t : t.toLowerCase()} ${unit.bare}`;
}

/** The unit after a Party committee's word: "Cần Thơ" (Thành ủy Cần Thơ), "Thành phố Hồ Chí Minh", "Quận 1". */
export function committeePlace(unit: Unit): string {
  return writtenInFull(unit) ? `${typeText(unit)} ${unit.bare}` : unit.bare;
}

/** A phrase shortened for trees and lists: "Thành phố Hồ Chí Minh" → "TP. Hồ Chí Minh". */
export function shortenPlace(phrase: string): string {
  return phrase.replace(/(^|\s)[Tt]hành phố(?=\s)/gu, "$1TP.");
}
