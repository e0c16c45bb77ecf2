/** Page links under a long list: first, last, two either side of the current one. */
import { html } from "hono/html";
import type { Html, PageContext } from "./layout.js";

/** The pager for page `page` of `pages`, each page's address from `link`; nothing for one page. */
export function pager(p: PageContext, page: number, pages: number, link: (n: number) => string): Html {
  const last = Math.max(1, pages);
  if (last <= 1) return html``;
  const current = Math.min(Math.max(1, page), last);
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, last])]
    .filter((n) => n >= 1 && n <= last)
    .sort((a, b) => a - b);
  return html`<nav class="pager" aria-label="${p.t("docs.pages")}">
    ${current > 1 ? html`<a rel="prev" href="${link(current - 1)}">‹ ${p.t("docs.prev")}</a>` : ""}
    ${shown.map((n, i) => {
      const gap = i > 0 && n - shown[i - 1]! > 1 ? html`<span class="gap">…</span>` : "";
      return n === current
        ? html`${gap}<span aria-current="page">${n}</span>`
        : html`${gap}<a href="${link(n)}">${n}</a>`;
    })}
    ${current < last ? html`<a rel="next" href="${link(current + 1)}">${p.t("docs.next")} ›</a>` : ""}
    <span class="pager-of muted">${p.t("docs.page", { page: current, pages: last })}</span>
  </nav>`;
}
