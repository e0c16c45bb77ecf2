import type { Context } from "./context.js";

/** Step: reads the document's marks. */
export function readMarks(ctx: Context): void {
  void ctx;
}
