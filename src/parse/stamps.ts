import type { Context } from "./context.js";

/** Step: reads the document's stamps. */
export function readStamps(ctx: Context): void {
  void ctx;
}
