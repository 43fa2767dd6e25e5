import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { findFreePort } from '@steppe/neo4j-local';
import { buildWebIfNeeded } from '../src/orchestrator';
import { repoPath } from '../src/paths';
import { groupAlive, isPortInUse } from '../src/processes';

/*
 * `npm start`'s path: `steppe-stack up` (what `npm start` runs after building the web app)
 * against the run's Neo4j (NEO4J_URI, so the orchestrator starts no Neo4j of its own), with
 * a graph of its own. Ctrl-C is a SIGINT to the terminal's foreground process group: here the
 * orchestrator runs in a group of its own and the whole group gets the signal.
 */

const log = (line: string) => process.stderr.write(`[up test] ${line}\n`);

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function waitForOutput(child: ChildProcess, output: () => string, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!output().includes(text)) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`steppe-stack up exited (${child.exitCode ?? child.signalCode}) before "${text}":\n${output()}`);
    if (Date.now() > deadline) throw new Error(`steppe-stack up did not print "${text}" within ${timeoutMs / 1000} s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('steppe-stack up (npm start)', () => {
  const graph = `up-${randomBytes(4).toString('hex')}`;
  let child: ChildProcess | undefined;
  /** Process groups of the orchestrator and the services it started (each service has a group of its own). */
  const groups: number[] = [];

  beforeAll(() => {
    // `npm start` builds the web app first (turbo); `npm test` has built it already.
    buildWebIfNeeded(log);
  }, 600_000);

  afterAll(() => {
    // Only when the test failed half-way: the orchestrator and its services, by their own process groups.
    for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
    // The seeder's own reset: only this graph's data.
    spawnSync(process.execPath, [repoPath('graph-seed', 'bin', 'steppe-seed.js'), '--reset', '--yes', '--graph', graph], {
      env: process.env,
      stdio: 'ignore',
    });
  }, 120_000);

  it('serves the seeded graph through the API and the explorer, and Ctrl-C stops every process it started', async () => {
    expect(process.env.NEO4J_URI).toBeTruthy();
    const [apiPort, webPort] = [await findFreePort(), await findFreePort()];
    let output = '';
    child = spawn(
      process.execPath,
      [
        repoPath('packages', 'stack', 'bin', 'steppe-stack.js'),
        'up',
        '--api-port',
        String(apiPort),
        '--web-port',
        String(webPort),
        '--graph',
        graph,
      ],
      {
        cwd: repoPath(),
        env: { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1' },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    groups.push(child.pid!);
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = waitForExit(child);

    await waitForOutput(child, () => output, 'Steppe is up.', 240_000);
    const apiPid = Number(/started the API \(pid (\d+)\)/.exec(output)?.[1]);
    const webPid = Number(/started the web app \(pid (\d+)\)/.exec(output)?.[1]);
    groups.push(apiPid, webPid);
    expect(groupAlive(apiPid)).toBe(true);
    expect(groupAlive(webPid)).toBe(true);

    // The API answers with the seeded graph, the explorer's page with the app, pointed at that API.
    const res = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { entities relations } }' }),
    });
    const body = (await res.json()) as { data?: { stats: { entities: number; relations: number } } };
    expect(body.data?.stats.entities).toBeGreaterThan(0);
    expect(body.data?.stats.relations).toBeGreaterThan(0);
    const page = await fetch(`http://127.0.0.1:${webPort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`http://localhost:${apiPort}/graphql`);

    process.kill(-child.pid!, 'SIGINT');
    const { code } = await exited;
    expect(code).toBe(0);
    expect(output).toContain('Stopped.');
    // No process of either service is left, and their ports are free again.
    expect(groupAlive(apiPid)).toBe(false);
    expect(groupAlive(webPid)).toBe(false);
    expect(await isPortInUse(apiPort)).toBe(false);
    expect(await isPortInUse(webPort)).toBe(false);
  }, 360_000);
});
