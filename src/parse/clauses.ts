import type { Context } from "./context.js";

/** Step: reads the document's clauses. */
export function readClauses(ctx: Context): void {
  void ctx;
}
