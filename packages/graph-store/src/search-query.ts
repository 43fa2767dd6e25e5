/**
 * Turns what a person typed into safe Lucene queries for the full-text index.
 * Only letters and digits survive tokenisation, so Lucene's syntax characters
 * (+ - && || ! ( ) { } [ ] ^ " ~ * ? : \ /) in user input can never change the
 * query's structure.
 *
 * Each word may match a name or alias exactly, as a prefix, or with a small
 * edit distance (so that transliterations such as "Tokaev" find "Tokayev"),
 * and also the roles, the organisation or place type and the description
 * (exactly or as a prefix). Fields are boosted so that a word in the name
 * counts most and a word in the description least.
 */

/**
 * The index's analyzer (standard-folding) drops these English stop words, so
 * they are never in the index: a query that required "of" in "state of
 * emergency" could match nothing. They are dropped from queries too. The list
 * is the analyzer's own (db.index.fulltext.listAvailableAnalyzers), checked
 * against the running database by store.int.test.ts.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

/** At most this many words of a query are used (the API also caps its length). */
export const MAX_QUERY_WORDS = 8;

/** The indexed properties with their boosts (the index definition in schema.ts is derived from this list). */
export const SEARCH_FIELDS = [
  { property: 'name', boost: 8, fuzzy: true },
  { property: 'aliases', boost: 6, fuzzy: true },
  { property: 'roles', boost: 2, fuzzy: false },
  { property: 'orgType', boost: 2, fuzzy: false },
  { property: 'placeType', boost: 2, fuzzy: false },
  { property: 'description', boost: 1, fuzzy: false },
] as const;

/** Lower-case, diacritic-folded words, as the index's analyzer splits them (Älichan → alichan, Alma-Ata → alma ata). */
export function searchTerms(input: string): string[] {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // fold diacritics like the index's analyzer does: Älichan → alichan
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, MAX_QUERY_WORDS);
}

/** The words a query searches for: without stop words (unless nothing else is left). */
export function queryWords(input: string): string[] {
  const terms = searchTerms(input);
  const content = terms.filter((t) => !STOP_WORDS.has(t));
  return content.length > 0 ? content : [];
}

/** One word as alternatives over every field. Boosts are written without a decimal point to keep the syntax simple. */
function wordClause(t: string, fuzzyEdits?: 1 | 2): string {
  const alternatives: string[] = [];
  for (const field of SEARCH_FIELDS) {
    const f = field.property;
    alternatives.push(`${f}:${t}^${field.boost * 4}`);
    if (t.length >= 2) alternatives.push(`${f}:${t}*^${field.boost * 2}`);
    if (field.fuzzy && t.length >= 4) alternatives.push(`${f}:${t}~${fuzzyEdits ?? (t.length >= 8 ? 2 : 1)}^${field.boost}`);
  }
  return `(${alternatives.join(' OR ')})`;
}

/** Every word must match somewhere (AND): what a person means by a multi-word query. */
export function buildLuceneQuery(input: string): string | undefined {
  const words = queryWords(input);
  if (words.length === 0) return undefined;
  return words.map((t) => wordClause(t)).join(' AND ');
}

/**
 * The documents' passages have one indexed field (`text`): every word must occur
 * in the passage, exactly or as a prefix, or, for longer words, one edit away.
 */
export function buildPassageQuery(input: string): string | undefined {
  const words = queryWords(input);
  if (words.length === 0) return undefined;
  return words
    .map((t) => {
      const alternatives = [`text:${t}^4`];
      if (t.length >= 2) alternatives.push(`text:${t}*^2`);
      if (t.length >= 5) alternatives.push(`text:${t}~1`);
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * Any word may match (OR), ranked by how much matches: the fallback when no
 * entity has every word ("Alma-Ata airport": the airport's names say Almaty).
 */
export function buildLooseLuceneQuery(input: string): string | undefined {
  const words = queryWords(input);
  if (words.length < 2) return undefined;
  return words.map((t) => wordClause(t)).join(' OR ');
}

/**
 * Names only, with the largest edit distance Lucene allows and a short prefix:
 * the closest names, offered as "Did you mean" when nothing matches.
 */
export function buildSuggestionQuery(input: string): string | undefined {
  const words = queryWords(input).filter((t) => t.length >= 3);
  if (words.length === 0) return undefined;
  return words.flatMap((t) => [`name:${t}~2^2`, `aliases:${t}~2`, `name:${t.slice(0, 3)}*`, `aliases:${t.slice(0, 3)}*`]).join(' OR ');
}

/** A name or query reduced to its words, for comparing a query with a name. */
export function nameKey(value: string): string {
  return searchTerms(value.length > 400 ? value.slice(0, 400) : value).join(' ');
}

/**
 * How well a hit's name answers the query, above the index's score: the name
 * itself (3), one of its aliases (2), the start of its name (1), else 0.
 */
export function nameMatchTier(queryKey: string, name: string, aliases: readonly string[]): number {
  if (queryKey === '') return 0;
  const nk = nameKey(name);
  if (nk === queryKey) return 3;
  if (aliases.some((a) => nameKey(a) === queryKey)) return 2;
  if (nk.startsWith(`${queryKey} `)) return 1;
  return 0;
}
