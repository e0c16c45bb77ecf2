/** What the route modules share: the app they add routes to, and the settings it was built with. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context.js";
import type { FailureLimiter } from "../rate-limit.js";

/** The app as route modules see it: Hono with the OpenAPI route table. */
export type Api = OpenAPIHono<AppEnv>;

/** The app's options with their defaults filled in, and its per-process state. */
export interface Settings {
  maxUploadBytes: number;
  secureCookies: boolean;
  trustProxy: boolean;
  /** Failed logins per login and per address. */
  loginLimiter: FailureLimiter;
}
