/**
 * The cascade page (sơ đồ triển khai): find a document by its symbol, see the chain above it and the
 * tree below its topmost directive with the lag of each step, confirm ambiguous links, and see which
 * recipients asked to act have not responded ("chưa phản hồi").
 */
import { html } from "hono/html";
import type { GraphEdge, GraphNode } from "../../link/graph.js";
import type { CascadeView } from "../api/cascade.js";
import { type MessageKey, tn } from "../i18n.js";
import {
  cascadeHref,
  cascadeTrees,
  nodeFacts,
  relationBadge,
  successorNote,
  symbolLink,
} from "./cascade-tree.js";
import { csrfField, type Html, layout, notice, type PageContext } from "./layout.js";

/** What the cascade page shows. */
export interface CascadePageView {
  /** The lookup form's values. */
  symbol: string;
  issuer: string;
  /** The identities the symbol named, when it was looked up and did not name exactly one. */
  matches: GraphNode[] | null;
  cascade: CascadeView | null;
  /** The subgraph's nodes and its edges awaiting a person's choice of candidate. */
  nodes: GraphNode[];
  pending: GraphEdge[];
  canConfirm: boolean;
  flash: { confirmed?: boolean; error?: string };
}

function lookupForm(p: PageContext, v: CascadePageView): Html {
  return html`<form class="cascade-lookup" method="get" action="/cascade" role="search">
    <div class="filter">
      <label class="field-label" for="cascade-symbol">${p.t("cascade.symbol")}</label>
      <input id="cascade-symbol" name="symbol" type="search" value="${v.symbol}" maxlength="200"
        placeholder="${p.t("cascade.symbolPlaceholder")}" required />
    </div>
    <div class="filter">
      <label class="field-label" for="cascade-issuer">${p.t("cascade.issuer")}</label>
      <input id="cascade-issuer" name="issuer" type="text" value="${v.issuer}" maxlength="300" />
    </div>
    <button type="submit" class="button primary">${p.t("cascade.find")}</button>
  </form>`;
}

function matchesList(p: PageContext, v: CascadePageView, matches: GraphNode[]): Html {
  if (matches.length === 0) return notice("info", p.t("cascade.none", { symbol: v.symbol }));
  return html`${notice("info", p.t("cascade.several", { n: matches.length, symbol: v.symbol }))}
    <section class="cascade-matches" aria-labelledby="matches-title">
      <h2 id="matches-title">${p.t("cascade.matches")}</h2>
      <ul class="plain-list">${matches.map(
        (
          m,
        ) => html`<li class="cnode-line"><a class="cnode-symbol" href="${cascadeHref(m.key)}">${m.symbol}</a>
          ${nodeFacts(p, m)}</li>`,
      )}</ul>
    </section>`;
}

function flash(p: PageContext, v: CascadePageView): Html {
  if (v.flash.error) {
    const key = `cascade.error.${v.flash.error}` as MessageKey;
    return notice("error", p.t(key) === key ? p.t("cascade.error.invalid") : p.t(key));
  }
  return v.flash.confirmed ? notice("success", p.t("cascade.confirmed")) : html``;
}

function focusCard(p: PageContext, focus: GraphNode): Html {
  return html`<div class="cascade-focus">
    <p class="cnode-line">${symbolLink(focus)} ${nodeFacts(p, focus)}</p>
    ${focus.subject ? html`<p class="cnode-subject">${focus.subject}</p>` : ""}
  </div>`;
}

function related(p: PageContext, c: CascadeView): Html {
  if (c.related.length === 0) return html``;
  return html`<section class="cascade-related" aria-labelledby="related-title">
    <h2 id="related-title">${p.t("cascade.related")}</h2>
    <ul class="plain-list">${c.related.map(({ node, relation, direction }) =>
      direction === "out"
        ? html`<li class="cnode-line">${relationBadge(p, relation)} ${symbolLink(node)} ${nodeFacts(p, node)}</li>`
        : html`<li class="cnode-line">${symbolLink(node)} ${nodeFacts(p, node)} ${relationBadge(p, relation)}
            <span class="muted">${p.t("cascade.thisDoc")}</span></li>`,
    )}</ul>
  </section>`;
}

function pendingEdge(p: PageContext, v: CascadePageView, e: GraphEdge): Html {
  const byKey = new Map(v.nodes.map((n) => [n.key, n]));
  const from = byKey.get(e.from);
  const to = byKey.get(e.to);
  const choices = e.candidates.map(
    (
      c,
      i,
    ) => html`<label class="check"><input type="radio" name="key" value="${c.key}" ${i === 0 ? "required" : ""} />
      <span>${c.issuer ?? c.key}<span class="muted small candidate-key">${c.key}</span></span></label>`,
  );
  return html`<li class="pending-edge" id="edge-${e.id}">
    <p class="cnode-line">${from ? symbolLink(from) : e.from} ${relationBadge(p, e.relation)} <strong>${to?.symbol ?? e.to}</strong></p>
    ${e.warning ? html`<p class="muted small">${e.warning}</p>` : ""}
    ${
      v.canConfirm
        ? html`<form method="post" action="/edges/${e.id}/confirm" class="confirm-form">
            ${csrfField(p)}<input type="hidden" name="next" value="${p.here}" />
            <fieldset><legend>${p.t("cascade.candidates")}</legend>${choices}</fieldset>
            <button type="submit" class="button primary small">${p.t("cascade.confirm")}</button>
          </form>`
        : html`<p class="small">${p.t("cascade.candidates")}: ${e.candidates.map((c) => c.issuer ?? c.key).join("; ")}</p>
            <p class="hint">${p.t("cascade.confirmOnly")}</p>`
    }
  </li>`;
}

function pending(p: PageContext, v: CascadePageView): Html {
  if (v.pending.length === 0) return html``;
  return html`<section class="cascade-pending" id="pending" aria-labelledby="pending-title">
    <h2 id="pending-title">${p.t("cascade.ambiguous")}</h2>
    <p class="hint">${p.t("cascade.ambiguousHint")}</p>
    <ul class="plain-list">${v.pending.map((e) => pendingEdge(p, v, e))}</ul>
  </section>`;
}

function recipientGroup(p: PageContext, g: CascadeView["recipients"][number]): Html {
  const silent = g.units.filter((u) => u.responded.length === 0).length;
  return html`<li class="recipient-group">
    <p class="recipient-head">${g.purpose === "act" ? "" : html`<span class="tag">${p.t(`cascade.purpose.${g.purpose}`)}</span>`}
      <strong>${g.group}</strong>
      ${g.purpose === "act" && silent > 0 ? html`<span class="muted small">${tn(p.lang, "cascade.silent", silent)}</span>` : ""}
      ${g.expanded ? "" : html`<span class="muted small">${p.t("cascade.notExpanded")}</span>`}</p>
    ${
      g.units.length
        ? html`<ul class="recipient-units">${g.units.map(
            (u) => html`<li class="${u.responded.length ? "responded" : "silent"}">
              <span>${u.short}</span> ${successorNote(p, u.key)}
              ${
                u.responded.length
                  ? html`<span class="badge badge-answered">${p.t("cascade.answered")}</span>
                    ${u.responded.map((r) => symbolLink(r))}`
                  : g.purpose === "act"
                    ? html`<span class="badge badge-silent">${p.t("cascade.unanswered")}</span>`
                    : ""
              }
            </li>`,
          )}</ul>`
        : ""
    }
  </li>`;
}

function recipients(p: PageContext, c: CascadeView): Html {
  const acting = c.recipients.filter((g) => g.purpose === "act");
  const others = c.recipients.filter((g) => g.purpose !== "act");
  let content: Html;
  if (!c.focus.present) content = html`<p class="muted">${p.t("cascade.recipientsUnknown")}</p>`;
  else if (acting.length === 0) content = html`<p class="muted">${p.t("cascade.recipientsNone")}</p>`;
  else
    content = html`<ul class="plain-list recipient-groups">${acting.map((g) => recipientGroup(p, g))}</ul>`;
  return html`<section class="cascade-recipients" id="recipients" aria-labelledby="recipients-title">
    <h2 id="recipients-title">${p.t("cascade.recipients")}: ${c.focus.symbol}</h2>
    ${content}
    ${
      others.length
        ? html`<details class="recipient-others"><summary>${p.t("cascade.others")}</summary>
            <ul class="plain-list recipient-groups">${others.map((g) => recipientGroup(p, g))}</ul></details>`
        : ""
    }
  </section>`;
}

/** The cascade page: the lookup form, then the matches or the drawn cascade. */
export function cascadePage(p: PageContext, v: CascadePageView): Html {
  const c = v.cascade;
  const title = c ? `${p.t("cascade.title")}: ${c.focus.symbol}` : p.t("cascade.title");
  let content: Html;
  if (c)
    content = html`${focusCard(p, c.focus)}
      <div class="cascade-layout">
        <section class="cascade-main" aria-labelledby="tree-title">
          <div class="cascade-tools"><h2 id="tree-title">${p.t("cascade.tree")}</h2>
            <span class="cascade-toggles" data-expand="${p.t("cascade.expandAll")}" data-collapse="${p.t("cascade.collapseAll")}"></span></div>
          <p class="hint">${p.t("cascade.treeHint")}</p>
          ${cascadeTrees(p, c.trees, c.focus.key)}
          ${related(p, c)}
        </section>
        <aside class="cascade-side">${pending(p, v)}${recipients(p, c)}</aside>
      </div>`;
  else if (v.matches) content = matchesList(p, v, v.matches);
  else content = html`<p class="muted">${p.t("cascade.intro")}</p>`;
  const body = html`<div class="page page-cascade">
    <div class="page-head"><h1 class="page-title">${title}</h1></div>
    ${lookupForm(p, v)}
    ${flash(p, v)}
    ${content}
  </div>`;
  return layout(p, { title, section: "cascade", body, scripts: ["cascade.js"] });
}

/** The page for an identity that is unknown or that the viewer may not see (404). */
export function cascadeNotFoundPage(p: PageContext): Html {
  const body = html`<div class="page page-narrow">
    <h1 class="page-title">${p.t("cascade.notFound")}</h1>
    <p><a class="button" href="/cascade">${p.t("cascade.title")}</a></p>
  </div>`;
  return layout(p, { title: p.t("cascade.notFound"), section: "cascade", body });
}
