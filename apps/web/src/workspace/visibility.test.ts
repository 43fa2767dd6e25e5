import { EMPTY_GRAPH, mergeData } from './state';
import { accusation, aidRequest, almaty, csto, deployment, tokayev, unrest } from '../test/fixtures';
import { NO_FILTERS } from './filters';
import { addNodes, EMPTY_VIEW, hide, setExpansion, type CanvasView } from './view';
import { canvasRelations, neighboursOf, visibility } from './visibility';

const data = mergeData(EMPTY_GRAPH, [tokayev, csto, almaty, unrest], [aidRequest, accusation, deployment]);
const all = addNodes(EMPTY_VIEW, ['kassym-jomart-tokayev', 'csto', 'almaty', 'january-2022-unrest']);
const withFilters = (view: CanvasView, filters: Partial<typeof NO_FILTERS>) => ({ ...view, filters: { ...NO_FILTERS, ...filters } });

describe('canvasRelations', () => {
  it('draws the relations whose two ends are on the canvas', () => {
    expect(
      canvasRelations(data, all)
        .map((r) => r.id)
        .sort(),
    ).toEqual([aidRequest.id, deployment.id, accusation.id].sort());
    const partial = addNodes(EMPTY_VIEW, ['kassym-jomart-tokayev', 'csto']);
    expect(canvasRelations(data, partial).map((r) => r.id)).toEqual([aidRequest.id]);
  });
});

describe('visibility', () => {
  it('shows everything without filters', () => {
    const v = visibility(data, all);
    expect(v.nodes.size).toBe(4);
    expect(v.edges.size).toBe(3);
  });

  it('hides a kind and the relations that touch it', () => {
    const v = visibility(data, withFilters(all, { hiddenKinds: ['Place'] }));
    expect(v.nodes.has('almaty')).toBe(false);
    expect(v.edges.has(deployment.id)).toBe(false);
    expect(v.edges.has(aidRequest.id)).toBe(true);
  });

  it('hides what was hidden by hand: an entity, or a single relation', () => {
    const v = visibility(data, hide(all, ['csto', `relation:${accusation.id}`]));
    expect(v.nodes.has('csto')).toBe(false);
    expect([...v.edges]).toEqual([]);
  });

  it('with a date range, hides relations outside it and entities left with none, but keeps expanded ones', () => {
    const fifth = withFilters(setExpansion(all, 'kassym-jomart-tokayev', { limit: 26, omitted: 0, types: null, direction: 'BOTH' }), {
      from: '2022-01-05',
      to: '2022-01-05',
    });
    const v = visibility(data, fifth);
    expect([...v.edges]).toEqual([aidRequest.id]);
    expect([...v.nodes].sort()).toEqual(['csto', 'kassym-jomart-tokayev']);
  });

  it('keeps an entity that never had a relation on the canvas', () => {
    const lonely = addNodes(EMPTY_VIEW, ['almaty', 'january-2022-unrest']);
    const v = visibility(data, withFilters(lonely, { minSources: 5 }));
    expect([...v.nodes].sort()).toEqual(['almaty', 'january-2022-unrest']);
  });
});

describe('neighboursOf', () => {
  it('finds visible neighbours through visible relations', () => {
    const v = visibility(data, all);
    expect(neighboursOf(data, all, ['csto'], v).sort()).toEqual(['almaty', 'kassym-jomart-tokayev']);
    const noAid = withFilters(all, { hiddenTypes: ['REQUESTED_AID_FROM'] });
    expect(neighboursOf(data, noAid, ['csto'], visibility(data, noAid))).toEqual(['almaty']);
  });
});
