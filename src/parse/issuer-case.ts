/**
 * A body's name in the case a clerk writes it (NĐ 30/2020 Phụ lục II, viết hoa tên cơ quan, tổ chức):
 *
 *   BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG          → Bộ Tài nguyên và Môi trường      type word + field, each capitalised
 *   ỦY BAN NHÂN DÂN TỈNH BẮC NINH        → Ủy ban nhân dân tỉnh Bắc Ninh     place word lower, its name capitalised
 *   THÀNH ỦY HÀ NỘI                      → Thành ủy Hà Nội
 *   ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH → Ủy ban nhân dân Thành phố Hồ Chí Minh   named after a person: in full
 */
import { expandAbbreviations } from "../tables/abbreviations.js";
import { bodyTypeNames } from "../tables/organisations.js";
import { fold } from "../text/fold.js";
import { canonTone } from "../text/tone.js";

const PLACE_WORDS = ["thanh pho", "thi tran", "thi xa", "dac khu", "tinh", "huyen", "quan", "xa", "phuong"];
const PROPER: Array<[RegExp, string]> = [
  [/\bviệt nam\b/giu, "Việt Nam"],
  [/\btrung ương\b/giu, "Trung ương"],
  [/\bchính phủ\b/giu, "Chính phủ"],
  [/\bquốc hội\b/giu, "Quốc hội"],
  [/\btổ quốc\b/giu, "Tổ quốc"],
  [/\bnhà nước\b/giu, "Nhà nước"],
  [/\bthành phố hồ chí minh\b/giu, "Thành phố Hồ Chí Minh"],
  [/ đảng$/u, " Đảng"],
];

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Normal case for a body's name; a name printed in mixed case is kept as printed (abbreviations expanded). */
export function normalCase(name: string): string {
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  const cased = casing(name);
  if (memo.size > 10_000) memo.clear();
  memo.set(name, cased);
  return cased;
}

// The same issuers head thousands of documents.
const memo = new Map<string, string>();

function casing(name: string): string {
  const printed = name.replace(/\s+/g, " ").trim();
  const letters = printed.replace(/[^\p{L}]/gu, "");
  if (letters !== letters.toUpperCase()) return expandAbbreviations(printed); // mixed case: as printed
  const words = expandAbbreviations(printed).toLowerCase().split(" ");
  const canon = words.map(canonTone); // "uỷ" and "ủy" match the same type word; the printed form is kept
  const out: string[] = [];
  let mode: "field" | "fieldRest" | "proper" = "proper";
  for (let i = 0; i < words.length; ) {
    const at = i;
    const type: (typeof bodyTypeNames)[number] | undefined =
      mode === "fieldRest"
        ? undefined
        : bodyTypeNames.find((t) => t.lower.every((w, k) => canon[at + k] === w));
    if (type) {
      out.push(...type.words);
      i += type.words.length;
      mode = type.function ? "field" : "proper";
      continue;
    }
    const joins = /[,]$|^-$|^và$/.test(out[out.length - 1] ?? "");
    const place =
      mode === "fieldRest" && joins
        ? undefined
        : PLACE_WORDS.find((p) => p.split(" ").every((w, k) => fold(words[i + k] ?? "") === w));
    if (place) {
      const n = place.split(" ").length;
      out.push(...words.slice(i, i + n));
      i += n;
      mode = "proper";
      continue;
    }
    const w = words[i]!;
    if (out.length === 0 || mode === "field" || mode === "proper" || joins) out.push(capital(w));
    else out.push(w);
    if (mode === "field") mode = "fieldRest";
    i++;
  }
  let s = out.join(" ");
  for (const [re, v] of PROPER) s = s.replace(re, v);
  return capital(s);
}
