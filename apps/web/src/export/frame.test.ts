import { ENTITY_KIND_INFO, RELATION_FAMILIES } from '@steppe/domain';
import { FRAME_PADDING, layoutFrame, legendFor, MIN_FRAME_WIDTH, wrapText } from './frame';

/** A monospace stand-in for a font: every character 8 px wide. */
const mono = (s: string) => s.length * 8;

describe('the PNG frame', () => {
  it('lists the kinds and families a picture holds, in the vocabulary’s order, with their colours', () => {
    const legend = legendFor(['Place', 'Person', 'Place'], ['aid', null, 'power']);
    expect(legend.map((e) => e.label)).toEqual([
      ENTITY_KIND_INFO.Person.plural,
      ENTITY_KIND_INFO.Place.plural,
      RELATION_FAMILIES.power.label,
      RELATION_FAMILIES.aid.label,
    ]);
    expect(legend[0]).toEqual({ label: ENTITY_KIND_INFO.Person.plural, colour: ENTITY_KIND_INFO.Person.colour, mark: 'dot' });
    expect(legend[3]).toEqual({
      label: RELATION_FAMILIES.aid.label,
      colour: RELATION_FAMILIES.aid.colour,
      mark: 'line',
      lineStyle: RELATION_FAMILIES.aid.lineStyle,
    });
    expect(legendFor([], ['claims'])[0]!.lineStyle).toBe('dashed');
  });

  it('wraps a title at spaces and never cuts a word', () => {
    expect(wrapText('Collective Security Treaty Organisation and its neighbours', 160, mono)).toEqual([
      'Collective Security',
      'Treaty Organisation',
      'and its neighbours',
    ]);
    expect(wrapText('Supercalifragilistic word', 40, mono)).toEqual(['Supercalifragilistic', 'word']);
  });

  it('puts the title above the picture and the legend below it, all inside the frame', () => {
    const picture = { width: 600, height: 400 };
    const legend = legendFor(
      ['Person', 'Organisation', 'Place', 'Event'],
      ['power', 'conflict', 'claims', 'aid', 'events', 'geography', 'media'],
    );
    const layout = layoutFrame(
      picture,
      { title: 'Kassym-Jomart Tokayev and their neighbours, January 2022', legend },
      { title: mono, legend: mono },
    );
    expect(layout.width).toBe(600 + 2 * FRAME_PADDING);
    // The title's last baseline is above the picture; the legend's rows are below it.
    const lastTitle = layout.titleLines.at(-1)!;
    expect(layout.titleLines.map((l) => l.text).join(' ')).toBe('Kassym-Jomart Tokayev and their neighbours, January 2022');
    expect(lastTitle.y).toBeLessThan(layout.picture.y);
    expect(layout.legend).toHaveLength(legend.length);
    for (const entry of layout.legend) {
      expect(entry.y).toBeGreaterThan(layout.picture.y + picture.height);
      expect(entry.y).toBeLessThan(layout.height);
      expect(entry.x).toBeGreaterThanOrEqual(FRAME_PADDING);
      // Mark and label stay inside the frame's width.
      expect(entry.x + 26 + mono(entry.label)).toBeLessThanOrEqual(layout.width - FRAME_PADDING);
    }
    // Eleven entries do not fit one row of 632 px: the legend flows onto more rows.
    expect(new Set(layout.legend.map((e) => e.y)).size).toBeGreaterThan(1);
  });

  it('gives a narrow picture a frame wide enough to read, centred, and no title room when there is no title', () => {
    const layout = layoutFrame({ width: 100, height: 80 }, { title: '  ', legend: [] }, { title: mono, legend: mono });
    expect(layout.width).toBe(MIN_FRAME_WIDTH);
    expect(layout.titleLines).toEqual([]);
    expect(layout.picture.x).toBe(Math.round((MIN_FRAME_WIDTH - 100) / 2));
    expect(layout.height).toBe(layout.picture.y + 80 + FRAME_PADDING);
  });
});
