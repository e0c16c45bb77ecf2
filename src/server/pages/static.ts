/**
 * The web app's static files (web/static: the stylesheet, the page scripts, the icon), found from
 * the package root so that they load the same from src/ (tsx) and from the compiled dist/.
 */
import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Context } from "hono";
import { packageRoot } from "../../store/package-root.js";
import type { AppEnv } from "../context.js";

/** The folder the files are served from. */
export const staticDir = join(packageRoot(), "web", "static");

const types: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

// Only names listed at start-up are served: a request names a file, never a path.
const served = new Set(
  readdirSync(staticDir, { withFileTypes: true })
    .filter((e) => e.isFile() && types[extname(e.name)] !== undefined)
    .map((e) => e.name),
);

/** Answers with one static file by name, or 404. */
export async function serveStaticFile(c: Context<AppEnv>, name: string): Promise<Response> {
  if (!served.has(name)) return c.text("404 not found", 404);
  const body = await readFile(join(staticDir, name));
  return c.body(body, 200, {
    "Content-Type": types[extname(name)]!,
    // Short: a new release's files reach a browser within minutes without renamed files.
    "Cache-Control": "public, max-age=300",
  });
}
