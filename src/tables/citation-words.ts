import { z } from "zod";
import { fold } from "../text/fold.js";
import { readTable } from "./load.js";

const list = z.object({ words: z.array(z.string()) });
const schema = z.object({
  reference_types: list,
  implements: list,
  reasoning: list,
  attaches: z.object({ openers: z.array(z.string()), inside: z.array(z.string()) }),
  amending_subjects: list,
  issuer_stops: list,
  form_labels: list,
  type_cuts: list,
});

/** The words that frame citations (data/citation-words.json), folded for matching. */
export interface CitationWords {
  /** Reference words that are not document types ("Văn bản"), as printed. */
  referenceTypes: readonly string[];
  implementsOpeners: readonly string[];
  reasoning: readonly string[];
  attachOpeners: readonly string[];
  attachInside: readonly string[];
  amending: readonly string[];
  /** Lower-case words ending an issuer phrase, as written (accents kept: "tại" stops, "Tài" does not). */
  issuerStops: ReadonlySet<string>;
  formLabels: readonly string[];
  /** Lower-case words between two type names, as written ("thực hiện", "về"). */
  typeCuts: readonly string[];
}

function load(): CitationWords {
  const t = schema.parse(readTable("citation-words.json"));
  const folded = (xs: string[]) => Object.freeze(xs.map(fold).sort((a, b) => b.length - a.length));
  return Object.freeze({
    referenceTypes: Object.freeze([...t.reference_types.words]),
    implementsOpeners: folded(t.implements.words),
    reasoning: folded(t.reasoning.words),
    attachOpeners: folded(t.attaches.openers),
    attachInside: folded(t.attaches.inside),
    amending: folded(t.amending_subjects.words),
    issuerStops: new Set(t.issuer_stops.words.map((w) => w.toLowerCase())),
    formLabels: folded(t.form_labels.words),
    typeCuts: Object.freeze(t.type_cuts.words.map((w) => w.toLowerCase())),
  });
}

/** Citation cue words, loaded once from data/citation-words.json. */
export const citationWords: CitationWords = load();
