/**
 * Who a sentence asks to act (domain.md §7): the named subject, the units after giao / yêu cầu /
 * đề nghị (they lead), the units after phối hợp với (they coordinate), and where results are
 * reported ("báo cáo kết quả về …"). Pure; every offset is into the sentence given.
 */
import { expandAbbreviations } from "../tables/abbreviations.js";
import { expandIssuer } from "../tables/issuer-abbreviations.js";
import { lower as fold, type Head, taskWords as W } from "../tables/task-words.js";
import { commaNameSpans } from "./known-names.js";
import type { Assignee } from "./types.js";

const isLetter = (c: string) => /[\p{L}\p{N}]/u.test(c);
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

/** The longest of `words` (folded) said at `i` of `f` as whole words, or null. */
export function wordAt(f: string, i: number, words: readonly string[]): string | null {
  if (i > 0 && isLetter(f.charAt(i - 1))) return null;
  for (const w of words) if (f.startsWith(w, i) && !isLetter(f.charAt(i + w.length))) return w;
  return null;
}

/** Where the next word starts after `i` (skipping the current word, spaces and commas). */
function nextWord(s: string, i: number): number {
  while (i < s.length && isLetter(s.charAt(i))) i++;
  while (i < s.length && !isLetter(s.charAt(i)) && !"(.:;".includes(s.charAt(i))) i++;
  return i;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s.charAt(i))) i++;
  return i;
}

/** The unit head said at `i`, respecting the capitalisation it must be printed with. */
function headAt(s: string, f: string, i: number, classOk: boolean): Head | null {
  // "đài truyền thanh" is a thing, "Đài Truyền hình Việt Nam" a name.
  const not = wordAt(f, i, W.notUnits);
  if (not && !(isUpper(s.charAt(i)) && isUpper(s.charAt(skipSpace(s, s.indexOf(" ", i) + 1))))) return null;
  for (const h of W.heads) {
    if (!f.startsWith(h.word, i) || isLetter(f.charAt(i + h.word.length))) continue;
    if (i > 0 && isLetter(f.charAt(i - 1))) continue;
    if (h.capital && !isUpper(s.charAt(i))) continue;
    if (!classOk && W.classNouns.has(h.word) && !isUpper(s.charAt(i))) continue;
    return h;
  }
  return null;
}

/** Whether a unit's name opens at `i`: a plural marker ("các") or a unit head. */
function opensUnit(s: string, f: string, i: number, classOk: boolean): boolean {
  const p = wordAt(f, i, W.plural);
  if (p) {
    // "các vị trí …", "các hộ gia đình …": a plural of places or households names no unit.
    // "Các vấn đề …", "các văn bản liên quan": a plural of things names no actor either. A lower-case
    // word after it must name a body, a post or a class of people; a capitalised one is a name.
    const j = skipSpace(s, i + p.length);
    if (!isLetter(s.charAt(j)) || wordAt(f, j, W.notUnits) !== null) return false;
    return isUpper(s.charAt(j)) || wordAt(f, j, W.pluralActors) !== null;
  }
  return headAt(s, f, i, classOk) !== null;
}

export interface UnitPhrase {
  units: string[];
  start: number;
  end: number;
}

const MAX_PHRASE = 400;
const MAX_UNIT = 120;

/**
 * The list of units named from `from` of sentence `s` (its folded twin `f`), up to the first word
 * of the action; null when no unit's name opens there.
 */
export function readUnits(s: string, f: string, from: number): UnitPhrase | null {
  const start = skipSpace(s, from);
  if (!opensUnit(s, f, start, true) || verbHead(s, f, start)) return null;
  let i = start;
  let afterPlural = false;
  let afterLower = false;
  let lastLower = false;
  let end = s.length;
  // "Phó chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng": which holder of the
  // post is meant; its words belong to the post and split no list.
  let tailAt = -1;
  while (i < s.length && i - start < MAX_PHRASE) {
    const c = s.charAt(i);
    const tail = tailAt < 0 && i > start ? wordAt(f, i, W.postTails) : null;
    if (tail && endsWithPost(f.slice(start, i))) {
      tailAt = i;
      afterPlural = false;
      afterLower = false;
      lastLower = false;
      i = nextWord(s, i + tail.length - 1);
      continue;
    }
    if (c === "(") {
      const close = s.indexOf(")", i);
      i = close < 0 ? s.length : close + 1;
      i = skipSpace(s, i);
      continue;
    }
    if (c === ":") {
      const listed = enumerated(s, f, start, i);
      if (listed) return listed;
    }
    if (c === "." || c === ":" || c === ";" || c === "\n" || c === "|") {
      end = i;
      break;
    }
    // A head's own words are no verbs ("ban xây dựng Đảng", "Ban chỉ đạo" opening the list).
    const head = headAt(s, f, i, i === start);
    if (head?.word.includes(" ")) {
      afterPlural = false;
      afterLower = false;
      lastLower = false;
      i = nextWord(s, i + head.word.length - 1);
      continue;
    }
    // A capitalised verb after a bullet or cell mark ("Ủy ban Kinh tế * Chủ trì …"), or after a
    // lower-case words that end a heading ("Đề nghị Ủy ban … thành phố Tăng cường …"), starts the action.
    const capitalOk = afterMark(s, i) || afterLower || roleWordAt(f, i);
    const acting = i > start && !afterPlural && (!isUpper(c) || capitalOk) ? actingAt(f, i) : null;
    // A heading that is a name alone ends with a word that is a verb elsewhere ("Cục Kinh tế -
    // Quản lý đầu tư xây dựng"): a verb with nothing after it acts on nothing.
    if (
      acting &&
      !(W.nameTails.includes(acting) && /^[\s*_.]*$/u.test(s.slice(i + acting.length))) &&
      !tailOfName(s, f, start, i, acting)
    ) {
      end = i;
      break;
    }
    // Two lower-case words: "thành phố", not the tail of a name ("Cảnh sát Quản lý …").
    const lowerWord = isLetter(c) && !isUpper(c) && !headAt(s, f, i, true);
    afterLower = lowerWord && lastLower;
    lastLower = lowerWord;
    afterPlural = wordAt(f, i, W.plural) !== null;
    const n = nextWord(s, i);
    if (n === i) break;
    i = n;
  }
  if (i - start >= MAX_PHRASE) return null;
  const phrase = s
    .slice(start, Math.min(end, i))
    .replace(/[\s,;–-]+$/u, "")
    .replace(/\s+và$/u, "");
  const units =
    tailAt < 0 || tailAt - start >= phrase.length ? splitUnits(phrase) : withTail(phrase, tailAt - start);
  // A name runs a few words; a longer run is prose the list did not end.
  if (units.some((u) => u.length > MAX_UNIT)) return null;
  return units.length > 0 ? { units, start, end: start + phrase.length } : null;
}

/**
 * "Cục Kết cấu hạ tầng xây dựng tham mưu …": a word that ends names ("xây dựng") right before
 * another acting word ends a capitalised name whose own words run on in lower case; after a level
 * ("Ủy ban nhân dân xã xây dựng báo cáo") or a capitalised word ("Sở Tài chính tổng hợp") it is the verb.
 */
function tailOfName(s: string, f: string, start: number, i: number, tail: string): boolean {
  if (!W.nameTails.includes(tail) || !isUpper(s.charAt(start)) || wordAt(f, start, W.plural)) return false;
  const m = /(?<![\p{L}\p{N}])(\p{Ll}+) (\p{Ll}+) $/u.exec(s.slice(start, i));
  if (!m || W.posts.levels.some((l) => l === m[1] || l === m[2] || l === `${m[1]} ${m[2]}`)) return false;
  const next = skipSpace(s, i + tail.length);
  const verb = next > i + tail.length ? actingAt(f, next) : null;
  return verb !== null && !W.nameTails.includes(verb);
}

/** The units of `phrase` before the post tail at `at`, the last of them holding the tail. */
function withTail(phrase: string, at: number): string[] {
  const units = splitUnits(phrase.slice(0, at));
  const last = units.pop();
  if (last === undefined) return [];
  return [...units, cleanUnit(`${last} ${phrase.slice(at)}`)];
}

/**
 * "Các Bộ: Quốc phòng, Công an chủ động …": a plural head before a colon, then the names it
 * shares, comma-separated, up to the action; each name is read with the head ("Bộ Quốc phòng").
 */
function enumerated(s: string, f: string, start: number, colon: number): UnitPhrase | null {
  const m = /^(?:các|những)\s+(\p{Lu}[\p{L}\s]*?)\s*$/iu.exec(s.slice(start, colon));
  if (!m || !headAt(s, f, start + m[0].indexOf(m[1]!), true)) return null;
  let j = skipSpace(s, colon + 1);
  if (!isUpper(s.charAt(j))) return null;
  while (j < s.length && !".;:(\n|".includes(s.charAt(j))) {
    if (!isUpper(s.charAt(j)) && actingAt(f, j)) break;
    const n = nextWord(s, j);
    if (n === j) break;
    j = n;
  }
  const names = s
    .slice(colon + 1, j)
    .replace(/[\s,;–-]+$/u, "")
    .split(/\s*,\s*/u)
    .map((x) => x.replace(/\s+và$/u, "").trim())
    .filter((x) => isUpper(x.charAt(0)));
  if (names.length === 0) return null;
  // "Các Bộ: …, Văn hóa, Thể thao và Du lịch": a known name with a comma is one of the names.
  for (let k = 0; k + 1 < names.length; k++) {
    const joined = `${m[1]} ${names[k]}, ${names[k + 1]}`;
    if (commaNameSpans(joined).some(([a, b]) => a === 0 && b === joined.length)) {
      names.splice(k, 2, `${names[k]}, ${names[k + 1]}`);
      k--;
    }
  }
  const end = colon + 1 + s.slice(colon + 1, j).replace(/[\s,;–-]+$/u, "").length;
  return { units: names.map((n) => cleanUnit(`${m[1]} ${n}`)), start, end };
}

/** "chủ trì" / "phối hợp" name a role, never a word of a unit's name, in whatever case ("Bộ Quốc phòng Chủ trì, …"). */
function roleWordAt(f: string, i: number): boolean {
  return wordAt(f, i, W.lead) !== null || wordAt(f, i, W.coordinate) !== null;
}

/** The acting word said at `i`, unless it is the second half of another word ("thành lập"). */
function actingAt(f: string, i: number): string | null {
  const w = wordAt(f, i, W.acting);
  const before = w === null ? undefined : W.actingCompounds.get(w);
  if (!before) return w;
  const prev = /(\p{L}+)\s+$/u.exec(f.slice(Math.max(0, i - 12), i))?.[1] ?? "";
  return before.includes(prev) ? null : w;
}

/** Whether the text before `i` ends with a bullet, cell or emphasis mark rather than a word. */
function afterMark(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /\s/.test(s.charAt(j))) j--;
  if (j < 0 || !"*|•+–-_".includes(s.charAt(j))) return false;
  // A dash between the words of one name ("Cục Kinh tế - Quản lý đầu tư xây dựng") is no bullet.
  return !("–-".includes(s.charAt(j)) && /\p{L}\s$/u.test(s.slice(Math.max(0, j - 2), j)));
}

/** Whether `start` opens with a head said as a verb ("Tổ chức hội nghị", "Lãnh đạo, chỉ đạo"). */
function verbHead(s: string, f: string, start: number): boolean {
  const w = wordAt(f, start, [...W.verbHeads.keys()]);
  if (!w) return false;
  const after = skipSpace(s, start + w.length);
  const ok = W.verbHeads.get(w) ?? [];
  if (ok.includes("Upper") && isUpper(s.charAt(after))) return false;
  if (ok.includes(",") && s.charAt(start + w.length) === ",") return false;
  return !ok.some((q) => q !== "," && q !== "Upper" && wordAt(f, after, [q]));
}

/**
 * Splits "Sở A, Sở B và các đơn vị có liên quan" into units: a comma, ";" or "và" starts a new
 * unit only where a unit's name opens after it, so "các cơ quan, đơn vị" and "Sở Văn hóa, Thể thao
 * và Du lịch" stay whole.
 */
export function splitUnits(phrase: string): string[] {
  const f = fold(phrase);
  const out: string[] = [];
  let from = 0;
  const known = commaNameSpans(phrase);
  const sep = /\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)/gu;
  for (let m = sep.exec(phrase); m !== null; m = sep.exec(phrase)) {
    const next = m.index + m[0].length;
    // "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương" is one body: its comma splits nothing.
    if (known.some(([a, b]) => a <= m.index && next < b)) continue;
    if (opensUnit(phrase, f, next, false)) {
      out.push(phrase.slice(from, m.index));
      from = next;
    }
  }
  out.push(phrase.slice(from));
  return shareLevel(out.map(cleanUnit).filter((u) => u.length > 1));
}

/**
 * "HĐND, UBND xã": a body named bare before the same kind of body with its level shares that level
 * ("Hội đồng nhân dân xã", "Ủy ban nhân dân xã"); "Thường trực HĐND, UBND tỉnh" likewise.
 */
function shareLevel(units: string[]): string[] {
  const out = [...units];
  for (let k = out.length - 2; k >= 0; k--) {
    const bare = fold(out[k]!);
    if (!W.placeHeads.some((h) => bare.endsWith(h) && !isLetter(bare.charAt(bare.length - h.length - 1))))
      continue;
    const next = out[k + 1]!;
    const head = W.placeHeads.find((h) => fold(next).startsWith(h) && !isLetter(next.charAt(h.length)));
    const level = head === undefined ? "" : next.slice(head.length).trim();
    if (level !== "") out[k] = `${out[k]} ${level}`;
  }
  return out;
}

/**
 * A bracket opening in lower case is an aside on the unit ("Sở Tài chính (cơ quan chủ trì)", "(nếu
 * có)"), not part of its name; "(Trưởng Ban Xây dựng Đảng)" after a post names who holds it and
 * stays, and so does the route of a report ("(qua Sở Nội vụ)").
 */
function dropAsides(u: string): string {
  return u.replace(/\s*\((?!qua\s)(?=\s*\p{Ll})[^()]*\)/gu, "");
}

/**
 * "Đồng chí Phó Chủ tịch …", "Đ/c Trưởng ban", "ông Chủ tịch": the honorific addresses the holder
 * and is no part of the assignee. One holder only: "các đồng chí Ủy viên …" stays as written.
 */
export function dropHonorific(u: string): string {
  const f = fold(u);
  const h = wordAt(f, 0, W.posts.honorifics);
  if (h) {
    const at = skipSpace(u, h.length);
    return at > h.length && isUpper(u.charAt(at)) ? u.slice(at) : u;
  }
  const t = wordAt(f, 0, W.posts.titles);
  if (!t) return u;
  const at = skipSpace(u, t.length);
  return at > t.length && headAt(u, f, at, true) !== null ? u.slice(at) : u;
}

/** Whether `f` (folded) ends with a post ("… phó chủ tịch", "… trưởng ban thường trực"). */
function endsWithPost(f: string): boolean {
  let t = f.replace(/[\s,]+$/u, "");
  for (const w of W.posts.standing) if (t.endsWith(` ${w}`)) t = t.slice(0, -w.length - 1);
  for (const post of W.posts.bodies.keys())
    if (t.endsWith(post) && !isLetter(t.charAt(t.length - post.length - 1))) return true;
  return false;
}

function cleanUnit(u: string): string {
  // tasks.md: units as written, abbreviations expanded ("UBND", "MTTQ", "BTV" — data/abbreviations.json).
  return expandAbbreviations(
    expandIssuer(
      dropHonorific(
        dropAsides(u)
          .replace(/[*_]+/g, "")
          .replace(/\s+/g, " ")
          .trim()
          .replace(/[\s,;.:]+$/u, ""),
      ),
    ),
  );
}

/** Every place in `f` where one of `words` is said as a whole word. */
function* occurrences(f: string, words: readonly string[]): Generator<[number, string]> {
  for (let i = 0; i < f.length; i++) {
    if (i > 0 && isLetter(f.charAt(i - 1))) continue;
    const w = wordAt(f, i, words);
    if (w) {
      yield [i, w];
      i += w.length - 1;
    }
  }
}

/** What one sentence says about who acts. */
export interface Actors {
  /** Units named as subject or after an assigning verb. */
  leads: string[];
  coordinates: string[];
  /** True when the leads came from an assigning verb (the subject is then the issuer). */
  assigned: boolean;
  /** Where the action starts: after the last unit phrase that opens the sentence. */
  actionAt: number;
}

/** Reads the actors of sentence `s`. */
export function readActors(s: string): Actors {
  const f = fold(s);
  const leads: string[] = [];
  const coordinates: string[] = [];
  let actionAt = 0;
  const named = readUnits(s, f, 0) ?? framedSubject(s, f);
  // "Ban Thường vụ Đảng ủy cơ bản nhất trí với …" states a view; it asks its subject for nothing.
  const subject = named && statesView(s, f, named) ? null : named;
  if (subject) actionAt = subject.end;
  let assigned = false;
  const directed: string[] = [];
  for (const [i, w] of occurrences(f, W.assigning)) {
    // "Chỉ đạo X …" opening a clause names X; "A chỉ đạo X thực hiện" keeps A as the one who
    // leads, and X, who carry it out under A, coordinate (seeds: 677-CV/TU clause 5).
    if (W.openingOnly.includes(w) && (subject !== null || i > skipSpace(s, 0))) {
      const p = subject !== null && i >= subject.end ? readUnits(s, f, i + w.length) : null;
      if (p && wordAt(f, skipSpace(s, p.end), W.implementing)) directed.push(...p.units);
      continue;
    }
    let at = i + w.length;
    const cho = wordAt(f, skipSpace(s, at), ["cho"]);
    if (cho) at = skipSpace(s, at) + cho.length;
    const p = readUnits(s, f, at);
    if (!p) continue;
    assigned = true;
    leads.push(...p.units);
    if (actionAt <= i + w.length) actionAt = p.end;
  }
  if (!assigned && subject) leads.push(...subject.units);
  if (!assigned) coordinates.push(...directed.filter((u) => !leads.includes(u)));
  for (const [i, w] of occurrences(f, W.coordinate)) {
    let at = i + w.length;
    const prep = wordAt(f, skipSpace(s, at), ["với", "cùng"]);
    if (prep) at = skipSpace(s, at) + prep.length;
    // Without "với", "phối hợp tổ chức …" is a verb: only a capitalised name or "các" is a unit.
    else if (!isUpper(s.charAt(skipSpace(s, at))) && !wordAt(f, skipSpace(s, at), W.plural)) continue;
    const p = readUnits(s, f, at);
    if (p) coordinates.push(...p.units.filter((u) => !leads.includes(u)));
  }
  return { leads: dedupe(leads), coordinates: dedupe(coordinates), assigned, actionAt };
}

/** Whether a statement verb ("nhất trí") follows the subject, or ended a subject that ran into it. */
function statesView(s: string, f: string, p: UnitPhrase): boolean {
  const after = skipSpace(s, p.end);
  if (wordAt(f, after, W.statements) || wordAt(f, after, W.exhortations)) return true;
  const last = p.units[p.units.length - 1] ?? "";
  return [...occurrences(fold(last), W.statements)].length > 0;
}

const MAX_FRAME = 240;

/** The subject after a frame ("Trên cơ sở đề nghị của …, Sở Xây dựng chủ trì …"), or null. */
function framedSubject(s: string, f: string): UnitPhrase | null {
  if (!wordAt(f, skipSpace(s, 0), W.framings)) return null;
  for (let c = s.indexOf(","); c > 0 && c < MAX_FRAME; c = s.indexOf(",", c + 1)) {
    const at = skipSpace(s, c + 1);
    if (!isUpper(s.charAt(at)) && !wordAt(f, at, W.plural)) continue;
    const p = readUnits(s, f, at);
    // The subject is followed by what it does, not by the end of the sentence.
    if (p && /\p{L}/u.test(s.slice(p.end, p.end + 3))) return p;
  }
  return null;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * The body results are reported to: "báo cáo (kết quả …) về / cho / với X (qua Y)", "báo cáo, tham
 * mưu X", "gửi Y để tổng hợp, báo cáo X" (X through Y); failing those, the body a draft is
 * submitted to ("trình X"); or null.
 */
export function readReportsTo(s: string): string | null {
  const f = fold(s);
  for (const [i, verb] of occurrences(f, W.reportVerbs)) {
    const at = addresseeAt(s, f, i + verb.length);
    const found = at < 0 ? null : addressee(s, f, i, at);
    if (found) return found;
  }
  for (const [i, verb] of occurrences(f, W.submits)) {
    if (compoundBefore(f, i)) continue;
    const at = skipSpace(s, i + verb.length);
    const found = isUpper(s.charAt(at)) ? addressee(s, f, i, at) : null;
    if (found) return found;
  }
  return null;
}

/** Where the addressee of a report verb that ends at `after` starts, or -1. */
function addresseeAt(s: string, f: string, after: number): number {
  // "báo cáo Thủ tướng Chính phủ": a capitalised body right after the verb is the addressee.
  const direct = skipSpace(s, after);
  if (isUpper(s.charAt(direct))) return direct;
  // "kịp thời báo cáo, đề xuất Ban Chỉ đạo …": the paired verb addresses the same body.
  if (s.charAt(direct) === ",") {
    const j = skipSpace(s, direct + 1);
    const paired = wordAt(f, j, W.reportCompanions);
    if (paired) {
      let k = skipSpace(s, j + paired.length);
      const prep = wordAt(f, k, ["cho", "với"]);
      if (prep) k = skipSpace(s, k + prep.length);
      if (isUpper(s.charAt(k))) return k;
    }
  }
  // The preposition follows the verb within a few words ("báo cáo kết quả thực hiện cho …").
  const window = f.slice(after, after + 60);
  let best: { at: number; len: number } | null = null;
  for (const p of W.reportPrepositions) {
    const m = new RegExp(`(?<![\\p{L}\\p{N}])${p}(?![\\p{L}\\p{N}])`, "u").exec(window);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, len: p.length };
  }
  return best ? after + best.at + best.len : -1;
}

/** The addressee named at `at` for the verb at `verbAt`, with its route; null when no body is named. */
function addressee(s: string, f: string, verbAt: number, at: number): string | null {
  const phrase = readUnits(s, f, at);
  // The addressee is a body ("các sở"), not any plural ("báo cáo sơ kết … về các vùng").
  if (!phrase || !namesBody(s, f, phrase.start)) return null;
  let end = phrase.end;
  const paren = s.indexOf("(", phrase.start);
  if (paren >= 0 && paren < end) end = paren;
  let value = untilStop(s.slice(phrase.start, end));
  const whole = value.length === end - phrase.start;
  if (whole) {
    // "Phó Thủ tướng phụ trách lĩnh vực": which holder of the post is meant.
    const k = skipSpace(s, end);
    const tail = wordAt(f, k, W.postTails);
    if (tail) {
      end = k + tail.length;
      value = s.slice(phrase.start, end);
    }
  }
  // "(qua Sở Nội vụ)" routes the report and belongs to it; "(qua email …)" does not.
  const via = (whole ? viaAt(s, end) : null) ?? routeAfter(s, f, end) ?? relayBefore(s, f, verbAt);
  const clean = cleanUnit(via ? `${value.trimEnd()} ${via.trim()}` : value);
  return clean.length > 1 ? clean : null;
}

/** Whether the "trình" at `i` ends a noun ("chương trình", "quy trình", "tờ trình"). */
function compoundBefore(f: string, i: number): boolean {
  const m = /(\p{L}+)\s+$/u.exec(f.slice(Math.max(0, i - 16), i));
  return m !== null && W.submitCompounds.includes(m[1]!);
}

const MAX_RELAY = 240;

/**
 * "gửi Sở Tài chính để tổng hợp, báo cáo Ủy ban nhân dân Thành phố": the body the report is sent
 * to on its way, as the gold writes a route ("(qua Sở Tài chính)"); null when the verb at `verbAt`
 * is not so preceded.
 */
function relayBefore(s: string, f: string, verbAt: number): string | null {
  const from = Math.max(0, verbAt - MAX_RELAY);
  const m = /(?<![\p{L}\p{N}])để\s+(?:tổng\s+hợp\s*,?\s*)?$/u.exec(f.slice(from, verbAt));
  if (!m) return null;
  const de = from + m.index;
  let route: string | null = null;
  for (const [j, w] of occurrences(f.slice(0, de), W.reportRelays)) {
    if (j < from || /[.;:]/u.test(s.slice(j, de))) continue;
    const p = readUnits(s, f, j + w.length);
    if (!p || !namesBody(s, f, p.start)) continue;
    // The body sent to runs up to "để", but for an aside ("(trước ngày 20 tháng cuối quý)").
    const gap = s.slice(p.end, de).replace(/\([^()]*\)/gu, "");
    if (/^[\s,]*$/u.test(gap)) route = cleanUnit(s.slice(p.start, p.end));
  }
  return route && route.length > 1 ? `(qua ${route})` : null;
}

/** A report's addressee ends where the words of what or when start ("… trước ngày 15", "… đồng thời"). */
function untilStop(value: string): string {
  for (const [j] of occurrences(fold(value), W.reportStops)) return value.slice(0, j);
  return value;
}

const MAX_ROUTE_GAP = 60;

/**
 * "báo cáo UBND Thành phố kết quả thực hiện thông qua Sở Khoa học và Công nghệ": a route said
 * after the report's words, in the same part of the sentence, written as the gold writes it
 * ("(qua Sở Khoa học và Công nghệ)"); null when none.
 */
function routeAfter(s: string, f: string, from: number): string | null {
  const rest = s.slice(from, from + MAX_ROUTE_GAP);
  const m = /(?<![\p{L}\p{N}])(?:thông\s+)?qua\s+(?=\p{Lu})/u.exec(rest);
  if (!m || /[;.(]/u.test(rest.slice(0, m.index))) return null;
  const p = readUnits(s, f, from + m.index + m[0].length);
  const only = p?.units.length === 1 ? p.units[0] : undefined;
  if (!p || only === undefined || !namesBody(s, f, p.start)) return null;
  const unit = untilStop(only);
  return unit.length > 1 ? `(qua ${cleanUnit(unit)})` : null;
}

function namesBody(s: string, f: string, at: number): boolean {
  const p = wordAt(f, at, W.plural);
  return headAt(s, f, p ? skipSpace(s, at + p.length) : at, true) !== null;
}

/**
 * The "(qua <Unit> …)" that follows `at`, or null: its text with the parentheses balanced (a source
 * that drops a closing one still routes through the unit it names).
 */
function viaAt(s: string, at: number): string | null {
  const m = /^\s*\(qua\s+(?=\p{Lu})/u.exec(s.slice(at));
  if (!m) return null;
  let depth = 0;
  let lastClose = -1;
  for (let j = at; j < s.length; j++) {
    const c = s.charAt(j);
    if (c === "(") depth++;
    else if (c === ")") {
      lastClose = j;
      if (--depth === 0) return s.slice(at, j + 1);
    } else if (".;\n".includes(c)) break;
  }
  return lastClose < 0 ? null : s.slice(at, lastClose + 1) + ")".repeat(depth);
}

export function toAssignees(a: Pick<Actors, "leads" | "coordinates">): Assignee[] {
  return [
    ...a.leads.map((unit) => ({ unit, role: "lead" as const })),
    ...a.coordinates.map((unit) => ({ unit, role: "coordinate" as const })),
  ];
}
