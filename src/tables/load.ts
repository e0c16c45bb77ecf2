import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's data/ folder (the same from src/ under tsx and from dist/ once built). */
export const dataDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");

/** Reads one of the domain tables in data/ as JSON. */
export function readTable(name: string): unknown {
  return JSON.parse(readFileSync(join(dataDir, name), "utf8"));
}
