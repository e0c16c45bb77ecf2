/**
 * Tên cơ quan ban hành (ô 2): the issuer and the body above it, from the header's left column.
 *
 *   ỦY BAN NHÂN DÂN          one name over two lines: "HUYỆN CẦN GIỜ" opens no body
 *   HUYỆN CẦN GIỜ
 *
 *   UBND TỈNH BÌNH THUẬN     two names: "SỞ" opens a body → parent_issuer, issuer
 *   SỞ NỘI VỤ
 */
import { startsBodyName } from "../tables/organisations.js";
import { fold } from "../text/fold.js";

/** Groups header lines into body names: a line that opens no body continues the one above. */
export function bodyNames(lines: string[]): string[] {
  const names: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
    if (!line) continue;
    const last = names.length - 1;
    if (last >= 0 && !startsBodyName(fold(line))) names[last] = `${names[last]} ${line}`;
    else names.push(line);
  }
  return names;
}

export { normalCase } from "./issuer-case.js";
