/**
 * The HTTP app: security headers → body size limit → session → CSRF → login gate → routes (the
 * JSON API under /api, /login and /logout, /health, then the pages). Handlers stay thin: the work
 * is in src/store.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { adminRoutes } from "./api/admin.js";
import { authRoutes } from "./api/auth.js";
import { cascadeRoutes } from "./api/cascade.js";
import { documentRoutes } from "./api/documents.js";
import { fileRoutes } from "./api/files.js";
import { notificationRoutes } from "./api/notifications.js";
import { registerRoutes } from "./api/register.js";
import { reportRoutes } from "./api/reports.js";
import { taskViewRoutes } from "./api/task-views.js";
import { taskRoutes } from "./api/tasks.js";
import type { Settings } from "./api/types.js";
import type { AppEnv, AppOptions } from "./context.js";
import { csrfProtection } from "./csrf.js";
import { ApiError, errorResponse, invalid, isApiPath, onError } from "./errors.js";
import { openapiRoutes } from "./openapi.js";
import { mountPages } from "./pages.js";
import { defaultLoginLimit, FailureLimiter } from "./rate-limit.js";
import { securityHeaders } from "./security.js";
import { requireViewer, sessionMiddleware } from "./session.js";

/** The default upload limit: 20 MiB. */
export const defaultMaxUploadBytes = 20 * 1024 * 1024;

// Room for the multipart framing around a file of the largest size.
const MULTIPART_OVERHEAD = 256 * 1024;

/**
 * Builds the app on a store.
 *
 * @example
 * const app = createApp({ db });
 * await app.request("/health"); // 200 {"ok":true,"backend":"pglite"}
 */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const settings: Settings = {
    maxUploadBytes: options.maxUploadBytes ?? defaultMaxUploadBytes,
    secureCookies: options.secureCookies ?? false,
    trustProxy: options.trustProxy ?? false,
    loginLimiter: new FailureLimiter(options.loginAttempts ?? defaultLoginLimit),
  };
  const app = new OpenAPIHono<AppEnv>({
    // Input that does not validate is a 400 in the API's one error shape.
    defaultHook: (result) => {
      if (!result.success) throw invalid(result.error);
    },
  });
  app.onError(onError);

  app.use(securityHeaders());
  app.use(
    bodyLimit({
      maxSize: settings.maxUploadBytes + MULTIPART_OVERHEAD,
      onError: () => {
        throw new ApiError(
          413,
          "too_large",
          `the request is larger than ${(settings.maxUploadBytes / 1048576).toFixed(1)} MiB`,
        );
      },
    }),
  );
  app.use(async (c, next) => {
    c.set("db", options.db);
    await next();
  });
  app.use(sessionMiddleware());
  app.use(csrfProtection({ trustProxy: settings.trustProxy }));
  app.use(requireViewer());

  openapiRoutes(app);
  authRoutes(app, settings);
  documentRoutes(app);
  fileRoutes(app, settings);
  registerRoutes(app);
  adminRoutes(app);
  cascadeRoutes(app);
  notificationRoutes(app);
  taskRoutes(app);
  reportRoutes(app);
  taskViewRoutes(app);
  // Under /api, an unknown route is a JSON 404 whatever the pages add after.
  app.all("/api/*", (c) => errorResponse(c, 404, "not_found", "no such API route"));

  app.notFound((c) =>
    isApiPath(c.req.path)
      ? errorResponse(c, 404, "not_found", "no such route")
      : c.text("404 not found", 404),
  );
  mountPages(app, options);
  return app;
}
