import type { Source } from '@steppe/domain';
import type { Bucket, EntityRecord, EntityWhere, GraphStore, PathRecord, RelationRecord, RelationWhere, Subgraph } from '@steppe/graph-store';

/**
 * What each schema type's resolvers receive as their parent: the store's records.
 * Named as mappers in the resolver codegen (scripts/codegen.ts), so the generated
 * `Resolvers` type checks resolvers against the SDL and these records.
 */
export type EntityParent = EntityRecord;
export type RelationParent = RelationRecord;
export type EvidenceParent = RelationRecord['evidence'][number];
export type SourceParent = Source & { relationCount?: number };
export type SubgraphParent = Subgraph;
export type PathParent = PathRecord & { length: number };
export type TimelineItemParent = { date: string; endDate: string | null; event: EntityRecord | null; relation: RelationRecord | null };
export type RelationAggregateParent = { where: RelationWhere | null };
export type EntityAggregateParent = { where: EntityWhere };
export type BucketParent = Bucket;
/** `contestedRelations` has its own resolver (read only when asked for). */
export type StatsParent = Awaited<ReturnType<GraphStore['stats']>>;
