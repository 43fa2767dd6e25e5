import type { Entity, Source } from '@steppe/domain';
import type { ExportInput, ExportMeta, ExportRelation } from '../src';

/** A quote with everything that breaks naive writers: commas, both quote marks, line breaks, markup, entities. */
export const TRICKY_QUOTE = 'He said, "we asked for help" —\nand then: \'no\', <b>never</b> & AT&amp;T; tab\there\r\nend.';

export const entities: Entity[] = [
  {
    id: 'alikhan-smailov',
    kind: 'Person',
    name: 'Älichan Smajylow',
    aliases: ['Alikhan Smailov', 'Әлихан Смайылов'],
    description: 'Acting prime minister, "first deputy"',
    roles: ['Vice-Prime Minister', 'acting PM'],
  },
  {
    id: 'kassym-jomart-tokayev',
    kind: 'Person',
    name: 'Kassym-Jomart Tokayev',
    aliases: ['Tokaev', 'Токаев'],
    description: 'President of Kazakhstan',
    roles: ['President'],
  },
  {
    id: 'csto',
    kind: 'Organisation',
    name: 'Collective Security Treaty Organization',
    aliases: ['ODKB', 'CSTO'],
    description: 'Military alliance',
    orgType: 'alliance',
  },
  {
    id: 'almaty',
    kind: 'Place',
    name: 'Almaty',
    aliases: ['Alma-Ata'],
    description: 'Largest city',
    placeType: 'city',
    country: 'Kazakhstan',
    lat: 43.2389,
    lon: 76.8897,
  },
  {
    id: 'january-unrest',
    kind: 'Event',
    name: 'January unrest',
    aliases: [],
    description: 'Protests, riots',
    startDate: '2022-01',
    endDate: '2022-01-11',
    placeId: 'almaty',
  },
];

export const sources: Source[] = [
  { id: 'src-a', title: 'Massive internal unrest, part "one"', languages: ['en', 'ru'] },
  {
    id: 'src-b',
    title: 'Protests coordinated from abroad',
    author: 'Own. corr.',
    publishedAt: '2022-01-05',
    languages: ['en'],
    url: 'https://example.org/b?x=1&y=2',
  },
  { id: 'src-unused', title: 'Never cited', languages: ['en'] },
];

export const relations: ExportRelation[] = [
  {
    id: 'tokayev-requested-aid-from-csto',
    type: 'REQUESTED_AID_FROM',
    from: 'kassym-jomart-tokayev',
    to: 'csto',
    date: '2022-01-05',
    stance: 'ASSERTED',
    confidence: 0.9,
    evidence: [
      { sourceId: 'src-a', quote: TRICKY_QUOTE, stance: 'ASSERTED' },
      { sourceId: 'src-b', quote: 'Tokayev asked the CSTO for help.', stance: 'ASSERTED' },
    ],
    sourceCount: 2,
    contested: false,
  },
  {
    id: 'tokayev-appointed-smailov',
    type: 'APPOINTED',
    from: 'kassym-jomart-tokayev',
    to: 'alikhan-smailov',
    startDate: '2022-01',
    endDate: '2022-02',
    stance: 'REPORTED',
    confidence: 1,
    detail: 'acting Prime Minister',
    evidence: [
      {
        sourceId: 'src-a',
        quote: 'The previous Vice-Prime Minister Älichan Smajylow is to take over the official business temporarily,.',
        stance: 'REPORTED',
      },
    ],
    sourceCount: 1,
    contested: false,
  },
  {
    id: 'unrest-occurred-in-almaty',
    type: 'OCCURRED_IN',
    from: 'january-unrest',
    to: 'almaty',
    stance: 'ASSERTED',
    confidence: 0.75,
    evidence: [{ sourceId: 'src-a', quote: 'Almaty, the largest city', stance: 'ASSERTED' }],
    sourceCount: 1,
    contested: false,
  },
  {
    id: 'csto-coordinated-unrest',
    type: 'COORDINATED',
    from: 'csto',
    to: 'january-unrest',
    date: '2022',
    stance: 'CLAIMED',
    confidence: 0.2,
    evidence: [
      { sourceId: 'src-b', quote: 'coordinated from abroad', stance: 'CLAIMED' },
      { sourceId: 'src-a', quote: 'no evidence of foreign coordination', stance: 'DENIED' },
    ],
    sourceCount: 2,
    contested: true,
  },
  {
    id: 'csto-located-in-almaty',
    type: 'LOCATED_IN',
    from: 'csto',
    to: 'almaty',
    stance: 'ASSERTED',
    confidence: 0.5,
    evidence: [],
    sourceCount: 0,
    contested: false,
  },
];

export const meta: ExportMeta = {
  title: 'Tokayev, depth 1',
  query: { ids: ['kassym-jomart-tokayev'], depth: 1, relationTypes: undefined },
  generatedAt: '2024-05-06T07:08:09.000Z',
  graph: 'steppe',
  permalink: 'http://localhost:3000/?e=kassym-jomart-tokayev&x=kassym-jomart-tokayev',
  apiUrl: 'http://localhost:4000/export?format=graphml&ids=kassym-jomart-tokayev&depth=1',
  command: 'npm run export -- --ids kassym-jomart-tokayev --depth 1 --format graphml',
};
delete meta.query.relationTypes;

export function input(overrides: Partial<ExportInput> = {}): ExportInput {
  return { meta, nodes: entities, edges: relations, sources, ...overrides };
}

/** A large synthetic input, produced lazily, for streaming checks. */
export function syntheticInput(n: number, pulled: { nodes: number; edges: number }): ExportInput {
  const nodes = {
    *[Symbol.iterator]() {
      for (let i = 0; i < n; i++) {
        pulled.nodes++;
        yield { id: `n-${i}`, kind: 'Person' as const, name: `Person ${i}`, aliases: [], description: '', roles: [] };
      }
    },
  };
  const edges = {
    *[Symbol.iterator]() {
      for (let i = 1; i < n; i++) {
        pulled.edges++;
        yield {
          id: `e-${i}`,
          type: 'SUPPORTED' as const,
          from: `n-${i}`,
          to: `n-${Math.floor(i / 2)}`,
          date: '2022-01-05',
          stance: 'ASSERTED' as const,
          confidence: 0.5,
          evidence: [{ sourceId: 'src-a', quote: `quote ${i}, "with" commas`, stance: 'ASSERTED' as const }],
        };
      }
    },
  };
  return { meta, nodes, edges, sources };
}
