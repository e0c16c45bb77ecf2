/**
 * Who issued a document: its own header's issuer (resolveIssuer) and the issuer of a document it
 * cites (resolveCitedIssuer), from the words of the citation, the symbol's issuer code, the citing
 * document's issuer and place, and the date (domain.md §3.3, §4). Ambiguity is never settled by a
 * guess: the bodies that fit come back as candidates with a warning.
 */
import { period } from "./dates.js";
import { normaliseName } from "./names.js";
import { unitOf } from "./organisations.js";
import type { Unit } from "./places.js";
import { type Found, findBodies, type Scope } from "./resolve-name.js";
import {
  CENTRAL_PARTY,
  centralBySymbol,
  fitsCode,
  issuerCode,
  localBySymbol,
  localCodes,
  resolved,
} from "./symbol-codes.js";
import type { NamingContext, Organisation, Resolution } from "./types.js";
import { unitsSaid } from "./units-said.js";

export { issuerCode } from "./symbol-codes.js";

function fromFound(found: Found, what: string): Resolution {
  const how = found.relative ? "speaker" : "words";
  if (found.orgs.length === 1) return resolved(found.orgs[0]!, how, found.warning);
  if (found.orgs.length === 0)
    return {
      org: null,
      candidates: [],
      how: "none",
      warning: `${what}: ${found.warning ?? "no body found"}`,
    };
  const names = found.orgs.map((o) => o.short).join("; ");
  return Object.freeze({
    org: null,
    candidates: found.orgs,
    how,
    warning: `${what}: ${found.orgs.length} bodies fit (${names}); confirm one`,
  });
}

const memo = new Map<string, Resolution>();
function remember(key: string, make: () => Resolution): Resolution {
  const hit = memo.get(key);
  if (hit) return hit;
  // Shared by every later caller: frozen, so no caller can change another's answer.
  const made = make();
  const r = Object.freeze({ ...made, candidates: Object.freeze([...made.candidates]) as Organisation[] });
  if (memo.size > 200_000) memo.clear();
  memo.set(key, r);
  return r;
}

/** The unit a header's place line names, when exactly one fits. */
function placeUnit(place: string, date: string | null): Unit | null {
  const found = unitsSaid(normaliseName(place), null, { date, anchor: null, level: null });
  return found.units.length === 1 ? found.units[0]! : null;
}

/**
 * A document's own issuer from its header: the issuer line, the parent line above it, the place
 * and the date. A name in no table gives a new body flagged for review; no name gives none.
 */
export function resolveIssuer(
  name: string,
  context: NamingContext & { parent?: string | null; place?: string | null },
): Resolution {
  const parentName = context.parent?.trim() || null;
  const key = [
    name,
    period(context.date),
    context.speaker?.key,
    context.system,
    parentName,
    context.place,
  ].join("\u0001");
  return remember(`own\u0001${key}`, () => {
    if (typeof name !== "string" || !/\p{L}/u.test(name) || name.length > 400)
      return {
        org: null,
        candidates: [],
        how: "none",
        warning: `"${String(name).slice(0, 60)}" names no body`,
      };
    const parent = parentName ? resolveIssuer(parentName, { ...context, parent: null }).org : null;
    const anchor =
      (parent && unitOf(parent)) ??
      (context.place ? placeUnit(context.place, context.date) : null) ??
      (context.speaker ? (unitOf(context.speaker) ?? null) : null);
    const scope: Scope = {
      date: context.date,
      anchor,
      level: null,
      body: context.speaker ?? parent,
      parent,
      system: context.system,
    };
    return joint(name, scope) ?? fromFound(findBodies(name, scope), `"${name}"`);
  });
}

/**
 * A joint document's issuers ("Ủy ban Thường vụ Quốc hội - Chính phủ - Đoàn Chủ tịch …"): the
 * first is the lead, whose series the document numbers in (its code leads the symbol, domain.md §3.5).
 */
function joint(name: string, scope: Scope): Resolution | null {
  const parts = name.split(/\s+[-–]\s+/);
  if (parts.length < 2) return null;
  const whole = findBodies(name, scope, false);
  if (whole.orgs.length > 0) return null;
  const bodies = parts.map((p) => findBodies(p, scope, false).orgs);
  if (bodies.some((b) => b.length !== 1)) return null;
  const names = bodies.map((b) => b[0]!.short).join(", ");
  return resolved(bodies[0]![0]!, "words", `joint issuers (${names}): the lead body's series is used`);
}

/**
 * The issuer of a cited document: the citation's words when they tell it ("của Ban Thường vụ
 * Thành ủy"), else the symbol's code read where the citing document (context.speaker) sits.
 */
export function resolveCitedIssuer(words: string | null, symbol: string, context: NamingContext): Resolution {
  const text = words?.trim() || null;
  // Documents of one issuer differ in number only: the answer is the code's, worded without the number.
  const code = typeof symbol === "string" ? issuerCode(symbol) : null;
  const at = [text, code, period(context.date), context.system].join("\u0001");
  // Most citations name their issuer whoever cites them ("Ban Bí thư", "/NĐ-CP"): read those once.
  const general = remember(`cited\u0001${at}`, () => cited(text, code, { ...context, speaker: null }, true));
  if (general.org && !general.org.review && general.how !== "speaker") return general;
  return remember(`cited\u0001${at}\u0001${context.speaker?.key}`, () => cited(text, code, context, false));
}

function cited(
  words: string | null,
  code: string | null,
  context: NamingContext,
  general: boolean,
): Resolution {
  const date = context.date;
  const anchor = context.speaker ? (unitOf(context.speaker) ?? null) : null;
  const symbol = code ? `/${code}` : "the symbol";
  const local = code ? localCodes.get(code) : undefined;
  const central = code ? centralBySymbol(code, date) : null;
  const scope: Scope = {
    date,
    anchor,
    level: local?.level ?? null,
    body: context.speaker,
    parent: null,
    system: context.system,
  };
  // Read without the citing document, words in no table are left to the reading with it.
  const found =
    words && /\p{L}/u.test(words) && words.length <= 400 ? findBodies(words, scope, !general) : null;
  const byWords = found ? fromFound(found, `"${words}"`) : null;
  const table = byWords?.org && !byWords.org.review ? byWords.org : null;

  // Words not understood without the citing document may name another body with it: ask it.
  if (general && words && !table) return { org: null, candidates: [], how: "none", warning: null };
  if (central?.org) {
    const party = central.org.key === CENTRAL_PARTY;
    // /TW is one series: the words may name its body (Ban Bí thư); a code of one body is that body.
    if (party && table && table.series === CENTRAL_PARTY) return resolved(table, "words");
    if (table && !party && table.key === central.org.key) return resolved(table, "words");
    if (table && !party && table.parent === central.org.key) return resolved(central.org, "symbol");
    const differ = table ? `${symbol}: the words name ${table.short}, the code ${central.org.short}` : null;
    return resolved(central.org, "symbol", differ);
  }
  if (byWords && local) {
    if (table) return byWords;
    const fitting = byWords.candidates.filter((o) => fitsCode(o, local));
    if (fitting.length === 1) return resolved(fitting[0]!, byWords.how);
    const bySymbol = localBySymbol(local, symbol, anchor, date);
    if (bySymbol.org && byWords.org?.review)
      return {
        ...bySymbol,
        warning: `${symbol}: "${words}" is in no table; the issuer was read from the code`,
      };
    if (bySymbol.org && !byWords.org && byWords.candidates.length === 0) return bySymbol;
    return byWords;
  }
  if (byWords) return central && !byWords.org && !general ? central : byWords;
  if (central) return central;
  if (local) return localBySymbol(local, symbol, anchor, date);
  return {
    org: null,
    candidates: [],
    how: "none",
    warning: code ? `the issuer code ${code} is in no table` : "the symbol has no issuer code to read",
  };
}
