/**
 * Documents carried inside another. A cover letter that forwards a directive ("Đính kèm Thông tri
 * số 14-TT/TU …") carries a document of its own: a second record, whose number, date and issuer
 * the cover tells when its own header was lost. An annex (Phụ lục, a plan "ban hành kèm theo
 * Quyết định số …", an unnumbered programme) is part of the document it follows: no record of its
 * own, only an entry in `attachments`.
 */
import { provinceByPlace, provinceOfDistrict } from "../tables/admin-units.js";
import { fold } from "../text/fold.js";
import { type Context, emptyRecord } from "./context.js";
import { readHeader } from "./header.js";
import type { Line } from "./lines.js";
import type { DocumentRecord } from "./record.js";

/** The type and number an embedded document's own header shows. */
export function peekHeader(text: string, lines: Line[]): { type: string | null; number: string | null } {
  const ctx: Context = { text, lines, bodyStart: 0, bodyEnd: lines.length, record: emptyRecord("peek") };
  readHeader(ctx);
  return { type: ctx.record.type, number: ctx.record.number };
}

/** Whether the cover says it sends a document of this type along ("Đính kèm Thông tri số …"). */
export function coverAttaches(cover: Line[], type: string): boolean {
  const t = fold(type);
  return cover.some((l) => {
    if (!/k[eè]m/iu.test(l.text)) return false;
    const f = fold(l.text);
    return /\b(dinh kem|gui kem|kem theo)\b/.test(f) && f.includes(`${t} so`);
  });
}

/** Where a place lies: a province, or a pre-2025 district's province. */
function provinceOf(place: string | null) {
  if (!place) return undefined;
  return provinceByPlace(place) ?? provinceOfDistrict(place);
}

/**
 * Fills an embedded document's lost header from its cover's "attaches" citation: symbol, date, and the
 * issuer — a Party committee named without its place ("Ban Thường vụ Thành ủy") is the one of the
 * cover's province (Cần Giờ lay in Hồ Chí Minh City).
 */
export function inferFromCover(text: string, cover: DocumentRecord, doc: DocumentRecord): void {
  const sameType = cover.citations.filter((c) => !doc.type || !c.type || fold(c.type) === fold(doc.type));
  const attachWords = /\b(dinh kem|gui kem|kem theo)\b/;
  const cite =
    sameType.find((c) => c.relation === "attaches") ??
    sameType.find((c) => attachWords.test(fold(lineAround(text, c.span[0])))) ??
    (sameType.length === 1 ? sameType[0] : undefined);
  const inferred = (field: string) => {
    if (!doc.inferred.includes(field)) doc.inferred.push(field);
  };
  if (cite && !doc.symbol) {
    doc.symbol = cite.symbol;
    doc.number = /^(\d+[a-z]?)[-/]/.exec(cite.symbol)?.[1] ?? null;
    inferred("symbol");
    if (doc.number) inferred("number");
    doc.warnings.push("number and symbol taken from the cover letter");
  }
  if (cite?.date && !doc.date) {
    doc.date = cite.date;
    inferred("date");
  }
  const province = provinceOf(cover.place);
  if (!doc.issuer && cite?.issuer && province) {
    const committee = /\b(thanh uy|tinh uy)\s*$/.exec(fold(cite.issuer));
    if (committee) {
      doc.issuer = `${province.city ? "Thành ủy" : "Tỉnh ủy"} ${province.display}`;
      inferred("issuer");
    }
  }
  if (!doc.place && province && doc.issuer) {
    doc.place = province.display === province.short ? province.short : province.name;
    inferred("place");
  }
  if (doc.issuer) doc.warnings = doc.warnings.filter((w) => w !== "issuer not found");
}

/** The line of `text` around an offset. */
function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf("\n", at) + 1;
  const end = text.indexOf("\n", at);
  return text.slice(start, end < 0 ? text.length : end);
}
