/**
 * What the header leaves out but the document still tells: the system from the symbol's shape, the
 * date from the digital signature when the day was left blank, the number stamped elsewhere on an
 * e-signed copy, the issuer of a Party letter whose header lines a scan lost. Inferred fields are
 * listed in `record.inferred` and carry a warning.
 */
import { provinceByPlace } from "../tables/admin-units.js";
import { docTypesByAbbr } from "../tables/doc-types.js";
import { type Context, warn } from "./context.js";
import { findDate } from "./date.js";
import { isSigningLine } from "./header-lines.js";
import { signatureTimestamp } from "./place-date.js";

/** Fills what the header did not print but the rest of the document shows. */
export function inferHeader(ctx: Context): void {
  inferSystem(ctx);
  inferType(ctx);
  inferDate(ctx);
  inferNumber(ctx);
  inferFromAnnexNote(ctx);
  inferIssuer(ctx);
}

// "(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban Tuyên giáo và Dân vận Trung ương)"
const ANNEX_NOTE =
  /^[\s*_(]*(?:ban hành )?kèm theo ([\p{L} ]{2,30}?) số\s*(\d{1,6}[a-z]?\s*[-/]\s*[\p{L}\d]+(?:\s*[-/]\s*[\p{L}\d]+)*)(.*)$/iu;

/**
 * An annex names the document it belongs to ("Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày …"): when the
 * document's own header lost its number (a copy without its header, an e-signed blank), the annex
 * tells it — only when the type matches the document's own.
 */
function inferFromAnnexNote(ctx: Context): void {
  const { record } = ctx;
  if (record.number || !record.type) return;
  for (let i = ctx.bodyStart; i < ctx.lines.length; i++) {
    const line = ctx.lines[i]!;
    if (!/k[eè]m theo/iu.test(line.text) || line.text.length > 400) continue;
    let text = line.text;
    if (text.includes("(") && !text.includes(")") && ctx.lines[i + 1])
      text = `${text} ${ctx.lines[i + 1]!.text}`;
    const m = ANNEX_NOTE.exec(text);
    if (!m || m[1]!.trim().toLowerCase() !== record.type.toLowerCase()) continue;
    const symbol = m[2]!.replace(/\s+/g, "");
    const own = record.symbol;
    // A blank-numbered symbol ("/QĐ-UBND") must agree with the note's.
    if (own && !symbol.endsWith(own.replace(/^[-/]/, ""))) return;
    record.symbol = symbol;
    record.number = /^\d+[a-z]?/.exec(symbol)?.[0] ?? null;
    mark(ctx, "symbol", "number and symbol taken from an annex's 'kèm theo' note");
    if (record.number) mark(ctx, "number", "number and symbol taken from an annex's 'kèm theo' note");
    const rest = m[3] ?? "";
    const date = findDate(rest);
    if (!record.date && date && date.index < 12) {
      record.date = date.iso;
      mark(ctx, "date", "date taken from an annex's 'kèm theo' note");
    }
    const issuer = /\bcủa\s+([^)]+?)\s*\)?\s*$/u.exec(rest);
    if (!record.issuer && issuer) {
      record.issuer = issuer[1]!.trim();
      mark(ctx, "issuer", "issuer taken from an annex's 'kèm theo' note");
    }
    return;
  }
}

function mark(ctx: Context, field: string, why: string): void {
  if (!ctx.record.inferred.includes(field)) ctx.record.inferred.push(field);
  warn(ctx, why);
}

/** Party symbols put "-" after the number and "/" before the issuer (677-CV/TU); State ones "/" first. */
function inferSystem(ctx: Context): void {
  const { record } = ctx;
  if (record.system) return;
  const s = record.symbol;
  if (s) {
    const dash = s.indexOf("-");
    const slash = s.indexOf("/");
    if (dash >= 0 && slash > dash && /^\d*[a-z]?$/.test(s.slice(0, dash))) record.system = "party";
    else if (slash >= 0 && (dash < 0 || slash < dash)) record.system = "state";
  }
  if (!record.system) {
    const party = ctx.lines.some((l) => /^\s*(T\/M|K\/T|T\/L)\s/u.test(l.text));
    const state = ctx.lines.some((l) => /^\s*(TM|KT|TL|TUQ)\.\s/u.test(l.text));
    if (party !== state) record.system = party ? "party" : "state";
  }
  if (record.system) mark(ctx, "system", "system inferred: no Quốc hiệu line");
}

/**
 * No type line: the symbol tells (Party "677-CV/TU" → CV → Công văn; State "123/QĐ-UBND" → QĐ), and a
 * State symbol without a type abbreviation ("1237/UBND", "603/UBND-TH") is a Công văn, which NĐ 30/2020
 * Phụ lục III gives none; so is a letter with a "V/v" subject.
 */
function inferType(ctx: Context): void {
  const { record } = ctx;
  if (record.type) return;
  const s = record.symbol;
  let type: string | null = null;
  if (s && record.system === "party") {
    const abbr = s.split("/")[0]?.split("-")[1];
    const types = abbr ? docTypesByAbbr(abbr) : [];
    if (types.length >= 1) type = types[0]!.name;
  } else if (s && record.system === "state") {
    const parts = s.split("/");
    const last = parts[parts.length - 1] ?? "";
    const abbr = last.includes("-") ? last.split("-")[0]! : "";
    const types = abbr ? docTypesByAbbr(abbr) : [];
    type = types.length >= 1 ? types[0]!.name : "Công văn";
  }
  if (!type && record.subject && /^(v\/v|về việc)/iu.test(record.subject)) type = "Công văn";
  if (type) record.type = type;
}

/** An e-signed copy leaves the day blank; the organisation's signature timestamp dates it. */
function inferDate(ctx: Context): void {
  const { record } = ctx;
  if (record.date) return;
  for (let i = ctx.lines.length - 1; i >= ctx.bodyStart; i--) {
    const line = ctx.lines[i]!;
    const ts = signatureTimestamp(line.text);
    if (ts) {
      record.date = ts.iso;
      record.spans.date = [line.start + ts.index, line.start + ts.index + ts.length];
      mark(ctx, "date", "date taken from the digital signature");
      return;
    }
  }
}

/** "Số -CV/ĐU": the e-signing system stamps the number on a line of its own elsewhere. */
function inferNumber(ctx: Context): void {
  const { record } = ctx;
  if (record.number || !record.symbol || !/^[-/]/.test(record.symbol)) return;
  const candidates = ctx.lines
    .map((l, i) => ({ l, i }))
    .filter(({ l, i }) => i > ctx.bodyStart && /^\s*\d{1,5}[a-z]?\s*$/.test(l.text));
  if (candidates.length !== 1) return;
  const { l } = candidates[0]!;
  const number = l.text.trim();
  const sep = record.system === "party" ? "-" : "/";
  record.number = number;
  record.symbol = `${number}${sep}${record.symbol.replace(/^[-/]/, "")}`;
  record.spans.number = [l.start, l.end];
  mark(ctx, "number", "number read from the e-signing stamp");
}

/** A Party committee signing T/M with a /TU symbol is the Tỉnh ủy or Thành ủy of its place. */
function inferIssuer(ctx: Context): void {
  const { record } = ctx;
  if (record.issuer) return;
  const suffix = record.symbol?.split("/")[1]?.split("-")[0];
  const collective = ctx.lines.some((l) => isSigningLine(l.text) && /^\s*T\/?M\b/iu.test(l.text));
  if (record.system === "party" && suffix === "TU" && record.place && collective) {
    const province = provinceByPlace(record.place);
    if (province) {
      record.issuer = `${province.city ? "Thành ủy" : "Tỉnh ủy"} ${province.display}`;
      mark(ctx, "issuer", "header line missing: issuer inferred from the symbol, place and signature");
      return;
    }
  }
  if (record.system === "state" && record.place) {
    const signing = ctx.lines.find((l) => /^\s*TM\.\s*(ỦY BAN NHÂN DÂN|UBND)/u.test(l.text));
    if (signing) {
      const province = provinceByPlace(record.place);
      const where = province ? `${province.city ? "Thành phố" : "tỉnh"} ${province.short}` : record.place;
      record.issuer = `Ủy ban nhân dân ${where}`;
      mark(ctx, "issuer", "header line missing: issuer inferred from the signature and place");
    }
  }
}
