/** Calendar arithmetic on ISO dates (UTC, no time zone drift). */
import { isoDate } from "../parse/date.js";

export { isoDate };

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parts of an ISO date, or null when it is not one (a real calendar day). */
export function parseIso(iso: string | null | undefined): Ymd | null {
  if (typeof iso !== "string") return null;
  const m = ISO.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isoDate(d, mo, y) === iso ? { y, m: mo, d } : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO of a day, the day clamped to the month's length ("ngày 31 hằng tháng" → 29/02 in 2024). */
export function clampedIso(y: number, m: number, d: number): string {
  const day = Math.min(d, daysInMonth(y, m));
  return `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function monthEnd(y: number, m: number): string {
  return clampedIso(y, m, 31);
}

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, n: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** n working days after `iso` (Saturdays and Sundays skipped; public holidays are not known). */
export function addWorkingDays(iso: string, n: number): string {
  const d = toDate(iso);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Same day n months later, clamped to the month's length. */
export function addMonths(iso: string, n: number): string {
  const p = parseIso(iso)!;
  const total = p.y * 12 + (p.m - 1) + n;
  return clampedIso(Math.floor(total / 12), (total % 12) + 1, p.d);
}

/** A result a year outside what the calendar helpers accept is no date (never a crash). */
export function sane(iso: string | null): string | null {
  return iso !== null && parseIso(iso) ? iso : null;
}
