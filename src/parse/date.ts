/**
 * Dates as Vietnamese documents write them.
 *
 *   ngày 05 tháng 01 năm 2023     the place-date line (NĐ 30/2020 Phụ lục I II.4)
 *   ngày 05/01/2022, 17-6-2022    citations, State and Party styles (domain.md §3.4)
 *   ngày 08 tháng 3 năm 2023      months 1–2 padded only; days may be padded or not
 */

/** A date found in a text. */
export interface FoundDate {
  iso: string;
  /** Offset of the match within the searched string. */
  index: number;
  length: number;
}

// "ngày 05 tháng 01 năm 2023", with OCR slips (nãm, thảng) and words split across spaces.
const WORDS = /ng[aà]y\s{0,3}(\d{1,2})\s{0,3}th[aáả]ng\s{0,3}(\d{1,2})\s{0,3}n[aăâ][mn]\s{0,3}(\d{4})/iu;
// "05/01/2022", "17-6-2022", "05.01.2022" (the separators must agree).
const NUMERIC = /(?<![\d/])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d)/u;

/** Builds an ISO date when day, month and year make a real calendar date, else null. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first date written in `s` (word form or numeric form, whichever comes first). */
export function findDate(s: string): FoundDate | null {
  const candidates: FoundDate[] = [];
  const w = WORDS.exec(s);
  if (w) {
    const iso = isoDate(Number(w[1]), Number(w[2]), Number(w[3]));
    if (iso) candidates.push({ iso, index: w.index, length: w[0].length });
  }
  const n = NUMERIC.exec(s);
  if (n) {
    const iso = isoDate(Number(n[1]), Number(n[3]), Number(n[4]));
    if (iso) candidates.push({ iso, index: n.index, length: n[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

/** Every date written in `s`, in order. */
export function findDates(s: string): FoundDate[] {
  const out: FoundDate[] = [];
  let offset = 0;
  while (offset < s.length) {
    const d = findDate(s.slice(offset));
    if (!d) break;
    out.push({ ...d, index: d.index + offset });
    offset += d.index + d.length;
  }
  return out;
}
