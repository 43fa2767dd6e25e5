import neo4j from 'neo4j-driver';
import { isEntityKind, RELATION_TYPES, type EntityKind } from '@steppe/domain';
import { openEnded } from './explore';
import { ACTIVE_GENERATION } from './generations';
import { entityProjection, relationProjection, relTypeAlternation } from './patterns';
import { toEntity, toRelation, type EntityRecord, type RelationRecord } from './records';
import type { ReadRunner } from './runner';

/**
 * Listing, filtering, ordering and counting over the whole graph, for dashboards
 * and notebooks (`entities(where…)`, `relations(where…)` and the aggregates). One
 * filter builder per record kind serves the page, the total and every aggregate, so
 * they always agree. Values are parameters; relation types are written into the
 * pattern only after the vocabulary check (relTypeAlternation); sort keys and
 * directions come from closed lists (ORDER_KEYS, DIRECTIONS).
 */

export type SortDirection = 'ASC' | 'DESC';
const DIRECTIONS: readonly SortDirection[] = ['ASC', 'DESC'];

export interface RelationWhere {
  /** Vocabulary type names (already narrowed by family or label in the API). */
  types?: readonly string[];
  /** Relations whose time overlaps [from, to] (first/last days, YYYY-MM-DD); undated relations are left out when either is set. */
  from?: string;
  to?: string;
  minSources?: number;
  contested?: boolean;
  sourceId?: string;
  minConfidence?: number;
  maxConfidence?: number;
  /** Relations with this entity at either end. */
  involving?: string;
}

export interface EntityWhere {
  kinds?: readonly EntityKind[];
  /** Case-insensitive substring of the name or an alias. */
  nameContains?: string;
  /** Entities with at least this many relations. */
  minDegree?: number;
}

export type RelationOrderKey = 'DATE' | 'SOURCES' | 'CONFIDENCE' | 'TYPE';
export type EntityOrderKey = 'NAME' | 'DEGREE';

const RELATION_ORDER: Record<RelationOrderKey, string> = {
  // Undated relations sort after every date, either way round.
  DATE: "coalesce(r.sortStart, '9999-99-99')",
  SOURCES: 'r.sourceCount',
  CONFIDENCE: 'r.confidence',
  TYPE: 'type(r)',
};
const ENTITY_ORDER: Record<EntityOrderKey, string> = {
  NAME: 'toLower(n.name)',
  DEGREE: 'COUNT { (n)--() }',
};

function direction(d: SortDirection | undefined): SortDirection {
  const value = d ?? 'ASC';
  if (!DIRECTIONS.includes(value)) throw new Error(`Invalid sort direction "${String(d)}"`);
  return value;
}

export interface Paging {
  offset: number;
  limit: number;
}

/** The MATCH … WHERE that selects relations (binding `r`), and its parameters. */
export function relationMatch(where: RelationWhere): { cypher: string; params: Record<string, unknown> } {
  const t = relTypeAlternation(where.types);
  const conditions = [
    where.contested !== undefined ? 'r.contested = $contested' : '',
    where.sourceId !== undefined ? '$sourceId IN r.evidenceSources' : '',
    where.minSources !== undefined ? 'r.sourceCount >= $minSources' : '',
    where.minConfidence !== undefined ? 'r.confidence >= $minConfidence' : '',
    where.maxConfidence !== undefined ? 'r.confidence <= $maxConfidence' : '',
    where.from !== undefined ? `r.sortStart IS NOT NULL AND (r.sortEnd >= $from OR ${openEnded('r')})` : '',
    where.to !== undefined ? 'r.sortStart IS NOT NULL AND r.sortStart <= $to' : '',
  ].filter(Boolean);
  const match =
    where.involving !== undefined
      ? `MATCH (x:Entity {graph: g, id: $involving})-[r${t}]-()
         WITH DISTINCT r`
      : `MATCH (a:Entity)-[r${t}]->()
         WHERE a.graph = g AND a.id IS NOT NULL`;
  const filter = conditions.length > 0 ? `${where.involving !== undefined ? 'WHERE' : 'AND'} ${conditions.join(' AND ')}` : '';
  return {
    cypher: `${match}
         ${filter}`,
    params: {
      contested: where.contested ?? null,
      sourceId: where.sourceId ?? null,
      minSources: where.minSources !== undefined ? neo4j.int(where.minSources) : null,
      minConfidence: where.minConfidence ?? null,
      maxConfidence: where.maxConfidence ?? null,
      from: where.from ?? null,
      to: where.to ?? null,
      involving: where.involving ?? null,
    },
  };
}

/** The MATCH … WHERE that selects entities (binding `n`), and its parameters. */
export function entityMatch(where: EntityWhere): { cypher: string; params: Record<string, unknown> } {
  for (const k of where.kinds ?? []) if (!isEntityKind(k)) throw new Error(`Unknown entity kind "${k}"`);
  const conditions = [
    'n.graph = g AND n.id IS NOT NULL',
    where.kinds && where.kinds.length > 0 ? 'n.kind IN $kinds' : '',
    where.nameContains !== undefined
      ? '(toLower(n.name) CONTAINS $name OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $name))'
      : '',
    where.minDegree !== undefined ? 'COUNT { (n)--() } >= $minDegree' : '',
  ].filter(Boolean);
  return {
    cypher: `MATCH (n:Entity)
         WHERE ${conditions.join(' AND ')}`,
    params: {
      kinds: where.kinds && where.kinds.length > 0 ? [...where.kinds] : null,
      name: where.nameContains !== undefined ? where.nameContains.toLowerCase() : null,
      minDegree: where.minDegree !== undefined ? neo4j.int(where.minDegree) : null,
    },
  };
}

/** A bucket of an aggregate: a key (a type, a source id, a month …) and how many records it holds. */
export interface Bucket {
  key: string;
  count: number;
}

const toBuckets = (rows: Record<string, unknown>[]): Bucket[] => rows.map((row) => ({ key: String(row.key), count: Number(row.count) }));

export function createListing(read: ReadRunner, graph: string) {
  return {
    /**
     * One page of relations matching `where`, in the given order (ties broken by id, so pages are stable), with the total.
     * `limit: 0` (counts, `first: 0`) runs the count alone: ordering every match for an empty page cost 3–4× the count
     * on the 1M-relation bench graph.
     */
    async listRelations(
      where: RelationWhere,
      order: { key: RelationOrderKey; direction?: SortDirection },
      paging: Paging,
    ): Promise<{ items: RelationRecord[]; totalCount: number }> {
      const { cypher, params } = relationMatch(where);
      const sort = RELATION_ORDER[order.key];
      if (!sort) throw new Error(`Invalid relation order "${order.key}"`);
      const rows = await read(
        `${ACTIVE_GENERATION}
         CALL (g) {
           ${cypher}
           RETURN count(r) AS total
         }
         ${
           paging.limit > 0
             ? `OPTIONAL CALL (g) {
           ${cypher}
           WITH r ORDER BY ${sort} ${direction(order.direction)}, r.id SKIP $offset LIMIT $limit
           RETURN collect(${relationProjection('r')}) AS page
         }
         RETURN total, coalesce(page, []) AS page`
             : 'RETURN total, [] AS page'
         }`,
        { graph, ...params, offset: neo4j.int(paging.offset), limit: neo4j.int(paging.limit) },
      );
      const row = rows[0];
      return { totalCount: Number(row?.total ?? 0), items: ((row?.page as Record<string, unknown>[] | undefined) ?? []).map(toRelation) };
    },

    /** One page of entities matching `where`, in the given order (ties broken by id), with the total. */
    async listEntities(
      where: EntityWhere,
      order: { key: EntityOrderKey; direction?: SortDirection },
      paging: Paging,
    ): Promise<{ items: EntityRecord[]; totalCount: number }> {
      const { cypher, params } = entityMatch(where);
      const sort = ENTITY_ORDER[order.key];
      if (!sort) throw new Error(`Invalid entity order "${order.key}"`);
      const rows = await read(
        `${ACTIVE_GENERATION}
         CALL (g) {
           ${cypher}
           RETURN count(n) AS total
         }
         ${
           paging.limit > 0
             ? `OPTIONAL CALL (g) {
           ${cypher}
           WITH n ORDER BY ${sort} ${direction(order.direction)}, n.id SKIP $offset LIMIT $limit
           RETURN collect(${entityProjection('n')}) AS page
         }
         RETURN total, coalesce(page, []) AS page`
             : 'RETURN total, [] AS page'
         }`,
        { graph, ...params, offset: neo4j.int(paging.offset), limit: neo4j.int(paging.limit) },
      );
      const row = rows[0];
      return { totalCount: Number(row?.total ?? 0), items: ((row?.page as Record<string, unknown>[] | undefined) ?? []).map(toEntity) };
    },

    /** One relation by id, or null. */
    async relationById(id: string): Promise<RelationRecord | null> {
      const rows = await read(
        `${ACTIVE_GENERATION}
         MATCH (a:Entity)-[r]->() WHERE a.graph = g AND r.id = $id
         RETURN ${relationProjection('r')} AS props LIMIT 1`,
        { graph, id },
      );
      return rows[0] ? toRelation(rows[0].props as Record<string, unknown>) : null;
    },

    /** How many relations match `where`, by type (most first). */
    async relationsByType(where: RelationWhere): Promise<Bucket[]> {
      const { cypher, params } = relationMatch(where);
      return toBuckets(
        await read(`${ACTIVE_GENERATION} ${cypher} RETURN type(r) AS key, count(r) AS count ORDER BY count DESC, key`, {
          graph,
          ...params,
        }),
      );
    },

    /** How many relations matching `where` each source is cited for (a relation counts once per source). */
    async relationsBySource(where: RelationWhere): Promise<Bucket[]> {
      const { cypher, params } = relationMatch(where);
      return toBuckets(
        await read(
          `${ACTIVE_GENERATION} ${cypher}
           UNWIND r.evidenceSources AS source
           WITH source, count(DISTINCT r) AS count
           RETURN source AS key, count ORDER BY count DESC, key`,
          { graph, ...params },
        ),
      );
    },

    /**
     * How many dated relations matching `where` fall in each month (`YYYY-MM`) of their
     * date or start, in time order. A relation dated to the year only counts under the
     * year (`YYYY`): its month is not known.
     */
    async relationsByMonth(where: RelationWhere): Promise<Bucket[]> {
      const { cypher, params } = relationMatch(where);
      return toBuckets(
        await read(
          `${ACTIVE_GENERATION} ${cypher}
           WITH coalesce(r.date, r.startDate) AS day WHERE day IS NOT NULL
           RETURN left(day, 7) AS key, count(*) AS count ORDER BY key`,
          { graph, ...params },
        ),
      );
    },

    /** How many entities match `where`, by kind. */
    async entitiesByKind(where: EntityWhere): Promise<Bucket[]> {
      const { cypher, params } = entityMatch(where);
      return toBuckets(
        await read(`${ACTIVE_GENERATION} ${cypher} RETURN n.kind AS key, count(n) AS count ORDER BY count DESC, key`, { graph, ...params }),
      );
    },
  };
}

/** Relation types of the vocabulary whose label or inverse label contains `text` (case-insensitive). */
export function typesLabelled(text: string): string[] {
  const needle = text.toLowerCase();
  return RELATION_TYPES.filter((t) => t.label.toLowerCase().includes(needle) || t.inverseLabel.toLowerCase().includes(needle)).map(
    (t) => t.name,
  );
}
