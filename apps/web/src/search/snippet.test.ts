import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('places document-offset highlights in the snippet, clipping overlaps and the edges', () => {
    // The snippet starts at offset 100 of its document.
    const snippet = {
      text: 'Tokayev asked the CSTO for help',
      start: 100,
      highlights: [
        { start: 118, end: 122 },
        { start: 95, end: 107 },
        { start: 120, end: 124 },
        { start: 200, end: 210 },
      ],
    };
    expect(snippetParts(snippet)).toEqual([
      { text: 'Tokayev', hit: true },
      { text: ' asked the ', hit: false },
      { text: 'CSTO', hit: true },
      { text: ' f', hit: true },
      { text: 'or help', hit: false },
    ]);
    expect(snippetParts({ text: 'plain', start: 0, highlights: [] })).toEqual([{ text: 'plain', hit: false }]);
  });
});
