import type { Core, ElementDefinition, Position } from 'cytoscape';
import { positionAround } from './layout/fcose';

export interface SyncResult {
  /** Ids of the nodes that were not on the canvas before. */
  addedNodes: string[];
  addedEdges: string[];
  removed: string[];
  /** Elements whose data changed (e.g. a node that became expanded). */
  updated: string[];
  /** Added nodes put back where they were when they left the canvas (undo, redo, back). */
  restored: string[];
}

function classesOf(def: ElementDefinition): string {
  const c = def.classes;
  const list = Array.isArray(c) ? c : typeof c === 'string' ? c.split(/\s+/) : [];
  return list.filter(Boolean).sort().join(' ');
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
export function syncElements(
  cy: Core,
  elements: readonly ElementDefinition[],
  options: { anchor?: string | null; remembered?: Map<string, Position> } = {},
): SyncResult {
  const result: SyncResult = { addedNodes: [], addedEdges: [], removed: [], updated: [], restored: [] };
  const remembered = options.remembered;
  const wanted = new Map<string, ElementDefinition>();
  for (const def of elements) {
    const id = def.data.id;
    if (typeof id !== 'string' || !id) throw new Error('Every element needs a string id.');
    wanted.set(id, def);
  }

  cy.batch(() => {
    const stale = cy.elements().filter((el) => !wanted.has(el.id()));
    result.removed = stale.map((el) => el.id());
    if (remembered) stale.nodes().forEach((node) => void remembered.set(node.id(), { ...node.position() }));
    stale.remove();

    const anchor = options.anchor ? cy.getElementById(options.anchor) : undefined;
    const newNodes: ElementDefinition[] = [];
    const newEdges: ElementDefinition[] = [];
    for (const [id, def] of wanted) {
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        let changed = false;
        if (!sameData(existing.data() as Record<string, unknown>, def.data as Record<string, unknown>)) {
          existing.data(def.data);
          changed = true;
        }
        const classes = classesOf(def);
        if ([...existing.classes()].sort().join(' ') !== classes) {
          existing.classes(classes);
          changed = true;
        }
        if (changed) result.updated.push(id);
      } else if (def.group === 'edges' || 'source' in def.data) {
        newEdges.push(def);
      } else {
        newNodes.push(def);
      }
    }
    const placed = newNodes.map((def, i) => {
      const id = def.data.id as string;
      const before = remembered?.get(id);
      if (before && !def.position) {
        result.restored.push(id);
        return { ...def, position: before };
      }
      return anchor && anchor.nonempty() && anchor.isNode() && !def.position
        ? { ...def, position: positionAround(anchor, i, newNodes.length) }
        : def;
    });
    cy.add(placed);
    // An edge whose endpoint is missing would make Cytoscape throw; skip it.
    cy.add(newEdges.filter((def) => cy.getElementById(def.data.source).nonempty() && cy.getElementById(def.data.target).nonempty()));
    result.addedNodes = placed.map((def) => def.data.id as string);
    result.addedEdges = newEdges.map((def) => def.data.id as string).filter((id) => cy.getElementById(id).nonempty());
  });
  return result;
}
