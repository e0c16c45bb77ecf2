/**
 * The routes of the cascade pages: the cascade by symbol or identity, a document's cascade, the
 * confirmation of an ambiguous link, the unanswered directives, and the issuing bodies. Forms post
 * here (the CSRF check has run before) and answer with a redirect back, so every page works
 * without scripts.
 */
import type { Context, Hono } from "hono";
import { ZodError } from "zod";
import type { GraphNode } from "../../link/graph.js";
import { can, type Viewer } from "../../store/access.js";
import {
  CascadeError,
  confirmEdge,
  countOrganisations,
  findIdentities,
  listOrganisations,
  OrganisationError,
  unanswered,
  updateOrganisation,
} from "../../store/cascade.js";
import { documentDetail } from "../../store/document-view.js";
import { cascadeWithGraph } from "../api/cascade.js";
import type { AppEnv } from "../context.js";
import { type CascadePageView, cascadeNotFoundPage, cascadePage } from "./cascade.js";
import { cascadeHref } from "./cascade-tree.js";
import type { Html, PageContext } from "./layout.js";
import { safeNext } from "./login.js";
import { organisationForm, organisationsPage } from "./organisations.js";
import { unansweredPage } from "./unanswered.js";

type ContextOf = (c: Context<AppEnv>) => Promise<PageContext>;

function viewerOf(c: Context<AppEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new Error("page route reached without a viewer: mount pages after the session gate");
  return viewer;
}

/** `next` (a path on this site) with one flash parameter set and the earlier flash ones dropped. */
export function backWith(next: unknown, name: string, value: string, fallback = "/"): string {
  const url = new URL(safeNext(typeof next === "string" ? next : undefined, fallback), "http://x");
  for (const old of ["confirmed", "saved", "error"]) url.searchParams.delete(old);
  url.searchParams.set(name, value);
  return url.pathname + url.search + url.hash;
}

/** The code a page translates for a refusal from the store; anything else is not a refusal. */
function codeOf(error: unknown): string {
  if (error instanceof CascadeError || error instanceof OrganisationError)
    return error.code === "edge_not_found" || error.code === "organisation_not_found"
      ? "not_found"
      : "invalid";
  if (error instanceof ZodError) return "invalid";
  throw error;
}

function flashCode(c: Context<AppEnv>): string | undefined {
  return c.req.query("error")?.replace(/[^a-z_]/g, "") || undefined;
}

/** Bodies per page of /organisations. */
const ORGANISATIONS_PAGE = 100;

/** Adds the cascade pages; call from mountPages before its catch-all. */
export function mountCascadePages(app: Hono<AppEnv>, contextOf: ContextOf): void {
  type Found = Awaited<ReturnType<typeof cascadeWithGraph>>;
  const render = async (
    c: Context<AppEnv>,
    view: Omit<CascadePageView, "cascade" | "nodes" | "pending" | "canConfirm" | "flash">,
    found: Found,
  ): Promise<Response> => {
    const page: Html = cascadePage(await contextOf(c), {
      ...view,
      cascade: found?.cascade ?? null,
      nodes: found?.graph.nodes ?? [],
      pending: (found?.graph.edges ?? []).filter((e) => !e.confirmed && e.candidates.length > 0),
      canConfirm: can(viewerOf(c), "edge.confirm"),
      flash: { confirmed: c.req.query("confirmed") === "1", error: flashCode(c) },
    });
    return c.html(page);
  };

  app.get("/cascade", async (c) => {
    const symbol = (c.req.query("symbol") ?? "").trim().slice(0, 200);
    const issuer = (c.req.query("issuer") ?? "").trim().slice(0, 300);
    if (!symbol) return render(c, { symbol, issuer, matches: null }, null);
    const viewer = viewerOf(c);
    const matches = await findIdentities(c.get("db"), viewer, symbol, issuer || undefined);
    const found = matches.length === 1 ? await cascadeWithGraph(c.get("db"), viewer, matches[0]!.key) : null;
    return render(c, { symbol, issuer, matches }, found);
  });

  app.get("/identities/:key/cascade", async (c) => {
    const found = await cascadeWithGraph(c.get("db"), viewerOf(c), c.req.param("key"));
    if (!found) return c.html(cascadeNotFoundPage(await contextOf(c)), 404);
    return render(c, { symbol: found.cascade.focus.symbol, issuer: "", matches: null }, found);
  });

  // The document page links here: its identity is the one whose document it is.
  app.get("/documents/:id/cascade", async (c) => {
    const viewer = viewerOf(c);
    const id = Number(c.req.param("id"));
    const detail =
      Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647
        ? await documentDetail(c.get("db"), viewer, id)
        : null;
    const symbol = detail?.document.record.symbol;
    if (!detail || !symbol) return c.html(cascadeNotFoundPage(await contextOf(c)), 404);
    const own = (await findIdentities(c.get("db"), viewer, symbol)).find(
      (n: GraphNode) => n.documentId === id,
    );
    if (own) return c.redirect(cascadeHref(own.key), 302);
    return c.redirect(`/cascade?symbol=${encodeURIComponent(symbol)}`, 302);
  });

  app.post("/edges/:id/confirm", async (c) => {
    const viewer = viewerOf(c);
    const body = await c.req.parseBody();
    const back = (name: string, value: string) =>
      c.redirect(backWith(body.next, name, value, "/cascade"), 303);
    if (!can(viewer, "edge.confirm")) return back("error", "forbidden");
    const id = Number(c.req.param("id"));
    const key = typeof body.key === "string" ? body.key : "";
    if (!(Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647) || !key) return back("error", "invalid");
    try {
      await confirmEdge(c.get("db"), id, key, { userId: viewer.userId, login: viewer.login });
    } catch (error) {
      return back("error", codeOf(error));
    }
    return back("confirmed", "1");
  });

  app.get("/unanswered", async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const unit = (c.req.query("unit") ?? "").trim().slice(0, 300);
    const all = await unanswered(db, viewer);
    const units = unit ? await unanswered(db, viewer, { unitKey: unit }) : all;
    const choices = all.map((u) => ({ key: u.unit.key, short: u.unit.short }));
    return c.html(unansweredPage(await contextOf(c), { unit, choices, units }));
  });

  app.get("/organisations", async (c) => {
    const viewer = viewerOf(c);
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    const review = c.req.query("review") === "true";
    const filter = { q: q || undefined, review: review || undefined };
    const total = await countOrganisations(c.get("db"), filter);
    const pages = Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE));
    const page = Math.min(Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1), pages);
    const organisations = await listOrganisations(c.get("db"), {
      ...filter,
      limit: ORGANISATIONS_PAGE,
      offset: (page - 1) * ORGANISATIONS_PAGE,
    });
    return c.html(
      organisationsPage(await contextOf(c), {
        q,
        review,
        organisations,
        total,
        page,
        pages,
        canEdit: can(viewer, "organisation.manage"),
        flash: { saved: c.req.query("saved"), error: flashCode(c) },
      }),
    );
  });

  app.post("/organisations/:key", async (c) => {
    const viewer = viewerOf(c);
    const body = await c.req.parseBody();
    const key = c.req.param("key");
    const back = (name: string, value: string) =>
      c.redirect(backWith(body.next, name, value, "/organisations"), 303);
    if (!can(viewer, "organisation.manage")) return back("error", "forbidden");
    try {
      await updateOrganisation(c.get("db"), key, organisationForm(body), {
        userId: viewer.userId,
        login: viewer.login,
      });
    } catch (error) {
      return back("error", codeOf(error));
    }
    return back("saved", key);
  });
}
