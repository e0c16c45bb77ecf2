/**
 * The incoming register through the API (numbered 1, 2, … per unit and year; a repeat is 409),
 * units and accounts (administrators only), and the OpenAPI document.
 */
import { beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { ensureAdmin } from "../../src/store/accounts.js";
import { eachBackend } from "../store/backends.js";
import { type Client, type ErrorAnswer, seed, signIn, upload } from "./client.js";

interface Entry {
  number: number;
  year: number;
  unitId: number;
  recordId: string;
  symbol: string | null;
  receivedOn: string;
}

const password = "mat-khau-dai-2";

eachBackend("server register and admin", (store) => {
  let app: ReturnType<typeof createApp>;
  let admin: Client;
  let clerkA: Client;
  let clerkB: Client;
  let officerA: Client;
  const units: Record<string, number> = {};
  const docs: Array<{ fileId: number; recordId: string; id: number }> = [];

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    const created = await ensureAdmin(db);
    admin = await signIn(app, created!.login, created!.password);
  });

  it("lets an administrator create units and accounts, and nobody else", async () => {
    for (const code of ["TU-CT", "UBND-CG"]) {
      const res = await admin.json<{ id: number; code: string }>("POST", "/api/units", {
        code,
        name: `Đơn vị ${code}`,
      });
      expect(res.status).toBe(201);
      units[code] = res.body.id;
    }
    const dup = await admin.json<ErrorAnswer>("POST", "/api/units", { code: "TU-CT", name: "again" });
    expect(dup.status).toBe(409);
    const people: Array<[string, string, string]> = [
      ["vanthu.a", "clerk", "TU-CT"],
      ["vanthu.b", "clerk", "UBND-CG"],
      ["chuyenvien.a", "officer", "TU-CT"],
    ];
    for (const [login, role, unit] of people) {
      const res = await admin.json<{ login: string; unitId: number }>("POST", "/api/users", {
        login,
        name: login,
        password,
        role,
        unitId: units[unit],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ login, unitId: units[unit] });
    }
    expect(
      (await admin.json("POST", "/api/users", { login: "vanthu.a", name: "x", password, role: "clerk" }))
        .status,
    ).toBe(409);
    // Logins are one whatever their case (sign-in ignores it).
    expect(
      (await admin.json("POST", "/api/users", { login: "VanThu.A", name: "x", password, role: "clerk" }))
        .status,
    ).toBe(409);
    expect(
      (await admin.json("POST", "/api/users", { login: "x y", name: "x", password: "short", role: "boss" }))
        .status,
    ).toBe(400);
    expect(
      (
        await admin.json("POST", "/api/users", {
          login: "orphan",
          name: "x",
          password,
          role: "clerk",
          unitId: 99999,
        })
      ).status,
    ).toBe(400);
    clerkA = await signIn(app, "vanthu.a", password);
    clerkB = await signIn(app, "vanthu.b", password);
    officerA = await signIn(app, "chuyenvien.a", password);
    expect((await clerkA.json("POST", "/api/units", { code: "X", name: "X" })).status).toBe(403);
    expect(
      (await clerkA.json("POST", "/api/users", { login: "z1", name: "z", password, role: "admin" })).status,
    ).toBe(403);
    expect((await clerkA.json("GET", "/api/users")).status).toBe(403);
    const list = await admin.json<{ users: Array<{ login: string }> }>("GET", "/api/users");
    expect(list.body.users.map((u) => u.login)).toEqual(["admin", "chuyenvien.a", "vanthu.a", "vanthu.b"]);
    const unitList = await clerkA.json<{ units: Array<{ code: string }> }>("GET", "/api/units");
    expect(unitList.body.units.map((u) => u.code)).toEqual(["TU-CT", "UBND-CG"]);
  });

  it("numbers the register 1, 2 per unit and year, and refuses a repeat with 409", async () => {
    for (const name of ["can-tho-677-CV-TU.txt", "can-gio-1237-UBND.txt"] as const) {
      const res = await upload(clerkA, [{ name, bytes: await seed(name) }], true);
      const item = res.body.files[0]!;
      docs.push({ fileId: item.fileId, recordId: item.documents[0]!.recordId, id: item.documents[0]!.id });
    }
    const register = (as: Client, i: number, extra: Record<string, unknown> = {}) =>
      as.json<Entry & ErrorAnswer>("POST", "/api/register", {
        fileId: docs[i]!.fileId,
        recordId: docs[i]!.recordId,
        receivedOn: "2023-03-10",
        ...extra,
      });
    const first = await register(clerkA, 0, { handler: "Phòng Tổng hợp" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, year: 2023, unitId: units["TU-CT"], symbol: "677-CV/TU" });
    expect((await register(clerkA, 1)).body).toMatchObject({ number: 2, year: 2023 });
    const again = await register(clerkA, 0);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_registered");
    // Another unit's register starts at 1; a new year starts at 1.
    expect((await register(clerkB, 1)).body).toMatchObject({ number: 1, unitId: units["UBND-CG"] });
    expect((await register(clerkB, 0, { receivedOn: "2024-01-02" })).body).toMatchObject({
      number: 1,
      year: 2024,
    });

    const year = await clerkA.json<{ entries: Entry[] }>("GET", "/api/register?year=2023");
    expect(year.status).toBe(200);
    expect(year.body.entries.map((e) => e.number)).toEqual([2, 1]);
    const shown = await clerkA.json<{ registration: Entry | null }>("GET", `/api/documents/${docs[0]!.id}`);
    expect(shown.body.registration).toMatchObject({ number: 1, receivedOn: "2023-03-10" });
  });

  it("maps the register's refusals to 403, 404 and 400", async () => {
    expect(
      (await officerA.json("POST", "/api/register", { fileId: docs[0]!.fileId, recordId: docs[0]!.recordId }))
        .status,
    ).toBe(403);
    const missing = await clerkA.json<ErrorAnswer>("POST", "/api/register", {
      fileId: docs[0]!.fileId,
      recordId: "nope",
    });
    expect(missing.status).toBe(404);
    expect((await clerkA.json("POST", "/api/register", { fileId: "one", recordId: "" })).status).toBe(400);
    expect(
      (await clerkA.json("POST", "/api/register", { fileId: 1, recordId: "x", receivedOn: "hôm qua" }))
        .status,
    ).toBe(400);
    // The administrator has no unit: whose register? (unless one is named)
    expect((await admin.json<ErrorAnswer>("GET", "/api/register")).body.error.code).toBe("no_unit");
    const named = await admin.json<{ entries: Entry[] }>(
      "GET",
      `/api/register?year=2023&unitId=${units["TU-CT"]}`,
    );
    expect(named.body.entries).toHaveLength(2);
    expect((await clerkB.json("GET", `/api/register?unitId=${units["TU-CT"]}`)).status).toBe(403);
  });

  it("describes every API route in an OpenAPI 3.1 document generated from the schemas", async () => {
    const res = await clerkA.json<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    }>("GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const routes = Object.entries(res.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        "GET /health",
        "POST /login",
        "POST /logout",
        "GET /api/me",
        "POST /api/lang",
        "GET /api/documents",
        "GET /api/documents/{id}",
        "POST /api/documents/{id}/corrections",
        "GET /api/files/{id}/original",
        "POST /api/upload",
        "POST /api/files/{id}/reparse",
        "GET /api/register",
        "POST /api/register",
        "GET /api/units",
        "POST /api/units",
        "GET /api/users",
        "POST /api/users",
        "GET /api/cascade",
        "GET /api/identities/{key}/cascade",
        "GET /api/identities/{key}/recipients",
        "GET /api/unanswered",
        "GET /api/edges/ambiguous",
        "POST /api/edges/{id}/confirm",
        "GET /api/organisations",
        "PATCH /api/organisations/{key}",
        "PATCH /api/units/{id}",
        "GET /api/tasks/{id}",
        "PATCH /api/tasks/{id}",
        "DELETE /api/tasks/{id}",
        "POST /api/tasks",
        "POST /api/tasks/merge",
        "POST /api/tasks/{id}/split",
        "GET /api/task-items/{id}",
        "POST /api/task-items/{id}/status",
        "POST /api/task-items/{id}/handler",
        "POST /api/task-items/{id}/evidence",
        "GET /api/evidence/{id}/file",
        "GET /api/my/tasks",
        "GET /api/documents/{id}/tasks",
        "GET /api/task-load",
        "GET /api/dashboard",
        "GET /api/notifications",
        "POST /api/notifications/{id}/read",
        "POST /api/notifications/read-all",
        "GET /api/me/notification-prefs",
        "PUT /api/me/notification-prefs",
        "POST /api/reports",
      ].sort(),
    );
    expect(Object.keys(res.body.components.schemas)).toEqual(
      expect.arrayContaining(["DocumentRecord", "DocumentDetail", "SearchResult", "Error", "RegisterEntry"]),
    );
    const corrections = res.body.paths["/api/documents/{id}/corrections"]!.post!;
    expect(corrections.requestBody).toBeDefined();
    expect(Object.keys(corrections.responses)).toEqual(expect.arrayContaining(["200", "400", "403", "404"]));
  });
});
