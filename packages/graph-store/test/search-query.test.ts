import {
  buildLooseLuceneQuery,
  buildLuceneQuery,
  buildPassageQuery,
  buildSuggestionQuery,
  nameMatchTier,
  nameKey,
  queryWords,
  SEARCH_FIELDS,
  searchTerms,
} from '../src/search-query';

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
      const fields = new RegExp(`\\b(${SEARCH_FIELDS.map((f) => f.property).join('|')}):`, 'g');
      const stripped = (q ?? '').replace(fields, ' ').replace(/\(|\)|\^\d+|\*|~\d| OR | AND /g, ' ');
      expect(stripped).toMatch(/^[\p{L}\p{N}\s]*$/u);
    },
  );

  it('adds prefix and fuzzy alternatives scaled to the word length, fuzzy only on names and aliases', () => {
    const q = buildLuceneQuery('Tokaev')!;
    expect(q).toContain('name:tokaev^32');
    expect(q).toContain('name:tokaev*^16');
    expect(q).toContain('name:tokaev~1^8');
    expect(q).toContain('aliases:tokaev~1');
    expect(q).toContain('description:tokaev*');
    expect(q).not.toContain('description:tokaev~');
    expect(buildLuceneQuery('a')).toBeUndefined(); // a stop word alone
    expect(buildLuceneQuery('x')).toContain('name:x^32');
    expect(buildLuceneQuery('Nazarbayev')).toContain('nazarbayev~2');
  });

  it('requires every word that is not a stop word', () => {
    expect(buildLuceneQuery('Kassym Tokayev')).toMatch(/\) AND \(/);
    expect(queryWords('state of emergency')).toEqual(['state', 'emergency']);
    expect(queryWords('protests in Zhanaozen')).toEqual(['protests', 'zhanaozen']);
    expect(buildLuceneQuery('Security Council of Kazakhstan')!.split(' AND ')).toHaveLength(3);
  });

  it('has a loose form (any word) for several words, and a names-only suggestion form', () => {
    expect(buildLooseLuceneQuery('Alma-Ata airport')).toMatch(/\) OR \(/);
    expect(buildLooseLuceneQuery('Tokayev')).toBeUndefined();
    const s = buildSuggestionQuery('Tokjv')!;
    expect(s).toContain('name:tokjv~2');
    expect(s).toContain('name:tok*');
    expect(s).not.toContain('description');
  });
});

describe('buildPassageQuery', () => {
  it("searches the passage index's one field, every content word required", () => {
    const q = buildPassageQuery('protests in Zhanaozen')!;
    expect(q.split(' AND ')).toHaveLength(2);
    expect(q).toContain('text:protests^4');
    expect(q).toContain('text:zhanaozen*^2');
    expect(q).toContain('text:zhanaozen~1');
    // No entity field leaks into a passage query: the passage index has none of them.
    expect(q).not.toMatch(new RegExp(`\\b(${SEARCH_FIELDS.map((f) => f.property).join('|')}):`));
    expect(buildPassageQuery('of the')).toBeUndefined();
    expect(buildPassageQuery('name:x) OR (*')).toMatch(/^\(text:name\^4 OR text:name\*\^2\) AND \(text:x\^4\)$/);
  });
});

describe('nameMatchTier', () => {
  it('ranks the name, then an alias, then the start of the name', () => {
    const key = nameKey('almaty');
    expect(nameMatchTier(key, 'Almaty', ['Alma-Ata'])).toBe(3);
    expect(nameMatchTier(nameKey('alma ata'), 'Almaty', ['Alma-Ata'])).toBe(2);
    expect(nameMatchTier(key, 'Almaty International Airport', [])).toBe(1);
    expect(nameMatchTier(key, 'Presidential residence in Almaty', [])).toBe(0);
    expect(nameMatchTier(nameKey('Älichan Smajylow'), 'Alikhan Smailov', ['Älichan Smajylow'])).toBe(2);
  });
});
