import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { Entity, Source } from '@steppe/domain';
import { assertGraphName, entityProjection, hopPattern, relTypeAlternation, toEntity, toRelation, toSource, type RelationRecord } from '@steppe/graph-store';

/**
 * Streaming reads for exports. The store's explorer queries collect their
 * results (fine for the 500-entity views the API serves); an export may hold
 * 100,000 entities and a million relations, so here the traversal returns ids
 * only, and entities and relations are then streamed record by record with
 * the driver's back-pressure (it pulls the next batch from Neo4j only as the
 * consumer asks for it). The queries are graph-store's building blocks:
 * relationship types checked against the vocabulary, every value a parameter.
 * All reads are pinned to one generation, resolved once, so a load that
 * switches generations mid-export cannot mix two graphs.
 */
export interface ExportReaderOptions {
  driver: Driver;
  /** Logical graph (default "steppe"). */
  graph?: string;
  database?: string;
  /** Server-side timeout of each read transaction (ms). */
  timeoutMs?: number;
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

export class GraphNotLoadedError extends Error {
  override name = 'GraphNotLoadedError';
}

export function createExportReader(options: ExportReaderOptions) {
  const graph = options.graph ?? 'steppe';
  assertGraphName(graph);
  const { driver, database } = options;
  const timeout = options.timeoutMs ?? 120_000;
  const fetchSize = options.fetchSize ?? 1_000;

  async function rows(cypher: string, params: Record<string, unknown>) {
    const result = await driver.executeQuery(cypher, params, { database, routing: 'READ', transactionConfig: { timeout } });
    return result.records.map((r) => r.toObject() as Record<string, unknown>);
  }

  /** Streams one query's records; the session closes when the consumer finishes or stops early. */
  async function* stream(cypher: string, params: Record<string, unknown>): AsyncGenerator<Record<string, unknown>> {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize });
    try {
      const result = session.run(cypher, params, { timeout });
      for await (const record of result) yield record.toObject() as Record<string, unknown>;
    } finally {
      await session.close();
    }
  }

  /** The active generation of the graph; throws when the graph was never loaded. */
  async function activeGeneration(): Promise<string> {
    const found = await rows('MATCH (sg:SteppeGraph {name: $graph}) RETURN sg.active AS active', { graph });
    const active = found[0]?.active;
    if (typeof active !== 'string') throw new GraphNotLoadedError(`Graph "${graph}" has no data: load it with \`npm run seed\`.`);
    return active;
  }

  return {
    graph,
    generation: activeGeneration,

    /**
     * Breadth-first from the start ids, `depth` hops along relations of the
     * given types (all when none), keeping at most `limit` entities: at each hop
     * the neighbours most strongly attested (most sources) first, as the
     * explorer's neighbourhood does. Returns ids only.
     */
    async traverse(ids: readonly string[], opts: { depth: number; relationTypes?: readonly string[]; limit: number }): Promise<Traversal> {
      const generation = await activeGeneration();
      const unique = [...new Set(ids)];
      const found = await rows('UNWIND $ids AS id MATCH (n:Entity {graph: $g, id: id}) RETURN n.id AS id, n.name AS name', { g: generation, ids: unique });
      const names = new Map(found.map((r) => [String(r.id), String(r.name)]));
      const start = unique.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! }));
      const known = new Set(start.map((s) => s.id));
      const nodeIds = [...known];
      let frontier = [...known];
      let omittedNodes = 0;
      const hop = hopPattern('BOTH', opts.relationTypes);
      for (let level = 0; level < opts.depth && frontier.length > 0; level++) {
        const room = opts.limit - nodeIds.length;
        const [row] = await rows(
          `UNWIND $frontier AS id
           MATCH (n:Entity {graph: $g, id: id})${hop}(m:Entity)
           WHERE NOT m.id IN $known
           WITH m.id AS id, max(r.sourceCount) AS strength
           ORDER BY strength DESC, id
           WITH collect(id) AS found
           RETURN size(found) AS total, found[0..$room] AS page`,
          { g: generation, frontier, known: [...known], room: neo4j.int(Math.max(room, 0)) },
        );
        const total = Number(row?.total ?? 0);
        const page = ((row?.page as string[] | undefined) ?? []).map(String);
        frontier = page;
        for (const id of page) {
          known.add(id);
          nodeIds.push(id);
        }
        if (total > page.length) {
          omittedNodes += total - page.length;
          break;
        }
      }
      return { generation, start, missingIds: unique.filter((id) => !names.has(id)), nodeIds, omittedNodes };
    },

    /** The entities, streamed. Iterating again reads them again. */
    entities(generation: string, nodeIds: readonly string[]): AsyncIterable<Entity> {
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of stream(`UNWIND $ids AS id MATCH (n:Entity {graph: $g, id: id}) RETURN ${entityProjection('n')} AS props`, { g: generation, ids: nodeIds })) {
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
    relations(generation: string, nodeIds: readonly string[], relationTypes?: readonly string[]): AsyncIterable<RelationRecord> {
      const types = relTypeAlternation(relationTypes);
      return {
        async *[Symbol.asyncIterator]() {
          for await (const row of stream(
            `UNWIND $ids AS id
             MATCH (a:Entity {graph: $g, id: id})-[r${types}]->(b:Entity)
             WHERE b.id IN $ids
             RETURN r {.*, type: type(r), from: a.id, to: b.id} AS rel`,
            { g: generation, ids: nodeIds },
          )) {
            yield toRelation(row.rel as Record<string, unknown>);
          }
        },
      };
    },

    /** How many relations the export will hold (for the report's size check). */
    async relationCount(generation: string, nodeIds: readonly string[], relationTypes?: readonly string[]): Promise<number> {
      const [row] = await rows(
        `UNWIND $ids AS id
         MATCH (a:Entity {graph: $g, id: id})-[r${relTypeAlternation(relationTypes)}]->(b:Entity)
         WHERE b.id IN $ids
         RETURN count(r) AS n`,
        { g: generation, ids: nodeIds },
      );
      return Number(row?.n ?? 0);
    },

    /** Every source of the generation: the catalogue citations resolve against (the writers keep the cited ones). */
    async sources(generation: string): Promise<Source[]> {
      const found = await rows('MATCH (s:Source) WHERE s.graph = $g AND s.id IS NOT NULL RETURN properties(s) AS props ORDER BY s.id', { g: generation });
      return found.map((r) => toSource(r.props as Record<string, unknown>));
    },
  };
}

export type ExportReader = ReturnType<typeof createExportReader>;
