import type { EntityKind, RelationFamily, RelationType, Stance } from '@steppe/domain';

/**
 * The shapes the explorer reads from the GraphQL API. They mirror the
 * selections in ./queries.ts, not the whole schema: a field is here only when
 * a query asks for it.
 */

/** Enough of an entity to draw it and describe it. */
export interface EntitySummary {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  description: string;
}

export interface SearchHit extends EntitySummary {
  /** Search relevance, higher is better. */
  score: number | null;
}

export interface SearchResult {
  hits: SearchHit[];
  totalCount: number;
  /** When nothing matches: the entities with the closest names ("Did you mean"). */
  suggestions: EntitySummary[];
}

export interface SourceData {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  url: string | null;
}

export interface EvidenceData {
  quote: string;
  stance: Stance;
  /** Where the quote sits in its document's text (UTF-16 offsets into `Source.text`); absent from files imported without it. */
  selector?: TextRange;
  source: SourceData;
}

export interface RelationData {
  id: string;
  type: RelationType;
  label: string;
  from: EntitySummary;
  to: EntitySummary;
  date: string | null;
  startDate: string | null;
  endDate: string | null;
  stance: Stance;
  confidence: number;
  detail: string | null;
  sourceCount: number;
  contested: boolean;
  evidence: EvidenceData[];
}

/** Kind-specific facts about an entity, flattened for display. */
export interface EntityFacts {
  roles?: string[];
  orgType?: string | null;
  placeType?: string | null;
  country?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface EntityDetail extends EntitySummary {
  facts: EntityFacts;
}

/** One entity and a page of its relations. */
export interface Neighbourhood {
  entity: EntityDetail;
  relations: RelationData[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A range of a document's text: UTF-16 offsets (JavaScript string indices), end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** A document as the reader shows it: metadata where the document states it, and its full text. */
export interface DocumentMeta {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  languages: string[];
  url: string | null;
  text: string;
}

/** A document for the reader, with where the graph's entities are named in it and every relation it is cited for. */
export interface DocumentData {
  document: DocumentMeta;
  mentions: (TextRange & { entity: EntitySummary })[];
  relations: RelationData[];
}

/** A passage of a document that matches a document search. */
export interface DocumentPassageData extends TextRange {
  source: { id: string; title: string; outlet: string | null; publishedAt: string | null };
  /** The excerpt shown, from `start` in the document; highlights are document offsets too. */
  snippet: { text: string; start: number; highlights: TextRange[] };
  /** Relations whose evidence overlaps the passage (the first 20), as "from label to". */
  relations: { id: string; label: string; from: string; to: string }[];
  relationCount: number;
}

export type { EntityKind, RelationFamily, RelationType, Stance };
