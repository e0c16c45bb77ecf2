/**
 * Step: the header (ô 1–5 of NĐ 30/2020 Phụ lục I; HD 36-HD/VPTW for the Party).
 *
 *   ỦY BAN NHÂN DÂN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM     ô 2 issuer │ ô 1 Quốc hiệu
 *   HUYỆN CẦN GIỜ                   Độc lập - Tự do - Hạnh phúc
 *   Số: 1237/UBND                Cần Giờ, ngày 08 tháng 3 năm 2023      ô 3 Số     │ ô 4 place, date
 *   V/v triển khai thực hiện …                                          ô 5b subject (Công văn)
 *                               QUYẾT ĐỊNH                              ô 5a type and subject
 *
 * Real copies scramble this (columns flattened line by line, lines lost to a scan, the order
 * shuffled by a text layer), so every line — and every cell of a flattened two-column line — is
 * classified on its own, and the fields are read from the classes.
 */
import { startsWithPosition } from "../tables/organisations.js";
import { fold } from "../text/fold.js";
import { type Context, warn } from "./context.js";
import { inferHeader } from "./header-infer.js";
import { cells, isMostlyUpper, isMotto, isRule, nationalTitle } from "./header-lines.js";
import { bodyNames, normalCase } from "./issuer.js";
import { readNumber } from "./number-line.js";
import { joinSplitLetters } from "./ocr-words.js";
import { readPlaceDate } from "./place-date.js";
import type { Span } from "./record.js";
import { isSubjectLine, typeTitle } from "./title.js";

/** How many lines a header may take before the body must have begun. */
const HEADER_LINES = 45;

type Kind =
  | "national"
  | "motto"
  | "rule"
  | "number"
  | "date"
  | "title"
  | "subject"
  | "org"
  | "recipients"
  | "body"
  | "other";

interface Cell {
  line: number;
  text: string;
  start: number;
  end: number;
  kind: Kind;
}

/** Step: reads system, issuer, parent issuer, number and symbol, place and date, type and subject. */
export function readHeader(ctx: Context): void {
  const { record } = ctx;
  const found = classify(ctx);
  const spans = record.spans;

  const national = found.find((c) => c.kind === "national");
  if (national) {
    record.system = nationalTitle(national.text);
    spans.system = [national.start, national.end];
  }

  const numberCell = found.find((c) => c.kind === "number");
  if (numberCell) {
    const n = readNumber(numberCell.text);
    if (n) {
      record.number = n.number;
      record.symbol = n.symbol;
      spans.symbol = [numberCell.start + n.at[0], numberCell.start + n.at[1]];
    }
  }

  const dateCell = found.find((c) => c.kind === "date");
  if (dateCell) {
    const pd = readPlaceDate(dateCell.text);
    if (pd?.place) {
      record.place = pd.place;
      spans.place = shift(dateCell.start, pd.placeAt!);
      // "Thành phố Hồ" / "Chí Minh, ngày …": a narrow column wrapped the place name.
      const before = found[found.indexOf(dateCell) - 1];
      const wrapped =
        before?.kind === "other"
          ? /^[\p{L} .]{2,30}$/u.test(before.text)
          : /^\p{Lu}\p{Ll}*$/u.test(before?.text ?? "");
      if (
        before &&
        before.line < dateCell.line &&
        wrapped &&
        (before.kind === "other" || before.kind === "subject")
      ) {
        record.place = `${before.text} ${pd.place}`;
        spans.place = [before.start, spans.place[1]];
      }
    }
    if (pd?.date) {
      record.date = pd.date;
      spans.date = shift(dateCell.start, pd.dateAt!);
    }
  }

  const titleIndex = found.findIndex((c) => c.kind === "title");
  readIssuer(ctx, found, titleIndex);
  readTypeAndSubject(ctx, found, titleIndex);

  const last = found.reduce((m, c) => Math.max(m, c.kind === "body" ? m : c.line), -1);
  const firstBody = found.find((c) => c.kind === "body" || c.kind === "recipients");
  ctx.bodyStart = firstBody ? firstBody.line : Math.min(last + 1, ctx.lines.length);
  inferHeader(ctx);
  if (!record.issuer && !record.inferred.includes("issuer")) warn(ctx, "issuer not found");
}

function shift(base: number, at: [number, number]): Span {
  return [base + at[0], base + at[1]];
}

type RawCell = { line: number; text: string; start: number; end: number };

/** The cells of the first lines, one by one (the header is read lazily: most documents end it early). */
function* rawCells(ctx: Context): Generator<RawCell> {
  let seen = 0;
  for (let i = 0; i < ctx.lines.length && seen < HEADER_LINES; i++) {
    const line = ctx.lines[i]!;
    if (line.text.trim() === "") continue;
    seen++;
    if (line.text.length > 600) {
      yield { line: i, text: line.text.slice(0, 600), start: line.start, end: line.end };
      continue;
    }
    for (const c of cells(line.text)) {
      const bare = c.text.replace(/^[*_#>\s]+|[*_\s]+$/g, "");
      if (!bare) continue;
      const start = line.start + c.offset + c.text.indexOf(bare);
      const text = /^S[ốỐoO6]/u.test(bare) ? bare : joinSplitLetters(bare);
      // "ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI …": two columns that lost the spaces between them.
      const at = nationalAt(text);
      if (at > 0) {
        const left = text.slice(0, at).trimEnd();
        yield { line: i, text: left, start, end: start + left.length };
        yield { line: i, text: text.slice(at), start: start + at, end: start + text.length };
      } else yield { line: i, text, start, end: start + text.length };
    }
  }
}

/** The header's cells with the pieces a line wrap split rejoined. */
function* headerCells(ctx: Context): Generator<RawCell> {
  const it = rawCells(ctx);
  let pending = it.next();
  while (!pending.done) {
    const c = pending.value;
    pending = it.next();
    const next = pending.done ? undefined : pending.value;
    // Rejoin what a narrow column wrapped: "Số:" / "2820/QĐ-UBND", "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM".
    if (next && wrapped(c, next)) {
      yield { line: next.line, text: `${c.text} ${next.text}`, start: c.start, end: next.end };
      pending = it.next();
      continue;
    }
    // "Số: 2428/BXD-QLN V/v: Hỗ trợ …": the subject printed on the number's line.
    const vv = /^S[ốỐoO6].{0,40}?\s(V\/v|V\.v)\b/u.exec(c.text);
    if (vv) {
      const at = vv[0].length - vv[1]!.length;
      const left = c.text.slice(0, at).trimEnd();
      yield { ...c, text: left, end: c.start + left.length };
      yield { ...c, text: joinSplitLetters(c.text.slice(at)), start: c.start + at };
      continue;
    }
    yield c;
  }
}

/** Whether two cells are one header line that a narrow column wrapped. */
function wrapped(c: RawCell, next: RawCell): boolean {
  const bareLabel = /^S[ốỐoO6]\s*[:.]?$/u.test(c.text);
  if (!((next.line > c.line || bareLabel) && next.line <= c.line + 2)) return false;
  if (bareLabel) return /[/-]/.test(next.text) && next.text.length < 60;
  const joined = `${c.text} ${next.text}`;
  const nc = nationalTitle(c.text);
  if (!nc && !nationalTitle(next.text) && nationalTitle(joined) !== null) return true;
  if (nc !== null && fold(next.text).replace(/[^a-z]/g, "") === "vietnam") return true;
  // "Hà Tĩnh, ngày" / "02 tháng 12 năm 2025"
  if (
    /ng[aà]y/iu.test(c.text) &&
    /\bngay\b/.test(fold(c.text)) &&
    !readPlaceDate(c.text)?.date &&
    readPlaceDate(joined)?.date
  )
    return true;
  // "Hà" / "Nội, ngày 03 tháng 12 năm 2025": a place name wrapped before its date.
  if (
    /^[\p{L} ]{1,25}$/u.test(c.text) &&
    !isMostlyUpper(c.text) &&
    readPlaceDate(next.text)?.date &&
    readPlaceDate(joined)?.place
  )
    return true;
  // "THỦ" / "TƯỚNG CHÍNH PHỦ điện:": a Công điện's sender wrapped.
  return /^\p{Lu}+( \p{Lu}+)?$/u.test(c.text) && /điện\s*:\s*$/u.test(next.text);
}

/** Where a Quốc hiệu starts inside a cell that also holds the issuer, or -1. */
function nationalAt(text: string): number {
  if (!/nam|s[ảa]n/iu.test(text)) return -1;
  const f = fold(text);
  const at = Math.max(f.indexOf("cong hoa xa hoi"), f.indexOf("dang cong san viet nam"));
  return at > 0 && nationalTitle(text.slice(at)) ? at : -1;
}

/** Classifies the header's cells until the body begins. */
export function classify(ctx: Context): Cell[] {
  const out: Cell[] = [];
  let sawTitle = false;
  let subjectLines = 0; // > 0 while a Công văn subject runs on over several lines
  for (const c of headerCells(ctx)) {
    let kind = kindOf(c.text, sawTitle, c.line === 0 || out.length === 0);
    // Ô 5b: a Công văn's subject stands right under its number, with or without "V/v".
    const prev = out[out.length - 1];
    // Ô 5a: the line right under the type title is its subject, whatever word opens it ("Thực hiện …").
    if (
      prev?.kind === "title" &&
      kind === "body" &&
      c.text.length < 400 &&
      !/^(căn cứ|xét|theo đề nghị)/iu.test(c.text)
    ) {
      kind = "other";
    }
    if (
      !sawTitle &&
      prev?.kind === "number" &&
      c.line <= prev.line + 2 &&
      (kind === "other" || kind === "body")
    ) {
      if (!isMostlyUpper(c.text) && c.text.length < 120 && !/^k[ií]nh/iu.test(c.text)) kind = "subject";
    }
    if (subjectLines > 0 && kind !== "subject" && continuesSubject(c.text, kind) && subjectLines < 8) {
      kind = "subject";
      subjectLines++;
    } else if (kind === "subject") subjectLines = 1;
    else subjectLines = 0;
    out.push({ ...c, kind });
    if (kind === "title") sawTitle = true;
    if (kind === "body" || kind === "recipients") break;
  }
  return out;
}

/** A subject wraps onto lines that open nothing else: "số 14-TT/TU của Ban Thường vụ", "ngày 05/01/2022 …". */
function continuesSubject(text: string, kind: Kind): boolean {
  if (kind === "other" || kind === "org") return true;
  if (kind === "body" || kind === "number")
    return /^\p{Ll}/u.test(text) || (text.length < 50 && !/[.:;]$/.test(text));
  return false;
}

const BODY_OPENERS =
  /^(?:[-+•]\s*)?(căn cứ|thực hiện|theo|xét|để|ngày \d|trong|qua|tiếp|nhằm|hiện nay|thời gian|hội nghị|ban thường vụ|thường trực|ủy ban nhân dân [\p{Ll}]|đồng chí|kính mời|chương [ivx\d]|điều \d|phần [ivx\d]|[ivx]+\.|\d+[.)-]\s)/iu;

function kindOf(text: string, sawTitle: boolean, first: boolean): Kind {
  if (nationalTitle(text)) return "national";
  if (isMotto(text)) return "motto";
  if (isRule(text)) return "rule";
  const f = fold(text);
  // "Số"/"SỐ"/OCR "S6" with a capital: a lower-case "số 14-TT/TU" is a subject or sentence going on.
  if (/^S/.test(text) && /^(so|s6|s0)\s*[:.]?\s*(\d|[/-]|\S*[/-])/.test(f) && text.length < 60)
    return "number";
  if (readPlaceDate(text) && text.length < 90) return "date";
  if (/^kinh\s*gui\b/.test(f) || /\bdien\s*:\s*$/.test(f)) return "recipients";
  if (!sawTitle && typeTitle(text, first)) return "title";
  if (isSubjectLine(text) && !sawTitle) return "subject";
  if (BODY_OPENERS.test(text) && !isMostlyUpper(text)) return "body";
  if (sawTitle) return isMostlyUpper(text) || text.length < 120 ? "other" : "body";
  if (isMostlyUpper(text) && text.length < 120) return "org";
  return text.length > 160 ? "body" : "other";
}

/** The issuer is the last body name above the number; the name above it is the parent. */
function readIssuer(ctx: Context, found: Cell[], titleIndex: number): void {
  const numberAt = found.findIndex((c) => c.kind === "number");
  const limit = [numberAt, titleIndex].filter((i) => i >= 0).reduce((m, i) => Math.min(m, i), found.length);
  const orgs = found.slice(0, limit).filter((c) => c.kind === "org");
  if (orgs.length === 0) return;
  const names = bodyNames(orgs.map((c) => c.text));
  const issuer = names[names.length - 1];
  if (!issuer) return;
  ctx.record.issuer = normalCase(issuer);
  const parent = names[names.length - 2];
  ctx.record.parent_issuer = parent ? normalCase(parent) : null;
  ctx.record.spans.issuer = [orgs[0]!.start, orgs[orgs.length - 1]!.end];
}

/** Type from the title line (or Công văn when a V/v subject stands under the number); subject below it. */
function readTypeAndSubject(ctx: Context, found: Cell[], titleIndex: number): void {
  const { record } = ctx;
  const spaced = doubleSpaced(found);
  if (titleIndex >= 0) {
    const title = found[titleIndex]!;
    record.type = typeTitle(title.text, true)?.type ?? null;
    record.spans.type = [title.start, title.end];
    const parts: Cell[] = [];
    for (let i = titleIndex + 1; i < found.length; i++) {
      const c = found[i]!;
      if (c.kind === "body" || c.kind === "recipients" || c.kind === "rule" || c.kind === "number") break;
      const repeated = c.kind === "national" && found.findIndex((x) => x.kind === "national") < titleIndex;
      if ((c.kind === "date" || c.kind === "national" || c.kind === "motto") && !repeated) continue;
      const prev = parts[parts.length - 1];
      const gap = prev !== undefined && c.line > prev.line + (spaced ? 2 : 1);
      const upper = isMostlyUpper(parts[0]?.text ?? c.text);
      if (gap && !upper) break; // a blank line closes a subject in running case
      if (prev && upper !== isMostlyUpper(c.text) && !/^\(/.test(c.text)) break;
      if (endsSubject(c.text, record.issuer, gap || !prev)) break;
      if (gap && completesIssuer(ctx, c.text)) break;
      parts.push(c);
    }
    setSubject(ctx, subjectFrom(parts));
    return;
  }
  const vv = found.findIndex((c) => c.kind === "subject");
  if (vv >= 0) {
    const parts = [found[vv]!];
    for (let i = vv + 1; i < found.length; i++) {
      const c = found[i]!;
      if (c.kind !== "subject" || endsSubject(c.text, record.issuer, false)) break;
      if (c.line > parts[parts.length - 1]!.line + (spaced ? 2 : 1) + 1) break;
      parts.push(c);
    }
    setSubject(ctx, parts);
  }
}

/**
 * The issuing authority line under a decision's subject may give the issuer's full name where a scan
 * cut the header's left column ("ỦY BAN THƯỜNG VỤ" over a lost "QUỐC HỘI").
 */
function completesIssuer(ctx: Context, text: string): boolean {
  const issuer = ctx.record.issuer;
  if (!issuer || !isMostlyUpper(text)) return false;
  const f = fold(text).replace(/\s+/g, " ").trim();
  const i = fold(issuer).replace(/\s+/g, " ");
  if (!f.startsWith(`${i} `) || f.split(" ").length > i.split(" ").length + 3) return false;
  ctx.record.issuer = normalCase(text);
  return true;
}

/** Whether the header puts a blank line between every two lines (text saved from a Word table). */
function doubleSpaced(found: Cell[]): boolean {
  const lines = [...new Set(found.map((c) => c.line))];
  let gaps = 0;
  for (let i = 1; i < lines.length; i++) if (lines[i]! - lines[i - 1]! === 2) gaps++;
  return lines.length > 3 && gaps >= (lines.length - 1) * 0.6;
}

/**
 * The issuing-authority line that follows a decision's subject ("ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
 * "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "BỘ TRƯỞNG BỘ Y TẾ") or a Công điện's "… điện:".
 */
function endsSubject(text: string, issuer: string | null, afterGap: boolean): boolean {
  const f = fold(text).replace(/\s+/g, " ").trim();
  if (/\bdien\s*:\s*$/.test(f)) return true;
  if (!isMostlyUpper(text)) return false;
  if (afterGap && startsWithPosition(f)) return true;
  if (!issuer) return false;
  const i = fold(issuer).replace(/\s+/g, " ");
  // "CỤC TRƯỞNG CỤC" / "HẢI QUAN": the head's title, then the start of the issuer's name.
  const body = f.replace(/^\S+ \S+ /, "");
  if (startsWithPosition(f) && body.length >= 3 && (i.startsWith(body) || body.startsWith(i))) return true;
  return f === i || (f.endsWith(i) && i.length > 6 && (afterGap || startsWithPosition(f)));
}

/** A Nghị quyết's title may carry the conference line before "VỀ …": the subject is the "về" part. */
function subjectFrom(parts: Cell[]): Cell[] {
  const ve = parts.findIndex((c, i) => i > 0 && /^ve(?=\s|$)/.test(fold(c.text)));
  return ve > 0 ? parts.slice(ve) : parts;
}

function setSubject(ctx: Context, parts: Cell[]): void {
  if (parts.length === 0) return;
  const subject = parts
    .map((c) => c.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  if (!subject) return;
  ctx.record.subject = subject;
  ctx.record.spans.subject = [parts[0]!.start, parts[parts.length - 1]!.end];
}
