import { isRelationType, type RelationType } from '@steppe/domain';

export type Direction = 'OUT' | 'IN' | 'BOTH';

/**
 * Relationship-type alternation (":A|B") for a pattern. Types cannot be Cypher
 * parameters, so they are checked against the vocabulary here and only then
 * written into the query text.
 */
export function relTypeAlternation(types: readonly string[] | undefined): string {
  if (!types || types.length === 0) return '';
  for (const t of types) {
    if (!isRelationType(t)) throw new Error(`Unknown relation type "${t}"`);
  }
  return ':' + [...new Set(types as RelationType[])].join('|');
}

/** The relationship part of a one-hop pattern from `n` to `m`, e.g. "-[r:A|B]->". */
export function hopPattern(direction: Direction, types: readonly string[] | undefined, variable = 'r'): string {
  const rel = `[${variable}${relTypeAlternation(types)}]`;
  switch (direction) {
    case 'OUT':
      return `-${rel}->`;
    case 'IN':
      return `<-${rel}-`;
    case 'BOTH':
      return `-${rel}-`;
  }
}

/** Projection that returns a relationship as a plain map with its type and endpoint ids. */
export const RELATION_PROJECTION = 'r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}';
