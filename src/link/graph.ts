/**
 * The cascade as a reader sees it: a subgraph around one document, as the store hands it out, and
 * the tree (a DAG drawn as a tree) of what implements what, with the lag in days per edge.
 */
import type { EdgeDraft, EdgeRelation } from "./types.js";

/** A document identity in a subgraph: read (present) or a placeholder. */
export interface GraphNode {
  key: string;
  symbol: string;
  year: string;
  type: string | null;
  date: string | null;
  /** The issuer's short display name ("UBND huyện Cần Giờ"), or the words that named it. */
  issuer: string | null;
  orgKey: string | null;
  /** Whether the document itself is in the store (and readable by the viewer). */
  present: boolean;
  /** The documents row, when present. */
  documentId: number | null;
  subject: string | null;
}

/** An edge in a subgraph: as linked, with its row id, its candidates in short, and whether a person chose. */
export interface GraphEdge
  extends Pick<EdgeDraft, "from" | "to" | "relation" | "inferred" | "evidence" | "warning"> {
  id: number;
  candidates: Array<{ key: string; issuer: string | null }>;
  confirmed: boolean;
}

/** What the store returns for a document: every ancestor and descendant along implements/forwards. */
export interface Subgraph {
  root: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Edges that carry a directive down a level; the tree follows only these. */
export const carryingRelations: readonly EdgeRelation[] = ["implements", "forwards"];

/** One node of a drawn cascade. */
export interface CascadeBranch {
  node: GraphNode;
  /** The relation to the parent branch (null at the top). */
  relation: EdgeRelation | null;
  inferred: boolean;
  /** Days from the parent's date to this one's, when both are known. */
  lagDays: number | null;
  /** Already drawn elsewhere in the tree: shown once more as a pointer, without children. */
  repeat: boolean;
  children: CascadeBranch[];
}

/** A document's place in the cascade: the chains above it and the tree below its topmost roots. */
export interface Cascade {
  focus: GraphNode;
  /** Ancestors, nearest first, each with the relation that leads up to it. */
  ancestors: Array<{ node: GraphNode; depth: number }>;
  /** Trees from each topmost ancestor (or from the focus when it has none). */
  trees: CascadeBranch[];
  /** Other edges touching the focus: attaches, mentions. */
  related: Array<{ node: GraphNode; relation: EdgeRelation; direction: "out" | "in" }>;
}
