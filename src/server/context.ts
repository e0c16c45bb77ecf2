/**
 * What every request handler sees: the store, the signed-in viewer (null before login) and the
 * session's CSRF token, set by the session middleware (src/server/session.ts) before any route.
 */
import type { Viewer } from "../store/access.js";
import type { Db } from "../store/db.js";

/** Settings the app is built with (limits and the cookie's Secure flag). */
export interface AppOptions {
  db: Db;
  /** Largest upload accepted, in bytes (default 20 MiB). */
  maxUploadBytes?: number;
  /** Set the cookie's Secure flag (behind HTTPS). */
  secureCookies?: boolean;
  /** Failed logins allowed per login and address in the window before 429 (default 5 per 15 min). */
  loginAttempts?: { max: number; windowMs: number };
  /**
   * Behind a reverse proxy: take the client's address from `X-Forwarded-For` (login rate limit) and
   * accept `X-Forwarded-Host` as this site's host (origin check). Off by default: a client could
   * forge them.
   */
  trustProxy?: boolean;
}

/** Hono's environment for this app: `c.get("viewer")`, `c.get("csrf")`, `c.get("db")`. */
export interface AppEnv {
  Variables: {
    db: Db;
    viewer: Viewer | null;
    /** The session's CSRF token: forms carry it as `_csrf`, API writes as the `x-csrf-token` header. */
    csrf: string | null;
    /** "vi" (default) or "en": the viewer's choice, or the `chidao_lang` cookie before login. */
    lang: "vi" | "en";
  };
}

/** The session cookie's name. */
export const sessionCookie = "chidao_session";

/** The language cookie's name (before login; after, the account's setting). */
export const languageCookie = "chidao_lang";
