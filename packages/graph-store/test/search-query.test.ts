import { buildLuceneQuery, searchTerms } from '../src/search-query';

describe('searchTerms', () => {
  it('folds case and diacritics like the index analyzer', () => {
    expect(searchTerms('Älichan SMAJYLOW')).toEqual(['alichan', 'smajylow']);
  });

  it('splits transliterations with hyphens into words', () => {
    expect(searchTerms('Alma-Ata')).toEqual(['alma', 'ata']);
  });

  it('keeps Cyrillic words', () => {
    expect(searchTerms('Токаев')).toEqual(['токаев']);
  });
});

describe('buildLuceneQuery', () => {
  it('returns nothing for input without words', () => {
    expect(buildLuceneQuery('  +-&&||!(){}[]^"~*?:\\/ ')).toBeUndefined();
  });

  it.each(['Tokayev) OR name:*', 'a AND (b', '"unterminated', 'x~~~9^^', 'name:\\evil', 'AND OR NOT'])(
    'never lets Lucene syntax through from %j',
    (input) => {
      const q = buildLuceneQuery(input);
      // Only our own operators and characters may appear outside the words.
      const stripped = (q ?? '').replace(/\(|\)|\^\d|\*|~\d| OR | AND /g, ' ');
      expect(stripped).toMatch(/^[\p{L}\p{N}\s]*$/u);
    },
  );

  it('adds prefix and fuzzy alternatives scaled to the word length', () => {
    expect(buildLuceneQuery('Tokaev')).toBe('(tokaev^4 OR tokaev*^2 OR tokaev~1)');
    expect(buildLuceneQuery('a')).toBe('(a^4)');
    expect(buildLuceneQuery('Nazarbayev')).toContain('nazarbayev~2');
  });

  it('requires every word', () => {
    expect(buildLuceneQuery('Kassym Tokayev')).toMatch(/\) AND \(/);
  });
});
