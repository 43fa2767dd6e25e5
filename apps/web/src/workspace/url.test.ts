import { NO_FILTERS } from './filters';
import { decodeUrlState, defaultExpansion, encodeUrlState } from './url';
import { EMPTY_VIEW, type CanvasView } from './view';

const view: CanvasView = {
  nodes: ['kassym-jomart-tokayev', 'csto', 'mukhtar-ablyazov'],
  hidden: ['csto', 'relation:some-relation'],
  pinned: ['kassym-jomart-tokayev'],
  expansions: { 'kassym-jomart-tokayev': defaultExpansion() },
  layout: 'breadthfirst',
  filters: { hiddenKinds: ['Place'], hiddenTypes: ['LEADS'], minSources: 2, from: '2022-01-05', to: '2022-01-05', includeUndated: false },
};

describe('URL state', () => {
  it('round-trips a view and its selection', () => {
    const qs = encodeUrlState({ view, selection: ['relation:kassym-jomart-tokayev-requested-aid-from-csto'] });
    expect(decodeUrlState(qs)).toEqual({ view, selection: ['relation:kassym-jomart-tokayev-requested-aid-from-csto'], path: null });
    expect(decodeUrlState(`?${qs}`).view.nodes).toEqual(view.nodes);
  });

  it('leaves defaults out, so an empty view is an empty query', () => {
    expect(encodeUrlState({ view: EMPTY_VIEW, selection: [] })).toBe('');
    expect(decodeUrlState('')).toEqual({ view: EMPTY_VIEW, selection: [], path: null });
  });

  it('is readable: short keys, comma-separated ids', () => {
    const qs = encodeUrlState({ view: { ...EMPTY_VIEW, nodes: ['a', 'b'], filters: { ...NO_FILTERS, from: '2022-01-05' } }, selection: ['a'] });
    expect(decodeURIComponent(qs)).toBe('e=a,b&from=2022-01-05&s=a');
  });

  it('keeps the ends of highlighted paths', () => {
    const qs = encodeUrlState({ view, selection: [], path: { from: 'kassym-jomart-tokayev', to: 'mukhtar-ablyazov' } });
    expect(decodeUrlState(qs).path).toEqual({ from: 'kassym-jomart-tokayev', to: 'mukhtar-ablyazov' });
    expect(decodeUrlState('pf=a&pt=a').path).toBeNull();
    expect(decodeUrlState('pf=a').path).toBeNull();
  });

  it('ignores what it does not understand', () => {
    const state = decodeUrlState('e=a,<script>,b&p=a,zzz&l=spiral&hk=Planet,Person&ht=lower,LEADS&ms=abc&from=2022-02-31&s=zzz,a');
    expect(state.view.nodes).toEqual(['a', 'b']);
    expect(state.view.pinned).toEqual(['a']);
    expect(state.view.layout).toBe('fcose');
    expect(state.view.filters).toEqual({ ...NO_FILTERS, hiddenKinds: ['Person'], hiddenTypes: ['LEADS'] });
    expect(state.selection).toEqual(['a']);
  });
});
