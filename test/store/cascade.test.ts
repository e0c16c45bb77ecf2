/**
 * The cascade's graph in the store: a placeholder becomes its document in place, the same documents
 * give the same graph in any order, a year-less citation meets its dated identity whichever comes
 * first, a deleted document leaves a placeholder only while something cites it, and relinking
 * everything changes nothing.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { linkDocumentsWith, linkReadingWith, relinkAllWith } from "../../src/store/cascade-link.js";
import { clearLinks, refreshIdentities, takeStale } from "../../src/store/cascade-write.js";
import type { Db } from "../../src/store/db.js";
import { sha256 } from "../../src/store/files.js";
import { storeReading } from "../../src/store/ingest.js";
import { eachBackend } from "./backends.js";
import { edge, graphOf, id, identityRow, linked, record, World } from "./cascade-fixtures.js";

/** Links documents one transaction each, in this order. */
async function linkInOrder(db: Db, world: World, ids: readonly number[]): Promise<void> {
  for (const d of ids) await db.transaction((tx) => linkDocumentsWith(tx, [d], world.deps));
}

/** Takes documents out of the graph, as if never linked. */
async function unlink(db: Db, ids: readonly number[]): Promise<void> {
  await db.transaction(async (tx) => {
    await clearLinks(tx, ids);
    await refreshIdentities(tx, await takeStale(tx));
  });
}

eachBackend("cascade graph", (store) => {
  const world = new World();

  it("upgrades a placeholder in place when its document arrives: same row, edges kept", async () => {
    const { db } = store();
    const directive = id("up", "12-CT/TW", "2022", { date: "2022-01-05", subject: "cited subject" });
    const plan = id("up", "108-KH/TU", "2022", { date: "2022-05-20" });
    await world.store(db, [
      { recordId: "up-plan", link: linked(plan, [edge(plan, directive, "implements")], [directive]) },
    ]);
    await linkInOrder(db, world, [world.doc("up-plan")]);
    const before = await identityRow(db, directive.key);
    expect(before).toMatchObject({ document_id: null, date: "2022-01-05" });

    const own = { ...directive, subject: "own subject", type: "Chỉ thị" };
    await world.store(db, [{ recordId: "up-directive", link: linked(own, [], []) }]);
    await linkInOrder(db, world, [world.doc("up-directive")]);
    const after = await identityRow(db, directive.key);
    expect(after).toEqual({ ...before, document_id: world.doc("up-directive") });
    const [row] = await db.query<{ subject: string; type: string }>(
      "SELECT subject, type FROM identities WHERE key = $1",
      [directive.key],
    );
    expect(row).toEqual({ subject: "own subject", type: "Chỉ thị" });
    const graph = await graphOf(db, [directive.key]);
    expect(graph.edges).toEqual([
      { from: plan.key, to: directive.key, relation: "implements", inferred: false },
    ]);
    expect((await db.query("SELECT 1 FROM identities WHERE key = $1", [directive.key])).length).toBe(1);
  });

  it("gives the same identities and edges whatever the order the documents are linked in", async () => {
    const { db } = store();
    const s = (sym: string, year: string, more = {}) => id("ord", sym, year, more);
    const tw = s("12-CT/TW", "2022", { date: "2022-01-05" });
    const tt = s("14-TT/TU", "2022", { date: "2022-12-29" });
    const city = s("603/UBND-TH", "2023", { date: "2023-02-23" });
    const district = s("1237/UBND", "2023", { date: "2023-03-08" });
    const other = s("677-CV/TU", "2023", { date: "2023-01-06" });
    const undatedCity = s("603/UBND-TH", "?");
    const mentioned = s("38-CT/TW", "2019");
    const docs = [
      {
        recordId: "ord-tt",
        link: linked(tt, [edge(tt, tw, "implements"), edge(tt, mentioned, "mentions")], [tw, mentioned]),
      },
      {
        recordId: "ord-district",
        link: linked(
          district,
          [
            edge(district, tt, "implements"),
            edge(district, tt, "attaches"),
            edge(district, city, "implements"),
            edge(city, tt, "implements", { inferred: true }),
          ],
          [tt, city],
        ),
      },
      // Cites the city's letter without a date: it must meet 603/UBND-TH of 2023.
      {
        recordId: "ord-other",
        link: linked(
          other,
          [edge(other, tw, "implements"), edge(other, undatedCity, "mentions")],
          [tw, undatedCity],
        ),
      },
      { recordId: "ord-tw", link: linked({ ...tw, subject: "Chỉ thị 12" }, [], []) },
      {
        recordId: "ord-city",
        link: linked({ ...city, subject: "Công văn 603" }, [edge(city, tt, "implements")], [tt]),
      },
    ];
    for (const d of docs) await world.store(db, [d]);
    const ids = docs.map((d) => world.doc(d.recordId));
    const keys = [tw, tt, city, district, other, undatedCity, mentioned].map((d) => d.key);

    await linkInOrder(db, world, ids);
    const expected = await graphOf(db, keys);
    expect(expected.identities.map((i) => `${i.key.split("|")[1]} ${i.present}`).sort()).toEqual(
      [
        "603/UBND-TH true",
        "1237/UBND true",
        "14-TT/TU true",
        "12-CT/TW true",
        "38-CT/TW false",
        "677-CV/TU true",
      ].sort(),
    );
    expect(expected.edges).toContainEqual({
      from: other.key,
      to: city.key,
      relation: "mentions",
      inferred: false,
    });
    expect(expected.edges).toContainEqual({
      from: city.key,
      to: tt.key,
      relation: "implements",
      inferred: true,
    });
    expect(expected.edges).toHaveLength(9);

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length }),
        fc.subarray(ids),
        async (order, again) => {
          await unlink(db, ids);
          expect((await graphOf(db, keys)).identities).toEqual([]);
          await linkInOrder(db, world, [...order, ...again]);
          expect(await graphOf(db, keys)).toEqual(expected);
        },
      ),
      { numRuns: 8 },
    );
    // The same graph from one batch of all of them.
    await unlink(db, ids);
    await db.transaction((tx) => linkDocumentsWith(tx, [...ids].reverse(), world.deps));
    expect(await graphOf(db, keys)).toEqual(expected);
  });

  it("lets a year-less citation meet the one dated identity in either order, and part when there are two", async () => {
    const { db } = store();
    const dated = id("yl", "5/UBND", "2023", { date: "2023-04-01" });
    const undated = id("yl", "5/UBND", "?");
    const citing = id("yl", "9/SNV", "2023");
    const cites = linked(citing, [edge(citing, undated, "implements")], [undated]);
    await world.store(db, [{ recordId: "yl-citing", link: cites }]);
    await world.store(db, [{ recordId: "yl-dated", link: linked(dated, [], []) }]);
    const both = [world.doc("yl-citing"), world.doc("yl-dated")];
    const keys = [dated.key, undated.key, citing.key];
    for (const order of [both, [...both].reverse()]) {
      await unlink(db, both);
      await linkInOrder(db, world, order);
      const g = await graphOf(db, keys);
      expect(g.edges).toEqual([{ from: citing.key, to: dated.key, relation: "implements", inferred: false }]);
      expect(g.identities.map((i) => [i.key, i.present])).toEqual([
        [dated.key, true],
        [citing.key, true],
      ]);
    }

    // A second dated 5/UBND (of 2024, cited elsewhere): the year-less citation no longer knows which.
    const later = id("yl", "5/UBND", "2024");
    const third = id("yl", "7/VP", "2024");
    await world.store(db, [
      { recordId: "yl-third", link: linked(third, [edge(third, later, "mentions")], [later]) },
    ]);
    await linkInOrder(db, world, [world.doc("yl-third")]);
    let g = await graphOf(db, [citing.key]);
    expect(g.edges).toEqual([{ from: citing.key, to: undated.key, relation: "implements", inferred: false }]);
    expect((await identityRow(db, undated.key))?.document_id).toBeNull();

    // That citation gone again, the year-less one meets 2023 and its placeholder goes.
    await unlink(db, [world.doc("yl-third")]);
    g = await graphOf(db, [citing.key, undated.key]);
    expect(g.edges).toEqual([{ from: citing.key, to: dated.key, relation: "implements", inferred: false }]);
    expect(g.identities.map((i) => i.key)).toEqual([citing.key]);
  });

  it("turns a deleted document's identity back into a placeholder while it is cited, and drops it when not", async () => {
    const { db } = store();
    const cited = id("del", "3/UBND", "2023", { date: "2023-05-05" });
    const lonely = id("del", "4/UBND", "2023");
    const citing = id("del", "8/SNV", "2023");
    await world.store(db, [
      {
        recordId: "del-citing",
        link: linked(citing, [edge(citing, cited, "implements")], [{ ...cited, date: "2023-05-04" }]),
      },
    ]);
    const [citedDoc, lonelyDoc, keptDoc] = await world.store(db, [
      { recordId: "del-cited", link: linked(cited, [], []) },
      { recordId: "del-lonely", link: linked(lonely, [], []) },
      { recordId: "del-kept", link: linked(id("del", "6/UBND", "2023"), [], []) },
    ]);
    await linkInOrder(db, world, [world.doc("del-citing"), citedDoc!, lonelyDoc!, keptDoc!]);
    const before = await identityRow(db, cited.key);
    expect(before).toMatchObject({ document_id: citedDoc, date: "2023-05-05" });
    expect(await identityRow(db, lonely.key)).toBeDefined();

    // A re-reading of the file that no longer finds two of its documents: replaceDocuments deletes them.
    const fileId = world.files.get("del-cited")!;
    const [file] = await db.query<{ name: string; bytes: Uint8Array }>(
      "SELECT name, bytes FROM files WHERE id = $1",
      [fileId],
    );
    const bytes = new Uint8Array(file!.bytes);
    await storeReading(
      db,
      { name: file!.name, bytes, sha256: sha256(bytes) },
      { ok: true, format: "txt", warnings: [], text: file!.name, documents: [record("del-kept", "6/UBND")] },
      { actor: "test" },
    );
    await db.transaction((tx) => linkDocumentsWith(tx, [], world.deps));
    expect(await identityRow(db, cited.key)).toEqual({ ...before, document_id: null, date: "2023-05-04" });
    expect(await identityRow(db, lonely.key)).toBeUndefined();
    expect((await graphOf(db, [cited.key])).edges).toHaveLength(1);
  });

  it("links a reading from the records in hand, and from the store when its text had NUL", async () => {
    const { db } = store();
    const doc = id("rd", "2/UBND", "2024");
    await world.store(db, [{ recordId: "rd-doc", link: linked(doc, [], []) }], undefined, "văn bản\u0000");
    const fileId = world.files.get("rd-doc")!;
    const [file] = await db.query<{ sha256: string }>("SELECT sha256 FROM files WHERE id = $1", [fileId]);
    const inHand = { ...record("rd-doc", "2/UBND"), subject: "in hand" };
    const linkWith = (text: string) =>
      db.transaction((tx) =>
        linkReadingWith(tx, { id: fileId, sha256: file!.sha256 }, { text, records: [inHand] }, world.deps),
      );
    world.seen.length = 0;
    await linkWith("plain text");
    await linkWith("văn bản\u0000");
    expect(world.seen).toEqual([
      { recordId: "rd-doc", subject: "in hand", text: "plain text" },
      { recordId: "rd-doc", subject: "Về 2/UBND", text: "văn bản\uFFFD" },
    ]);
    expect(await identityRow(db, doc.key)).toMatchObject({ document_id: world.doc("rd-doc") });
  });

  it("relinks everything to the graph linking each document gives, keeping identity rows, twice over", async () => {
    const { db } = store();
    const all = await db.query<{ id: number }>("SELECT id FROM documents ORDER BY id");
    await linkInOrder(
      db,
      world,
      all.map((d) => d.id),
    );
    const before = await graphOf(db);
    const rows = await db.query<{ id: number; key: string }>("SELECT id, key FROM identities ORDER BY key");
    expect(before.edges.length).toBeGreaterThan(10);
    const progress: Array<[number, number]> = [];
    const first = await relinkAllWith(db, world.deps, { onProgress: (d, t) => progress.push([d, t]) });
    expect(await graphOf(db)).toEqual(before);
    expect(await db.query("SELECT id, key FROM identities ORDER BY key")).toEqual(rows);
    expect(first).toEqual({ documents: all.length, identities: rows.length, edges: before.edges.length });
    expect(progress.at(-1)).toEqual([all.length, all.length]);
    expect(await relinkAllWith(db, world.deps)).toEqual(first);
    expect(await graphOf(db)).toEqual(before);
  });
});
