import type { ReadRunner } from './runner';

/**
 * Generations make loads atomic for readers. A logical graph ("steppe") points
 * at one physical generation ("steppe@<stamp>"); every record carries its
 * generation in `graph`. A load writes a new generation beside the active one,
 * flips the pointer in one small transaction, then deletes the old generation.
 * A load killed midway leaves the pointer on the previous generation; the next
 * load removes the abandoned partial one. Readers therefore see either the old
 * graph or the new one, never a mix.
 */

/** Cypher fragment that binds `g` to the active generation of logical graph `$graph`. */
export const ACTIVE_GENERATION = 'MATCH (steppeGraph:SteppeGraph {name: $graph}) WITH steppeGraph.active AS g';

const GRAPH_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function assertGraphName(name: string): void {
  if (!GRAPH_NAME.test(name)) {
    throw new Error(`Invalid graph name "${name}": use 1–63 lowercase letters, digits, "-" or "_", starting with a letter or digit.`);
  }
}

export function newGenerationKey(graph: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.TZ]/g, '');
  const random = Math.random().toString(36).slice(2, 8);
  return `${graph}@${stamp}-${random}`;
}

/** The graph has no active generation: it was never loaded (or was reset). */
export class GraphNotLoadedError extends Error {
  override name = 'GraphNotLoadedError';
}

/** The active generation of logical graph `$graph` (no row when the graph was never loaded). */
export const ACTIVE_GENERATION_LOOKUP = `${ACTIVE_GENERATION} RETURN g AS active`;

/**
 * The active generation of a graph, for readers that pin several statements to one
 * generation (an export); throws GraphNotLoadedError when the graph was never loaded.
 */
export async function activeGeneration(read: ReadRunner, graph: string): Promise<string> {
  const found = await read(ACTIVE_GENERATION_LOOKUP, { graph });
  const active = found[0]?.active;
  if (typeof active !== 'string') throw new GraphNotLoadedError(`Graph "${graph}" has no data: load it with \`npm run seed\`.`);
  return active;
}
