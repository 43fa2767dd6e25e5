import { SNIPPET_LENGTH, snippetOf, wordMatches } from '../src/snippets';

describe('snippetOf', () => {
  it('highlights every matching word with document offsets, folding case and diacritics', () => {
    const passage = 'Älichan Smajylow became acting prime minister; SMAJYLOW replaced Mamin.';
    const s = snippetOf(passage, 100, 'smajylow alichan');
    expect(s.text).toBe(passage);
    expect(s.start).toBe(100);
    const document = ' '.repeat(100) + passage;
    expect(s.highlights.map((h) => document.slice(h.start, h.end))).toEqual(['Älichan', 'Smajylow', 'SMAJYLOW']);
  });

  it('matches prefixes and small misspellings as the full-text query does', () => {
    expect(wordMatches('Tokayev', 'tokaev')).toBe(true);
    expect(wordMatches('protesters', 'protest')).toBe(true);
    expect(wordMatches('Almaty', 'aktau')).toBe(false);
  });

  it('cuts a long passage around the first match, at whole words', () => {
    const passage = `${'word '.repeat(100)}Zhanaozen ${'tail '.repeat(100)}`.trim();
    const s = snippetOf(passage, 0, 'zhanaozen');
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(s.text).toContain('Zhanaozen');
    expect(s.text).toMatch(/^word .* tail$/);
    expect(passage.slice(s.start, s.end)).toBe(s.text);
    expect(s.highlights).toHaveLength(1);
  });
});

describe('snippet highlights and stop words', () => {
  it('highlights the words searched for, not the stop words left out of the search', () => {
    const passage = 'The state of emergency was introduced by officials of the state.';
    const snippet = snippetOf(passage, 100, 'state of emergency');
    const marked = snippet.highlights.map((h) => passage.slice(h.start - 100, h.end - 100));
    expect(marked).toEqual(['state', 'emergency', 'state']);
  });
});
