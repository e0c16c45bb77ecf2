/**
 * The registry of issuing bodies (cơ quan, tổ chức ban hành). Central bodies come from
 * data/bodies.json one by one; local ones are generated (local-bodies.ts), so a key alone gives the
 * body back: "state/ubnd@huyen-can-gio.ho-chi-minh", "party/thanh-uy@can-tho/ban-thuong-vu".
 * Bodies a document names that no table has are kept here too, flagged for review.
 */
import { bodiesTable, type CentralEntry, type KindEntry, type PartEntry } from "./bodies-table.js";
import {
  freeze,
  kindAt,
  kinds,
  localKey,
  makeLocal,
  parseLocalKey,
  partFits,
  parts,
} from "./local-bodies.js";
import { slug } from "./names.js";
import { shortenPlace } from "./place-names.js";
import { placeOf, type Unit, unitById, unitsBelow } from "./places.js";
import type { Organisation, Place } from "./types.js";
import { unitOfPlace } from "./units-said.js";

export { committeeWord, kindByName, localKey } from "./local-bodies.js";

/** The series every central Party body numbers in (domain.md §3.3: /TW is one national series). */
export const CENTRAL_PARTY_SERIES = "party/tw";

const central = new Map(bodiesTable.central.bodies.map((b) => [b.key, b]));
const cache = new Map<string, Organisation | null>();
const reviewed = new Map<string, Organisation>();

function fromCentral(b: CentralEntry): Organisation {
  return freeze({
    key: b.key,
    name: b.name,
    short: b.short,
    system: b.system,
    level: "central",
    parent: b.parent,
    place: { province: null, district: null, commune: null },
    validFrom: b.validFrom ?? null,
    validTo: b.validTo ?? null,
    successors: [...(b.successors ?? [])],
    aliases: [...b.aliases],
    series: b.system === "party" ? CENTRAL_PARTY_SERIES : b.key,
    review: false,
  });
}

function compute(key: string): Organisation | undefined {
  const c = central.get(key);
  if (c) return fromCentral(c);
  const local = parseLocalKey(key);
  return local ? makeLocal(local.kind, local.unit, local.part) : undefined;
}

/** The body with this key: table and generated bodies always, review bodies once named in this process. */
export function organisationByKey(key: string): Organisation | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? reviewed.get(key);
  const org = compute(key);
  cache.set(key, org ?? null);
  return org ?? reviewed.get(key);
}

/**
 * The bodies that took over a body's scope when its unit ended (UBND huyện Cần Giờ → the UBND of
 * the four xã of TP HCM): what a reader is shown beside a name of the past. Empty for a living
 * body; a successor under the same name (Thành ủy Cần Thơ, wider since July 2025) is left out, as
 * the reader already knows whom to ask.
 */
export function successorBodies(key: string | null): Organisation[] {
  if (!key) return [];
  const org = organisationByKey(key);
  if (!org) return [];
  return org.successors.flatMap((k) => organisationByKey(k) ?? []).filter((s) => s.short !== org.short);
}

const atUnit = new Map<string, WeakMap<Unit, Organisation | null>>();

/** A kind's body at a unit ("ubnd" at huyện Cần Giờ), with a part ("ban-thuong-vu") if given. */
export function localBody(kind: string, unit: Unit, part?: string): Organisation | undefined {
  const which = part === undefined ? kind : `${kind}/${part}`;
  let byUnit = atUnit.get(which);
  if (!byUnit) {
    byUnit = new WeakMap();
    atUnit.set(which, byUnit);
  }
  const hit = byUnit.get(unit);
  if (hit !== undefined) return hit ?? undefined;
  const org = makeBody(kind, unit, part);
  byUnit.set(unit, org ?? null);
  return org;
}

function makeBody(kind: string, unit: Unit, part?: string): Organisation | undefined {
  const k = kinds.get(kind);
  if (!k || !kindAt(k, unit)) return undefined;
  const p = part === undefined ? undefined : parts.get(part);
  if (part !== undefined && (!p || !partFits(p, k, unit))) return undefined;
  return organisationByKey(localKey(k, unit, p));
}

/** The kind, unit and part a generated body was made from. */
export function originOf(org: Organisation): { kind: KindEntry; unit: Unit; part?: PartEntry } | undefined {
  return parseLocalKey(org.key);
}

/** The unit a body sits in, when it has one (a review body named with its place has one too). */
export function unitOf(org: Organisation): Unit | undefined {
  const at = org.key.lastIndexOf("@");
  if (at < 0) return undefined;
  return unitById(org.key.slice(at + 1).split("/")[0]!);
}

/** The bodies of a kind in the units of `types` under `under` on `date` ("các quận ủy" of Cần Thơ). */
export function bodiesBelow(
  kind: string,
  under: Unit,
  date: string | null,
  types: readonly string[],
): Organisation[] {
  return unitsBelow(under, date, types).flatMap((u) => {
    const o = localBody(kind, u);
    return o ? [o] : [];
  });
}

const BELOW: Record<string, string[]> = {
  province: ["Huyện", "Quận", "Thị xã", "Thành phố", "Xã", "Phường", "Đặc khu"],
  district: ["Xã", "Phường", "Thị trấn"],
  commune: [],
};

/**
 * The bodies of a kind in the units next below a place on a date: "cap-uy" under Thành phố Cần Thơ
 * in 2023 is its nine district committees; in 2026, the committees of its xã and phường.
 */
export function bodiesAt(kind: string, under: Place, date: string | null): Organisation[] {
  const unit = unitOfPlace(under, date);
  return unit ? bodiesBelow(kind, unit, date, BELOW[unit.level] ?? []) : [];
}

/** The parts of a body that exist on `date` and match `which` ("các ban Thành ủy"). */
export function partsOf(
  body: Organisation,
  date: string | null,
  which: (p: PartEntry) => boolean,
): Organisation[] {
  const origin = originOf(body);
  if (!origin || origin.part) return [];
  return bodiesTable.parts.items.flatMap((p) => {
    if (!which(p) || !partFits(p, origin.kind, origin.unit)) return [];
    if (date && ((p.validFrom && date < p.validFrom) || (p.validTo && date > p.validTo))) return [];
    const o = localBody(origin.kind.kind, origin.unit, p.part);
    return o ? [o] : [];
  });
}

/** Input for a body found in no table. */
export interface ReviewInput {
  name: string;
  system: Organisation["system"];
  level: Organisation["level"];
  parent: Organisation | null;
  unit: Unit | null;
  /** The name's words without its place ("Liên hiệp các tổ chức hữu nghị" of "… thành phố"). */
  head: string;
}

/** A body a document names but no table has: keyed by its words, its parent and its place. */
export function reviewBody(input: ReviewInput): Organisation {
  const prefix = input.parent ? input.parent.key : input.system;
  const key = `${prefix}/${slug(input.head) || "x"}${input.unit ? `@${input.unit.id}` : ""}`;
  const known = organisationByKey(key);
  if (known) return known;
  const place = input.unit ? placeOf(input.unit) : (input.parent?.place ?? null);
  const party = input.system === "party" && input.level === "central";
  const org = freeze({
    key,
    name: input.name,
    short: shortenPlace(input.name),
    system: input.system,
    level: input.level,
    parent: input.parent?.key ?? null,
    place: { province: null, district: null, commune: null, ...place },
    validFrom: null,
    validTo: null,
    successors: [],
    aliases: [],
    series: party ? CENTRAL_PARTY_SERIES : key,
    review: true,
  });
  reviewed.set(key, org);
  return org;
}

/** Puts a stored review body back in the registry (what the store kept of an earlier run). */
export function registerOrganisation(org: Organisation): void {
  if (org.review && !organisationByKey(org.key)) reviewed.set(org.key, freeze({ ...org }));
}

/** Every central body in the table. */
export function centralBodies(): Organisation[] {
  return bodiesTable.central.bodies.map((b) => organisationByKey(b.key)!);
}
