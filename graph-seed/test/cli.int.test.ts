import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { resetGraph } from '@steppe/graph-store';
import { activeCounts, runSeeder, testDriver, uniqueGraph } from './support';

describe('seeder CLI as a user runs it', () => {
  let driver: Driver;
  const graph = uniqueGraph('cli');

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await resetGraph(driver, graph);
    await driver.close();
  });

  it('--dry-run validates and prints the plan, writing nothing', async () => {
    const res = await runSeeder(['--graph', graph, '--dry-run']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Plan for graph/);
    expect(res.stdout).toMatch(/entities\s+\d+ \(/);
    expect((await activeCounts(driver, graph)).active).toBeNull();
  });

  it('loads the curated dataset, then finds nothing to do on a re-run', async () => {
    const first = await runSeeder(['--graph', graph]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Loaded graph .* \d+ sources, \d+ entities, \d+ relations in [\d.]+ s/);
    const counts = await activeCounts(driver, graph);
    expect(counts.entities).toBeGreaterThan(10);

    const again = await runSeeder(['--graph', graph]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already holds this data/);
    const forced = await runSeeder(['--graph', graph, '--force']);
    expect(forced.code).toBe(0);
    expect({ ...(await activeCounts(driver, graph)), active: null }).toEqual({ ...counts, active: null });
  });

  it('reports every problem of a broken dataset with file and line, exits non-zero and writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'steppe-broken-'));
    mkdirSync(path.join(dir, 'entities'));
    mkdirSync(path.join(dir, 'relations'));
    writeFileSync(path.join(dir, 'sources.yaml'), '- id: 000_3b01196a87d065d1\n  title: A\n  languages: [en]\n');
    writeFileSync(
      path.join(dir, 'entities', 'people.yaml'),
      '- id: a\n  kind: Person\n  name: A\n  aliases: []\n  description: x\n  roles: []\n- id: b\n  kind: Wizard\n  name: B\n  aliases: []\n  description: x\n',
    );
    writeFileSync(
      path.join(dir, 'relations', 'r.yaml'),
      '- id: r1\n  type: RESIGNED\n  from: a\n  to: nobody\n  date: 2022-02-30\n  stance: ASSERTED\n  confidence: 1\n  evidence:\n    - source: 000_3b01196a87d065d1\n      quote: ""\n',
    );
    const graphBroken = uniqueGraph('broken');
    const res = await runSeeder(['--graph', graphBroken, '--data', dir]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Nothing was written/);
    // Several distinct problems, each located.
    expect(res.stderr).toMatch(/people\.yaml:\d+/);
    expect(res.stderr).toMatch(/r\.yaml:\d+/);
    expect(res.stderr.split('\n').filter((l) => /\.yaml:\d+/.test(l)).length).toBeGreaterThanOrEqual(3);
    expect((await activeCounts(driver, graphBroken)).active).toBeNull();
  });

  it('refuses --reset without --yes, and removes only that graph with it', async () => {
    const other = uniqueGraph('other');
    expect((await runSeeder(['--graph', other, '--synthetic', '50'])).code).toBe(0);
    const refused = await runSeeder(['--graph', other, '--reset']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--yes/);
    expect((await activeCounts(driver, other)).entities).toBe(50);
    const before = await activeCounts(driver, graph);
    const reset = await runSeeder(['--graph', other, '--reset', '--yes']);
    expect(reset.code).toBe(0);
    expect((await activeCounts(driver, other)).active).toBeNull();
    expect(await activeCounts(driver, graph)).toEqual(before);
  });

  it('rejects bad options with a clear message', async () => {
    const res = await runSeeder(['--graph', 'Bad Name!']);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/lowercase letters/);
    const n = await runSeeder(['--synthetic', 'many']);
    expect(n.stderr).toMatch(/positive whole number/);
  });

  it('says how to get a database when Neo4j is unreachable', async () => {
    const res = await runSeeder(['--graph', graph], { env: { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'x' } });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/not reachable at bolt:\/\/127\.0\.0\.1:9/);
    expect(res.stderr).toMatch(/NEO4J_URI/);
  });
});
