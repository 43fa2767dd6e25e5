import { randomBytes } from 'node:crypto';
import { createDriver, isUnavailableError, resetGraph } from '@steppe/graph-store';
import { startStack, type RunningStack } from '@steppe/stack';
import { LOGS_DIR } from './paths';

/**
 * The browser tests run against the stack `npm start` brings up, through the same
 * orchestrator (@steppe/stack's startStack): here with a graph of their own, free
 * ports on 127.0.0.1, the services' logs in artifacts/logs, and the graph deleted
 * when the stack stops.
 */

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
    throw new Error(
      'The e2e stack is not running: run these tests through jest (apps/web-e2e/jest.config.js), whose global setup starts it.',
    );
  }
  return { webUrl, apiUrl, graph };
}

/** Lower-case letters and digits, so the graph name passes the API's and graph-store's checks. */
export function e2eGraphName(): string {
  return `e2e-${randomBytes(5).toString('hex')}`;
}

const log = (line: string) => process.stderr.write(`[e2e] ${line}\n`);

/** Starts the stack for one browser-test run; on failure, whatever had started is stopped. */
export function startE2eStack(): Promise<RunningStack> {
  const graph = e2eGraphName();
  return startStack({
    graph,
    apiPort: 0,
    webPort: 0,
    host: '127.0.0.1',
    web: 'start',
    buildIfMissing: true,
    // The global set-up has provided NEO4J_URI (the run's Neo4j); a throw-away one otherwise.
    neo4j: { port: 0 },
    output: { kind: 'files', dir: LOGS_DIR },
    apiEnv: { LOG_LEVEL: 'warn', NO_COLOR: '1', FORCE_COLOR: '0' },
    log,
    beforeNeo4jStops: async (neo4j) => {
      const driver = createDriver(neo4j);
      try {
        await resetGraph(driver, graph);
      } catch (error) {
        // In a multi-project jest run another project's teardown may already have stopped a
        // throw-away Neo4j (and its data with it); anything else is a real failure.
        if (!isUnavailableError(error)) throw error;
        log(`could not delete graph "${graph}": Neo4j at ${neo4j.uri} no longer answers`);
      } finally {
        await driver.close();
      }
    },
  });
}
