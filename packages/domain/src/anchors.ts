/**
 * Anchoring quotes in their documents, after the W3C Web Annotation selectors:
 * a TextPositionSelector (`start`/`end`) and a TextQuoteSelector's context
 * (`prefix`/`suffix`) in one record.
 *
 * Offsets are UTF-16 code units, i.e. JavaScript string indices, so that
 * `text.slice(start, end) === quote` in the API, the web app and the exports
 * alike. Quotes are matched exactly: no whitespace or quotation-mark
 * normalisation, because the dataset copies quotes verbatim (the validator
 * rejects any that are not), and a selector must slice exactly the quote.
 */

/** Characters of context kept on each side of a quote (at most; fewer at the edges of the document). */
export const SELECTOR_CONTEXT_LENGTH = 32;

/** Where a quote sits in its document's text. */
export interface TextSelector {
  /** Offset of the quote's first UTF-16 code unit in the document's text. */
  start: number;
  /** Offset just past the quote: `text.slice(start, end)` is the quote. */
  end: number;
  /** Up to SELECTOR_CONTEXT_LENGTH code units before the quote (never half a surrogate pair). */
  prefix: string;
  /** Up to SELECTOR_CONTEXT_LENGTH code units after the quote (never half a surrogate pair). */
  suffix: string;
}

/** Every offset at which `quote` starts in `text`, overlapping occurrences included. */
export function occurrencesOf(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote === '') return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The selector of `text.slice(start, end)`, with its context. */
export function selectorAt(text: string, start: number, end: number): TextSelector {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
    throw new RangeError(`no passage [${start}, ${end}) in a text of ${text.length} code units`);
  }
  let from = Math.max(0, start - SELECTOR_CONTEXT_LENGTH);
  // Starting on the second half of a pair would leave a lone surrogate: drop that character.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from += 1;
  let to = Math.min(text.length, end + SELECTOR_CONTEXT_LENGTH);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to -= 1;
  return { start, end, prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

export type AnchorResult =
  | { ok: true; selector: TextSelector; occurrences: number }
  /** The quote is not in the text. */
  | { ok: false; problem: 'not-found' }
  /** The quote occurs `occurrences` times and no occurrence was chosen. */
  | { ok: false; problem: 'ambiguous'; occurrences: number }
  /** The chosen occurrence does not exist (the quote occurs `occurrences` times). */
  | { ok: false; problem: 'no-such-occurrence'; occurrences: number };

/**
 * Anchors a verbatim quote in its document. A quote that occurs more than once
 * must name its `occurrence` (1-based, in reading order); a unique quote may
 * give `occurrence: 1`.
 */
export function anchorQuote(text: string, quote: string, occurrence?: number): AnchorResult {
  const found = occurrencesOf(text, quote);
  if (found.length === 0) return { ok: false, problem: 'not-found' };
  if (occurrence === undefined && found.length > 1) return { ok: false, problem: 'ambiguous', occurrences: found.length };
  // found[] of a zero, negative, fractional or too large occurrence is undefined.
  const start = found[(occurrence ?? 1) - 1];
  if (start === undefined) {
    return { ok: false, problem: 'no-such-occurrence', occurrences: found.length };
  }
  return { ok: true, selector: selectorAt(text, start, start + quote.length), occurrences: found.length };
}

/** Whether two half-open ranges [start, end) share at least one code unit. */
export function rangesOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Passages longer than this are cut at sentence ends, so a search hit points somewhere specific. */
export const MAX_PASSAGE_LENGTH = 800;

/**
 * A document's passages for search: its paragraphs (runs of text between line
 * breaks, without the surrounding whitespace), long ones cut after a sentence
 * end. The ranges are in order, do not overlap and slice the text exactly.
 */
export function splitPassages(text: string): { start: number; end: number }[] {
  const passages: { start: number; end: number }[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const lead = line[0].length - line[0].trimStart().length;
    let start = line.index + lead;
    const end = line.index + line[0].trimEnd().length;
    while (end - start > MAX_PASSAGE_LENGTH) {
      // The last sentence end within the limit, else the last space, else a hard cut.
      const window = text.slice(start, start + MAX_PASSAGE_LENGTH);
      const sentence = Math.max(...[...window.matchAll(/[.!?…]["”’»)]?\s+/g)].map((m) => m.index + m[0].length), 0);
      const cut =
        sentence > MAX_PASSAGE_LENGTH / 4 ? sentence : window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') + 1 : MAX_PASSAGE_LENGTH;
      const piece = text.slice(start, start + cut).trimEnd();
      passages.push({ start, end: start + piece.length });
      start += cut;
      while (start < end && /\s/.test(text[start]!)) start++;
    }
    if (end > start) passages.push({ start, end });
  }
  return passages;
}
