import type { GraphState } from '../workspace/state';
import { relationIdOf } from '../workspace/ids';
import type { CanvasView } from '../workspace/view';
import { canvasRelations, type Visibility } from '../workspace/visibility';

/**
 * What an export holds. "view": the entities and relations the canvas shows
 * (filtered and hidden ones left out). "selection": the selected entities,
 * the two ends of each selected relation, and the visible relations among
 * them.
 */
export type ScopeKind = 'view' | 'selection';

export interface ExportScope {
  kind: ScopeKind;
  /** Entity ids, in the order they arrived on the canvas. */
  entityIds: string[];
  /** Relation ids drawn among them (what a picture shows). */
  relationIds: string[];
}

export function exportScope(
  kind: ScopeKind,
  data: GraphState,
  view: CanvasView,
  visible: Visibility,
  selection: readonly string[],
): ExportScope {
  let wanted: Set<string>;
  if (kind === 'view') {
    wanted = new Set(visible.nodes);
  } else {
    wanted = new Set();
    for (const id of selection) {
      const relationId = relationIdOf(id);
      if (relationId === null) {
        if (visible.nodes.has(id)) wanted.add(id);
        continue;
      }
      const r = data.relations[relationId];
      if (!r || !visible.edges.has(relationId)) continue;
      wanted.add(r.from.id);
      wanted.add(r.to.id);
    }
  }
  const entityIds = view.nodes.filter((id) => wanted.has(id));
  const relationIds = canvasRelations(data, view)
    .filter((r) => visible.edges.has(r.id) && wanted.has(r.from.id) && wanted.has(r.to.id))
    .map((r) => r.id);
  return { kind, entityIds, relationIds };
}

/** The scope the dialog opens with: the selection when there is one, else the view. */
export function defaultScopeKind(selection: readonly string[]): ScopeKind {
  return selection.length > 0 ? 'selection' : 'view';
}

/**
 * The scope's entities the API can export: imported entities that the API's
 * graph does not hold are left out of reports and data files (pictures, drawn
 * from the canvas, keep them).
 */
export function apiScope(scope: ExportScope, fileOnly: ReadonlySet<string>): { scope: ExportScope; left: string[] } {
  if (fileOnly.size === 0) return { scope, left: [] };
  const left = scope.entityIds.filter((id) => fileOnly.has(id));
  if (left.length === 0) return { scope, left };
  return { scope: { ...scope, entityIds: scope.entityIds.filter((id) => !fileOnly.has(id)) }, left };
}
