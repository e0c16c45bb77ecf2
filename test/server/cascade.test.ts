/**
 * The cascade through the API, on the two seeds uploaded as published documents: every route behind
 * the login, a symbol's matches and its cascade, identity keys ("|" and "/") URL-encoded in the path,
 * recipients and unanswered directives, confirming a link (role and CSRF), and issuing bodies
 * corrected by an administrator only.
 */
import { beforeAll, expect, it } from "vitest";
import type { GraphNode } from "../../src/link/graph.js";
import type { Organisation } from "../../src/link/types.js";
import type { CascadeView } from "../../src/server/api/cascade.js";
import { createApp } from "../../src/server/app.js";
import { createAccount } from "../../src/store/accounts.js";
import { type AmbiguousEdge, ambiguousEdges, relinkAll } from "../../src/store/cascade.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "../store/backends.js";
import { type Client, type ErrorAnswer, openapiRoutes, origin, seed, signIn, upload } from "./client.js";

const password = "mat-khau-dai-1";
const admin = { userId: 0, login: "test", name: "test", role: "admin" as const, unitId: null };

interface Lookup {
  matches: GraphNode[];
  cascade: CascadeView | null;
}

eachBackend("server cascade", (store) => {
  let app: ReturnType<typeof createApp>;
  let clerk: Client;
  let officer: Client;
  let boss: Client;

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    const unit = await createUnit(db, { code: "VP-TU-CT", name: "Văn phòng Thành ủy Cần Thơ" }, "test");
    const people: Array<[string, "clerk" | "officer" | "admin"]> = [
      ["vanthu.ct", "clerk"],
      ["chuyenvien.ct", "officer"],
      ["quantri", "admin"],
    ];
    for (const [login, role] of people)
      await createAccount(db, { login, name: login, password, role, unitId: unit.id }, "test");
    clerk = await signIn(app, "vanthu.ct", password);
    officer = await signIn(app, "chuyenvien.ct", password);
    boss = await signIn(app, "quantri", password);
    for (const name of ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"] as const) {
      const res = await upload(clerk, [{ name, bytes: await seed(name) }], true);
      expect(res.body.files[0]?.action).toBe("imported");
    }
  }, 120_000);

  const lookup = (symbol: string, issuer?: string) =>
    clerk.json<Lookup>(
      "GET",
      `/api/cascade?symbol=${encodeURIComponent(symbol)}${issuer ? `&issuer=${encodeURIComponent(issuer)}` : ""}`,
    );
  const keyOf = async (symbol: string) => {
    const { body } = await lookup(symbol);
    expect(body.matches).toHaveLength(1);
    return body.matches[0]!.key;
  };
  const path = (key: string, rest: string) => `/api/identities/${encodeURIComponent(key)}/${rest}`;

  it("answers 401 to every cascade route without a session", async () => {
    const routes: Array<[string, string]> = [
      ["GET", "/api/cascade?symbol=12-CT%2FTW"],
      ["GET", "/api/identities/x%7Cy%7C2022/cascade"],
      ["GET", "/api/identities/x%7Cy%7C2022/recipients"],
      ["GET", "/api/unanswered"],
      ["GET", "/api/edges/ambiguous"],
      ["GET", "/api/organisations"],
    ];
    for (const [method, url] of routes) {
      const res = await app.request(url, { method });
      expect(res.status, url).toBe(401);
      expect(((await res.json()) as ErrorAnswer).error.code).toBe("unauthenticated");
    }
    const patch = await app.request("/api/organisations/x", {
      method: "PATCH",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ short: "x" }),
    });
    expect(patch.status).toBe(401);
  });

  it("finds 12-CT/TW by its symbol and answers its cascade", async () => {
    const { status, body } = await lookup("12-CT/TW");
    expect(status).toBe(200);
    expect(body.matches.map((m) => m.symbol)).toEqual(["12-CT/TW"]);
    const c = body.cascade!;
    expect(c.focus).toMatchObject({ symbol: "12-CT/TW", present: false, documentId: null });
    expect(c.ancestors).toEqual([]);
    expect(c.recipients).toEqual([]);
    const [top] = c.trees;
    expect(top!.node.key).toBe(c.focus.key);
    expect(top!.children.map((b) => [b.node.symbol, b.relation, b.lagDays])).toEqual([
      ["14-TT/TU", "implements", 358],
      ["677-CV/TU", "implements", 366],
    ]);
    // The schema types children loosely (it is recursive): the grandchildren are there all the same.
    const tt = top!.children[0]!.children;
    expect(tt.map((b) => [b.node.symbol, b.inferred, b.repeat])).toEqual([
      ["603/UBND-TH", true, false],
      ["1237/UBND", false, true],
    ]);
  });

  it("lists every identity a loose symbol names, and narrows them by issuer words", async () => {
    const several = await lookup("CT/TW");
    expect(several.status).toBe(200);
    expect(several.body.matches.map((m) => m.symbol).sort()).toEqual(["04-CT/TW", "12-CT/TW", "38-CT/TW"]);
    expect(several.body.cascade).toBeNull();
    const narrowed = await lookup("TU", "Hồ Chí Minh");
    expect(narrowed.body.matches.map((m) => m.symbol)).toEqual(["14-TT/TU"]);
    expect(narrowed.body.cascade?.focus.symbol).toBe("14-TT/TU");
    const none = await lookup("9999-QĐ/XYZ");
    expect(none).toEqual({ status: 200, body: { matches: [], cascade: null } });
    const empty = await clerk.json<ErrorAnswer>("GET", "/api/cascade?symbol=");
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("invalid_request");
  });

  it("takes identity keys URL-encoded in the path, '|' and '/' included", async () => {
    const key = await keyOf("677-CV/TU");
    expect(key).toMatch(/\|.*\//);
    const res = await clerk.json<CascadeView>("GET", path(key, "cascade"));
    expect(res.status).toBe(200);
    expect(res.body.focus).toMatchObject({ key, symbol: "677-CV/TU", present: true });
    expect(res.body.ancestors.map((a) => a.node.symbol)).toContain("12-CT/TW");
    expect(res.body.related.map((r) => r.node.symbol)).toEqual(
      expect.arrayContaining(["38-CT/TW", "108-KH/TU"]),
    );
    // Unencoded, the slashes make another path: no such route.
    const raw = await clerk.fetch(`/api/identities/${key}/cascade`);
    expect(raw.status).toBe(404);
    const unknown = await clerk.json<ErrorAnswer>("GET", path(`${key}0`, "cascade"));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("not_found");
  });

  it("answers a directive's recipients, and per unit what it has not answered", async () => {
    const key = await keyOf("677-CV/TU");
    const res = await clerk.json<{ recipients: CascadeView["recipients"] }>("GET", path(key, "recipients"));
    expect(res.status).toBe(200);
    const acting = res.body.recipients.filter((g) => g.purpose === "act");
    expect(acting.length).toBeGreaterThan(0);
    const units = acting.flatMap((g) => g.units);
    // expected-cascade.md: no implementing document from any of them is in the store.
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.responded.length === 0)).toBe(true);
    expect((await clerk.json("GET", path(`${key}0`, "recipients"))).status).toBe(404);

    const all = await clerk.json<{ units: Array<{ unit: { key: string }; directives: GraphNode[] }> }>(
      "GET",
      "/api/unanswered",
    );
    expect(all.status).toBe(200);
    const waiting = all.body.units.filter((u) => u.directives.some((d) => d.key === key));
    expect(waiting.map((u) => u.unit.key).sort()).toEqual([...new Set(units.map((u) => u.key))].sort());
    const one = waiting[0]!.unit.key;
    const only = await clerk.json<{ units: Array<{ unit: { key: string } }> }>(
      "GET",
      `/api/unanswered?unit=${encodeURIComponent(one)}`,
    );
    expect(only.body.units.map((u) => u.unit.key)).toEqual([one]);
    expect((await clerk.json<ErrorAnswer>("GET", "/api/unanswered?limit=0")).status).toBe(400);
  });

  it("confirms links for clerks and administrators only, with the CSRF token", async () => {
    const listed = await officer.json<{ edges: unknown[] }>("GET", "/api/edges/ambiguous");
    expect(listed.status).toBe(200);
    expect(listed.body.edges).toEqual(JSON.parse(JSON.stringify(await ambiguousEdges(store().db, admin))));
    const body = JSON.stringify({ key: "party/tw|12-CT/TW|2022" });
    const post = (as: Client, csrf?: string | null) =>
      as.fetch("/api/edges/2147483647/confirm", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        csrf,
      });
    const byOfficer = await post(officer);
    expect(byOfficer.status).toBe(403);
    expect(((await byOfficer.json()) as ErrorAnswer).error.code).toBe("forbidden");
    const noToken = await post(clerk, null);
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as ErrorAnswer).error.code).toBe("csrf_failed");
    const missing = await post(clerk);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorAnswer).error.code).toBe("edge_not_found");
    const bad = await clerk.json<ErrorAnswer>("POST", "/api/edges/1/confirm", { chosen: "x" });
    expect(bad.status).toBe(400);
    expect((await clerk.json<ErrorAnswer>("POST", "/api/edges/0/confirm", { key: "a|b|c" })).status).toBe(
      400,
    );
  });

  it("confirms which body an ambiguous citation means, shows the choice, and keeps it over a relink", async () => {
    // The Cần Thơ letter with two changes: its own number (678 for 677, a letter of its own) and its
    // parenthetical citing a district plan, "108-KH/HU", without saying which district: every Huyện ủy
    // of Cần Thơ fits, and a person must say which.
    const text = (await seed("can-tho-677-CV-TU.txt"))
      .toString("utf8")
      .replaceAll("677-CV/TU", "678-CV/TU")
      .replace("(Kế hoạch số 108-KH/TU)", "(Kế hoạch số 108-KH/HU)");
    expect(text).toContain("(Kế hoạch số 108-KH/HU)");
    const up = await upload(clerk, [{ name: "can-tho-678-CV-TU.txt", bytes: Buffer.from(text) }], true);
    expect(up.body.files[0]?.action).toBe("imported");
    const open = async () =>
      (await clerk.json<{ edges: AmbiguousEdge[] }>("GET", "/api/edges/ambiguous")).body.edges.filter(
        (e) => e.symbol === "108-KH/HU",
      );
    const [edge] = await open();
    expect(edge).toBeDefined();
    expect(edge!.from.symbol).toBe("678-CV/TU");
    expect(edge!.candidates.length).toBeGreaterThan(1);
    expect(edge!.warning).toMatch(/confirm/);

    const letter = edge!.from.key;
    const page = await (await clerk.fetch(`/identities/${encodeURIComponent(letter)}/cascade`)).text();
    expect(page).toContain(`action="/edges/${edge!.id}/confirm"`);
    for (const c of edge!.candidates) expect(page).toContain(`value="${c.key}"`);

    const confirm = (as: Client, key: string) =>
      as.json<ErrorAnswer>("POST", `/api/edges/${edge!.id}/confirm`, { key });
    const chosen = edge!.candidates.at(-1)!;
    expect((await confirm(officer, chosen.key)).status).toBe(403);
    const stranger = await confirm(clerk, await keyOf("12-CT/TW"));
    expect([stranger.status, stranger.body.error.code]).toEqual([400, "not_a_candidate"]);
    const done = await clerk.json("POST", `/api/edges/${edge!.id}/confirm`, { key: chosen.key });
    expect(done).toEqual({ status: 200, body: { id: edge!.id, key: chosen.key } });

    const mentioned = async () => {
      const c = await clerk.json<CascadeView>("GET", path(letter, "cascade"));
      return c.body.related.filter((r) => r.node.symbol === "108-KH/HU").map((r) => [r.node.key, r.relation]);
    };
    expect(await open()).toEqual([]);
    expect(await mentioned()).toEqual([[chosen.key, "mentions"]]);
    await relinkAll(store().db);
    expect(await open()).toEqual([]);
    expect(await mentioned()).toEqual([[chosen.key, "mentions"]]);
  });

  it("lists the issuing bodies, filtered by words and by the review mark", async () => {
    // Every body at once (the default page is a hundred; the seeds' tasks name more than that).
    const all = await clerk.json<{ organisations: Organisation[] }>("GET", "/api/organisations?limit=1000");
    expect(all.status).toBe(200);
    expect(all.body.organisations.length).toBeGreaterThan(0);
    expect(all.body.organisations.length).toBeLessThan(1000);
    const found = await clerk.json<{ organisations: Organisation[] }>(
      "GET",
      "/api/organisations?q=can%20tho",
    );
    expect(found.body.organisations.length).toBeGreaterThan(0);
    expect(found.body.organisations.length).toBeLessThan(all.body.organisations.length);
    const review = await clerk.json<{ organisations: Organisation[] }>(
      "GET",
      "/api/organisations?review=true&limit=1000",
    );
    expect(review.body.organisations.every((o) => o.review)).toBe(true);
    const settled = await clerk.json<{ organisations: Organisation[] }>(
      "GET",
      "/api/organisations?review=false&limit=1000",
    );
    expect(settled.body.organisations.every((o) => !o.review)).toBe(true);
    expect(review.body.organisations.length + settled.body.organisations.length).toBe(
      all.body.organisations.length,
    );
  });

  it("pages the bodies' page a hundred at a time, keeping the filter", async () => {
    const all = await clerk.json<{ organisations: Organisation[] }>("GET", "/api/organisations?limit=1000");
    const n = all.body.organisations.length;
    const first = await (await clerk.fetch("/organisations")).text();
    const rows = (html: string) => (html.match(/<tr data-key=/g) ?? []).length;
    expect(rows(first)).toBe(Math.min(n, 100));
    if (n > 100) {
      expect(first).toContain('href="/organisations?page=2"');
      const second = await (await clerk.fetch("/organisations?page=2")).text();
      expect(rows(second)).toBe(Math.min(n - 100, 100));
    } else expect(first).not.toContain('class="pager"');
    // A page past the end shows the last one, not an empty list.
    expect(rows(await (await clerk.fetch("/organisations?page=999")).text())).toBe(
      n > 100 ? n - 100 * Math.floor((n - 1) / 100) : n,
    );
  });

  it("lets an administrator alone correct a body, which a relink then keeps", async () => {
    const { body } = await clerk.json<{ organisations: Organisation[] }>(
      "GET",
      "/api/organisations?q=can%20tho",
    );
    const target = body.organisations.find((o) => o.key.includes("/"))!;
    const url = `/api/organisations/${encodeURIComponent(target.key)}`;
    const change = { short: `${target.short} (đã sửa)`, aliases: [...target.aliases, "Cơ quan thử"] };
    const byClerk = await clerk.json<ErrorAnswer>("PATCH", url, change);
    expect(byClerk.status).toBe(403);
    const noToken = await boss.fetch(url, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(change),
      csrf: null,
    });
    expect(noToken.status).toBe(403);
    const done = await boss.json<Organisation>("PATCH", url, change);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ key: target.key, ...change });
    await relinkAll(store().db);
    const again = await clerk.json<{ organisations: Organisation[] }>(
      "GET",
      `/api/organisations?q=${encodeURIComponent("Cơ quan thử")}`,
    );
    expect(again.body.organisations.map((o) => [o.key, o.short])).toEqual([[target.key, change.short]]);

    const refusals: Array<[string, unknown, number, string]> = [
      [url, { parent: "no/such-body" }, 400, "parent_not_found"],
      [url, { colour: "red" }, 400, "invalid_request"],
      [url, { short: "" }, 400, "invalid_request"],
      ["/api/organisations/no%2Fsuch-body", { short: "x" }, 404, "organisation_not_found"],
    ];
    for (const [where, patch, status, code] of refusals) {
      const res = await boss.json<ErrorAnswer>("PATCH", where, patch);
      expect([res.status, res.body.error.code], JSON.stringify(patch)).toEqual([status, code]);
    }
  });

  it("renders the cascade page as a tree of <details>, escaping what the viewer typed", async () => {
    const res = await clerk.fetch(`/cascade?symbol=${encodeURIComponent("12-CT/TW")}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<ul class="cascade-tree" id="cascade-tree">');
    expect(page.match(/<details open>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(page).toContain("+358 ngày");
    expect(page).toContain("chưa có trong kho");
    const key = await keyOf("12-CT/TW");
    const byKey = await clerk.fetch(`/identities/${encodeURIComponent(key)}/cascade`);
    expect(byKey.status).toBe(200);
    expect(await byKey.text()).toContain("+358 ngày");
    expect((await clerk.fetch(`/identities/${encodeURIComponent(`${key}0`)}/cascade`)).status).toBe(404);
    const probe = '<script>alert("x")</script>';
    const evil = await (await clerk.fetch(`/cascade?symbol=${encodeURIComponent(`12 ${probe}`)}`)).text();
    expect(evil).not.toContain(probe);
    expect(evil).toContain("&lt;script&gt;");
  });

  it("leads from a document's page to its own cascade", async () => {
    const { body } = await lookup("1237/UBND");
    const own = body.matches.find((m) => m.present)!;
    const doc = await clerk.fetch(`/documents/${own.documentId}`);
    expect(await doc.text()).toContain(`href="/documents/${own.documentId}/cascade"`);
    const res = await clerk.fetch(`/documents/${own.documentId}/cascade`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/identities/${encodeURIComponent(own.key)}/cascade`);
  });

  it("shows beside a body of before 1 July 2025 who took it over", async () => {
    const { body } = await lookup("1237/UBND");
    const own = body.matches.find((m) => m.present)!;
    const page = await (await clerk.fetch(`/identities/${encodeURIComponent(own.key)}/cascade`)).text();
    // The district's People's Committee and its communes ended with the district level.
    expect(page).toMatch(
      /UBND huyện Cần Giờ<\/span>\s*<span class="cnode-successor[^"]*">nay: [^<]*UBND xã Cần Giờ/,
    );
    expect(page).toMatch(
      /UBND xã Lý Nhơn<\/span>\s*<span class="cnode-successor[^"]*">nay: UBND xã An Thới Đông</,
    );
  });

  it("answers the page forms with a redirect back and a reason", async () => {
    const form = (as: Client, url: string, fields: Record<string, string>) =>
      as.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: as.csrf, ...fields }).toString(),
      });
    const back = "/cascade?symbol=12-CT%2FTW";
    const byOfficer = await form(officer, "/edges/5/confirm", { key: "a|b|c", next: back });
    expect(byOfficer.status).toBe(303);
    expect(byOfficer.headers.get("location")).toBe(`${back}&error=forbidden`);
    const missing = await form(clerk, "/edges/2147483647/confirm", { key: "a|b|c", next: back });
    expect(missing.headers.get("location")).toBe(`${back}&error=not_found`);
    const away = await form(clerk, "/edges/2147483647/confirm", { key: "a|b|c", next: "//evil.example/" });
    expect(away.headers.get("location")).toBe("/cascade?error=not_found");

    const { body } = await clerk.json<{ organisations: Organisation[] }>(
      "GET",
      "/api/organisations?review=false&limit=1000",
    );
    const target = body.organisations[0]!;
    const url = `/organisations/${encodeURIComponent(target.key)}`;
    const fields = {
      name: target.name,
      short: `${target.short} *`,
      aliases: "",
      parent: "",
      next: "/organisations",
    };
    const byClerk = await form(clerk, url, fields);
    expect(byClerk.headers.get("location")).toBe("/organisations?error=forbidden");
    const saved = await form(boss, url, { ...fields, review: "on" });
    expect(saved.headers.get("location")).toBe(`/organisations?saved=${encodeURIComponent(target.key)}`);
    const list = await clerk.json<{ organisations: Organisation[] }>(
      "GET",
      `/api/organisations?q=${encodeURIComponent(target.key)}`,
    );
    expect(list.body.organisations.find((o) => o.key === target.key)).toMatchObject({
      short: `${target.short} *`,
      review: true,
      aliases: [],
      parent: null,
    });
    const page = await (await boss.fetch(`/organisations?saved=${encodeURIComponent(target.key)}`)).text();
    expect(page).toContain(`${target.short} *`);
    expect(page).toContain('class="edit org-edit"');
    expect(await (await clerk.fetch("/organisations")).text()).not.toContain('class="edit org-edit"');
  });

  it("documents the cascade routes in the OpenAPI document", async () => {
    const routes = await openapiRoutes(clerk);
    expect(routes).toEqual(
      expect.arrayContaining([
        "get /api/cascade",
        "get /api/identities/{key}/cascade",
        "get /api/identities/{key}/recipients",
        "get /api/unanswered",
        "get /api/edges/ambiguous",
        "post /api/edges/{id}/confirm",
        "get /api/organisations",
        "patch /api/organisations/{key}",
      ]),
    );
  });
});
