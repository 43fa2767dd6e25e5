import { layoutRuns, markHolding, mergePassages, runsShowing, splitRuns } from './layout';

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

describe('a passage set apart (a search hit)', () => {
  it('cuts plain runs at its ends, never a mark, and finds the runs that show it', () => {
    const text = 'Tokayev asked the CSTO for help in Almaty.';
    const tokayev = { start: 0, end: 7, id: 't' };
    const csto = { start: 18, end: 22, id: 'c' };
    const runs = layoutRuns(text.length, [{ start: 8, end: 13 }], [tokayev, csto]);
    const split = splitRuns(runs, [3, 10, 20, 30]);
    expect(split.map((r) => [r.start, r.end, r.mark !== undefined])).toEqual([
      [0, 3, false],
      [3, 8, false],
      [8, 13, true],
      [13, 20, false],
      [20, 30, false],
      [30, text.length, false],
    ]);
    // A name cut by the passage's edge is in both pieces, clipped to each.
    expect(split[0]!.mentions.map((m) => [m.start, m.end])).toEqual([[0, 3]]);
    expect(split[1]!.mentions.map((m) => [m.start, m.end])).toEqual([[3, 7]]);
    expect(split[3]!.mentions.map((m) => [m.start, m.end])).toEqual([[18, 20]]);
    expect(split[4]!.mentions.map((m) => [m.start, m.end])).toEqual([[20, 22]]);
    // A range starting inside the mark shows the whole mark.
    expect(runsShowing(split, { start: 10, end: 30 })).toEqual([2, 4]);
    expect(runsShowing(split, { start: 5, end: 5 })).toBeNull();
  });
});
