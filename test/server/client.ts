/**
 * The app called in-process, as a browser would: a signed-in client keeps its session cookie and
 * sends the CSRF token on unsafe requests; same-origin requests carry this site's Origin.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import type { AppEnv } from "../../src/server/context.js";

/** The site the in-process requests are addressed to. */
export const origin = "http://localhost";

/** The seed documents. */
export const samples = fileURLToPath(new URL("../../samples/", import.meta.url));

/** A seed document's bytes. */
export function seed(name: "can-tho-677-CV-TU.txt" | "can-gio-1237-UBND.txt"): Promise<Buffer> {
  return readFile(join(samples, name));
}

/** A signed-in browser. */
export interface Client {
  login: string;
  cookie: string;
  csrf: string;
  /** A request with the session cookie, and (on unsafe methods) the CSRF header and same-site Origin. */
  fetch(path: string, init?: RequestInit & { csrf?: string | null }): Promise<Response>;
  /** JSON in, JSON out. */
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** The `name=value` of a Set-Cookie header of the response, or undefined. */
export function cookieOf(res: Response, name: string): string | undefined {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0];
}

/** Signs in through `POST /login` (JSON) and returns the client; throws when it fails. */
export async function signIn(app: Hono<AppEnv>, login: string, password: string): Promise<Client> {
  const res = await app.request("/login", {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrf: string };
  const cookie = cookieOf(res, "chidao_session");
  if (!cookie) throw new Error("no session cookie");
  return client(app, login, cookie, body.csrf);
}

/** A client for a known cookie and token. */
export function client(app: Hono<AppEnv>, login: string, cookie: string, csrf: string): Client {
  const self: Client = {
    login,
    cookie,
    csrf,
    fetch(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("cookie", cookie);
      const method = (init.method ?? "GET").toUpperCase();
      if (method !== "GET" && method !== "HEAD") {
        if (!headers.has("origin")) headers.set("origin", origin);
        const token = init.csrf === undefined ? csrf : init.csrf;
        if (token !== null && !headers.has("x-csrf-token")) headers.set("x-csrf-token", token);
      }
      return Promise.resolve(app.request(path, { ...init, headers }));
    },
    async json<T>(method: string, path: string, body?: unknown) {
      const res = await self.fetch(path, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
    },
  };
  return self;
}

/** A multipart upload body with the given files (and the `public` field when set). */
export function uploadForm(
  files: Array<{ name: string; bytes: Uint8Array; type?: string }>,
  pub = false,
): FormData {
  const form = new FormData();
  for (const f of files)
    form.append("files", new File([f.bytes as Uint8Array<ArrayBuffer>], f.name, { type: f.type ?? "" }));
  if (pub) form.append("public", "on");
  return form;
}

/** Uploads files as the client; returns the status and the JSON answer. */
export async function upload<T = UploadAnswer>(
  as: Client,
  files: Array<{ name: string; bytes: Uint8Array; type?: string }>,
  pub = false,
): Promise<{ status: number; body: T }> {
  const res = await as.fetch("/api/upload", { method: "POST", body: uploadForm(files, pub) });
  return { status: res.status, body: (await res.json()) as T };
}

/** The answer of `POST /api/upload`. */
export interface UploadAnswer {
  files: Array<{
    name: string;
    fileId: number;
    action: string;
    documents: Array<{ id: number; recordId: string; symbol: string | null; subject: string | null }>;
    error?: string;
  }>;
}

/** The error answer. */
export interface ErrorAnswer {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
}

/** The routes the OpenAPI document describes, as "method /path" (lower-case method). */
export async function openapiRoutes(as: Client): Promise<string[]> {
  const doc = await as.json<{ paths: Record<string, Record<string, unknown>> }>("GET", "/api/openapi.json");
  if (doc.status !== 200) throw new Error(`GET /api/openapi.json answered ${doc.status}`);
  return Object.entries(doc.body.paths).flatMap(([p, methods]) =>
    Object.keys(methods).map((m) => `${m} ${p}`),
  );
}
