/** The sign-in page. The form posts to POST /login, which the server core answers. */
import { html } from "hono/html";
import { type Html, layout, notice, type PageContext } from "./layout.js";

/** Where to go after signing in: a path on this site only (never `//host` or a URL). */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}

/** The sign-in form, with the reason the last attempt failed (`error`: "1" or "rate"). */
export function loginPage(p: PageContext, q: { next: string; error: string | undefined }): Html {
  const error =
    q.error === "rate"
      ? notice("error", p.t("login.rate"))
      : q.error
        ? notice("error", p.t("login.error"))
        : "";
  const body = html`<section class="login-card" aria-labelledby="login-title">
    <div class="login-seal" aria-hidden="true"></div>
    <h1 id="login-title">${p.t("login.title")}</h1>
    <p class="muted">${p.t("login.intro")}</p>
    ${error}
    <form method="post" action="/login" class="stack" id="login-form">
      <input type="hidden" name="next" value="${q.next}" />
      <label class="field-label" for="login">${p.t("login.login")}</label>
      <input id="login" name="login" type="text" autocomplete="username" required autofocus
        autocapitalize="none" spellcheck="false" maxlength="64" />
      <label class="field-label" for="password">${p.t("login.password")}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200" />
      <button type="submit" class="button primary wide">${p.t("login.submit")}</button>
    </form>
    <p class="login-footer muted">${p.t("login.footer")}</p>
  </section>`;
  return layout(p, { title: p.t("login.title"), body, bodyClass: "page-login" });
}
