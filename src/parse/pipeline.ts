import { readCitations } from "./citations.js";
import { readClauses } from "./clauses.js";
import type { Context } from "./context.js";
import { readDistribution } from "./distribution.js";
import { readHeader } from "./header.js";
import { refineIssuer } from "./issuer-refine.js";
import { readMarks } from "./marks.js";
import { readRecipients } from "./recipients.js";
import { readSigner } from "./signer.js";
import { readStamps } from "./stamps.js";

/** A step reads one part of a document into the record. */
export type Step = (ctx: Context) => void;

/**
 * How one document is understood, in order. `header` also fixes where the body starts;
 * the closing steps (Nơi nhận, signature) fix where it ends before clauses and citations run.
 */
export const steps: readonly Step[] = [
  readHeader, // system, issuer, Số, place and date, type, subject
  readMarks, // Hỏa tốc / Khẩn, Mật, lưu hành nội bộ
  readRecipients, // Kính gửi
  readDistribution, // Nơi nhận
  readSigner, // TM. / KT. / T/M …, position, name
  refineIssuer, // the collective a Party signature acts for
  readStamps, // incoming-register stamp (ĐẾN)
  readClauses, // 1., 1.1., a), Điều 1.
  readCitations, // every numbered document referred to
];
