import { z } from "zod";
import { isSquashed } from "../parse/closing-chars.js";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

/** A signature block as printed, with what the signer step must read from it. */
export interface SigningExample {
  lines: string[];
  authority: string | null;
  position: string | null;
  name: string | null;
  source: string;
}

/** A signing prefix (TM., KT., TL., TUQ., Q., T/M, K/T, T/L) and how it is written. */
export interface SigningPrefix {
  code: string;
  system: "state" | "party";
  meaning: string;
  /** Printed forms, as typed in real documents ("KT.", "KT", "K/T"). */
  forms: string[];
  examples: SigningExample[];
}

/** A stamp of the header area (urgency, secrecy, circulation) and the value it stands for. */
export interface MarkStamp {
  value: string;
  /** Stamp texts, folded (accents and case dropped, spaces single). */
  folded: string[];
  examples: string[];
}

const example = z.object({
  lines: z.array(z.string()).min(1),
  authority: z.string().nullable(),
  position: z.string().nullable(),
  name: z.string().nullable(),
  source: z.string(),
});
const stamp = z.object({ stamps: z.array(z.string()).min(1), examples: z.array(z.string()).min(1) });
const schema = z.object({
  prefixes: z.array(
    z.object({
      code: z.string(),
      system: z.enum(["state", "party"]),
      meaning: z.string(),
      forms: z.array(z.string()),
      examples: z.array(example).min(1),
    }),
  ),
  titles: z.object({
    heads: z.array(z.string()).min(1),
    collectives: z.array(z.string()),
    joiners: z.array(z.string()),
  }),
  signed_marks: z.object({ phrases: z.array(z.string()), esign_labels: z.array(z.string()) }),
  urgency: z.array(stamp.extend({ level: z.string() })),
  secrecy: z.array(stamp.extend({ level: z.string() })),
  circulation: z.array(stamp.extend({ mark: z.string() })),
  draft: z.object({
    mark: z.string(),
    examples: z.array(z.object({ line: z.string(), draft: z.string() })).min(1),
  }),
});

// Hot (every closing step folds its lines): most text has single spaces already, so the regex
// pass that would leave it unchanged is skipped.
function foldWords(s: string): string {
  const f = fold(s);
  return isSquashed(f) ? f : f.replace(/\s+/g, " ").trim();
}

function build() {
  const t = schema.parse(readTable("signing-notations.json"));
  const prefixes: SigningPrefix[] = t.prefixes.map((p) => ({ ...p }));
  const forms = new Set<string>();
  for (const p of prefixes) for (const f of p.forms) forms.add(f.replace(/\.$/, ""));
  const marks = (rows: Array<{ stamps: string[]; examples: string[] }>, value: (i: number) => string) =>
    rows.map((r, i) => ({ value: value(i), folded: r.stamps.map(foldWords), examples: r.examples }));
  return {
    prefixes,
    /** Prefix forms without their final dot, longest first ("T.U.Q", "TUQ", "T/M", "KT", "Q"). */
    prefixForms: [...forms].filter((f) => f !== "").sort((a, b) => b.length - a.length),
    titleHeads: t.titles.heads.map(foldWords).sort((a, b) => b.length - a.length),
    /** Collectives whose name holds a title word ("ban bi thu"), folded. */
    collectives: new Set(t.titles.collectives.map(foldWords)),
    joiners: new Set(t.titles.joiners.map(foldWords)),
    signedPhrases: new Set(t.signed_marks.phrases.map(foldWords)),
    esignLabels: t.signed_marks.esign_labels.map(foldWords),
    urgency: marks(t.urgency, (i) => t.urgency[i]!.level),
    secrecy: marks(t.secrecy, (i) => t.secrecy[i]!.level),
    circulation: marks(t.circulation, (i) => t.circulation[i]!.mark),
    draft: t.draft,
  };
}

/** The signing notations table (data/signing-notations.json), validated and frozen. */
export const signing = Object.freeze(build());

/** Folds for matching and collapses spaces: "TM.  ỦY BAN" → "tm. uy ban". */
export function foldLabel(s: string): string {
  return foldWords(s);
}

type MarkKind = "urgency" | "secrecy" | "circulation";
let stampList: ReadonlyArray<{ kind: MarkKind; stamp: MarkStamp }> | null = null;

/** Every urgency, secrecy and circulation stamp, to look a standalone line up in. */
export function markStamps(): ReadonlyArray<{ kind: MarkKind; stamp: MarkStamp }> {
  stampList ??= Object.freeze([
    ...signing.urgency.map((stamp) => ({ kind: "urgency" as const, stamp })),
    ...signing.secrecy.map((stamp) => ({ kind: "secrecy" as const, stamp })),
    ...signing.circulation.map((stamp) => ({ kind: "circulation" as const, stamp })),
  ]);
  return stampList;
}
