import type { Context } from "./context.js";

/** Step: reads the document's distribution. */
export function readDistribution(ctx: Context): void {
  void ctx;
}
