/**
 * A body's name to the bodies it may mean, where and when it is said: a central body by its name
 * ("Ban Bí thư khóa XIII"), a local one by its kind and place ("Ủy ban nhân dân huyện Cần Giờ",
 * "Thành ủy Cần Thơ"), a part by its words and its body ("Ban Thường vụ Thành ủy"), relative words
 * by the speaker ("Ủy ban nhân dân Thành phố" in a Cần Giờ text). A name in no table becomes a new
 * body flagged for review.
 */
import { canonTone } from "../text/tone.js";
import { bodiesTable, type CentralEntry, type KindEntry, type PartEntry } from "./bodies-table.js";
import { period } from "./dates.js";
import { normaliseName, startsWithWords } from "./names.js";
import { localBody, organisationByKey, originOf, reviewBody, unitOf } from "./organisations.js";
import { chain, leadingTypeWord } from "./places.js";
import type { Organisation } from "./types.js";
import { type Said, trailingUnit, unitsSaid } from "./units-said.js";

/** Where, when and by whom a name is said. */
export interface Scope extends Said {
  /** The body the name is said under: the header's parent line, or the citing document's issuer. */
  body: Organisation | null;
  /** The header's parent line, resolved: a child's name is read under it ("Văn phòng" of the BCH TW). */
  parent: Organisation | null;
  system: "party" | "state" | null;
}

export interface Found {
  orgs: Organisation[];
  /** Context (the speaker, the place, the parent) was needed to tell the body. */
  relative: boolean;
  warning: string | null;
}

const byAlias = new Map<string, CentralEntry[]>();
const byChildName = new Map<string, CentralEntry[]>();
const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
};
for (const b of bodiesTable.central.bodies) {
  for (const n of [b.name, b.short, ...b.aliases]) {
    const f = normaliseName(n);
    push(byAlias, f, b);
    // Under the header "BAN CHẤP HÀNH TRUNG ƯƠNG" a board drops "Trung ương": "Văn phòng", "Ban Tổ chức".
    if (b.parent) push(byChildName, `${b.parent}|${f.replace(/ trung uong( dang)?$/, "")}`, b);
  }
}

type KindWords = { words: string; kind: KindEntry; types: ReadonlySet<string> | null };
const kindWords: KindWords[] = [];
for (const k of bodiesTable.local.kinds) {
  for (const w of k.words) kindWords.push({ words: normaliseName(w), kind: k, types: null });
  const byWord = new Map<string, string[]>();
  for (const [type, word] of Object.entries(k.committee ?? {})) push(byWord, normaliseName(word), type);
  for (const [words, types] of byWord) kindWords.push({ words, kind: k, types: new Set(types) });
}
kindWords.sort((a, b) => b.words.length - a.words.length);
const partWords: Array<{ words: string; part: PartEntry }> = bodiesTable.parts.items
  .flatMap((p) => p.words.map((w) => ({ words: normaliseName(w), part: p })))
  .sort((a, b) => b.words.length - a.words.length);

const PARTY =
  /\b(dang (uy|doan|bo)|ban can su dang|chi bo|(tinh|thanh|huyen|quan|thi) uy|ban bi thu|bo chinh tri)\b/;
const MASS = /^(hoi|lien hiep|lien doan|cong doan|doan thanh nien|mat tran|uy ban mat tran)\b/;
const NATIONAL = /(\bviet nam|\btrung uong|\bquoc gia|\btoi cao|\bquoc hoi|\bchinh phu)$/;

function ofDate(list: CentralEntry[], date: string | null): CentralEntry[] {
  if (!date || list.length < 2) return list;
  const valid = list.filter((b) => !((b.validFrom && date < b.validFrom) || (b.validTo && date > b.validTo)));
  return valid.length > 0 ? valid : list;
}

function centralFound(list: CentralEntry[] | undefined, date: string | null): Found | null {
  if (!list) return null;
  return { orgs: ofDate(list, date).map((b) => organisationByKey(b.key)!), relative: false, warning: null };
}

/** The kind's bodies at the units the rest of the name says. */
function base(n: string, scope: Scope, only: readonly string[] | null): Found | null {
  for (const { words, kind, types } of kindWords) {
    if (only && !only.includes(kind.kind)) continue;
    if (!startsWithWords(n, words)) continue;
    const rest = n.slice(words.length).trim();
    const unplaced = rest === "" || leadingTypeWord(rest)?.word === rest;
    let found = unitsSaid(rest, types, scope);
    // "Tỉnh ủy Cần Thơ": the committee word is wrong, the place is not.
    if (found.units.length === 0 && types && !unplaced) found = unitsSaid(rest, null, scope);
    const levels = new Set<string>(kind.levels);
    const orgs = found.units.filter((u) => levels.has(u.level)).flatMap((u) => localBody(kind.kind, u) ?? []);
    if (orgs.length > 0) return { orgs, relative: found.relative, warning: found.warning };
    if (unplaced)
      return {
        orgs: [],
        relative: true,
        warning: "the place is not said, and where the document sits is not known",
      };
  }
  return null;
}

/** The body a part's bare words belong to: the parent line's, else the speaker's, else one at its unit. */
function owner(part: PartEntry, scope: Scope): Organisation[] {
  for (const body of [scope.parent, scope.body]) {
    const o = body ? originOf(body) : undefined;
    if (o && part.of.includes(o.kind.kind))
      return [localBody(o.kind.kind, o.unit, part.part)].flatMap((x) => x ?? []);
  }
  if (!scope.anchor) return [];
  for (const kind of part.of)
    for (const u of chain(scope.anchor)) {
      const o = localBody(kind, u, part.part);
      if (o) return [o];
    }
  return [];
}

function partFound(n: string, scope: Scope): Found | null {
  for (const { words, part } of partWords) {
    if (!startsWithWords(n, words)) continue;
    const rest = n.slice(words.length).trim();
    if (rest === "") {
      const orgs = owner(part, scope);
      if (orgs.length > 0) return { orgs, relative: true, warning: null };
      continue;
    }
    const of = base(rest, scope, part.of);
    const inBody = (of?.orgs ?? []).flatMap((b) => {
      const o = originOf(b);
      return o ? (localBody(o.kind.kind, o.unit, part.part) ?? []) : [];
    });
    if (inBody.length > 0) return { orgs: inBody, relative: of!.relative, warning: of!.warning };
    // "Thường trực Thành ủy" said where no Thành ủy is known: the part is told, its body is not.
    if (of && of.orgs.length === 0 && of.warning) return of;
    const levels = new Set<string>(part.levels);
    const at = unitsSaid(rest, null, scope);
    const orgs = at.units
      .filter((u) => levels.has(u.level))
      .flatMap((u) => localBody(part.of[0]!, u, part.part) ?? []);
    if (orgs.length > 0) return { orgs, relative: at.relative, warning: at.warning };
  }
  return null;
}

function systemOf(n: string, scope: Scope): Organisation["system"] {
  if (PARTY.test(n)) return "party";
  if (MASS.test(n)) return "mass";
  return scope.parent?.system ?? scope.system ?? "state";
}

/** A new body for a name in no table, keyed by its words, its parent and its place. */
function review(raw: string, n: string, scope: Scope): Found {
  const name = raw
    .replace(/\([^)]*\)?/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–•+*.,;:]+|[\s.,;:]+$/g, "");
  const national = NATIONAL.test(n);
  const placed = national ? null : trailingUnit(n, scope);
  const parent = scope.parent;
  const unit = placed?.unit ?? null;
  const level: Organisation["level"] = unit?.level ?? (parent && !national ? parent.level : "central");
  const org = reviewBody({ name, system: systemOf(n, scope), level, parent, unit, head: placed?.head ?? n });
  return { orgs: [org], relative: false, warning: null };
}

/** The bodies a (non-empty) name may mean; one when it is told, several when not, a review body when new. */
export function findBodies(raw: string, scope: Scope, allowReview = true): Found {
  const key = `${raw.normalize("NFC").toLowerCase()}\u0001${signature(scope)}\u0001${allowReview}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const found = Object.freeze(find(raw, scope, allowReview));
  if (memo.size > 200_000) memo.clear();
  memo.set(key, found);
  return found;
}

const memo = new Map<string, Found>();
const signatures = new WeakMap<Scope, string>();

/** What of a scope a name's reading depends on, once per scope object. */
function signature(scope: Scope): string {
  let sig = signatures.get(scope);
  if (sig === undefined) {
    sig = [
      period(scope.date),
      scope.anchor?.id,
      scope.body?.key,
      scope.parent?.key,
      scope.level,
      scope.system,
    ].join("\u0001");
    signatures.set(scope, sig);
  }
  return sig;
}

function find(raw: string, scope: Scope, allowReview: boolean): Found {
  const n = normaliseName(raw);
  if (!/[a-z]/.test(n)) return { orgs: [], relative: false, warning: "names no body" };
  const parentKey = scope.parent?.key;
  const found =
    (parentKey ? centralFound(byChildName.get(`${parentKey}|${n}`), scope.date) : null) ??
    centralFound(byAlias.get(n), scope.date) ??
    partFound(n, scope) ??
    nonEmpty(base(n, scope, null)) ??
    (allowReview ? review(raw, n, scope) : { orgs: [], relative: false, warning: null });
  return found.orgs.length > 1 ? spelledAlike(found, raw) : found;
}

/** Marks tell places apart that fold alike ("xã Lương Minh", "xã Lượng Minh"): keep those spelled as said. */
function spelledAlike(found: Found, raw: string): Found {
  const words = (s: string) =>
    ` ${canonTone(s.normalize("NFC").toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  const said = words(raw);
  const same = found.orgs.filter((o) => {
    const u = unitOf(o);
    return u !== undefined && said.includes(words(u.bare));
  });
  return same.length > 0 && same.length < found.orgs.length ? { ...found, orgs: same } : found;
}

function nonEmpty(f: Found | null): Found | null {
  if (!f) return null;
  return f.orgs.length > 0 || f.warning ? f : null;
}
