import { ENTITY_KIND_INFO } from '@steppe/domain';
import type { RelationData } from '../api/types';
import type { GraphState } from '../workspace/state';
import { formatWhen } from '../lib/format';
import { relationInterval } from '../workspace/filters';
import type { CanvasView } from '../workspace/view';
import { canvasRelations, type Visibility } from '../workspace/visibility';

/** The table view's rows: what the canvas draws, in words, for screen readers and keyboards. */
export interface NodeRow {
  id: string;
  name: string;
  kind: string;
  /** Visible relations on the canvas. */
  relations: number;
  pinned: boolean;
}

export interface EdgeRow {
  id: string;
  from: string;
  label: string;
  to: string;
  /** Human date ("5 January 2022"), '' when undated. */
  when: string;
  /** Sortable date (first day), '' when undated. */
  sortDate: string;
  sources: number;
  stance: string;
  contested: boolean;
}

export function nodeRows(data: GraphState, view: CanvasView, visible: Visibility): NodeRow[] {
  const degree = new Map<string, number>();
  for (const r of canvasRelations(data, view)) {
    if (!visible.edges.has(r.id)) continue;
    degree.set(r.from.id, (degree.get(r.from.id) ?? 0) + 1);
    degree.set(r.to.id, (degree.get(r.to.id) ?? 0) + 1);
  }
  const pinned = new Set(view.pinned);
  return view.nodes
    .filter((id) => visible.nodes.has(id) && data.entities[id])
    .map((id) => {
      const e = data.entities[id]!;
      return { id, name: e.name, kind: ENTITY_KIND_INFO[e.kind].kind, relations: degree.get(id) ?? 0, pinned: pinned.has(id) };
    });
}

export function edgeRow(r: RelationData): EdgeRow {
  return {
    id: r.id,
    from: r.from.name,
    label: r.label,
    to: r.to.name,
    when: formatWhen(r.date, r.startDate, r.endDate),
    sortDate: relationInterval(r)?.start ?? '',
    sources: r.sourceCount,
    stance: r.stance.toLowerCase(),
    contested: r.contested,
  };
}

export function edgeRows(data: GraphState, view: CanvasView, visible: Visibility): EdgeRow[] {
  return canvasRelations(data, view)
    .filter((r) => visible.edges.has(r.id))
    .map(edgeRow);
}

export type SortDirection = 'ascending' | 'descending';
export interface SortOrder<K extends string> {
  key: K;
  direction: SortDirection;
}

/** Sorted copy; strings by locale (empty last), numbers and booleans by value; ties keep their order. */
export function sortRows<R, K extends keyof R & string>(rows: readonly R[], order: SortOrder<K>): R[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[order.key];
      const y = b.row[order.key];
      let c = 0;
      if (typeof x === 'string' && typeof y === 'string') {
        if (x === '' && y !== '') return 1;
        if (y === '' && x !== '') return -1;
        c = x.localeCompare(y);
      } else if (typeof x === 'number' && typeof y === 'number') c = x - y;
      else if (typeof x === 'boolean' && typeof y === 'boolean') c = Number(x) - Number(y);
      return c !== 0 ? c * sign : a.index - b.index;
    })
    .map(({ row }) => row);
}

/** Clicking a column header: the same column flips direction, a new one starts ascending. */
export function nextSort<K extends string>(current: SortOrder<K>, key: K): SortOrder<K> {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: 'ascending' };
}
