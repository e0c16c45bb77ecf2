/**
 * Reading the cascade: the subgraph around a document (ancestors, descendants, the attachments and
 * mentions of the root, cycles cut), hidden where the viewer may not read; identities found by a
 * tolerant symbol; who has not answered a directive, from its recipients.
 */
import { beforeAll, expect, it } from "vitest";
import type { Viewer } from "../../src/store/access.js";
import { linkDocumentsWith } from "../../src/store/cascade-link.js";
import { findIdentities, loadCascade } from "../../src/store/cascade-read.js";
import { recipientsOf, unanswered } from "../../src/store/cascade-recipients.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "./backends.js";
import { edge, group, id, linked, org, World } from "./cascade-fixtures.js";

const admin: Viewer = { userId: 0, login: "admin", name: "Quản trị", role: "admin", unitId: null };

eachBackend("cascade reads", (store) => {
  const world = new World();
  let owner: Viewer;
  let outsider: Viewer;

  /** Stores documents (one file each, or private to `unitId`) and links them all. */
  const add = async (docs: Array<[string, ReturnType<typeof linked>]>, unitId?: number) => {
    const ids: number[] = [];
    for (const [recordId, link] of docs)
      ids.push(
        ...(await world.store(
          store().db,
          [{ recordId, link }],
          unitId === undefined ? undefined : { unitId, public: false, uploadedBy: null },
        )),
      );
    await store().db.transaction((tx) => linkDocumentsWith(tx, ids, world.deps));
  };

  beforeAll(async () => {
    const { db } = store();
    const mine = await createUnit(db, { code: "U1", name: "Đơn vị 1" }, "test");
    const other = await createUnit(db, { code: "U2", name: "Đơn vị 2" }, "test");
    owner = { userId: 1, login: "a", name: "A", role: "officer", unitId: mine.id };
    outsider = { userId: 2, login: "b", name: "B", role: "officer", unitId: other.id };
  });

  it("loads ancestors, descendants and the root's attachments, and hides what the viewer may not read", async () => {
    const s = (sym: string, date: string) => id("lc", sym, date.slice(0, 4), { date, subject: `Về ${sym}` });
    const [top, mid, low, hidden, attached, mentioned] = [
      s("1-CT/TW", "2020-01-01"),
      s("2-KH/TU", "2020-02-01"),
      s("3/UBND", "2020-03-01"),
      s("4/UBND", "2020-03-02"),
      s("5-TT/TU", "2020-01-15"),
      s("6-CT/TW", "2019-01-01"),
    ];
    await add([
      [
        "lc-mid",
        linked(mid, [edge(mid, top, "implements"), edge(mid, attached, "attaches")], [top, attached]),
      ],
      [
        "lc-low",
        linked(low, [edge(low, mid, "forwards"), edge(low, mentioned, "mentions")], [mid, mentioned]),
      ],
    ]);
    await add([["lc-hidden", linked(hidden, [edge(hidden, mid, "implements")], [mid])]], owner.unitId!);

    const graph = await loadCascade(store().db, outsider, mid.key);
    expect(graph?.root).toBe(mid.key);
    expect(graph?.nodes.map((n) => [n.symbol, n.present]).sort()).toEqual(
      [
        ["1-CT/TW", false],
        ["2-KH/TU", true],
        ["3/UBND", true],
        ["4/UBND", false],
        ["5-TT/TU", false],
      ].sort(),
    );
    expect(graph?.nodes.find((n) => n.key === hidden.key)).toMatchObject({ documentId: null, subject: null });
    expect(graph?.nodes.find((n) => n.key === low.key)).toMatchObject({
      documentId: world.doc("lc-low"),
      subject: "Về 3/UBND",
      date: "2020-03-01",
    });
    expect(graph?.edges.map((e) => [e.from, e.relation, e.to]).sort()).toEqual(
      [
        [mid.key, "implements", top.key],
        [mid.key, "attaches", attached.key],
        [low.key, "forwards", mid.key],
        [hidden.key, "implements", mid.key],
      ].sort(),
    );
    const seen = await loadCascade(store().db, owner, mid.key);
    expect(seen?.nodes.find((n) => n.key === hidden.key)).toMatchObject({
      present: true,
      documentId: world.doc("lc-hidden"),
      subject: "Về 4/UBND",
    });
    // From the bottom: the chain up, and the mention of the root itself.
    const fromLow = await loadCascade(store().db, admin, low.key);
    expect(fromLow?.nodes.map((n) => n.symbol).sort()).toEqual(["1-CT/TW", "2-KH/TU", "3/UBND", "6-CT/TW"]);
    expect(await loadCascade(store().db, admin, "lc|nothing|2020")).toBeNull();
  });

  it("ends on a cycle of implementing documents", async () => {
    const x = id("cy", "1/A", "2021");
    const y = id("cy", "2/B", "2021");
    await add([
      ["cy-x", linked(x, [edge(x, y, "implements")], [y])],
      ["cy-y", linked(y, [edge(y, x, "implements")], [x])],
    ]);
    const graph = await loadCascade(store().db, admin, x.key);
    expect(graph?.nodes.map((n) => n.key).sort()).toEqual([x.key, y.key].sort());
    expect(graph?.edges).toHaveLength(2);
  });

  it("finds identities by a symbol written loosely, and by issuer words, oldest first", async () => {
    const recent = id("fi/bbt", "12-CT/TW", "2022", { date: "2022-01-05", issuer: "Ban Bí thư" });
    const older = id("fi/bct", "12-CT/TW", "2011", { date: "2011-07-06", issuer: "Bộ Chính trị" });
    const citing = id("fi/x", "9/UBND", "2023");
    await add([
      [
        "fi-citing",
        linked(
          citing,
          [edge(citing, recent, "implements"), edge(citing, older, "mentions")],
          [recent, older],
        ),
      ],
    ]);
    for (const q of ["12 CT TW", "12-ct/tw", "12/CT-TW", " 12ct tw "])
      expect((await findIdentities(store().db, admin, q)).map((n) => n.key)).toEqual([older.key, recent.key]);
    expect((await findIdentities(store().db, admin, "12-CT/TW", "ban bi thu")).map((n) => n.key)).toEqual([
      recent.key,
    ]);
    expect((await findIdentities(store().db, admin, "12-CT/TW", "Bộ Chính"))[0]).toMatchObject({
      key: older.key,
      present: false,
      issuer: "Bộ Chính trị",
    });
    expect(await findIdentities(store().db, admin, "13-CT/TW")).toEqual([]);
    expect(await findIdentities(store().db, admin, "  ")).toEqual([]);
  });

  it("lists the act recipients that have not answered, and each unit's answers", async () => {
    const u1 = org("un/u1", "Quận ủy 1");
    const u2 = org("un/u2", "Quận ủy 2");
    const u2board = org("un/u2-btv", "BTV Quận ủy 2", { parent: u2.key });
    const u3 = org("un/u3", "Văn phòng");
    const u4 = org("un/u4", "Huyện ủy 4");
    const u5 = org("un/u5", "Huyện ủy 5");
    const u5office = org("un/u5-vp", "Văn phòng Huyện ủy 5", { series: u5.key });
    const directive = id("un/city", "10-CT/TU", "2023", { date: "2023-01-01", orgKey: "un/city" });
    const reply = (sym: string, by: typeof u1, relation: "implements" | "forwards" | "mentions") => {
      const own = id(by.key, sym, "2023", { date: "2023-02-01", orgKey: by.key });
      return linked(own, [edge(own, directive, relation)], [directive], {
        issuer: { org: by, candidates: [], how: "words", warning: null },
      });
    };
    const groups = [
      group("Các quận ủy", "act", [u1, u2, u4]),
      group("Huyện ủy 4, 5", "act", [u4, u5]),
      group("Các đơn vị sự nghiệp", "act", []),
      group("Lưu VT", "inform", [u3]),
    ];
    await add([
      ["un-directive", linked(directive, [], [], { recipients: groups })],
      ["un-r2", reply("21/BTV", u2board, "implements")],
      ["un-r4", reply("41/HU", u4, "mentions")],
      ["un-r5", reply("51/VP", u5office, "forwards")],
    ]);
    await add([["un-r1", reply("11/QU", u1, "implements")]], owner.unitId!);

    const byUnit = async (viewer: Viewer, unitKey?: string) =>
      (await unanswered(store().db, viewer, { unitKey })).map((u) => [
        u.unit.short,
        u.directives.map((d) => d.key),
      ]);
    expect(await byUnit(owner)).toEqual([["Huyện ủy 4", [directive.key]]]);
    // The outsider may not read Quận ủy 1's answer: for them it has not answered.
    expect(await byUnit(outsider)).toEqual([
      ["Huyện ủy 4", [directive.key]],
      ["Quận ủy 1", [directive.key]],
    ]);
    expect(await byUnit(owner, u4.key)).toEqual([["Huyện ủy 4", [directive.key]]]);
    expect(await byUnit(owner, u1.key)).toEqual([]);
    expect((await unanswered(store().db, owner, { limit: 1 }))[0]?.unit).toEqual({
      key: u4.key,
      name: "Huyện ủy 4",
      short: "Huyện ủy 4",
    });

    const view = await recipientsOf(store().db, owner, directive.key);
    const answered = (keys: string[]) => keys.map((k) => k.split("|")[1]);
    expect(
      view.map((g) => [
        g.group,
        g.purpose,
        g.expanded,
        g.units.map((u) => [u.short, answered(u.responded.map((r) => r.key))]),
      ]),
    ).toEqual([
      [
        "Các quận ủy",
        "act",
        true,
        [
          ["Quận ủy 1", ["11/QU"]],
          ["Quận ủy 2", ["21/BTV"]],
          ["Huyện ủy 4", []],
        ],
      ],
      [
        "Huyện ủy 4, 5",
        "act",
        true,
        [
          ["Huyện ủy 4", []],
          ["Huyện ủy 5", ["51/VP"]],
        ],
      ],
      ["Các đơn vị sự nghiệp", "act", false, []],
      ["Lưu VT", "inform", true, [["Văn phòng", []]]],
    ]);
    expect((await recipientsOf(store().db, outsider, directive.key))[0]?.units[0]?.responded).toEqual([]);
    expect(await recipientsOf(store().db, owner, "un/city|nothing|2023")).toEqual([]);
  });
});
