import type { Mention, Source } from '@steppe/domain';
import type {
  Bucket,
  EntityRecord,
  EntityWhere,
  GraphStore,
  PassageHit,
  PathRecord,
  RelationRecord,
  RelationWhere,
  Subgraph,
} from '@steppe/graph-store';

/**
 * What each schema type's resolvers receive as their parent: the store's records.
 * Named as mappers in the resolver codegen (scripts/codegen.ts), so the generated
 * `Resolvers` type checks resolvers against the SDL and these records.
 */
export type EntityParent = EntityRecord;
export type RelationParent = RelationRecord;
export type EvidenceParent = RelationRecord['evidence'][number];
/** A stored source (with its mentions), or the stand-in Evidence.source answers for a source the graph lacks. */
export type SourceParent = Source & { relationCount?: number; mentions?: Mention[] };
export type MentionParent = Mention;
export type DocumentPassageParent = PassageHit;
export type SubgraphParent = Subgraph;
export type PathParent = PathRecord & { length: number };
export type TimelineItemParent = { date: string; endDate: string | null; event: EntityRecord | null; relation: RelationRecord | null };
export type RelationAggregateParent = { where: RelationWhere | null };
export type EntityAggregateParent = { where: EntityWhere };
export type BucketParent = Bucket;
/** `contestedRelations` has its own resolver (read only when asked for). */
export type StatsParent = Awaited<ReturnType<GraphStore['stats']>>;
