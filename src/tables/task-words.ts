/**
 * The words of data/task-words.json (who is asked to do what), in lower case with tones kept
 * (folding would make "cán" of "ban cán sự" the verb "cần", "Tuyên giáo" the verb "giao"), both
 * tone placements listed ("ủy"/"uỷ", "hóa"/"hoá"), longest first.
 */
import { z } from "zod";
import { readTable } from "./load.js";

const list = z.object({ words: z.array(z.string()).min(1) });
const schema = z.object({
  assigning: list.extend({ opening_only: z.array(z.string()) }),
  implementing: list,
  lead: list,
  coordinate: list,
  unit_heads: list.extend({ class_nouns: z.array(z.string()), place_heads: z.array(z.string()) }),
  plural: list.extend({ actors: z.array(z.string()) }),
  acting: list.extend({
    compounds: z.record(z.string(), z.array(z.string())),
    name_tails: z.array(z.string()),
  }),
  not_units: list,
  reports_to: z.object({
    verbs: z.array(z.string()).min(1),
    prepositions: z.array(z.string()).min(1),
    stops: z.array(z.string()),
    companions: z.array(z.string()),
    relays: z.array(z.string()),
    submits: z.array(z.string()),
    submit_compounds: z.array(z.string()),
    post_tails: z.array(z.string()),
  }),
  deliverables: list,
  introducers: list,
  closings: list,
  issued_plans: list,
  statements: list.extend({ exhortations: z.array(z.string()) }),
  framings: list,
  table_columns: z.object({
    lead: z.array(z.string()).min(1),
    coordinate: z.array(z.string()),
    deadline: z.array(z.string()),
    task: z.array(z.string()),
    result: z.array(z.string()),
    field_nouns: z.array(z.string()),
  }),
  verb_heads: z.object({ words: z.record(z.string(), z.array(z.string())) }),
  posts: z.object({
    honorifics: z.array(z.string()),
    titles: z.array(z.string()),
    deputy: z.array(z.string()),
    standing: z.array(z.string()),
    bodies: z.record(z.string(), z.array(z.string()).min(1)),
    levels: z.array(z.string()),
    founding: z.array(z.string()),
    founded: z.array(z.string()),
  }),
});

/** A unit head: folded, and whether the text must print it capitalised. */
export interface Head {
  word: string;
  capital: boolean;
}

export interface TaskWords {
  assigning: readonly string[];
  /** Assigning verbs that count only when they open a sentence ("chỉ đạo"). */
  openingOnly: readonly string[];
  /** Verbs of carrying a task out ("A chỉ đạo B triển khai": B coordinates). */
  implementing: readonly string[];
  lead: readonly string[];
  coordinate: readonly string[];
  heads: readonly Head[];
  /** Class nouns ("cơ quan", "đơn vị"): a unit's head only at the start of a list. */
  classNouns: ReadonlySet<string>;
  /** Bodies named with their level ("Ủy ban nhân dân xã"), which a bare mention shares in a list. */
  placeHeads: readonly string[];
  plural: readonly string[];
  /** Words after a plural that name actors beside the unit heads ('các cá nhân', 'các tỉnh'). */
  pluralActors: readonly string[];
  acting: readonly string[];
  /** Syllables before an acting word that make it part of another word ("thành" + "lập"). */
  actingCompounds: ReadonlyMap<string, readonly string[]>;
  /** Acting words that also end a unit's name ("… Quản lý đầu tư xây dựng"). */
  nameTails: readonly string[];
  notUnits: readonly string[];
  reportVerbs: readonly string[];
  reportPrepositions: readonly string[];
  reportStops: readonly string[];
  /** Verbs said with báo cáo before the body both address ("báo cáo, tham mưu X"). */
  reportCompanions: readonly string[];
  /** Verbs that send to the body a report goes through ("gửi X để tổng hợp, báo cáo Y"). */
  reportRelays: readonly string[];
  /** Verbs of submitting to a body ("trình X"), read when no báo cáo names one. */
  submits: readonly string[];
  /** Words before "trình" that make it part of a noun ("chương trình"). */
  submitCompounds: readonly string[];
  /** Words after a post that say which holder is meant ("phụ trách lĩnh vực"). */
  postTails: readonly string[];
  deliverables: readonly string[];
  introducers: readonly string[];
  /** Closing formulas ("thông báo để … biết, thực hiện"): a sentence with one assigns nothing. */
  closings: readonly string[];
  /** Attachment types whose clauses a decision issues as its tasks ("kế hoạch"). */
  issuedPlans: readonly string[];
  /** Openings that frame a sentence before its subject ("Trên cơ sở …, Sở A chủ trì"). */
  framings: readonly string[];
  /** Verbs of stating a view ("nhất trí"): the subject before one is asked to do nothing. */
  statements: readonly string[];
  /** Verbs of a movement's call ("thi đua"): right after a subject, a goal, not an assignment. */
  exhortations: readonly string[];
  /** Header words of the columns of a table of tasks. */
  /** How a task's field heading opens when it has no colon ("Cơ quan chủ trì"). */
  fieldNouns: readonly string[];
  tableColumns: Readonly<Record<"lead" | "coordinate" | "deadline" | "task" | "result", readonly string[]>>;
  /** Heads that are also verbs, with the words after which they name a unit ("Upper": a capital). */
  verbHeads: ReadonlyMap<string, readonly string[]>;
  /** Posts held by a person, and what qualifies them (data/task-words.json "posts"). */
  posts: Posts;
}

export interface Posts {
  /** Said before one holder's post or name ("đồng chí", "đ/c"): dropped from the assignee. */
  honorifics: readonly string[];
  /** Said before a post only ("ông", "bà"). */
  titles: readonly string[];
  deputy: readonly string[];
  standing: readonly string[];
  /** Post (folded, without deputy or standing) → heads of the bodies that have it. */
  bodies: ReadonlyMap<string, readonly string[]>;
  levels: readonly string[];
  founding: readonly string[];
  founded: readonly string[];
}

/** Tone placements written both ways in Vietnamese text (old "uỷ", new "ủy"). */
const PLACEMENTS: [string, string][] = [
  ["ủy", "uỷ"],
  ["hóa", "hoá"],
  ["hòa", "hoà"],
  ["thủy", "thuỷ"],
  ["khỏe", "khoẻ"],
];

/** Lower case, NFC, in every tone placement. */
function variants(w: string): string[] {
  let out = [w.normalize("NFC").toLowerCase()];
  for (const [a, b] of PLACEMENTS)
    out = out.flatMap((x) =>
      x.includes(a) ? [x, x.replaceAll(a, b)] : x.includes(b) ? [x, x.replaceAll(b, a)] : [x],
    );
  return out;
}

/** Lower-cases a text for matching without changing its length. */
export const lower = (s: string): string => s.toLowerCase();

const folded = (xs: readonly string[]): readonly string[] =>
  Object.freeze([...new Set(xs.flatMap(variants))].sort((a, b) => b.length - a.length));

function load(): TaskWords {
  const t = schema.parse(readTable("task-words.json"));
  const heads = new Map<string, Head>();
  for (const w of t.unit_heads.words) {
    const capital = w.charAt(0) !== w.charAt(0).toLowerCase();
    for (const word of variants(w)) {
      // A word listed in both cases matches either.
      const prior = heads.get(word);
      heads.set(word, { word, capital: prior ? prior.capital && capital : capital });
    }
  }
  return Object.freeze({
    assigning: folded(t.assigning.words),
    openingOnly: folded(t.assigning.opening_only),
    implementing: folded(t.implementing.words),
    lead: folded(t.lead.words),
    coordinate: folded(t.coordinate.words),
    heads: Object.freeze([...heads.values()].sort((a, b) => b.word.length - a.word.length)),
    classNouns: new Set(t.unit_heads.class_nouns.flatMap(variants)),
    placeHeads: folded(t.unit_heads.place_heads),
    plural: folded(t.plural.words),
    pluralActors: folded([...t.plural.actors, ...t.unit_heads.words, ...t.unit_heads.class_nouns]),
    acting: folded(t.acting.words),
    actingCompounds: new Map(
      Object.entries(t.acting.compounds).flatMap(([w, before]) =>
        variants(w).map((v) => [v, folded(before)] as const),
      ),
    ),
    nameTails: folded(t.acting.name_tails),
    notUnits: folded(t.not_units.words),
    reportVerbs: folded(t.reports_to.verbs),
    reportPrepositions: folded(t.reports_to.prepositions),
    reportStops: folded(t.reports_to.stops),
    reportCompanions: folded(t.reports_to.companions),
    reportRelays: folded(t.reports_to.relays),
    submits: folded(t.reports_to.submits),
    submitCompounds: folded(t.reports_to.submit_compounds),
    postTails: folded(t.reports_to.post_tails),
    deliverables: folded(t.deliverables.words),
    introducers: folded(t.introducers.words),
    closings: folded(t.closings.words),
    issuedPlans: folded(t.issued_plans.words),
    framings: folded(t.framings.words),
    statements: folded(t.statements.words),
    exhortations: folded(t.statements.exhortations),
    fieldNouns: folded(t.table_columns.field_nouns),
    tableColumns: Object.freeze({
      lead: folded(t.table_columns.lead),
      coordinate: folded(t.table_columns.coordinate),
      deadline: folded(t.table_columns.deadline),
      task: folded(t.table_columns.task),
      result: folded(t.table_columns.result),
    }),
    verbHeads: new Map(
      Object.entries(t.verb_heads.words).flatMap(([w, after]) =>
        variants(w).map((v) => [v, after.map((a) => (a === "Upper" ? a : a.toLowerCase()))] as const),
      ),
    ),
    posts: Object.freeze({
      honorifics: folded(t.posts.honorifics),
      titles: folded(t.posts.titles),
      deputy: folded(t.posts.deputy),
      standing: folded(t.posts.standing),
      bodies: new Map(
        Object.entries(t.posts.bodies).flatMap(([w, heads]) =>
          variants(w).map((v) => [v, folded(heads)] as const),
        ),
      ),
      levels: folded(t.posts.levels),
      founding: folded(t.posts.founding),
      founded: folded(t.posts.founded),
    }),
  });
}

/** Loaded once. */
export const taskWords: TaskWords = load();
