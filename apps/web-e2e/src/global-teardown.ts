import { STACK_KEY, stopStack, type RunningStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>)[STACK_KEY] as RunningStack | undefined;
  if (!stack) return;
  delete (globalThis as Record<string, unknown>)[STACK_KEY];
  await stopStack(stack);
}
