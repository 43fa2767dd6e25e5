import type { RunningStack } from '@steppe/stack';
import { neo4jLocalHook } from './global-setup';
import { STACK_KEY } from './stack';

type JestConfig = Record<string, unknown>;

export default async function globalTeardown(globalConfig: JestConfig, projectConfig: JestConfig): Promise<void> {
  const stack = (globalThis as Record<string, unknown>)[STACK_KEY] as RunningStack | undefined;
  if (!stack) return;
  delete (globalThis as Record<string, unknown>)[STACK_KEY];
  try {
    await stack.stop();
  } finally {
    // Stops the Neo4j the set-up started (nothing when NEO4J_URI named one).
    await neo4jLocalHook('jest-teardown')(globalConfig, projectConfig);
  }
}
