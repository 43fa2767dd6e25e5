import { EMPTY_GRAPH, mergeData } from './state';
import { accusation, aidRequest, almaty, csto, deployment, tokayev, unrest } from '../test/fixtures';
import { legendCounts, typesOfFamily } from './counts';
import { NO_FILTERS } from './filters';
import { addNodes, EMPTY_VIEW } from './view';
import { visibility } from './visibility';

describe('legendCounts', () => {
  it('counts what the canvas holds and what is drawn, per kind, family and type', () => {
    const data = mergeData(EMPTY_GRAPH, [tokayev, csto, almaty, unrest], [aidRequest, accusation, deployment]);
    const view = {
      ...addNodes(EMPTY_VIEW, ['kassym-jomart-tokayev', 'csto', 'almaty', 'january-2022-unrest']),
      filters: { ...NO_FILTERS, hiddenKinds: ['Place' as const] },
    };
    const c = legendCounts(data, view, visibility(data, view));
    expect(c.kinds.Person).toEqual({ visible: 1, total: 1 });
    expect(c.kinds.Place).toEqual({ visible: 0, total: 1 });
    expect(c.families.aid).toEqual({ visible: 1, total: 2 });
    expect(c.families.claims).toEqual({ visible: 1, total: 1 });
    expect(c.types.DEPLOYED_TO).toEqual({ visible: 0, total: 1 });
  });

  it('lists the types of a family from the vocabulary', () => {
    expect(typesOfFamily('aid')).toEqual(['REQUESTED_AID_FROM', 'DEPLOYED_TO', 'SUPPORTED']);
  });
});
