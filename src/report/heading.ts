/**
 * A report's heading and closing as its issuing body would print them by default (NĐ 30/2020
 * Phụ lục I; HD 36-HD/VPTW for Party bodies; docs/domain.md §1.2–1.6, §3.4–3.6): the body's name
 * (under its managing body's when it is a part of one), the symbol code after the number, the
 * place, the signing authority and title, the recipients and the filing line. Everything can be
 * overridden by the drafter; these are what a clerk would type first.
 */
import { bodiesTable } from "../link/bodies-table.js";
import { organisationByKey, originOf, unitOf } from "../link/organisations.js";
import type { Organisation } from "../link/types.js";
import type { ReportHeading } from "./types.js";

/** The type code of a report (báo cáo): NĐ 30/2020 Phụ lục III; HD 36 (◐). */
export const REPORT_TYPE_CODE = "BC";

/**
 * Who signs for a kind of body, and with which title (domain.md §1.5 chains "TM. ỦY BAN NHÂN DÂN /
 * CHỦ TỊCH" ✔; §3.6 "T/M BAN THƯỜNG VỤ" ✔, a committee being collective). A part of a body (a Sở,
 * a Ban) is signed by its head without a prefix.
 */
const SIGNERS: Readonly<Record<string, { authority: string; position: string }>> = {
  ubnd: { authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH" },
  hdnd: { authority: "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN", position: "CHỦ TỊCH" },
  "cap-uy": { authority: "T/M BAN THƯỜNG VỤ", position: "BÍ THƯ" },
  "cap-uy@commune": { authority: "T/M ĐẢNG ỦY", position: "BÍ THƯ" },
  mttq: { authority: "TM. BAN THƯỜNG TRỰC", position: "CHỦ TỊCH" },
};

/** The head's title of a part of a body, by the first word of the part's key. */
const PART_HEADS: ReadonlyArray<[prefix: string, position: string]> = [
  ["so-", "GIÁM ĐỐC"],
  ["van-phong", "CHÁNH VĂN PHÒNG"],
  ["ubkt", "CHỦ NHIỆM"],
  ["ban-", "TRƯỞNG BAN"],
];

/**
 * Units written in full in the place line: those named after a number or a person (NĐ 30/2020
 * Phụ lục I II.4 ✔, whose example is "Thành phố Hồ Chí Minh"). Other person-named units are not
 * listed in the sources, so the drafter corrects them.
 */
const PERSON_NAMED = new Set(["Hồ Chí Minh"]);

/** Where central bodies date their documents (their seat). */
const CENTRAL_PLACE = "Hà Nội";

/** Upper case as Vietnamese prints it ("Ủy ban nhân dân" → "ỦY BAN NHÂN DÂN"). */
export function upper(text: string): string {
  return text.toLocaleUpperCase("vi");
}

/** The issuer code after the "/" of the body's number-symbols ("UBND", "TU", "STP", "BTCTW"), or null. */
export function issuerCode(org: Organisation): string | null {
  const central = bodiesTable.central.bodies.find((b) => b.key === org.key);
  if (central) {
    if (central.symbols[0]) return central.symbols[0];
    const parent = org.parent ? organisationByKey(org.parent) : undefined;
    return parent && parent.key !== org.key ? issuerCode(parent) : null;
  }
  const origin = originOf(org);
  if (!origin) return null;
  const own = origin.kind.symbols[origin.unit.level]?.[0] ?? null;
  if (!origin.part || origin.part.series === "parent") return own;
  const part = origin.part.symbols?.[0];
  if (!part) return own;
  // A Party committee's boards add the committee's code (BTC + TU → BTCTU); a Sở has its own.
  return origin.kind.kind === "cap-uy" ? `${part}${own ?? ""}` : part;
}

/** The symbol code of a report of the body: "BC-UBND" (state), "BC/TU" (Party). */
export function reportSymbolCode(org: Organisation | null, system: "party" | "state"): string {
  const code = org ? issuerCode(org) : null;
  if (!code) return REPORT_TYPE_CODE;
  return system === "party" ? `${REPORT_TYPE_CODE}/${code}` : `${REPORT_TYPE_CODE}-${code}`;
}

/** The place line's name for the body ("Cần Giờ", "Quận 1", "Thành phố Hồ Chí Minh", "Hà Nội"). */
export function placeOfBody(org: Organisation): string {
  const unit = unitOf(org);
  if (!unit) return org.level === "central" ? CENTRAL_PLACE : "";
  if (/^\d+$/.test(unit.bare) || PERSON_NAMED.has(unit.bare)) return unit.name;
  return unit.bare;
}

/** A part's name under its parent's header: "Sở Tư pháp {unit}" → "Sở Tư pháp". */
function nameUnderParent(org: Organisation): string {
  const origin = originOf(org);
  if (origin?.part) {
    const pattern = origin.part.name.replace(/\{(unit|parent)\}/g, "").trim();
    if (pattern) return pattern;
  }
  // Central boards under "BAN CHẤP HÀNH TRUNG ƯƠNG" drop "Trung ương" (data/bodies.json central).
  return org.name.replace(/\s+Trung ương$/u, "");
}

function signerOf(org: Organisation): { authority: string; position: string } {
  const origin = originOf(org);
  if (origin?.part && origin.part.series !== "parent") {
    const head = PART_HEADS.find(([prefix]) => origin.part!.part.startsWith(prefix));
    return { authority: "", position: head?.[1] ?? "" };
  }
  if (origin) {
    const kind = origin.kind.kind;
    return SIGNERS[`${kind}@${origin.unit.level}`] ?? SIGNERS[kind] ?? { authority: "", position: "" };
  }
  return { authority: "", position: "" };
}

/**
 * The default heading of a report by `org` (the acting user's unit's body), or from the unit's own
 * name when it stands for no known body. The signer's name is left for the drafter.
 *
 * @example
 * defaultHeading(organisationByKey("state/ubnd@huyen-can-gio.ho-chi-minh"), null)
 * // { issuer: "Ủy ban nhân dân huyện Cần Giờ", system: "state", place: "Cần Giờ", symbolCode: "BC-UBND",
 * //   signerAuthority: "TM. ỦY BAN NHÂN DÂN", signerPosition: "CHỦ TỊCH",
 * //   recipients: ["Ủy ban nhân dân Thành phố Hồ Chí Minh (để báo cáo)"], filing: "Lưu: VT", … }
 */
export function defaultHeading(org: Organisation | null, unitName: string | null): ReportHeading {
  if (!org) {
    return {
      issuer: unitName ?? "",
      system: "state",
      place: "",
      symbolCode: REPORT_TYPE_CODE,
      signerAuthority: "",
      signerPosition: "",
      signerName: "",
      recipients: [],
      filing: "Lưu: VT",
    };
  }
  // Political and socio-political organisations apply NĐ 30/2020 (Đ2): they head as the State does.
  const system = org.system === "party" ? "party" : "state";
  const origin = originOf(org);
  const parent = org.parent ? (organisationByKey(org.parent) ?? null) : null;
  // A Ban Thường vụ numbers and heads as its committee (seeds: "THÀNH ỦY CẦN THƠ", T/M BAN THƯỜNG VỤ).
  const heads = origin?.part?.series === "parent" && parent ? parent : org;
  const underParent =
    heads === org && parent !== null && (origin?.part !== undefined || org.level === "central");
  const signer = signerOf(org);
  const committee = system === "party" && origin?.kind.kind === "cap-uy" ? committeeWord(heads) : "";
  const upward = heads.parent ? organisationByKey(heads.parent) : undefined;
  return {
    issuer: underParent ? nameUnderParent(org) : heads.name,
    ...(underParent && parent ? { parentIssuer: parent.name } : {}),
    system,
    place: placeOfBody(heads),
    symbolCode: reportSymbolCode(heads, system),
    signerAuthority: signer.authority,
    signerPosition: signer.position,
    signerName: "",
    recipients: upward ? [`${upward.name} (để báo cáo)`] : [],
    // HD 36 filing line: "- Lưu Văn phòng Thành ủy." (domain.md §3.4 ✔); NĐ 30: "- Lưu: VT, …".
    filing: system === "party" ? `Lưu Văn phòng${committee ? ` ${committee}` : ""}` : "Lưu: VT",
  };
}

/** The committee word of a Party committee's name: "Thành ủy Cần Thơ" → "Thành ủy", "Đảng ủy xã X" → "Đảng ủy". */
function committeeWord(org: Organisation): string {
  const m = /^(\S+ ủy)/u.exec(org.name);
  return m?.[1] ?? "";
}

/** The heading with the drafter's changes laid over it: a field given (even "") replaces the default. */
export function withChanges(base: ReportHeading, changes: Partial<ReportHeading>): ReportHeading {
  const out: ReportHeading = { ...base, recipients: [...base.recipients] };
  for (const [key, value] of Object.entries(changes) as Array<[keyof ReportHeading, unknown]>) {
    if (value === undefined) continue;
    if (key === "recipients") {
      if (Array.isArray(value)) out.recipients = value.map((r) => String(r).trim()).filter((r) => r !== "");
    } else if (key === "system") {
      if (value === "party" || value === "state") out.system = value;
    } else if (key === "parentIssuer" || key === "filing") {
      const text = String(value).trim();
      if (text) out[key] = text;
      else delete out[key];
    } else out[key] = String(value).trim();
  }
  return out;
}
