import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GoldRecord } from "./fields.js";
import type { Parsed } from "./score.js";

/** ../shared beside the checkout (`CHIDAO_SHARED` overrides it), null when it is absent. */
export function sharedDir(): string | null {
  const dir =
    process.env.CHIDAO_SHARED ?? join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared");
  return existsSync(join(dir, "corpus", "gold.jsonl")) || existsSync(join(dir, "seeds")) ? dir : null;
}

/** A gold file and the folder its sources are in. */
export interface GoldSet {
  name: "seeds" | "corpus";
  gold: GoldRecord[];
  docs: string;
}

/** The two gold files under `shared`, each present one. */
export async function loadGoldSets(shared: string): Promise<GoldSet[]> {
  const sets: GoldSet[] = [];
  const specs = [
    { name: "seeds", file: join(shared, "seeds", "seeds.gold.jsonl"), docs: join(shared, "seeds") },
    { name: "corpus", file: join(shared, "corpus", "gold.jsonl"), docs: join(shared, "corpus", "docs") },
  ] as const;
  for (const s of specs) {
    if (!existsSync(s.file)) continue;
    const text = await readFile(s.file, "utf8");
    const gold = text
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as GoldRecord);
    sets.push({ name: s.name, gold, docs: s.docs });
  }
  return sets;
}

/** An error's message on one line, so that a miss stays one line a reader can grep. */
function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
}

type ParseFn = typeof import("../parse/index.js").parse;

/**
 * The parser, loaded lazily: while others edit it the module may not load, and the eval should
 * then report every parse as failed with that reason rather than crash.
 */
async function loadParser(): Promise<ParseFn | string> {
  try {
    return (await import("../parse/index.js")).parse;
  } catch (error) {
    return `parser did not load: ${oneLine(error)}`;
  }
}

/** Parses each source named by the gold once; a parse that throws keeps its reason. */
export async function parseSources(set: GoldSet): Promise<Map<string, Parsed>> {
  const out = new Map<string, Parsed>();
  const parse = await loadParser();
  // A source whose every record is a scan (`needs_ocr`) is not scored, so not parsed either.
  const scored = new Set(set.gold.filter((g) => g.needs_ocr !== true).map((g) => g.source));
  for (const g of set.gold) {
    if (out.has(g.source) || !scored.has(g.source)) continue;
    if (typeof parse === "string") {
      out.set(g.source, { error: parse });
      continue;
    }
    try {
      const bytes = await readFile(join(set.docs, g.source));
      const result = await parse(new Uint8Array(bytes), { filename: g.source });
      out.set(g.source, { records: result.documents });
    } catch (error) {
      out.set(g.source, { error: oneLine(error) });
    }
  }
  return out;
}
