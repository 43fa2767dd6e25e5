import DataLoader from 'dataloader';
import type { Access } from './auth';
import type { EntityRecord, GraphStore, Page, RelationRecord, RelationsQuery, SourceRecord } from '@steppe/graph-store';

interface RelationsKey {
  id: string;
  query: RelationsQuery;
}

/**
 * Per-request loaders: every entity, source or relation page a response needs
 * is fetched in one batched query per kind of lookup, however many entities
 * the response holds (no N+1).
 */
export function createLoaders(store: GraphStore) {
  /** Entities this request already holds (from search, neighbourhood, paths …): answered without a promise. */
  const known = new Map<string, EntityRecord>();
  const entity = new DataLoader<string, EntityRecord | null>(async (ids) => {
    const found = await store.entitiesByIds(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  return {
    entity,
    /** Remembers an entity the store returned, for Relation.from/to and later lookups in the same request. */
    remember(e: EntityRecord) {
      known.set(e.id, e);
      entity.prime(e.id, e);
    },
    /** The entity with this id: synchronously when the request already holds it, else batched through `entity`. */
    entityById(id: string): EntityRecord | Promise<EntityRecord | null> {
      return known.get(id) ?? entity.load(id);
    },
    source: new DataLoader<string, SourceRecord | null>(async (ids) => {
      const found = await store.sourcesByIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    relations: new DataLoader<RelationsKey, Page<RelationRecord>, string>(
      async (keys) => {
        // Entities asked with the same arguments share one query.
        const groups = new Map<string, RelationsKey[]>();
        for (const key of keys) {
          const k = JSON.stringify(key.query);
          groups.set(k, [...(groups.get(k) ?? []), key]);
        }
        const results = new Map<string, Page<RelationRecord>>();
        await Promise.all(
          [...groups.entries()].map(async ([queryKey, group]) => {
            const pages = await store.relationsOf(
              group.map((g) => g.id),
              group[0]!.query,
            );
            for (const g of group) results.set(`${g.id}|${queryKey}`, pages.get(g.id) ?? { items: [], totalCount: 0 });
          }),
        );
        return keys.map((k) => results.get(`${k.id}|${JSON.stringify(k.query)}`)!);
      },
      { cacheKeyFn: (key) => `${key.id}|${JSON.stringify(key.query)}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface ApiContext {
  /** The store of the one graph this request may read (chosen by the access decision). */
  store: GraphStore;
  /** Who is calling and which graph it reads. */
  access: Access;
  loaders: Loaders;
}
