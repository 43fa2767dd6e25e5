import { flattenGroups, groupHits, moveActive } from './group';
import type { SearchHit } from '../api/types';
import { almaty, csto, tokayev, unrest } from '../test/fixtures';

const hit = (e: Omit<SearchHit, 'score'>, score: number): SearchHit => ({ ...e, score });

describe('groupHits', () => {
  it('groups by kind in the vocabulary order, keeping relevance order inside a group', () => {
    const other = { ...tokayev, id: 'tokayev-2', name: 'Another Tokayev' };
    const groups = groupHits([hit(unrest, 5), hit(other, 4), hit(csto, 3), hit(tokayev, 2)]);
    expect(groups.map((g) => g.kind)).toEqual(['Person', 'Organisation', 'Event']);
    expect(groups[0]!.hits.map((h) => h.id)).toEqual(['tokayev-2', 'kassym-jomart-tokayev']);
    expect(groups[0]!.info.plural).toBe('People');
    expect(groups[0]!.info.colour).toBe('#2f6fdf');
    expect(flattenGroups(groups).map((h) => h.id)).toEqual(['tokayev-2', 'kassym-jomart-tokayev', 'csto', 'january-2022-unrest']);
  });

  it('leaves out empty kinds', () => {
    expect(groupHits([hit(almaty, 1)]).map((g) => g.kind)).toEqual(['Place']);
    expect(groupHits([])).toEqual([]);
  });
});

describe('moveActive', () => {
  it('moves and wraps around', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
