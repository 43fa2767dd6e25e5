import type { Relation } from '@steppe/domain';
import { RELATION_PROPERTIES, contentHash, encodeRelationBatch, relationProps, relationValues } from '../src/load';

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

describe('encodeRelationBatch', () => {
  const row = (r: Relation) => ['4:db:1', '4:db:2', ...relationValues(r)];

  it('joins rows, fields and list items with the ASCII separators, absent values as empty fields', () => {
    const encoded = encodeRelationBatch([row(relation), row({ ...relation, id: 'second', confidence: 1 })]);
    const lines = encoded!.split('\u001e');
    expect(lines).toHaveLength(2);
    const fields = lines[0]!.split('\u001f');
    expect(fields).toHaveLength(RELATION_PROPERTIES.length + 2);
    const field = (key: (typeof RELATION_PROPERTIES)[number]) => fields[RELATION_PROPERTIES.indexOf(key) + 2];
    expect(fields.slice(0, 2)).toEqual(['4:db:1', '4:db:2']);
    expect(field('id')).toBe('a-coordinated-b');
    expect(field('date')).toBe('');
    expect(field('detail')).toBe('');
    expect(field('startDate')).toBe('2022-01');
    expect(field('confidence')).toBe('0.3');
    expect(field('evidenceSources')!.split('\u001d')).toEqual(['s1', 's2', 's1']);
    expect(field('evidenceQuotes')!.split('\u001d')).toEqual(['coordinated from abroad', 'no evidence', 'again']);
    expect(field('sourceCount')).toBe('2');
    expect(field('contested')).toBe('true');
    expect(lines[1]!.split('\u001f')[RELATION_PROPERTIES.indexOf('confidence') + 2]).toBe('1');
  });

  it('keeps tabs, newlines, quotes, backslashes and non-Latin text as they are', () => {
    const quote = 'Тоқаев said:\t"it\'s \\u001e"\r\nҚазақстан 🇰🇿';
    const encoded = encodeRelationBatch([row({ ...relation, evidence: [{ sourceId: 's1', quote }] })]);
    expect(encoded).toContain(quote);
  });

  it('gives up (so that the batch goes as positional rows) when a value would not come back exactly', () => {
    const cases: Relation[] = [
      { ...relation, evidence: [{ sourceId: 's1', quote: 'a\u001eb' }] },
      { ...relation, evidence: [{ sourceId: 's1', quote: 'a\u001fb' }] },
      { ...relation, evidence: [{ sourceId: 's1', quote: 'a\u001db' }] },
      { ...relation, detail: 'in\u001fside' },
      { ...relation, detail: '' },
      { ...relation, evidence: [{ sourceId: 's1', quote: '' }] },
      { ...relation, evidence: [] },
      { ...relation, confidence: Number.NaN },
      { ...relation, confidence: Infinity },
      { ...relation, confidence: -0 },
    ];
    for (const bad of cases) {
      // One bad relation is enough to send its whole batch as rows.
      expect(encodeRelationBatch([row(relation), row(bad)])).toBeUndefined();
    }
    expect(encodeRelationBatch([['4:db:1', '', ...relationValues(relation)]])).toBeUndefined();
    expect(encodeRelationBatch([['4:db:1', '4:db:2', ...relationValues(relation).slice(1)]])).toBeUndefined();
    expect(encodeRelationBatch([row(relation)])).toEqual(expect.any(String));
  });
});
