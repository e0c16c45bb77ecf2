/**
 * Who is asking: the session cookie names a stored session (by its token's hash), which gives the
 * viewer, the CSRF token and the language. Then the gate: everything but /health, the login and
 * the static files needs a viewer — the API answers 401, a page redirects to the login.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { sessionOf } from "../store/accounts.js";
import { type AppEnv, languageCookie, sessionCookie } from "./context.js";
import { errorResponse, isApiPath } from "./errors.js";

/** How long a session lasts, in hours (a working day). */
export const sessionHours = 12;

/** Paths anyone may reach without signing in. */
export function isPublicPath(path: string): boolean {
  return path === "/health" || path === "/login" || path.startsWith("/static/") || path === "/favicon.ico";
}

/** The two languages of the app. */
export const languages = ["vi", "en"] as const;

/** Reads `v` as a language, or null. */
export function languageOf(v: string | undefined | null): "vi" | "en" | null {
  return v === "vi" || v === "en" ? v : null;
}

/** Sets `viewer`, `csrf` and `lang` from the session cookie (or their signed-out defaults). */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("viewer", null);
    c.set("csrf", null);
    c.set("lang", languageOf(getCookie(c, languageCookie)) ?? "vi");
    // Static files and the health check need no database round trip.
    if (c.req.path.startsWith("/static/") || c.req.path === "/health") return next();
    const token = getCookie(c, sessionCookie);
    if (token) {
      const session = await sessionOf(c.get("db"), token);
      if (session) {
        const { account, csrf } = session;
        c.set("viewer", {
          userId: account.userId,
          login: account.login,
          name: account.name,
          role: account.role,
          unitId: account.unitId,
        });
        c.set("csrf", csrf);
        c.set("lang", account.language);
      }
    }
    return next();
  };
}

/** Where a page redirects to sign in, coming back to `next` afterwards. */
export function loginLocation(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/** Lets only a signed-in viewer past, except on the public paths. */
export function requireViewer(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get("viewer") || isPublicPath(c.req.path)) return next();
    if (isApiPath(c.req.path)) return errorResponse(c, 401, "unauthenticated", "sign in first");
    const url = new URL(c.req.url);
    return c.redirect(loginLocation(`${url.pathname}${url.search}`), c.req.method === "GET" ? 302 : 303);
  };
}

/** The cookie that carries a new session. */
export function setSessionCookie(c: Context<AppEnv>, token: string, secure: boolean): void {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure,
    maxAge: sessionHours * 3600,
  });
}

/** Removes the session cookie (signing out). */
export function clearSessionCookie(c: Context<AppEnv>, secure: boolean): void {
  deleteCookie(c, sessionCookie, { path: "/", secure, httpOnly: true, sameSite: "Lax" });
}

/** Remembers the language before sign-in (and for the next one), for a year. */
export function setLanguageCookie(c: Context<AppEnv>, lang: "vi" | "en", secure: boolean): void {
  setCookie(c, languageCookie, lang, { path: "/", sameSite: "Lax", secure, maxAge: 365 * 86400 });
}
