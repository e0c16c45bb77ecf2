/**
 * Tên cơ quan ban hành (ô 2): the issuer and the body above it, from the header's left column.
 *
 *   ỦY BAN NHÂN DÂN          one name over two lines: "HUYỆN CẦN GIỜ" opens no body
 *   HUYỆN CẦN GIỜ
 *
 *   UBND TỈNH BÌNH THUẬN     two names: "SỞ" opens a body → parent_issuer, issuer
 *   SỞ NỘI VỤ
 */
import { expandAbbreviations } from "../tables/abbreviations.js";
import { startsBodyName } from "../tables/organisations.js";
import { fold } from "../text/fold.js";

/** Groups header lines into body names: a line that opens no body continues the one above. */
export function bodyNames(lines: string[]): string[] {
  const names: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
    if (!line) continue;
    const last = names.length - 1;
    if (last >= 0 && !startsBodyName(fold(line))) names[last] = `${names[last]} ${line}`;
    else names.push(line);
  }
  return names;
}

// Words after which come proper names of places: "tỉnh Bắc Ninh", "xã Công Hải".
const PLACE_WORDS = new Set([
  "tỉnh",
  "thành phố",
  "huyện",
  "quận",
  "thị xã",
  "thị trấn",
  "xã",
  "phường",
  "đặc khu",
]);
// Names that keep their capitals inside a body's name (NĐ 30 Phụ lục I: proper names are capitalised).
const PROPER: Array<[RegExp, string]> = [
  [/\bviệt nam\b/giu, "Việt Nam"],
  [/\btrung ương\b/giu, "Trung ương"],
  [/\bchính phủ\b/giu, "Chính phủ"],
  [/\bquốc hội\b/giu, "Quốc hội"],
  [/\btổ quốc\b/giu, "Tổ quốc"],
  [/\bhồ chí minh\b/giu, "Hồ Chí Minh"],
  [/\bnhà nước\b/giu, "Nhà nước"],
];

/** A body's name in normal case as a clerk writes it: "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" → "Ủy ban nhân dân tỉnh Bắc Ninh". */
export function normalCase(name: string): string {
  const expanded = expandAbbreviations(name.replace(/\s+/g, " ").trim());
  const words = expanded.split(" ");
  const upper = expanded === expanded.toUpperCase();
  const out: string[] = [];
  let capitaliseRest = false;
  for (const [i, w] of words.entries()) {
    const lower = upper ? w.toLowerCase() : w;
    const two = i > 0 ? `${out[i - 1]!.toLowerCase()} ${lower.toLowerCase()}` : "";
    if (capitaliseRest) out.push(capitalise(lower));
    else out.push(i === 0 ? capitalise(lower) : lower);
    if (PLACE_WORDS.has(lower.toLowerCase()) || PLACE_WORDS.has(two)) capitaliseRest = true;
  }
  let s = out.join(" ");
  for (const [re, v] of PROPER) s = s.replace(re, v);
  return s;
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
