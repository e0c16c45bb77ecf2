/**
 * The frame of every page: the header (product name, the signed-in person's name, unit and role, the
 * language switch, sign-out) and the footer. Every value goes through `html`, which escapes it.
 */
import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Viewer } from "../../store/access.js";
import { can } from "../../store/access.js";
import type { AppEnv } from "../context.js";
import { type Lang, type MessageKey, t, tn } from "../i18n.js";

/** Rendered, escaped markup. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What a page needs to know about the request it answers. */
export interface PageContext {
  lang: Lang;
  viewer: Viewer | null;
  csrf: string | null;
  /** The viewer's unit's name, when the viewer has one. */
  unitName: string | null;
  /** The path and query of this page (where a language switch comes back to). */
  here: string;
  /** The viewer's unread notifications (the badge by "Thông báo"), when counted. */
  unread?: number;
  /** Shorthand for `t(lang, …)`. */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
}

/** The section of the navigation a page belongs to. */
export type Section =
  | "documents"
  | "register"
  | "upload"
  | "cascade"
  | "unanswered"
  | "organisations"
  | "tasks"
  | "dashboard"
  | "reports"
  | "notifications"
  | null;

/** The page context of a request. */
export function pageContext(c: Context<AppEnv>, unitName: string | null, unread?: number): PageContext {
  const lang = c.get("lang") ?? "vi";
  const url = new URL(c.req.url);
  return {
    lang,
    viewer: c.get("viewer") ?? null,
    csrf: c.get("csrf") ?? null,
    unitName,
    here: url.pathname + url.search,
    unread,
    t: (key, params) => t(lang, key, params),
  };
}

/** The hidden field that carries the session's CSRF token in a form. */
export function csrfField(p: PageContext): Html {
  return html`<input type="hidden" name="_csrf" value="${p.csrf ?? ""}" />`;
}

function languageSwitch(p: PageContext): Html {
  if (!p.viewer) {
    const next = new URL(p.here, "http://x").searchParams.get("next") ?? "/";
    return html`<nav class="lang" aria-label="${p.t("lang.label")}">
      ${(["vi", "en"] as const).map(
        (l) =>
          html`<a href="/login?lang=${l}&next=${encodeURIComponent(next)}" lang="${l}" hreflang="${l}"
            ${l === p.lang ? html`aria-current="true"` : ""}>${l.toUpperCase()}</a>`,
      )}
    </nav>`;
  }
  return html`<form class="lang" method="post" action="/lang" aria-label="${p.t("lang.label")}">
    ${csrfField(p)}<input type="hidden" name="next" value="${p.here}" />
    ${(["vi", "en"] as const).map(
      (l) =>
        html`<button type="submit" name="lang" value="${l}" lang="${l}" title="${p.t(`lang.${l}`)}"
          aria-pressed="${l === p.lang ? "true" : "false"}">${l.toUpperCase()}</button>`,
    )}
  </form>`;
}

function navigation(p: PageContext, section: Section): Html {
  const viewer = p.viewer;
  if (!viewer) return html``;
  const items: Array<[Exclude<Section, null>, string, MessageKey]> = [
    ["documents", "/documents", "nav.documents"],
    ["tasks", "/tasks", "nav.tasks"],
    ["dashboard", "/dashboard", "nav.dashboard"],
    ["reports", "/reports", "nav.reports"],
    ["notifications", "/notifications", "nav.notifications"],
    ["register", "/register", "nav.register"],
    ["cascade", "/cascade", "nav.cascade"],
    ["unanswered", "/unanswered", "nav.unanswered"],
    ["organisations", "/organisations", "nav.organisations"],
  ];
  if (can(viewer, "document.upload")) items.push(["upload", "/upload", "nav.upload"]);
  return html`<nav class="mainnav" aria-label="${p.t("nav.main")}">
    ${items.map(
      ([key, href, label]) =>
        html`<a href="${href}" ${key === section ? html`aria-current="page"` : ""}>${p.t(label)}${
          key === "notifications" && p.unread
            ? html` <span class="badge nav-unread"><span aria-hidden="true">${p.unread}</span><span class="visually-hidden">${tn(p.lang, "nav.unread", p.unread)}</span></span>`
            : ""
        }</a>`,
    )}
  </nav>`;
}

function account(p: PageContext): Html {
  const viewer = p.viewer;
  if (!viewer) return html``;
  return html`<div class="account">
    <div class="who">
      <span class="who-name">${viewer.name}</span>
      <span class="who-unit">${p.unitName ?? p.t("user.noUnit")} · ${p.t(`role.${viewer.role}`)}</span>
    </div>
    <form method="post" action="/logout" class="signout">
      ${csrfField(p)}<button type="submit" class="button quiet">${p.t("user.signOut")}</button>
    </form>
  </div>`;
}

/** A whole page: head, header, the page's body and its scripts (files under /static, no inline code). */
export function layout(
  p: PageContext,
  page: { title: string; section?: Section; body: Html; scripts?: string[]; bodyClass?: string },
): Html {
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
${p.csrf ? html`<meta name="csrf-token" content="${p.csrf}" />` : ""}
<title>${page.title} · ${p.t("app.name")}</title>
<link rel="stylesheet" href="/static/app.css" />
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
${(page.scripts ?? []).map((s) => html`<script src="/static/${s}" defer></script>`)}
</head>
<body class="${page.bodyClass ?? ""}">
<a class="skip" href="#main">${p.t("app.skip")}</a>
<header class="topbar">
  <div class="topbar-inner">
    <a class="brand" href="/">
      <span class="brand-mark" aria-hidden="true"></span>
      <span class="brand-text"><span class="brand-name">${p.t("app.name")}</span>
      <span class="brand-tagline">${p.t("app.tagline")}</span></span>
    </a>
    ${navigation(p, page.section ?? null)}
    <div class="topbar-end">${languageSwitch(p)}${account(p)}</div>
  </div>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="footer"><div class="footer-inner">${p.t("footer.text")}</div></footer>
</body>
</html>`;
}

/** A short notice box: `kind` picks its colour. */
export function notice(kind: "info" | "success" | "error", text: string): Html {
  return html`<p class="notice notice-${kind}" role="${kind === "error" ? "alert" : "status"}">${text}</p>`;
}

/** The page for an address that names nothing (404). */
export function notFoundPage(p: PageContext): Html {
  const body = html`<div class="page page-narrow">
    <h1 class="page-title">${p.t("error.title")}</h1>
    <p>${p.t("error.text")}</p>
    <p><a class="button" href="/documents">${p.t("doc.back")}</a></p>
  </div>`;
  return layout(p, { title: p.t("error.title"), body });
}
