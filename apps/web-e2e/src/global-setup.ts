import type { RunningStack } from '@steppe/stack';
import { STACK_ENV, STACK_KEY, startE2eStack } from './stack';

type JestConfig = Record<string, unknown>;
type JestHook = (globalConfig: JestConfig, projectConfig: JestConfig) => Promise<void> | void;

/** neo4j-local's jest hooks: the one Neo4j of a jest run, shared with the other projects of the run. */
export function neo4jLocalHook(name: 'jest-setup' | 'jest-teardown'): JestHook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(`@steppe/neo4j-local/${name}`) as JestHook | { default: JestHook };
  return typeof mod === 'function' ? mod : mod.default;
}

export default async function globalSetup(globalConfig: JestConfig, projectConfig: JestConfig): Promise<void> {
  // A stack that is already running (e.g. a developer's `next dev` + API): use it as is, start and stop nothing.
  if (process.env[STACK_ENV.webUrl] && process.env[STACK_ENV.apiUrl] && process.env[STACK_ENV.graph]) {
    process.stderr.write(`[e2e] using the running stack at ${process.env[STACK_ENV.webUrl]} (API ${process.env[STACK_ENV.apiUrl]})\n`);
    return;
  }
  // Without NEO4J_URI (`npm test` sets it), the run's one Neo4j, as every other project of a jest run gets it.
  await neo4jLocalHook('jest-setup')(globalConfig, projectConfig);
  const stack = await startE2eStack();
  (globalThis as Record<string, unknown>)[STACK_KEY] = stack satisfies RunningStack;
  // Test workers start after this and inherit the environment.
  process.env[STACK_ENV.webUrl] = stack.webUrl;
  process.env[STACK_ENV.apiUrl] = stack.apiUrl;
  process.env[STACK_ENV.graph] = stack.graph;
}
