/**
 * The document record: what the parser makes of one document.
 * The contract is ../shared/docs/record.md; docs/record.md describes it as built.
 */

/** `[start, end)` character offsets into the record's normalised source text. */
export type Span = [number, number];

export type System = "party" | "state";

/** Authority chain, position and name of the signature block (ô 7a–7c of NĐ 30/2020). */
export interface Signer {
  /** "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ"; null when the block has none. */
  authority: string | null;
  /** "PHÓ CHỦ TỊCH", "PHÓ BÍ THƯ". */
  position: string | null;
  name: string | null;
}

export type CitationRelation = "implements" | "attaches" | "mentions";

/** A reference in the text to another numbered document. */
export interface Citation {
  type: string | null;
  symbol: string;
  /** ISO date of the cited document when the citation gives it. */
  date: string | null;
  /** The issuer phrase as written after "của" ("Ban Thường vụ Thành ủy"), null when absent. */
  issuer: string | null;
  relation: CitationRelation;
  span: Span;
}

/** A document embedded in this one (after the signature, or an annex). */
export interface Attachment {
  /** Record id of the embedded document (`<id>#1`), null for an annex that is no record. */
  id: string | null;
  type: string | null;
  symbol: string | null;
}

/** One numbered unit of the body: "1.", "1.1.", "a)", "-", "II.", "Điều 1.". */
export interface Clause {
  label: string;
  text: string;
  children: Clause[];
  span: Span;
}

/** Incoming-register stamp (dấu "ĐẾN"): receiver, arrival number, time. */
export interface Stamp {
  kind: "incoming";
  raw: string;
  receiver: string | null;
  arrival_number: string | null;
  arrival_date?: string | null;
}

/** Urgency (độ khẩn), secrecy (độ mật) and circulation marks. */
export interface Marks {
  urgency: string | null;
  secrecy: string | null;
  circulation: string | null;
  draft?: string | null;
}

/** The header's single-text fields (thể thức: ô 1–5), in the order they are read. */
export const headerFields = [
  "system",
  "type",
  "number",
  "symbol",
  "issuer",
  "parent_issuer",
  "place",
  "date",
  "subject",
] as const;

export interface DocumentRecord {
  /** `<base>` for the document itself, `<base>#1`, `#2`, … for embedded documents. */
  id: string;
  attached_to: string | null;
  system: System | null;
  type: string | null;
  number: string | null;
  symbol: string | null;
  issuer: string | null;
  parent_issuer: string | null;
  place: string | null;
  date: string | null;
  subject: string | null;
  recipients: string[];
  signer: Signer;
  distribution: string[];
  citations: Citation[];
  attachments: Attachment[];
  clauses: Clause[];
  stamps: Stamp[];
  marks: Marks;
  /** Fields filled by inference rather than read ("issuer" when the header line was lost). */
  inferred: string[];
  /** What a human should check: "clauses reordered", "header line missing", … */
  warnings: string[];
  /** For each read field, where it was read: offsets into `ParseResult.text`. */
  spans: Record<string, Span>;
}

/** What the parser returns for one input file. */
export interface ParseResult {
  file: string;
  /** The detected format: "txt" | "md" | "html" | "docx" | "doc" | "pdf". */
  format: string;
  /** Decoding and extraction notes ("decoded from TCVN3", "no text layer"). */
  warnings: string[];
  documents: DocumentRecord[];
  /** The file's normalised text: every span of every record points into it. */
  text: string;
}
