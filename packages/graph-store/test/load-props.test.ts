import type { Relation } from '@steppe/domain';
import { contentHash, relationProps } from '../src/load';

const relation: Relation = {
  id: 'a-coordinated-b',
  type: 'COORDINATED',
  from: 'a',
  to: 'b',
  startDate: '2022-01',
  stance: 'CLAIMED',
  confidence: 0.3,
  evidence: [
    { sourceId: 's1', quote: 'coordinated from abroad' },
    { sourceId: 's2', quote: 'no evidence', stance: 'DENIED' },
    { sourceId: 's1', quote: 'again' },
  ],
};

describe('relationProps', () => {
  const props = relationProps(relation);

  it('stores evidence as parallel lists with each source’s stance', () => {
    expect(props.evidenceSources).toEqual(['s1', 's2', 's1']);
    expect(props.evidenceStances).toEqual(['CLAIMED', 'DENIED', 'CLAIMED']);
  });

  it('counts distinct sources and flags disagreement', () => {
    expect(props.sourceCount).toBe(2);
    expect(props.contested).toBe(true);
  });

  it('derives comparable sort dates from partial dates', () => {
    expect(props.sortStart).toBe('2022-01-01');
    expect(props.sortEnd).toBe('2022-01-31');
  });

  it('omits absent values instead of storing nulls', () => {
    expect(Object.keys(props)).not.toContain('date');
    expect(Object.keys(props)).not.toContain('detail');
  });
});

describe('contentHash', () => {
  it('changes with the data and only with the data', () => {
    const data = { sources: [], entities: [], relations: [relation] };
    expect(contentHash(data)).toBe(contentHash(structuredClone(data)));
    expect(contentHash(data)).not.toBe(contentHash({ ...data, relations: [{ ...relation, confidence: 0.4 }] }));
  });
});
