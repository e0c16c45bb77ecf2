import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { edgeRows, expectedIdentities } from "../../test/fixtures/expected-cascade.js";
import { emptyRecord } from "../parse/context.js";
import { parse } from "../parse/index.js";
import type { DocumentRecord } from "../parse/record.js";
import { linkDocument } from "./link.js";
import type { EdgeDraft, IdentityDraft, LinkedDocument } from "./types.js";

const samples = ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"];

async function linkSamples(): Promise<LinkedDocument[]> {
  const linked: LinkedDocument[] = [];
  for (const name of samples) {
    const bytes = readFileSync(new URL(`../../samples/${name}`, import.meta.url));
    const result = await parse(new Uint8Array(bytes), { filename: name });
    for (const record of result.documents) linked.push(linkDocument(record, result.text));
  }
  return linked;
}

/** Identities by printed symbol (each symbol must have one key), edges as symbol triples. */
function graphOf(linked: LinkedDocument[]) {
  const identities = new Map<string, IdentityDraft[]>();
  const put = (d: IdentityDraft) => {
    const list = identities.get(d.symbol) ?? [];
    if (!list.some((x) => x.key === d.key)) list.push(d);
    identities.set(d.symbol, list);
  };
  for (const l of linked) {
    put(l.identity);
    for (const c of l.cited) put(c);
  }
  const symbolOf = new Map([...identities.values()].flat().map((d) => [d.key, d.symbol]));
  const edges = linked
    .flatMap((l) => l.edges)
    .map((e: EdgeDraft) => [symbolOf.get(e.from), e.relation, symbolOf.get(e.to), e.inferred]);
  return { identities, edges, read: linked.map((l) => l.identity.symbol) };
}

describe("linking the seeds (../shared/seeds/expected-cascade.md)", () => {
  it("gives the twelve identities of the table, each symbol one identity, three of them read", async () => {
    const { identities, read } = graphOf(await linkSamples());
    expect([...identities.keys()].sort()).toEqual(expectedIdentities.map((i) => i.symbol).sort());
    for (const [symbol, list] of identities)
      expect(
        list.map((d) => d.key),
        symbol,
      ).toHaveLength(1);
    expect(read.sort()).toEqual(
      expectedIdentities
        .filter((i) => i.read)
        .map((i) => i.symbol)
        .sort(),
    );
  });

  it("resolves the issuers from context: /TU of each city apart, /TW one national series", async () => {
    const { identities } = graphOf(await linkSamples());
    const one = (s: string) => identities.get(s)![0]!;
    expect(one("108-KH/TU").series).toMatch(/can-tho/);
    expect(one("677-CV/TU").series).toBe(one("108-KH/TU").series);
    expect(one("14-TT/TU").series).toMatch(/ho-chi-minh/);
    expect(one("603/UBND-TH").orgKey).toMatch(/ubnd/);
    expect(one("603/UBND-TH").orgKey).toMatch(/ho-chi-minh/);
    expect(one("603/UBND-TH").orgKey).not.toMatch(/can-gio/);
    for (const s of ["12-CT/TW", "38-CT/TW", "04-CT/TW", "272-QĐ/TW", "33-KL/TW"])
      expect(one(s).series, s).toBe(one("12-CT/TW").series);
    expect(one("1237/UBND").orgKey).toMatch(/can-gio/);
  });

  it("states exactly the edges of the table", async () => {
    const { edges } = graphOf(await linkSamples());
    const want = edgeRows();
    const key = (e: unknown[]) => JSON.stringify(e);
    expect(edges.map(key).sort()).toEqual(want.map(key).sort());
  });

  it("expands each directive's recipients to the bodies they name", async () => {
    const linked = await linkSamples();
    const canTho = linked.find((l) => l.identity.symbol === "677-CV/TU")!;
    const districts = canTho.recipients.find((g) => /quận ủy/i.test(g.text) && g.purpose === "act");
    expect(districts?.units.length).toBeGreaterThanOrEqual(9);
    const canGio = linked.find((l) => l.identity.symbol === "1237/UBND")!;
    const communes = canGio.recipients.find((g) => /các xã/i.test(g.text));
    expect(communes?.units.length).toBe(7);
    expect(communes?.units.every((u) => /can-gio/.test(u.key))).toBe(true);
  });

  it("never throws on a record with nothing in it", () => {
    const empty: DocumentRecord = {
      ...emptyRecord("x"),
      citations: [
        { type: null, symbol: "5/QĐ", date: null, issuer: null, relation: "mentions", span: [-1, 99] },
      ],
      attachments: [{ id: null, type: null, symbol: null }],
    };
    const l = linkDocument(empty, "", { anchor: "file-1" });
    expect(l.identity.key.toLowerCase()).toContain("#file-1");
    expect(l.edges).toHaveLength(1);
    expect(l.warnings.length).toBeGreaterThan(0);
  });
});
