import type { Session } from 'neo4j-driver';

/**
 * The hub index: finding the relations among a set of entities means expanding
 * their relationships, and on a heavy-tailed graph the hubs (entities with
 * thousands of relationships) dominate that work although few of their
 * relationships lead to another hub. So each load records, on every hub of the
 * new generation, the relationships that join it to another hub:
 *
 *   hubNeighbourKeys[i] — element id of the other hub,
 *   hubRelationKeys[i]  — element id of the relationship.
 *
 * A reader then needs to expand only the non-hubs of a set (every relation with
 * a non-hub end is met there) and look up the hub–hub relations by id from these
 * lists. Correct as long as every node that carries the lists has them complete
 * with respect to every other node that carries them; the loader writes them into
 * the new generation before readers are pointed at it, and nothing else writes
 * relationships. A generation loaded without the index simply has no hubs, and
 * readers expand everything as before.
 */

/** Entities with at least this many relationships (each counted once per end) are hubs. */
export const HUB_DEGREE = 500;

/** Node properties of the hub index (storage-only: never part of an entity record). */
export const HUB_NEIGHBOUR_KEYS = 'hubNeighbourKeys';
export const HUB_RELATION_KEYS = 'hubRelationKeys';

/** Hubs written per transaction (each reads its hub's relationships once). */
const HUBS_PER_TRANSACTION = 20;

/** The ids of the entities with at least `threshold` relationships, in first-seen order. */
export function findHubs(relations: readonly { from: string; to: string }[], threshold = HUB_DEGREE): string[] {
  const degree = new Map<string, number>();
  for (const r of relations) {
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    if (r.to !== r.from) degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  const hubs: string[] = [];
  for (const [id, d] of degree) if (d >= threshold) hubs.push(id);
  return hubs;
}

/**
 * Writes the hub index onto the hubs `$batch` (element ids) of `$generation`: each hub's
 * relationships to the other hubs (`$hubs`, element ids).
 */
export const HUB_INDEX_CYPHER = `UNWIND $batch AS key
         MATCH (h:Entity) WHERE elementId(h) = key AND h.graph = $generation
         CALL (h) {
           MATCH (h)-[r]-(o) WHERE elementId(o) IN $hubs
           WITH DISTINCT r, o
           RETURN collect(elementId(o)) AS neighbours, collect(elementId(r)) AS relationships
         }
         SET h.${HUB_NEIGHBOUR_KEYS} = neighbours, h.${HUB_RELATION_KEYS} = relationships`;

/**
 * Writes the hub index onto the given hub nodes (element ids) of one generation.
 * Each hub's relationships are read once; a relationship joining two hubs is listed
 * on both (a self-loop once, on its hub).
 */
export async function writeHubIndex(
  session: Session,
  generation: string,
  hubKeys: readonly string[],
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  for (let start = 0; start < hubKeys.length; start += HUBS_PER_TRANSACTION) {
    const batch = hubKeys.slice(start, start + HUBS_PER_TRANSACTION);
    await session.executeWrite((tx) => tx.run(HUB_INDEX_CYPHER, { batch, generation, hubs: hubKeys }));
    onProgress(start + batch.length);
  }
}
