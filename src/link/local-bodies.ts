/**
 * Local bodies generated from a kind of data/bodies.json ("ubnd", Party committees), a unit of
 * data/admin-units.json and optionally a part (Ban Thường vụ, a Sở): names as clerks write them,
 * dates from the unit's life and the part's, successors from the units that took the area over.
 * The key alone gives all of it back.
 */
import { bodiesTable, type KindEntry, type PartEntry } from "./bodies-table.js";
import { slug } from "./names.js";
import { committeePlace, shortenPlace, unitPhrase } from "./place-names.js";
import { chain, placeOf, successorsOf, type Unit, unitById, validity } from "./places.js";
import type { Organisation } from "./types.js";

export const kinds = new Map(bodiesTable.local.kinds.map((k) => [k.kind, k]));
export const parts = new Map(bodiesTable.parts.items.map((p) => [p.part, p]));
/** Key segments of Party committees ("thanh-uy") and of the other kinds ("ubnd"). */
const kindBySlug = new Map<string, KindEntry>();
for (const k of bodiesTable.local.kinds) {
  kindBySlug.set(k.kind, k);
  for (const word of Object.values(k.committee ?? {})) kindBySlug.set(slug(word), k);
}

export function kindByName(kind: string): KindEntry | undefined {
  return kinds.get(kind);
}

/** The committee word of a unit ("Thành ủy" for a city, "Huyện ủy" for a huyện, "Đảng ủy" for a xã). */
export function committeeWord(unit: Unit): string {
  return kinds.get("cap-uy")?.committee?.[unit.type] ?? "Đảng ủy";
}

const committeeSlugs = new Map<string, string>();
function kindSegment(kind: KindEntry, unit: Unit): string {
  if (!kind.committee) return kind.kind;
  let s = committeeSlugs.get(unit.type);
  if (s === undefined) {
    s = slug(committeeWord(unit));
    committeeSlugs.set(unit.type, s);
  }
  return s;
}

/** Whether a kind has bodies at a unit's level. */
export function kindAt(kind: KindEntry, unit: Unit): boolean {
  return kind.levels.includes(unit.level);
}

/** Whether a part exists in a kind's body at a unit on some day of the unit's life. */
export function partFits(part: PartEntry, kind: KindEntry, unit: Unit): boolean {
  if (!part.of.includes(kind.kind) || !part.levels.includes(unit.level)) return false;
  const v = validity(unit);
  return !(
    (part.validTo && v.from && part.validTo < v.from) ||
    (part.validFrom && v.to && part.validFrom > v.to)
  );
}

/** The key of a generated body. */
export function localKey(kind: KindEntry, unit: Unit, part?: PartEntry): string {
  const base = `${kind.system}/${kindSegment(kind, unit)}@${unit.id}`;
  return part ? `${base}/${part.part}` : base;
}

export function freeze(o: Organisation): Organisation {
  Object.freeze(o.place);
  Object.freeze(o.successors);
  Object.freeze(o.aliases);
  return Object.freeze(o);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

function later(a: string | null, b: string | undefined): string | null {
  return b && (a === null || b > a) ? b : a;
}
function earlier(a: string | null, b: string | undefined): string | null {
  return b && (a === null || b < a) ? b : a;
}

function baseNames(kind: KindEntry, unit: Unit): { name: string; short: string } {
  const values = { unit: unitPhrase(unit), place: committeePlace(unit), committee: committeeWord(unit) };
  const template = typeof kind.name === "string" ? kind.name : (kind.name[unit.level] ?? "");
  const name = fill(template, values);
  const short = kind.short
    ? fill(kind.short, { ...values, unit: shortenPlace(values.unit) })
    : shortenPlace(name);
  return { name, short };
}

/** The nearest unit at or above `unit` where the kind has bodies (a Liên đoàn Lao động is not in a xã). */
function nearestWithKind(kind: KindEntry, unit: Unit): Unit | undefined {
  return chain(unit).find((u) => kindAt(kind, u));
}

export function makeLocal(kind: KindEntry, unit: Unit, part?: PartEntry): Organisation {
  const base = baseNames(kind, unit);
  const v = validity(unit);
  const baseKey = localKey(kind, unit);
  const key = part ? localKey(kind, unit, part) : baseKey;
  const successorUnits = successorsOf(unit);
  let successors: string[];
  if (!part) {
    const next = successorUnits.flatMap((u) => {
      const at = nearestWithKind(kind, u);
      return at ? [localKey(kind, at)] : [];
    });
    successors = [...new Set(next)];
  } else if (part.validTo && (v.to === null || part.validTo < v.to))
    successors = (part.successors ?? []).flatMap((s) => {
      const p = parts.get(s);
      return p && partFits(p, kind, unit) ? [localKey(kind, unit, p)] : [];
    });
  else successors = successorUnits.flatMap((u) => (partFits(part, kind, u) ? [localKey(kind, u, part)] : []));
  const values = { parent: base.name, unit: unitPhrase(unit) };
  const name = part ? fill(part.name, values) : base.name;
  const short = part ? fill(part.short, { parent: base.short, unit: shortenPlace(values.unit) }) : base.short;
  const up = unit.parent ? nearestWithKind(kind, unit.parent) : undefined;
  const parent = part ? baseKey : up ? localKey(kind, up) : kind.up;
  const aliases = [short];
  if (kind.committee && !part) aliases.push(`Ban Chấp hành Đảng bộ ${unitPhrase(unit)}`);
  return freeze({
    key,
    name,
    short,
    system: kind.system,
    level: unit.level,
    parent,
    place: placeOf(unit),
    validFrom: later(v.from, part?.validFrom),
    validTo: earlier(v.to, part?.validTo),
    successors,
    aliases: [...new Set(aliases)].filter((a) => a !== name),
    series: part?.series === "parent" ? baseKey : key,
    review: false,
  });
}

const LOCAL_KEY = /^(party|state|mass)\/([a-z0-9-]+)@([^/@]+)(?:\/([a-z0-9-]+))?$/;

/** The kind, unit and part a generated key names, when they fit together. */
export function parseLocalKey(key: string): { kind: KindEntry; unit: Unit; part?: PartEntry } | undefined {
  const m = LOCAL_KEY.exec(key);
  if (!m) return undefined;
  const kind = kindBySlug.get(m[2]!);
  const unit = unitById(m[3]!);
  if (!kind || !unit || kind.system !== m[1] || !kindAt(kind, unit) || kindSegment(kind, unit) !== m[2])
    return undefined;
  const part = m[4] ? parts.get(m[4]) : undefined;
  if (m[4] && (!part || !partFits(part, kind, unit))) return undefined;
  return { kind, unit, part };
}
