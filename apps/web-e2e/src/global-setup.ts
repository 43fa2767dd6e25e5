import type { RunningStack } from '@steppe/stack';
import { STACK_ENV, STACK_KEY, startE2eStack } from './stack';

export default async function globalSetup(): Promise<void> {
  // A stack that is already running (e.g. a developer's `next dev` + API): use it as is, start and stop nothing.
  if (process.env[STACK_ENV.webUrl] && process.env[STACK_ENV.apiUrl] && process.env[STACK_ENV.graph]) {
    process.stderr.write(`[e2e] using the running stack at ${process.env[STACK_ENV.webUrl]} (API ${process.env[STACK_ENV.apiUrl]})\n`);
    return;
  }
  const stack = await startE2eStack();
  (globalThis as Record<string, unknown>)[STACK_KEY] = stack satisfies RunningStack;
  // Test workers start after this and inherit the environment.
  process.env[STACK_ENV.webUrl] = stack.webUrl;
  process.env[STACK_ENV.apiUrl] = stack.apiUrl;
  process.env[STACK_ENV.graph] = stack.graph;
}
