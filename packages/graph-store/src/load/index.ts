import type { Driver } from 'neo4j-driver';
import { assertGraphName, newGenerationKey } from '../generations';
import { findHubs, HUB_DEGREE, writeHubIndex } from '../hubs';
import { ensureSchema } from '../schema';
import { writeEntities, writeSources } from './entities';
import { ContentHasher, currentGeneration, type GraphData, type LoadOptions, type LoadResult } from './plan';
import { writeRelations } from './relations';
import { abandonedGenerations, deleteGeneration, forgetPending, registerPending } from './retire';
import { switchGeneration, verifyGeneration } from './switch';

/*
 * The loader, phase by phase (each in its own module):
 *   plan.ts        — inputs, the content hash, and whether the data is already loaded;
 *   wire-format.ts — stored properties and how a batch travels (pure);
 *   entities.ts    — sources and entities into the new generation;
 *   relations.ts   — relations, batch by batch;
 *   switch.ts      — verify the new generation, then make it active;
 *   retire.ts      — delete replaced and abandoned generations.
 */

export { contentHash, STORAGE_FORMAT, type GraphData, type LoadOptions, type LoadPhase, type LoadProgress, type LoadResult } from './plan';
export { encodeRelationBatch, entityProps, RELATION_PROPERTIES, relationProps, relationValues } from './wire-format';
export { entityMergeCypher } from './entities';
export { relationCreateCypher, relationCreateFromStringCypher } from './relations';
export { CONTESTED_COUNT_KEY } from './switch';
export { deleteGeneration, resetGraph } from './retire';

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

  progress({ phase: 'schema', done: 0, total: 1 });
  await ensureSchema(driver, database);
  progress({ phase: 'schema', done: 1, total: 1 });

  const session = driver.session({ database });
  try {
    const current = await currentGeneration(session, graph);
    // The hash is needed now only to skip an unchanged load; otherwise it is computed while
    // the server writes relation batches.
    if (!options.force && current?.active && current.hash) {
      const hash = hasher.digest();
      if (current.hash === hash) return { graph, generation: current.active, skipped: true, counts, retiredGenerations: [] };
    }

    // Leftovers of earlier loads that were killed before they switched.
    progress({ phase: 'cleanup', done: 0, total: 1 });
    const abandoned = await abandonedGenerations(driver, graph, database);
    for (const gen of abandoned) await deleteGeneration(driver, gen, database, batchSize);
    progress({ phase: 'cleanup', done: 1, total: 1 });

    const generation = newGenerationKey(graph);
    await registerPending(session, graph, generation);

    await writeSources(session, data, generation, batchSize, progress);
    const nodes = await writeEntities(session, data, generation, batchSize, progress);
    await writeRelations(session, { data, nodes, generation, batchSize, hasher, hashFirst: counts.sources + counts.entities, progress });
    await verifyGeneration(driver, generation, counts, database);

    // The hub index (hubs.ts) belongs to the generation, so it is complete before readers see it.
    const hubs = findHubs(data.relations, options.hubDegree ?? HUB_DEGREE).map((id) => nodes.get(id)!.node);
    if (hubs.length > 0) progress({ phase: 'hubs', done: 0, total: hubs.length });
    await writeHubIndex(session, generation, hubs, (done) => progress({ phase: 'hubs', done, total: hubs.length }));

    const hash = hasher.digest();
    progress({ phase: 'switch', done: 0, total: 1 });
    const previous = await switchGeneration(session, { graph, generation, hash, counts, data });
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
  }
}
