import {
  ENTITY_KINDS,
  RELATION_TYPES,
  STANCES,
  mulberry32,
  type Entity,
  type EntityKind,
  type Relation,
  type RelationTypeInfo,
  type Source,
} from '@steppe/domain';
import type { GraphData } from '@steppe/graph-store';

/** The seeded PRNG, so a given seed always yields the same graph. */
export const prng = mulberry32;

const SYLLABLES = [
  'ka',
  'zan',
  'ter',
  'bek',
  'ar',
  'mat',
  'sul',
  'tan',
  'nur',
  'al',
  'ma',
  'ty',
  'as',
  'ta',
  'na',
  'or',
  'da',
  'ry',
  'ul',
  'ken',
  'jan',
  'sa',
  'ra',
  'ly',
];
const SURNAME_ENDINGS = ['ov', 'ev', 'uly', 'enko', 'ski', 'bayev'];
const ORG_WORDS = ['Council', 'Ministry', 'Party', 'Union', 'Agency', 'Front', 'Committee', 'Movement', 'Channel', 'Bank'];
const PLACE_WORDS = ['city', 'region', 'district', 'airport', 'square', 'oblast'];
const EVENT_WORDS = ['protest', 'strike', 'decree', 'summit', 'blockade', 'rally', 'curfew', 'raid'];

/**
 * A reproducible synthetic graph for benchmarks and stress tests: `n` entities,
 * about 10·n relations whose endpoints follow a heavy-tailed (power-law-like)
 * degree distribution, plausible names and dates, and evidence from a pool of
 * synthetic sources. Endpoint kinds always respect the vocabulary.
 */
export function syntheticGraph(n: number, seed = 42, relationsPerEntity = 10): GraphData {
  if (!Number.isInteger(n) || n < 2) throw new Error('--synthetic needs a whole number of entities, at least 2');
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const word = (parts: number) => {
    let w = '';
    for (let i = 0; i < parts; i++) w += pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const day = () => {
    const d = new Date(Date.UTC(2021, 0, 1) + Math.floor(rand() * 730) * 86_400_000);
    return d.toISOString().slice(0, 10);
  };

  const sourceCount = Math.max(5, Math.min(200, Math.round(n / 500)));
  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: `synthetic-source-${i}`,
    title: `${word(2)} ${pick(['Daily', 'Herald', 'Review', 'Wire', 'Times'])} report ${i}`,
    outlet: `${word(2)} ${pick(['News', 'Media', 'Press'])}`,
    publishedAt: day(),
    languages: [pick(['en', 'ru', 'kk'])],
  }));
  // Each source has a short text; evidence quotes one of its sentences. The texts come
  // from a PRNG of their own so that the graph's structure stays what this seed always gave.
  const sentences = syntheticTexts(sources, seed);

  // Kinds in realistic proportions; each kind keeps its own pool of ids.
  const weights: Record<EntityKind, number> = { Person: 0.4, Organisation: 0.25, Place: 0.2, Event: 0.15 };
  const pools: Record<EntityKind, string[]> = { Person: [], Organisation: [], Place: [], Event: [] };
  const entities: Entity[] = [];
  for (let i = 0; i < n; i++) {
    // Guarantee every kind exists, then draw by weight.
    let kind: EntityKind = ENTITY_KINDS[i] ?? 'Person';
    if (i >= ENTITY_KINDS.length) {
      const u = rand();
      let acc = 0;
      for (const k of ENTITY_KINDS) {
        acc += weights[k];
        if (u <= acc) {
          kind = k;
          break;
        }
      }
    }
    const id = `syn-${kind.toLowerCase()}-${i}`;
    pools[kind].push(id);
    const base = { id, aliases: [] as string[], description: '' };
    switch (kind) {
      case 'Person': {
        const name = `${word(2)} ${word(2)}${pick(SURNAME_ENDINGS)}`;
        entities.push({
          ...base,
          kind,
          name,
          aliases: [name.toLowerCase()],
          description: 'Synthetic person',
          roles: [pick(['minister', 'activist', 'governor', 'journalist'])],
        });
        break;
      }
      case 'Organisation':
        entities.push({
          ...base,
          kind,
          name: `${word(2)} ${pick(ORG_WORDS)}`,
          description: 'Synthetic organisation',
          orgType: 'synthetic',
        });
        break;
      case 'Place':
        entities.push({
          ...base,
          kind,
          name: `${word(3)} ${pick(PLACE_WORDS)}`,
          description: 'Synthetic place',
          placeType: 'synthetic',
          lat: 40 + rand() * 15,
          lon: 50 + rand() * 35,
        });
        break;
      case 'Event': {
        const start = day();
        entities.push({ ...base, kind, name: `${word(2)} ${pick(EVENT_WORDS)}`, description: 'Synthetic event', startDate: start });
        break;
      }
    }
  }

  // Low indices are drawn far more often: a few hubs, a long tail.
  const heavyTailed = (pool: string[]) => pool[Math.floor(pool.length * Math.pow(rand(), 3))]!;
  const usable = RELATION_TYPES.filter(
    (t) => t.from.some((k) => pools[k].length > 0) && t.to.some((k) => pools[k].length > 0),
  ) as readonly RelationTypeInfo[];
  const relations: Relation[] = [];
  const total = n * relationsPerEntity;
  for (let i = 0; i < total; i++) {
    const type = pick(usable);
    const fromKind = pick(type.from.filter((k) => pools[k].length > 0));
    const toKind = pick(type.to.filter((k) => pools[k].length > 0));
    const from = heavyTailed(pools[fromKind]);
    let to = heavyTailed(pools[toKind]);
    if (to === from) to = pools[toKind][Math.floor(rand() * pools[toKind].length)]!;
    const evidenceCount = 1 + Math.floor(Math.pow(rand(), 4) * 3);
    const evidence = Array.from({ length: evidenceCount }, () => {
      const source = pick(sources);
      // Two words drawn as before (keeping the PRNG sequence), folded into the choice of sentence.
      const key = `${word(2)} ${word(2)}`;
      const pool = sentences.get(source.id)!;
      return { sourceId: source.id, quote: pool[hashString(key) % pool.length]! };
    });
    relations.push({
      id: `syn-rel-${i}`,
      type: type.name as Relation['type'],
      from,
      to,
      ...(type.dated ? { date: day() } : {}),
      stance: pick(STANCES.filter((s) => s !== 'DENIED')),
      confidence: Math.round(rand() * 100) / 100,
      evidence,
    });
  }
  return { sources, entities, relations };
}

/** Sentences per synthetic source: each is unique in its text, so every quote anchors once. */
const SENTENCES_PER_SOURCE = 24;

/** Gives every source a text of numbered sentences in paragraphs of four; returns the sentences. */
function syntheticTexts(sources: Source[], seed: number): Map<string, string[]> {
  const rand = prng(seed ^ 0x5eed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const word = () => {
    const w = pick(SYLLABLES) + pick(SYLLABLES);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const bySource = new Map<string, string[]>();
  for (const source of sources) {
    const pool = Array.from(
      { length: SENTENCES_PER_SOURCE },
      (_, k) =>
        `${word()} ${pick(['met', 'accused', 'supported', 'visited', 'replaced'])} ${word()} in ${word()}, according to officials (item ${k + 1}).`,
    );
    const paragraphs: string[] = [];
    for (let k = 0; k < pool.length; k += 4) paragraphs.push(pool.slice(k, k + 4).join(' '));
    source.text = `${source.title}\n\n${paragraphs.join('\n\n')}\n`;
    bySource.set(source.id, pool);
  }
  return bySource;
}

/** FNV-1a: a stable, well-spread index from a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
