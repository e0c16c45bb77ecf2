/**
 * Địa danh và thời gian (ô 4 of NĐ 30/2020): "Cần Giờ, ngày 08 tháng 3 năm 2023".
 * E-signed copies leave the day blank ("Công Hải, ngày    tháng 9 năm 2025"): the date then comes
 * from the organisation's signature timestamp ("29-09-2025 13:41:12 +07:00").
 */
import { fold } from "../text/fold.js";
import { findDate, isoDate } from "./date.js";

/** A place-date line read. */
export interface PlaceDate {
  place: string | null;
  date: string | null;
  /** Offsets within the line. */
  placeAt: [number, number] | null;
  dateAt: [number, number] | null;
}

// "<place>, ngày …" — the place is what precedes ", ngày" on the cell.
const PLACE_DATE = /^(.{0,60}?)[,.]?\s*ng[aà]y\b/iu;

/** Reads a place-date line; null when the line is not one. */
export function readPlaceDate(text: string): PlaceDate | null {
  if (!/ng/iu.test(text)) return null; // cheap test first: "ngày"
  const f = fold(text);
  const at = f.search(/\bngay\b[\s\d./-]{0,12}thang\b/);
  if (at < 0) {
    // "Hà Nội, 05/01/2022" is rare but real.
    return null;
  }
  if (!/\bnam\b/.test(f.slice(at)) && !/\d{4}/.test(f.slice(at))) return null;
  const m = PLACE_DATE.exec(text.slice(0, at + 5));
  // A place is words, not a number-symbol: "06/QĐ-TTG NGÀY 02 …" is a citation in a subject.
  if (m?.[1] && /[\d/]|\bs[oố]\b/iu.test(m[1])) return null;
  let place: string | null = null;
  let placeAt: [number, number] | null = null;
  if (m?.[1]) {
    const raw = m[1];
    const cleaned = raw.replace(/^[\s*_|(]+/, "").replace(/[\s*_,]+$/, "");
    if (cleaned && /\p{L}/u.test(cleaned) && cleaned.split(/\s+/).length <= 8) {
      place = cleaned;
      const s = raw.indexOf(cleaned);
      placeAt = [s, s + cleaned.length];
    }
  }
  const rest = text.slice(at);
  const d = findDate(rest);
  const date = d && d.index < 6 ? d.iso : null;
  return {
    place,
    date,
    placeAt,
    dateAt: d && date ? [at + d.index, at + d.index + d.length] : [at, text.length],
  };
}

// "29-09-2025 13:41:12 +07:00", "Ngày ký: 21/08/2025 10:00" — a digital signature's time (ISO 8601 per NĐ 30 Phụ lục I).
const SIGNED_AT = /(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[+-]\d{2}:?\d{2})?/u;
const SIGNED_AT_ISO = /(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}/u;

/** The date of a digital-signature timestamp on a line, or null. */
export function signatureTimestamp(text: string): { iso: string; index: number; length: number } | null {
  const m = SIGNED_AT.exec(text);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  const i = SIGNED_AT_ISO.exec(text);
  if (i) {
    const iso = isoDate(Number(i[3]), Number(i[2]), Number(i[1]));
    if (iso) return { iso, index: i.index, length: i[0].length };
  }
  return null;
}
