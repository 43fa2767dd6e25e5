import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { assertGraphName } from '../generations';

/*
 * Generations that are no longer read: the one a load replaced, and the partial ones of loads
 * killed before they switched (kept on the graph's `pending` list until deleted).
 */

/** Adds a generation being written to the graph's pending list (creating the graph's pointer node). */
export const REGISTER_PENDING_CYPHER = 'MERGE (sg:SteppeGraph {name: $graph}) SET sg.pending = coalesce(sg.pending, []) + $generation';

/** Pending generations other than the active one: leftovers of loads that never switched. */
export const ABANDONED_GENERATIONS_CYPHER =
  'MATCH (sg:SteppeGraph {name: $graph}) RETURN [p IN coalesce(sg.pending, []) WHERE p <> sg.active] AS pending';

/** Removes a deleted generation from the pending list. */
export const FORGET_PENDING_CYPHER = 'MATCH (sg:SteppeGraph {name: $graph}) SET sg.pending = [p IN sg.pending WHERE p <> $previous]';

/** Every generation of a graph, active and pending. */
export const ALL_GENERATIONS_CYPHER =
  'MATCH (sg:SteppeGraph {name: $graph}) RETURN [x IN coalesce(sg.pending, []) + [sg.active] WHERE x IS NOT NULL] AS gens';

export const DELETE_GRAPH_POINTER_CYPHER = 'MATCH (sg:SteppeGraph {name: $graph}) DELETE sg';

/** Deletes up to `$limit` nodes with the given label of one generation, returning how many. */
export function deleteBatchCypher(label: 'Entity' | 'Source' | 'Passage'): string {
  // `id`/`sourceId IS NOT NULL` lets the planner use the key constraint's index instead of a label scan.
  const key = label === 'Passage' ? 'sourceId' : 'id';
  return `MATCH (n:${label}) WHERE n.graph = $generation AND n.${key} IS NOT NULL WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted`;
}

export async function registerPending(session: Session, graph: string, generation: string): Promise<void> {
  await session.executeWrite((tx) => tx.run(REGISTER_PENDING_CYPHER, { graph, generation }));
}

export async function forgetPending(session: Session, graph: string, previous: string): Promise<void> {
  await session.executeWrite((tx) => tx.run(FORGET_PENDING_CYPHER, { graph, previous }));
}

export async function abandonedGenerations(driver: Driver, graph: string, database?: string): Promise<string[]> {
  const { records } = await driver.executeQuery(ABANDONED_GENERATIONS_CYPHER, { graph }, { database, routing: 'READ' });
  return (records[0]?.get('pending') as string[] | undefined) ?? [];
}

/** Deletes one generation in batches (one huge transaction would exhaust the heap on large graphs). */
export async function deleteGeneration(driver: Driver, generation: string, database: string | undefined, batchSize = 5_000): Promise<void> {
  for (const label of ['Entity', 'Source', 'Passage'] as const) {
    for (;;) {
      const { records } = await driver.executeQuery(
        deleteBatchCypher(label),
        { generation, limit: neo4j.int(Math.max(100, Math.floor(batchSize / 5))) },
        { database },
      );
      if (Number(records[0]?.get('deleted') ?? 0) === 0) break;
    }
  }
}

/** Removes every generation of a logical graph and its pointer: only Steppe's data for that graph. */
export async function resetGraph(driver: Driver, graph: string, database?: string): Promise<string[]> {
  assertGraphName(graph);
  const { records } = await driver.executeQuery(ALL_GENERATIONS_CYPHER, { graph }, { database, routing: 'READ' });
  const generations = (records[0]?.get('gens') as string[] | undefined) ?? [];
  for (const gen of generations) await deleteGeneration(driver, gen, database);
  await driver.executeQuery(DELETE_GRAPH_POINTER_CYPHER, { graph }, { database });
  return generations;
}
