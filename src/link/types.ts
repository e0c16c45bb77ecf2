/**
 * The cascade's vocabulary (hệ thống văn bản chỉ đạo): issuing bodies, document identities and the
 * edges between them. Pure data: src/link computes them from records, src/store keeps them.
 */

/** Where a body sits: full unit names as the admin-unit tables write them, null above its level. */
export interface Place {
  /** "Thành phố Hồ Chí Minh", "Tỉnh Lâm Đồng". */
  province: string | null;
  /** "Huyện Cần Giờ" (the district level ended on 1 July 2025). */
  district: string | null;
  /** "Xã Bình Khánh", "Thị trấn Cần Thạnh", "Đặc khu Phú Quốc". */
  commune: string | null;
}

export type OrgSystem = "party" | "state" | "mass";
export type OrgLevel = "central" | "province" | "district" | "commune";

/** An issuing body (cơ quan, tổ chức ban hành), dated: local bodies live and end with their unit. */
export interface Organisation {
  /**
   * Stable, readable, derived from the name and place alone, so the same body gets the same key
   * whichever document names it first: "party/ban-bi-thu", "party/thanh-uy@can-tho",
   * "state/ubnd@huyen-can-gio.ho-chi-minh".
   */
  key: string;
  /** Canonical name as a clerk writes it in a register: "Ủy ban nhân dân huyện Cần Giờ". */
  name: string;
  /** Short form for trees and lists: "UBND huyện Cần Giờ", "Thành ủy TP. Hồ Chí Minh". */
  short: string;
  system: OrgSystem;
  level: OrgLevel;
  /** The body it belongs to (Ban Thường vụ → its Thành ủy; Sở → its UBND), or null. */
  parent: string | null;
  place: Place;
  /** ISO dates; null when open. A pre-2025 district body has validTo "2025-06-30". */
  validFrom: string | null;
  validTo: string | null;
  /** Keys of the bodies that took over its scope (huyện Cần Giờ → the four xã of TP HCM). */
  successors: string[];
  /** Other names and abbreviations that resolve to it ("UBND huyện Cần Giờ", "BTV Thành ủy"). */
  aliases: string[];
  /**
   * The body whose numbering series its documents use: a Ban Thường vụ numbers as its Thành ủy
   * ("108-KH/TU"), every central Party body as "party/tw" (/TW is one national series).
   */
  series: string;
  /** Named by a document but found in no table: shown for a person to review. */
  review: boolean;
}

/** What the citing (or the read) document tells about where a name is said. */
export interface NamingContext {
  /** ISO date of the document that says the name: picks the units of its time. */
  date: string | null;
  /** The saying document's own issuer, resolved: "Thành phố" in a Cần Giờ text is TP HCM. */
  speaker: Organisation | null;
  system: "party" | "state" | null;
}

/** How a name was resolved to a body. */
export interface Resolution {
  /** The body, when one fits; null when none or several do. */
  org: Organisation | null;
  /** Every body that fits when several do (org is then null): a person confirms one. */
  candidates: Organisation[];
  /** Where the answer came from. */
  how: "words" | "symbol" | "speaker" | "none";
  warning: string | null;
}

/** A recipient item (Kính gửi / Nơi nhận) resolved to the bodies it names. */
export interface RecipientGroup {
  /** The item as printed: "Các quận ủy, huyện ủy". */
  text: string;
  /** The bodies it stands for at the document's date ("Các quận ủy, huyện ủy" → nine bodies). */
  units: Organisation[];
  /**
   * "act": expected to carry the directive down; "report": sent up "để báo cáo"; "inform": "để
   * biết", copies to leaders and files ("Lưu: VT") — only "act" recipients owe an answer.
   */
  purpose: "act" | "report" | "inform";
  /** Whether every body of the group could be named (a class like "các đơn vị sự nghiệp" cannot). */
  expanded: boolean;
}

export type EdgeRelation = "implements" | "attaches" | "mentions" | "forwards";

/** A document identity (issuer + symbol + year); a placeholder until the document is read. */
export interface IdentityDraft {
  /** `${series}|${symbolKey}|${year}`; series "?" when the issuer could not be settled. */
  key: string;
  series: string;
  /** As printed ("677-CV/TU"). */
  symbol: string;
  /** Four digits, or "?" when neither the date nor the symbol gives it. */
  year: string;
  type: string | null;
  date: string | null;
  /** The issuer's display name ("Ban Thường vụ Thành ủy Cần Thơ"), from the body or the words. */
  issuer: string | null;
  /** The issuing body's key, when resolved. */
  orgKey: string | null;
  subject: string | null;
}

/** An edge as one document states it (or, inferred, as it says another did). */
export interface EdgeDraft {
  from: string;
  to: string;
  relation: EdgeRelation;
  /** Said by a third document ("603 … về triển khai thực hiện Thông tri 14"), not by `from` itself. */
  inferred: boolean;
  /** The words that show it, short. */
  evidence: string;
  /** The printed symbol the edge was read from. */
  symbol: string;
  /** When the issuer of `to` was ambiguous: the identities it may be; a person confirms one. */
  candidates: IdentityDraft[];
  warning: string | null;
}

/** What linking one document yields: itself, the identities it names, the edges it states. */
export interface LinkedDocument {
  identity: IdentityDraft;
  issuer: Resolution;
  /** Placeholders for every identity an edge points to (and `from` of inferred edges). */
  cited: IdentityDraft[];
  edges: EdgeDraft[];
  recipients: RecipientGroup[];
  warnings: string[];
}
