import type { TextRange } from '../api/types';

export interface SnippetPart {
  text: string;
  /** Whether these words matched the search. */
  hit: boolean;
}

/**
 * A document-search snippet cut into plain and matching parts. The highlights are offsets in the document, so
 * they are moved by the snippet's own start; overlapping or out-of-range highlights are clipped, never doubled.
 */
export function snippetParts(snippet: { text: string; start: number; highlights: readonly TextRange[] }): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  const sorted = [...snippet.highlights].sort((a, b) => a.start - b.start);
  for (const h of sorted) {
    const start = Math.max(at, h.start - snippet.start);
    const end = Math.min(snippet.text.length, h.end - snippet.start);
    if (end <= start) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), hit: false });
    parts.push({ text: snippet.text.slice(start, end), hit: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return parts;
}
