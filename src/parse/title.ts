/**
 * Tên loại và trích yếu (ô 5a/5b of NĐ 30/2020): the type line in capitals ("QUYẾT ĐỊNH", "THÔNG TRI")
 * with the subject under it, or — for a Công văn, which has no type line — the "V/v …" subject
 * under the number.
 */
import { docTypeByName, docTypeNamesFolded } from "../tables/doc-types.js";
import { fold } from "../text/fold.js";
import { isMostlyUpper } from "./header-lines.js";

/** A type title found on a line, and where on the line it starts. */
export interface TypeTitle {
  type: string;
  index: number;
}

/**
 * The document type a line announces, when the line is (or, with `glued`, ends with) a type name in
 * capitals. Letter-spaced titles ("T H Ô N G  B Á O") count; "QUYẾT ĐỊNH:" (the operative line
 * before Điều 1) and words inside a sentence do not.
 */
export function typeTitle(text: string, glued = false): TypeTitle | null {
  const t = text.replace(/[*_#|]+/g, " ").trimEnd();
  if (t.length > 80 || t.endsWith(":")) return null;
  const trimmed = t.trim();
  if (!trimmed || !isMostlyUpper(trimmed)) return null;
  // "PHỤ LỤC I", "PHỤ LỤC 02": an annex numbered in Roman or Arabic numerals (NĐ 30 Phụ lục I mục III.1).
  const annex = /^(PHỤ LỤC|PHỤ LỤC SỐ)\s*[IVXLC\d]*[.:]?$/u.test(trimmed)
    ? docTypeByName("Phụ lục")
    : undefined;
  const whole = annex ?? docTypeByName(trimmed) ?? docTypeByName(unspace(trimmed));
  if (whole) return { type: whole.name, index: t.indexOf(trimmed) };
  if (!glued) return null;
  // "11:58THÔNG TRI": a stamp's text glued to the title by a lost line break.
  const bare = text.replace(/[*_#|]+/g, "").trimEnd(); // "11:58**THÔNG TRI**": the markup was the only break
  const folded = fold(bare);
  for (const name of docTypeNamesFolded) {
    if (folded.endsWith(name) && name.length >= 6) {
      const at = folded.length - name.length;
      const before = bare.slice(0, at);
      // Glued means no space: "11:58THÔNG TRI"; "NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN" is a phrase, not a title.
      if (before.trim() !== "" && !/[\p{N}\p{P}]$/u.test(before)) continue;
      const type = docTypeByName(name);
      if (type) return { type: type.name, index: at };
    }
  }
  return null;
}

/** "T H Ô N G  B Á O" → "THÔNG BÁO": single letters separated by spaces, words by two or more. */
function unspace(s: string): string {
  if (!/^(\p{L}\s)+\p{L}$/u.test(s.replace(/\s{2,}/g, " "))) return s;
  return s
    .split(/\s{2,}/)
    .map((w) => w.replace(/\s/g, ""))
    .join(" ");
}

/** Subject markers of a Công văn (ô 5b): "V/v", "Về việc", "Về". */
const SUBJECT_MARK = /^(v\/v|v\.v|về việc|ve viec|về|ve)(?=[\s:.,]|$)/iu;

/** Whether a line opens a Công văn subject: "V/v triển khai…", "Về tiếp tục lãnh đạo…". */
export function isSubjectLine(text: string): boolean {
  return SUBJECT_MARK.test(text.replace(/^[\s*_]+/, ""));
}

/** The type named by the first words of a title in capitals ("DANH SÁCH XÃ, PHƯỜNG …" → Danh sách). */
export function leadingType(text: string): string | null {
  const f = fold(text.replace(/[*_#|]/g, "").trim());
  for (const name of docTypeNamesFolded) {
    if (f.startsWith(name) && (f.length === name.length || !/[a-z]/.test(f[name.length]!))) {
      return docTypeByName(name)?.name ?? null;
    }
  }
  return null;
}
