import type { Driver, Session } from 'neo4j-driver';
import { isContested } from '@steppe/domain';
import { LoadLeaseError } from './lease';
import type { GraphData } from './plan';

/*
 * The last steps before readers see a new generation: check that it holds exactly the data,
 * then point the graph at it in one small transaction (recording its hash and counts).
 */

/** How many entities, relations and sources one generation holds. */
export const GENERATION_COUNTS_CYPHER = `CALL () { MATCH (n:Entity) WHERE n.graph = $generation AND n.id IS NOT NULL RETURN count(n) AS entities }
     CALL () { MATCH (n:Entity)-[r]->() WHERE n.graph = $generation AND n.id IS NOT NULL RETURN count(r) AS relations }
     CALL () { MATCH (s:Source) WHERE s.graph = $generation AND s.id IS NOT NULL RETURN count(s) AS sources }
     RETURN entities, relations, sources`;

export async function generationCounts(driver: Driver, generation: string, database?: string) {
  const { records } = await driver.executeQuery(GENERATION_COUNTS_CYPHER, { generation }, { database, routing: 'READ' });
  const row = records[0];
  return { entities: Number(row?.get('entities')), relations: Number(row?.get('relations')), sources: Number(row?.get('sources')) };
}

/**
 * A batch retried after an ambiguous commit could have written twice: the new generation must
 * hold exactly the data before readers are pointed at it.
 */
export async function verifyGeneration(driver: Driver, generation: string, counts: LoadCounts, database?: string): Promise<void> {
  const written = await generationCounts(driver, generation, database);
  if (written.entities !== counts.entities || written.relations !== counts.relations || written.sources !== counts.sources) {
    throw new Error(
      `The new generation does not match the data (expected ${JSON.stringify(counts)}, found ${JSON.stringify(written)}); ` +
        'readers still see the previous graph. Run the load again.',
    );
  }
}

export interface LoadCounts {
  sources: number;
  entities: number;
  relations: number;
}

/** Key of the contested-relations count among the stored counts (not a kind or type name: those are capitalised). */
export const CONTESTED_COUNT_KEY = 'contested';

/**
 * Entities per kind and relations per type, kept on the graph's pointer node so
 * that the legend's counts cost one lookup instead of a scan of the graph.
 */
export function vocabularyCounts(data: GraphData): { countKeys: string[]; countValues: number[] } {
  const counts = new Map<string, number>();
  for (const e of data.entities) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  let contested = 0;
  for (const r of data.relations) {
    counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    if (isContested(r.evidence.map((e) => e.stance ?? r.stance))) contested++;
  }
  // Stored with the other counts so that "how many contested claims" is a property read, not a scan.
  counts.set(CONTESTED_COUNT_KEY, contested);
  return { countKeys: [...counts.keys()], countValues: [...counts.values()] };
}

/** Makes the full-text index catch up (it is eventually consistent, for cheaper bulk writes). */
export const AWAIT_FULLTEXT_CYPHER = 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()';

/**
 * Points the graph at the new generation, recording its hash, load time and counts; the
 * previous generation joins the pending list (to be retired). Returns the previous generation.
 */
export const SWITCH_GENERATION_CYPHER = `MATCH (sg:SteppeGraph {name: $graph})
         WITH sg, sg.active AS previous
         SET sg.active = $generation,
             sg.pending = [p IN coalesce(sg.pending, []) WHERE p <> $generation] + CASE WHEN previous IS NULL THEN [] ELSE [previous] END,
             sg.contentHash = $hash, sg.loadedAt = datetime(),
             sg.sources = $counts.sources, sg.entities = $counts.entities, sg.relations = $counts.relations,
             sg.countKeys = $countKeys, sg.countValues = $countValues
         RETURN previous`;

/**
 * Makes the new generation searchable, then active. Returns the generation it replaced (null on
 * the graph's first load).
 */
export async function switchGeneration(
  session: Session,
  args: { graph: string; generation: string; hash: string; counts: LoadCounts; data: GraphData; holder: string },
): Promise<string | null> {
  const { graph, generation, hash, counts, data, holder } = args;
  // The full-text index is eventually consistent (cheaper bulk writes): make the new
  // generation searchable before readers are pointed at it.
  await session.run(AWAIT_FULLTEXT_CYPHER);
  return session.executeWrite(async (tx) => {
    // In the switch's own transaction: this load still holds the graph's lease, and its
    // generation still holds its records (nothing deleted it since it was verified), so
    // readers are never pointed at a generation that is gone.
    const lease = await tx.run(LOCK_AND_READ_LEASE_CYPHER, { graph });
    const current = lease.records[0]?.get('holder') as string | null | undefined;
    if (current !== holder) {
      throw new LoadLeaseError(
        `The load no longer holds the lease on graph "${graph}" (now ${current ?? 'nobody'}): readers still see the previous graph.`,
      );
    }
    const found = (await tx.run(GENERATION_NODE_COUNTS_CYPHER, { generation })).records[0];
    const entities = Number(found?.get('entities'));
    const sources = Number(found?.get('sources'));
    if (entities !== counts.entities || sources !== counts.sources) {
      throw new Error(
        `Generation ${generation} no longer holds its data (expected ${counts.entities} entities and ${counts.sources} sources, found ${entities} and ${sources}); ` +
          'readers still see the previous graph. Run the load again.',
      );
    }
    const res = await tx.run(SWITCH_GENERATION_CYPHER, { graph, generation, hash, counts, ...vocabularyCounts(data) });
    return res.records[0]?.get('previous') as string | null;
  });
}

/** Write-locks the graph's pointer node (held to the end of the switch's transaction) and reads the lease holder. */
export const LOCK_AND_READ_LEASE_CYPHER =
  'MATCH (sg:SteppeGraph {name: $graph}) SET sg._lock = true REMOVE sg._lock RETURN sg.leaseHolder AS holder';

/** Entities and sources of one generation (index-backed counts), checked again inside the switch. */
export const GENERATION_NODE_COUNTS_CYPHER = `CALL () { MATCH (n:Entity) WHERE n.graph = $generation AND n.id IS NOT NULL RETURN count(n) AS entities }
     CALL () { MATCH (s:Source) WHERE s.graph = $generation AND s.id IS NOT NULL RETURN count(s) AS sources }
     RETURN entities, sources`;
