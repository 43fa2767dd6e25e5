import { STACK_ENV, STACK_KEY, startStack, type RunningStack } from './stack';

type JestConfig = Record<string, unknown>;
type JestHook = (globalConfig: JestConfig, projectConfig: JestConfig) => Promise<void> | void;

function neo4jLocalHook(name: 'jest-setup' | 'jest-teardown'): JestHook {
  let mod: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(`@steppe/neo4j-local/${name}`);
  } catch (error) {
    throw new Error(
      `NEO4J_URI is not set and @steppe/neo4j-local/${name} could not be loaded (${(error as Error).message}). ` +
        'Point NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) at a Neo4j 5 to run the e2e tests.',
    );
  }
  const hook = (typeof mod === 'function' ? mod : (mod as { default?: unknown }).default) as JestHook | undefined;
  if (typeof hook !== 'function') throw new Error(`@steppe/neo4j-local/${name} does not export a function`);
  return hook;
}

export default async function globalSetup(globalConfig: JestConfig, projectConfig: JestConfig): Promise<void> {
  // A stack that is already running (e.g. a developer's `next dev` + API): use it as is, start and stop nothing.
  if (process.env[STACK_ENV.webUrl] && process.env[STACK_ENV.apiUrl] && process.env[STACK_ENV.graph]) {
    process.stderr.write(`[e2e] using the running stack at ${process.env[STACK_ENV.webUrl]} (API ${process.env[STACK_ENV.apiUrl]})\n`);
    return;
  }
  const stack = await startStack({
    neo4j: {
      start: async () => neo4jLocalHook('jest-setup')(globalConfig, projectConfig),
      stop: async () => neo4jLocalHook('jest-teardown')(globalConfig, projectConfig),
    },
  });
  (globalThis as Record<string, unknown>)[STACK_KEY] = stack satisfies RunningStack;
  // Test workers start after this and inherit the environment.
  process.env[STACK_ENV.webUrl] = stack.webUrl;
  process.env[STACK_ENV.apiUrl] = stack.apiUrl;
  process.env[STACK_ENV.graph] = stack.graph;
}
