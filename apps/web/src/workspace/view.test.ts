import { NO_FILTERS } from './filters';
import {
  addNodes,
  EMPTY_VIEW,
  hide,
  keepOnly,
  onlyFiltersChanged,
  removeNodes,
  setExpansion,
  setFilters,
  setLayout,
  setPinned,
  showHidden,
  type CanvasView,
} from './view';

const base = addNodes(EMPTY_VIEW, ['a', 'b', 'c']);

describe('canvas view operations', () => {
  it('adds new entities once, in order, and un-hides one added again', () => {
    expect(base.nodes).toEqual(['a', 'b', 'c']);
    expect(addNodes(base, ['b'])).toBe(base);
    const hidden = hide(base, ['b']);
    expect(addNodes(hidden, ['b']).hidden).toEqual([]);
  });

  it('removes entities with their pins, hides and expansions', () => {
    let v = setPinned(base, ['a', 'b'], true);
    v = hide(v, ['b', 'relation:x']);
    v = setExpansion(v, 'b', { limit: 26, omitted: 0, types: null, direction: 'BOTH' });
    const after = removeNodes(v, ['b']);
    expect(after.nodes).toEqual(['a', 'c']);
    expect(after.pinned).toEqual(['a']);
    expect(after.hidden).toEqual(['relation:x']);
    expect(after.expansions).toEqual({});
    expect(removeNodes(after, ['zzz'])).toBe(after);
  });

  it('keeps only the given entities', () => {
    expect(keepOnly(base, ['c', 'a']).nodes).toEqual(['a', 'c']);
  });

  it('hides and shows again', () => {
    const v = hide(base, ['a', 'a']);
    expect(v.hidden).toEqual(['a']);
    expect(hide(v, ['a'])).toBe(v);
    expect(showHidden(v).hidden).toEqual([]);
    expect(showHidden(base)).toBe(base);
  });

  it('pins and unpins entities on the canvas only', () => {
    const v = setPinned(base, ['a', 'nope'], true);
    expect(v.pinned).toEqual(['a']);
    expect(setPinned(v, ['a'], true)).toBe(v);
    expect(setPinned(v, ['a'], false).pinned).toEqual([]);
  });

  it('returns the same view when layout or filters do not change', () => {
    expect(setLayout(base, 'fcose')).toBe(base);
    expect(setLayout(base, 'grid').layout).toBe('grid');
    expect(setFilters(base, { ...NO_FILTERS })).toBe(base);
    expect(setFilters(base, { ...NO_FILTERS, minSources: 2 }).filters.minSources).toBe(2);
  });
});

describe('onlyFiltersChanged', () => {
  it('is true for a filter change alone, false when anything else changed too', () => {
    const two: CanvasView = { ...EMPTY_VIEW, nodes: ['a', 'b'] };
    const filtered = setFilters(two, { ...two.filters, from: '2022-01-05' });
    expect(onlyFiltersChanged(two, filtered)).toBe(true);
    expect(onlyFiltersChanged(two, two)).toBe(false);
    expect(onlyFiltersChanged(two, { ...filtered, nodes: ['a'] })).toBe(false);
    expect(onlyFiltersChanged(two, { ...filtered, layout: 'grid' })).toBe(false);
    expect(onlyFiltersChanged(two, { ...filtered, pinned: ['a'] })).toBe(false);
    expect(onlyFiltersChanged(two, { ...two, nodes: ['a', 'b', 'c'] })).toBe(false);
  });
});
