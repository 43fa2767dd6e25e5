import neo4j from 'neo4j-driver';
import { ACTIVE_GENERATION } from './generations';
import { relationProjection, relTypeAlternation } from './patterns';

/** Which relations of the whole graph to list. Every filter is optional; together they narrow. */
export interface RelationListFilter {
  /** Only these types (vocabulary names; anything else is refused before a query is written). */
  types?: readonly string[];
  /** true: only relations whose sources disagree; false: only those they agree on. */
  contested?: boolean;
  /** Only relations this source is cited for. */
  sourceId?: string;
  offset: number;
  limit: number;
}

/**
 * The Cypher that lists relations across the graph in time order (undated
 * last), one page at a time, with the total. The total is counted in its own
 * subquery and the page is sorted with ORDER BY … SKIP … LIMIT, so a large
 * graph is never collected into one list. Types go into the pattern (they
 * cannot be parameters) and come only from the vocabulary; every value is a
 * parameter.
 */
export function relationListQuery(graph: string, filter: RelationListFilter): { cypher: string; params: Record<string, unknown> } {
  const match = `MATCH (a:Entity)-[r${relTypeAlternation(filter.types)}]->()
         WHERE a.graph = g AND a.id IS NOT NULL
           AND ($contested IS NULL OR r.contested = $contested)
           AND ($sourceId IS NULL OR $sourceId IN r.evidenceSources)`;
  const cypher = `${ACTIVE_GENERATION}
         CALL (g) {
           ${match}
           RETURN count(r) AS total
         }
         OPTIONAL CALL (g) {
           ${match}
           WITH r ORDER BY r.sortStart, r.id SKIP $offset LIMIT $limit
           RETURN collect(${relationProjection('r')}) AS page
         }
         RETURN total, coalesce(page, []) AS page`;
  return {
    cypher,
    params: {
      graph,
      contested: filter.contested ?? null,
      sourceId: filter.sourceId ?? null,
      offset: neo4j.int(filter.offset),
      limit: neo4j.int(filter.limit),
    },
  };
}
