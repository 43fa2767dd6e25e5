import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { createDriver, resetGraph } from '@steppe/graph-store';
import { seedGraph } from '@steppe/graph-seed';
import { apiFor } from './helpers';

const run = promisify(execFile);
const EXAMPLE = path.resolve(__dirname, '../../../examples/python/steppe_example.py');

/**
 * The Python example (examples/python) run as a user would, against the API over a
 * real socket on the seeded graph: pandas and networkx over GraphQL, GraphML and CSV.
 * It needs python3 with pandas, networkx and requests (CI installs them: .ci/run).
 */
describe('the Python example', () => {
  const graph = `python-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  let driver: Driver;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    driver = createDriver({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await seedGraph({ driver, graph });
    server = createServer(apiFor({ driver, graph }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await resetGraph(driver, graph);
    await driver.close();
  });

  it('runs to the end and finds the API and the exports in agreement', async () => {
    const { stdout } = await run('python3', [EXAMPLE, '--api', base, '--id', 'kassym-jomart-tokayev'], { timeout: 240_000 });
    expect(stdout).toMatch(/^graph: \d+ entities, \d+ relations$/m);
    expect(stdout).toMatch(/^kassym-jomart-tokayev: \d+ relations; by type:/m);
    const fromApi = /neighbourhood from the API: (\d+) nodes, (\d+) edges/.exec(stdout);
    const fromGraphml = /neighbourhood from GraphML: (\d+) nodes, (\d+) edges/.exec(stdout);
    expect(fromApi).not.toBeNull();
    expect(Number(fromApi![1])).toBeGreaterThan(5);
    expect(fromGraphml?.slice(1)).toEqual(fromApi!.slice(1));
    expect(stdout.trim().split('\n').pop()).toBe('ok');
  }, 300_000);
});
