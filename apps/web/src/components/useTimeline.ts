'use client';

import { useMemo } from 'react';
import { dateExtent, histogram } from '../timeline/histogram';
import { relationPasses, type Filters } from '../workspace/filters';
import type { GraphState } from '../workspace/state';
import type { CanvasView } from '../workspace/view';
import { canvasRelations } from '../workspace/visibility';

/** The filter panel's histogram: the canvas's relations that pass every filter but the dates, over the date range or their extent. */
export function useTimeline(data: GraphState, view: CanvasView) {
  return useMemo(() => {
    const f = view.filters;
    const undatedFilters: Filters = { ...f, from: null, to: null };
    const candidates = canvasRelations(data, view).filter((r) => relationPasses(r, undatedFilters));
    const domain = f.from && f.to ? { from: f.from, to: f.to } : dateExtent(candidates);
    return histogram(candidates, domain);
  }, [data, view]);
}
