/**
 * The cascade drawn as nested lists: each branch with children is a <details> whose summary is the
 * document's line, so a branch folds without scripts (web/static/cascade.js only adds "expand all"
 * and the jump to a repeated node). A document reached twice is drawn once and pointed to after.
 */
import { html } from "hono/html";
import type { CascadeBranch, GraphNode } from "../../link/graph.js";
import { successorBodies } from "../../link/organisations.js";
import type { EdgeRelation } from "../../link/types.js";
import { formatDate } from "./format.js";
import type { Html, PageContext } from "./layout.js";

/** The address of an identity's cascade page ("|" and "/" in the key are escaped). */
export function cascadeHref(key: string): string {
  return `/identities/${encodeURIComponent(key)}/cascade`;
}

/** A lag in days as the tree shows it: "+358 ngày", "−3 ngày". */
export function lagText(p: PageContext, days: number): string {
  const lag = days > 0 ? `+${days}` : days < 0 ? `−${-days}` : "0";
  return p.t("cascade.lag", { lag });
}

/** The relation's badge ("triển khai", "chuyển", "đính kèm", "nhắc đến"). */
export function relationBadge(p: PageContext, relation: EdgeRelation): Html {
  return html`<span class="badge rel rel-${relation}">${p.t(`cascade.rel.${relation}`)}</span>`;
}

/** The document's symbol: a link to its page when it is stored, else to its own cascade. */
export function symbolLink(node: GraphNode): Html {
  const href =
    node.present && node.documentId !== null ? `/documents/${node.documentId}` : cascadeHref(node.key);
  return html`<a class="cnode-symbol" href="${href}">${node.symbol}</a>`;
}

/** The parts of a document's line after its symbol: type, issuer, date, the placeholder mark. */
export function nodeFacts(p: PageContext, node: GraphNode): Html {
  return html`${node.type ? html`<span class="cnode-type">${node.type}</span>` : ""}
    <span class="cnode-issuer">${node.issuer ?? p.t("cascade.noIssuer")}</span>
    ${successorNote(p, node.orgKey)}
    ${
      node.date
        ? html`<time class="cnode-date" datetime="${node.date}">${formatDate(node.date)}</time>`
        : html`<span class="cnode-date muted">${p.t("cascade.noDate")}</span>`
    }
    ${node.present ? "" : html`<span class="badge badge-placeholder" title="${p.t("cascade.placeholderTitle")}">${p.t("cascade.placeholder")}</span>`}`;
}

interface Drawing {
  p: PageContext;
  focus: string;
  /** The anchor of each document's first drawing, for the pointers that repeat it. */
  anchors: Map<string, string>;
}

function line(d: Drawing, b: CascadeBranch): Html {
  const { p } = d;
  const n = b.node;
  const isFocus = n.key === d.focus;
  return html`<span class="cnode-line">
    ${symbolLink(n)}
    ${nodeFacts(p, n)}
    ${b.lagDays !== null ? html`<span class="cnode-lag" title="${p.t("cascade.lagTitle")}">${lagText(p, b.lagDays)}</span>` : ""}
    ${b.relation ? relationBadge(p, b.relation) : ""}
    ${b.inferred ? html`<span class="badge badge-inferred" title="${p.t("cascade.inferredTitle")}">${p.t("cascade.inferred")}</span>` : ""}
    ${
      isFocus
        ? html`<span class="badge badge-focus">${p.t("cascade.focus")}</span>`
        : html`<a class="cnode-refocus" href="${cascadeHref(n.key)}" title="${p.t("cascade.refocusTitle", { symbol: n.symbol })}"
            aria-label="${p.t("cascade.refocusTitle", { symbol: n.symbol })}">${p.t("cascade.refocus")}</a>`
    }
  </span>${n.subject ? html`<span class="cnode-subject">${n.subject}</span>` : ""}`;
}

function repeatLine(d: Drawing, b: CascadeBranch, parent: GraphNode | null): Html {
  const { p } = d;
  const target = d.anchors.get(b.node.key);
  const how =
    b.relation && parent
      ? p.t("cascade.repeatVia", { relation: p.t(`cascade.rel.${b.relation}`), symbol: parent.symbol })
      : p.t("cascade.repeat");
  return html`<li class="cnode is-repeat" data-key="${b.node.key}">
    <span class="cnode-line"><a class="cnode-symbol cnode-jump" href="#${target ?? ""}" data-target="${target ?? ""}">${b.node.symbol}</a>
    <span class="muted">(${how})</span>
    ${b.lagDays !== null ? html`<span class="cnode-lag" title="${p.t("cascade.lagTitle")}">${lagText(p, b.lagDays)}</span>` : ""}</span>
  </li>`;
}

function branch(d: Drawing, b: CascadeBranch, parent: GraphNode | null): Html {
  if (b.repeat) return repeatLine(d, b, parent);
  const anchor = `node-${d.anchors.size + 1}`;
  d.anchors.set(b.node.key, anchor);
  const classes = ["cnode", b.node.present ? "is-present" : "is-placeholder"];
  if (b.node.key === d.focus) classes.push("is-focus");
  const current = b.node.key === d.focus ? html`aria-current="true"` : "";
  if (b.children.length === 0)
    return html`<li class="${classes.join(" ")}" id="${anchor}" data-key="${b.node.key}" ${current}>
      <div class="cnode-leaf">${line(d, b)}</div>
    </li>`;
  // The line is drawn before the children so that their anchors come after it in the page.
  const head = line(d, b);
  const children = b.children.map((c) => branch(d, c, b.node));
  return html`<li class="${classes.join(" ")}" id="${anchor}" data-key="${b.node.key}" ${current}>
    <details open><summary>${head}</summary>
      <ul class="cascade-children">${children}</ul>
    </details>
  </li>`;
}

/** The trees of a cascade as one nested list; `focus` is marked. */
export function cascadeTrees(p: PageContext, trees: CascadeBranch[], focus: string): Html {
  const d: Drawing = { p, focus, anchors: new Map() };
  return html`<ul class="cascade-tree" id="cascade-tree">${trees.map((t) => branch(d, t, null))}</ul>`;
}

/** "nay: …" beside a body that ended with its unit on 1 July 2025, naming who took it over. */
export function successorNote(p: PageContext, orgKey: string | null): Html | string {
  const next = successorBodies(orgKey);
  if (next.length === 0) return "";
  return html`<span class="cnode-successor muted small">${p.t("cascade.successors", { names: next.map((o) => o.short).join(", ") })}</span>`;
}
