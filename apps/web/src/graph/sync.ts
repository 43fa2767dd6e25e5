import type { Core, ElementDefinition } from 'cytoscape';
import { positionAround } from './layout';

export interface SyncResult {
  /** Ids of the nodes that were not on the canvas before. */
  addedNodes: string[];
  addedEdges: string[];
  removed: string[];
  /** Elements whose data changed (e.g. a node that became expanded). */
  updated: string[];
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Makes the canvas hold exactly `elements`: adds what is missing, updates the
 * data of what changed and removes what is gone, in one batch. Existing nodes
 * keep their positions; new nodes start around `anchor` (when it is on the
 * canvas) so that a following layout only has to refine.
 */
export function syncElements(cy: Core, elements: readonly ElementDefinition[], options: { anchor?: string | null } = {}): SyncResult {
  const result: SyncResult = { addedNodes: [], addedEdges: [], removed: [], updated: [] };
  const wanted = new Map<string, ElementDefinition>();
  for (const def of elements) {
    const id = def.data.id;
    if (typeof id !== 'string' || !id) throw new Error('Every element needs a string id.');
    wanted.set(id, def);
  }

  cy.batch(() => {
    const stale = cy.elements().filter((el) => !wanted.has(el.id()));
    result.removed = stale.map((el) => el.id());
    stale.remove();

    const anchor = options.anchor ? cy.getElementById(options.anchor) : undefined;
    const newNodes: ElementDefinition[] = [];
    const newEdges: ElementDefinition[] = [];
    for (const [id, def] of wanted) {
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        if (!sameData(existing.data() as Record<string, unknown>, def.data as Record<string, unknown>)) {
          existing.data(def.data);
          result.updated.push(id);
        }
      } else if (def.group === 'edges' || 'source' in def.data) {
        newEdges.push(def);
      } else {
        newNodes.push(def);
      }
    }
    const placed = newNodes.map((def, i) =>
      anchor && anchor.nonempty() && anchor.isNode() && !def.position
        ? { ...def, position: positionAround(anchor, i, newNodes.length) }
        : def,
    );
    cy.add(placed);
    // An edge whose endpoint is missing would make Cytoscape throw; skip it.
    cy.add(newEdges.filter((def) => cy.getElementById(def.data.source).nonempty() && cy.getElementById(def.data.target).nonempty()));
    result.addedNodes = placed.map((def) => def.data.id as string);
    result.addedEdges = newEdges.map((def) => def.data.id as string).filter((id) => cy.getElementById(id).nonempty());
  });
  return result;
}
