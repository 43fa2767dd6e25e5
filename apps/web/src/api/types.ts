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

export type { EntityKind, RelationFamily, RelationType, Stance };
