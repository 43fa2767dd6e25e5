import { queryWords } from './search-query';

/** Characters of a passage shown around the first match. */
export const SNIPPET_LENGTH = 240;

export interface Snippet {
  /** Offsets in the document's text: the snippet is text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** The words that match the query, as offsets in the document's text. */
  highlights: { start: number; end: number }[];
}

const WORD = /[\p{L}\p{N}]+/gu;

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Levenshtein distance, stopping early past `max`. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/**
 * Whether a word of the text matches a search term the way the full-text query does
 * (buildLuceneQuery): exactly, as a prefix, or within 1–2 edits for longer terms.
 */
export function wordMatches(word: string, term: string): boolean {
  const w = fold(word);
  if (w === term || (term.length >= 2 && w.startsWith(term))) return true;
  return term.length >= 4 && withinEdits(w, term, term.length >= 8 ? 2 : 1);
}

/**
 * A short excerpt of a passage around its first match, with every matching word of the
 * excerpt highlighted. `passageStart` is the passage's offset in its document, so all
 * offsets returned are the document's.
 */
export function snippetOf(passage: string, passageStart: number, query: string): Snippet {
  // The words the passage search looked for: stop words ("of", "in") are not highlighted, as they were not searched.
  const terms = queryWords(query);
  const matches: { start: number; end: number }[] = [];
  for (const m of passage.matchAll(WORD)) {
    if (terms.some((t) => wordMatches(m[0], t))) matches.push({ start: m.index, end: m.index + m[0].length });
  }
  let from = 0;
  let to = passage.length;
  if (passage.length > SNIPPET_LENGTH) {
    const first = matches[0]?.start ?? 0;
    from = Math.max(0, first - Math.floor(SNIPPET_LENGTH / 3));
    to = Math.min(passage.length, from + SNIPPET_LENGTH);
    from = Math.max(0, to - SNIPPET_LENGTH);
    // Whole words at the cut edges.
    if (from > 0) {
      const space = passage.indexOf(' ', from);
      if (space !== -1 && space < first) from = space + 1;
    }
    if (to < passage.length) {
      const space = passage.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
  }
  return {
    start: passageStart + from,
    end: passageStart + to,
    text: passage.slice(from, to),
    highlights: matches
      .filter((m) => m.start >= from && m.end <= to)
      .map((m) => ({ start: passageStart + m.start, end: passageStart + m.end })),
  };
}
