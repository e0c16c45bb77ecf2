/**
 * Every failure the API answers has one shape, `{ error: { code, message, issues? } }`, with a
 * status from a short list; an unexpected error is logged and answered as `internal` without its
 * stack or message (which may hold paths, SQL or the input).
 */

import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context.js";

/** One validation problem: where in the input, and what is wrong. */
export const issueSchema = z.object({ path: z.string(), message: z.string() });

/** The body of every error answer. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "not_found" }),
      message: z.string(),
      issues: z.array(issueSchema).optional(),
    }),
  })
  .openapi("Error");

/** The error body's type. */
export type ErrorBody = z.infer<typeof errorSchema>;

/** A failure a handler throws to answer with a status and a stable code. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Array<z.infer<typeof issueSchema>>,
  ) {
    super(message);
  }
}

/** Zod's issues as the API reports them (paths dotted; never the input itself). */
export function issuesOf(error: z.ZodError): Array<z.infer<typeof issueSchema>> {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** The 400 answer to input that did not validate. */
export function invalid(error: z.ZodError): ApiError {
  return new ApiError(400, "invalid_request", "the request did not validate", issuesOf(error));
}

const httpCodes: Partial<Record<number, string>> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/** The JSON error answer. */
export function errorResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues?: Array<z.infer<typeof issueSchema>>,
): Response {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return c.json(body, status);
}

/** Whether the request is for the JSON API (errors as JSON) rather than a page. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** A PostgreSQL error code (`23505` unique violation, `23503` foreign key), on either backend. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * The app's error handler: ApiError and HTTPException keep their status; a ZodError thrown from the
 * store is a 400; anything else is a 500 that tells nothing but its code. Pages get plain text.
 */
export function onError(error: Error, c: Context<AppEnv>): Response {
  let status: ContentfulStatusCode = 500;
  let code = "internal";
  let message = "internal error";
  let issues: Array<z.infer<typeof issueSchema>> | undefined;
  if (error instanceof ApiError) {
    ({ status, code, message, issues } = error);
  } else if (error instanceof z.ZodError) {
    status = 400;
    code = "invalid_request";
    message = "the request did not validate";
    issues = issuesOf(error);
  } else if (error instanceof HTTPException) {
    status = error.status as ContentfulStatusCode;
    code = httpCodes[status] ?? (status >= 500 ? "internal" : "bad_request");
    // Hono's own messages ("Malformed JSON in request body") are fixed strings, safe to pass on.
    message = error.message || code.replaceAll("_", " ");
  } else if (sqlState(error) === "23505") {
    // A unique constraint: two requests raced for the same login, code or number.
    status = 409;
    code = "conflict";
    message = "it already exists";
  } else if (sqlState(error) === "23503") {
    status = 400;
    code = "invalid_reference";
    message = "it refers to something that does not exist";
  } else {
    console.error(`${c.req.method} ${c.req.path}:`, error);
  }
  const wantsJson =
    c.req.header("accept")?.includes("application/json") ||
    c.req.header("content-type")?.toLowerCase().startsWith("application/json");
  if (isApiPath(c.req.path) || wantsJson) return errorResponse(c, status, code, message, issues);
  return c.text(`${status} ${message}`, status);
}
