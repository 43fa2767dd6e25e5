import type { EntityDetail, EntitySummary, Neighbourhood, RelationData } from '../api/types';

/** How much of an entity's neighbourhood the canvas holds. */
export interface Expansion {
  /** Relations of this entity loaded so far (across pages). */
  loaded: number;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Everything the explorer has fetched: entities, relations (with evidence) and
 * which entities have had their neighbours loaded. Immutable: every update
 * returns a new state, so it can live in React state as is.
 */
export interface GraphState {
  entities: Readonly<Record<string, EntitySummary | EntityDetail>>;
  relations: Readonly<Record<string, RelationData>>;
  expansions: Readonly<Record<string, Expansion>>;
}

export const EMPTY_GRAPH: GraphState = { entities: {}, relations: {}, expansions: {} };

export function isDetailed(entity: EntitySummary | EntityDetail | undefined): entity is EntityDetail {
  return entity !== undefined && 'facts' in entity;
}

/** A fuller record never gives way to a thinner one for the same entity. */
function mergeEntity(
  existing: EntitySummary | EntityDetail | undefined,
  incoming: EntitySummary | EntityDetail,
): EntitySummary | EntityDetail {
  if (!existing) return incoming;
  if (isDetailed(incoming)) return incoming;
  if (isDetailed(existing)) return { ...incoming, facts: existing.facts };
  return incoming;
}

/** Adds an entity and one page of its relations (and their endpoints) to the graph. */
export function addNeighbourhood(state: GraphState, n: Neighbourhood): GraphState {
  const entities: Record<string, EntitySummary | EntityDetail> = { ...state.entities };
  const relations: Record<string, RelationData> = { ...state.relations };
  for (const relation of n.relations) {
    entities[relation.from.id] = mergeEntity(entities[relation.from.id], relation.from);
    entities[relation.to.id] = mergeEntity(entities[relation.to.id], relation.to);
    relations[relation.id] = relation;
  }
  entities[n.entity.id] = mergeEntity(entities[n.entity.id], n.entity);
  const previous = state.expansions[n.entity.id];
  const expansions = {
    ...state.expansions,
    [n.entity.id]: {
      loaded: (previous?.loaded ?? 0) + n.relations.length,
      totalCount: n.totalCount,
      hasNextPage: n.hasNextPage,
      endCursor: n.endCursor,
    },
  };
  return { entities, relations, expansions };
}

/** The relations on the canvas that start or end at an entity, grouped as the panel lists them. */
export function relationsOf(state: GraphState, entityId: string): RelationData[] {
  return Object.values(state.relations)
    .filter((r) => r.from.id === entityId || r.to.id === entityId)
    .sort((a, b) => a.label.localeCompare(b.label) || otherName(a, entityId).localeCompare(otherName(b, entityId)));
}

function otherName(r: RelationData, entityId: string): string {
  return r.from.id === entityId ? r.to.name : r.from.name;
}

export function entityCount(state: GraphState): number {
  return Object.keys(state.entities).length;
}

/**
 * Adds entities and relations (with their endpoints) to what is known. A
 * fuller entity record is never replaced by a thinner one. Returns the state
 * itself when nothing was given.
 */
export function mergeData(
  state: GraphState,
  entities: readonly (EntitySummary | EntityDetail)[],
  relations: readonly RelationData[],
): GraphState {
  if (entities.length === 0 && relations.length === 0) return state;
  const nextEntities: Record<string, EntitySummary | EntityDetail> = { ...state.entities };
  const nextRelations: Record<string, RelationData> = { ...state.relations };
  for (const relation of relations) {
    nextEntities[relation.from.id] = mergeEntity(nextEntities[relation.from.id], relation.from);
    nextEntities[relation.to.id] = mergeEntity(nextEntities[relation.to.id], relation.to);
    nextRelations[relation.id] = relation;
  }
  for (const entity of entities) nextEntities[entity.id] = mergeEntity(nextEntities[entity.id], entity);
  return { ...state, entities: nextEntities, relations: nextRelations };
}
