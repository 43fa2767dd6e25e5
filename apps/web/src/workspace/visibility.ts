import type { RelationData } from '../api/types';
import { edgeId } from './ids';
import type { GraphState } from './state';
import { relationFiltersActive, relationPasses } from './filters';
import type { CanvasView } from './view';

/** The relations drawn for a view: every cached relation whose two ends are on the canvas. */
export function canvasRelations(data: GraphState, view: CanvasView): RelationData[] {
  const onCanvas = new Set(view.nodes);
  return Object.values(data.relations).filter((r) => onCanvas.has(r.from.id) && onCanvas.has(r.to.id));
}

export interface Visibility {
  /** Entity ids that are drawn. */
  nodes: ReadonlySet<string>;
  /** Relation ids that are drawn. */
  edges: ReadonlySet<string>;
}

/**
 * Which of the canvas's elements are visible under the filters and what was
 * hidden by hand. An entity is hidden when its kind is filtered out or it was
 * hidden; a relation when an end is hidden, it was hidden, or it fails the
 * relation filters. While relation filters are on, an entity left with no
 * visible relation is hidden too, unless the analyst expanded or pinned it
 * (those are what the analyst is looking at) or it never had a relation here.
 */
export function visibility(data: GraphState, view: CanvasView): Visibility {
  const f = view.filters;
  const hidden = new Set(view.hidden);
  const candidates = new Set(
    view.nodes.filter((id) => {
      const entity = data.entities[id];
      return entity !== undefined && !hidden.has(id) && !f.hiddenKinds.includes(entity.kind);
    }),
  );
  const relations = canvasRelations(data, view);
  const edges = new Set<string>();
  const degree = new Map<string, number>();
  for (const r of relations) {
    if (!candidates.has(r.from.id) || !candidates.has(r.to.id)) continue;
    degree.set(r.from.id, (degree.get(r.from.id) ?? 0) + 1);
    degree.set(r.to.id, (degree.get(r.to.id) ?? 0) + 1);
    if (hidden.has(edgeId(r.id)) || !relationPasses(r, f)) continue;
    edges.add(r.id);
  }
  if (!relationFiltersActive(f)) return { nodes: candidates, edges };
  const connected = new Set<string>();
  for (const r of relations) {
    if (edges.has(r.id)) {
      connected.add(r.from.id);
      connected.add(r.to.id);
    }
  }
  const nodes = new Set(
    [...candidates].filter((id) => connected.has(id) || (degree.get(id) ?? 0) === 0 || id in view.expansions || view.pinned.includes(id)),
  );
  return { nodes, edges };
}

/** Entities on the canvas one relation away from the given ones (visible relations only). */
export function neighboursOf(data: GraphState, view: CanvasView, ids: readonly string[], visible: Visibility): string[] {
  const from = new Set(ids);
  const out = new Set<string>();
  for (const r of canvasRelations(data, view)) {
    if (!visible.edges.has(r.id)) continue;
    if (from.has(r.from.id)) out.add(r.to.id);
    if (from.has(r.to.id)) out.add(r.from.id);
  }
  return [...out].filter((id) => !from.has(id) && visible.nodes.has(id));
}
