import type { EdgeDefinition, ElementDefinition, NodeDefinition } from 'cytoscape';
import { relationTypeInfo, type EntityKind, type RelationFamily } from '@steppe/domain';
import type { EntitySummary, RelationData } from '../api/types';
import type { GraphState } from './state';

/**
 * API data → Cytoscape element definitions. Node ids are entity ids; edge ids
 * are prefixed (`relation:<id>`) because Cytoscape needs ids unique across
 * nodes and edges, and entity and relation slugs share one namespace.
 */

export interface EntityNodeData {
  id: string;
  entityId: string;
  label: string;
  kind: EntityKind;
  /** Whether the entity's neighbours have been loaded. */
  expanded: boolean;
  [key: string]: unknown;
}

export interface RelationEdgeData {
  id: string;
  relationId: string;
  source: string;
  target: string;
  label: string;
  type: string;
  /** Style family from the vocabulary; null for a type this build does not know. */
  family: RelationFamily | null;
  stance: string;
  contested: boolean;
  [key: string]: unknown;
}

export const EDGE_ID_PREFIX = 'relation:';

export function edgeId(relationId: string): string {
  return EDGE_ID_PREFIX + relationId;
}

/** The relation id behind an edge id, or null when the id is not an edge's. */
export function relationIdOf(elementId: string): string | null {
  return elementId.startsWith(EDGE_ID_PREFIX) ? elementId.slice(EDGE_ID_PREFIX.length) : null;
}

export function familyOf(type: string): RelationFamily | null {
  try {
    return relationTypeInfo(type).family;
  } catch {
    return null;
  }
}

export function entityNode(entity: EntitySummary, expanded = false): NodeDefinition & { data: EntityNodeData } {
  return {
    group: 'nodes',
    data: { id: entity.id, entityId: entity.id, label: entity.name, kind: entity.kind, expanded },
  };
}

export function relationEdge(relation: RelationData): EdgeDefinition & { data: RelationEdgeData } {
  return {
    group: 'edges',
    data: {
      id: edgeId(relation.id),
      relationId: relation.id,
      source: relation.from.id,
      target: relation.to.id,
      label: relation.label,
      type: relation.type,
      family: familyOf(relation.type),
      stance: relation.stance,
      contested: relation.contested,
    },
  };
}

/**
 * Element definitions for entities and relations, de-duplicated by id (the
 * last definition of an id wins; an entity passed explicitly beats the copy
 * embedded in a relation), nodes before edges, and every relation's endpoints
 * present as nodes even when they were not passed as entities.
 */
export function buildElements(
  entities: Iterable<EntitySummary>,
  relations: Iterable<RelationData>,
  expanded: ReadonlySet<string> = new Set(),
): ElementDefinition[] {
  const nodes = new Map<string, NodeDefinition>();
  const edges = new Map<string, EdgeDefinition>();
  const addNode = (entity: EntitySummary) => nodes.set(entity.id, entityNode(entity, expanded.has(entity.id)));
  for (const entity of entities) addNode(entity);
  for (const relation of relations) {
    if (!nodes.has(relation.from.id)) addNode(relation.from);
    if (!nodes.has(relation.to.id)) addNode(relation.to);
    const edge = relationEdge(relation);
    edges.set(edge.data.id as string, edge);
  }
  return [...nodes.values(), ...edges.values()];
}

/** The elements for everything the explorer holds. */
export function elementsOf(state: GraphState): ElementDefinition[] {
  return buildElements(
    Object.values(state.entities),
    Object.values(state.relations),
    new Set(Object.keys(state.expansions)),
  );
}
