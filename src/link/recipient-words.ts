/**
 * How a recipient item reads (data/bodies.json "recipients"): what it asks ("để báo cáo", "để
 * biết"), whether it addresses people ("Các đồng chí Thành ủy viên"), whether it names anyone at all
 * ("Như trên", "Lưu: VT"), and the kinds and unit types a plural item lists.
 */
import { fold } from "../text/fold.js";
import { bodiesTable } from "./bodies-table.js";
import { normaliseName, startsWithWords } from "./names.js";
import { leadingTypeWord } from "./places.js";
import type { RecipientGroup } from "./types.js";

const R = bodiesTable.recipients;
const norm = (list: string[]) => [...new Set(list.map(normaliseName))].sort((a, b) => b.length - a.length);
const DROPPED = norm(R.dropped);
export const PERSONS = norm(R.persons);
export const OPEN = norm(R.open);
export const CLASSES = R.classes.map((c) => ({ ...c, words: norm(c.words) }));
const literal = (w: string) => fold(w).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** One pattern for a list of markers, each as whole words. */
const markers = (list: string[]) =>
  new RegExp(`(^|[^a-z0-9/])(${list.map(literal).join("|")})($|[^a-z0-9/])`);
const REPORT = markers(R.report);
const INFORM = markers(R.inform);
const ACT = markers(R.act);

/** Committee words a plural item lists ("các quận ủy, huyện ủy"), with the unit types they stand for. */
export const COMMITTEES = new Map<string, string[]>();
for (const [type, word] of Object.entries(bodiesTable.local.kinds.find((k) => k.committee)?.committee ?? {}))
  COMMITTEES.set(normaliseName(word), [...(COMMITTEES.get(normaliseName(word)) ?? []), type]);

/** Words that open a local kind's name ("ủy ban nhân dân"), longest first. */
export const KIND_WORDS = bodiesTable.local.kinds
  .flatMap((k) => k.words.map((w) => ({ words: normaliseName(w), kind: k.kind })))
  .sort((a, b) => b.words.length - a.words.length);

/** Whether an item names no recipient: the addressees above ("Như trên"), the file copy ("Lưu: VT"). */
export function isDropped(n: string): boolean {
  return n === "" || DROPPED.some((d) => startsWithWords(n, d));
}

/** What the item asks of its bodies, from its markers and whether it addresses people. */
export function purposeOf(text: string, personal: boolean): RecipientGroup["purpose"] {
  const folded = fold(text);
  const marks = folded.match(/\(([^)]*)\)/g)?.join(" ") ?? folded;
  if (REPORT.test(marks)) return "report";
  if (INFORM.test(marks)) return "inform";
  if (ACT.test(marks)) return "act";
  return personal ? "inform" : "act";
}

/** Person words dropped from the front ("các đồng chí Thành ủy viên" → "thành ủy"); "" when only people are named. */
export function withoutPersons(n: string): { body: string; personal: boolean } {
  let s = n;
  let personal = startsWithWords(n.replace(/^cac /, ""), "thuong truc");
  for (let again = true; again; ) {
    again = false;
    s = s.replace(/^cac /, "");
    const member = /^(tinh|thanh|huyen|quan|thi|dang) uy vien\b/.exec(s);
    if (member) {
      s = `${member[1] === "dang" ? "dang" : member[1]} uy${s.slice(member[0].length)}`;
      personal = true;
    }
    const p = PERSONS.find((w) => startsWithWords(s, w));
    // "Thường trực Thành ủy" is a body; "Thường trực: HĐND, UBND" lists bodies.
    if (p && p !== "thuong truc") {
      s = s.slice(p.length).trim();
      personal = again = true;
    }
  }
  return { body: s, personal };
}

/** The unit types a plural phrase lists: "xã" → Xã, "thành phố trực thuộc trung ương" → the six cities. */
export function typesOf(phrase: string): string[] | null {
  if (/^thanh pho truc thuoc trung uong$/.test(phrase)) return ["Thành phố Trung ương"];
  const lead = leadingTypeWord(phrase);
  return lead && lead.word === phrase ? lead.types : null;
}

/** A kind's words at the start of a part and what follows them. */
export function kindAt(s: string): { kind: string; rest: string } | null {
  for (const { words, kind } of KIND_WORDS)
    if (startsWithWords(s, words)) return { kind, rest: s.slice(words.length).trim() };
  return null;
}

// A place said once at the end of an item belongs to all its parts: "… và các tổ chức chính trị - xã hội huyện".
// A Party committee there ("… trực thuộc Thành ủy") qualifies its own part only.
const SHARED_PLACE = / ((?:thuoc )?(?:thanh pho|tinh|huyen|quan|thi xa|xa|phuong))$/;

export interface Piece {
  body: string;
  raw: string;
  plural: boolean;
}

/** Kinds that share a list of unit types: "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương", "UBND xã, phường". */
export function sharedKinds(pieces: Piece[]): { kinds: string[]; types: string[]; used: Set<number> } | null {
  for (let i = 0; i < pieces.length; i++) {
    const k = kindAt(pieces[i]!.body);
    if (!k) continue;
    const own = k.rest.startsWith("cac ") ? typesOf(k.rest.slice(4)) : typesOf(k.rest);
    if (!own) continue;
    const used = new Set([i]);
    const types = [...own];
    for (let j = i + 1; j < pieces.length; j++) {
      const more = typesOf(pieces[j]!.body);
      if (!more) break;
      types.push(...more);
      used.add(j);
    }
    if (!k.rest.startsWith("cac ") && used.size === 1) continue; // "UBND xã" alone: the speaker's own
    const kinds = [k.kind];
    for (let j = i - 1; j >= 0 && kindAt(pieces[j]!.body)?.rest === ""; j--) {
      kinds.push(kindAt(pieces[j]!.body)!.kind);
      used.add(j);
    }
    return { kinds, types, used };
  }
  return null;
}

/** The parts of an item ("Các quận ủy, huyện ủy"), each with the place said once at its end. */
export function pieces(named: string): Piece[] {
  const parts = named.replace(/\([^)]*\)?/g, " ").split(/[,;]|\s+và\s+/iu);
  const last = parts[parts.length - 1] ?? "";
  const shared = SHARED_PLACE.exec(normaliseName(last))?.[1] ?? "";
  const sharedRaw = shared ? last.trim().split(/\s+/).slice(-shared.split(" ").length).join(" ") : "";
  const listed = /^cac /.test(normaliseName(parts[0] ?? ""));
  return parts.flatMap((raw, i) => {
    const body = withoutPersons(normaliseName(raw)).body;
    if (body === "" && normaliseName(raw) === "") return [];
    const add = shared !== "" && body !== "" && !body.endsWith(shared) && i < parts.length - 1;
    const name = raw.trim().replace(/^các\s+/iu, "");
    return [
      {
        body: add ? `${body} ${shared}` : body,
        raw: add ? `${name} ${sharedRaw}` : name,
        plural: listed || /^cac /.test(normaliseName(raw)),
      },
    ];
  });
}
