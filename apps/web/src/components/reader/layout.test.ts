import { layoutRuns, markHolding, mergePassages } from './layout';

describe('the reader layout', () => {
  it('merges overlapping passages into one mark and keeps touching ones apart', () => {
    const marks = mergePassages([
      { id: 'b', start: 10, end: 20 },
      { id: 'a', start: 0, end: 5 },
      { id: 'c', start: 15, end: 30 },
      { id: 'd', start: 30, end: 35 },
      { id: 'empty', start: 40, end: 40 },
    ]);
    expect(marks.map((m) => [m.start, m.end, m.passages.map((p) => p.id)])).toEqual([
      [0, 5, ['a']],
      [10, 30, ['b', 'c']],
      [30, 35, ['d']],
    ]);
  });

  it('covers the whole text with runs, and puts each mention in the runs it touches', () => {
    const text = 'Tokayev asked the CSTO for help in Almaty.';
    const passage = { id: 'p', start: text.indexOf('the CSTO'), end: text.indexOf(' in Almaty') };
    const mentions = [
      { id: 'tokayev', start: 0, end: 7 },
      { id: 'csto', start: text.indexOf('CSTO'), end: text.indexOf('CSTO') + 4 },
      { id: 'almaty', start: text.indexOf('Almaty'), end: text.indexOf('Almaty') + 6 },
    ];
    const runs = layoutRuns(text.length, [passage], mentions);
    expect(runs.map((r) => text.slice(r.start, r.end)).join('')).toBe(text);
    expect(runs.map((r) => [text.slice(r.start, r.end), r.mark ? 'mark' : 'plain', r.mentions.map((m) => m.id)])).toEqual([
      ['Tokayev asked ', 'plain', ['tokayev']],
      ['the CSTO for help', 'mark', ['csto']],
      [' in Almaty.', 'plain', ['almaty']],
    ]);
    expect(markHolding(runs, passage)).toBe(1);
    expect(markHolding(runs, { start: 0, end: 3 })).toBe(-1);
  });

  it('clips a name that straddles the edge of a mark', () => {
    const runs = layoutRuns(20, [{ start: 5, end: 10 }], [{ id: 'x', start: 3, end: 7 }]);
    expect(runs.map((r) => r.mentions.map((m) => [m.start, m.end]))).toEqual([[[3, 5]], [[5, 7]], []]);
  });
});
