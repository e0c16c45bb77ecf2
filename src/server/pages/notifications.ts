/**
 * Thông báo: the viewer's notifications, newest first, the unread ones marked, each with a link to
 * its task item (a digest: its items grouped overdue first, each linking to its item) and a button
 * to mark it read; "mark all read"; and the form of how the viewer wants
 * to be told (in the app, by email to an address, which reminders). Plain form posts answered with
 * a redirect, so the page works without scripts.
 */
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { ZodError } from "zod";
import type { Viewer } from "../../store/access.js";
import {
  getPrefs,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationPage,
  type NotificationPrefs,
  setPrefs,
} from "../../store/notifications.js";
import { type DigestItem, digestGroups, reminderKinds } from "../../tasks/reminders.js";
import type { AppEnv } from "../context.js";
import { type MessageKey, tn } from "../i18n.js";
import { formatDate, formatDateTime } from "./format.js";
import { csrfField, type Html, layout, notice, type PageContext } from "./layout.js";
import { safeNext } from "./login.js";
import { pager } from "./pager.js";

/** Notifications per page. */
const PAGE = 20;

/** What the page shows. */
export interface NotificationsView {
  list: NotificationPage;
  unreadOnly: boolean;
  prefs: NotificationPrefs;
  flash: { saved?: boolean; marked?: number; markedOne?: boolean; error?: string };
}

function listHref(unreadOnly: boolean, page: number): string {
  const params = new URLSearchParams();
  if (unreadOnly) params.set("unread", "1");
  if (page > 1) params.set("page", String(page));
  const q = params.toString();
  return `/notifications${q ? `?${q}` : ""}`;
}

function lines(text: string): Html {
  return html`${text.split("\n").map((l, i) => (i === 0 ? html`${l}` : html`<br />${l}`))}`;
}

// A digest this long opens folded: the page stays a list of notifications.
const OPEN_DIGEST = 10;

/** A digest's items, grouped overdue first, each linking to its work item. */
function digestList(p: PageContext, items: DigestItem[]): Html {
  const groups = digestGroups(items);
  return html`<details class="digest" ${items.length <= OPEN_DIGEST ? "open" : ""}>
    <summary class="small">${p.t("notif.digest", { n: items.length })}</summary>
    ${groups.map(
      (g) => html`<p class="field-label">${p.t(`notif.group.${g.kind}` as MessageKey)} (${g.items.length})</p>
        <ul class="hit-snippet">
          ${g.items.map(
            (i) => html`<li>
              <a href="/task-items/${i.itemId}">${i.action}</a>${i.symbol ? html` <span class="muted">(${i.symbol})</span>` : ""}
              <span class="muted small">· ${p.t("notif.due", { date: formatDate(i.due) })} ·</span>
              ${i.daysLeft < 0 ? html`<strong>${p.t("notif.late", { n: -i.daysLeft })}</strong>` : p.t("notif.left", { n: i.daysLeft })}
            </li>`,
          )}
        </ul>`,
    )}
  </details>`;
}

function item(p: PageContext, v: NotificationsView, n: NotificationPage["notifications"][number]): Html {
  const unread = n.readAt === null;
  return html`<li class="hit notification${unread ? " is-unread" : ""}" data-id="${n.id}">
    <div class="hit-head">
      ${unread ? html`<span class="badge badge-review">${p.t("notif.unread")}</span>` : ""}
      ${unread ? html`<strong class="hit-subject">${n.title}</strong>` : html`<span class="hit-subject">${n.title}</span>`}
    </div>
    <div class="hit-meta muted small"><time datetime="${n.createdAt}">${formatDateTime(n.createdAt)}</time></div>
    ${
      n.items.length > 1
        ? digestList(p, n.items)
        : n.body
          ? html`<p class="hit-snippet">${lines(n.body)}</p>`
          : ""
    }
    <div class="doc-actions">
      ${n.itemId !== null ? html`<a class="button small" href="/task-items/${n.itemId}">${p.t("notif.open")}</a>` : ""}
      ${
        unread
          ? html`<form method="post" action="/notifications/${n.id}/read">
          ${csrfField(p)}<input type="hidden" name="next" value="${listHref(v.unreadOnly, v.list.page)}" />
          <button type="submit" class="button quiet small">${p.t("notif.markRead")}</button>
        </form>`
          : ""
      }
    </div>
  </li>`;
}

function prefsForm(p: PageContext, v: NotificationsView): Html {
  const pr = v.prefs;
  return html`<section class="register-box" aria-labelledby="prefs-title" id="prefs">
    <h2 id="prefs-title">${p.t("notif.prefs")}</h2>
    <p class="hint">${p.t("notif.prefsHint")}</p>
    <form method="post" action="/notifications/prefs" class="stack">
      ${csrfField(p)}
      <label class="check"><input type="checkbox" name="inApp" value="on" ${pr.inApp ? "checked" : ""} /> ${p.t("notif.inApp")}</label>
      <label class="check"><input type="checkbox" name="email" value="on" ${pr.email ? "checked" : ""} /> ${p.t("notif.email")}</label>
      <label class="field-label" for="prefs-address">${p.t("notif.emailAddress")}</label>
      <input id="prefs-address" name="emailAddress" type="email" maxlength="254" autocomplete="email"
        value="${pr.emailAddress ?? ""}" aria-describedby="prefs-address-hint" />
      <p class="hint" id="prefs-address-hint">${p.t("notif.emailHint")}</p>
      <fieldset>
        <legend class="field-label">${p.t("notif.kinds")}</legend>
        ${reminderKinds.map(
          (k) =>
            html`<label class="check"><input type="checkbox" name="kinds" value="${k}" ${pr.kinds.includes(k) ? "checked" : ""} /> ${p.t(`notif.kind.${k}` as MessageKey)}</label>`,
        )}
      </fieldset>
      <button type="submit" class="button primary">${p.t("notif.save")}</button>
    </form>
  </section>`;
}

function flash(p: PageContext, v: NotificationsView): Html {
  if (v.flash.error) {
    const key = `notif.error.${v.flash.error}` as MessageKey;
    return notice("error", p.t(key) === key ? p.t("notif.error.invalid") : p.t(key));
  }
  if (v.flash.saved) return notice("success", p.t("notif.saved"));
  if (v.flash.marked !== undefined) return notice("success", p.t("notif.markedAll", { n: v.flash.marked }));
  if (v.flash.markedOne) return notice("success", p.t("notif.markedOne"));
  return html``;
}

/** The page. */
export function notificationsPage(p: PageContext, v: NotificationsView): Html {
  const { list } = v;
  const filter = html`<nav class="filter" aria-label="${p.t("notif.show")}">
    <a href="${listHref(false, 1)}" ${v.unreadOnly ? "" : html`aria-current="true"`}>${p.t("notif.showAll")}</a>
    <span class="sep" aria-hidden="true">·</span>
    <a href="${listHref(true, 1)}" ${v.unreadOnly ? html`aria-current="true"` : ""}>${p.t("notif.showUnread")}</a>
  </nav>`;
  const markAll =
    list.unread > 0
      ? html`<form method="post" action="/notifications/read-all">
        ${csrfField(p)}<button type="submit" class="button">${p.t("notif.markAllRead")}</button>
      </form>`
      : "";
  const content =
    list.notifications.length === 0
      ? html`<div class="empty"><p>${v.unreadOnly ? p.t("notif.noneUnread") : p.t("notif.none")}</p></div>`
      : html`<ul class="hits notifications" aria-label="${p.t("notif.list")}">
          ${list.notifications.map((n) => item(p, v, n))}
        </ul>
        ${pager(p, list.page, list.pages, (page) => listHref(v.unreadOnly, page))}`;
  const body = html`<div class="page page-notifications">
    <div class="page-head"><h1 class="page-title">${p.t("notif.title")}</h1>${markAll}</div>
    ${flash(p, v)}
    <p class="results-count" role="status">${list.unread > 0 ? tn(p.lang, "notif.unreadCount", list.unread) : p.t("notif.allRead")}</p>
    ${filter}
    ${content}
    ${prefsForm(p, v)}
  </div>`;
  return layout(p, { title: p.t("notif.title"), section: "notifications", body });
}

/** Reads the preferences form (unticked boxes are absent). */
export function readPrefsForm(form: Record<string, string | File | (string | File)[]>): {
  inApp: boolean;
  email: boolean;
  emailAddress: string | null;
  kinds: string[];
} {
  const one = (name: string) => {
    const v = form[name];
    return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined;
  };
  const kinds = form.kinds;
  return {
    inApp: one("inApp") === "on",
    email: one("email") === "on",
    emailAddress: one("emailAddress")?.trim() || null,
    kinds: (Array.isArray(kinds) ? kinds : kinds === undefined ? [] : [kinds]).filter(
      (k): k is string => typeof k === "string",
    ),
  };
}

type ContextOf = (c: Context<AppEnv>) => Promise<PageContext>;

function viewerOf(c: Context<AppEnv>): Viewer {
  const viewer = c.get("viewer");
  if (!viewer) throw new Error("page route reached without a viewer: mount pages after the session gate");
  return viewer;
}

function idOf(c: Context<AppEnv>): number | null {
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : null;
}

/** Adds the notifications pages; call from mountPages before its catch-all. */
export function mountNotificationPages(app: Hono<AppEnv>, contextOf: ContextOf): void {
  app.get("/notifications", async (c) => {
    const viewer = viewerOf(c);
    const db = c.get("db");
    const unreadOnly = c.req.query("unread") === "1";
    const page = Number(c.req.query("page"));
    const list = await listNotifications(db, viewer.userId, {
      page: Number.isSafeInteger(page) && page > 0 ? page : 1,
      limit: PAGE,
      unreadOnly,
    });
    const marked = Number(c.req.query("marked"));
    const view: NotificationsView = {
      list,
      unreadOnly,
      prefs: await getPrefs(db, viewer.userId),
      flash: {
        saved: c.req.query("saved") === "1",
        marked: c.req.query("marked") !== undefined && Number.isSafeInteger(marked) ? marked : undefined,
        markedOne: c.req.query("read") === "1",
        error: c.req.query("error")?.replace(/[^a-z_]/g, "") || undefined,
      },
    };
    return c.html(notificationsPage(await contextOf(c), view));
  });

  app.post("/notifications/read-all", async (c) => {
    const viewer = viewerOf(c);
    const n = await markAllRead(c.get("db"), viewer.userId, viewer.login);
    return c.redirect(`/notifications?marked=${n}`, 303);
  });

  app.post("/notifications/prefs", async (c) => {
    const viewer = viewerOf(c);
    const form = readPrefsForm(await c.req.parseBody({ all: true }));
    try {
      await setPrefs(c.get("db"), viewer.userId, form, viewer.login);
    } catch (error) {
      if (error instanceof ZodError) return c.redirect("/notifications?error=invalid#prefs", 303);
      throw error;
    }
    return c.redirect("/notifications?saved=1#prefs", 303);
  });

  app.post("/notifications/:id/read", async (c) => {
    const viewer = viewerOf(c);
    const body = await c.req.parseBody();
    const next = new URL(
      safeNext(typeof body.next === "string" ? body.next : undefined, "/notifications"),
      "http://x",
    );
    const id = idOf(c);
    const done = id === null ? null : await markRead(c.get("db"), viewer.userId, id, viewer.login);
    // Back to the list it was posted from (another address is not this form's to choose).
    const back =
      next.pathname === "/notifications" ? new URLSearchParams(next.search) : new URLSearchParams();
    for (const flag of ["read", "error", "saved", "marked"]) back.delete(flag);
    back.set(done ? "read" : "error", done ? "1" : "not_found");
    return c.redirect(`/notifications?${back}`, 303);
  });
}
