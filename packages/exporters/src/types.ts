import type { Entity, Relation, Source } from '@steppe/domain';

/**
 * A relation as exported: the domain relation plus the facts the store derives
 * (`sourceCount`, `contested`). Both are recomputed from the evidence when absent,
 * so graph-store's RelationRecord and a plain domain Relation both fit.
 */
export interface ExportRelation extends Relation {
  sourceCount?: number;
  contested?: boolean;
}

/** The arguments that produced an export; the API's query string and the CLI's options say the same. */
export interface ExportQuery {
  /** Start entities. */
  ids: string[];
  /** Hops out from the start entities (0: only them and the relations among them). */
  depth: number;
  /** Only follow (and export) relations of these types; absent: all. */
  relationTypes?: string[];
  /** Most entities to export (the strongest-connected are kept, as in the explorer). */
  limit?: number;
}

/** Where an export came from and how to reproduce it. Written into every format. */
export interface ExportMeta {
  /** A title for the report and the graph-level name in the data formats. */
  title: string;
  query: ExportQuery;
  /** When the export was made (ISO 8601). */
  generatedAt: string;
  /** The logical graph it was read from. */
  graph?: string;
  /** The explorer address that shows the same view. */
  permalink?: string;
  /** The API request that reproduces the export. */
  apiUrl?: string;
  /** The CLI command that reproduces the export. */
  command?: string;
  /** Whether a limit held entities back (then `omittedNodes` says how many). */
  truncated?: boolean;
  omittedNodes?: number;
  /** The analyst's own notes, printed after the report's summary (plain text, escaped). */
  notes?: string;
  /** Where the explorer had the entities (model units): the report's figure uses them instead of its own layout. */
  positions?: Readonly<Record<string, { x: number; y: number }>>;
}

/**
 * The input of every writer. Nodes and edges may be (async) iterables so that
 * a large export streams: writers read all nodes first, then the edges, and hold
 * only the node ids and the cited source ids in memory. `sources` is the
 * catalogue to resolve citations against; only cited sources are written.
 */
export interface ExportInput {
  meta: ExportMeta;
  nodes: Iterable<Entity> | AsyncIterable<Entity>;
  edges: Iterable<ExportRelation> | AsyncIterable<ExportRelation>;
  sources: readonly Source[];
}

/** The same content with everything in memory: what the report and the importer work with. */
export interface ExportGraph {
  meta: ExportMeta;
  nodes: Entity[];
  edges: ExportRelation[];
  sources: Source[];
}

/** What writers produce: text, or bytes for the zip. */
export type Chunk = string | Uint8Array;
