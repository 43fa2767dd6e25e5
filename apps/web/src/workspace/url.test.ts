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
    expect(decodeUrlState(qs)).toEqual({
      view,
      selection: ['relation:kassym-jomart-tokayev-requested-aid-from-csto'],
      path: null,
      picture: null,
    });
    expect(decodeUrlState(`?${qs}`).view.nodes).toEqual(view.nodes);
  });

  it('leaves defaults out, so an empty view is an empty query', () => {
    expect(encodeUrlState({ view: EMPTY_VIEW, selection: [] })).toBe('');
    expect(decodeUrlState('')).toEqual({ view: EMPTY_VIEW, selection: [], path: null, picture: null });
  });

  it('is readable: short keys, comma-separated ids', () => {
    const qs = encodeUrlState({
      view: { ...EMPTY_VIEW, nodes: ['a', 'b'], filters: { ...NO_FILTERS, from: '2022-01-05' } },
      selection: ['a'],
    });
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

describe('the picture in the address bar', () => {
  const view = { ...EMPTY_VIEW, nodes: ['a', 'b', 'c'] };
  const picture = {
    positions: { a: { x: 0, y: 0 }, b: { x: -1234.4, y: 56.6 }, c: { x: 300000, y: -7 } },
    zoom: 1.23456,
    pan: { x: 10.4, y: -20.6 },
  };

  it('round-trips positions (rounded to whole units), zoom and pan, compactly', () => {
    const qs = encodeUrlState({ view, selection: [], picture });
    const back = decodeUrlState(qs);
    expect(back.picture).toEqual({
      positions: { a: { x: 0, y: 0 }, b: { x: -1234, y: 57 }, c: { x: 300000, y: -7 } },
      zoom: 1.235,
      pan: { x: 10, y: -21 },
    });
    expect(new URLSearchParams(qs).get('pos')!.length).toBeLessThan(20);
  });

  it('ignores a picture that does not fit the entity list or is damaged', () => {
    const qs = new URLSearchParams(encodeUrlState({ view, selection: [], picture }));
    qs.set('e', 'a,b');
    expect(decodeUrlState(qs.toString()).picture).toBeNull();
    qs.set('e', 'a,b,c');
    qs.set('pos', 'not base64!');
    expect(decodeUrlState(qs.toString()).picture).toBeNull();
    qs.set('pos', new URLSearchParams(encodeUrlState({ view, selection: [], picture })).get('pos')!);
    qs.set('vp', '0,1,2');
    expect(decodeUrlState(qs.toString()).picture).toBeNull();
  });

  it('leaves the picture out when an entity has no position', () => {
    const qs = encodeUrlState({ view, selection: [], picture: { ...picture, positions: { a: { x: 1, y: 1 } } } });
    expect(new URLSearchParams(qs).has('pos')).toBe(false);
  });
});
