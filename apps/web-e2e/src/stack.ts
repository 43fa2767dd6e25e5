import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDriver, isUnavailableError, resetGraph } from '@steppe/graph-store';
import { seedGraph } from '@steppe/graph-seed';
import { LOGS_DIR, REPO_ROOT, WEB_DIR } from './paths';
import { freePort, httpOk, startService, waitUntilReady, type Service } from './processes';

/** What the tests need to know about the running stack (passed to them through the environment). */
export interface StackInfo {
  webUrl: string;
  apiUrl: string;
  graph: string;
}

/** Jest runs the global setup and teardown in one process: the stack handle waits on globalThis under this key. */
export const STACK_KEY = '__steppeE2eStack';

export const STACK_ENV = {
  webUrl: 'STEPPE_E2E_WEB_URL',
  apiUrl: 'STEPPE_E2E_API_URL',
  graph: 'STEPPE_E2E_GRAPH',
} as const;

export function stackFromEnv(env: NodeJS.ProcessEnv = process.env): StackInfo {
  const webUrl = env[STACK_ENV.webUrl];
  const apiUrl = env[STACK_ENV.apiUrl];
  const graph = env[STACK_ENV.graph];
  if (!webUrl || !apiUrl || !graph) {
    throw new Error('The e2e stack is not running: run these tests through jest (apps/web-e2e/jest.config.js), whose global setup starts it.');
  }
  return { webUrl, apiUrl, graph };
}

/** Stops what was started, in reverse order. Collects errors instead of stopping at the first. */
export type Cleanup = { what: string; run: () => Promise<void> };

export interface RunningStack extends StackInfo {
  cleanups: Cleanup[];
}

async function runCleanups(cleanups: Cleanup[], log: (line: string) => void): Promise<void> {
  const errors: string[] = [];
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup.run();
      log(`stopped ${cleanup.what}`);
    } catch (error) {
      errors.push(`${cleanup.what}: ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) throw new Error(`Tearing down the e2e stack failed:\n  ${errors.join('\n  ')}`);
}

/** Lower-case letters and digits, so the graph name passes the API's and graph-store's checks. */
export function e2eGraphName(): string {
  return `e2e-${randomBytes(5).toString('hex')}`;
}

export interface Neo4jHooks {
  /** Starts a throw-away Neo4j and sets NEO4J_URI/USER/PASSWORD (the neo4j-local jest setup). */
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

export interface StartOptions {
  log?: (line: string) => void;
  /** How to get a Neo4j when NEO4J_URI is not set. */
  neo4j: Neo4jHooks;
}

/** The newest modification time among apps/web's sources (app/, src/, config files). */
function newestSourceMtime(): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'src']) if (existsSync(path.join(WEB_DIR, dir))) visit(path.join(WEB_DIR, dir));
  for (const file of ['next.config.ts', 'package.json']) {
    const full = path.join(WEB_DIR, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function buildWebIfNeeded(log: (line: string) => void): void {
  const buildId = path.join(WEB_DIR, '.next/BUILD_ID');
  if (existsSync(buildId) && process.env.STEPPE_E2E_REBUILD !== '1') {
    log(`using the existing build of apps/web (${buildId}); set STEPPE_E2E_REBUILD=1 to rebuild`);
    if (newestSourceMtime() > statSync(buildId).mtimeMs) {
      log('WARNING: apps/web has changed since that build; these tests run the old build (STEPPE_E2E_REBUILD=1 rebuilds).');
    }
    return;
  }
  log('building apps/web (next build)…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@steppe/web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

/**
 * Brings up Neo4j (or uses NEO4J_URI), seeds a graph scoped to this run,
 * starts the API and the built web app on free ports and waits for both.
 * On any failure it tears down whatever it had started before rethrowing.
 */
export async function startStack(options: StartOptions): Promise<RunningStack> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[e2e] ${line}\n`));
  const cleanups: Cleanup[] = [];
  try {
    buildWebIfNeeded(log);

    if (process.env.NEO4J_URI) {
      log(`using Neo4j at ${process.env.NEO4J_URI}`);
    } else {
      log('NEO4J_URI is not set: starting a local Neo4j (@steppe/neo4j-local)…');
      await options.neo4j.start();
      cleanups.push({ what: 'local Neo4j', run: options.neo4j.stop });
      if (!process.env.NEO4J_URI) throw new Error('@steppe/neo4j-local started but did not set NEO4J_URI');
      log(`local Neo4j at ${process.env.NEO4J_URI}`);
    }
    const neo4jEnv = {
      NEO4J_URI: process.env.NEO4J_URI,
      NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD,
    };

    const driver = createDriver({ uri: neo4jEnv.NEO4J_URI!, user: neo4jEnv.NEO4J_USER, password: neo4jEnv.NEO4J_PASSWORD });
    cleanups.push({ what: 'Neo4j driver', run: () => driver.close() });
    const graph = e2eGraphName();
    log(`seeding graph "${graph}"…`);
    // Registered before seeding, so a seed that fails half-way is cleaned up too.
    cleanups.push({
      what: `seeded graph "${graph}"`,
      run: async () => {
        try {
          await resetGraph(driver, graph);
        } catch (error) {
          // In a multi-project jest run another project's teardown may already have stopped a
          // throw-away Neo4j (and its data with it); anything else is a real failure.
          if (!isUnavailableError(error)) throw error;
          log(`could not delete graph "${graph}": Neo4j at ${neo4jEnv.NEO4J_URI} no longer answers`);
        }
      },
    });
    const seeded = await seedGraph({ driver, graph });
    log(`seeded ${seeded.counts.entities} entities, ${seeded.counts.relations} relations`);

    const [apiPort, webPort] = [await freePort(), await freePort()];
    const webOrigin = `http://127.0.0.1:${webPort}`;
    const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

    const api: Service = startService('api', 'npx', ['tsx', 'apps/api/src/main.ts'], {
      cwd: REPO_ROOT,
      logsDir: LOGS_DIR,
      env: {
        ...baseEnv,
        ...neo4jEnv,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        STEPPE_GRAPH: graph,
        CORS_ORIGINS: webOrigin,
        LOG_LEVEL: 'warn',
      },
    });
    cleanups.push({ what: `API (pid ${api.pid})`, run: () => api.stop() });

    const web: Service = startService('web', path.join(REPO_ROOT, 'node_modules/.bin/next'), ['start', '-p', String(webPort), '-H', '127.0.0.1'], {
      cwd: WEB_DIR,
      logsDir: LOGS_DIR,
      // Read by app/page.tsx on every request: the built app needs no rebuild for another API.
      env: { ...baseEnv, STEPPE_API_URL: apiUrl, NODE_ENV: 'production' },
    });
    cleanups.push({ what: `web app (pid ${web.pid})`, run: () => web.stop() });

    await waitUntilReady(api, `the API at http://127.0.0.1:${apiPort}/readyz`, () => httpOk(`http://127.0.0.1:${apiPort}/readyz`), 90_000);
    log(`API ready at ${apiUrl}`);
    await waitUntilReady(web, `the web app at ${webOrigin}/`, () => httpOk(`${webOrigin}/`), 60_000);
    log(`web app ready at ${webOrigin}`);

    return { webUrl: webOrigin, apiUrl, graph, cleanups };
  } catch (error) {
    await runCleanups(cleanups, log).catch((cleanupError: Error) => log(cleanupError.message));
    throw error;
  }
}

export async function stopStack(stack: RunningStack, log: (line: string) => void = (l) => process.stderr.write(`[e2e] ${l}\n`)): Promise<void> {
  await runCleanups(stack.cleanups, log);
}
