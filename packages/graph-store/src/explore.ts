import neo4j from 'neo4j-driver';
import type { EntityKind } from '@steppe/domain';
import { ACTIVE_GENERATION } from './generations';
import { hopPattern, relTypeAlternation, RELATION_PROJECTION, type Direction } from './patterns';
import { toEntity, toRelation, type EntityRecord, type RelationRecord } from './records';
import type { ReadRunner } from './runner';

export interface RelationFilter {
  types?: readonly string[];
  kinds?: readonly EntityKind[];
  /** Keep relations that overlap [from, to] (YYYY-MM-DD); undated relations always pass. */
  from?: string;
  to?: string;
  minSources?: number;
}

export interface Subgraph {
  nodes: EntityRecord[];
  edges: RelationRecord[];
  truncated: boolean;
  /** Neighbours found but held back by the node limit. */
  omittedNodes: number;
  /** Relations among the returned nodes held back by the edge limit. */
  omittedEdges: number;
}

export interface PathRecord {
  nodes: EntityRecord[];
  relations: RelationRecord[];
}

export type PathMode = 'SHORTEST' | 'ALL_SHORTEST' | 'ALL';

/** The WHERE clause every filtered traversal shares (values are parameters). */
const RELATION_FILTER = `
  ($minSources IS NULL OR r.sourceCount >= $minSources)
  AND ($from IS NULL OR r.sortEnd IS NULL OR r.sortEnd >= $from)
  AND ($to IS NULL OR r.sortStart IS NULL OR r.sortStart <= $to)`;

function filterParams(f: RelationFilter) {
  return {
    kinds: f.kinds && f.kinds.length > 0 ? [...f.kinds] : null,
    from: f.from ?? null,
    to: f.to ?? null,
    minSources: f.minSources && f.minSources > 1 ? neo4j.int(f.minSources) : null,
  };
}

export function createExplorer(read: ReadRunner, graph: string) {
  /** Relations among a set of entities that pass the filter (at most `limit`). */
  async function edgesAmong(ids: string[], filter: RelationFilter, limit: number) {
    const rows = await read(
      `${ACTIVE_GENERATION}
       MATCH (a:Entity {graph: g})-[r${relTypeAlternation(filter.types)}]->(b:Entity {graph: g})
       WHERE a.id IN $ids AND b.id IN $ids AND ${RELATION_FILTER}
       WITH r ORDER BY r.id
       WITH collect(${RELATION_PROJECTION}) AS found
       RETURN size(found) AS total, found[0..$limit] AS edges`,
      { graph, ids, ...filterParams(filter), limit: neo4j.int(limit) },
    );
    const row = rows[0];
    return {
      total: Number(row?.total ?? 0),
      edges: ((row?.edges as Record<string, unknown>[] | undefined) ?? []).map(toRelation),
    };
  }

  return {
    /**
     * Breadth-first expansion, one query per hop (so at most depth + 2 queries),
     * stopping at `nodeLimit` nodes; then the relations among the nodes found.
     */
    async neighbourhood(
      ids: readonly string[],
      opts: RelationFilter & { depth: number; direction: Direction; nodeLimit: number; edgeLimit: number },
    ): Promise<Subgraph & { missingIds: string[] }> {
      const startRows = await read(
        `${ACTIVE_GENERATION} UNWIND $ids AS id MATCH (n:Entity {graph: g, id: id}) RETURN properties(n) AS props`,
        { graph, ids: [...new Set(ids)] },
      );
      const nodes = new Map<string, EntityRecord>();
      for (const row of startRows) {
        const e = toEntity(row.props as Record<string, unknown>);
        nodes.set(e.id, e);
      }
      const missingIds = ids.filter((id) => !nodes.has(id));
      let frontier = [...nodes.keys()];
      let omittedNodes = 0;
      const hop = hopPattern(opts.direction, opts.types);
      for (let level = 0; level < opts.depth && frontier.length > 0; level++) {
        const room = opts.nodeLimit - nodes.size;
        const rows = await read(
          `${ACTIVE_GENERATION}
           UNWIND $frontier AS id
           MATCH (n:Entity {graph: g, id: id})${hop}(m:Entity)
           WHERE NOT m.id IN $known AND ($kinds IS NULL OR m.kind IN $kinds) AND ${RELATION_FILTER}
           WITH m, max(r.sourceCount) AS strength
           ORDER BY strength DESC, m.id
           WITH collect(properties(m)) AS found
           RETURN size(found) AS total, found[0..$room] AS page`,
          { graph, frontier, known: [...nodes.keys()], ...filterParams(opts), room: neo4j.int(Math.max(room, 0)) },
        );
        const row = rows[0];
        const total = Number(row?.total ?? 0);
        const page = ((row?.page as Record<string, unknown>[] | undefined) ?? []).map(toEntity);
        frontier = [];
        for (const e of page) {
          nodes.set(e.id, e);
          frontier.push(e.id);
        }
        if (total > page.length) {
          omittedNodes += total - page.length;
          break;
        }
      }
      const { total, edges } = await edgesAmong([...nodes.keys()], opts, opts.edgeLimit);
      return {
        nodes: [...nodes.values()],
        edges,
        truncated: omittedNodes > 0 || total > edges.length,
        omittedNodes,
        omittedEdges: total - edges.length,
        missingIds,
      };
    },

    /** Relations among exactly the given entities. */
    async subgraph(ids: readonly string[], edgeLimit: number): Promise<Subgraph & { missingIds: string[] }> {
      const unique = [...new Set(ids)];
      const rows = await read(
        `${ACTIVE_GENERATION} UNWIND $ids AS id MATCH (n:Entity {graph: g, id: id}) RETURN properties(n) AS props`,
        { graph, ids: unique },
      );
      const nodes = rows.map((r) => toEntity(r.props as Record<string, unknown>));
      const found = new Set(nodes.map((n) => n.id));
      const { total, edges } = await edgesAmong([...found], {}, edgeLimit);
      return {
        nodes,
        edges,
        truncated: total > edges.length,
        omittedNodes: 0,
        omittedEdges: total - edges.length,
        missingIds: unique.filter((id) => !found.has(id)),
      };
    },

    /** Paths between two entities, shortest first. `maxHops` is a validated integer (1–6). */
    async paths(fromId: string, toId: string, opts: { maxHops: number; types?: readonly string[]; mode: PathMode; limit: number }): Promise<PathRecord[]> {
      if (!Number.isInteger(opts.maxHops) || opts.maxHops < 1 || opts.maxHops > 6) throw new Error('maxHops must be 1–6');
      const rel = `[${relTypeAlternation(opts.types)}*1..${opts.maxHops}]`;
      const match =
        opts.mode === 'SHORTEST'
          ? `MATCH p = shortestPath((a)-${rel}-(b))`
          : opts.mode === 'ALL_SHORTEST'
            ? `MATCH p = allShortestPaths((a)-${rel}-(b))`
            : `MATCH p = (a)-${rel}-(b) WHERE all(x IN nodes(p) WHERE single(y IN nodes(p) WHERE y = x))`;
      const rows = await read(
        `${ACTIVE_GENERATION}
         MATCH (a:Entity {graph: g, id: $fromId}), (b:Entity {graph: g, id: $toId})
         WHERE a <> b
         ${match}
         WITH p ORDER BY length(p) LIMIT $limit
         RETURN [n IN nodes(p) | properties(n)] AS nodes,
                [r IN relationships(p) | ${RELATION_PROJECTION}] AS rels`,
        { graph, fromId, toId, limit: neo4j.int(opts.limit) },
      );
      return rows.map((row) => ({
        nodes: (row.nodes as Record<string, unknown>[]).map(toEntity),
        relations: (row.rels as Record<string, unknown>[]).map(toRelation),
      }));
    },

    /** Events and dated relations in time order, optionally around given entities. */
    async timeline(opts: { from?: string; to?: string; ids?: readonly string[]; kinds?: readonly EntityKind[]; limit: number }) {
      const params = {
        graph,
        from: opts.from ?? null,
        to: opts.to ?? null,
        ids: opts.ids && opts.ids.length > 0 ? [...opts.ids] : null,
        kinds: opts.kinds && opts.kinds.length > 0 ? [...opts.kinds] : null,
        limit: neo4j.int(opts.limit),
      };
      const rows = await read(
        `${ACTIVE_GENERATION}
         CALL (g) {
           MATCH (e:Entity:Event)
           WHERE e.graph = g AND e.id IS NOT NULL AND e.sortStart IS NOT NULL
             AND ($ids IS NULL OR e.id IN $ids OR EXISTS { MATCH (e)--(x:Entity) WHERE x.id IN $ids })
             AND ($kinds IS NULL OR 'Event' IN $kinds)
             AND ($from IS NULL OR e.sortEnd >= $from) AND ($to IS NULL OR e.sortStart <= $to)
           RETURN e.sortStart AS sortKey, properties(e) AS entity, null AS relation
           UNION ALL
           MATCH (a:Entity)-[r]->(b:Entity)
           WHERE a.graph = g AND a.id IS NOT NULL AND r.sortStart IS NOT NULL
             AND ($ids IS NULL OR a.id IN $ids OR b.id IN $ids)
             AND ($kinds IS NULL OR a.kind IN $kinds OR b.kind IN $kinds)
             AND ($from IS NULL OR r.sortEnd >= $from) AND ($to IS NULL OR r.sortStart <= $to)
           RETURN r.sortStart AS sortKey, null AS entity, ${RELATION_PROJECTION} AS relation
         }
         WITH sortKey, entity, relation ORDER BY sortKey, coalesce(relation.id, entity.id)
         RETURN sortKey, entity, relation LIMIT $limit`,
        params,
      );
      return rows.map((row) => ({
        sortKey: String(row.sortKey),
        entity: row.entity ? toEntity(row.entity as Record<string, unknown>) : undefined,
        relation: row.relation ? toRelation(row.relation as Record<string, unknown>) : undefined,
      }));
    },
  };
}
