import type { EntitySummary, Neighbourhood, RelationData } from '../api/types';

/** Small, hand-made API data for unit tests (shaped like the API's answers). */

export const tokayev: EntitySummary = {
  id: 'kassym-jomart-tokayev',
  kind: 'Person',
  name: 'Kassym-Jomart Tokayev',
  aliases: ['Tokaev', 'Токаев'],
  description: 'President of Kazakhstan since 2019.',
};

export const csto: EntitySummary = {
  id: 'csto',
  kind: 'Organisation',
  name: 'Collective Security Treaty Organization',
  aliases: ['CSTO', 'ОДКБ'],
  description: 'A military alliance of six post-Soviet states.',
};

export const almaty: EntitySummary = {
  id: 'almaty',
  kind: 'Place',
  name: 'Almaty',
  aliases: ['Alma-Ata'],
  description: 'The largest city of Kazakhstan.',
};

export const unrest: EntitySummary = {
  id: 'january-2022-unrest',
  kind: 'Event',
  name: 'January 2022 unrest',
  aliases: ['Qandy Qantar'],
  description: 'Nationwide protests and violence in Kazakhstan in January 2022.',
};

export const aidRequest: RelationData = {
  id: 'tokayev-requested-aid-from-csto',
  type: 'REQUESTED_AID_FROM',
  label: 'requested aid from',
  from: tokayev,
  to: csto,
  date: '2022-01-05',
  startDate: null,
  endDate: null,
  stance: 'ASSERTED',
  confidence: 0.95,
  detail: null,
  sourceCount: 2,
  contested: false,
  evidence: [
    {
      quote: 'Tokayev appealed to the CSTO heads of state to help Kazakhstan overcome the terrorist threat.',
      stance: 'ASSERTED',
      source: { id: 'doc-001.md', title: 'Tokayev asks CSTO for help', outlet: 'Example Wire', publishedAt: '2022-01-05', url: null },
    },
    {
      quote: 'The president said he had turned to the CSTO.',
      stance: 'REPORTED',
      source: { id: 'doc-002.md', title: 'Troops requested', outlet: null, publishedAt: '2022-01', url: 'https://example.org/troops' },
    },
  ],
};

export const accusation: RelationData = {
  id: 'tokayev-accused-unrest',
  type: 'ACCUSED',
  label: 'accused',
  from: tokayev,
  to: unrest,
  date: '2022-01-07',
  startDate: null,
  endDate: null,
  stance: 'CLAIMED',
  confidence: 0.6,
  detail: 'foreign-trained terrorists',
  sourceCount: 2,
  contested: true,
  evidence: [
    {
      quote: 'Tokayev blamed the unrest on foreign-trained terrorists.',
      stance: 'CLAIMED',
      source: { id: 'doc-003.md', title: 'Shoot without warning', outlet: 'Example News', publishedAt: '2022-01-07', url: null },
    },
    {
      quote: 'No evidence of foreign involvement has been presented.',
      stance: 'DENIED',
      source: { id: 'doc-004.md', title: 'Questions remain', outlet: 'Example Review', publishedAt: '2022-02-01', url: null },
    },
  ],
};

export const deployment: RelationData = {
  id: 'csto-deployed-to-almaty',
  type: 'DEPLOYED_TO',
  label: 'deployed forces to',
  from: csto,
  to: almaty,
  date: null,
  startDate: '2022-01-06',
  endDate: '2022-01-19',
  stance: 'ASSERTED',
  confidence: 0.9,
  detail: null,
  sourceCount: 1,
  contested: false,
  evidence: [
    {
      quote: 'CSTO peacekeepers guarded the airport in Almaty.',
      stance: 'ASSERTED',
      source: { id: 'doc-005.md', title: 'Peacekeepers arrive', outlet: 'Example Wire', publishedAt: '2022-01-08', url: null },
    },
  ],
};

export function tokayevNeighbourhood(overrides: Partial<Neighbourhood> = {}): Neighbourhood {
  return {
    entity: { ...tokayev, facts: { roles: ['President of Kazakhstan'] } },
    relations: [aidRequest, accusation],
    totalCount: 2,
    hasNextPage: false,
    endCursor: 'c2',
    ...overrides,
  };
}

export function cstoNeighbourhood(): Neighbourhood {
  return {
    entity: { ...csto, facts: { orgType: 'military alliance', country: null } },
    relations: [aidRequest, deployment],
    totalCount: 2,
    hasNextPage: false,
    endCursor: 'c2',
  };
}
