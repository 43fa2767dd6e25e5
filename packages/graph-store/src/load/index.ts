import type { Driver } from 'neo4j-driver';
import { assertGraphName, newGenerationKey } from '../generations';
import { findHubs, HUB_DEGREE, writeHubIndex } from '../hubs';
import { ensureSchema } from '../schema';
import { anchorEvidence, writeSources } from './documents';
import { writeEntities } from './entities';
import { ContentHasher, currentGeneration, type GraphData, type LoadOptions, type LoadResult } from './plan';
import { writeRelations } from './relations';
import { abandonedGenerations, deleteGeneration, forgetPending, registerPending } from './retire';
import { takeLease } from './lease';
import { switchGeneration, verifyGeneration } from './switch';

/*
 * The loader, phase by phase (each in its own module):
 *   plan.ts        — inputs, the content hash, and whether the data is already loaded;
 *   wire-format.ts — stored properties and how a batch travels (pure);
 *   documents.ts   — sources with their texts, quote anchors and passages;
 *   entities.ts    — entities into the new generation;
 *   relations.ts   — relations, batch by batch;
 *   switch.ts      — verify the new generation, then make it active;
 *   retire.ts      — delete replaced and abandoned generations;
 *   lease.ts       — one load per graph at a time (a lease on the graph's pointer node).
 */

export { contentHash, STORAGE_FORMAT, type GraphData, type LoadOptions, type LoadPhase, type LoadProgress, type LoadResult } from './plan';
export { encodeRelationBatch, entityProps, RELATION_PROPERTIES, relationProps, relationValues } from './wire-format';
export { entityMergeCypher } from './entities';
export {
  anchorEvidence,
  passageRows,
  sourceRows,
  PASSAGE_MERGE_CYPHER,
  PASSAGE_RELATION_CAP,
  SOURCE_MERGE_CYPHER,
  UnanchoredQuoteError,
  type EvidenceAnchors,
} from './documents';
export { relationCreateCypher, relationCreateFromStringCypher } from './relations';
export { CONTESTED_COUNT_KEY } from './switch';
export { deleteGeneration, resetGraph } from './retire';
export { LEASE_TTL_MS, LEASE_WAIT_MS, LoadLeaseError } from './lease';

/**
 * Loads `data` as a new generation of `options.graph`, then makes it active.
 * Batches are MERGEs inside managed transactions, so a retried batch never
 * duplicates anything.
 */
export async function loadGraph(driver: Driver, data: GraphData, options: LoadOptions): Promise<LoadResult> {
  assertGraphName(options.graph);
  const { graph, database } = options;
  const batchSize = options.batchSize ?? 5_000;
  const progress = options.onProgress ?? (() => {});
  const counts = { sources: data.sources.length, entities: data.entities.length, relations: data.relations.length };
  const hasher = new ContentHasher(data);
  // Before anything is written: a quote that does not anchor in its document stops the load.
  const anchors = anchorEvidence(data);

  progress({ phase: 'schema', done: 0, total: 1 });
  await ensureSchema(driver, database);
  progress({ phase: 'schema', done: 1, total: 1 });

  // One load per graph at a time (lease.ts): a second one waits, bounded, or says who is loading.
  const lease = await takeLease(driver, graph, database, {
    waitMs: options.leaseWaitMs,
    ttlMs: options.leaseTtlMs,
    onWait: (holder) => progress({ phase: 'wait', done: 0, total: 1, holder }),
  });
  const session = driver.session({ database });
  try {
    // Leftovers of earlier loads that were killed before they switched (or while retiring the
    // generation they replaced): removed on every run, also one that finds nothing to load.
    // Under the lease no other load is writing, so every pending generation but the active one
    // is abandoned; each leaves the pending list once deleted.
    progress({ phase: 'cleanup', done: 0, total: 1 });
    const abandoned = await abandonedGenerations(driver, graph, database);
    for (const gen of abandoned) {
      await deleteGeneration(driver, gen, database, batchSize);
      await forgetPending(session, graph, gen);
      lease.check();
    }
    progress({ phase: 'cleanup', done: 1, total: 1 });

    const current = await currentGeneration(session, graph);
    // The hash is needed now only to skip an unchanged load; otherwise it is computed while
    // the server writes relation batches.
    if (!options.force && current?.active && current.hash) {
      const hash = hasher.digest();
      if (current.hash === hash) return { graph, generation: current.active, skipped: true, counts, retiredGenerations: abandoned };
    }

    const generation = newGenerationKey(graph);
    await registerPending(session, graph, generation);

    await writeSources(session, data, anchors, generation, batchSize, progress);
    lease.check();
    const nodes = await writeEntities(session, data, generation, batchSize, progress);
    lease.check();
    await writeRelations(session, {
      data,
      nodes,
      anchors,
      generation,
      batchSize,
      hasher,
      hashFirst: counts.sources + counts.entities,
      progress,
    });
    lease.check();
    await verifyGeneration(driver, generation, counts, database);

    // The hub index (hubs.ts) belongs to the generation, so it is complete before readers see it.
    const hubs = findHubs(data.relations, options.hubDegree ?? HUB_DEGREE).map((id) => nodes.get(id)!.node);
    if (hubs.length > 0) progress({ phase: 'hubs', done: 0, total: hubs.length });
    await writeHubIndex(session, generation, hubs, (done) => progress({ phase: 'hubs', done, total: hubs.length }));

    const hash = hasher.digest();
    progress({ phase: 'switch', done: 0, total: 1 });
    const previous = await switchGeneration(session, { graph, generation, hash, counts, data, holder: lease.holder });
    progress({ phase: 'switch', done: 1, total: 1 });

    const retired: string[] = [];
    if (previous) {
      progress({ phase: 'retire', done: 0, total: 1 });
      await deleteGeneration(driver, previous, database, batchSize);
      await forgetPending(session, graph, previous);
      retired.push(previous);
      progress({ phase: 'retire', done: 1, total: 1 });
    }
    return { graph, generation, skipped: false, counts, retiredGenerations: [...abandoned, ...retired] };
  } finally {
    await session.close();
    await lease.release();
  }
}
