import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '@steppe/neo4j-local';
import { provideNeo4j, type Neo4jHandle, type Neo4jOptions } from './neo4j';
import { repoPath, REPO_ROOT } from './paths';
import { isPortInUse, prefixer, runStep, startService, waitUntilReady, type Service, type ServiceOutput } from './processes';

/*
 * The one stack orchestrator. `npm start` (up.ts), `npm test` (test-run.ts provides its
 * Neo4j) and the browser tests' global set-up (apps/web-e2e) all bring Steppe up through
 * startStack: Neo4j (yours from NEO4J_URI, or a local one), the graph seeded by the
 * seeder's own CLI (the command users run), the API and the web app, each in its own
 * process group; stop() takes them down in reverse order and waits until every process
 * of every group is gone.
 */

export interface StackOptions {
  /** Logical graph to seed and serve. */
  graph: string;
  /** Ports of the API and the web app; 0 picks a free one. */
  apiPort: number;
  webPort: number;
  /** The address the API and the web app listen on (HOST, next -H), e.g. 127.0.0.1. */
  host: string;
  /** The host name in the URLs the stack prints and the browser uses (default: `host`). */
  urlHost?: string;
  /** `start` serves the production build, `dev` runs `next dev` (hot reload). */
  web: 'start' | 'dev';
  /** Build apps/web first when it has no production build (`start` only). */
  buildIfMissing?: boolean;
  /** How to get a local Neo4j when NEO4J_URI is not set. */
  neo4j: Neo4jOptions;
  /** Where the services' output goes. */
  output: ServiceOutput;
  /** Progress lines of the orchestrator itself. */
  log?: (line: string) => void;
  /** Extra environment of the API process (e.g. LOG_LEVEL). */
  apiEnv?: NodeJS.ProcessEnv;
  /** Runs when the stack stops, after the services and before Neo4j (e.g. deleting a test's graph). */
  beforeNeo4jStops?: (neo4j: Neo4jHandle) => Promise<void>;
}

export interface RunningStack {
  graph: string;
  webUrl: string;
  apiUrl: string;
  neo4j: Neo4jHandle;
  services: Service[];
  /** Stops everything that was started, in reverse order; errors are collected and thrown together at the end. */
  stop(): Promise<void>;
}

type Cleanup = { what: string; run: () => Promise<void> };

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
  if (errors.length > 0) throw new Error(`Stopping the stack failed:\n  ${errors.join('\n  ')}`);
}

const WEB_DIR = repoPath('apps', 'web');

/** The newest modification time among apps/web's sources (app/, src/, config files). */
function newestWebSourceMtime(): number {
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

/** Builds apps/web unless it has a production build (STEPPE_E2E_REBUILD=1 forces a build). */
export function buildWebIfNeeded(log: (line: string) => void): void {
  const buildId = path.join(WEB_DIR, '.next/BUILD_ID');
  if (existsSync(buildId) && process.env.STEPPE_E2E_REBUILD !== '1') {
    log(`using the existing build of apps/web (${buildId}); set STEPPE_E2E_REBUILD=1 to rebuild`);
    if (newestWebSourceMtime() > statSync(buildId).mtimeMs) {
      log('WARNING: apps/web has changed since that build; this stack serves the old build (STEPPE_E2E_REBUILD=1 rebuilds).');
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

/** The environment that points a process at a Neo4j. */
export function neo4jEnv(neo4j: Neo4jHandle): NodeJS.ProcessEnv {
  return { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password ?? '' };
}

/**
 * Brings up Neo4j (or uses NEO4J_URI), seeds the graph, starts the API and the
 * web app and waits for both. On any failure it stops whatever it had started
 * before rethrowing.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[stack] ${line}\n`));
  const cleanups: Cleanup[] = [];
  const services: Service[] = [];
  try {
    for (const [what, port] of [
      ['API', options.apiPort],
      ['web app', options.webPort],
    ] as const) {
      if (port !== 0 && (await isPortInUse(port)))
        throw new Error(
          `Port ${port} (for the ${what}) is already in use: stop whatever listens there, or choose another port (npm start: STEPPE_API_PORT, STEPPE_WEB_PORT).`,
        );
    }
    if (options.web === 'start' && options.buildIfMissing) buildWebIfNeeded(log);

    const neo4jLog = options.output.kind === 'prefixed' ? prefixer('neo4j') : undefined;
    const neo4j = await provideNeo4j(options.neo4j, (line) => (neo4jLog ? neo4jLog(line + '\n') : log(`neo4j: ${line}`)));
    if (neo4j.local) cleanups.push({ what: `local Neo4j (${neo4j.uri})`, run: () => neo4j.stop() });
    log(`Neo4j at ${neo4j.uri}${neo4j.local ? ' (local, started here)' : ' (from NEO4J_URI)'}`);
    if (options.beforeNeo4jStops) {
      // Registered before seeding, so that a seed that fails half-way is cleaned up too.
      const hook = options.beforeNeo4jStops;
      cleanups.push({ what: `graph "${options.graph}"`, run: () => hook(neo4j) });
    }

    const baseEnv: NodeJS.ProcessEnv = { ...process.env, ...neo4jEnv(neo4j), NEXT_TELEMETRY_DISABLED: '1' };
    const seeded = await runStep('seed', process.execPath, [repoPath('graph-seed', 'bin', 'steppe-seed.js'), '--graph', options.graph], {
      cwd: REPO_ROOT,
      env: baseEnv,
      output: options.output,
    });
    if (seeded !== 0)
      throw new Error(
        `Seeding graph "${options.graph}" failed (exit ${seeded}); see the seeder's output${options.output.kind === 'files' ? ` in ${options.output.dir}` : ' above'}.`,
      );
    log(`graph "${options.graph}" seeded`);

    const apiPort = options.apiPort || (await findFreePort());
    const webPort = options.webPort || (await findFreePort());
    const urlHost = options.urlHost ?? options.host;
    const webUrl = `http://${urlHost}:${webPort}`;
    const apiUrl = `http://${urlHost}:${apiPort}/graphql`;
    const api = startService('api', repoPath('node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      cwd: repoPath('apps', 'api'),
      output: options.output,
      env: {
        ...baseEnv,
        ...options.apiEnv,
        PORT: String(apiPort),
        HOST: options.host,
        STEPPE_GRAPH: options.graph,
        CORS_ORIGINS: [...new Set([webUrl, `http://localhost:${webPort}`, `http://127.0.0.1:${webPort}`])].join(','),
      },
    });
    services.push(api);
    cleanups.push({ what: `API (pid ${api.pid})`, run: () => api.stop() });
    log(`started the API (pid ${api.pid})`);

    const web = startService(
      'web',
      repoPath('node_modules', '.bin', 'next'),
      [options.web, '-p', String(webPort), '-H', options.host],
      // STEPPE_API_URL is read by app/page.tsx on every request: the built app needs no rebuild for another API.
      {
        cwd: WEB_DIR,
        output: options.output,
        env: { ...baseEnv, STEPPE_API_URL: apiUrl, ...(options.web === 'start' ? { NODE_ENV: 'production' } : {}) },
      },
    );
    services.push(web);
    cleanups.push({ what: `web app (pid ${web.pid})`, run: () => web.stop() });
    log(`started the web app (pid ${web.pid})`);

    // Probed where they listen (loopback when they listen on every interface).
    const probeHost = ['0.0.0.0', '::'].includes(options.host) ? '127.0.0.1' : options.host;
    await waitUntilReady(api, `http://${probeHost}:${apiPort}/readyz`, 90_000);
    log(`API ready at ${apiUrl}`);
    await waitUntilReady(web, `http://${probeHost}:${webPort}/`, 120_000);
    log(`web app ready at ${webUrl}`);

    return { graph: options.graph, webUrl, apiUrl, neo4j, services, stop: () => runCleanups(cleanups, log) };
  } catch (error) {
    await runCleanups(cleanups, log).catch((cleanupError: Error) => log(cleanupError.message));
    throw error;
  }
}
