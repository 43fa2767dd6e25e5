import { EMPTY_GRAPH, mergeData } from '../workspace/state';
import { accusation, aidRequest, almaty, csto, deployment, tokayev, unrest } from '../test/fixtures';
import { addNodes, EMPTY_VIEW, setPinned } from '../workspace/view';
import { visibility } from '../workspace/visibility';
import { edgeRows, nextSort, nodeRows, sortRows } from './rows';

const data = mergeData(EMPTY_GRAPH, [tokayev, csto, almaty, unrest], [aidRequest, accusation, deployment]);
const view = setPinned(addNodes(EMPTY_VIEW, ['kassym-jomart-tokayev', 'csto', 'almaty', 'january-2022-unrest']), ['csto'], true);
const visible = visibility(data, view);

describe('table rows', () => {
  it('has a row per visible entity with its visible relations', () => {
    const rows = nodeRows(data, view, visible);
    expect(rows.find((r) => r.id === 'csto')).toEqual({ id: 'csto', name: csto.name, kind: 'Organisation', relations: 2, pinned: true });
  });

  it('has a row per visible relation in words', () => {
    const rows = edgeRows(data, view, visible);
    expect(rows.find((r) => r.id === deployment.id)).toEqual({
      id: deployment.id,
      from: csto.name,
      label: 'deployed forces to',
      to: 'Almaty',
      when: '6 January 2022 – 19 January 2022',
      sortDate: '2022-01-06',
      sources: 1,
      stance: 'asserted',
      contested: false,
    });
  });

  it('sorts by any column, either way, with blanks last and ties stable', () => {
    const rows = edgeRows(data, view, visible);
    expect(sortRows(rows, { key: 'sortDate', direction: 'ascending' }).map((r) => r.id)).toEqual([
      aidRequest.id,
      deployment.id,
      accusation.id,
    ]);
    expect(sortRows(rows, { key: 'sources', direction: 'descending' }).map((r) => r.sources)).toEqual([2, 2, 1]);
    const blanks = [
      { id: 'x', v: '' },
      { id: 'y', v: 'b' },
      { id: 'z', v: 'a' },
    ];
    expect(sortRows(blanks, { key: 'v', direction: 'ascending' }).map((r) => r.id)).toEqual(['z', 'y', 'x']);
  });

  it('flips the direction when the same header is clicked again', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'kind')).toEqual({ key: 'kind', direction: 'ascending' });
  });
});
