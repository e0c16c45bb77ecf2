import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGoldSets, parseSources, sharedDir } from "../../src/eval/load.js";
import { belowFloors } from "../../src/eval/report.js";
import { scoreSet } from "../../src/eval/score.js";

/** The ratchet: per gold file, per field, the accuracy (%) the parser may not fall below. */
const floors = JSON.parse(readFileSync(new URL("./floors.json", import.meta.url), "utf8")) as Record<
  string,
  Record<string, number> | string
>;

const shared = sharedDir();
if (shared === null) console.warn("golden: ../shared (seeds and corpus) is absent: golden tests skipped.");

describe.skipIf(shared === null)("golden: the parser against the gold records", async () => {
  const sets = shared === null ? [] : await loadGoldSets(shared);
  it.each(sets.map((s) => [s.name, s] as const))(
    "%s: every source parses, every field at or above its floor",
    async (name, set) => {
      const own = floors[name];
      expect(own, `test/golden/floors.json has no floors for ${name}`).toBeTypeOf("object");
      const score = scoreSet(set.gold, await parseSources(set));
      // The parser never throws on odd text (src/parse/index.ts): a throw is a bug whatever the floors.
      const threw = score.failures.map((f) => `${name} ${f.source} threw: ${f.reason.slice(0, 200)}`);
      const below = [...threw, ...belowFloors(name, score, own as Record<string, number>)];
      if (below.length > 0) console.error(`golden: below floor:\n  ${below.join("\n  ")}`);
      expect(below).toEqual([]);
    },
    // Parsing the whole corpus (PDF and DOCX extraction above all) takes seconds, more on a busy machine.
    300_000,
  );
  it("finds both gold files", () => {
    expect(sets.map((s) => s.name).sort()).toEqual(["corpus", "seeds"]);
  });
});
