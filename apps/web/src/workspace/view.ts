import type { Direction } from '../api/queries';
import { NO_FILTERS, normaliseFilters, sameFilters, type Filters } from './filters';

/** The layouts the canvas offers; fcose is the default. */
export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const LAYOUT_LABELS: Readonly<Record<LayoutName, string>> = {
  fcose: 'Force-directed',
  concentric: 'Concentric',
  breadthfirst: 'Hierarchical',
  grid: 'Grid',
};

export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (LAYOUT_NAMES as readonly string[]).includes(value);
}

/** How far an entity has been expanded, so that "N more" can fetch the next batch. */
export interface ExpansionState {
  /** The `limit` the last neighbourhood request used (start entity included). */
  limit: number;
  /** Neighbours the limit held back. */
  omitted: number;
  /** Only these relation types were followed (null: all). */
  types: string[] | null;
  direction: Direction;
}

/**
 * What the canvas shows: one snapshot in the undo history. Data (entities,
 * relations, evidence) lives elsewhere, in a cache that undo never touches;
 * the view only says which of it is on the canvas and how.
 */
export interface CanvasView {
  /** Entity ids on the canvas, in the order they arrived. Relations among them are drawn. */
  nodes: readonly string[];
  /** Element ids hidden by hand: entity ids and edge ids (`relation:<id>`). */
  hidden: readonly string[];
  /** Entity ids that layouts leave where they are. */
  pinned: readonly string[];
  expansions: Readonly<Record<string, ExpansionState>>;
  layout: LayoutName;
  filters: Filters;
}

export const EMPTY_VIEW: CanvasView = {
  nodes: [],
  hidden: [],
  pinned: [],
  expansions: {},
  layout: 'fcose',
  filters: NO_FILTERS,
};

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Each operation returns the view itself when nothing changes, so no empty undo step is recorded. */
export function addNodes(view: CanvasView, ids: readonly string[]): CanvasView {
  const known = new Set(view.nodes);
  const fresh = [...new Set(ids)].filter((id) => !known.has(id));
  const hidden = view.hidden.filter((id) => !ids.includes(id));
  if (fresh.length === 0 && hidden.length === view.hidden.length) return view;
  return { ...view, nodes: [...view.nodes, ...fresh], hidden };
}

export function removeNodes(view: CanvasView, ids: readonly string[]): CanvasView {
  const gone = new Set(ids);
  const nodes = view.nodes.filter((id) => !gone.has(id));
  if (nodes.length === view.nodes.length) return view;
  const expansions = Object.fromEntries(Object.entries(view.expansions).filter(([id]) => !gone.has(id)));
  return {
    ...view,
    nodes,
    hidden: view.hidden.filter((id) => !gone.has(id)),
    pinned: view.pinned.filter((id) => !gone.has(id)),
    expansions,
  };
}

/** Keeps only these entities on the canvas. */
export function keepOnly(view: CanvasView, ids: readonly string[]): CanvasView {
  const keep = new Set(ids);
  return removeNodes(
    view,
    view.nodes.filter((id) => !keep.has(id)),
  );
}

export function hide(view: CanvasView, elementIds: readonly string[]): CanvasView {
  const fresh = [...new Set(elementIds)].filter((id) => !view.hidden.includes(id));
  if (fresh.length === 0) return view;
  return { ...view, hidden: [...view.hidden, ...fresh] };
}

export function showHidden(view: CanvasView): CanvasView {
  return view.hidden.length === 0 ? view : { ...view, hidden: [] };
}

export function setPinned(view: CanvasView, ids: readonly string[], pinned: boolean): CanvasView {
  const onCanvas = ids.filter((id) => view.nodes.includes(id));
  const next = pinned
    ? [...view.pinned, ...onCanvas.filter((id) => !view.pinned.includes(id))]
    : view.pinned.filter((id) => !onCanvas.includes(id));
  return same(next, view.pinned) ? view : { ...view, pinned: next };
}

export function setLayout(view: CanvasView, layout: LayoutName): CanvasView {
  return view.layout === layout ? view : { ...view, layout };
}

export function setFilters(view: CanvasView, filters: Filters): CanvasView {
  const next = normaliseFilters(filters);
  return sameFilters(next, view.filters) ? view : { ...view, filters: next };
}

export function setExpansion(view: CanvasView, id: string, expansion: ExpansionState): CanvasView {
  return { ...view, expansions: { ...view.expansions, [id]: expansion } };
}

/**
 * Whether `next` differs from `previous` only in its filters. Filter changes
 * replace the browser-history entry instead of adding one: stepping back
 * through fifty filter tweaks is not what Back is for.
 */
export function onlyFiltersChanged(previous: CanvasView, next: CanvasView): boolean {
  if (previous === next || previous.filters === next.filters) return false;
  return (
    same(previous.nodes, next.nodes) &&
    same(previous.hidden, next.hidden) &&
    same(previous.pinned, next.pinned) &&
    previous.layout === next.layout &&
    same(Object.keys(previous.expansions).sort(), Object.keys(next.expansions).sort())
  );
}
