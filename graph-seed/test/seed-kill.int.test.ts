import type { Driver } from 'neo4j-driver';
import { resetGraph } from '@steppe/graph-store';
import { activeCounts, allGenerationNodes, duplicateIds, runSeeder, testDriver, uniqueGraph } from './support';

/**
 * A load killed midway leaves readers on the previous graph; re-running gives
 * exactly the new graph, with nothing left of the killed attempt.
 */
describe('seeder killed midway (real process, real Neo4j)', () => {
  let driver: Driver;
  const graph = uniqueGraph('kill');

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
  });

  it('keeps the previous graph, then loads exactly the new one on re-run', async () => {
    const first = await runSeeder(['--graph', graph, '--synthetic', '300', '--random-seed', '1']);
    expect(first.code).toBe(0);
    const previous = await activeCounts(driver, graph);
    expect(previous).toMatchObject({ entities: 300, relations: 3000 });

    // Kill the second load while it writes relations (small batches make that phase long enough).
    const killed = await runSeeder(['--graph', graph, '--synthetic', '3000', '--random-seed', '2', '--batch-size', '500'], {
      killWhen: /relations: [1-9]\d*\//,
    });
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = await activeCounts(driver, graph);
    expect(afterKill).toEqual(previous);
    expect(await duplicateIds(driver, graph)).toBe(0);
    // The killed attempt did write something: it sits in an abandoned generation, invisible to readers.
    expect(await allGenerationNodes(driver, graph)).toBeGreaterThan(previous.entities + previous.sources);

    const rerun = await runSeeder(['--graph', graph, '--synthetic', '3000', '--random-seed', '2']);
    expect(rerun.code).toBe(0);
    const after = await activeCounts(driver, graph);
    expect(after).toMatchObject({ entities: 3000, relations: 30000 });
    expect(await duplicateIds(driver, graph)).toBe(0);
    // Nothing is left of the previous graph or of the killed attempt.
    expect(await allGenerationNodes(driver, graph)).toBe(after.entities + after.sources);
  });
});
