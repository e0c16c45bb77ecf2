/** Where the sample documents shipped with the project are (the two seed documents). */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of the sample documents: `samples/` at the package root. */
export function samplesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "samples");
}
