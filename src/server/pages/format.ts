/** How values read on a page: Vietnamese dates, list and block fields as text. */
import type { Lang } from "../i18n.js";

/** An ISO date as offices write it: "2023-03-08" → "08/03/2023"; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  const ym = /^(\d{4})-(\d{2})$/.exec(iso);
  return ym ? `${ym[2]}/${ym[1]}` : iso;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** A moment in Vietnam's time, "14:05 08/03/2023" (both languages: the office convention). */
export function formatDateTime(at: Date | string): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  const part = Object.fromEntries(dateTime.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.hour}:${part.minute} ${part.day}/${part.month}/${part.year}`;
}

/** Today's date in Vietnam, ISO (the default ngày đến). */
export { todayInVietnam } from "../../clock.js";

/** A field's value as one line of text, for the corrections history (lists joined, blocks by part). */
export function valueText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map((v) => valueText(v, lang)).join("; ");
  if (typeof value === "object") {
    const parts = Object.values(value as Record<string, unknown>).filter((v) => v !== null && v !== "");
    return parts.length === 0 ? "—" : parts.map((v) => valueText(v, lang)).join(" · ");
  }
  return String(value);
}
