/**
 * Which way a relation runs relative to the entity it is asked from. Defined once:
 * the store's hop patterns, the API's `Direction` enum (a test checks the SDL
 * against this list) and the explorer's queries all use it.
 */
export const DIRECTIONS = ['OUT', 'IN', 'BOTH'] as const;

export type Direction = (typeof DIRECTIONS)[number];

export function isDirection(value: string): value is Direction {
  return (DIRECTIONS as readonly string[]).includes(value);
}
