import type { Session } from 'neo4j-driver';
import { ENTITY_KINDS, type EntityKind } from '@steppe/domain';
import { chunks, type GraphData, type Progress } from './plan';
import { entityProps } from './wire-format';

/** Where each loaded entity went: its element id (relations find their endpoints by it) and its load order. */
export type LoadedNodes = Map<string, { node: string; rank: number }>;

/**
 * Merges one batch of entities of one kind (parameter `$batch.rows`: maps of stored properties),
 * returning their element ids. Planned once per load: see the note in relations.ts.
 */
export function entityMergeCypher(kind: EntityKind): string {
  // `kind` comes from ENTITY_KINDS, never from input.
  return `CYPHER replan=skip UNWIND $batch.rows AS row
    MERGE (n:Entity {graph: $generation, id: row.id})
    SET n:${kind}, n += row
    RETURN row.id AS id, elementId(n) AS node`;
}

/**
 * Writes the entities, kind by kind: MERGE on the (graph, id) key, so a retried batch never
 * duplicates one. Each batch returns the element ids of its nodes, so relations find their
 * endpoints directly.
 */
export async function writeEntities(
  session: Session,
  data: GraphData,
  generation: string,
  batchSize: number,
  progress: Progress,
): Promise<LoadedNodes> {
  const nodes: LoadedNodes = new Map();
  let entitiesDone = 0;
  for (const kind of ENTITY_KINDS) {
    const rows = data.entities.filter((e) => e.kind === kind).map(entityProps);
    for (const batch of chunks(rows, batchSize)) {
      const result = await session.executeWrite((tx) => tx.run(entityMergeCypher(kind), { batch: { rows: batch }, generation }));
      for (const record of result.records) {
        nodes.set(record.get('id') as string, { node: record.get('node') as string, rank: nodes.size });
      }
      entitiesDone += batch.length;
      progress({ phase: 'entities', done: entitiesDone, total: data.entities.length });
    }
  }
  return nodes;
}
