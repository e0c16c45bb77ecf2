import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "./extract.js";

const DOCS = join(import.meta.dirname, "..", "..", "..", "shared", "corpus", "docs");
const GOLD = join(DOCS, "..", "gold.jsonl");
const present = existsSync(DOCS);
if (!present) console.warn(`corpus test skipped: ${DOCS} is absent`);

/** Sources the gold marks as scans (needs_ocr): their text layer may be missing or unusable. */
function scans(): Set<string> {
  if (!existsSync(GOLD)) return new Set();
  const out = new Set<string>();
  for (const line of readFileSync(GOLD, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { source?: string; needs_ocr?: boolean };
    if (r.needs_ocr && r.source) out.add(r.source);
  }
  return out;
}

describe.skipIf(!present)("every corpus document through extract", () => {
  const files = present ? readdirSync(DOCS).sort() : [];
  const ocr = scans();
  it.each(files)("%s", async (file) => {
    const out = await extract(readFileSync(join(DOCS, file)), file);
    expect(out.text.normalize("NFC")).toBe(out.text);
    expect(out.text).not.toMatch(/\r|\ufeff|\u00a0|\u200b/);
    if (ocr.has(file)) {
      expect(out.needsOcr).toBe(true);
      return;
    }
    expect(out.needsOcr).toBe(false);
    expect(out.text.replace(/\s/g, "").length).toBeGreaterThan(200);
    if (file.endsWith(".md")) expect(out.text).not.toContain("**");
    if (/\.html?$/.test(file)) expect(out.text).not.toMatch(/<\/?[a-z][a-z0-9]*[\s>/]/i);
  });
});
