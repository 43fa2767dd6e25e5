import { ENTITY_KIND_INFO, ENTITY_KINDS, type EntityKind, type EntityKindInfo } from '@steppe/domain';
import type { SearchHit } from '../api/types';

export interface HitGroup {
  kind: EntityKind;
  info: EntityKindInfo;
  hits: SearchHit[];
}

/**
 * Search hits grouped by kind, in the vocabulary's kind order, each group
 * keeping the API's relevance order. Empty groups are left out.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  return ENTITY_KINDS.map((kind) => ({
    kind,
    info: ENTITY_KIND_INFO[kind],
    hits: hits.filter((h) => h.kind === kind),
  })).filter((g) => g.hits.length > 0);
}

/** The hits in the order the listbox shows them (for arrow-key navigation). */
export function flattenGroups(groups: readonly HitGroup[]): SearchHit[] {
  return groups.flatMap((g) => g.hits);
}

/** The next option index for an arrow key, wrapping around; -1 means none. */
export function moveActive(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
