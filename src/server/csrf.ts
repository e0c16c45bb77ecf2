/**
 * Cross-site request forgery: every unsafe request (POST, PUT, PATCH, DELETE) must come from this
 * site — `Sec-Fetch-Site` and `Origin` say so when the browser sends them — and, once signed in,
 * carry the session's token (header `x-csrf-token`, or form field `_csrf`). The login form has no
 * session yet: the origin check and the SameSite=Lax cookie protect it.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";
import { ApiError } from "./errors.js";

const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Compares two secrets in time that does not depend on where they differ. */
export function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison does not leak the length either.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** The host the request was addressed to (the proxy's forwarded host when it is trusted). */
function requestHost(c: Context<AppEnv>, trustProxy: boolean): string[] {
  const hosts = [new URL(c.req.url).host];
  const forwarded = trustProxy ? c.req.header("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  if (forwarded) hosts.push(forwarded);
  const host = c.req.header("host");
  if (host) hosts.push(host);
  return hosts.map((h) => h.toLowerCase());
}

/** Whether the browser's own headers place the request on another site. */
export function crossSite(c: Context<AppEnv>, trustProxy = false): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") return true;
  const origin = c.req.header("origin");
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return true; // "null" (a sandboxed or privacy-sensitive context) or garbage: not this site
  }
  return !requestHost(c, trustProxy).includes(host);
}

function isForm(c: Context<AppEnv>): boolean {
  const type = c.req.header("content-type")?.toLowerCase() ?? "";
  return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
}

/** The token the request carries: the header, or the `_csrf` field of a form body. */
async function presentedToken(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header("x-csrf-token");
  if (header !== undefined) return header;
  if (!isForm(c)) return undefined;
  // Hono caches the parsed form, so the route reads the same body again.
  const field = (await c.req.parseBody())._csrf;
  return typeof field === "string" ? field : undefined;
}

/** Refuses unsafe cross-site requests, and signed-in unsafe requests without the session's token. */
export function csrfProtection(options: { trustProxy?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!unsafe.has(c.req.method)) return next();
    if (crossSite(c, options.trustProxy ?? false))
      throw new ApiError(403, "cross_site", "cross-site request refused");
    const expected = c.get("csrf");
    // Signing in again while signed in is allowed: the login form cannot know the old token.
    if (c.get("viewer") && expected && c.req.path !== "/login") {
      const token = await presentedToken(c);
      if (token === undefined || !sameSecret(token, expected))
        throw new ApiError(403, "csrf_failed", "missing or wrong CSRF token; reload the page");
    }
    return next();
  };
}
