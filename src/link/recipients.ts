/**
 * Recipients (Kính gửi, Nơi nhận) read as bodies at the sending document's date: "Các quận ủy,
 * huyện ủy" from Cần Thơ in 2023 is its nine district committees; "Ủy ban nhân dân các xã, thị
 * trấn" from Cần Giờ is the People's Committee of each of its communes; "Các tỉnh ủy, thành ủy"
 * from a central body is every province's. Items that name no recipient ("Như trên", "Lưu: VT")
 * are dropped; a class the tables cannot list ("các đơn vị sự nghiệp") is kept as a group with no
 * bodies and `expanded: false`, never as an invented body.
 */
import { startsBodyName, startsWithPosition } from "../tables/organisations.js";
import { period } from "./dates.js";
import { normaliseName, startsWithWords } from "./names.js";
import { localBody, originOf, partsOf, unitOf } from "./organisations.js";
import { activeAt, allProvinces, type Unit, unitsBelow } from "./places.js";
import {
  CLASSES,
  COMMITTEES,
  isDropped,
  OPEN,
  PERSONS,
  pieces,
  purposeOf,
  sharedKinds,
  typesOf,
  withoutPersons,
} from "./recipient-words.js";
import { findBodies, type Scope } from "./resolve-name.js";
import type { NamingContext, Organisation, RecipientGroup } from "./types.js";
import { unitsSaid } from "./units-said.js";

interface Found {
  orgs: Organisation[];
  complete: boolean;
  /** Read the same whoever sends it: no speaker, place or relative word was needed. */
  told: boolean;
}
/** A class the tables cannot list, whoever names it. */
const OPEN_CLASS: Found = { orgs: [], complete: false, told: true };
/** Nothing found here: the sender's place may tell more. */
const UNTOLD: Found = { orgs: [], complete: false, told: false };
const PROVINCE_TYPES = ["Tỉnh", "Thành phố Trung ương"];
/** The units of these types below the speaker's unit; for a central speaker, the provinces of the date. */
function unitsOfTypes(types: readonly string[], scope: Scope): Unit[] | null {
  if (scope.anchor) return unitsBelow(scope.anchor, scope.date, types);
  const top = types.filter((t) => PROVINCE_TYPES.includes(t));
  if (top.length === 0) return null;
  return allProvinces().filter((u) => activeAt(u, scope.date) && top.includes(u.type));
}

const listed = new Map<string, Found>();

/** The bodies of these kinds in every unit of these types (one list per place and period, however many senders). */
function ofKinds(kinds: readonly string[], types: readonly string[], scope: Scope): Found {
  const key = `${kinds.join()}|${types.join()}|${scope.anchor?.id}|${period(scope.date)}`;
  let found = listed.get(key);
  if (!found) {
    const units = unitsOfTypes(types, scope);
    const orgs = units ? units.flatMap((u) => kinds.flatMap((k) => localBody(k, u) ?? [])) : [];
    found = units ? { orgs, complete: true, told: false } : UNTOLD;
    if (listed.size > 50_000) listed.clear();
    listed.set(key, found);
  }
  return found;
}

/** A class word ("các tổ chức chính trị - xã hội huyện", "các ban Thành ủy", "các sở"). */
function ofClass(s: string, plural: boolean, scope: Scope): Found | null {
  for (const c of CLASSES) {
    const w = c.words.find((x) => startsWithWords(s, x));
    if (!w || (!c.kinds && !plural)) continue;
    const rest = s
      .slice(w.length)
      .trim()
      .replace(/^(truc thuoc|thuoc|cua) /, "");
    if (c.kinds) {
      const u = rest === "" ? scope.anchor : (unitsSaid(rest, null, scope).units[0] ?? null);
      return u
        ? { orgs: c.kinds.flatMap((k) => localBody(k, u) ?? []), complete: true, told: false }
        : UNTOLD;
    }
    const owner = rest === "" ? scope.body : findBodies(rest, scope, false).orgs[0];
    const origin = owner ? originOf(owner) : undefined;
    if (c.boards && owner && origin?.kind.kind === "cap-uy" && !origin.part)
      return { orgs: partsOf(owner, scope.date, (p) => !!p.board), complete: true, told: false };
    if (c.departments) {
      const u = (rest === "" ? null : unitsSaid(rest, null, scope).units[0]) ?? scope.anchor;
      const ubnd = u ? localBody("ubnd", u) : undefined;
      // "Các sở, ban, ngành": the departments are listed, the other boards and sectors are not.
      return {
        orgs: ubnd ? partsOf(ubnd, scope.date, (p) => !!p.department) : [],
        complete: false,
        told: false,
      };
    }
    return UNTOLD;
  }
  return null;
}

/**
 * One part of an item: a plural committee, a class, or a single body. `alone`: the item's only
 * part (a fragment of a list never names a new body: "và" may sit inside a name).
 */
function part(
  s: string,
  raw: string,
  plural: boolean,
  scope: Scope,
  general: boolean,
  alone: boolean,
): Found {
  if (s === "") return OPEN_CLASS;
  if (plural && OPEN.some((o) => startsWithWords(s, o))) return OPEN_CLASS;
  for (const [words, types] of COMMITTEES) {
    if (!plural || !startsWithWords(s, words)) continue;
    const rest = s.slice(words.length).trim().replace(/^cac /, "");
    const listed = rest === "" ? types : typesOf(rest);
    if (listed) return ofKinds(["cap-uy"], listed, scope);
  }
  const cls = ofClass(s, plural, scope);
  if (cls) return cls;
  // A new body only from words that open a body's name (NĐ 30/2020 ô 2), not a person's title.
  // The words as printed name it, unless people were taken off the front ("Bí thư Chi bộ").
  const printed = normaliseName(raw) === s;
  // A new body is named only where it is sent from: bare words ("VP", "… thành phố") are the sender's.
  const review = alone && printed && !plural && !general && startsBodyName(s) && !startsWithPosition(s);
  const found = findBodies(printed ? raw : s, scope, review);
  if (found.orgs.length !== 1) return general ? UNTOLD : OPEN_CLASS;
  return { orgs: found.orgs, complete: true, told: !found.relative };
}

type Group = RecipientGroup & { told: boolean };

/** One item read where it is sent from; `general`: read with no sender, for items any sender means alike. */
function group(item: string, scope: Scope, general: boolean): Group | null {
  const text = item.replace(/^[\s\-–•+*]+|[\s;.,]+$/g, "");
  if (isDropped(normaliseName(text))) return null;
  const colon = text.indexOf(":");
  const named = colon > 0 ? text.slice(0, colon) : text;
  const { body, personal } = withoutPersons(normaliseName(named));
  // "(Lãnh đạo, P.TH/S, Bảo)", "VP: CVP": copies for people inside the body.
  const aside =
    [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]).join(" ") + (colon > 0 ? text.slice(colon) : "");
  const people = ` ${normaliseName(aside)} `;
  const purpose = purposeOf(text, personal || PERSONS.some((p) => people.includes(` ${p} `)));
  const orgs: Organisation[] = [];
  let expanded = true;
  let told = true;
  const whole = body === "" ? null : findBodies(body, scope, false);
  // "Các đồng chí Thành ủy viên" is many people of one body, not many bodies.
  if (whole?.orgs.length === 1 && (personal || !/^cac /.test(normaliseName(named)))) {
    orgs.push(...whole.orgs);
    told = !whole.relative;
  } else if (body === "") expanded = false;
  else {
    const list = pieces(named);
    const shared = sharedKinds(list);
    const found = shared ? [ofKinds(shared.kinds, shared.types, scope)] : [];
    for (const [i, p] of list.entries())
      if (!shared?.used.has(i)) found.push(part(p.body, p.raw, p.plural, scope, general, list.length === 1));
    for (const f of found) {
      orgs.push(...f.orgs);
      expanded &&= f.complete && f.orgs.length > 0;
      told &&= f.told;
    }
  }
  const units = [...new Map(orgs.map((o) => [o.key, o])).values()];
  return { text: item.trim(), units, purpose, expanded: expanded && units.length > 0, told };
}

const published = new WeakMap<Group, RecipientGroup>();

/** A group as handed out, frozen and shared; a copy to the sender itself is for its file, not to act on. */
function asSent(g: Group, speaker: Organisation | null): RecipientGroup {
  let out = published.get(g);
  if (!out) {
    out = Object.freeze({
      text: g.text,
      units: Object.freeze(g.units) as Organisation[],
      purpose: g.purpose,
      expanded: g.expanded,
    });
    published.set(g, out);
  }
  const self =
    speaker !== null && out.purpose === "act" && out.units.length === 1 && out.units[0]!.key === speaker.key;
  return self ? Object.freeze({ ...out, purpose: "inform" }) : out;
}

/** Groups already read, by when (and, for those that need it, by whom) they were sent, then by item. */
const memo = new Map<string, Map<string, Group | null>>();

function remembered(at: string): Map<string, Group | null> {
  let known = memo.get(at);
  if (!known) {
    if (memo.size > 20_000) memo.clear();
    known = new Map();
    memo.set(at, known);
  }
  return known;
}

/** The bodies each recipient item stands for, at the sending document's date and place. */
export function expandRecipients(items: string[], context: NamingContext): RecipientGroup[] {
  const speaker = context.speaker;
  const when = `${period(context.date)}\u0001${context.system}`;
  const scope: Scope = {
    date: context.date,
    anchor: speaker ? (unitOf(speaker) ?? null) : null,
    level: null,
    body: speaker,
    parent: null,
    system: context.system,
  };
  const nobody: Scope = { ...scope, anchor: null, body: null };
  const general = remembered(when);
  const own = remembered(`${when}\u0001${speaker?.key}`);
  const out: RecipientGroup[] = [];
  for (const item of Array.isArray(items) ? items : []) {
    if (typeof item !== "string" || item.length > 1000) continue;
    let g = general.get(item);
    if (g === undefined) {
      g = group(item, nobody, true);
      general.set(item, g);
    }
    if (g && !g.told) {
      let mine = own.get(item);
      if (mine === undefined) {
        mine = group(item, scope, false);
        own.set(item, mine);
      }
      g = mine;
    }
    if (g) out.push(asSent(g, speaker));
  }
  return out;
}
