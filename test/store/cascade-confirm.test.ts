/**
 * A person's word in the cascade: which body an ambiguous citation means (kept by file, record and
 * symbol, audited, applied, and still applied after relinking everything), and corrections of the
 * issuing bodies, which linking never overwrites.
 */
import { beforeAll, expect, it } from "vitest";
import type { Viewer } from "../../src/store/access.js";
import { auditTrail } from "../../src/store/audit.js";
import {
  CascadeError,
  confirmEdgeWith,
  linkDocumentsWith,
  relinkAllWith,
} from "../../src/store/cascade-link.js";
import { ambiguousEdges } from "../../src/store/cascade-read.js";
import {
  countOrganisations,
  findOrganisation,
  listOrganisations,
  OrganisationError,
  updateOrganisation,
} from "../../src/store/organisations.js";
import { createUser, type User } from "../../src/store/units-users.js";
import { eachBackend } from "./backends.js";
import { edge, graphOf, id, identityRow, linked, org, World } from "./cascade-fixtures.js";

const admin: Viewer = { userId: 0, login: "admin", name: "Quản trị", role: "admin", unitId: null };

eachBackend("cascade confirmations and bodies", (store) => {
  const world = new World();
  let clerk: User;

  beforeAll(async () => {
    clerk = await createUser(store().db, { login: "clerk", name: "Văn thư" }, "test");
  });

  const a = id("cf/a", "5-KH/TU", "2022", { issuer: "Thành ủy A" });
  const b = id("cf/b", "5-KH/TU", "2022", { issuer: "Thành ủy B" });
  const unsure = id("?", "5-KH/TU", "2022");
  const citing = id("cf/x", "77/UBND", "2023");

  it("lists an ambiguous edge, confirms one candidate, and keeps the choice through a full relink", async () => {
    const { db } = store();
    const warning = "5-KH/TU: 2 bodies may have issued it; confirm one";
    await world.store(db, [
      {
        recordId: "cf-citing",
        link: linked(citing, [edge(citing, unsure, "implements", { candidates: [a, b], warning })], [unsure]),
      },
    ]);
    await db.transaction((tx) => linkDocumentsWith(tx, [world.doc("cf-citing")], world.deps));
    const [open] = await ambiguousEdges(db, admin);
    expect(open).toMatchObject({
      from: { key: citing.key, present: true, documentId: world.doc("cf-citing") },
      to: unsure.key,
      symbol: "5-KH/TU",
      warning,
      confirmed: false,
      candidates: [
        { key: a.key, issuer: "Thành ủy A" },
        { key: b.key, issuer: "Thành ủy B" },
      ],
    });

    const actor = { userId: clerk.id, login: clerk.login };
    await expect(confirmEdgeWith(db, open!.id, "cf/c|5-KH/TU|2022", actor, world.deps)).rejects.toThrow(
      /not a candidate.*cf\/a\|5-KH\/TU\|2022, cf\/b\|5-KH\/TU\|2022/,
    );
    await expect(confirmEdgeWith(db, 999_999, a.key, actor, world.deps)).rejects.toMatchObject({
      code: "edge_not_found",
    });
    await confirmEdgeWith(db, open!.id, b.key, actor, world.deps);

    const expectResolved = async () => {
      const [row] = await db.query<{ to_key: string; warning: string | null; confirmed: boolean }>(
        "SELECT to_key, warning, confirmed FROM edges WHERE source_document_id = $1",
        [world.doc("cf-citing")],
      );
      expect(row).toEqual({ to_key: b.key, warning: null, confirmed: true });
      expect(await identityRow(db, unsure.key)).toBeUndefined();
      expect(await identityRow(db, b.key)).toMatchObject({ document_id: null });
      expect(await ambiguousEdges(db, admin)).toEqual([]);
    };
    await expectResolved();
    const trail = await auditTrail(db, "document", world.doc("cf-citing"));
    expect(trail.map((t) => [t.action, t.actor, t.detail.old, t.detail.new])).toEqual([
      ["edge.confirmed", "clerk", unsure.key, b.key],
    ]);
    const [kept] = await db.query<{ symbol: string; chosen_key: string; user_id: number }>(
      "SELECT symbol, chosen_key, user_id FROM edge_confirmations",
    );
    expect(kept).toEqual({ symbol: "5-KH/TU", chosen_key: b.key, user_id: clerk.id });

    await relinkAllWith(db, world.deps);
    await expectResolved();
    expect((await graphOf(db, [citing.key])).edges).toEqual([
      { from: citing.key, to: b.key, relation: "implements", inferred: false },
    ]);
  });

  it("changes a confirmed choice, and refuses a key that is no candidate with a stable code", async () => {
    const { db } = store();
    const edgeId = async () =>
      (
        await db.query<{ id: number }>("SELECT id FROM edges WHERE source_document_id = $1", [
          world.doc("cf-citing"),
        ])
      )[0]!.id;
    const actor = { userId: clerk.id, login: "clerk" };
    // Confirmed, the edge keeps its candidates: a person may still choose the other one.
    await confirmEdgeWith(db, await edgeId(), a.key, actor, world.deps);
    const wrong = await confirmEdgeWith(db, await edgeId(), "nope", actor, world.deps).catch(
      (x: unknown) => x,
    );
    expect(wrong).toBeInstanceOf(CascadeError);
    expect(wrong).toMatchObject({ code: "not_a_candidate" });
    expect((await graphOf(db, [citing.key])).edges[0]?.to).toBe(a.key);
  });

  it("keeps a person's edit of a body through relinking, audited; linking updates the others", async () => {
    const { db } = store();
    const body = org("og/ubnd-x", "UBND X", { aliases: ["Ủy ban X"] });
    const other = org("og/ubnd-y", "UBND Y");
    const named = org("og/hoi-z", "Hội Z", { review: true, system: "mass" });
    const doc = id("og/ubnd-x", "1/UBND", "2024", { orgKey: body.key });
    const withIssuer = (issuer: typeof body, side: typeof other) =>
      linked(doc, [], [], {
        issuer: { org: issuer, candidates: [side, named], how: "words", warning: null },
      });
    await world.store(db, [{ recordId: "og-doc", link: withIssuer(body, other) }]);
    const relink = () => db.transaction((tx) => linkDocumentsWith(tx, [world.doc("og-doc")], world.deps));
    await relink();
    expect((await listOrganisations(db, { q: "uy ban x" })).map((o) => o.key)).toEqual([body.key]);
    expect((await listOrganisations(db, { review: true })).map((o) => o.key)).toEqual([named.key]);
    // Pages: an offset into the same order, and the count of the same filter.
    const all = await listOrganisations(db, { limit: 1000 });
    expect(await countOrganisations(db)).toBe(all.length);
    expect(await countOrganisations(db, { review: true })).toBe(1);
    expect((await listOrganisations(db, { limit: 1, offset: 1 })).map((o) => o.key)).toEqual([all[1]!.key]);
    expect(await listOrganisations(db, { offset: all.length })).toEqual([]);

    const actor = { userId: clerk.id, login: clerk.login };
    const updated = await updateOrganisation(
      db,
      body.key,
      { short: "UBND huyện X", parent: other.key },
      actor,
    );
    expect(updated).toMatchObject({
      short: "UBND huyện X",
      parent: other.key,
      name: "UBND X",
      aliases: ["Ủy ban X"],
    });
    const trail = await auditTrail(db, "organisation", body.key);
    expect(trail.map((t) => [t.action, t.detail])).toEqual([
      [
        "organisation.updated",
        { old: { short: "UBND X", parent: null }, new: { short: "UBND huyện X", parent: other.key } },
      ],
    ]);

    // The tables now say other things of both bodies: the edited one keeps the person's version.
    world.links.set(
      "og-doc",
      withIssuer({ ...body, short: "UBND X (bảng)" }, { ...other, short: "UBND Y mới" }),
    );
    await relink();
    expect(await findOrganisation(db, body.key)).toEqual(updated);
    expect((await findOrganisation(db, other.key))?.short).toBe("UBND Y mới");

    await expect(updateOrganisation(db, "og/none", { short: "x" }, actor)).rejects.toBeInstanceOf(
      OrganisationError,
    );
    await expect(updateOrganisation(db, body.key, { parent: "og/none" }, actor)).rejects.toMatchObject({
      code: "parent_not_found",
    });
    await expect(updateOrganisation(db, body.key, { short: "" }, actor)).rejects.toThrow();
    await expect(updateOrganisation(db, body.key, { level: "central" } as never, actor)).rejects.toThrow();
    expect((await auditTrail(db, "organisation", body.key)).length).toBe(1);
  });
});
