/**
 * Turns what a person typed into a safe Lucene query for the full-text index.
 * Only letters and digits survive tokenisation, so Lucene's syntax characters
 * (+ - && || ! ( ) { } [ ] ^ " ~ * ? : \ /) in user input can never change the
 * query's structure. Each word must match (AND), exactly, as a prefix, or with
 * a small edit distance so that transliterations such as "Tokaev" find "Tokayev".
 */
export function searchTerms(input: string): string[] {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // fold diacritics like the index's analyzer does: Älichan → alichan
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

export function buildLuceneQuery(input: string): string | undefined {
  const terms = searchTerms(input);
  if (terms.length === 0) return undefined;
  return terms
    .map((t) => {
      const alternatives = [`${t}^4`];
      if (t.length >= 2) alternatives.push(`${t}*^2`);
      if (t.length >= 4) alternatives.push(`${t}~${t.length >= 8 ? 2 : 1}`);
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}
