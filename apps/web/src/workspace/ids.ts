import { relationTypeInfo, type RelationFamily } from '@steppe/domain';

/**
 * Element ids shared by the model and the canvas. Entity ids are used as they
 * are; relation ids are prefixed (`relation:<id>`) because Cytoscape needs ids
 * unique across nodes and edges, and entity and relation slugs share one
 * namespace. Pure: no Cytoscape here (see the boundary rule in eslint.config.js).
 */

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

/** Pseudo-elements that stand for neighbours an expansion held back ("+12 more"). */
export const MORE_NODE_PREFIX = 'more:';
export const MORE_EDGE_PREFIX = 'more-edge:';

export function moreNodeId(entityId: string): string {
  return MORE_NODE_PREFIX + entityId;
}

/** The entity a "+N more" node belongs to, or null when the id is not one. */
export function moreOwnerOf(elementId: string): string | null {
  return elementId.startsWith(MORE_NODE_PREFIX) ? elementId.slice(MORE_NODE_PREFIX.length) : null;
}

/** Whether an element id is an entity's (not a relation's or a pseudo-element's). */
export function isEntityElementId(elementId: string): boolean {
  return relationIdOf(elementId) === null && !elementId.startsWith(MORE_NODE_PREFIX) && !elementId.startsWith(MORE_EDGE_PREFIX);
}
