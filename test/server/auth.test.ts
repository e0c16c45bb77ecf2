/**
 * Signing in and the gate: /health is the only public route; JSON and form logins, wrong
 * passwords, the rate limit, CSRF (token and origin), logout, the language, security headers.
 */
import { beforeAll, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { createAccount, ensureAdmin } from "../../src/store/accounts.js";
import { createUnit } from "../../src/store/units-users.js";
import { eachBackend } from "../store/backends.js";
import { type Client, cookieOf, type ErrorAnswer, origin, signIn } from "./client.js";

eachBackend("server auth", (store) => {
  let app: ReturnType<typeof createApp>;
  let admin: { login: string; password: string };
  const officer = { login: "chuyenvien", password: "mat-khau-dai-1" };

  beforeAll(async () => {
    const { db } = store();
    app = createApp({ db });
    const created = await ensureAdmin(db);
    if (!created) throw new Error("a fresh store has no admin yet");
    admin = created;
    const unit = await createUnit(db, { code: "VP-A", name: "Văn phòng A" }, "test");
    await createAccount(db, { ...officer, name: "Chuyên viên", role: "officer", unitId: unit.id }, "test");
  });

  const jsonLogin = (login: string, password: string, headers: Record<string, string> = {}) =>
    app.request("/login", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ login, password }),
    });

  const formLogin = (fields: Record<string, string>, target = app) =>
    target.request("/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams(fields).toString(),
    });

  it("answers /health without login, with the security headers", async () => {
    const res = await app.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, backend: store().db.backend });
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("refuses every other API route without login (401 JSON), the openapi document included", async () => {
    const routes: Array<[string, string]> = [
      ["GET", "/api/me"],
      ["GET", "/api/documents?q=x"],
      ["GET", "/api/documents/1"],
      ["GET", "/api/files/1/original"],
      ["POST", "/api/documents/1/corrections"],
      ["POST", "/api/upload"],
      ["POST", "/api/files/1/reparse"],
      ["GET", "/api/register"],
      ["POST", "/api/register"],
      ["GET", "/api/units"],
      ["POST", "/api/units"],
      ["GET", "/api/users"],
      ["POST", "/api/users"],
      ["POST", "/api/lang"],
      ["GET", "/api/openapi.json"],
      ["GET", "/api/no-such-route"],
    ];
    for (const [method, path] of routes) {
      const res = await app.request(path, {
        method,
        headers: { "content-type": "application/json", origin },
        body: method === "POST" ? "{}" : undefined,
      });
      expect([method, path, res.status]).toEqual([method, path, 401]);
      expect(((await res.json()) as ErrorAnswer).error.code).toBe("unauthenticated");
    }
  });

  it("redirects pages to the login with where to come back", async () => {
    for (const path of ["/", "/documents?q=a%20b", "/upload", "/register"]) {
      const res = await app.request(path);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
  });

  it("signs in with JSON: an HttpOnly SameSite=Lax cookie, the user and the CSRF token", async () => {
    const res = await jsonLogin(admin.login, admin.password, { origin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { login: string; role: string }; csrf: string };
    expect(body.user).toMatchObject({ login: "admin", role: "admin" });
    expect(body.csrf.length).toBeGreaterThan(20);
    const set = res.headers.getSetCookie().find((c) => c.startsWith("chidao_session="))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\//);
    expect(set).toMatch(/Max-Age=43200/);
    expect(set).not.toMatch(/Secure/i);
    const me = await app.request("/api/me", { headers: { cookie: cookieOf(res, "chidao_session")! } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { login: "admin" }, csrf: body.csrf });
  });

  it("sets the Secure flag when asked", async () => {
    const secure = createApp({ db: store().db, secureCookies: true });
    const res = await secure.request("/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(officer),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith("chidao_session="))).toMatch(/Secure/);
  });

  it("signs in with the form and goes to `next` only when it is a path on this site", async () => {
    const cases: Array<[string, string]> = [
      ["/documents?q=ch%E1%BB%89%20th%E1%BB%8B", "/documents?q=ch%E1%BB%89%20th%E1%BB%8B"],
      ["//evil.example/x", "/"],
      ["https://evil.example/", "/"],
      ["/\\evil.example", "/"],
    ];
    for (const [next, location] of cases) {
      const res = await formLogin({ login: officer.login, password: officer.password, next });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(location);
      expect(cookieOf(res, "chidao_session")).toBeDefined();
    }
  });

  it("refuses a wrong password: 401 for JSON, back to the form with error=1", async () => {
    const res = await jsonLogin(officer.login, "not-the-password");
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorAnswer).error.code).toBe("invalid_credentials");
    expect(cookieOf(res, "chidao_session")).toBeUndefined();
    const form = await formLogin({ login: officer.login, password: "wrong", next: "/upload" });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/login?error=1&next=%2Fupload");
    expect((await jsonLogin("nobody", "whatever")).status).toBe(401);
  });

  it("answers 429 with Retry-After after 5 failures for a login, even with the right password", async () => {
    const limited = createApp({ db: store().db });
    for (let i = 0; i < 5; i++) {
      const res = await limited.request("/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ login: officer.login, password: `guess-${i}` }),
      });
      expect(res.status).toBe(401);
    }
    const blocked = await limited.request("/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(officer),
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await blocked.json()) as ErrorAnswer).error.code).toBe("rate_limited");
    const form = await formLogin({ login: officer.login, password: officer.password }, limited);
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(/^\/login\?error=rate/);
  });

  it("counts failures per client address too (behind a trusted proxy)", async () => {
    const limited = createApp({
      db: store().db,
      trustProxy: true,
      loginAttempts: { max: 3, windowMs: 60_000 },
    });
    const from = (address: string, login: string, password: string) =>
      limited.request("/login", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ login, password }),
      });
    for (const login of ["ghost1", "ghost2", "ghost3"])
      expect((await from("10.0.0.1", login, "x")).status).toBe(401);
    expect((await from("10.0.0.1", officer.login, officer.password)).status).toBe(429);
    expect((await from("10.0.0.2", officer.login, officer.password)).status).toBe(200);
  });

  it("requires the CSRF token on signed-in writes, and refuses cross-site requests", async () => {
    const me: Client = await signIn(app, officer.login, officer.password);
    const lang = (init: { csrf?: string | null; headers?: Record<string, string> }) =>
      me.fetch("/api/lang", {
        method: "POST",
        headers: { "content-type": "application/json", ...init.headers },
        body: JSON.stringify({ lang: "en" }),
        csrf: init.csrf,
      });
    const missing = await lang({ csrf: null });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as ErrorAnswer).error.code).toBe("csrf_failed");
    expect((await lang({ csrf: `${me.csrf.slice(0, -1)}x` })).status).toBe(403);
    expect((await lang({ csrf: "" })).status).toBe(403);
    expect((await lang({ headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await lang({ headers: { origin: "null" } })).status).toBe(403);
    expect((await lang({ headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await lang({ headers: { "sec-fetch-site": "same-origin" } })).status).toBe(200);
    // Logging in from another site is refused too (login CSRF).
    expect(
      (await jsonLogin(officer.login, officer.password, { origin: "https://evil.example" })).status,
    ).toBe(403);
  });

  it("sets the language on the account and in the cookie", async () => {
    const me = await signIn(app, officer.login, officer.password);
    const res = await me.fetch("/api/lang", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ lang: "en" }),
    });
    expect(res.status).toBe(200);
    expect(cookieOf(res, "chidao_lang")).toBe("chidao_lang=en");
    expect((await me.json<{ user: { language: string } }>("GET", "/api/me")).body.user.language).toBe("en");
    const bad = await me.json<ErrorAnswer>("POST", "/api/lang", { lang: "fr" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toBe("lang");
    await me.json("POST", "/api/lang", { lang: "vi" });
  });

  it("signs out (JSON, or the form with its _csrf field): the cookie no longer opens anything", async () => {
    const a = await signIn(app, officer.login, officer.password);
    const out = await a.fetch("/logout", { method: "POST" });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/chidao_session=;/);
    expect((await a.fetch("/api/me")).status).toBe(401);

    const b = await signIn(app, officer.login, officer.password);
    const refused = await b.fetch("/logout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      csrf: null,
    });
    expect(refused.status).toBe(403);
    const form = await b.fetch("/logout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: b.csrf }).toString(),
      csrf: null,
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/login");
    expect((await b.fetch("/api/me")).status).toBe(401);
  });

  it("answers unknown API routes, bad JSON and wrong media types as JSON errors without a stack", async () => {
    const me = await signIn(app, officer.login, officer.password);
    const unknown = await me.fetch("/api/nope");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorAnswer).error.code).toBe("not_found");
    const broken = await me.fetch("/api/lang", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"lang": ',
    });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(JSON.parse(text)).toHaveProperty("error.code");
    const plain = await me.fetch("/api/lang", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "en",
    });
    expect(plain.status).toBe(415);
    const login = await app.request("/login", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect(login.status).toBe(415);
  });
});
