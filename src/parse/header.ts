import type { Context } from "./context.js";

/** Step: reads the header (ô 1–5 of NĐ 30/2020): system, issuer, Số, place and date, type, subject. */
export function readHeader(ctx: Context): void {
  void ctx;
}
