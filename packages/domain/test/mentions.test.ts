import { findMentions, nameKey, spellingIndex } from '../src';

const entities = [
  { id: 'tokayev', name: 'Kassym-Jomart Tokayev', aliases: ['Tokayev', 'Tokaev', 'Токаев'] },
  { id: 'almaty', name: 'Almaty', aliases: ['Alma-Ata'] },
  { id: 'nur-sultan', name: 'Nur-Sultan', aliases: ['Astana'] },
  { id: 'smailov', name: 'Alikhan Smailov', aliases: ['Älichan Smajylow'] },
  { id: 'csto', name: 'Collective Security Treaty Organization', aliases: ['CSTO', 'ODKB'] },
  { id: 'kz', name: 'KZ', aliases: [] },
];
const index = spellingIndex(entities);

function named(text: string): [string, string][] {
  return findMentions(text, index).map((m) => [m.entityId, text.slice(m.start, m.end)]);
}

describe('findMentions', () => {
  it('finds names and aliases, longest first, with exact offsets', () => {
    const text =
      'President Kassym-Jomart Tokayev asked the CSTO for help; Tokayev later thanked the Collective Security Treaty Organization.';
    expect(named(text)).toEqual([
      ['tokayev', 'Kassym-Jomart Tokayev'],
      ['csto', 'CSTO'],
      ['tokayev', 'Tokayev'],
      ['csto', 'Collective Security Treaty Organization'],
    ]);
  });

  it('folds case and diacritics, reads Cyrillic, and ignores a possessive', () => {
    expect(named('ALMATY burns. Alichan Smajylow took over. Токаев обратился. Tokaev’s decree.')).toEqual([
      ['almaty', 'ALMATY'],
      ['smailov', 'Alichan Smajylow'],
      ['tokayev', 'Токаев'],
      ['tokayev', 'Tokaev'],
    ]);
  });

  it('does not join words across punctuation or match inside words, and skips very short names', () => {
    expect(named('Alma-Ata, Nur-Sultan; Almatyville; KZ')).toEqual([
      ['almaty', 'Alma-Ata'],
      ['nur-sultan', 'Nur-Sultan'],
    ]);
    expect(named('Kassym-Jomart, Tokayev')).toEqual([['tokayev', 'Tokayev']]);
  });

  it('keys spellings by folded, single-spaced text', () => {
    expect(nameKey('  Älichan   Smajylow ')).toBe('alichan smajylow');
  });
});
