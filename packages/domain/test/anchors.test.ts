import {
  MAX_PASSAGE_LENGTH,
  SELECTOR_CONTEXT_LENGTH,
  anchorQuote,
  occurrencesOf,
  rangesOverlap,
  selectorAt,
  splitPassages,
  type TextSelector,
} from '../src';

function anchored(text: string, quote: string, occurrence?: number): TextSelector {
  const result = anchorQuote(text, quote, occurrence);
  if (!result.ok) throw new Error(`not anchored: ${result.problem}`);
  return result.selector;
}

describe('anchorQuote', () => {
  it('gives UTF-16 offsets that slice exactly the quote, with up to 32 code units of context', () => {
    const text = 'The protests began on 2 January in the oil town of Zhanaozen, after the price of liquefied gas doubled overnight.';
    const quote = 'in the oil town of Zhanaozen';
    const s = anchored(text, quote);
    expect(text.slice(s.start, s.end)).toBe(quote);
    expect(s.start).toBe(text.indexOf(quote));
    expect(s.prefix).toBe(text.slice(0, s.start).slice(-SELECTOR_CONTEXT_LENGTH));
    expect(s.prefix).toHaveLength(SELECTOR_CONTEXT_LENGTH);
    expect(s.suffix).toBe(', after the price of liquefied g');
    expect(s.suffix).toHaveLength(SELECTOR_CONTEXT_LENGTH);
  });

  it('keeps shorter context at the edges of the document', () => {
    const s = anchored('Almaty burns.', 'Almaty');
    expect(s).toEqual({ start: 0, end: 6, prefix: '', suffix: ' burns.' });
    expect(anchored('Almaty burns.', 'burns.')).toEqual({ start: 7, end: 13, prefix: 'Almaty ', suffix: '' });
  });

  it('counts multi-byte characters in UTF-16 code units: Cyrillic, accents, emoji', () => {
    // Cyrillic and "Ä" are one code unit each (but two UTF-8 bytes); 🔥 is two code units.
    const text = 'Токаев 🔥 обратился в ОДКБ. Älichan Smajylow übernimmt.';
    const quote = 'Älichan Smajylow';
    const s = anchored(text, quote);
    expect(s.start).toBe(28);
    expect(Buffer.byteLength(text.slice(0, s.start), 'utf8')).toBeGreaterThan(s.start);
    expect(text.slice(s.start, s.end)).toBe(quote);
    const fire = anchored(text, 'обратился');
    expect(fire.start).toBe(10);
    expect(fire.prefix).toBe('Токаев 🔥 ');
  });

  it('never cuts a surrogate pair in the context', () => {
    const emoji = '😀'.repeat(20); // 40 code units
    const text = `${emoji}quote${emoji}`;
    const s = anchored(text, 'quote');
    expect(s.start).toBe(40);
    expect(s.prefix).toBe('😀'.repeat(16));
    expect(s.suffix).toBe('😀'.repeat(16));
    // Odd context: 31 units would split a pair, so a character is dropped rather than halved.
    const odd = `a${emoji}quote${emoji}b`;
    const t = anchored(odd, 'quote');
    expect(t.prefix).toBe('😀'.repeat(16));
    expect(t.prefix.length).toBeLessThanOrEqual(SELECTOR_CONTEXT_LENGTH);
    for (const part of [t.prefix, t.suffix]) expect(part).toBe(Array.from(part).join(''));
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t.prefix + t.suffix)).toBe(false);
  });

  it('matches curly and straight quotation marks exactly as written, without normalising', () => {
    const text = 'He said: “it’s far from over”. Then: "it\'s far from over".';
    const curly = anchored(text, '“it’s far from over”');
    expect(text.slice(curly.start, curly.end)).toBe('“it’s far from over”');
    const straight = anchored(text, '"it\'s far from over"');
    expect(straight.start).toBeGreaterThan(curly.end);
    expect(anchorQuote(text, "“it's far from over”")).toEqual({ ok: false, problem: 'not-found' });
    // Whitespace is not normalised either: a doubled space is a different quote.
    expect(anchorQuote('far  from', 'far from')).toEqual({ ok: false, problem: 'not-found' });
  });

  it('requires a repeated quote to name its occurrence, and anchors the one named', () => {
    const text = 'Riots in Almaty. Police fired. Riots in Almaty. Riots in Almaty!';
    expect(anchorQuote(text, 'Riots in Almaty')).toEqual({ ok: false, problem: 'ambiguous', occurrences: 3 });
    const second = anchored(text, 'Riots in Almaty', 2);
    expect(second.start).toBe(31);
    expect(second.prefix).toBe('Riots in Almaty. Police fired. ');
    expect(anchored(text, 'Riots in Almaty', 3).start).toBe(48);
    for (const bad of [0, 4, 1.5, -1]) {
      expect(anchorQuote(text, 'Riots in Almaty', bad)).toEqual({ ok: false, problem: 'no-such-occurrence', occurrences: 3 });
    }
    // A unique quote may say occurrence 1, and nothing else.
    expect(anchored(text, 'Police fired', 1).start).toBe(17);
    expect(anchorQuote(text, 'Police fired', 2)).toEqual({ ok: false, problem: 'no-such-occurrence', occurrences: 1 });
  });

  it('counts overlapping occurrences', () => {
    expect(occurrencesOf('aaaa', 'aa')).toEqual([0, 1, 2]);
    expect(occurrencesOf('abc', '')).toEqual([]);
    expect(anchorQuote('abc', '')).toEqual({ ok: false, problem: 'not-found' });
  });
});

describe('selectorAt and rangesOverlap', () => {
  it('rejects a range outside the text', () => {
    expect(() => selectorAt('abc', 2, 1)).toThrow(RangeError);
    expect(() => selectorAt('abc', 0, 4)).toThrow(RangeError);
    expect(selectorAt('abc', 1, 2)).toEqual({ start: 1, end: 2, prefix: 'a', suffix: 'c' });
  });

  it('treats ranges as half-open', () => {
    expect(rangesOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(rangesOverlap({ start: 0, end: 6 }, { start: 5, end: 9 })).toBe(true);
    expect(rangesOverlap({ start: 6, end: 7 }, { start: 5, end: 9 })).toBe(true);
  });
});

describe('splitPassages', () => {
  it('gives each paragraph as a passage, trimmed, slicing the text exactly', () => {
    const text = 'Jan 5, 2022\n0 0\n\n  Protests spread.  \n\nTokayev asked the CSTO for help.\n';
    const passages = splitPassages(text);
    expect(passages.map((p) => text.slice(p.start, p.end))).toEqual([
      'Jan 5, 2022',
      '0 0',
      'Protests spread.',
      'Tokayev asked the CSTO for help.',
    ]);
  });

  it('cuts a long paragraph after sentence ends, within the limit, losing nothing but spaces', () => {
    const sentence = 'The protests in Zhanaozen spread to Aktobe, Atyrau and Almaty within three days. ';
    const text = sentence.repeat(30).trim();
    const passages = splitPassages(text);
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) {
      expect(p.end - p.start).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
      expect(text.slice(p.start, p.end)).toMatch(/^The protests.*days\.$/);
    }
    expect(passages.map((p) => text.slice(p.start, p.end)).join(' ')).toBe(text);
  });
});
