import type { EdgeDefinition, ElementDefinition, NodeDefinition } from 'cytoscape';
import type { EntityKind, RelationFamily } from '@steppe/domain';
import { edgeId, familyOf, MORE_EDGE_PREFIX, moreNodeId } from '../workspace/ids';
import type { EntitySummary, RelationData } from '../api/types';
import type { GraphState } from '../workspace/state';
import type { CanvasView } from '../workspace/view';
import type { Visibility } from '../workspace/visibility';
import { canvasRelations } from '../workspace/visibility';

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
  return buildElements(Object.values(state.entities), Object.values(state.relations), new Set(Object.keys(state.expansions)));
}

export interface WorkspaceElementOptions {
  /** Element ids on the highlighted path (entity ids and edge ids). */
  highlighted?: ReadonlySet<string>;
}

function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/**
 * The elements for a view: every entity on the canvas and every relation
 * among them. Elements that filters or the analyst hid are still there, with
 * the class `filtered` (drawn with display: none), so clearing a filter gives
 * back the same picture without a new layout. Expansions that held
 * neighbours back get a "+N more" node.
 */
export function workspaceElements(
  data: GraphState,
  view: CanvasView,
  visible: Visibility,
  options: WorkspaceElementOptions = {},
): ElementDefinition[] {
  const highlighted = options.highlighted ?? new Set<string>();
  const pathActive = highlighted.size > 0;
  const pinned = new Set(view.pinned);
  const out: ElementDefinition[] = [];
  for (const id of view.nodes) {
    const entity = data.entities[id];
    if (!entity) continue;
    const node = entityNode(entity, id in view.expansions);
    out.push({
      ...node,
      data: { ...node.data, pinned: pinned.has(id) },
      classes: classNames(
        !visible.nodes.has(id) && 'filtered',
        pinned.has(id) && 'pinned',
        pathActive && (highlighted.has(id) ? 'on-path' : 'off-path'),
      ),
    });
  }
  for (const relation of canvasRelations(data, view)) {
    const edge = relationEdge(relation);
    const id = edge.data.id;
    out.push({
      ...edge,
      data: { ...edge.data, sourceCount: relation.sourceCount },
      classes: classNames(!visible.edges.has(relation.id) && 'filtered', pathActive && (highlighted.has(id) ? 'on-path' : 'off-path')),
    });
  }
  for (const id of view.nodes) {
    const expansion = view.expansions[id];
    if (!expansion || expansion.omitted <= 0 || !visible.nodes.has(id)) continue;
    out.push({
      group: 'nodes',
      data: { id: moreNodeId(id), owner: id, label: `+${expansion.omitted} more` },
      classes: 'more',
    });
    out.push({
      group: 'edges',
      data: { id: MORE_EDGE_PREFIX + id, source: id, target: moreNodeId(id) },
      classes: 'more',
    });
  }
  return out;
}
