import neo4j, { type Driver } from 'neo4j-driver';
import type { Entity, Source } from '@steppe/domain';
import { activeGeneration, assertGraphName } from './generations';
import { DEFAULT_EXPANSION_BUDGET, rankedNeighbours } from './explore';
import { entityProjection, hopPattern, relTypeAlternation } from './patterns';
import { toEntity, toRelation, toSource, type RelationRecord } from './records';
import { createReadRunner, createStreamRunner } from './runner';

/**
 * Streaming reads for exports. The store's explorer queries collect their
 * results (fine for the 500-entity views the API serves); an export may hold
 * 100,000 entities and a million relations, so here the traversal returns ids
 * only, and entities and relations are then streamed record by record with
 * the driver's back-pressure (createStreamRunner). Relationship types are
 * checked against the vocabulary, every value is a parameter. All reads are
 * pinned to one generation, resolved once, so a load that switches
 * generations mid-export cannot mix two graphs.
 */
export interface ExportReaderOptions {
  driver: Driver;
  /** Logical graph (default "steppe"). */
  graph?: string;
  database?: string;
  /** Server-side timeout of each read transaction (ms): the export's limit, EXPORT_LIMITS.timeoutMs in the API. */
  timeoutMs: number;
  /** Records per batch pulled from Neo4j. */
  fetchSize?: number;
}

export interface Traversal {
  generation: string;
  /** Start entities that exist, with their names, in the order asked. */
  start: { id: string; name: string }[];
  missingIds: string[];
  /** Every entity of the export, start entities first, then by hop and strength. */
  nodeIds: string[];
  /** Neighbours found but held back by the limit. */
  omittedNodes: number;
}

/** The start entities of an export that exist in the generation, with their names. */
export const EXPORT_START_CYPHER = 'UNWIND $ids AS id MATCH (n:Entity {graph: $g, id: id}) RETURN n.id AS id, n.name AS name';

/**
 * One level of an export's breadth-first traversal: the neighbours of `$frontier` not yet
 * `$known`, ranked as the explorer's neighbourhood ranks them (rankedNeighbours); all are
 * counted (`total`), the first `$room` ids returned (`page`), and up to `$keysCap` of the
 * others (`heldBack`), which the next level expands so that `omittedNodes` counts every depth.
 */
export function exportNeighboursCypher(relationTypes: readonly string[] | undefined): string {
  return `UNWIND $frontier AS id
           MATCH (n:Entity {graph: $g, id: id})
           ${rankedNeighbours(hopPattern('BOTH', relationTypes), 'NOT m.id IN $known')}
           WITH collect(m.id) AS found
           RETURN size(found) AS total, found[0..$room] AS page, found[$room..$room + $keysCap] AS heldBack`;
}

/** The export's entities, by id. */
export const EXPORT_ENTITIES_CYPHER = `UNWIND $ids AS id MATCH (n:Entity {graph: $g, id: id}) RETURN ${entityProjection('n')} AS props`;

/** The relations among the export's entities (of the given types), each once, from its start node. */
export function exportRelationsCypher(relationTypes: readonly string[] | undefined): string {
  return `UNWIND $ids AS id
             MATCH (a:Entity {graph: $g, id: id})-[r${relTypeAlternation(relationTypes)}]->(b:Entity)
             WHERE b.id IN $ids
             RETURN r {.*, type: type(r), from: a.id, to: b.id} AS rel`;
}

/** How many relations exportRelationsCypher returns. */
export function exportRelationCountCypher(relationTypes: readonly string[] | undefined): string {
  return `UNWIND $ids AS id
         MATCH (a:Entity {graph: $g, id: id})-[r${relTypeAlternation(relationTypes)}]->(b:Entity)
         WHERE b.id IN $ids
         RETURN count(r) AS n`;
}

/** Every source of a generation, by id. */
export const EXPORT_SOURCES_CYPHER = 'MATCH (s:Source) WHERE s.graph = $g AND s.id IS NOT NULL RETURN properties(s) AS props ORDER BY s.id';

export function createExportReader(options: ExportReaderOptions) {
  const graph = options.graph ?? 'steppe';
  assertGraphName(graph);
  const { driver, database, timeoutMs, fetchSize } = options;
  const read = createReadRunner({ driver, database, timeoutMs });
  const stream = createStreamRunner({ driver, database, timeoutMs, fetchSize });
  const generation = () => activeGeneration(read, graph);

  return {
    graph,
    /** The active generation of the graph; throws GraphNotLoadedError when the graph was never loaded. */
    generation,

    /**
     * Breadth-first from the start ids, `depth` hops along relations of the
     * given types (all when none), keeping at most `limit` entities: at each hop
     * the neighbours most strongly attested (most sources) first, as the
     * explorer's neighbourhood does. Returns ids only.
     */
    async traverse(ids: readonly string[], opts: { depth: number; relationTypes?: readonly string[]; limit: number }): Promise<Traversal> {
      const g = await generation();
      const unique = [...new Set(ids)];
      const found = await read(EXPORT_START_CYPHER, { g, ids: unique });
      const names = new Map(found.map((r) => [String(r.id), String(r.name)]));
      const start = unique.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! }));
      const known = new Set(start.map((s) => s.id));
      const nodeIds = [...known];
      let frontier = [...known];
      let omittedNodes = 0;
      let full = false;
      const neighbours = exportNeighboursCypher(opts.relationTypes);
      // As the explorer's neighbourhood: once the limit holds entities back, later levels only
      // count (room 0), expanding the held-back entities too, so every depth is counted.
      for (let level = 0; level < opts.depth && frontier.length > 0; level++) {
        const room = full ? 0 : Math.max(opts.limit - nodeIds.length, 0);
        const [row] = await read(neighbours, {
          g,
          frontier,
          known: [...known],
          room: neo4j.int(room),
          keysCap: neo4j.int(DEFAULT_EXPANSION_BUDGET),
        });
        const total = Number(row?.total ?? 0);
        const page = ((row?.page as string[] | undefined) ?? []).map(String);
        const heldBack = ((row?.heldBack as string[] | undefined) ?? []).map(String);
        for (const id of page) {
          known.add(id);
          nodeIds.push(id);
        }
        for (const id of heldBack) known.add(id);
        frontier = [...page, ...heldBack];
        if (total > page.length) {
          omittedNodes += total - page.length;
          full = true;
        }
      }
      return { generation: g, start, missingIds: unique.filter((id) => !names.has(id)), nodeIds, omittedNodes };
    },

    /** The entities, streamed. Iterating again reads them again. */
    entities(g: string, nodeIds: readonly string[]): AsyncIterable<Entity> {
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of stream(EXPORT_ENTITIES_CYPHER, { g, ids: nodeIds })) {
            yield toEntity(row.props as Record<string, unknown>);
          }
        },
      };
    },

    /**
     * The relations among the entities (of the given types), streamed; each
     * relation once, from its start node. Iterating again reads them again (the
     * CSV writer reads the evidence in a second pass).
     */
    relations(g: string, nodeIds: readonly string[], relationTypes?: readonly string[]): AsyncIterable<RelationRecord> {
      const cypher = exportRelationsCypher(relationTypes);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of stream(cypher, { g, ids: nodeIds })) {
            yield toRelation(row.rel as Record<string, unknown>);
          }
        },
      };
    },

    /** How many relations the export will hold (for the report's size check). */
    async relationCount(g: string, nodeIds: readonly string[], relationTypes?: readonly string[]): Promise<number> {
      const [row] = await read(exportRelationCountCypher(relationTypes), { g, ids: nodeIds });
      return Number(row?.n ?? 0);
    },

    /** Every source of the generation: the catalogue citations resolve against (the writers keep the cited ones). */
    async sources(g: string): Promise<Source[]> {
      const found = await read(EXPORT_SOURCES_CYPHER, { g });
      return found.map((r) => toSource(r.props as Record<string, unknown>));
    },
  };
}

export type ExportReader = ReturnType<typeof createExportReader>;
