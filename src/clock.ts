/**
 * The office's clock: Vietnamese offices count days in Asia/Ho_Chi_Minh (UTC+7), whatever the
 * server's zone, so "today" — a deadline passed, a reminder due, ngày đến — is that zone's date.
 */

const vietnamDate = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The ISO date in Vietnam at `now`: 17:00 UTC is already the next day there. */
export function todayInVietnam(now = new Date()): string {
  const part = Object.fromEntries(vietnamDate.formatToParts(now).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}`;
}
