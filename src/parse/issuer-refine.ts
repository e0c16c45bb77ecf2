/**
 * Step: the issuer once the whole document has been read. The header names the organisation, but
 * the Party prints "BAN CHẤP HÀNH TRUNG ƯƠNG" over documents of the Politburo and the Secretariat
 * alike (HD 36-HD/VPTW): the collective the signature acts for ("T/M BAN BÍ THƯ") is the issuer.
 * And the executive committee of a provincial Party organisation is its Tỉnh ủy / Thành ủy.
 */
import { z } from "zod";
import { readTable } from "../tables/load.js";
import { fold } from "../text/fold.js";
import type { Context } from "./context.js";

const table = z
  .object({
    party_aliases: z.object({
      collectives: z.array(z.string()),
      renames: z.array(z.object({ pattern: z.string(), name: z.string() })),
    }),
  })
  .parse(readTable("organisations.json")).party_aliases;
const renames = table.renames.map((r) => ({ re: new RegExp(r.pattern, "iu"), name: r.name }));

/** Step: refines the Party issuer from the signature and the Party's own names for its bodies. */
export function refineIssuer(ctx: Context): void {
  const { record } = ctx;
  if (record.system !== "party" || !record.issuer) return;
  const authority = record.signer.authority ?? "";
  if (fold(record.issuer) === "ban chap hanh trung uong") {
    const collective = table.collectives.find((c) => fold(authority).includes(fold(c)));
    if (collective) {
      record.issuer = collective;
      return;
    }
  }
  for (const r of renames) {
    if (r.re.test(record.issuer)) {
      record.issuer = record.issuer.replace(r.re, r.name).trim();
      return;
    }
  }
}
