import { ENTITY_KINDS, type EntityKind } from '@steppe/domain';
import { EXPANSION_BATCH } from '../api/queries';
import { NO_FILTERS, normaliseFilters, type Filters } from './filters';
import { decodeViewport, encodeViewport, packPositions, unpackPositions, type Picture } from './picture';
import { EMPTY_VIEW, isLayoutName, type CanvasView, type ExpansionState } from './view';

/**
 * The view in the address bar, so that a link reproduces it: the entities on
 * the canvas, which were expanded, hidden and pinned, the layout, the filters
 * and the selection, and the picture: every entity's position, the zoom and the pan (see picture.ts).
 *
 *   e   entities on the canvas        x   expanded entities
 *   h   hidden elements               p   pinned entities
 *   l   layout (absent: fcose)        s   selected elements (the last one is shown in the details panel)
 *   hk  hidden kinds                  ht  hidden relation types
 *   ms  minimum sources               from, to   day range (YYYY-MM-DD)
 *   nu  1: hide undated relations while a range is set
 *   pf, pt   the ends of the highlighted paths
 *   pos positions of the entities in e's order (packed)   vp  zoom,panX,panY
 */
export interface UrlState {
  view: CanvasView;
  /** Element ids: entity ids and edge ids (`relation:<id>`). */
  selection: string[];
  /** The ends of the paths highlighted on the canvas. */
  path?: { from: string; to: string } | null;
  /** Where the entities sit and how the canvas is zoomed and panned (absent: the layout places them). */
  picture?: Picture | null;
}

/** Ids are slugs; anything else in the address bar is ignored. */
const ID = /^[\w.:-]{1,200}$/;
const MAX_IDS = 500;

function list(params: URLSearchParams, key: string): string[] {
  const raw = params.get(key);
  if (!raw) return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => ID.test(s)),
    ),
  ].slice(0, MAX_IDS);
}

export function defaultExpansion(): ExpansionState {
  return { limit: 1 + EXPANSION_BATCH, omitted: 0, types: null, direction: 'BOTH' };
}

export function encodeUrlState(state: UrlState): string {
  const { view } = state;
  const params = new URLSearchParams();
  const put = (key: string, values: readonly string[]) => {
    if (values.length > 0) params.set(key, values.join(','));
  };
  put('e', view.nodes);
  put(
    'x',
    view.nodes.filter((id) => id in view.expansions),
  );
  put('h', view.hidden);
  put('p', view.pinned);
  if (view.layout !== EMPTY_VIEW.layout) params.set('l', view.layout);
  const f = view.filters;
  put('hk', f.hiddenKinds);
  put('ht', f.hiddenTypes);
  if (f.minSources > 1) params.set('ms', String(f.minSources));
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (!f.includeUndated) params.set('nu', '1');
  put('s', state.selection);
  if (state.path) {
    params.set('pf', state.path.from);
    params.set('pt', state.path.to);
  }
  if (state.picture && view.nodes.length > 0) {
    const packed = packPositions(view.nodes, state.picture.positions);
    if (packed !== null) {
      params.set('pos', packed);
      params.set('vp', encodeViewport(state.picture));
    }
  }
  return params.toString();
}

export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const nodes = list(params, 'e');
  const onCanvas = new Set(nodes);
  const hidden = list(params, 'h').filter((id) => onCanvas.has(id) || id.startsWith('relation:'));
  const expansions: Record<string, ExpansionState> = {};
  for (const id of list(params, 'x')) if (onCanvas.has(id)) expansions[id] = defaultExpansion();
  const layout = params.get('l');
  const filters: Filters = normaliseFilters({
    hiddenKinds: list(params, 'hk').filter((k): k is EntityKind => (ENTITY_KINDS as readonly string[]).includes(k)),
    hiddenTypes: list(params, 'ht').filter((t) => /^[A-Z_]+$/.test(t)),
    minSources: Number(params.get('ms') ?? NO_FILTERS.minSources) || 1,
    from: params.get('from'),
    to: params.get('to'),
    includeUndated: params.get('nu') !== '1',
  });
  return {
    view: {
      nodes,
      hidden,
      pinned: list(params, 'p').filter((id) => onCanvas.has(id)),
      expansions,
      layout: isLayoutName(layout) ? layout : EMPTY_VIEW.layout,
      filters,
    },
    selection: list(params, 's').filter((id) => onCanvas.has(id) || id.startsWith('relation:')),
    path: pathOf(params),
    picture: pictureOf(params, nodes),
  };
}

function pictureOf(params: URLSearchParams, nodes: readonly string[]): Picture | null {
  const packed = params.get('pos');
  const viewport = decodeViewport(params.get('vp'));
  if (!packed || !viewport || nodes.length === 0) return null;
  const positions = unpackPositions(nodes, packed);
  return positions ? { positions, ...viewport } : null;
}

function pathOf(params: URLSearchParams): { from: string; to: string } | null {
  const from = params.get('pf');
  const to = params.get('pt');
  return from && to && ID.test(from) && ID.test(to) && from !== to ? { from, to } : null;
}
