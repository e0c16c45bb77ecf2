/**
 * Issuer codes after the "/" of a number-symbol (domain.md §2, §3.3): national codes name one body
 * ("CP", "TTg", "QH15", "BTC"), local ones a kind of body wherever the citing document sits ("TU",
 * "HU", "UBND"); "TW" is the one national Party series.
 */
import { parseSymbol } from "../parse/symbol.js";
import { bodiesTable } from "./bodies-table.js";
import { bodiesBelow, kindByName, localBody, organisationByKey, originOf, unitOf } from "./organisations.js";
import { chain, type Level, type Unit } from "./places.js";
import type { Organisation, Resolution } from "./types.js";

/** What an issuer code after the "/" stands for. */
export interface LocalCode {
  kind: string;
  /** The committee level the code names ("TU": province); null for a kind at every level ("UBND"). */
  level: Level | null;
  part?: string;
}

const COMMITTEE_CODE: Partial<Record<Level, string>> = {};
export const localCodes = new Map<string, LocalCode>();
for (const k of bodiesTable.local.kinds)
  for (const [level, codes] of Object.entries(k.symbols) as Array<[Level, string[]]>)
    for (const c of codes) {
      const all = k.levels.every((l) => k.symbols[l]?.includes(c));
      localCodes.set(c.toUpperCase(), { kind: k.kind, level: all ? null : level });
      if (k.kind === "cap-uy") COMMITTEE_CODE[level] = c;
    }
// A committee's boards add its code: "BTC" + "TU" → BTCTU (Ban Tổ chức Thành ủy).
for (const p of bodiesTable.parts.items)
  for (const c of p.symbols ?? []) {
    if (!p.of.includes("cap-uy")) {
      localCodes.set(c.toUpperCase(), { kind: p.of[0]!, level: p.levels[0]!, part: p.part });
      continue;
    }
    for (const level of p.levels) {
      const suffix = COMMITTEE_CODE[level];
      if (suffix && level !== "commune")
        localCodes.set(`${c}${suffix}`.toUpperCase(), { kind: "cap-uy", level, part: p.part });
    }
  }
const centralCodes = new Map<string, string[]>();
for (const b of bodiesTable.central.bodies)
  for (const c of b.symbols)
    centralCodes.set(c.toUpperCase(), [...(centralCodes.get(c.toUpperCase()) ?? []), b.key]);

const TW = "TW";
export const CENTRAL_PARTY = "party/tw";
const DISTRICT_TYPES = ["Huyện", "Quận", "Thị xã", "Thành phố"];
const COMMUNE_TYPES = ["Xã", "Phường", "Thị trấn", "Đặc khu"];

/** The issuer code of a symbol: "108-KH/TU" → "TU", "603/UBND-TH" → "UBND", "64/2025/QH15" → "QH". */
export function issuerCode(symbol: string): string | null {
  // The number does not change the code: read each shape once.
  const shape = symbol.replace(/^\s*\d[\d.]*[a-z]?/, "1");
  let code = codeMemo.get(shape);
  if (code === undefined) {
    code = readCode(shape);
    if (codeMemo.size > 50_000) codeMemo.clear();
    codeMemo.set(shape, code);
  }
  return code;
}

const codeMemo = new Map<string, string | null>();

function readCode(symbol: string): string | null {
  const first = parseSymbol(symbol)?.issuerAbbr?.split("-")[0];
  if (!first) return null;
  const code = first.toUpperCase();
  if (localCodes.has(code) || centralCodes.has(code)) return code;
  const bare = code.replace(/\d+$/, "");
  return bare && (localCodes.has(bare) || centralCodes.has(bare)) ? bare : code;
}

function existed(org: Organisation, date: string | null): boolean {
  return !date || !((org.validFrom && date < org.validFrom) || (org.validTo && date > org.validTo));
}

export const resolved = (
  org: Organisation,
  how: Resolution["how"],
  warning: string | null = null,
): Resolution =>
  Object.freeze({ org, candidates: Object.freeze([]) as unknown as Organisation[], how, warning });

/** A local code's body where the citing document sits: its province's Thành ủy for "/TU". */
export function localBySymbol(
  code: LocalCode,
  symbol: string,
  anchor: Unit | null,
  date: string | null,
): Resolution {
  if (!anchor)
    return {
      org: null,
      candidates: [],
      how: "none",
      warning: `${symbol}: a local body's code, and where the citing document sits is not known`,
    };
  const kind = kindByName(code.kind)!;
  const mine = chain(anchor).filter((u) => kind.levels.includes(u.level));
  const u = code.level === null ? mine[0] : mine.find((x) => x.level === code.level);
  const org = u ? localBody(code.kind, u, code.part) : undefined;
  if (org) return resolved(org, "speaker");
  if (code.level === "province" || code.level === null)
    return {
      org: null,
      candidates: [],
      how: "none",
      warning: `${symbol}: no such body where the citing document sits`,
    };
  // "/HU" cited from a province: any of its district committees.
  const types = code.level === "district" ? DISTRICT_TYPES : COMMUNE_TYPES;
  const candidates = bodiesBelow(code.kind, anchor, date, types).flatMap((b) =>
    code.part ? (localBody(code.kind, unitOf(b)!, code.part) ?? []) : [b],
  );
  if (candidates.length === 1) return resolved(candidates[0]!, "speaker");
  return {
    org: null,
    candidates,
    how: candidates.length > 0 ? "speaker" : "none",
    warning: `${symbol}: ${candidates.length} ${code.level} bodies under ${anchor.name} may have issued it; confirm one`,
  };
}

export function centralBySymbol(code: string, date: string | null): Resolution | null {
  if (code === TW) return resolved(organisationByKey(CENTRAL_PARTY)!, "symbol");
  const owners = (centralCodes.get(code) ?? []).map((k) => organisationByKey(k)!);
  const ofDate = owners.filter((o) => existed(o, date));
  const fit = ofDate.length > 0 ? ofDate : owners;
  if (fit.length === 1) return resolved(fit[0]!, "symbol");
  if (fit.length > 1)
    return {
      org: null,
      candidates: fit,
      how: "symbol",
      warning: `/${code}: ${fit.length} bodies use this code; confirm one`,
    };
  return null;
}

/** Whether a body (or the body whose series it numbers in) is what a local code names. */
export function fitsCode(org: Organisation, code: LocalCode): boolean {
  return [org, organisationByKey(org.series)].some((o) => {
    const origin = o ? originOf(o) : undefined;
    return (
      origin !== undefined &&
      origin.kind.kind === code.kind &&
      origin.part?.part === code.part &&
      (code.level === null || origin.unit.level === code.level)
    );
  });
}
