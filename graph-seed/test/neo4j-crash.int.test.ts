import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { startLocalNeo4j, type LocalNeo4j } from '@steppe/neo4j-local';
import { createDriver } from '@steppe/graph-store';
import { activeCounts, allGenerationNodes, duplicateIds, runSeeder } from './support';

/**
 * Neo4j itself dies (SIGKILL, no clean shutdown) in the middle of a load. This
 * test runs its own Neo4j so that it can kill it without disturbing the others.
 * After a restart on the same store, readers see the previous graph; re-running
 * the seeder gives exactly the new one.
 */
describe('Neo4j killed during a load (real Neo4j, real seeder process)', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'steppe-crash-'));
  const dataDir = path.join(home, 'data');
  const graph = 'crash';
  let neo4j: LocalNeo4j | undefined;
  let driver: Driver | undefined;

  const start = async (port?: number) => {
    neo4j = await startLocalNeo4j({ port: port ?? 0, dataDir, password: 'crash-test-password', jit: 'quick' });
    driver = createDriver(neo4j);
    return neo4j;
  };
  const seederEnv = () => ({ NEO4J_URI: neo4j!.uri, NEO4J_USER: neo4j!.user, NEO4J_PASSWORD: neo4j!.password });

  afterAll(async () => {
    await driver?.close();
    await neo4j?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('keeps the previous graph through the crash and loads exactly the new one on re-run', async () => {
    const first = await start();
    const port = first.port;
    expect((await runSeeder(['--graph', graph, '--synthetic', '300', '--random-seed', '1'], { env: seederEnv() })).code).toBe(0);
    const previous = await activeCounts(driver!, graph);
    expect(previous).toMatchObject({ entities: 300, relations: 3000 });

    // Start a bigger load and kill Neo4j (not the seeder) once relations are being written.
    const loading = runSeeder(['--graph', graph, '--synthetic', '3000', '--random-seed', '2', '--batch-size', '500'], { env: seederEnv() });
    const deadline = Date.now() + 120_000;
    let killed = false;
    while (!killed && Date.now() < deadline) {
      const { records } = await driver!.executeQuery(
        `MATCH (sg:SteppeGraph {name: $graph}) UNWIND [p IN coalesce(sg.pending, []) WHERE p <> sg.active] AS pending
         MATCH (a:Entity)-[r]->() WHERE a.graph = pending AND a.id IS NOT NULL RETURN count(r) AS written`,
        { graph },
      );
      if (Number(records[0]?.get('written') ?? 0) > 0) {
        process.kill(first.pid, 'SIGKILL');
        killed = true;
      } else {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(killed).toBe(true);
    const interrupted = await loading;
    expect(interrupted.code).not.toBe(0);
    await first.exited;
    await driver!.close();

    // Neo4j recovers its store on restart; readers still see the previous generation.
    await start(port);
    expect(await activeCounts(driver!, graph)).toEqual(previous);
    expect(await duplicateIds(driver!, graph)).toBe(0);

    const rerun = await runSeeder(['--graph', graph, '--synthetic', '3000', '--random-seed', '2'], { env: seederEnv() });
    expect(rerun.code).toBe(0);
    const after = await activeCounts(driver!, graph);
    expect(after).toMatchObject({ entities: 3000, relations: 30000 });
    expect(await duplicateIds(driver!, graph)).toBe(0);
    expect(await allGenerationNodes(driver!, graph)).toBe(after.entities + after.sources);
    // Two Neo4j starts and three seeder runs: 50–70 s when other work shares the two cores.
  }, 180_000);
});
