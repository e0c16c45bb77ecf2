/**
 * Headers every answer carries: scripts, styles and frames only from this origin (the pages load
 * /static/*.js, nothing inline), never framed, no MIME sniffing, the referrer kept on this site.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";

/** The Content-Security-Policy of every page. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

const headers: ReadonlyArray<[string, string]> = [
  ["Content-Security-Policy", contentSecurityPolicy],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "same-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Cross-Origin-Resource-Policy", "same-origin"],
];

/** Adds the security headers to every answer; a route may set a stricter CSP of its own first. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    for (const [name, value] of headers) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
