/**
 * Signing in and out: `POST /login` takes JSON (answers the user and the CSRF token) or the login
 * form (answers a redirect), `POST /logout` ends the session; `GET /api/me` and `POST /api/lang`.
 */
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { Viewer } from "../../store/access.js";
import { authenticate, closeSession, openSession, setLanguage } from "../../store/accounts.js";
import { type AppEnv, sessionCookie } from "../context.js";
import { ApiError, errorResponse, issuesOf } from "../errors.js";
import { clientAddress } from "../rate-limit.js";
import {
  clearSessionCookie,
  languages,
  sessionHours,
  setLanguageCookie,
  setSessionCookie,
} from "../session.js";
import { errors, json, loginForm, loginInput, meSchema } from "./schemas.js";
import type { Api, Settings } from "./types.js";

/** The content type's kind: a form (urlencoded or multipart), JSON, or something else. */
export function bodyKind(c: Context<AppEnv>): "form" | "json" | "other" {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return "form";
  if (type === "application/json" || /^application\/[\w.+-]*\+json$/.test(type)) return "json";
  return "other";
}

/**
 * Where a login form may send the browser afterwards: a path on this site ("/…", not "//…" nor
 * "/\…", which browsers read as another host), else "/".
 */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//")) return "/";
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  return next;
}

/** The user as the API shows it. */
export function userOf(viewer: Viewer, language: "vi" | "en") {
  return {
    id: viewer.userId,
    login: viewer.login,
    name: viewer.name,
    role: viewer.role,
    unitId: viewer.unitId,
    language,
  };
}

/** The viewer of a route behind the login gate (the gate guarantees one). */
export function viewerOf(c: Context<AppEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new ApiError(401, "unauthenticated", "sign in first");
  return viewer;
}

async function readBody(c: Context<AppEnv>, kind: "form" | "json"): Promise<Record<string, unknown>> {
  if (kind === "form") return c.req.parseBody();
  try {
    const body: unknown = await c.req.json();
    return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  } catch {
    throw new ApiError(400, "bad_request", "the body is not valid JSON");
  }
}

const meRoute = createRoute({
  method: "get",
  path: "/api/me",
  summary: "The signed-in user and the session's CSRF token",
  responses: { 200: json(meSchema, "the viewer"), ...errors(401) },
});

const langRoute = createRoute({
  method: "post",
  path: "/api/lang",
  summary: "Sets the language the account reads the app in (also in the chidao_lang cookie)",
  request: {
    body: {
      content: { "application/json": { schema: z.object({ lang: z.enum(languages) }) } },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ lang: z.enum(languages) }), "the language set"),
    ...errors(400, 401, 403),
  },
});

/** Adds the login, logout, `me` and language routes. */
export function authRoutes(app: Api, settings: Settings): void {
  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/login",
    summary: "Signs in: JSON answers the user and CSRF token, a form redirects to `next`",
    request: {
      body: {
        content: {
          "application/json": { schema: loginInput },
          "application/x-www-form-urlencoded": { schema: loginForm },
        },
        required: true,
      },
    },
    responses: {
      200: json(meSchema, "signed in (JSON); sets the chidao_session cookie"),
      303: { description: "form: to `next` when signed in, else to /login?error=1 (or error=rate)" },
      ...errors(400, 401, 403, 415, 429),
    },
  });
  app.post("/login", async (c) => {
    const kind = bodyKind(c);
    if (kind === "other") throw new ApiError(415, "unsupported_media_type", "send JSON or a form");
    const body = await readBody(c, kind);
    const next = kind === "form" ? safeNext(body.next) : "/";
    const back = (error: string) => c.redirect(`/login?error=${error}&next=${encodeURIComponent(next)}`, 303);
    const input = loginInput.safeParse(body);
    if (!input.success)
      return kind === "form"
        ? back("1")
        : errorResponse(c, 400, "invalid_request", "give a login and a password", issuesOf(input.error));
    const { login, password } = input.data;
    const keys = [`login:${login.toLowerCase()}`, `address:${clientAddress(c, settings.trustProxy)}`];
    const wait = settings.loginLimiter.retryAfter(keys);
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return kind === "form"
        ? back("rate")
        : errorResponse(c, 429, "rate_limited", `too many failed logins; try again in ${wait} s`);
    }
    const db = c.get("db");
    const account = await authenticate(db, login, password);
    if (!account) {
      settings.loginLimiter.fail(keys);
      return kind === "form"
        ? back("1")
        : errorResponse(c, 401, "invalid_credentials", "wrong login or password");
    }
    settings.loginLimiter.clear(keys[0]!);
    const previous = getCookie(c, sessionCookie);
    if (previous) await closeSession(db, previous);
    const session = await openSession(db, account.userId, sessionHours);
    setSessionCookie(c, session.token, settings.secureCookies);
    setLanguageCookie(c, account.language, settings.secureCookies);
    if (kind === "form") return c.redirect(next, 303);
    return c.json({ user: userOf(account, account.language), csrf: session.csrf }, 200);
  });

  app.openAPIRegistry.registerPath({
    method: "post",
    path: "/logout",
    summary: "Signs out (CSRF token required); a form is redirected to /login",
    request: { headers: z.object({ "x-csrf-token": z.string().optional() }) },
    responses: {
      200: json(z.object({ ok: z.literal(true) }), "signed out"),
      303: { description: "form: to /login" },
      ...errors(401, 403),
    },
  });
  app.post("/logout", async (c) => {
    const token = getCookie(c, sessionCookie);
    if (token) await closeSession(c.get("db"), token);
    clearSessionCookie(c, settings.secureCookies);
    return bodyKind(c) === "form" ? c.redirect("/login", 303) : c.json({ ok: true as const }, 200);
  });

  app.openapi(meRoute, (c) =>
    c.json({ user: userOf(viewerOf(c), c.get("lang")), csrf: c.get("csrf") ?? "" }, 200),
  );

  app.openapi(langRoute, async (c) => {
    const { lang } = c.req.valid("json");
    await setLanguage(c.get("db"), viewerOf(c).userId, lang);
    setLanguageCookie(c, lang, settings.secureCookies);
    c.set("lang", lang);
    return c.json({ lang }, 200);
  });
}
