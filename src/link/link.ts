/**
 * Linking one document (liên kết văn bản): its own identity, the identities it cites, the edges it
 * states (implements, attaches, mentions, forwards) and those it says of others (inferred), and the
 * bodies it sends itself to. A pure function of the record, its text and the confirmations a person
 * made for it: the same set of documents links to the same graph in any order.
 */
import type { Citation, DocumentRecord } from "../parse/record.js";
import { cascadeWords } from "../tables/cascade-words.js";
import { fold } from "../text/fold.js";
import {
  hasNumber,
  identityKey,
  identityYear,
  parseIdentityKey,
  symbolKey,
  UNKNOWN_SERIES,
} from "./identity.js";
import { saidOfAnother } from "./inferred.js";
import { resolveCitedIssuer, resolveIssuer } from "./issuer.js";
import { expandRecipients } from "./recipients.js";
import type {
  EdgeDraft,
  EdgeRelation,
  IdentityDraft,
  LinkedDocument,
  NamingContext,
  Organisation,
  Resolution,
} from "./types.js";

export interface LinkOptions {
  /** Printed symbol (or its symbolKey) → the identity key a person confirmed for it in this document. */
  confirmations?: ReadonlyMap<string, string>;
  /**
   * Names the stored document when it has no number to be known by (an e-signed copy's blank
   * "Số -CV/ĐU", a record without a symbol): its identity is then its own, never shared.
   */
  anchor?: string;
}

/** What a citation resolves to: the identity, or several it may be. */
interface Target {
  draft: IdentityDraft;
  candidates: IdentityDraft[];
  warning: string | null;
}

const NO_ISSUER: Resolution = {
  org: null,
  candidates: [],
  how: "none",
  warning: "the document names no issuer",
};

/** Links one record (of a file whose normalised text is `text`). */
export function linkDocument(
  record: DocumentRecord,
  text: string,
  options: LinkOptions = {},
): LinkedDocument {
  const warnings: string[] = [];
  let issuer = record.issuer
    ? resolveIssuer(record.issuer, {
        date: record.date,
        speaker: null,
        system: record.system,
        parent: record.parent_issuer,
        place: record.place,
      })
    : NO_ISSUER;
  // A header lost to a damaged copy still leaves the symbol: "21/2025/TT-BGDĐT" is the ministry's.
  if (!issuer.org && record.symbol && hasNumber(record.symbol)) {
    const bySymbol = resolveCitedIssuer(null, record.symbol, {
      date: record.date,
      speaker: null,
      system: record.system,
    });
    if (bySymbol.org) issuer = bySymbol;
  }
  if (issuer.warning) warnings.push(issuer.warning);
  const identity = ownIdentity(record, issuer, options.anchor);
  const context: NamingContext = { date: record.date, speaker: issuer.org, system: record.system };

  const targets = new Map<Citation, Target>();
  for (const c of record.citations) {
    const t = citedTarget(c.symbol, c.type, c.date, c.issuer, context, options.confirmations);
    if (t.draft.key !== identity.key) targets.set(c, t);
  }
  const bySymbol = new Map<string, Target>();
  for (const [c, t] of targets) if (!bySymbol.has(symbolKey(c.symbol))) bySymbol.set(symbolKey(c.symbol), t);

  const edges: EdgeDraft[] = [];
  const cited = new Map<string, IdentityDraft>();
  const seen = new Set<string>();
  const add = (
    from: string,
    t: Target,
    relation: EdgeRelation,
    inferred: boolean,
    evidence: string,
    symbol: string,
  ) => {
    const id = `${from}>${t.draft.key}>${relation}>${inferred}`;
    if (seen.has(id) || from === t.draft.key) return;
    seen.add(id);
    cited.set(t.draft.key, t.draft);
    edges.push({
      from,
      to: t.draft.key,
      relation,
      inferred,
      evidence,
      symbol,
      candidates: t.candidates,
      warning: t.warning,
    });
  };

  const attached = new Set(record.attachments.flatMap((a) => (a.symbol ? [symbolKey(a.symbol)] : [])));
  for (const [c, t] of targets) {
    const relation =
      c.relation === "implements" && attached.has(symbolKey(c.symbol)) && forwardsOnly(text, c)
        ? "forwards"
        : c.relation;
    add(identity.key, t, relation, false, evidenceAround(text, c), c.symbol);
  }
  for (const a of record.attachments) {
    if (!a.symbol || !hasNumber(a.symbol)) continue;
    const t =
      bySymbol.get(symbolKey(a.symbol)) ??
      citedTarget(a.symbol, a.type, null, null, context, options.confirmations);
    add(
      identity.key,
      t,
      "attaches",
      false,
      `đính kèm ${a.type ?? ""} ${a.symbol}`.replace(/\s+/g, " "),
      a.symbol,
    );
  }
  for (const said of saidOfAnother(text, record.citations)) {
    const from = targets.get(said.from);
    const to = targets.get(said.to);
    if (!from || !to || from.candidates.length > 0) continue;
    cited.set(from.draft.key, from.draft);
    add(from.draft.key, to, "implements", true, said.evidence, said.to.symbol);
  }

  const recipients = expandRecipients([...record.recipients, ...record.distribution], context);
  return { identity, issuer, cited: [...cited.values()], edges, recipients, warnings };
}

function ownIdentity(record: DocumentRecord, issuer: Resolution, anchor: string | undefined): IdentityDraft {
  const org = issuer.org;
  const series = org?.series ?? UNKNOWN_SERIES;
  const numbered = record.symbol !== null && hasNumber(record.symbol);
  const symbol = numbered ? record.symbol! : `${record.symbol ?? ""}#${anchor ?? record.id}`;
  const year = identityYear(numbered ? symbol : "", record.date);
  return {
    key: identityKey(series, symbol, year),
    series,
    symbol: record.symbol ?? "",
    year,
    type: record.type,
    date: record.date,
    issuer: org?.short ?? record.issuer,
    orgKey: org?.key ?? null,
    subject: record.subject,
  };
}

/** The identity a printed reference names, from its words, its symbol and the citing document. */
function citedTarget(
  symbol: string,
  type: string | null,
  date: string | null,
  words: string | null,
  context: NamingContext,
  confirmations: ReadonlyMap<string, string> | undefined,
): Target {
  const year = identityYear(symbol, date);
  const draft = (org: Organisation | null, series: string): IdentityDraft => ({
    key: identityKey(series, symbol, year),
    series,
    symbol,
    year,
    type,
    date,
    issuer: org?.short ?? words,
    orgKey: org?.key ?? null,
    subject: null,
  });
  const res = resolveCitedIssuer(words, symbol, context);
  const candidates = res.candidates.map((o) => draft(o, o.series));
  // A person's choice wins; the candidates stay on the edge, so the choice can be changed later.
  const confirmed = confirmations?.get(symbol) ?? confirmations?.get(symbolKey(symbol));
  const parts = confirmed ? parseIdentityKey(confirmed) : null;
  if (parts) {
    const chosen = candidates.find((c) => c.key === confirmed) ?? {
      ...draft(null, parts.series),
      key: confirmed!,
    };
    return { draft: chosen, candidates, warning: null };
  }
  if (res.org) return { draft: draft(res.org, res.org.series), candidates: [], warning: res.warning };
  const warning =
    res.warning ??
    (candidates.length > 1
      ? `${symbol}: ${candidates.length} bodies may have issued it; confirm one`
      : `${symbol}: the issuer could not be told`);
  return { draft: draft(null, UNKNOWN_SERIES), candidates, warning };
}

/** The citation's sentence up to its symbol, short: what a reader checks the edge against. */
function evidenceAround(text: string, c: Citation): string {
  const [start, end] = c.span;
  if (start < 0 || end > text.length || start >= end) return c.symbol;
  const head = text.slice(Math.max(0, start - 80), start);
  const cut = Math.max(head.lastIndexOf("\n"), head.lastIndexOf(". "));
  return `${head.slice(cut + 1)}${text.slice(start, end)}`.replace(/\s+/g, " ").trim();
}

/** Whether the words before a citation pass it on ("sao gửi") without acting on it ("triển khai"). */
function forwardsOnly(text: string, c: Citation): boolean {
  const head = fold(text.slice(Math.max(0, c.span[0] - 80), c.span[0]));
  const sentence = head.slice(Math.max(head.lastIndexOf("\n"), head.lastIndexOf(". ")) + 1);
  const has = (words: readonly string[]) =>
    words.some((w) => new RegExp(`(^|[^a-z0-9])${w}([^a-z0-9]|$)`).test(sentence));
  return has(cascadeWords.forwards) && !has(cascadeWords.acting);
}
