/**
 * Recognising the dataset's entities in a document's text by their names and
 * aliases, without a model: the text is split into words, and runs of up to
 * MAX_NAME_WORDS words separated only by spaces are looked up among the
 * spellings, longest first. Matching folds case and diacritics (so "Tokaev"
 * in a sentence's capitalisation still matches), and a possessive "'s" is
 * ignored. Cost is linear in the text, whatever the number of entities.
 */

/** Where an entity is named in a text (UTF-16 offsets, end exclusive). */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

/** Spellings shorter than this are not looked for: too many false hits. */
export const MIN_NAME_LENGTH = 3;
/** The longest name, in words, that is recognised. */
export const MAX_NAME_WORDS = 6;

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

/** The lookup key of a spelling or a run of words. */
export function nameKey(spelling: string): string {
  return spelling.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Spelling key → entity ids, for every name and alias long enough to look for. */
export function spellingIndex(entities: Iterable<{ id: string; name: string; aliases: readonly string[] }>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const entity of entities) {
    for (const spelling of [entity.name, ...entity.aliases]) {
      if (spelling.trim().length < MIN_NAME_LENGTH) continue;
      const key = nameKey(spelling);
      const ids = index.get(key) ?? [];
      if (!ids.includes(entity.id)) ids.push(entity.id);
      index.set(key, ids);
    }
  }
  return index;
}

/**
 * Every mention of an indexed spelling in `text`, left to right, not overlapping
 * (the longest spelling wins). A spelling shared by several entities yields a
 * mention for each of them at the same place.
 */
export function findMentions(text: string, index: ReadonlyMap<string, readonly string[]>): Mention[] {
  const words: { start: number; end: number; key: string; spacedBefore: boolean }[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const previous = words[words.length - 1];
    const gap = previous ? text.slice(previous.end, start) : '';
    words.push({
      start,
      end: start + match[0].length,
      key: nameKey(match[0]),
      spacedBefore: previous !== undefined && /^[ \t]+$/.test(gap),
    });
  }
  const mentions: Mention[] = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    let ids: readonly string[] | undefined;
    let end = 0;
    let key = '';
    for (let n = 1; n <= MAX_NAME_WORDS && i + n <= words.length; n++) {
      const word = words[i + n - 1]!;
      if (n > 1 && !word.spacedBefore) break;
      key = n === 1 ? word.key : `${key} ${word.key}`;
      const hit = index.get(key) ?? index.get(key.replace(/['’]s$/, ''));
      if (hit) {
        matched = n;
        ids = hit;
        end = index.has(key) ? word.end : word.end - 2;
      }
    }
    if (matched > 0 && ids) {
      for (const entityId of ids) mentions.push({ entityId, start: words[i]!.start, end });
      i += matched;
    } else {
      i += 1;
    }
  }
  return mentions;
}
